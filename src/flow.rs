//! The steps of a participation and the shared state the step components work on.

use leptos::prelude::*;
use mitreden_core::draft::{Draft, Mode};

use mitreden_views::participation::welcome::WELCOME_HEADING;
use mitreden_views::participation::who_step::WHO_HEADING;

use crate::focus::focus_step_later;

pub use mitreden_core::steps::Step;

/// The participation in progress: the draft and where the participant is.
#[derive(Clone, Copy)]
pub struct Flow {
    pub draft: RwSignal<Draft>,
    pub step: RwSignal<Step>,
    /// Changing an answer from the review ("check your answers"): the next step is the review
    /// again, as long as who is speaking stays the same (a person or an organisation: their
    /// steps differ). Holds who was speaking when the change began.
    pub changing: RwSignal<Option<Option<Mode>>>,
    has_conflicts: bool,
}

impl Flow {
    pub fn new(draft: Draft, has_conflicts: bool) -> Self {
        Self {
            draft: RwSignal::new(draft),
            step: RwSignal::new(Step::Welcome),
            changing: RwSignal::new(None),
            has_conflicts,
        }
    }

    pub fn steps(&self) -> Vec<Step> {
        Step::sequence(self.draft.with(|d| d.mode), self.has_conflicts)
    }

    /// 1-based number of the current step, and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        let steps = self.steps();
        let here = self.step.get();
        let n = steps.iter().position(|s| *s == here).map_or(1, |i| i + 1);
        (n, steps.len())
    }

    /// Goes to `step` and moves focus to its heading.
    pub fn go(&self, step: Step) {
        self.step.set(step);
        let heading = match step {
            Step::Welcome => WELCOME_HEADING,
            Step::Who => WHO_HEADING,
            _ => STEP_HEADING,
        };
        focus_step_later(heading.to_owned());
    }

    /// From the review to `step`, to change an answer there.
    pub fn change(&self, step: Step) {
        self.changing
            .set(Some(self.draft.with_untracked(|d| d.mode)));
        self.go(step);
    }

    /// Whether going on leads back to the review.
    pub fn returns_to_review(&self) -> bool {
        let mode = self.draft.with(|d| d.mode);
        self.changing.get() == Some(mode)
    }

    pub fn next(&self) {
        let back_to_review = self.returns_to_review();
        self.changing.set(None);
        if back_to_review {
            self.go(Step::Review);
        } else {
            self.shift(1);
        }
    }

    pub fn back(&self) {
        self.changing.set(None);
        self.shift(-1);
    }

    fn shift(&self, by: isize) {
        let steps = self.steps();
        let here = self.step.get_untracked();
        let i = steps.iter().position(|s| *s == here).unwrap_or(0) as isize;
        let j = (i + by).clamp(0, steps.len() as isize - 1) as usize;
        self.go(steps[j]);
    }
}

/// The id of every step's heading, where focus goes when the step changes (but the welcome's
/// and the first question's, which the server renders).
pub const STEP_HEADING: &str = "mtr-step-heading";

pub fn provide_flow(flow: Flow) {
    provide_context(flow);
}

/// The participation in progress; step components are only rendered below [`provide_flow`].
pub fn use_flow() -> Flow {
    expect_context::<Flow>()
}
