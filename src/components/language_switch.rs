use leptos::prelude::*;
use mitreden_core::Lang;

use crate::i18n::{endonym, tr, use_i18n, Key};

/// Buttons to switch the language among those the consultation offers.
#[component]
pub fn LanguageSwitch(languages: Vec<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    let buttons = languages
        .into_iter()
        .map(|lang| {
            view! {
                <button
                    type="button"
                    class="mtr-lang"
                    lang=lang.code()
                    aria-pressed=move || (i18n.lang.get() == lang).to_string()
                    on:click=move |_| i18n.lang.set(lang)
                >
                    {endonym(lang)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="mtr-langs" role="group" aria-label=tr(Key::LanguageSwitch)>
            {buttons}
        </div>
    }
}
