//! Exact resampling of a small group: each resample draws as many ballots as the group has,
//! with replacement, and sums their Borda score vectors.

use crate::ballot::borda_scores;
use crate::results::rng::SplitMix64;

/// A group's ballots prepared for drawing: their Borda score vectors, in the order of their
/// ranks, so the figures do not depend on the order the ballots arrived in.
pub struct Ballots {
    n: usize,
    count: u64,
    /// `contributions[i * n..(i + 1) * n]`: the score vector of ballot `i`.
    contributions: Vec<i16>,
}

impl Ballots {
    /// `ranks`: each ballot's ranks over `n` priorities, in any order.
    pub fn new(ranks: &[Box<[u8]>], n: usize) -> Self {
        let mut sorted: Vec<&[u8]> = ranks.iter().map(|r| &r[..]).collect();
        // A tally keeps them sorted already; then this costs one pass.
        sorted.sort_unstable();
        let mut contributions = Vec::with_capacity(sorted.len() * n);
        for r in sorted {
            // |contribution| < n ≤ MAX_PRIORITIES, which fits an i16.
            contributions.extend(borda_scores(r).into_iter().map(|c| c as i16));
        }
        Self {
            n,
            count: ranks.len() as u64,
            contributions,
        }
    }

    /// One resample's scores into `scores`.
    pub(super) fn draw_into(&self, rng: &mut SplitMix64, sums: &mut [i64], scores: &mut [f64]) {
        sums.iter_mut().for_each(|s| *s = 0);
        for _ in 0..self.count {
            let i = rng.below(self.count) as usize;
            let contribution = &self.contributions[i * self.n..(i + 1) * self.n];
            for (s, &c) in sums.iter_mut().zip(contribution) {
                *s += i64::from(c);
            }
        }
        for (score, &s) in scores.iter_mut().zip(sums.iter()) {
            *score = s as f64;
        }
    }
}
