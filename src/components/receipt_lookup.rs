use leptos::prelude::*;

use crate::components::receipt_lookup_form::ReceiptLookupForm;
use crate::i18n::{tr, Key};

/// For a participant on another device (or after clearing the browser): view and withdraw a
/// submission with the receipt code they kept (on a closed consultation's page; on an open
/// one's, the server-rendered welcome has the disclosure, see `WelcomeLookup`).
#[component]
pub fn ReceiptLookup() -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="mtr-lookup" on:toggle=move |_| opened.set(true)>
            <summary>{tr(Key::LookupSummary)}</summary>
            {move || opened.get().then(|| view! { <ReceiptLookupForm /> })}
        </details>
    }
}
