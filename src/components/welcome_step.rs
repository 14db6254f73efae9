use leptos::prelude::*;

use crate::components::receipt_lookup::ReceiptLookup;
use crate::components::step_frame::StepFrame;
use crate::i18n::{use_i18n, Key};

/// What the consultation is about, how long it takes, and what happens with the data.
#[component]
pub fn WelcomeStep() -> impl IntoView {
    let i18n = use_i18n();
    let privacy_href = move || format!("/datenschutz?lang={}", i18n.lang.get().code());
    view! {
        <StepFrame heading=Key::WelcomeHeading on_next=|()| true next_label=Key::Start>
            <p>{move || i18n.t(Key::WelcomeDuration)}</p>
            <h3 class="mtr-h3">{move || i18n.t(Key::PrivacyHeading)}</h3>
            <p>{move || i18n.t(Key::PrivacyText)}</p>
            <p>
                <a href=privacy_href target="_blank" rel="noopener">
                    {move || i18n.t(Key::PrivacyLink)}
                </a>
            </p>
            <ReceiptLookup />
        </StepFrame>
    }
}
