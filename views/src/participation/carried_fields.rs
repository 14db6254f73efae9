use leptos::prelude::*;

/// What the widget page's address carries on to the form that works without JavaScript (the
/// language, the embedding page's origin, the host's look), as a form's hidden fields: the
/// plain form then looks like the page it came from, and keeps its frame fitted.
#[component]
pub fn CarriedFields(fields: Vec<(String, String)>) -> impl IntoView {
    fields
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
        .collect_view()
}
