use leptos::prelude::*;

/// A field's error, under the id the field names in `aria-describedby`; nothing when there is
/// no error.
#[component]
pub fn FieldNote(id: String, error: Option<String>) -> impl IntoView {
    error.map(|e| view! { <p class="mtr-field-error" id=id>{e}</p> })
}

/// `aria-describedby` for a field with these hint and error ids (either may be absent).
pub fn described_by(hint: Option<&str>, error: Option<&str>) -> Option<String> {
    let ids: Vec<&str> = [hint, error].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}
