use leptos::portal::Portal;
use leptos::prelude::*;

use crate::context::use_announcer;
use crate::i18n::{tr, use_i18n, Key};

/// On the welcome, when this device holds the receipt of a response sent earlier — perhaps by
/// someone else on a shared device: the receipt is shown only when asked for, and can be
/// removed from the device. "Start" begins a new response. Near the top of the server-rendered
/// welcome (its `#mtr-notice-slot`), where it is seen before the start button.
#[component]
pub fn SentNotice(
    /// Shows the receipt.
    #[prop(into)]
    on_show: Callback<()>,
    /// Forgets the receipt on this device and starts afresh.
    #[prop(into)]
    on_restart: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let forget = move |_| {
        on_restart.run(());
        announcer.announce(i18n.t(Key::ReceiptForgotten).to_owned());
    };
    let notice = move || {
        view! {
            <section class="mtr-notice" aria-labelledby="mtr-sent-notice">
                <h2 id="mtr-sent-notice" class="mtr-h3">{tr(Key::SentOnDevice)}</h2>
                <p>{tr(Key::SentOnDeviceHint)}</p>
                <div class="mtr-actions">
                    <button type="button" class="mtr-button" on:click=move |_| on_show.run(())>
                        {tr(Key::ShowReceipt)}
                    </button>
                    <button type="button" class="mtr-button" on:click=forget>
                        {tr(Key::ForgetReceipt)}
                    </button>
                </div>
            </section>
        }
    };
    match document().get_element_by_id("mtr-notice-slot") {
        Some(slot) => view! { <Portal mount=slot>{notice()}</Portal> }.into_any(),
        None => notice().into_any(),
    }
}
