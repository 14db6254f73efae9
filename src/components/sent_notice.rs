use leptos::prelude::*;

use crate::i18n::{tr, Key};

/// On the welcome, when this device holds the receipt of a response sent earlier — perhaps by
/// someone else on a shared device: the receipt is shown only when asked for, and can be
/// removed from the device. "Start" begins a new response.
#[component]
pub fn SentNotice(
    /// Shows the receipt.
    #[prop(into)]
    on_show: Callback<()>,
    /// Forgets the receipt on this device and starts afresh.
    #[prop(into)]
    on_restart: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="mtr-notice" aria-labelledby="mtr-sent-notice">
            <h2 id="mtr-sent-notice" class="mtr-h3">{tr(Key::SentOnDevice)}</h2>
            <p>{tr(Key::SentOnDeviceHint)}</p>
            <div class="mtr-actions">
                <button type="button" class="mtr-button" on:click=move |_| on_show.run(())>
                    {tr(Key::ShowReceipt)}
                </button>
                <button type="button" class="mtr-button" on:click=move |_| on_restart.run(())>
                    {tr(Key::ForgetReceipt)}
                </button>
            </div>
        </section>
    }
}
