use leptos::prelude::*;
use mitreden_core::Lang;

use super::page_texts::{text, Key};

/// The receipt code's field: the form that shows a submission to whoever holds its receipt
/// (`POST /w/{slug}/lookup`). The code goes in the request's body, never in an address.
#[component]
pub fn LookupForm(
    lang: Lang,
    /// Where the form is sent: the look-up page, with what the widget page's address carries.
    action: String,
    /// What was typed, when the page comes back with a problem.
    #[prop(optional)]
    code: String,
    /// What is wrong with it, if anything, as a sentence.
    #[prop(default = None)]
    error: Option<&'static str>,
) -> impl IntoView {
    let invalid = error.is_some();
    view! {
        <form class="mtr-lookup-form" method="post" action=action data-mtr-lookup>
            <label class="mtr-label" for="mtr-lookup-code">{text(lang, Key::ReceiptCodeInput)}</label>
            {error.map(|e| view! {
                <p id="mtr-lookup-error" class="mtr-error">{e}</p>
            })}
            <input
                class="mtr-input"
                id="mtr-lookup-code"
                name="code"
                type="text"
                autocomplete="off"
                spellcheck="false"
                value=code
                aria-invalid=invalid.to_string()
                aria-describedby=invalid.then_some("mtr-lookup-error")
            />
            <button type="submit" class="mtr-button">{text(lang, Key::ShowSubmission)}</button>
        </form>
    }
}
