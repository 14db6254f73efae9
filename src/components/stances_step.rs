use leptos::prelude::*;

use crate::components::stance_question::StanceQuestion;
use crate::components::step_frame::StepFrame;
use crate::context::use_consultation;
use crate::i18n::{tr, Key};

/// Organisation mode: a stance and reasoning per priority.
#[component]
pub fn StancesStep() -> impl IntoView {
    let questions = (0..use_consultation().priorities.len())
        .map(|index| view! { <StanceQuestion index /> })
        .collect_view();
    view! {
        <StepFrame heading=Key::StancesHeading on_next=|()| true>
            <p class="mtr-hint">{tr(Key::StancesHint)}</p>
            {questions}
        </StepFrame>
    }
}
