use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::results::findings::Lean;
use mitreden_core::results::ConflictResults;
use mitreden_core::{locale, GoalConflict, Lang};

use super::conflict_chart::step_labels;
use super::scroll_table::ScrollTable;
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};

/// A conflict's figures: per group its positions, the share at each step, each side's share
/// together (the figures the briefing names) and those with no view.
#[component]
pub fn ConflictTable(
    data: Arc<ResultsData>,
    conflict: GoalConflict,
    results: ConflictResults,
    caption: String,
    lang: Lang,
) -> impl IntoView {
    let labels = step_labels(&conflict, results.scale as usize, lang);
    let head = labels
        .into_iter()
        .map(|l| view! { <th scope="col">{l}</th> })
        .collect_view();
    let rows = data
        .conflict_rows(&results, lang)
        .into_iter()
        .map(|(label, s)| {
            let total = s.positions.max(1) as f64;
            let cells = s
                .histogram
                .iter()
                .map(
                    |&c| view! { <td class="res-n">{locale::percent(lang, c as f64 / total)}</td> },
                )
                .collect_view();
            // The shares the briefing names: each side's steps together.
            let lean = Lean::of(&s);
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="res-n">{locale::integer(lang, s.positions)}</td>
                    {cells}
                    <td class="res-n">{locale::percent(lang, lean.left)}</td>
                    <td class="res-n">{locale::percent(lang, lean.right)}</td>
                    <td class="res-n">{locale::integer(lang, s.no_view)}</td>
                </tr>
            }
        })
        .collect_view();
    let head = view! {
        <th scope="col">{t(lang, Key::Group)}</th>
        <th scope="col">"n"</th>
        {head}
        <th scope="col">{fill(t(lang, Key::TowardsGoal), &[("goal", conflict.left.get(lang))])}</th>
        <th scope="col">{fill(t(lang, Key::TowardsGoal), &[("goal", conflict.right.get(lang))])}</th>
        <th scope="col">{t(lang, Key::NoView)}</th>
    };
    view! { <ScrollTable caption head=head.into_any() rows=rows.into_any() /> }
}
