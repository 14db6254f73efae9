use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{Consultation, Results};

use crate::components::data_table::DataTable;
use crate::i18n::{use_i18n, Key};

/// Agreement between groups as a heatmap table: every cell shows its number, the shade only
/// repeats it; then the consensus and the divisive priorities.
#[component]
pub fn AgreementTable(consultation: Arc<Consultation>, results: Results) -> impl IntoView {
    let i18n = use_i18n();
    let a = results.agreement.clone();
    let label = {
        let c = consultation.clone();
        move |id: &mitreden_core::GroupId| {
            c.groups
                .iter()
                .find(|g| &g.id == id)
                .map(|g| g.label.clone())
                .unwrap_or_default()
        }
    };
    let head = a
        .groups
        .iter()
        .map(|g| {
            let l = label(g);
            view! { <th scope="col">{move || l.get(i18n.lang.get()).to_owned()}</th> }
        })
        .collect_view();
    let rows = a
        .groups
        .iter()
        .zip(&a.kendall_tau_b)
        .map(|(g, row)| {
            let l = label(g);
            let cells = row
                .iter()
                .map(|tau| {
                    // Shade from light (−1) to dark (+1); the number carries the meaning.
                    let (class, text) = match tau {
                        Some(t) => {
                            let level = ((t + 1.0) / 2.0 * 4.0).round() as u8;
                            (format!("dash-n dash-heat-{level}"), format!("{t:.2}"))
                        }
                        None => ("dash-n dash-heat-none".to_owned(), "–".to_owned()),
                    };
                    view! { <td class=class>{text}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{move || l.get(i18n.lang.get()).to_owned()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let titles = {
        let c = consultation.clone();
        move |ids: Vec<mitreden_core::PriorityId>| {
            let lang = i18n.lang.get();
            let names: Vec<String> = ids
                .iter()
                .filter_map(|id| c.priority(id).map(|p| p.title.get(lang).to_owned()))
                .collect();
            if names.is_empty() {
                i18n.t(Key::NoneYet).to_owned()
            } else {
                names.join("; ")
            }
        }
    };
    let consensus = a.consensus.clone();
    let divisive: Vec<_> = a.divisive.iter().map(|d| d.priority.clone()).collect();
    let t2 = titles.clone();
    view! {
        <DataTable
            caption=Key::Agreement
            corner=Key::Group
            class="dash-heat"
            head=head.into_any()
            rows=rows.into_any()
        />
        <p><strong>{move || i18n.t(Key::Consensus)}":"</strong>" "{move || titles(consensus.clone())}</p>
        <p><strong>{move || i18n.t(Key::Divisive)}":"</strong>" "{move || t2(divisive.clone())}</p>
    }
}
