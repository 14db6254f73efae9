use leptos::prelude::*;

use crate::components::conflict_question::ConflictQuestion;
use crate::components::step_frame::StepFrame;
use crate::context::use_consultation;
use crate::flow::use_flow;
use crate::focus::none_flagged;
use crate::i18n::{tr, Key};

/// Positions on the goal conflicts; every question may be skipped, but a comment needs a
/// position (or "no view") to be sent, and must not be longer than the server keeps.
#[component]
pub fn ConflictsStep() -> impl IntoView {
    let flow = use_flow();
    let consultation = use_consultation();
    // Set by a "next" that found a comment without a position; each question then shows its
    // error for as long as it lacks one.
    let checked = RwSignal::new(false);
    let questions = consultation
        .conflicts
        .iter()
        .enumerate()
        .map(|(index, _)| view! { <ConflictQuestion index checked /> })
        .collect_view();
    let bases: Vec<String> = consultation
        .conflicts
        .iter()
        .map(|c| format!("mtr-conflict-{}", c.id))
        .collect();
    let on_next = move |()| {
        let fine = flow.draft.with_untracked(|d| {
            none_flagged(bases.iter().enumerate().map(|(i, base)| {
                if d.comment_without_position(i) {
                    Some(format!("{base}-error"))
                } else {
                    d.comment_too_long(i).then(|| format!("{base}-comment"))
                }
            }))
        });
        checked.set(!fine);
        fine
    };
    view! {
        <StepFrame heading=Key::ConflictsHeading on_next>
            <p class="mtr-hint">{tr(Key::ConflictsHint)}</p>
            {questions}
        </StepFrame>
    }
}
