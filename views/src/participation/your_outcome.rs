use leptos::prelude::*;
use mitreden_core::outcome::{FollowUp, ItemKind};
use mitreden_core::{Consultation, Lang, PriorityId};

use super::outcome_list::OutcomeList;
use super::page_texts::{text, Key};
use super::results_link::ResultsLink;

/// How many of a participant's first goals the receipt look-up reports on.
const FIRST: usize = 3;

/// For a participant who looked up their receipt: the ministry's summary and what became of
/// each of the goals they ranked highest (said so where there is no response yet), once the
/// ministry has published an outcome; nothing before.
#[component]
pub fn YourOutcome(
    consultation: Consultation,
    lang: Lang,
    ranking: Vec<PriorityId>,
    follow_up: FollowUp,
) -> impl IntoView {
    let outcome = follow_up.outcome?;
    let items = ranking
        .into_iter()
        .take(FIRST)
        .map(|p| {
            let item = outcome.item(p.as_str()).cloned();
            (ItemKind::Priority, p.to_string(), item)
        })
        .collect();
    let measured = follow_up.indicators.into_iter().map(|(p, _)| p).collect();
    Some(view! {
        <section class="mtr-your-outcome" aria-labelledby="mtr-your-outcome">
            <h3 class="mtr-h3" id="mtr-your-outcome">{text(lang, Key::OutcomeHeading)}</h3>
            <p>{outcome.summary.get(lang).to_owned()}</p>
            <p>{text(lang, Key::OutcomeForYours)}</p>
            <OutcomeList consultation=consultation.clone() lang items measured />
            <ResultsLink consultation lang outcome=true />
        </section>
    })
}
