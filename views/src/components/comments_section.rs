use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::Lang;

use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};

/// Approved comments on the goal conflicts, under each conflict's title.
#[component]
pub fn CommentsSection(
    data: Arc<ResultsData>,
    /// `(conflict id, text)`, approved ones only.
    comments: Vec<(String, String)>,
    lang: Lang,
) -> impl IntoView {
    let conflicts = data
        .consultation
        .conflicts
        .iter()
        .filter_map(|c| {
            let texts: Vec<String> = comments
                .iter()
                .filter(|(id, _)| id == c.id.as_str())
                .map(|(_, text)| text.clone())
                .collect();
            (!texts.is_empty()).then(|| {
                let items = texts
                    .into_iter()
                    .map(|text| view! { <li><blockquote>{text}</blockquote></li> })
                    .collect_view();
                view! {
                    <h3>{fill(t(lang, Key::ConflictTitle), &[("title", c.title.get(lang))])}</h3>
                    <ul class="res-quotes">{items}</ul>
                }
            })
        })
        .collect::<Vec<_>>();
    let body = if conflicts.is_empty() {
        view! { <p>{t(lang, Key::NoComments)}</p> }.into_any()
    } else {
        view! {
            <p>{t(lang, Key::CommentsIntro)}</p>
            {conflicts}
        }
        .into_any()
    };
    view! {
        <section class="res-section" aria-labelledby="comments-title">
            <h2 id="comments-title">{t(lang, Key::CommentsTitle)}</h2>
            {body}
        </section>
    }
}
