use leptos::prelude::*;

use crate::context::use_consultation;
use crate::i18n::{tr, use_i18n, Key};

/// A link to the public results page, where the indicators and every change are, if the
/// results are public.
#[component]
pub fn ResultsLink() -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let slug = consultation.slug.to_string();
    consultation.settings.publish_results.then(|| {
        let href = move || format!("/results/{slug}?lang={}#outcome", i18n.lang.get().code());
        view! {
            <p>
                <a href=href target="_blank" rel="noopener">{tr(Key::OutcomeResultsLink)}</a>
            </p>
        }
    })
}
