use leptos::prelude::*;

use crate::focus::focus_later;
use crate::i18n::{tr, Key};

/// "Withdraw" with a confirmation first, wherever a submission can be withdrawn (the receipt,
/// the receipt look-up): one tap never deletes anything.
#[component]
pub fn ConfirmWithdraw(
    /// Withdraws, once confirmed.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// Why the last attempt failed, if it did.
    #[prop(into)]
    failed: Signal<Option<&'static str>>,
    /// An organisation's statement rather than a response.
    #[prop(optional)]
    statement: bool,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let (withdraw, confirm) = if statement {
        (Key::WithdrawStatement, Key::WithdrawStatementConfirm)
    } else {
        (Key::Withdraw, Key::WithdrawConfirm)
    };
    // Keeping it: focus back where it was, on the button.
    let keep = move |_| {
        confirming.set(false);
        focus_later("mtr-withdraw".to_owned());
    };
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="mtr-button"
                        id="mtr-withdraw"
                        on:click=move |_| {
                            confirming.set(true);
                            focus_later("mtr-withdraw-confirm".to_owned());
                        }
                    >
                        {tr(withdraw)}
                    </button>
                }
            }
        >
            <p id="mtr-withdraw-confirm" tabindex="-1">{tr(confirm)}</p>
            <button type="button" class="mtr-button mtr-danger" on:click=move |_| on_confirm.run(())>
                {tr(Key::WithdrawYes)}
            </button>
            " "
            <button type="button" class="mtr-button" on:click=keep>
                {tr(Key::WithdrawNo)}
            </button>
            <p class="mtr-error" role="alert" class:mtr-hidden=move || failed.get().is_none()>
                {move || failed.get()}
            </p>
        </Show>
    }
}
