use leptos::prelude::*;
use mitreden_core::{Consultation, Lang};

use crate::components::widget::Widget;

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
    let consultation = document
        .get_element_by_id("mtr-data")
        .and_then(|data| data.text_content())
        .and_then(|json| crate::json::from_str::<Consultation>(&json).ok());
    view! { <Widget lang consultation /> }
}
