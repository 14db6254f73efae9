//! Populations whose truth is known: Plackett–Luce or Mallows rankings and positions on goal
//! conflicts drawn with set probabilities.

use crate::ballot::{Ballot, Mark, UNRANKED};
use crate::results::rng::SplitMix64;

/// How a population ranks the goals.
#[derive(Debug, Clone, PartialEq)]
pub enum Model {
    /// Each goal's Plackett–Luce log-weight: a ranking is drawn goal by goal, each next goal
    /// with a probability proportional to `exp(weight)` among those left. Goals with equal
    /// weights are tied in truth.
    PlackettLuce(Vec<f64>),
    /// Mallows: a ranking `k` swaps away from the central order (goal indices, best first)
    /// has a probability proportional to `phi^k` (`0 < phi < 1`; the nearer 1, the more
    /// spread). Drawn by repeated insertion; no goals are tied in truth.
    Mallows { center: Vec<usize>, phi: f64 },
}

/// One stakeholder group's population.
#[derive(Debug, Clone, PartialEq)]
pub struct Population {
    pub model: Model,
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
            model: Model::PlackettLuce(weights),
            ranked: None,
            conflicts: vec![EVEN; conflicts],
        }
    }

    /// Mallows rankings around `center` with dispersion `phi`, ranked in full, and
    /// `conflicts` evenly split conflicts.
    pub fn mallows(center: Vec<usize>, phi: f64, conflicts: usize) -> Self {
        Self {
            model: Model::Mallows { center, phi },
            ranked: None,
            conflicts: vec![EVEN; conflicts],
        }
    }

    /// Number of goals.
    pub fn goals(&self) -> usize {
        match &self.model {
            Model::PlackettLuce(weights) => weights.len(),
            Model::Mallows { center, .. } => center.len(),
        }
    }

    /// A full ranking, best first.
    pub(crate) fn ranking(&self, rng: &mut Random) -> Vec<usize> {
        match &self.model {
            Model::PlackettLuce(weights) => {
                let mut left: Vec<usize> = (0..weights.len()).collect();
                let mut ranking = Vec::with_capacity(left.len());
                while !left.is_empty() {
                    let total: f64 = left.iter().map(|&g| weights[g].exp()).sum();
                    let mut pick = rng.unit() * total;
                    let mut chosen = left.len() - 1;
                    for (i, &g) in left.iter().enumerate() {
                        pick -= weights[g].exp();
                        if pick < 0.0 {
                            chosen = i;
                            break;
                        }
                    }
                    ranking.push(left.remove(chosen));
                }
                ranking
            }
            Model::Mallows { center, phi } => {
                // The i-th goal of the centre goes in at position j of i + 1 (0 = top) with a
                // probability proportional to phi^(i − j).
                let mut ranking: Vec<usize> = Vec::with_capacity(center.len());
                for (i, &goal) in center.iter().enumerate() {
                    let weights: Vec<f64> = (0..=i).map(|j| phi.powi((i - j) as i32)).collect();
                    let total: f64 = weights.iter().sum();
                    let mut pick = rng.unit() * total;
                    let mut at = i;
                    for (j, w) in weights.iter().enumerate() {
                        pick -= w;
                        if pick < 0.0 {
                            at = j;
                            break;
                        }
                    }
                    ranking.insert(at, goal);
                }
                ranking
            }
        }
    }

    /// One participant's ballot for group `group`.
    pub(crate) fn draw(&self, group: usize, rng: &mut Random) -> Ballot {
        let n = self.goals();
        let mut ranking = self.ranking(rng);
        let ranked = self.ranked.unwrap_or(n).min(n);
        let left = ranking.split_off(ranked);
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
