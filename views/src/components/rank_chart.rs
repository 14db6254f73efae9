use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{locale, GroupResults, Lang};

use super::chart_frame::ChartFrame;
use super::svg::{chars_in, n, shade, wrap, GRID, INK, LINE, MUTED, WIDTH};
use crate::data::ResultsData;

/// A ranking as dots with whiskers: each goal's place, and the places it took in 90 % of the
/// recalculations. Goals top to bottom by place; place 1 on the left.
#[component]
pub fn RankChart(
    data: Arc<ResultsData>,
    /// The ranking drawn (everyone, or every group weighted equally).
    ranking: GroupResults,
    title: String,
    lang: Lang,
    accent: String,
    #[prop(optional)] standalone: bool,
) -> impl IntoView {
    let places = ranking.ranking.len().max(1) as u32;
    let (left, right) = (16.0, WIDTH - 16.0);
    let x = move |place: u32| {
        let span = f64::from(places.saturating_sub(1).max(1));
        left + f64::from(place.saturating_sub(1)) / span * (right - left)
    };
    let label_width = chars_in(WIDTH - 16.0);
    let mut y = 24.0;
    let rows = ranking
        .ranking
        .iter()
        .map(|line| {
            let label = format!("{}. {}", line.rank, data.goal(&line.priority, lang));
            let lines = wrap(&label, label_width, 2);
            let top = y;
            let track = top + lines.len() as f64 * LINE + 6.0;
            y = track + 12.0;
            let texts = lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| view! { <text x="8" y=n(top + 10.0 + i as f64 * LINE) fill=INK>{l}</text> })
                .collect_view();
            let whisker = line.rank_interval.map(|[best, worst]| {
                view! {
                    <line x1=n(x(best)) x2=n(x(worst)) y1=n(track) y2=n(track) stroke=shade(&accent, 0.55) stroke-width="4" stroke-linecap="round"></line>
                }
            });
            view! {
                <g>
                    {texts}
                    <line x1=n(left) x2=n(right) y1=n(track) y2=n(track) stroke=GRID stroke-width="0.75"></line>
                    {whisker}
                    <circle cx=n(x(line.rank)) cy=n(track) r="4.5" fill=accent.clone()></circle>
                </g>
            }
        })
        .collect_view();
    let step = if places <= 12 { 1 } else { places.div_ceil(10) };
    let ticks = (1..=places)
        .filter(|p| *p == 1 || *p == places || (p - 1) % step == 0)
        .map(|p| {
            view! {
                <text x=n(x(p)) y="12" text-anchor="middle" fill=MUTED>{locale::integer(lang, u64::from(p))}</text>
            }
        })
        .collect_view();
    let height = y;
    view! {
        <ChartFrame title source=data.source(lang) height standalone>
            {ticks}
            {rows}
        </ChartFrame>
    }
}
