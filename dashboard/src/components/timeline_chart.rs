use leptos::prelude::*;

use crate::api::{self, ErrorText};
use crate::i18n::{use_i18n, Key};

/// Responses per day: bars (SVG, each numbered) and the same figures as a table.
#[component]
pub fn TimelineChart(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let days = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::timeline(&slug).await }
    });
    let body = move || {
        days.get().map(|loaded| match loaded {
            Ok(days) if days.is_empty() => view! { <p>{i18n.t(Key::NoneYet)}</p> }.into_any(),
            Ok(days) => {
                let max = days.iter().map(|d| d.responses).max().unwrap_or(1).max(1) as f64;
                let width = (days.len() as f64 * 24.0).max(100.0);
                let bars = days
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let h = d.responses as f64 / max * 80.0;
                        let x = i as f64 * 24.0 + 2.0;
                        view! {
                            <g>
                                <rect x=x y=format!("{:.1}", 95.0 - h) width="20" height=format!("{h:.1}") class="dash-range-bar"></rect>
                                <text x=x + 10.0 y=format!("{:.1}", 92.0 - h) text-anchor="middle" class="dash-bar-label">{d.responses}</text>
                            </g>
                        }
                    })
                    .collect_view();
                let rows = days
                    .iter()
                    .map(|d| view! { <tr><th scope="row">{d.date.clone()}</th><td class="dash-n">{d.responses}</td></tr> })
                    .collect_view();
                view! {
                    <svg viewBox=format!("0 0 {width} 100") class="dash-chart" aria-hidden="true">{bars}</svg>
                    <table class="dash-table">
                        <caption class="dash-sr">{i18n.t(Key::Timeline)}</caption>
                        <thead><tr><th scope="col">{i18n.t(Key::Date)}</th><th scope="col">{i18n.t(Key::Responses)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }
            Err(e) => view! { <p class="dash-error">{i18n.t(e.key())}</p> }.into_any(),
        })
    };
    view! {
        <h3>{move || i18n.t(Key::Timeline)}</h3>
        <Suspense fallback=move || view! { <p>{i18n.t(Key::Loading)}</p> }>{body}</Suspense>
    }
}
