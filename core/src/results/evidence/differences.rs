//! Differences of Borda scores with their uncertainty, read from the tally's moments: within
//! one view (a group, everyone, the equal-weight view) between two goals, and between two
//! groups for one goal.
//!
//! A ballot's Borda score vector `c` gives each goal how many goals it is above minus below.
//! Within a group of `N` ballots the difference of two goals' scores is a sum of `N`
//! independent per-ballot differences `c[a] − c[b]`, whose sum and sum of squares the moments
//! hold (`S[a] − S[b]`, `Q[a,a] + Q[b,b] − 2 Q[a,b]`). A view sums its groups with fixed
//! weights (1 for everyone, the equal-weight view's weights otherwise), the groups' sizes held
//! as they are (stratified). Its difference is tested with Welch's t: the variance summed over
//! the groups, the degrees of freedom by Welch–Satterthwaite.

use super::distribution::{ln_gamma, sign_test, t_two_sided};
use crate::tally::GroupTally;

/// An estimated difference and its uncertainty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub difference: f64,
    /// The variance of `difference`.
    pub variance: f64,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: f64,
    /// The fewest ballots of a group that contributes.
    pub fewest: u64,
    /// The p-value when every ballot of every group says the same (no spread to estimate):
    /// that of the exact test of the most extreme case.
    pub unanimous: f64,
}

impl Estimate {
    /// Two-sided p-value of "the true difference is 0".
    pub fn p_value(&self) -> f64 {
        if self.difference == 0.0 {
            return 1.0;
        }
        if self.variance <= 0.0 {
            // The t statistic would be infinite.
            return self.unanimous;
        }
        t_two_sided(self.difference / self.variance.sqrt(), self.df)
    }

    fn add(&mut self, difference: f64, variance: f64, weight: f64, ballots: u64) {
        let v = weight * weight * variance;
        self.difference += weight * difference;
        self.variance += v;
        // Σ v² / (N − 1), turned into the degrees of freedom at the end.
        self.df += v * v / (ballots - 1) as f64;
        self.fewest = self.fewest.min(ballots);
    }

    /// Every ballot differing the same way: the sign test of the smallest group.
    fn finish(mut self) -> Self {
        self.df = if self.df > 0.0 {
            self.variance * self.variance / self.df
        } else {
            f64::INFINITY
        };
        self.unanimous = sign_test(self.fewest, self.fewest);
        self
    }

    fn empty() -> Self {
        Self {
            difference: 0.0,
            variance: 0.0,
            df: 0.0,
            fewest: u64::MAX,
            unanimous: 1.0,
        }
    }

    /// No evidence either way (a group of one ballot says nothing about the spread).
    fn unknown(difference: f64) -> Self {
        Self {
            difference,
            variance: f64::INFINITY,
            df: 1.0,
            fewest: 1,
            unanimous: 1.0,
        }
    }
}

/// A view of the ballots: groups and their weights.
pub struct View<'a> {
    strata: Vec<(f64, &'a GroupTally)>,
}

impl<'a> View<'a> {
    /// `groups` with `weights` (zero weights and empty groups left out).
    pub fn weighted(groups: &'a [GroupTally], weights: &[f64]) -> Self {
        Self {
            strata: groups
                .iter()
                .zip(weights)
                .filter(|(g, &w)| w > 0.0 && g.ballots > 0)
                .map(|(g, &w)| (w, g))
                .collect(),
        }
    }

    /// One group alone.
    pub fn group(group: &'a GroupTally) -> Self {
        Self::weighted(std::slice::from_ref(group), &[1.0])
    }

    /// The view's score of `a` (its Borda score), with the variance of that sum.
    pub fn total(&self, a: usize) -> Estimate {
        let mut e = Estimate::empty();
        for &(weight, g) in &self.strata {
            let m = &g.moments;
            let total = m.sum()[a] as f64;
            if g.ballots < 2 {
                return Estimate::unknown(weight * total);
            }
            let n = g.ballots as f64;
            let spread = ((m.product(a, a) as f64 - total * total / n) / (n - 1.0)).max(0.0);
            e.add(total, n * spread, weight, g.ballots);
        }
        e.finish()
    }

    /// The view's score of `a` minus that of `b`.
    pub fn difference(&self, a: usize, b: usize) -> Estimate {
        let mut e = Estimate::empty();
        for &(weight, g) in &self.strata {
            let m = &g.moments;
            let total = (m.sum()[a] - m.sum()[b]) as f64;
            if g.ballots < 2 {
                return Estimate::unknown(weight * total);
            }
            let squares = (m.product(a, a) + m.product(b, b) - 2 * m.product(a, b)) as f64;
            let n = g.ballots as f64;
            let spread = ((squares - total * total / n) / (n - 1.0)).max(0.0);
            e.add(total, n * spread, weight, g.ballots);
        }
        e.finish()
    }
}

/// Goal `a`'s mean score per ballot in group `x` minus that in group `y`: Welch's t, with the
/// pooled variance's standard error where that is larger. (A small group's own variance is
/// least reliable exactly where it misleads: a goal most of its few ballots put at the bottom
/// shows a mean far out and a small spread; the pooled variance leans on the larger group.
/// Simulated with groups of 100 and 10 from one population, Welch's t alone claimed such a
/// difference ten times as often as its level allows.)
pub fn between(x: &GroupTally, y: &GroupTally, a: usize) -> Estimate {
    let mut e = Estimate::empty();
    let mut squares = 0.0;
    for (sign, g) in [(1.0, x), (-1.0, y)] {
        if g.ballots < 2 {
            return Estimate::unknown(0.0);
        }
        let n = g.ballots as f64;
        let sum = g.moments.sum()[a] as f64;
        let deviations = (g.moments.product(a, a) as f64 - sum * sum / n).max(0.0);
        squares += deviations;
        e.add(sum / n, deviations / (n - 1.0) / n, sign, g.ballots);
    }
    let e = e.finish();
    let (nx, ny) = (x.ballots as f64, y.ballots as f64);
    let pooled = squares / (nx + ny - 2.0) * (1.0 / nx + 1.0 / ny);
    Estimate {
        variance: e.variance.max(pooled),
        // Each group unanimous, the two apart: of all ways to split these ballots into groups
        // of these sizes, only this one (and, for equal sizes, its mirror) is as extreme.
        unanimous: (2.0 * (-ln_choose(x.ballots + y.ballots, x.ballots)).exp()).min(1.0),
        ..e
    }
}

/// ln of the binomial coefficient `n` over `k`.
fn ln_choose(n: u64, k: u64) -> f64 {
    ln_gamma((n + 1) as f64) - ln_gamma((k + 1) as f64) - ln_gamma((n - k + 1) as f64)
}
