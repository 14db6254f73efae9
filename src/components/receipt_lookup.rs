use leptos::prelude::*;

use crate::components::later_part::LaterPart;
use crate::i18n::{tr, Key};
use crate::later;

/// For a participant on another device (or after clearing the browser): view and withdraw a
/// submission with the receipt code they kept. The form comes with the later part of the
/// widget, asked for when the participant first opens this.
#[component]
pub fn ReceiptLookup() -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="mtr-lookup" on:toggle=move |_| opened.set(true)>
            <summary>{tr(Key::LookupSummary)}</summary>
            {move || opened.get().then(|| view! { <LaterPart load=later::receipt_lookup /> })}
        </details>
    }
}
