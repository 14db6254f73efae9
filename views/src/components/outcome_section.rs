use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::outcome::{FollowUp, ItemKind};
use mitreden_core::{locale, Lang};

use super::history_list::HistoryList;
use super::outcome_item::OutcomeItem;
use crate::data::ResultsData;
use crate::follow_up::item_name;
use crate::i18n::{fill, t, Key};

/// "What becomes of your input": the ministry's summary, then every goal in the order the
/// consultation ranked them with its status, response, rank move and indicators, then the goal
/// conflicts and proposals the response speaks of, and every change with its date. Nothing
/// while nothing is published.
#[component]
pub fn OutcomeSection(
    data: Arc<ResultsData>,
    follow_up: FollowUp,
    /// Titles of the proposals the outcome may speak of, by number.
    proposals: Vec<(i64, String)>,
    lang: Lang,
    accent: String,
    /// The Atom feed's address.
    #[prop(default = None)]
    feed: Option<String>,
) -> impl IntoView {
    if follow_up.outcome.is_none() && follow_up.indicators.is_empty() {
        return ().into_any();
    }
    let c = &data.consultation;
    let outcome = follow_up.outcome.clone();
    let item = |id: &str| outcome.as_ref().and_then(|o| o.item(id)).cloned();
    let ranking = &data.results.overall.ranking;
    // While the whole is withheld there is no order of the consultation to follow.
    let goals_heading = if ranking.is_empty() {
        Key::OutcomeGoalsUnranked
    } else {
        Key::OutcomeGoals
    };
    let mut goals: Vec<_> = c.priorities.iter().collect();
    if !ranking.is_empty() {
        goals.sort_by_key(|p| {
            ranking
                .iter()
                .find(|r| r.priority == p.id)
                .map_or(u32::MAX, |r| r.rank)
        });
    }
    let goal_items = goals
        .into_iter()
        .map(|p| {
            let rank = ranking
                .iter()
                .find(|r| r.priority == p.id)
                .map(|r| (r.rank, ranking.len()));
            let moved = follow_up
                .rounds
                .as_ref()
                .and_then(|r| r.overall_move(&p.id))
                .cloned();
            view! {
                <OutcomeItem
                    id=format!("outcome-{}", p.id)
                    name=p.title.get(lang).to_owned()
                    item=item(p.id.as_str())
                    rank=rank
                    moved=moved
                    indicators=follow_up.indicators_of(&p.id).to_vec()
                    lang
                    accent=accent.clone()
                />
            }
        })
        .collect_view();
    let others = |kind: ItemKind| {
        outcome
            .iter()
            .flat_map(|o| o.items.iter())
            .filter(|i| i.kind == kind)
            .map(|i| {
                view! {
                    <OutcomeItem
                        id=format!("outcome-{}", i.id)
                        name=item_name(lang, c, &proposals, &i.id, kind)
                        item=Some(i.clone())
                        lang
                        accent=accent.clone()
                    />
                }
            })
            .collect::<Vec<_>>()
    };
    let group = |key: Key, items: Vec<AnyView>| {
        (!items.is_empty()).then(|| {
            view! {
                <section class="res-outcome-group">
                    <h3>{t(lang, key)}</h3>
                    {items}
                </section>
            }
        })
    };
    let conflicts = group(
        Key::OutcomeConflicts,
        others(ItemKind::Conflict)
            .into_iter()
            .map(|v| v.into_any())
            .collect(),
    );
    let proposal_items = group(
        Key::OutcomeProposals,
        others(ItemKind::Proposal)
            .into_iter()
            .map(|v| v.into_any())
            .collect(),
    );
    let summary = outcome.as_ref().map(|o| {
        let dates = fill(
            t(lang, Key::OutcomeUpdated),
            &[
                ("first", &locale::date(lang, o.published.date())),
                ("date", &locale::date(lang, o.updated.date())),
            ],
        );
        view! {
            <p class="res-outcome-summary">{o.summary.get(lang).to_owned()}</p>
            <p class="res-outcome-dates">{dates}</p>
        }
    });
    let feed = feed.map(|href| {
        view! { <p><a href=href type="application/atom+xml">{t(lang, Key::FeedLink)}</a></p> }
    });
    let licence = follow_up.licence.as_ref().map(|l| {
        let text = fill(t(lang, Key::Licence), &[("licence", &l.name)]);
        view! { <p class="res-licence"><a href=l.url.clone() rel="license">{text}</a></p> }
    });
    let history = (!follow_up.history.is_empty()).then(|| {
        view! {
            <HistoryList
                changes=follow_up.history.clone()
                consultation=c.clone()
                proposals=proposals.clone()
                lang
            />
        }
    });
    view! {
        <section class="res-section res-outcome" id="outcome" aria-labelledby="outcome-title">
            <h2 id="outcome-title">{t(lang, Key::OutcomeHeading)}</h2>
            {summary}
            {feed}
            <section class="res-outcome-group">
                <h3>{t(lang, goals_heading)}</h3>
                {goal_items}
            </section>
            {conflicts}
            {proposal_items}
            {history}
            {licence}
        </section>
    }
    .into_any()
}
