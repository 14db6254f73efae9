use leptos::prelude::*;
use mitreden_core::outcome::{FollowUp, ItemKind};
use mitreden_core::{Consultation, Lang};

use super::lookup_disclosure::LookupDisclosure;
use super::outcome_list::OutcomeList;
use super::page_texts::{text, Key};
use super::results_link::ResultsLink;

/// A closed consultation: no form, but what became of the input — the ministry's summary and
/// each goal's and conflict's status and response, goals first, in the consultation's order —
/// with the results, the feed of changes and the way to look up one's own response.
#[component]
pub fn ClosedOutcome(
    consultation: Consultation,
    lang: Lang,
    /// What was published (`None`: nothing yet).
    follow_up: Option<FollowUp>,
    /// The receipt look-up page.
    lookup: String,
) -> impl IntoView {
    let c = consultation;
    let t = move |key| text(lang, key);
    let (outcome, measured) = follow_up.map_or((None, Vec::new()), |f| {
        let measured = f.indicators.into_iter().map(|(p, _)| p).collect();
        (f.outcome, measured)
    });
    let published = outcome.is_some();
    let body = match outcome {
        None => view! { <p>{t(Key::OutcomeNotYet)}</p> }.into_any(),
        Some(outcome) => {
            let goals = c
                .priorities
                .iter()
                .map(|p| (ItemKind::Priority, p.id.to_string()));
            let conflicts = c
                .conflicts
                .iter()
                .map(|x| (ItemKind::Conflict, x.id.to_string()));
            let items = goals
                .chain(conflicts)
                .filter_map(|(kind, id)| {
                    let item = outcome.item(&id).filter(|i| i.kind == kind).cloned()?;
                    Some((kind, id, Some(item)))
                })
                .collect();
            view! {
                <p>{outcome.summary.get(lang).to_owned()}</p>
                <OutcomeList consultation=c.clone() lang items measured />
            }
            .into_any()
        }
    };
    let feed = format!("/results/{}/feed.atom?lang={}", c.slug, lang.code());
    view! {
        <section class="mtr-closed" aria-labelledby="mtr-closed-heading">
            <h2 class="mtr-h2" id="mtr-closed-heading">{t(Key::ClosedHeading)}</h2>
            <p>{t(Key::ClosedIntro)}</p>
            <h3 class="mtr-h3">{t(Key::OutcomeHeading)}</h3>
            {body}
            <ResultsLink consultation=c.clone() lang outcome=published />
            <p>
                <a href=feed type="application/atom+xml" target="_blank" rel="noopener">
                    {t(Key::OutcomeFeedLink)}
                </a>
            </p>
            <LookupDisclosure lang action=lookup />
        </section>
    }
}
