//! The steps of taking part, in order: which there are depends on who speaks (a person or an
//! organisation) and on whether the consultation asks about goal conflicts. The widget walks
//! them; the server's welcome counts them ("step 1 of 6").

use crate::draft::Mode;

/// One step of taking part.
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_state_stances_instead_of_ranking_and_propose_nothing() {
        use Step::*;
        assert_eq!(
            Step::sequence(None, true),
            [Welcome, Who, Rank, Conflicts, Propose, Review]
        );
        assert_eq!(
            Step::sequence(Some(Mode::Organisation), false),
            [Welcome, Who, Organisation, Stances, Review]
        );
    }

    /// The server renders the first question with "step 2 of n" before anyone has chosen.
    #[test]
    fn who_is_speaking_never_changes_how_many_steps_there_are() {
        for conflicts in [false, true] {
            let n = Step::sequence(None, conflicts).len();
            for mode in [Mode::Individual, Mode::Organisation] {
                assert_eq!(Step::sequence(Some(mode), conflicts).len(), n);
                assert_eq!(Step::sequence(Some(mode), conflicts)[1], Step::Who);
            }
        }
    }
}
