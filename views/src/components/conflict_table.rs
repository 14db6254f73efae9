use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::results::findings::Lean;
use mitreden_core::results::ConflictResults;
use mitreden_core::{locale, GoalConflict, Lang};

use super::conflict_chart::step_degrees;
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
    // Two heading rows keep the columns narrow: the goals over their steps, then the steps.
    let steps = results.scale as usize;
    let side = steps / 2;
    let degrees = step_degrees(steps, lang);
    let (left, right) = (conflict.left.get(lang), conflict.right.get(lang));
    let towards = |goal: &str| fill(t(lang, Key::Towards), &[("goal", goal)]);
    let degree_cells = degrees
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != side)
        .map(|(_, d)| view! { <th scope="col">{*d}</th> })
        .collect_view();
    let groups = view! {
        <tr>
            <th scope="col" rowspan="2">{t(lang, Key::Group)}</th>
            <th scope="col" rowspan="2">"n"</th>
            <th scope="colgroup" colspan=side.to_string()>{towards(left)}</th>
            <th scope="col" rowspan="2">{t(lang, Key::Middle)}</th>
            <th scope="colgroup" colspan=side.to_string()>{towards(right)}</th>
            <th scope="colgroup" colspan="2">{t(lang, Key::InAll)}</th>
            <th scope="col" rowspan="2">{t(lang, Key::NoView)}</th>
        </tr>
    };
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
        {degree_cells}
        <th scope="col">{t(lang, Key::LeftSide)}</th>
        <th scope="col">{t(lang, Key::RightSide)}</th>
    };
    view! { <ScrollTable caption first_head=groups.into_any() head=head.into_any() rows=rows.into_any() /> }
}
