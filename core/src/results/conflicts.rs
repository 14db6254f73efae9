//! How a goal conflict splits the groups: the distribution of positions.

use serde::{Deserialize, Serialize};

use crate::tally::ConflictTally;

/// Positions on one conflict within one group (or overall).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictStats {
    /// Participants who placed themselves on the scale.
    pub positions: u64,
    /// Count per step, from the left goal (`-k`) to the right goal (`+k`).
    pub histogram: Vec<u64>,
    /// Participants who said they have no view.
    pub no_view: u64,
    /// The median position on the scale `-k..=k`; `None` without positions.
    pub median: Option<f64>,
    /// Participants who explained their position.
    pub comments: u64,
}

impl ConflictStats {
    pub fn from_tally(tally: &ConflictTally) -> Self {
        let positions: u64 = tally.steps.iter().sum();
        let half = (tally.steps.len() / 2) as f64;
        // The values at sorted positions ⌊(N−1)/2⌋ and ⌈(N−1)/2⌉, averaged.
        let value_at = |index: u64| -> f64 {
            let mut seen = 0;
            for (step, &count) in tally.steps.iter().enumerate() {
                seen += count;
                if index < seen {
                    return step as f64 - half;
                }
            }
            half
        };
        let median = (positions > 0).then(|| {
            let lower = value_at((positions - 1) / 2);
            let upper = value_at(positions / 2);
            (lower + upper) / 2.0
        });
        Self {
            positions,
            histogram: tally.steps.clone(),
            no_view: tally.no_view,
            median,
            comments: tally.comments,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(steps: &[u64]) -> ConflictStats {
        ConflictStats::from_tally(&ConflictTally {
            steps: steps.to_vec(),
            no_view: 1,
            comments: 2,
        })
    }

    #[test]
    fn median_is_on_the_symmetric_scale() {
        assert_eq!(stats(&[0, 0, 3, 0, 0]).median, Some(0.0));
        assert_eq!(stats(&[1, 0, 0, 0, 2]).median, Some(2.0));
        assert_eq!(stats(&[1, 0, 0, 0, 1]).median, Some(0.0));
        assert_eq!(stats(&[0, 1, 0, 0, 0, 0, 1]).median, Some(0.5));
        assert_eq!(stats(&[0, 0, 0, 0, 0]).median, None);
        assert_eq!(stats(&[2, 0, 0, 0, 1]).positions, 3);
    }
}
