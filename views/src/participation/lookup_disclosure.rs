use leptos::prelude::*;
use mitreden_core::Lang;

use super::lookup_form::LookupForm;
use super::page_texts::{text, Key};

/// "Taken part already?": the receipt look-up, folded away under the welcome (and a closed
/// consultation's outcome). A plain form: it needs neither the widget nor JavaScript.
#[component]
pub fn LookupDisclosure(
    lang: Lang,
    /// The look-up page (see [`LookupForm`]).
    action: String,
) -> impl IntoView {
    view! {
        <details class="mtr-lookup">
            <summary>{text(lang, Key::LookupSummary)}</summary>
            <LookupForm lang action />
        </details>
    }
}
