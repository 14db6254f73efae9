use leptos::prelude::*;
use mitreden_core::outcome::ItemKind;

use crate::api;
use crate::components::outcome_items::OutcomeItems;
use crate::components::receipt_lookup::ReceiptLookup;
use crate::components::results_link::ResultsLink;
use crate::context::use_consultation;
use crate::i18n::{tr, use_i18n, Key};

/// A closed consultation: no form, but what became of the input — the ministry's summary and
/// each goal's and conflict's status and response, goals first in the consultation's order —
/// with the way to look up one's own response.
#[component]
pub fn ClosedView() -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let slug = consultation.slug.to_string();
    let published = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { api::outcome(&slug).await }
        })
    };
    let c = consultation.clone();
    let body = move || {
        let published = published.get()?.ok()?;
        let Some(outcome) = published.outcome.clone() else {
            return Some(view! { <p>{tr(Key::OutcomeNotYet)}</p> }.into_any());
        };
        // Goals, then conflicts, each in the consultation's order.
        let goals = c
            .priorities
            .iter()
            .map(|p| (ItemKind::Priority, p.id.as_str()));
        let conflicts = c
            .conflicts
            .iter()
            .map(|x| (ItemKind::Conflict, x.id.as_str()));
        let items: Vec<_> = goals
            .chain(conflicts)
            .filter_map(|(kind, id)| {
                outcome
                    .items
                    .iter()
                    .find(|i| i.kind == kind && i.id == id)
                    .cloned()
            })
            .collect();
        let summary = outcome.summary.clone();
        Some(
            view! {
                <p>{move || summary.get(i18n.lang.get()).to_owned()}</p>
                <OutcomeItems published items />
            }
            .into_any(),
        )
    };
    let lang_code = move || i18n.lang.get().code();
    let privacy = {
        let slug = slug.clone();
        move || format!("/datenschutz/{slug}?lang={}", lang_code())
    };
    let feed = move || format!("/results/{slug}/feed.atom?lang={}", lang_code());
    let accessibility = move || format!("/barrierefreiheit?lang={}", lang_code());
    view! {
        <section class="mtr-closed" aria-labelledby="mtr-closed-heading">
            <h2 class="mtr-h2" id="mtr-closed-heading">{tr(Key::ClosedHeading)}</h2>
            <p>{tr(Key::ClosedIntro)}</p>
            <h3 class="mtr-h3">{tr(Key::OutcomeHeading)}</h3>
            <Suspense fallback=move || view! { <p>{tr(Key::PartLoading)}</p> }>{body}</Suspense>
            <ResultsLink />
            <p>
                <a href=feed type="application/atom+xml" target="_blank" rel="noopener">
                    {tr(Key::OutcomeFeedLink)}
                </a>
            </p>
            <ReceiptLookup />
            <p>
                <a href=privacy target="_blank" rel="noopener">{tr(Key::PrivacyLink)}</a>
            </p>
            <p>
                <a href=accessibility target="_blank" rel="noopener">{tr(Key::AccessibilityLink)}</a>
            </p>
        </section>
    }
}
