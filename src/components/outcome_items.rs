use leptos::prelude::*;
use mitreden_core::locale;
use mitreden_core::outcome::ItemKind;

use crate::api::{OutcomeItem, Published};
use crate::context::use_consultation;
use crate::i18n::{fill, use_i18n, Key};

/// What became of some goals and conflicts: each with its status, the ministry's response and
/// when it last changed; for a goal with indicators, a link to how it is measurably developing
/// on the results page.
#[component]
pub fn OutcomeItems(
    published: Published,
    /// The items to show, in order.
    items: Vec<OutcomeItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let slug = consultation.slug.to_string();
    let results_public = consultation.settings.publish_results;
    let rows =
        items
            .into_iter()
            .map(|item| {
                let (c, slug) = (consultation.clone(), slug.clone());
                let id = item.id.clone();
                let kind = item.kind;
                let title = move || {
                    let lang = i18n.lang.get();
                    match kind {
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
                    .unwrap_or_default()
                };
                let status = item.status;
                let date = item.updated.map(|u| u.date());
                let state = move || {
                    let lang = i18n.lang.get();
                    match (status, date) {
                        (Some(status), Some(date)) => format!(
                            "{} · {}",
                            fill(
                                i18n.t(Key::OutcomeStatus),
                                &[("status", status.label(lang))]
                            ),
                            fill(
                                i18n.t(Key::OutcomeChanged),
                                &[("date", &locale::date(lang, date))]
                            )
                        ),
                        _ => i18n.t(Key::OutcomeNoItem).to_owned(),
                    }
                };
                let response = item.response.clone();
                let measured =
                    results_public && published.measured.iter().any(|p| p.as_str() == item.id);
                let link = measured.then(|| {
                let href = move || {
                    format!("/results/{slug}?lang={}#outcome-{}", i18n.lang.get().code(), item.id)
                };
                let title = title.clone();
                view! {
                    <p>
                        <a href=href target="_blank" rel="noopener">
                            {move || fill(i18n.t(Key::OutcomeProgressLink), &[("goal", &title())])}
                        </a>
                    </p>
                }
            });
                view! {
                    <li class="mtr-outcome-item" data-status=status.map_or("none", |s| s.code())>
                        <p class="mtr-outcome-title"><strong>{title.clone()}</strong></p>
                        <p class="mtr-outcome-state">{state}</p>
                        {status.map(|_| view! { <p>{move || response.get(i18n.lang.get()).to_owned()}</p> })}
                        {link}
                    </li>
                }
            })
            .collect_view();
    view! { <ul class="mtr-outcome">{rows}</ul> }
}
