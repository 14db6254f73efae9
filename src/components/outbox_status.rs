use leptos::prelude::*;

use crate::focus::focus_later;
use crate::i18n::{use_i18n, Key};

/// What happens to a submission not yet acknowledged, said honestly: being sent, or kept on
/// this device until the connection is back. It takes the place of the step, and focus with
/// it: focus would otherwise fall to the page.
#[component]
pub fn OutboxStatus(#[prop(into)] attempts: Signal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    focus_later("mtr-outbox-status".to_owned());
    let text = move || {
        i18n.t(if attempts.get() == 0 {
            Key::StatusSending
        } else {
            Key::StatusSavedOffline
        })
    };
    view! {
        <p class="mtr-status" role="status" data-testid="outbox-status" id="mtr-outbox-status" tabindex="-1">
            {text}
        </p>
    }
}
