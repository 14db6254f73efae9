//! What the briefing may claim, and the promise it keeps: **in any situation, a briefing
//! holds a claim that is false in that situation in at most 5 % of consultations** (strong
//! family-wise control at [`BRIEFING_ERROR_RATE`]).
//!
//! # How
//!
//! The claims come in families, each with its share of the 5 % ([`Family::budget`]): the lead
//! first, where readers look first, then the leans on goal conflicts, the splits between
//! groups, the effect of counting groups equally, and common ground. The shares add up to
//! 4.5 %, so by Bonferroni's inequality the briefing as a whole keeps the promise whenever each
//! family keeps its share, whatever is true elsewhere; the last 0.5 % ([`MARGIN`]) is kept for
//! what the tests approximate (Student's t on scores that take few values, Welch's degrees of
//! freedom), which the simulations show at up to a few tenths of a percent. A family with
//! nothing to test in a consultation gives its share to the lead ([`Budget`]):
//!
//! - **Lead** (3 %, and 3.5 % in a consultation without a round before, which has no moves to
//!   test): the leader is called clear only when it is above *every* other goal by more than
//!   chance (an intersection–union test: each comparison at the lead's whole share, two-sided,
//!   because all must hold at once). When the top two are tied in truth, each is called the
//!   clear leader at most half that share of the time.
//! - **Leans** (0.5 %): a group (or everyone) leans to one side of a goal conflict when a sign
//!   test of the positions on either side, exact for any number, rejects "either side is as
//!   likely"; Holm's procedure over every group and conflict of the consultation.
//! - **Splits** (0.3 %): one group ranks a goal clearly above another when Welch's t of the
//!   goal's points in the two groups rejects "the same"; Holm over every pair of groups and
//!   every goal.
//! - **Weighting** (0.1 %): counting groups equally changes the order only when a pair of
//!   goals is ordered one way, beyond chance, when every response counts once, and the other
//!   way when every group counts the same (an intersection–union test per pair; Holm over the
//!   pairs).
//! - **Common ground** (0.1 %): a goal is in the upper half of every group's ranking only when,
//!   in every group, it is above at least half the other goals beyond chance; Holm over every
//!   pair of goals in every group.
//! - **Moves** (0.5 %, only where there is a round before): a goal moved up (or down) since the
//!   round before only when it holds a better (worse) place now and its mean score per
//!   response rose (fell) beyond chance (Welch's t of the two rounds, taken as independent
//!   samples); Holm over every goal, overall and in every group compared
//!   ([`super::rounds`]).
//!
//! Holm's procedure keeps the family-wise error of a family for any dependence between its
//! tests. The differences between goals are tested on their Borda scores ([`differences`]);
//! the rank intervals come from the same comparisons ([`rank_intervals`]).
//!
//! # Where the promise is checked
//!
//! The simulation harness ([`crate::simulation`]) runs the real code path under known truth
//! (5–50 goals, 2–6 groups of 10–1,000 responses, full and partial rankings, Plackett–Luce and
//! Mallows populations, nothing there at all and some effects real) and measures the rate of
//! false briefings with its 95 % interval; BENCHMARKS.md has the table. Outside those bounds
//! the promise rests on the argument above, not on a measurement.

pub mod differences;
pub mod distribution;

use serde::{Deserialize, Serialize};

/// The share of consultations whose briefing may hold a false claim.
pub const BRIEFING_ERROR_RATE: f64 = 0.05;

/// The part of [`BRIEFING_ERROR_RATE`] no family spends: room for what the tests approximate.
pub const MARGIN: f64 = 0.005;

/// The chance that a rank interval misses the goal's true place (or block of tied places).
pub const RANK_INTERVAL_MISS: f64 = 0.10;

/// A family of claims, each with its share of the error budget.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Lead,
    Leans,
    Splits,
    Weighting,
    CommonGround,
    /// Moves since the round before (only for a consultation that has one).
    Moves,
}

impl Family {
    pub const ALL: [Family; 6] = [
        Family::Lead,
        Family::Leans,
        Family::Splits,
        Family::Weighting,
        Family::CommonGround,
        Family::Moves,
    ];

    /// The share of [`BRIEFING_ERROR_RATE`] this family may spend (all of them together leave
    /// the [`MARGIN`]).
    pub fn budget(self) -> f64 {
        match self {
            Family::Lead => 0.03,
            Family::Leans | Family::Moves => 0.005,
            Family::Splits => 0.003,
            Family::Weighting | Family::CommonGround => 0.001,
        }
    }
}

/// The shares of one consultation: a family that has nothing to test there (no goal
/// conflicts; fewer than two readable groups to compare; groups that all count the same either
/// way) cannot err, so its share goes to the lead, where readers look first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    shares: [f64; 6],
}

impl Budget {
    /// `tested(family)`: whether the consultation gives the family anything to test. This
    /// must follow from the consultation's design and the groups' sizes, never from what the
    /// answers say.
    pub fn new(tested: impl Fn(Family) -> bool) -> Self {
        let mut shares = Family::ALL.map(Family::budget);
        for (i, family) in Family::ALL.into_iter().enumerate().skip(1) {
            if !tested(family) {
                shares[0] += shares[i];
                shares[i] = 0.0;
            }
        }
        Self { shares }
    }

    pub fn of(&self, family: Family) -> f64 {
        self.shares[Family::ALL
            .iter()
            .position(|&f| f == family)
            .expect("every family is listed")]
    }
}

/// Holm's step-down procedure at `alpha`: which of the hypotheses with `p_values` are
/// rejected. Keeps the family-wise error at `alpha` for any dependence between the tests.
pub fn holm(p_values: &[f64], alpha: f64) -> Vec<bool> {
    let m = p_values.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]).then(a.cmp(&b)));
    let mut rejected = vec![false; m];
    for (step, &i) in order.iter().enumerate() {
        if p_values[i] > alpha / (m - step) as f64 {
            break;
        }
        rejected[i] = true;
    }
    rejected
}

/// Rank intervals from comparisons: goal `a` cannot be placed better than one plus the goals
/// above it beyond chance, nor worse than the number of goals minus those below it beyond
/// chance. Each goal's comparisons with the others are one Holm family at
/// [`RANK_INTERVAL_MISS`], so its interval holds its true place (the whole block of places it
/// shares with goals tied in truth) with at least 90 % probability.
///
/// `compare(a, b)` gives the two-sided p-value of the difference of `a` and `b` and the
/// difference itself (positive: `a` scored higher).
pub fn rank_intervals(n: usize, compare: impl Fn(usize, usize) -> (f64, f64)) -> Vec<[u32; 2]> {
    let mut p_values = vec![1.0; n * n];
    let mut higher = vec![false; n * n];
    for a in 0..n {
        for b in a + 1..n {
            let (p, difference) = compare(a, b);
            p_values[a * n + b] = p;
            p_values[b * n + a] = p;
            higher[a * n + b] = difference > 0.0;
            higher[b * n + a] = difference < 0.0;
        }
    }
    (0..n)
        .map(|a| {
            let others: Vec<usize> = (0..n).filter(|&b| b != a).collect();
            let ps: Vec<f64> = others.iter().map(|&b| p_values[a * n + b]).collect();
            let rejected = holm(&ps, RANK_INTERVAL_MISS);
            let (mut better, mut worse) = (0, 0);
            for (&b, _) in others.iter().zip(&rejected).filter(|(_, r)| **r) {
                if higher[b * n + a] {
                    better += 1;
                } else if higher[a * n + b] {
                    worse += 1;
                }
            }
            [1 + better, n as u32 - worse]
        })
        .collect()
}

/// The rank intervals of a view of the ballots.
pub fn view_intervals(view: &differences::View, n: usize) -> Vec<[u32; 2]> {
    rank_intervals(n, |a, b| {
        let d = view.difference(a, b);
        (d.p_value(), d.difference)
    })
}

#[cfg(test)]
mod tests;
