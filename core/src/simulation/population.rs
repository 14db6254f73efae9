//! Populations whose truth is known: Plackett–Luce rankings and positions on goal conflicts
//! drawn with set probabilities.

use crate::ballot::{Ballot, Mark, UNRANKED};
use crate::results::rng::SplitMix64;

/// One stakeholder group's population.
#[derive(Debug, Clone, PartialEq)]
pub struct Population {
    /// Each goal's Plackett–Luce log-weight: a ranking is drawn goal by goal, each next goal
    /// with a probability proportional to `exp(weight)` among those left. Goals with equal
    /// weights are tied in truth.
    pub weights: Vec<f64>,
    /// How many goals a participant ranks (the others are shown and left unranked, tied at the
    /// bottom); `None`: all of them.
    pub ranked: Option<usize>,
    /// Per goal conflict, the probabilities of the scale's five steps (left goal first) and of
    /// "no view", summing to 1.
    pub conflicts: Vec<[f64; 6]>,
}

impl Population {
    /// Goals of log-weights `weights`, ranked in full, and `conflicts` conflicts on which the
    /// population is split evenly (a fifth on each step, none without a view).
    pub fn plackett_luce(weights: Vec<f64>, conflicts: usize) -> Self {
        Self {
            weights,
            ranked: None,
            conflicts: vec![EVEN; conflicts],
        }
    }

    /// One participant's ballot for group `group`.
    pub(crate) fn draw(&self, group: usize, rng: &mut Random) -> Ballot {
        let n = self.weights.len();
        let mut left: Vec<usize> = (0..n).collect();
        let ranked = self.ranked.unwrap_or(n).min(n);
        let mut ranking = Vec::with_capacity(ranked);
        for _ in 0..ranked {
            let total: f64 = left.iter().map(|&g| self.weights[g].exp()).sum();
            let mut pick = rng.unit() * total;
            let mut chosen = left.len() - 1;
            for (i, &g) in left.iter().enumerate() {
                pick -= self.weights[g].exp();
                if pick < 0.0 {
                    chosen = i;
                    break;
                }
            }
            ranking.push(left.swap_remove(chosen));
        }
        let mut ballot = Ballot::new(group, n, &ranking, &left);
        debug_assert!(left.iter().all(|&g| ballot.ranks[g] == UNRANKED));
        ballot.marks = self
            .conflicts
            .iter()
            .enumerate()
            .map(|(conflict, p)| Mark {
                conflict,
                step: rng.choose(p).filter(|&s| s < 5).map(|s| s as u8),
                commented: false,
            })
            .collect();
        ballot
    }
}

/// A conflict on which a population is split evenly: a fifth on each step.
pub const EVEN: [f64; 6] = [0.2, 0.2, 0.2, 0.2, 0.2, 0.0];

/// The simulation's random numbers (seeded: a run is repeatable).
pub struct Random(SplitMix64);

impl Random {
    pub fn new(seed: u64) -> Self {
        Self(SplitMix64(seed))
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.0.below(1 << 53) as f64) / (1u64 << 53) as f64
    }

    /// An index drawn with the probabilities `p`.
    fn choose(&mut self, p: &[f64]) -> Option<usize> {
        let mut pick = self.unit();
        for (i, &q) in p.iter().enumerate() {
            pick -= q;
            if pick < 0.0 {
                return Some(i);
            }
        }
        p.len().checked_sub(1)
    }
}
