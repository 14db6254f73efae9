use leptos::prelude::*;

use crate::components::stance_question::StanceQuestion;
use crate::components::step_frame::StepFrame;
use crate::context::use_consultation;
use crate::flow::use_flow;
use crate::focus::none_flagged;
use crate::i18n::{tr, Key};

/// Organisation mode: a stance and reasoning per priority; a reasoning needs a stance to be
/// sent, and must not be longer than the server keeps.
#[component]
pub fn StancesStep() -> impl IntoView {
    let flow = use_flow();
    let consultation = use_consultation();
    // Set by a "next" that found a reasoning without a stance (see `ConflictsStep`).
    let checked = RwSignal::new(false);
    let questions = (0..consultation.priorities.len())
        .map(|index| view! { <StanceQuestion index checked /> })
        .collect_view();
    let bases: Vec<String> = consultation
        .priorities
        .iter()
        .map(|p| format!("mtr-stance-{}", p.id))
        .collect();
    let on_next = move |()| {
        let fine = flow.draft.with_untracked(|d| {
            none_flagged(bases.iter().enumerate().map(|(i, base)| {
                if d.reasoning_without_stance(i) {
                    Some(format!("{base}-error"))
                } else {
                    d.reasoning_too_long(i).then(|| format!("{base}-reasoning"))
                }
            }))
        });
        checked.set(!fine);
        fine
    };
    view! {
        <StepFrame heading=Key::StancesHeading on_next>
            <p class="mtr-hint">{tr(Key::StancesHint)}</p>
            {questions}
        </StepFrame>
    }
}
