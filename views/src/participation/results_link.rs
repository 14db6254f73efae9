use leptos::prelude::*;
use mitreden_core::{Consultation, Lang};

use super::page_texts::{text, Key};

/// A link to the public results page, where the indicators and every change are, if the
/// results are public: to its outcome section, once there is one.
#[component]
pub fn ResultsLink(
    consultation: Consultation,
    lang: Lang,
    /// Whether an outcome is published (the page has its section).
    outcome: bool,
) -> impl IntoView {
    consultation.settings.publish_results.then(|| {
        let section = if outcome { "#outcome" } else { "" };
        let href = format!("/results/{}?lang={}{section}", consultation.slug, lang.code());
        view! {
            <p>
                <a href=href target="_blank" rel="noopener">{text(lang, Key::OutcomeResultsLink)}</a>
            </p>
        }
    })
}
