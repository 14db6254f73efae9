use leptos::prelude::*;
use mitreden_core::{GroupId, PriorityId};

use crate::api;
use crate::context::use_consultation;
use crate::i18n::{fill, tr, use_i18n, Key};

/// After submitting, where the consultation allows it: the participant's group's ranking so
/// far with their own places beside it, as a table.
#[component]
pub fn BallotInContext(group: GroupId, ranking: Vec<PriorityId>) -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let slug = consultation.slug.to_string();
    let results = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::standings(&slug).await }
    });
    let group_label = consultation
        .groups
        .iter()
        .find(|g| g.id == group)
        .map(|g| g.label.clone())
        .unwrap_or_default();
    let your_place = move |p: &PriorityId| ranking.iter().position(|r| r == p).map(|i| i + 1);

    let table = move |standings: api::GroupStandings| {
        let lang = i18n.lang.get();
        let Some(ours) = standings.groups.get(&group).cloned() else {
            return view! { <p>{i18n.t(Key::InContextUnavailable)}</p> }.into_any();
        };
        if ours.withheld {
            let min = mitreden_core::locale::integer(lang, standings.min_group_size);
            let text = fill(i18n.t(Key::InContextWithheld), &[("n", &min)]);
            return view! { <p data-testid="in-context-withheld">{text}</p> }.into_any();
        }
        let caption = fill(
            i18n.t(Key::InContextCaption),
            &[
                ("group", group_label.get(lang)),
                (
                    "count",
                    &mitreden_core::locale::integer(lang, ours.responses),
                ),
            ],
        );
        let rows = ours
            .ranking
            .iter()
            .map(|line| {
                let title = consultation
                    .priority(&line.priority)
                    .map(|p| p.title.get(lang).to_owned())
                    .unwrap_or_default();
                // A dash for "not ranked" keeps the column narrow; screen readers hear the words.
                let yours = match your_place(&line.priority) {
                    Some(p) => view! { {i18n.number(p)} }.into_any(),
                    None => view! {
                        <span aria-hidden="true">"–"</span>
                        <span class="mtr-sr">{i18n.t(Key::NotRanked)}</span>
                    }
                    .into_any(),
                };
                view! {
                    <tr>
                        <th scope="row">{title}</th>
                        <td>{i18n.number(line.rank as usize)}</td>
                        <td>{yours}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            {ours.too_small.then(|| view! { <p class="mtr-hint">{i18n.t(Key::InContextTooSmall)}</p> })}
            <div class="mtr-table-wrap">
                <table class="mtr-table" data-testid="ballot-in-context">
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t(Key::ColumnPriority)}</th>
                            <th scope="col">{i18n.t(Key::ColumnGroupRank)}</th>
                            <th scope="col">{i18n.t(Key::ColumnYourPlace)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="mtr-hint">{i18n.t(Key::InContextDash)}</p>
        }
        .into_any()
    };

    view! {
        <section class="mtr-in-context" aria-labelledby="mtr-in-context-heading">
            <h3 class="mtr-h3" id="mtr-in-context-heading">
                {tr(Key::InContextHeading)}
            </h3>
            <Suspense fallback=move || view! { <p>{tr(Key::InContextLoading)}</p> }>
                {move || {
                    results
                        .get()
                        .map(|loaded| match loaded {
                            Ok(results) => table(results),
                            Err(_) => {
                                view! { <p>{tr(Key::InContextUnavailable)}</p> }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </section>
    }
}
