use leptos::prelude::*;
use mitreden_core::{Lang, LocalizedText};

use crate::i18n::{use_i18n, Key};

/// A text in every language of the consultation: one labelled field per language.
#[component]
pub fn LocalizedField(
    /// Unique on the page; each language's field gets `{id}-{lang}`.
    id: String,
    label: Key,
    languages: Vec<Lang>,
    value: RwSignal<LocalizedText>,
    /// A text area rather than a one-line field.
    #[prop(optional)]
    multiline: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    languages
        .into_iter()
        .map(|lang| {
            let field = format!("{id}-{}", lang.code());
            let current = move || value.with(|t| t.get_exact(lang).to_owned());
            let set = move |text: String| value.update(|t| t.set(lang, text));
            let input = if multiline {
                view! {
                    <textarea
                        id=field.clone()
                        rows="3"
                        lang=lang.code()
                        required=required
                        prop:value=current
                        on:input=move |ev| set(event_target_value(&ev))
                    ></textarea>
                }
                .into_any()
            } else {
                view! {
                    <input
                        id=field.clone()
                        type="text"
                        lang=lang.code()
                        required=required
                        prop:value=current
                        on:input=move |ev| set(event_target_value(&ev))
                    />
                }
                .into_any()
            };
            view! {
                <p class="dash-field">
                    <label for=field>{move || i18n.t(label)}" ("{lang.code()}")"</label>
                    {input}
                </p>
            }
        })
        .collect_view()
}
