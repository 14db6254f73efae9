use leptos::prelude::*;
use mitreden_core::indicator::{Direction, PublishedIndicator};
use mitreden_core::Lang;

use super::figure::Figure;
use super::indicator_table::IndicatorTable;
use super::progress_chart::ProgressChart;
use crate::follow_up::{facts, progress};
use crate::i18n::{fill, t, Key};

/// One indicator of a goal: its name, where it stands in words, and its way as a small chart
/// with the figures behind it.
#[component]
pub fn IndicatorView(
    indicator: PublishedIndicator,
    /// Unique on the page: the goal's id and the indicator's.
    id: String,
    lang: Lang,
    accent: String,
) -> impl IntoView {
    let i = indicator.indicator.clone();
    let name = i.name.get(lang).to_owned();
    let direction = t(
        lang,
        match i.direction {
            Direction::HigherIsBetter => Key::HigherIsBetter,
            Direction::LowerIsBetter => Key::LowerIsBetter,
        },
    );
    let source = match i.source.get(lang) {
        "" => String::new(),
        s => fill(t(lang, Key::IndicatorSource), &[("source", s)]),
    };
    let description = format!("{} {}", progress(lang, &indicator), facts(lang, &i));
    let title = format!("{name} ({direction})");
    let chart = view! {
        <ProgressChart indicator=i.clone() title=title.clone() source=source.clone() lang accent />
    }
    .into_any();
    let table = view! { <IndicatorTable indicator=i caption=name lang /> }.into_any();
    view! {
        <Figure
            id
            title
            description
            source
            lang
            downloads=None
            nested=true
            chart
            table
        />
    }
}
