use leptos::prelude::*;

use crate::components::field_error::FieldError;
use crate::i18n::{tr, Key};

/// A labelled one-line field with an optional hint and its error underneath, both tied to the
/// input with `aria-describedby` (as `{id}-hint` and `{id}-error`).
#[component]
pub fn TextField(
    id: &'static str,
    label: Key,
    #[prop(optional)] hint: Option<Key>,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    maxlength: usize,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    error: RwSignal<Option<Key>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    view! {
        <label class="mtr-label" for=id>{tr(label)}</label>
        {hint.map(|hint| view! { <p class="mtr-hint" id=hint_id>{tr(hint)}</p> })}
        <input
            class="mtr-input"
            type=kind
            id=id
            autocomplete=autocomplete
            maxlength=maxlength.to_string()
            aria-describedby=described_by
            aria-invalid=move || error.get().is_some().to_string()
            prop:value=move || value.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        />
        <FieldError id=error_id error=error />
    }
}
