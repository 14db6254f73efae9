use leptos::prelude::*;
use mitreden_core::indicator::Indicator;
use mitreden_core::locale;
use mitreden_core::Lang;

use super::chart_frame::ChartFrame;
use super::svg::{n, GRID, INK, MUTED, WIDTH};
use crate::follow_up::value;
use crate::i18n::{t, Key};

/// An indicator's way: from its baseline (left) through the measured values (solid, in the
/// accent) towards its target (the ring), with the planned way dashed behind.
#[component]
pub fn ProgressChart(
    indicator: Indicator,
    title: String,
    source: String,
    lang: Lang,
    accent: String,
) -> impl IntoView {
    let i = &indicator;
    let (left, right, top, bottom) = (8.0, WIDTH - 8.0, 22.0, 92.0);
    let start = i.baseline.date.days() as f64;
    let end = i
        .values
        .last()
        .map_or(i.target.date, |l| l.date.max(i.target.date))
        .days() as f64;
    let all = || {
        [i.baseline.value, i.target.value]
            .into_iter()
            .chain(i.values.iter().map(|v| v.value))
    };
    let (low, high) = all().fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = ((high - low) * 0.1).max(f64::EPSILON);
    let (low, high) = (low - pad, high + pad);
    let x = move |days: i64| left + (days as f64 - start) / (end - start).max(1.0) * (right - left);
    let y = move |v: f64| bottom - (v - low) / (high - low) * (bottom - top);
    let (bx, by) = (x(i.baseline.date.days()), y(i.baseline.value));
    let (tx, ty) = (x(i.target.date.days()), y(i.target.value));
    let mut measured = format!("{},{}", n(bx), n(by));
    for v in &i.values {
        measured.push_str(&format!(" {},{}", n(x(v.date.days())), n(y(v.value))));
    }
    let dots = i
        .values
        .iter()
        .map(|v| {
            view! { <circle cx=n(x(v.date.days())) cy=n(y(v.value)) r="3" fill=accent.clone()></circle> }
        })
        .collect_view();
    let latest = i.values.last().map(|l| {
        let (lx, ly) = (x(l.date.days()), y(l.value));
        // Beside the dot, on the side with room, above it unless that leaves the drawing.
        let anchor = if lx > WIDTH / 2.0 { "end" } else { "start" };
        let dx = if lx > WIDTH / 2.0 { -6.0 } else { 6.0 };
        let ly = if ly - 8.0 < top - 10.0 {
            ly + 14.0
        } else {
            ly - 8.0
        };
        view! {
            <text x=n(lx + dx) y=n(ly) text-anchor=anchor fill=INK font-weight="bold">
                {value(lang, i, l.value)}
            </text>
        }
    });
    let start_label = format!(
        "{} {}",
        t(lang, Key::ChartBaseline),
        value(lang, i, i.baseline.value)
    );
    let target_label = format!(
        "{} {}",
        t(lang, Key::ChartTarget),
        value(lang, i, i.target.value)
    );
    let first_day = format!(
        "{} {}",
        locale::short_date(lang, i.baseline.date),
        i.baseline.date.year
    );
    let last_day = format!(
        "{} {}",
        locale::short_date(lang, i.target.date),
        i.target.date.year
    );
    view! {
        <ChartFrame title source height=bottom + 18.0>
            <line x1=n(left) x2=n(right) y1=n(bottom + 2.0) y2=n(bottom + 2.0) stroke=GRID stroke-width="0.75"></line>
            <line x1=n(bx) y1=n(by) x2=n(tx) y2=n(ty) stroke=MUTED stroke-width="1" stroke-dasharray="4 3"></line>
            <polyline points=measured fill="none" stroke=accent.clone() stroke-width="2"></polyline>
            <circle cx=n(bx) cy=n(by) r="3" fill=MUTED></circle>
            {dots}
            <circle cx=n(tx) cy=n(ty) r="5" fill="#ffffff" stroke=accent.clone() stroke-width="2"></circle>
            <text x=n(left) y="12" fill=MUTED>{start_label}</text>
            <text x=n(right) y="12" text-anchor="end" fill=MUTED>{target_label}</text>
            {latest}
            <text x=n(left) y=n(bottom + 15.0) fill=MUTED>{first_day}</text>
            <text x=n(right) y=n(bottom + 15.0) text-anchor="end" fill=MUTED>{last_day}</text>
        </ChartFrame>
    }
}
