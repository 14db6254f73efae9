use leptos::prelude::*;
use mitreden_core::outcome::ItemKind;
use mitreden_core::PriorityId;

use crate::api::{self, OutcomeItem};
use crate::components::outcome_items::OutcomeItems;
use crate::components::results_link::ResultsLink;
use crate::context::use_consultation;
use crate::i18n::{tr, use_i18n, Key};

/// How many of a participant's first goals the receipt look-up reports on.
const FIRST: usize = 3;

/// For a participant who looked up their receipt: the ministry's summary and what became of
/// each of the goals they ranked highest (said so where there is no response yet), once the
/// ministry has published an outcome.
#[component]
pub fn YourOutcome(ranking: Vec<PriorityId>) -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let slug = consultation.slug.to_string();
    let published = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::outcome(&slug).await }
    });
    let first: Vec<PriorityId> = ranking.into_iter().take(FIRST).collect();
    let body = move || {
        let published = published.get()?.ok()?;
        let outcome = published.outcome.clone()?;
        // Every one of the first goals, those without a response said to have none yet.
        let items: Vec<OutcomeItem> = first
            .iter()
            .map(|p| {
                outcome
                    .items
                    .iter()
                    .find(|i| i.id == p.as_str())
                    .cloned()
                    .unwrap_or_else(|| OutcomeItem::none(p.as_str(), ItemKind::Priority))
            })
            .collect();
        let summary = outcome.summary.clone();
        Some(view! {
            <p>{move || summary.get(i18n.lang.get()).to_owned()}</p>
            <p>{tr(Key::OutcomeForYours)}</p>
            <OutcomeItems published items />
            <ResultsLink />
        })
    };
    view! {
        <Suspense fallback=|| ()>
            {move || {
                body()
                    .map(|b| {
                        view! {
                            <section class="mtr-your-outcome" aria-labelledby="mtr-your-outcome">
                                <h3 class="mtr-h3" id="mtr-your-outcome">{tr(Key::OutcomeHeading)}</h3>
                                {b}
                            </section>
                        }
                    })
            }}
        </Suspense>
    }
}
