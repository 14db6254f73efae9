use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::Lang;

use crate::data::ResultsData;
use crate::i18n::{t, Key};

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
                view! {
                    " "
                    <a class="res-to-chart" href=format!("{charts_at}#{anchor}")>{t(lang, Key::ShowChart)}</a>
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
