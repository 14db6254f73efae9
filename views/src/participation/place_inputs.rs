use leptos::prelude::*;
use mitreden_core::locale;
use mitreden_core::plain_form::{Field, FieldProblem, PlainAnswers};
use mitreden_core::{Consultation, Lang};

use super::field_note::{described_by, FieldNote};
use super::page_texts::{text as page_text, Key as PageKey};
use super::problems::about;
use super::texts::{text, Key};
use crate::i18n::fill;

/// The plain form's ranking: a place number per priority (1 for the most important), each
/// priority with its description.
#[component]
pub fn PlaceInputs(
    consultation: Consultation,
    lang: Lang,
    answers: PlainAnswers,
    problems: Vec<FieldProblem>,
) -> impl IntoView {
    let c = &consultation;
    let max = c.priorities.len();
    let hint = if c.settings.partial_ranking {
        page_text(lang, PageKey::PlacesHintPartial).to_owned()
    } else {
        fill(
            page_text(lang, PageKey::PlacesHintFull),
            &[("max", &locale::integer(lang, max as u64))],
        )
    };
    let rows = c
        .priorities
        .iter()
        .map(|p| {
            let field = Field::Place(p.id.clone());
            let name = field.name();
            let error = about(lang, &problems, &field);
            let error_id = format!("{name}-error");
            let hint_id = format!("{name}-hint");
            let title = p.title.get(lang).to_owned();
            let label = fill(page_text(lang, PageKey::PlaceLabel), &[("title", &title)]);
            view! {
                <div class="mtr-place" class:mtr-invalid=error.is_some()>
                    <label class="mtr-label" for=name.clone()>{label}</label>
                    <p class="mtr-hint" id=hint_id.clone()>{p.description.get(lang).to_owned()}</p>
                    <FieldNote id=error_id.clone() error=error.clone() />
                    <input
                        class="mtr-input mtr-place-input"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        id=name.clone()
                        name=name.clone()
                        value=answers.value(&name).to_owned()
                        aria-describedby=described_by(Some(&hint_id), error.as_ref().map(|_| error_id.as_str()))
                        aria-invalid=error.is_some().then_some("true")
                    />
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="mtr-fieldset" aria-describedby="places-hint">
            <legend class="mtr-legend">{text(lang, Key::RankingHeading)}</legend>
            <p class="mtr-hint" id="places-hint">{hint}</p>
            {rows}
        </fieldset>
    }
}
