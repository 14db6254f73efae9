use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{Consultation, Results};

use crate::components::data_table::DataTable;
use crate::i18n::{use_i18n, Key};

/// Each group's ranking side by side: a row per priority, a column per group with the place
/// and its range; groups too small to read are marked in words, not colour.
#[component]
pub fn GroupsTable(consultation: Arc<Consultation>, results: Results) -> impl IntoView {
    let i18n = use_i18n();
    let head = consultation
        .groups
        .iter()
        .zip(&results.groups)
        .map(|(g, (_, r))| {
            let label = g.label.clone();
            let responses = r.responses;
            let small = r.too_small;
            view! {
                <th scope="col">
                    {move || label.get(i18n.lang.get()).to_owned()}
                    " (" {responses} ")"
                    {small.then(|| view! { <br /><small>{move || i18n.t(Key::TooSmall)}</small> })}
                </th>
            }
        })
        .collect_view();
    let rows = consultation
        .priorities
        .iter()
        .map(|p| {
            let title = p.title.clone();
            let cells = results
                .groups
                .iter()
                .map(|(_, r)| {
                    let line = r.ranking.iter().find(|l| l.priority == p.id);
                    let text = line
                        .map(|l| match l.rank_interval {
                            Some([a, b]) if a != b => format!("{} ({a}–{b})", l.rank),
                            _ => l.rank.to_string(),
                        })
                        .unwrap_or_default();
                    view! { <td class="dash-n">{text}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{move || title.get(i18n.lang.get()).to_owned()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable
            caption=Key::GroupsSideBySide
            corner=Key::Goal
            head=head.into_any()
            rows=rows.into_any()
        />
    }
}
