use leptos::prelude::*;
use mitreden_core::Lang;

use super::texts::{text, Key};

/// A participant's own words quoted back (a comment, a reasoning, a proposal's reason), on a
/// line of their own. The quotation marks are the browser's, which screen readers do not say:
/// they hear what the words are first (`label`, e.g. "Ihr Kommentar:").
#[component]
pub fn Quoted(lang: Lang, label: Key, words: String) -> impl IntoView {
    view! {
        <br />
        <span class="mtr-sr">{format!("{} ", text(lang, label))}</span>
        <q>{words}</q>
    }
}
