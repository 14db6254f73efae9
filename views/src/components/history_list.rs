use leptos::prelude::*;
use mitreden_core::outcome::{Dated, FeedChange};
use mitreden_core::{locale, Consultation, Lang};

use crate::follow_up::change;
use crate::i18n::{fill, t, Key};

/// Every published change, newest first, with its date: nothing is rewritten unseen.
#[component]
pub fn HistoryList(
    changes: Vec<Dated<FeedChange>>,
    consultation: Consultation,
    proposals: Vec<(i64, String)>,
    lang: Lang,
) -> impl IntoView {
    let summary = fill(
        t(lang, Key::HistoryHeading),
        &[("n", &locale::integer(lang, changes.len() as u64))],
    );
    let items = changes
        .iter()
        .map(|d| {
            let text = change(lang, &consultation, &proposals, &d.change);
            view! {
                <li>
                    <time datetime=d.at.to_string()>{locale::date(lang, d.at.date())}</time>
                    ": "{text}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="res-details res-history">
            <summary>{summary}</summary>
            <ol class="res-history-list">{items}</ol>
        </details>
    }
}
