use leptos::prelude::*;
use mitreden_core::plain_form::FieldProblem;
use mitreden_core::{Consultation, Lang};

use super::problems::{anchor, message};
use super::texts::{text, Key};

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
            view! { <li><a href=href>{message(lang, &p.problem)}</a></li> }
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
