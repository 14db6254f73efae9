//! The steps of a participation and the shared state the step components work on.

use leptos::prelude::*;
use mitreden_core::draft::{Draft, Mode};

use crate::focus::focus_later;
use crate::i18n::Key;

/// One step of the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Welcome,
    Who,
    Rank,
    Organisation,
    Stances,
    Conflicts,
    Propose,
    Review,
}

impl Step {
    /// The steps for `mode` (before a mode is chosen, those of an individual).
    pub fn sequence(mode: Option<Mode>, has_conflicts: bool) -> Vec<Step> {
        let mut steps = vec![Step::Welcome, Step::Who];
        match mode {
            Some(Mode::Organisation) => steps.extend([Step::Organisation, Step::Stances]),
            _ => steps.push(Step::Rank),
        }
        if has_conflicts {
            steps.push(Step::Conflicts);
        }
        if mode != Some(Mode::Organisation) {
            steps.push(Step::Propose);
        }
        steps.push(Step::Review);
        steps
    }

    /// The step's name, as used in the review's "change" links.
    pub fn label(self) -> Key {
        match self {
            Step::Welcome => Key::StepWelcome,
            Step::Who => Key::WhoHeading,
            Step::Rank => Key::StepRank,
            Step::Organisation => Key::OrgHeading,
            Step::Stances => Key::StancesHeading,
            Step::Conflicts => Key::StepConflicts,
            Step::Propose => Key::StepPropose,
            Step::Review => Key::StepReview,
        }
    }
}

/// The participation in progress: the draft and where the participant is.
#[derive(Clone, Copy)]
pub struct Flow {
    pub draft: RwSignal<Draft>,
    pub step: RwSignal<Step>,
    has_conflicts: bool,
}

impl Flow {
    pub fn new(draft: Draft, has_conflicts: bool) -> Self {
        Self {
            draft: RwSignal::new(draft),
            step: RwSignal::new(Step::Welcome),
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
        focus_later(STEP_HEADING.to_owned());
    }

    pub fn next(&self) {
        self.shift(1);
    }

    pub fn back(&self) {
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

/// The id of every step's heading, where focus goes when the step changes.
pub const STEP_HEADING: &str = "mtr-step-heading";

pub fn provide_flow(flow: Flow) {
    provide_context(flow);
}

/// The participation in progress; step components are only rendered below [`provide_flow`].
pub fn use_flow() -> Flow {
    expect_context::<Flow>()
}
