use leptos::prelude::*;
use mitreden_core::{Consultation, Lang};

use super::page_texts::{text, Key};

/// A link to the public results page, where the indicators and every change are, if the
/// results are public.
#[component]
pub fn ResultsLink(consultation: Consultation, lang: Lang) -> impl IntoView {
    consultation.settings.publish_results.then(|| {
        let href = format!("/results/{}?lang={}#outcome", consultation.slug, lang.code());
        view! {
            <p>
                <a href=href target="_blank" rel="noopener">{text(lang, Key::OutcomeResultsLink)}</a>
            </p>
        }
    })
}
