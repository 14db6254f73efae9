use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{locale, Lang, PriorityId};

use super::chart_frame::ChartFrame;
use super::svg::{chars_in, ink_on, n, shade, wrap, GRID, INK, LINE, MUTED, WIDTH};
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};

/// Font size of the group names over the columns.
const HEADER_FONT: f64 = 9.0;

/// Each goal's place in each group as a grid: one column per group, one row per goal (in the
/// overall order), every cell naming the place and darker the higher it is.
#[component]
pub fn GroupChart(
    data: Arc<ResultsData>,
    title: String,
    lang: Lang,
    accent: String,
    #[prop(optional)] standalone: bool,
) -> impl IntoView {
    let order = data.goal_order();
    let groups = &data.results.groups;
    let columns = groups.len().max(1) as f64;
    let (left, right) = (8.0, WIDTH - 8.0);
    let width = (right - left) / columns;
    let places = order.len().max(2) as f64;
    // Group names in a smaller type, so that long compounds ("Zivilgesellschaft") fit.
    let header_chars = ((width - 4.0) / (HEADER_FONT * 0.6)).floor() as usize;
    let header_lines: Vec<Vec<String>> = groups
        .iter()
        .map(|(id, g)| {
            let mut lines = wrap(&data.group(id, lang), header_chars, 3);
            // Staff see small groups too: marked, so no screenshot passes them off as published.
            if !data.public && g.too_small && g.responses > 0 {
                lines.extend(wrap(t(lang, Key::Unpublished), header_chars, 2));
            }
            lines.push(if g.withheld {
                fill(
                    t(lang, Key::FewerThan),
                    &[("n", &locale::integer(lang, data.results.min_group_size))],
                )
            } else {
                format!("n = {}", locale::integer(lang, g.responses))
            });
            lines
        })
        .collect();
    let header_line = HEADER_FONT + 2.0;
    let header_height =
        header_lines.iter().map(Vec::len).max().unwrap_or(1) as f64 * header_line + 6.0;
    let header = header_lines
        .into_iter()
        .enumerate()
        .map(|(c, lines)| {
            let cx = left + (c as f64 + 0.5) * width;
            let count = lines.len();
            lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    let fill_colour = if i + 1 == count { MUTED } else { INK };
                    view! {
                        <text x=n(cx) y=n(9.0 + i as f64 * header_line) text-anchor="middle" font-size=HEADER_FONT fill=fill_colour>
                            {l}
                        </text>
                    }
                })
                .collect_view()
        })
        .collect_view();
    let mut y = header_height;
    let rows = order
        .iter()
        .map(|p| {
            let lines = wrap(&data.goal(p, lang), chars_in(right - left), 2);
            let top = y;
            let cells_top = top + lines.len() as f64 * LINE + 2.0;
            y = cells_top + 26.0;
            let texts = lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| view! { <text x=n(left) y=n(top + 10.0 + i as f64 * LINE) fill=INK>{l}</text> })
                .collect_view();
            let cells = groups
                .iter()
                .enumerate()
                .map(|(c, (_, g))| {
                    let rank = g
                        .ranking
                        .iter()
                        .find(|l| &l.priority == p)
                        .filter(|_| g.responses > 0 && !g.withheld)
                        .map(|l| l.rank);
                    let colour = rank
                        .map(|r| shade(&accent, f64::from(r - 1) / (places - 1.0) * 0.88))
                        .unwrap_or_else(|| "#ffffff".to_owned());
                    let label = rank
                        .map(|r| locale::integer(lang, u64::from(r)))
                        .unwrap_or_else(|| "–".to_owned());
                    let x = left + c as f64 * width;
                    view! {
                        <rect x=n(x + 1.0) y=n(cells_top) width=n(width - 2.0) height="22" fill=colour.clone() stroke=GRID stroke-width="0.75"></rect>
                        <text x=n(x + width / 2.0) y=n(cells_top + 15.0) text-anchor="middle" fill=ink_on(&colour)>{label}</text>
                    }
                })
                .collect_view();
            view! { <g>{texts}{cells}</g> }
        })
        .collect_view();
    let height = y;
    view! {
        <ChartFrame title source=data.source(lang) height standalone>
            {header}
            {rows}
        </ChartFrame>
    }
}

impl ResultsData {
    /// Goals in the overall order when it is shown, else in the definition's order.
    pub fn goal_order(&self) -> Vec<PriorityId> {
        let overall = &self.results.overall;
        if overall.withheld || overall.ranking.is_empty() {
            self.consultation
                .priorities
                .iter()
                .map(|p| p.id.clone())
                .collect()
        } else {
            overall.ranking.iter().map(|l| l.priority.clone()).collect()
        }
    }
}
