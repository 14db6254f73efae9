use leptos::prelude::*;
use mitreden_core::draft::Mode;

use crate::components::field_error::FieldError;
use crate::components::step_frame::StepFrame;
use crate::context::use_consultation;
use crate::flow::use_flow;
use crate::focus::focus_later;
use crate::i18n::{tr, use_i18n, Key};

/// Who is speaking: a stakeholder group, or an organisation handing in a statement.
#[component]
pub fn WhoStep() -> impl IntoView {
    let i18n = use_i18n();
    let flow = use_flow();
    let consultation = use_consultation();
    let error = RwSignal::new(None::<Key>);
    let first_id = consultation
        .groups
        .first()
        .map(|g| format!("mtr-group-{}", g.id))
        .unwrap_or_default();

    let options = consultation
        .groups
        .iter()
        .map(|group| {
            let id = group.id.clone();
            let input_id = format!("mtr-group-{id}");
            let label = group.label.clone();
            let checked = {
                let id = id.clone();
                move || {
                    flow.draft
                        .with(|d| d.mode == Some(Mode::Individual) && d.group.as_ref() == Some(&id))
                }
            };
            let choose = move |_| {
                flow.draft.update(|d| {
                    d.mode = Some(Mode::Individual);
                    d.group = Some(id.clone());
                });
                error.set(None);
            };
            view! {
                <div class="mtr-radio">
                    <input type="radio" name="mtr-group" id=input_id.clone() prop:checked=checked on:change=choose />
                    <label for=input_id>{move || label.get(i18n.lang.get()).to_owned()}</label>
                </div>
            }
        })
        .collect_view();
    let organisation = move |_| {
        flow.draft.update(|d| d.mode = Some(Mode::Organisation));
        error.set(None);
    };
    let is_organisation = move || flow.draft.with(|d| d.mode == Some(Mode::Organisation));

    let on_next = move |()| {
        let chosen = flow
            .draft
            .with_untracked(|d| d.mode == Some(Mode::Organisation) || d.group.is_some());
        if !chosen {
            error.set(Some(Key::ErrorNoGroup));
            focus_later(first_id.clone());
        }
        chosen
    };

    view! {
        <StepFrame heading=Key::WhoHeading on_next>
            <fieldset
                class="mtr-fieldset"
                class:mtr-invalid=move || error.get().is_some()
                aria-describedby="mtr-group-hint mtr-who-error"
            >
                <legend class="mtr-legend">{tr(Key::GroupLegend)}</legend>
                <p class="mtr-hint" id="mtr-group-hint">{tr(Key::GroupHint)}</p>
                <FieldError id="mtr-who-error" error />
                <div class="mtr-radios">
                    {options}
                    <div class="mtr-radio mtr-radio-separate">
                        <input
                            type="radio"
                            name="mtr-group"
                            id="mtr-mode-organisation"
                            prop:checked=is_organisation
                            on:change=organisation
                        />
                        <label for="mtr-mode-organisation">
                            {tr(Key::OrganisationOption)}
                        </label>
                    </div>
                </div>
            </fieldset>
        </StepFrame>
    }
}
