use leptos::prelude::*;

use crate::components::char_counter::CharCounter;
use crate::i18n::{tr, Key};

/// A labelled free-text field with the live "n characters left" counter under it (`{id}-counter`,
/// tied to the field with `aria-describedby`).
#[component]
pub fn CountedTextArea(
    id: String,
    label: Key,
    max: usize,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    let counter_id = format!("{id}-counter");
    view! {
        <label class="mtr-label" for=id.clone()>{tr(label)}</label>
        <textarea
            class="mtr-textarea"
            id=id
            rows="3"
            maxlength=max.to_string()
            aria-describedby=counter_id.clone()
            prop:value=move || value.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        ></textarea>
        <CharCounter id=counter_id max text=value />
    }
}
