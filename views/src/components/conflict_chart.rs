use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::results::{ConflictResults, ConflictStats};
use mitreden_core::{locale, GoalConflict, Lang};

use super::chart_frame::ChartFrame;
use super::svg::{chars_in, ink_on, n, wrap, FONT, INK, LINE, MUTED, WIDTH};
use crate::data::ResultsData;
use crate::i18n::{t, Key};

/// How a goal conflict splits the groups: per group a bar in percent of its positions,
/// diverging from the middle, the left goal's side to the left; each row names the group,
/// its number of positions and how many have no view. Colours go with labels and percentages,
/// so the chart reads without them.
#[component]
pub fn ConflictChart(
    data: Arc<ResultsData>,
    conflict: GoalConflict,
    results: ConflictResults,
    title: String,
    lang: Lang,
    #[prop(optional)] standalone: bool,
) -> impl IntoView {
    let steps = results.scale.max(3) as usize;
    let colours = step_colours(steps);
    let degrees = step_degrees(steps, lang);
    let slot = (WIDTH - 16.0) / steps as f64;
    let swatches = degrees
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let cx = 8.0 + (i as f64 + 0.5) * slot;
            view! {
                <rect x=n(cx - 8.0) y="2" width="16" height="10" fill=colours[i]></rect>
                <text x=n(cx) y="25" text-anchor="middle" fill=INK>{label}</text>
            }
        })
        .collect_view();
    // The two goals under the swatches, each on its own side.
    let side_width = chars_in(WIDTH / 2.0 - 14.0);
    let left_lines = wrap(&format!("← {}", conflict.left.get(lang)), side_width, 3);
    let right_lines = wrap(&format!("{} →", conflict.right.get(lang)), side_width, 3);
    let goal_lines = left_lines.len().max(right_lines.len()) as f64;
    let goals = left_lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| (8.0, "start", i, l))
        .chain(right_lines.into_iter().enumerate().map(|(i, l)| (WIDTH - 8.0, "end", i, l)))
        .map(|(x, anchor, i, l)| {
            view! { <text x=n(x) y=n(42.0 + i as f64 * LINE) text-anchor=anchor fill=INK font-weight="bold">{l}</text> }
        })
        .collect_view();
    let legend_height = 32.0 + goal_lines * LINE + 10.0;
    let legend = view! { {swatches}{goals} };
    let rows = data.conflict_rows(&results, lang);
    let centre = WIDTH / 2.0;
    let half = (WIDTH - 16.0) / 2.0;
    let mut y = legend_height;
    let bars = rows
        .into_iter()
        .map(|(label, stats)| {
            let top = y;
            let bar_top = top + LINE + 2.0;
            y = bar_top + 28.0;
            let heading = format!(
                "{label} · n = {} · {}: {}",
                locale::integer(lang, stats.positions),
                t(lang, Key::NoView),
                locale::integer(lang, stats.no_view)
            );
            let total = stats.positions.max(1) as f64;
            let shares: Vec<f64> = stats.histogram.iter().map(|&c| c as f64 / total).collect();
            let middle = steps / 2;
            let left_reach: f64 = shares.iter().take(middle).sum::<f64>() + shares.get(middle).copied().unwrap_or(0.0) / 2.0;
            let mut x = centre - left_reach * half;
            let segments = shares
                .iter()
                .enumerate()
                .map(|(i, &share)| {
                    let w = share * half;
                    let start = x;
                    x += w;
                    let colour = colours.get(i).copied().unwrap_or(MUTED);
                    let label = locale::percent(lang, share);
                    let fits = w >= label.chars().count() as f64 * FONT * 0.6 + 4.0;
                    let text = fits.then(|| {
                        view! {
                            <text x=n(start + w / 2.0) y=n(bar_top + 13.0) text-anchor="middle" fill=ink_on(colour)>
                                {label}
                            </text>
                        }
                    });
                    view! {
                        <rect x=n(start) y=n(bar_top) width=n(w) height="18" fill=colour></rect>
                        {text}
                    }
                })
                .collect_view();
            view! {
                <g>
                    <text x="8" y=n(top + 10.0) fill=INK>{heading}</text>
                    {segments}
                    // The middle, marked below the bar so no label is crossed.
                    <line x1=n(centre) x2=n(centre) y1=n(bar_top + 18.0) y2=n(bar_top + 22.0) stroke=INK stroke-width="1.5"></line>
                </g>
            }
        })
        .collect_view();
    let height = y;
    view! {
        <ChartFrame title source=data.source(lang) height standalone>
            {legend}
            {bars}
        </ChartFrame>
    }
}

/// Colours from the left goal's far end to the right goal's; the two sides differ in hue and
/// each grows darker outwards.
pub fn step_colours(steps: usize) -> Vec<&'static str> {
    const LEFT: [&str; 3] = ["#1d4e89", "#5b87c5", "#a7c1e6"];
    const RIGHT: [&str; 3] = ["#f2b78f", "#cc7333", "#8a3b00"];
    let side = (steps / 2).min(3);
    let mut colours: Vec<&str> = LEFT[..side].to_vec();
    if side == 2 {
        colours[1] = "#7fa3d6";
    }
    colours.push("#d9d9d9");
    let mut right: Vec<&str> = RIGHT[3 - side..].to_vec();
    if side == 2 {
        right[0] = "#eaa478";
    }
    colours.extend(right);
    colours
}

/// The degree of each step from the far left to the far right: "deutlich", "eher", "Mitte", …
pub fn step_degrees(steps: usize, lang: Lang) -> Vec<&'static str> {
    let side = steps / 2;
    let degree = |d: usize| match (side, d) {
        (_, d) if d == side && side > 1 => Key::Strongly,
        (3, 1) => Key::Slightly,
        _ => Key::Somewhat,
    };
    let mut labels: Vec<&str> = (1..=side).rev().map(|d| t(lang, degree(d))).collect();
    labels.push(t(lang, Key::Middle));
    labels.extend((1..=side).map(|d| t(lang, degree(d))));
    labels
}

impl ResultsData {
    /// The rows of a conflict: everyone, then each group with positions.
    pub fn conflict_rows(
        &self,
        results: &ConflictResults,
        lang: Lang,
    ) -> Vec<(String, ConflictStats)> {
        let mut rows = vec![(t(lang, Key::Everyone).to_owned(), results.overall.clone())];
        rows.extend(
            results
                .groups
                .iter()
                .filter(|(_, s)| s.positions + s.no_view > 0)
                .map(|(g, s)| (self.group(g, lang), s.clone())),
        );
        rows
    }
}
