use leptos::prelude::*;

use crate::i18n::{fill, use_i18n, Key};

/// "n characters left" under a text field. Announced politely, and only near the limit, so
/// screen readers are not interrupted with every keystroke.
#[component]
pub fn CharCounter(
    #[prop(into)] id: String,
    max: usize,
    #[prop(into)] text: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let left = move || max.saturating_sub(text.with(|t| t.chars().count()));
    let near_limit = move || left() <= max / 10;
    view! {
        <p
            class="mtr-counter"
            id=id
            aria-live=move || if near_limit() { "polite" } else { "off" }
        >
            {move || match left() {
                1 => i18n.t(Key::OneCharacterLeft).to_owned(),
                n => fill(i18n.t(Key::CharactersLeft), &[("n", &i18n.number(n))]),
            }}
        </p>
    }
}
