use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// Why the consultation cannot be shown, as a sentence.
#[component]
pub fn LoadError(key: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="mtr-error" role="alert">
            {move || i18n.t(key)}
        </p>
    }
}
