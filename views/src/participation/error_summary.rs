use leptos::prelude::*;
use mitreden_core::plain_form::{Field, FieldProblem};
use mitreden_core::{Consultation, Lang};

use super::page_texts::{text, Key};
use super::problems::{anchor, message};

/// What is wrong with the form, above it, each problem a link to its field (GOV.UK's error
/// summary). It takes focus when the page loads, so a screen reader reads it first; `refusal`
/// is a reason that belongs to no field.
#[component]
pub fn ErrorSummary(
    consultation: Consultation,
    lang: Lang,
    problems: Vec<FieldProblem>,
    refusal: Option<String>,
) -> impl IntoView {
    let items = problems
        .iter()
        .map(|p| {
            let href = format!("#{}", anchor(&consultation, &p.field));
            // Named by its field: two goals with the same problem read differently.
            let text = format!(
                "{} – {}",
                field_name(&consultation, lang, &p.field),
                message(lang, &p.problem)
            );
            view! { <li><a href=href>{text}</a></li> }
        })
        .collect_view();
    let refusal = refusal.map(|r| view! { <li>{r}</li> });
    view! {
        <div class="mtr-error-summary" role="alert" aria-labelledby="mtr-error-summary" tabindex="-1" autofocus>
            <h2 id="mtr-error-summary" class="mtr-h2">{text(lang, Key::ErrorSummaryHeading)}</h2>
            <ul>{refusal}{items}</ul>
        </div>
    }
}

/// What the field asks about, as the summary names it: the question, the goal or the conflict.
fn field_name(c: &Consultation, lang: Lang, field: &Field) -> String {
    match field {
        Field::Group => text(lang, Key::GroupLegend).to_owned(),
        Field::Place(id) => c
            .priority(id)
            .map(|p| p.title.get(lang).to_owned())
            .unwrap_or_default(),
        Field::Position(id) | Field::Comment(id) => c
            .conflicts
            .iter()
            .find(|x| &x.id == id)
            .map(|x| x.title.get(lang).to_owned())
            .unwrap_or_default(),
    }
}
