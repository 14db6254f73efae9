use leptos::prelude::*;
use mitreden_core::draft::Mode;

use crate::api::{self, ErrorText};
use crate::components::confirm_withdraw::ConfirmWithdraw;
use crate::context::use_consultation;
use crate::device::{Device, Sent};
use crate::focus::focus_later;
use crate::i18n::{tr, use_i18n, Key};

/// Withdrawing the submission with its receipt, after a confirmation.
#[component]
pub fn WithdrawPanel(sent: Sent, #[prop(into)] on_restart: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_consultation().slug.to_string();
    let organisation = sent.draft.mode == Some(Mode::Organisation);
    let receipt = sent.acknowledgement.receipt.clone();
    let withdraw = Action::new_local(move |(): &()| {
        let (slug, receipt) = (slug.clone(), receipt.clone());
        async move {
            // Withdrawn already (through the look-up, on another device): as good as done now.
            let result = match api::withdraw(&slug, organisation, &receipt).await {
                Err(e) if e.code() == Some("receipt_unknown") => Ok(()),
                result => result,
            };
            if result.is_ok() {
                Device::new(&slug).clear();
            }
            result
        }
    });
    let done = move || matches!(withdraw.value().get(), Some(Ok(())));
    let failed = move || match withdraw.value().get() {
        Some(Err(e)) => Some(i18n.t(e.key())),
        _ => None,
    };
    Effect::new(move |_| {
        if done() {
            focus_later("mtr-withdrawn".to_owned());
        }
    });
    view! {
        <div class="mtr-withdraw">
            <Show
                when=done
                fallback=move || {
                    view! { <ConfirmWithdraw on_confirm=move |()| { withdraw.dispatch(()); } failed=Signal::derive(failed) statement=organisation /> }
                }
            >
                <p id="mtr-withdrawn" tabindex="-1" role="status">
                    {tr(if organisation { Key::StatementWithdrawnNotice } else { Key::WithdrawnNotice })}
                </p>
                <button type="button" class="mtr-button" on:click=move |_| on_restart.run(())>
                    {tr(Key::StartAgain)}
                </button>
            </Show>
        </div>
    }
}
