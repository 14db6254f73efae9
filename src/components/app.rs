use leptos::prelude::*;
use mitreden_core::{Consultation, Lang};

use crate::components::live_region::LiveRegion;
use crate::components::participation::Participation;
use crate::context::provide_announcer;
use crate::i18n::{provide_i18n, use_i18n, Key};

/// The widget on the page the server rendered: the consultation and the language come with the
/// page (see `mitreden_views::participation::widget_page`), so it starts without a request.
#[component]
pub fn App() -> impl IntoView {
    let document = document();
    let lang = document
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default();
    provide_i18n(lang);
    provide_announcer();
    let consultation = document
        .get_element_by_id("mtr-data")
        .and_then(|data| data.text_content())
        .and_then(|json| crate::json::from_str::<Consultation>(&json).ok());
    view! {
        <LiveRegion />
        {match consultation {
            Some(c) => view! { <Participation consultation=c /> }.into_any(),
            None => view! { <LoadError key=Key::ErrorNoConsultation /> }.into_any(),
        }}
    }
}

/// Why the consultation cannot be shown, as a sentence.
#[component]
fn LoadError(key: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="mtr-error" role="alert">
            {move || i18n.t(key)}
        </p>
    }
}
