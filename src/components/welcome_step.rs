use leptos::prelude::*;

use crate::components::receipt_lookup::ReceiptLookup;
use crate::components::step_frame::StepFrame;
use crate::i18n::{tr, use_i18n, Key};

/// What the consultation is about, how long it takes, and what happens with the data.
#[component]
pub fn WelcomeStep() -> impl IntoView {
    let i18n = use_i18n();
    let privacy_href = move || format!("/datenschutz?lang={}", i18n.lang.get().code());
    view! {
        <StepFrame heading=Key::WelcomeHeading on_next=|()| true next_label=Key::Start>
            <p>{tr(Key::WelcomeDuration)}</p>
            <h3 class="mtr-h3">{tr(Key::PrivacyHeading)}</h3>
            <p>{tr(Key::PrivacyText)}</p>
            <p>
                <a href=privacy_href target="_blank" rel="noopener">
                    {tr(Key::PrivacyLink)}
                </a>
            </p>
            <ReceiptLookup />
        </StepFrame>
    }
}
