use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::locale::{self, Date};
use mitreden_core::Lang;

use super::chart_frame::ChartFrame;
use super::svg::{n, GRID, MUTED, WIDTH};
use crate::data::{Day, ResultsData};

/// Responses per calendar day as columns over a date axis, with a scale on the left; days
/// without responses are on the axis too, so gaps show.
#[component]
pub fn TimelineChart(
    data: Arc<ResultsData>,
    title: String,
    lang: Lang,
    accent: String,
    #[prop(optional)] standalone: bool,
) -> impl IntoView {
    let days = every_day(&data.days);
    let (left, right, top, bottom) = (40.0, WIDTH - 8.0, 8.0, 118.0);
    let max = nice_ceiling(days.iter().map(|d| d.responses).max().unwrap_or(0));
    let band = (right - left) / days.len().max(1) as f64;
    let bar = (band * 0.8).min(24.0);
    let y = move |v: u64| bottom - v as f64 / max as f64 * (bottom - top);
    let grid = [0, max / 2, max]
        .into_iter()
        .map(|v| {
            view! {
                <line x1=n(left) x2=n(right) y1=n(y(v)) y2=n(y(v)) stroke=GRID stroke-width="0.75"></line>
                <text x=n(left - 4.0) y=n(y(v) + 4.0) text-anchor="end" fill=MUTED>{locale::integer(lang, v)}</text>
            }
        })
        .collect_view();
    let bars = days
        .iter()
        .enumerate()
        .filter(|(_, d)| d.responses > 0)
        .map(|(i, d)| {
            let x = left + (i as f64 + 0.5) * band - bar / 2.0;
            view! { <rect x=n(x) y=n(y(d.responses)) width=n(bar) height=n(bottom - y(d.responses)) fill=accent.clone()></rect> }
        })
        .collect_view();
    let every = days.len().div_ceil(5).max(1);
    let ticks = days
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0 || *i + 1 == days.len())
        .filter(|(i, _)| *i + 1 == days.len() || days.len() - 1 - i >= every / 2)
        .map(|(i, d)| {
            let x = left + (i as f64 + 0.5) * band;
            view! { <text x=n(x) y=n(bottom + 14.0) text-anchor="middle" fill=MUTED>{locale::short_date(lang, d.date)}</text> }
        })
        .collect_view();
    view! {
        <ChartFrame title source=data.source(lang) height=bottom + 20.0 standalone>
            {grid}
            {bars}
            {ticks}
        </ChartFrame>
    }
}

/// Every day from the first to the last, those without responses at 0 (at most ~3 years).
pub fn every_day(days: &[Day]) -> Vec<Day> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let (start, end) = (
        first.date.days(),
        last.date.days().min(first.date.days() + 1100),
    );
    (start..=end)
        .map(|d| Day {
            date: Date::from_days(d),
            responses: days
                .iter()
                .find(|x| x.date.days() == d)
                .map(|x| x.responses)
                .unwrap_or(0),
        })
        .collect()
}

/// The smallest of 1, 2, 5, 10, 20, 50 … not below `max` (and at least 2, so the middle
/// grid line is a whole number).
fn nice_ceiling(max: u64) -> u64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if step * m >= max.max(2) {
                return step * m;
            }
        }
        step *= 10;
    }
}
