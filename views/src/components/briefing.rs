use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::Lang;

use crate::data::ResultsData;
use crate::i18n::{t, Key};
use crate::sentences::anchors;

/// The findings in plain sentences, each linking to the chart that shows it.
#[component]
pub fn Briefing(
    data: Arc<ResultsData>,
    lang: Lang,
    /// Where the charts are, when not on the same page (the anchor is added).
    #[prop(optional)]
    charts_at: String,
) -> impl IntoView {
    let items = data
        .sentences(lang)
        .into_iter()
        .map(|s| {
            let charts_at = charts_at.clone();
            let link = s.chart.map(move |anchor| {
                let label = if anchor == anchors::METHOD {
                    Key::ShowMethod
                } else {
                    Key::ShowChart
                };
                // The method note is on every page; only charts may be elsewhere.
                let href = if anchor == anchors::METHOD {
                    format!("#{anchor}")
                } else {
                    format!("{charts_at}#{anchor}")
                };
                view! {
                    " "
                    <a class="res-to-chart" href=href>{t(lang, label)}</a>
                }
            });
            view! { <li>{s.text}{link}</li> }
        })
        .collect_view();
    view! {
        <section class="res-briefing" aria-labelledby="briefing-title" data-testid="briefing">
            <h2 id="briefing-title">{t(lang, Key::Briefing)}</h2>
            <ul>{items}</ul>
        </section>
    }
}
