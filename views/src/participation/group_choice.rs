use leptos::prelude::*;
use mitreden_core::plain_form::{Field, FieldProblem, PlainAnswers};
use mitreden_core::{Consultation, Lang};

use super::field_note::{described_by, FieldNote};
use super::page_texts::{text, Key};
use super::problems::about;

/// The plain form's question for the stakeholder group: one radio button per group.
#[component]
pub fn GroupChoice(
    consultation: Consultation,
    lang: Lang,
    answers: PlainAnswers,
    problems: Vec<FieldProblem>,
) -> impl IntoView {
    let error = about(lang, &problems, &Field::Group);
    let chosen = answers.value("group").to_owned();
    let options = consultation
        .groups
        .iter()
        .map(|g| {
            let id = format!("group-{}", g.id);
            let value = g.id.to_string();
            let checked = value == chosen;
            view! {
                <div class="mtr-radio">
                    <input type="radio" name="group" id=id.clone() value=value checked=checked />
                    <label for=id>{g.label.get(lang).to_owned()}</label>
                </div>
            }
        })
        .collect_view();
    let error_id = error.as_ref().map(|_| "group-error".to_owned());
    let invalid = error.is_some();
    view! {
        <fieldset
            class="mtr-fieldset"
            class:mtr-invalid=invalid
            aria-describedby=described_by(Some("group-hint"), error_id.as_deref())
        >
            <legend class="mtr-legend">{text(lang, Key::GroupLegend)}</legend>
            <p class="mtr-hint" id="group-hint">{text(lang, Key::GroupHint)}</p>
            <FieldNote id="group-error".to_owned() error />
            <div class="mtr-radios">{options}</div>
        </fieldset>
    }
}
