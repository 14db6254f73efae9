use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;

use crate::flow::STEP_HEADING;
use crate::focus::focus_later;
use crate::i18n::{tr, Key};
use crate::later::Unavailable;

/// A part of the widget from the separately loaded module (see [`crate::later`]): a short note
/// while it arrives, and, should it not arrive, the reason and a button to try again. The
/// draft is on the device all the while, so nothing is lost.
#[component]
pub fn LaterPart<F, Fut>(
    load: F,
    /// This is a step: if keyboard focus was lost while it arrived (the button that led here
    /// is gone), it goes to the step's heading.
    #[prop(optional)]
    refocus: bool,
) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, Unavailable>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let part = move || {
        attempt.track();
        let loading = SendWrapper::new(load());
        Suspend::new(async move {
            match loading.await {
                Ok(view) => {
                    if refocus && focus_lost() {
                        focus_later(STEP_HEADING.to_owned());
                    }
                    view
                }
                Err(Unavailable) => view! {
                    <p class="mtr-error" role="alert">{tr(Key::PartUnavailable)}</p>
                    <button
                        type="button"
                        class="mtr-button"
                        on:click=move |_| attempt.update(|n| *n += 1)
                    >
                        {tr(Key::TryAgain)}
                    </button>
                }
                .into_any(),
            }
        })
    };
    view! {
        <Suspense fallback=|| view! { <p class="mtr-loading">{tr(Key::PartLoading)}</p> }>
            {part}
        </Suspense>
    }
}

/// Nothing has keyboard focus (it fell back to the page's body).
fn focus_lost() -> bool {
    let document = document();
    match document.active_element() {
        None => true,
        Some(active) => document.body().is_some_and(|body| *body == active),
    }
}
