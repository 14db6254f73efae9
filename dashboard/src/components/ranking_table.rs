use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{Consultation, GroupResults};

use crate::i18n::{fill, use_i18n, Key};

/// A ranking with scores, rank ranges and the chance of being among the first `k`; the range
/// is also drawn as a bar (SVG) beside the numbers.
#[component]
pub fn RankingTable(
    consultation: Arc<Consultation>,
    results: GroupResults,
    caption: Key,
    top_k: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = consultation.priorities.len().max(1) as f64;
    let rows = results
        .ranking
        .into_iter()
        .map(|line| {
            let title = consultation
                .priority(&line.priority)
                .map(|p| p.title.clone())
                .unwrap_or_default();
            let range = line
                .rank_interval
                .map(|[a, b]| if a == b { a.to_string() } else { format!("{a}–{b}") })
                .unwrap_or_default();
            let bar = line.rank_interval.map(|[a, b]| {
                let x = (f64::from(a) - 1.0) / n * 100.0;
                let w = (f64::from(b - a) + 1.0) / n * 100.0;
                view! {
                    <svg class="dash-range" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                        <rect x="0" y="4" width="100" height="2" class="dash-range-track"></rect>
                        <rect x=format!("{x:.1}") y="1" width=format!("{w:.1}") height="8" class="dash-range-bar"></rect>
                    </svg>
                }
            });
            let top = line
                .top_k_probability
                .map(|p| format!("{:.0} %", p * 100.0))
                .unwrap_or_default();
            view! {
                <tr>
                    <td class="dash-n">{line.rank}</td>
                    <th scope="row">{move || title.get(i18n.lang.get()).to_owned()}</th>
                    <td class="dash-n">{(line.borda.0 * 10.0).round() / 10.0}</td>
                    <td class="dash-n">{range}" "{bar}</td>
                    <td class="dash-n">{top}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="dash-table">
            <caption>{move || i18n.t(caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t(Key::Place)}</th>
                    <th scope="col">{move || i18n.t(Key::Goal)}</th>
                    <th scope="col">{move || i18n.t(Key::Score)}</th>
                    <th scope="col">{move || i18n.t(Key::Interval)}</th>
                    <th scope="col">{move || fill(i18n.t(Key::TopK), &[("k", &top_k.to_string())])}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
