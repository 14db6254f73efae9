use leptos::prelude::*;

use crate::flow::use_flow;
use crate::i18n::{tr, Key};

/// A field people never see or reach: off-screen, hidden from assistive technology and out of
/// the tab order. Programs that fill in every field fill in this one too, and the server
/// refuses what they send (`honeypot_filled`).
#[component]
pub fn Honeypot() -> impl IntoView {
    let flow = use_flow();
    view! {
        <div class="mtr-honeypot" aria-hidden="true">
            <label for="mtr-website">{tr(Key::HoneypotLabel)}</label>
            <input
                id="mtr-website"
                name="website"
                type="text"
                tabindex="-1"
                autocomplete="off"
                prop:value=move || flow.draft.with(|d| d.website.clone())
                on:input=move |ev| flow.draft.update(|d| d.website = event_target_value(&ev))
            />
        </div>
    }
}
