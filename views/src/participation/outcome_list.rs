use leptos::prelude::*;
use mitreden_core::outcome::{ItemKind, PublishedItem};
use mitreden_core::{locale, Consultation, Lang, PriorityId};

use super::page_texts::{text, Key};
use crate::i18n::fill;

/// What became of some goals and conflicts, in the order given: each with its status, the
/// ministry's response and when it last changed (or that there is no response yet); for a goal
/// with indicators, a link to how it is measurably developing on the results page.
#[component]
pub fn OutcomeList(
    consultation: Consultation,
    lang: Lang,
    /// The goals and conflicts to show, each with what was published about it, if anything.
    items: Vec<(ItemKind, String, Option<PublishedItem>)>,
    /// The goals that have indicators.
    measured: Vec<PriorityId>,
) -> impl IntoView {
    let c = consultation;
    let rows = items
        .into_iter()
        .map(|(kind, id, item)| {
            let title = match kind {
                ItemKind::Priority => c
                    .priorities
                    .iter()
                    .find(|p| p.id.as_str() == id)
                    .map(|p| p.title.get(lang).to_owned()),
                _ => c
                    .conflicts
                    .iter()
                    .find(|x| x.id.as_str() == id)
                    .map(|x| x.title.get(lang).to_owned()),
            }
            .unwrap_or_default();
            let state = match &item {
                Some(i) => format!(
                    "{} · {}",
                    fill(
                        text(lang, Key::OutcomeStatus),
                        &[("status", i.status.label(lang))]
                    ),
                    fill(
                        text(lang, Key::OutcomeChanged),
                        &[("date", &locale::date(lang, i.updated.date()))]
                    )
                ),
                None => text(lang, Key::OutcomeNoItem).to_owned(),
            };
            let measured = c.settings.publish_results && measured.iter().any(|p| p.as_str() == id);
            let link = measured.then(|| {
                let href = format!("/results/{}?lang={}#outcome-{id}", c.slug, lang.code());
                let label = fill(text(lang, Key::OutcomeProgressLink), &[("goal", &title)]);
                view! { <p><a href=href target="_blank" rel="noopener">{label}</a></p> }
            });
            let status = item.as_ref().map_or("none", |i| i.status.code());
            let response = item.map(|i| view! { <p>{i.response.get(lang).to_owned()}</p> });
            view! {
                <li class="mtr-outcome-item" data-status=status>
                    <h4 class="mtr-outcome-title">{title}</h4>
                    <p class="mtr-outcome-state">{state}</p>
                    {response}
                    {link}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="mtr-outcome">{rows}</ul> }
}
