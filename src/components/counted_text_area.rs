use leptos::prelude::*;
use mitreden_core::text_input;

use crate::components::char_counter::CharCounter;
use crate::i18n::{tr, Key};

/// A labelled free-text field with the live "n characters left" counter under it (`{id}-counter`,
/// tied to the field with `aria-describedby`). The field takes a text over the limit and is
/// then marked invalid; the step asks for it to be shortened.
#[component]
pub fn CountedTextArea(
    id: String,
    label: Key,
    max: usize,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
) -> impl IntoView {
    let counter_id = format!("{id}-counter");
    let over = move || value.with(|v| text_input::excess(v, max) > 0);
    view! {
        <label class="mtr-label" for=id.clone()>{tr(label)}</label>
        <textarea
            class="mtr-textarea"
            id=id
            rows="3"
            aria-describedby=counter_id.clone()
            aria-invalid=move || over().then_some("true")
            prop:value=move || value.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        ></textarea>
        <CharCounter id=counter_id max text=value />
    }
}
