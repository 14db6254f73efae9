use leptos::prelude::*;
use mitreden_core::GroupId;

use crate::context::use_consultation;
use crate::i18n::{use_i18n, Key};

/// The stakeholder group, as a group of radio buttons.
#[component]
pub fn GroupPicker(
    /// The chosen group.
    selected: RwSignal<Option<GroupId>>,
    /// Shown and tied to the group when set, e.g. "choose a group".
    #[prop(into)]
    error: Signal<Option<Key>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let consultation = use_consultation();
    let options = consultation
        .groups
        .iter()
        .map(|group| {
            let id = group.id.clone();
            let input_id = format!("mtr-group-{id}");
            let label = group.label.clone();
            let is_selected = {
                let id = id.clone();
                move || selected.with(|s| s.as_ref() == Some(&id))
            };
            view! {
                <div class="mtr-radio">
                    <input
                        type="radio"
                        name="mtr-group"
                        id=input_id.clone()
                        value=id.to_string()
                        prop:checked=is_selected
                        on:change=move |_| selected.set(Some(id.clone()))
                    />
                    <label for=input_id>{move || label.get(i18n.lang.get()).to_owned()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="mtr-fieldset"
            class:mtr-invalid=move || error.get().is_some()
            aria-describedby=move || {
                if error.get().is_some() {
                    "mtr-group-hint mtr-group-error"
                } else {
                    "mtr-group-hint"
                }
            }
        >
            <legend class="mtr-legend">{move || i18n.t(Key::GroupLegend)}</legend>
            <p class="mtr-hint" id="mtr-group-hint">
                {move || i18n.t(Key::GroupHint)}
            </p>
            {move || {
                error
                    .get()
                    .map(|key| {
                        view! {
                            <p class="mtr-field-error" id="mtr-group-error">
                                {move || i18n.t(key)}
                            </p>
                        }
                    })
            }}
            <div class="mtr-radios">{options}</div>
        </fieldset>
    }
}
