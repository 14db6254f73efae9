use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// The error of a field or group, under the id the field points to with
/// `aria-describedby`. Empty (but present) while there is no error, so the reference stays
/// valid; the text is announced when it appears.
#[component]
pub fn FieldError(
    #[prop(into)] id: String,
    #[prop(into)] error: Signal<Option<Key>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="mtr-field-error" id=id tabindex="-1" aria-live="assertive">
            {move || error.get().map(|key| i18n.t(key))}
        </p>
    }
}
