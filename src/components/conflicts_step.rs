use leptos::prelude::*;

use crate::components::conflict_question::ConflictQuestion;
use crate::components::step_frame::StepFrame;
use crate::context::use_consultation;
use crate::i18n::{tr, Key};

/// Positions on the goal conflicts; every question may be skipped.
#[component]
pub fn ConflictsStep() -> impl IntoView {
    let questions = use_consultation()
        .conflicts
        .iter()
        .enumerate()
        .map(|(index, _)| view! { <ConflictQuestion index /> })
        .collect_view();
    view! {
        <StepFrame heading=Key::ConflictsHeading on_next=|()| true>
            <p class="mtr-hint">{tr(Key::ConflictsHint)}</p>
            {questions}
        </StepFrame>
    }
}
