use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::results::{ConflictResults, ConflictStats};
use mitreden_core::{Consultation, GoalConflict};

use crate::i18n::{fill, use_i18n, Key};

/// How one goal conflict splits the groups: for each group a stacked bar from the left goal to
/// the right one (SVG, each segment also numbered), and the same figures as a table.
#[component]
pub fn ConflictChart(
    consultation: Arc<Consultation>,
    conflict: GoalConflict,
    results: ConflictResults,
) -> impl IntoView {
    let i18n = use_i18n();
    let half = i32::from(results.scale / 2);
    let rows: Vec<(mitreden_core::LocalizedText, ConflictStats)> = consultation
        .groups
        .iter()
        .zip(results.groups.iter())
        .map(|(g, (_, s))| (g.label.clone(), s.clone()))
        .collect();
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, s))| {
            let total = s.positions.max(1) as f64;
            let y = i as f64 * 28.0;
            let mut x = 0.0;
            let segments = s
                .histogram
                .iter()
                .enumerate()
                .map(|(step, &count)| {
                    let w = count as f64 / total * 300.0;
                    let segment = view! {
                        <g>
                            <rect x=format!("{:.1}", 140.0 + x) y=y width=format!("{w:.1}") height="22" class=format!("dash-step-{step}")></rect>
                            {(count > 0).then(|| view! {
                                <text x=format!("{:.1}", 140.0 + x + w / 2.0) y=y + 15.0 text-anchor="middle" class="dash-bar-label">{count}</text>
                            })}
                        </g>
                    };
                    x += w;
                    segment
                })
                .collect_view();
            let l = label.clone();
            view! {
                <g>
                    <text x="0" y=y + 15.0 class="dash-bar-name">{move || l.get(i18n.lang.get()).to_owned()}</text>
                    {segments}
                </g>
            }
        })
        .collect_view();
    let height = rows.len() as f64 * 28.0;
    let table_rows = rows
        .into_iter()
        .map(|(label, s)| {
            let cells = s
                .histogram
                .iter()
                .map(|c| view! { <td class="dash-n">{*c}</td> })
                .collect_view();
            let median = s.median.map(|m| format!("{m:+}")).unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{move || label.get(i18n.lang.get()).to_owned()}</th>
                    {cells}
                    <td class="dash-n">{s.no_view}</td>
                    <td class="dash-n">{median}</td>
                </tr>
            }
        })
        .collect_view();
    let steps = (-half..=half)
        .map(|v| view! { <th scope="col">{format!("{v:+}")}</th> })
        .collect_view();
    let (title, left, right) = (
        conflict.title.clone(),
        conflict.left.clone(),
        conflict.right.clone(),
    );
    let caption = move || {
        let lang = i18n.lang.get();
        fill(
            i18n.t(Key::ConflictChart),
            &[("left", left.get(lang)), ("right", right.get(lang))],
        )
    };
    let caption2 = caption.clone();
    view! {
        <figure class="dash-figure" data-testid=format!("chart-{}", conflict.id)>
            <figcaption>
                <strong>{move || title.get(i18n.lang.get()).to_owned()}</strong>
                " – "
                {caption}
            </figcaption>
            <svg viewBox=format!("0 0 450 {height}") class="dash-chart" aria-hidden="true">
                {bars}
            </svg>
            <table class="dash-table">
                <caption class="dash-sr">{caption2}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(Key::Group)}</th>
                        {steps}
                        <th scope="col">{move || i18n.t(Key::NoView)}</th>
                        <th scope="col">{move || i18n.t(Key::Median)}</th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </figure>
    }
}
