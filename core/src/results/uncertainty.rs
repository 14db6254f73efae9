//! How likely is each goal to be among the first `k`? A seeded, stratified bootstrap whose
//! cost does not grow with the number of responses. (Which places a goal may truly hold, and
//! what the briefing may claim, come from tests of the scores' differences instead:
//! [`super::evidence`].)
//!
//! Each resample draws, within every stratum (stakeholder group), as many ballots as the
//! stratum has, with replacement, and ranks the priorities by their Borda scores in that
//! resample: each group by its own, the whole by the sum over the groups, the equal-weight view
//! by the weighted sum (the weights fixed, as the groups' sizes are). Over all resamples each
//! priority gets the share of resamples in which it was among the top `k`.
//!
//! # Large groups: the normal approximation
//!
//! A group's Borda score vector is a sum over its `N` ballots, `S = Σ cᵢ`, of bounded vectors
//! (`|cᵢ[a]| < n`). A resample's `S*` is the sum of `N` independent draws from those ballots,
//! so by the multivariate central limit theorem it is, for large `N`, normal with mean `S` and
//! covariance `N` times the ballots' covariance, `Q - S Sᵀ / N`, where `Q = Σ cᵢ cᵢᵀ`. `S` and
//! `Q` are sums too: the tally keeps them as whole numbers ([`ScoreMoments`]), adding each
//! ballot and taking it out exactly on withdrawal. Drawing `S*` from that normal (through a
//! Cholesky factor of the covariance) costs `O(n²)` per group and resample, however many
//! ballots there are, and nothing of the single ballots needs to be kept. The approximation's
//! error shrinks like `1/√N` (Berry–Esseen).
//!
//! # Where it is not sound, and what is done there
//!
//! - **Small groups.** A resample of a few dozen ballots takes few distinct values, often ties
//!   (tied priorities share the better rank) and can be skewed when nearly all ballots agree on
//!   a pair; the normal never ties and is symmetric. So a group with at most
//!   [`EXACT_UP_TO`] ballots is resampled exactly from its ballots, which the tally keeps while
//!   the group is that small. Measured on realistic ballots of 20 priorities (4,000
//!   resamples, four groups per size), the largest differences between the two were: at 10
//!   ballots 0.021 in a top-3 chance; at 50, 0.019; at 200, 0.016 (the resampling noise alone
//!   is about 0.01). The switch sits at 200,
//!   well inside the safe range, because with few priorities or nearly unanimous pairs the
//!   discreteness matters sooner, and exact resampling of 200 ballots is cheap (1,000
//!   resamples of 20 priorities: about 4 million additions). The test
//!   `the_normal_approximation_agrees_with_resampling_at_the_switch_point_and_above` holds the
//!   two together: every top-k chance within 0.05.
//! - **A group that shrank.** The ranks of ballots that left a group once it had more than
//!   [`EXACT_UP_TO`] are not kept. If withdrawals take it back to that size, the server counts
//!   the consultation afresh from storage in the background (`AppState::regain_ranks`), so its
//!   figures become those of any other count of the same responses; until then the group is
//!   drawn from the normal approximation.
//! - **What neither method covers.** The bootstrap treats a group's participants as a random
//!   sample of people like them. A consultation's participants choose themselves: the
//!   chances show how much the ranking could move with other, similar participants, not how
//!   far the participants are from the whole population.
//!
//! The random numbers are seeded, so the same tally always gives the same figures.

use crate::results::bootstrap::Ballots;
use crate::results::methods::competition_ranks;
use crate::results::normal::Normal;
use crate::results::rng::SplitMix64;
use crate::results::ResultsOptions;
use crate::tally::{GroupTally, Tally, EXACT_UP_TO};

#[cfg(doc)]
use crate::tally::ScoreMoments;

/// Per priority: the chance of being in the top `k`.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainty {
    pub top_k: Vec<f64>,
}

/// The uncertainty of every view of one tally.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainties {
    /// How many responses the tally had: what these figures reflect.
    pub responses: u64,
    /// Each group's own; `None` for a group without ballots.
    pub groups: Vec<Option<Uncertainty>>,
    /// Over all groups (stratified: each keeps its size in every resample); `None` if there are
    /// no ballots at all.
    pub overall: Option<Uncertainty>,
    /// The equal-weight view; `None` if no group is weighed.
    pub equal_weight: Option<Uncertainty>,
}

impl Uncertainties {
    /// Resamples every group of `tally` (exactly where it is small, from the normal
    /// approximation where it is large); `weights` are the equal-weight view's, per group.
    pub fn compute(tally: &Tally, weights: &[f64], options: &ResultsOptions) -> Self {
        let samplers: Vec<Option<Sampler>> = tally.groups().iter().map(Sampler::of).collect();
        let n = tally.groups().first().map_or(0, |g| g.matrix.len());
        Self::resample(&samplers, weights, n, options, tally.ballots())
    }

    fn resample(
        samplers: &[Option<Sampler>],
        weights: &[f64],
        n: usize,
        options: &ResultsOptions,
        responses: u64,
    ) -> Self {
        let none = || Self {
            responses,
            groups: vec![None; samplers.len()],
            overall: None,
            equal_weight: None,
        };
        if options.resamples == 0 || samplers.iter().all(Option::is_none) {
            return none();
        }
        let weighed = samplers
            .iter()
            .zip(weights)
            .any(|(s, &w)| s.is_some() && w > 0.0);
        let mut rng = SplitMix64(options.seed);
        let k = options.top_k.min(n);
        let mut groups: Vec<Option<Histogram>> = samplers
            .iter()
            .map(|s| s.as_ref().map(|_| Histogram::new(n, k)))
            .collect();
        let mut overall = Histogram::new(n, k);
        let mut equal = Histogram::new(n, k);
        let mut room = Room::new(n);
        let (mut total, mut weighted) = (vec![0.0; n], vec![0.0; n]);
        for _ in 0..options.resamples {
            total.iter_mut().for_each(|s| *s = 0.0);
            weighted.iter_mut().for_each(|s| *s = 0.0);
            for ((sampler, histogram), &weight) in samplers.iter().zip(&mut groups).zip(weights) {
                let (Some(sampler), Some(histogram)) = (sampler, histogram) else {
                    continue;
                };
                let scores = sampler.draw(&mut rng, &mut room);
                histogram.add(scores);
                for ((t, w), &s) in total.iter_mut().zip(&mut weighted).zip(scores.iter()) {
                    *t += s;
                    *w += weight * s;
                }
            }
            overall.add(&total);
            if weighed {
                equal.add(&weighted);
            }
        }
        let summary = |h: &Histogram| h.summary(options.resamples);
        Self {
            responses,
            groups: groups.iter().map(|h| h.as_ref().map(summary)).collect(),
            overall: Some(summary(&overall)),
            equal_weight: weighed.then(|| summary(&equal)),
        }
    }
}

/// How one group's resampled scores are drawn.
enum Sampler {
    /// From the ballots themselves (small groups).
    Exact(Ballots),
    /// From the normal approximation (large groups).
    Normal(Normal),
}

impl Sampler {
    /// `None` for a group without ballots.
    fn of(group: &GroupTally) -> Option<Self> {
        if group.ballots == 0 {
            return None;
        }
        let n = group.matrix.len();
        Some(match &group.ranks {
            Some(ranks) if group.ballots <= EXACT_UP_TO => Sampler::Exact(Ballots::new(ranks, n)),
            _ => Sampler::Normal(Normal::new(&group.moments, group.ballots)),
        })
    }

    /// One resample's scores (in `room`).
    fn draw<'r>(&self, rng: &mut SplitMix64, room: &'r mut Room) -> &'r [f64] {
        match self {
            Sampler::Exact(ballots) => ballots.draw_into(rng, &mut room.sums, &mut room.scores),
            Sampler::Normal(normal) => normal.draw_into(rng, &mut room.z, &mut room.scores),
        }
        &room.scores
    }
}

/// Working space of the draws, reused across resamples.
struct Room {
    sums: Vec<i64>,
    z: Vec<f64>,
    scores: Vec<f64>,
}

impl Room {
    fn new(n: usize) -> Self {
        Self {
            sums: vec![0; n],
            z: vec![0.0; n],
            scores: vec![0.0; n],
        }
    }
}

/// How often each priority was among the top `k` over the resamples.
struct Histogram {
    k: usize,
    hits: Vec<u32>,
}

impl Histogram {
    fn new(n: usize, k: usize) -> Self {
        Self {
            k,
            hits: vec![0; n],
        }
    }

    /// Counts the ranks that `scores` give (higher is better, ties share the better rank).
    fn add(&mut self, scores: &[f64]) {
        for (hits, rank) in self.hits.iter_mut().zip(competition_ranks(scores)) {
            *hits += u32::from(rank as usize <= self.k);
        }
    }

    fn summary(&self, resamples: u32) -> Uncertainty {
        Uncertainty {
            top_k: self
                .hits
                .iter()
                .map(|&h| f64::from(h) / f64::from(resamples))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
