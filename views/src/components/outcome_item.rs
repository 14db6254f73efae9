use leptos::prelude::*;
use mitreden_core::indicator::PublishedIndicator;
use mitreden_core::outcome::PublishedItem;
use mitreden_core::results::rounds::RankMove;
use mitreden_core::{locale, Lang};

use super::indicator_view::IndicatorView;
use crate::follow_up::{movement, status};
use crate::i18n::{fill, t, Key};

/// What became of one goal, conflict or proposal: its status and the ministry's response;
/// for a goal also its place in the consultation, how that moved since the round before, and
/// its indicators.
#[component]
pub fn OutcomeItem(
    /// Unique on the page.
    id: String,
    name: String,
    item: Option<PublishedItem>,
    /// Place and number of goals, for goals.
    #[prop(default = None)]
    rank: Option<(u32, usize)>,
    #[prop(default = None)] moved: Option<RankMove>,
    #[prop(optional)] indicators: Vec<PublishedIndicator>,
    lang: Lang,
    accent: String,
) -> impl IntoView {
    let heading = format!("{id}-name");
    let place = rank.map(|(rank, of)| {
        let mut text = fill(
            t(lang, Key::RankInConsultation),
            &[
                ("rank", &locale::integer(lang, u64::from(rank))),
                ("n", &locale::integer(lang, of as u64)),
            ],
        );
        if let Some(m) = &moved {
            text.push_str("; ");
            text.push_str(&movement(lang, m));
        }
        view! { <p class="res-outcome-rank">{text}</p> }
    });
    let body = match &item {
        Some(item) => {
            let updated = fill(
                t(lang, Key::ItemUpdated),
                &[("date", &locale::date(lang, item.updated.date()))],
            );
            view! {
                <p class="res-outcome-status">
                    <span class="res-status" data-status=item.status.code()>
                        {t(lang, Key::StatusLabel)}": "<strong>{status(lang, item.status)}</strong>
                    </span>
                    " "
                    <time class="res-outcome-date" datetime=item.updated.to_string()>{updated}</time>
                </p>
                <p class="res-outcome-response">{item.response.get(lang).to_owned()}</p>
            }
            .into_any()
        }
        None => view! { <p class="res-outcome-none">{t(lang, Key::NoResponseYet)}</p> }.into_any(),
    };
    let measured = (!indicators.is_empty()).then(|| {
        let figures = indicators
            .into_iter()
            .map(|i| {
                let figure = format!("{id}-{}", i.indicator.id);
                view! { <IndicatorView indicator=i id=figure lang accent=accent.clone() /> }
            })
            .collect_view();
        view! {
            <div class="res-indicators">
                <p class="res-indicators-title">{t(lang, Key::IndicatorsHeading)}</p>
                {figures}
            </div>
        }
    });
    let labelled_by = heading.clone();
    view! {
        <article class="res-outcome-item" id=id aria-labelledby=labelled_by>
            <h4 id=heading>{name}</h4>
            {place}
            {body}
            {measured}
        </article>
    }
}
