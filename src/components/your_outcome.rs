use leptos::prelude::*;
use mitreden_core::PriorityId;

use crate::api;
use crate::components::outcome_items::OutcomeItems;
use crate::context::use_consultation;
use crate::i18n::{tr, Key};

/// How many of a participant's first goals the receipt look-up reports on.
const FIRST: usize = 3;

/// For a participant who looked up their receipt: what became of the goals they ranked
/// highest, once the ministry has published it.
#[component]
pub fn YourOutcome(ranking: Vec<PriorityId>) -> impl IntoView {
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
        let items: Vec<_> = first
            .iter()
            .filter_map(|p| outcome.items.iter().find(|i| i.id == p.as_str()).cloned())
            .collect();
        Some(if items.is_empty() {
            view! { <p>{tr(Key::OutcomeNoneForYours)}</p> }.into_any()
        } else {
            view! {
                <p>{tr(Key::OutcomeForYours)}</p>
                <OutcomeItems published items />
            }
            .into_any()
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
