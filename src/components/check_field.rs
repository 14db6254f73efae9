use leptos::prelude::*;

use crate::i18n::{tr, Key};

/// A checkbox with its label beside it.
#[component]
pub fn CheckField(
    id: &'static str,
    label: Key,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="mtr-check">
            <input
                type="checkbox"
                id=id
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <label for=id>{tr(label)}</label>
        </div>
    }
}
