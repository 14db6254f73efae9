use leptos::prelude::*;

use crate::api::{ApiError, ErrorText};
use crate::i18n::{use_i18n, Key};

/// Why something was refused: the sentence for the error's code, and the server's detail
/// (which names the line, item or field; in English) for the record.
#[component]
pub fn ProblemNote(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    let key = error.key();
    let detail = match &error {
        ApiError::Http {
            message, status, ..
        } if (400..500).contains(status) => Some(message.clone()),
        _ => None,
    };
    view! {
        <div class="dash-error" role="alert">
            <p>{move || i18n.t(key)}</p>
            {detail.map(|d| {
                view! { <p class="dash-detail">{move || i18n.t(Key::ProblemDetail)}" "<span lang="en">{d.clone()}</span></p> }
            })}
        </div>
    }
}
