//! How sure is a ranking? A seeded bootstrap over the ballots.
//!
//! Each resample draws, within every stratum (stakeholder group), as many ballots as the stratum
//! has, with replacement, and ranks the priorities by their Borda score in that resample. Over
//! all resamples each priority gets a rank interval (the central `confidence` share of its
//! ranks) and the probability of being among the top `k`. The random generator is seeded, so
//! the same ballots always give the same figures.

use crate::ballot::Ballot;
use crate::results::methods::competition_ranks;
use crate::tally::Rankings;

/// SplitMix64: small, fast, and good enough for resampling; deterministic per seed.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (Lemire's multiply-shift; the bias is negligible here).
    fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(bound)) >> 64) as u64
    }
}

/// One stratum prepared for drawing: the Borda contribution of each distinct ranking (in a
/// fixed order, so results do not depend on hash order), and one slot per ballot naming its
/// ranking, so a draw is a single random index.
struct Stratum {
    n: usize,
    contributions: Vec<i16>,
    slots: Vec<u32>,
}

impl Stratum {
    fn new(rankings: &Rankings, n: usize) -> Self {
        let mut distinct: Vec<(&[u8], u64)> = rankings.iter().map(|(r, &c)| (&r[..], c)).collect();
        distinct.sort_unstable();
        let mut contributions = Vec::with_capacity(distinct.len() * n);
        let mut slots = Vec::new();
        for (i, (ranks, count)) in distinct.into_iter().enumerate() {
            let ballot = Ballot {
                group: 0,
                ranks: ranks.to_vec(),
                marks: Vec::new(),
            };
            // |contribution| < n ≤ MAX_PRIORITIES, which fits an i16.
            contributions.extend(ballot.borda().into_iter().map(|c| c as i16));
            slots.extend(std::iter::repeat_n(i as u32, count as usize));
        }
        Self {
            n,
            contributions,
            slots,
        }
    }

    fn size(&self) -> u64 {
        self.slots.len() as u64
    }

    /// Adds one resample of this stratum to `scores`.
    fn draw_into(&self, rng: &mut SplitMix64, scores: &mut [i64]) {
        let size = self.size();
        for _ in 0..size {
            let i = self.slots[rng.below(size) as usize] as usize;
            let contribution = &self.contributions[i * self.n..(i + 1) * self.n];
            for (s, &c) in scores.iter_mut().zip(contribution) {
                *s += i64::from(c);
            }
        }
    }
}

/// Per priority: the rank interval and the chance of being in the top `k`.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainty {
    pub intervals: Vec<[u32; 2]>,
    pub top_k: Vec<f64>,
}

/// Per stratum and over all strata together.
#[derive(Debug, Clone, PartialEq)]
pub struct Stratified {
    /// Each stratum's own uncertainty; `None` for a stratum without ballots.
    pub strata: Vec<Option<Uncertainty>>,
    /// Over all strata (stratified: each keeps its size in every resample); `None` if there are
    /// no ballots at all.
    pub overall: Option<Uncertainty>,
}

/// Bootstraps the ranking of `n` priorities over the given strata together.
pub fn bootstrap(
    strata: &[&Rankings],
    n: usize,
    resamples: u32,
    seed: u64,
    confidence: f64,
    k: usize,
) -> Option<Uncertainty> {
    bootstrap_strata(strata, n, resamples, seed, confidence, k).overall
}

/// Bootstraps the ranking of `n` priorities in every stratum and over all of them, in one
/// pass: each resample draws every stratum once, ranks each stratum by its own scores and all
/// of them by the sum. Every ballot is drawn once per resample, not once for its stratum and
/// again for the whole.
pub fn bootstrap_strata(
    strata: &[&Rankings],
    n: usize,
    resamples: u32,
    seed: u64,
    confidence: f64,
    k: usize,
) -> Stratified {
    let none = || Stratified {
        strata: vec![None; strata.len()],
        overall: None,
    };
    if resamples == 0 || strata.iter().all(|r| r.is_empty()) {
        return none();
    }
    let prepared: Vec<Stratum> = strata.iter().map(|r| Stratum::new(r, n)).collect();
    let mut rng = SplitMix64(seed);
    let mut per_stratum: Vec<Option<Histogram>> = prepared
        .iter()
        .map(|s| (s.size() > 0).then(|| Histogram::new(n)))
        .collect();
    let mut overall = Histogram::new(n);
    let mut scores = vec![0i64; n];
    let mut total = vec![0i64; n];
    for _ in 0..resamples {
        total.iter_mut().for_each(|s| *s = 0);
        for (stratum, histogram) in prepared.iter().zip(&mut per_stratum) {
            let Some(histogram) = histogram else { continue };
            scores.iter_mut().for_each(|s| *s = 0);
            stratum.draw_into(&mut rng, &mut scores);
            histogram.add(&scores);
            total.iter_mut().zip(&scores).for_each(|(t, s)| *t += s);
        }
        overall.add(&total);
    }
    let summary = |h: &Histogram| h.summary(resamples, confidence, k);
    Stratified {
        strata: per_stratum
            .iter()
            .map(|h| h.as_ref().map(summary))
            .collect(),
        overall: Some(summary(&overall)),
    }
}

/// How often each priority took each rank over the resamples.
struct Histogram {
    n: usize,
    /// `counts[a * n + r - 1]`: resamples in which priority `a` had rank `r`.
    counts: Vec<u32>,
}

impl Histogram {
    fn new(n: usize) -> Self {
        Self {
            n,
            counts: vec![0; n * n],
        }
    }

    /// Counts the ranks that `scores` give (higher is better, ties share the better rank).
    fn add(&mut self, scores: &[i64]) {
        let as_f64: Vec<f64> = scores.iter().map(|&s| s as f64).collect();
        for (a, rank) in competition_ranks(&as_f64).into_iter().enumerate() {
            self.counts[a * self.n + rank as usize - 1] += 1;
        }
    }

    fn summary(&self, resamples: u32, confidence: f64, k: usize) -> Uncertainty {
        let n = self.n;
        let tail = (1.0 - confidence) / 2.0;
        let quantile = |row: &[u32], q: f64| -> u32 {
            let target = (q * f64::from(resamples)).ceil().max(1.0) as u32;
            let mut seen = 0;
            for (r, &count) in row.iter().enumerate() {
                seen += count;
                if seen >= target {
                    return r as u32 + 1;
                }
            }
            n as u32
        };
        let rows: Vec<&[u32]> = self.counts.chunks_exact(n).collect();
        Uncertainty {
            intervals: rows
                .iter()
                .map(|row| [quantile(row, tail), quantile(row, 1.0 - tail)])
                .collect(),
            top_k: rows
                .iter()
                .map(|row| {
                    let hits: u32 = row.iter().take(k).sum();
                    f64::from(hits) / f64::from(resamples)
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rankings(entries: &[(&[u8], u64)]) -> Rankings {
        entries.iter().map(|(r, c)| (Box::from(*r), *c)).collect()
    }

    #[test]
    fn unanimous_ballots_give_certain_ranks() {
        let r = rankings(&[(&[0, 1, 2], 50)]);
        let u = bootstrap(&[&r], 3, 200, 7, 0.9, 1).unwrap();
        assert_eq!(u.intervals, vec![[1, 1], [2, 2], [3, 3]]);
        assert_eq!(u.top_k, vec![1.0, 0.0, 0.0]);
    }

    #[test]
    fn a_close_race_gives_wide_intervals_and_the_same_figures_for_the_same_seed() {
        let r = rankings(&[(&[0, 1], 11), (&[1, 0], 10)]);
        let u = bootstrap(&[&r], 2, 500, 42, 0.9, 1).unwrap();
        assert_eq!(u.intervals, vec![[1, 2], [1, 2]]);
        assert!(u.top_k[0] > 0.4 && u.top_k[0] < 0.9, "{:?}", u.top_k);
        assert_eq!(bootstrap(&[&r], 2, 500, 42, 0.9, 1), Some(u));
    }

    #[test]
    fn one_pass_gives_each_stratum_and_the_whole_and_skips_empty_strata() {
        let first = rankings(&[(&[0, 1, 2], 30)]);
        let empty = rankings(&[]);
        let second = rankings(&[(&[2, 1, 0], 10)]);
        let s = bootstrap_strata(&[&first, &empty, &second], 3, 300, 3, 0.9, 1);
        let certain = |order: [[u32; 2]; 3], top: [f64; 3]| {
            Some(Uncertainty {
                intervals: order.to_vec(),
                top_k: top.to_vec(),
            })
        };
        assert_eq!(
            s.strata[0],
            certain([[1, 1], [2, 2], [3, 3]], [1.0, 0.0, 0.0])
        );
        assert_eq!(s.strata[1], None);
        assert_eq!(
            s.strata[2],
            certain([[3, 3], [2, 2], [1, 1]], [0.0, 0.0, 1.0])
        );
        // Together the 30 outweigh the 10 in every resample (strata keep their sizes).
        assert_eq!(
            s.overall,
            certain([[1, 1], [2, 2], [3, 3]], [1.0, 0.0, 0.0])
        );
        assert_eq!(
            bootstrap(&[&first, &empty, &second], 3, 300, 3, 0.9, 1),
            s.overall
        );
    }

    #[test]
    fn no_ballots_no_uncertainty() {
        let r = rankings(&[]);
        assert_eq!(bootstrap(&[&r], 2, 100, 1, 0.9, 1), None);
    }
}
