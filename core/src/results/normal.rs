//! The normal approximation of a large group's resampled Borda scores (see
//! [`super::uncertainty`] for why it holds): mean and covariance from the group's
//! [`ScoreMoments`], drawn through a Cholesky factor of the covariance.

use rand_distr::{Distribution, StandardNormal};

use crate::results::rng::SplitMix64;
use crate::tally::ScoreMoments;

/// `N(mean, L Lᵀ)` over the priorities' scores.
pub struct Normal {
    mean: Vec<f64>,
    /// Lower triangle of the covariance's Cholesky factor, row by row (`n (n + 1) / 2`).
    factor: Vec<f64>,
}

impl Normal {
    /// The distribution of the sum of `ballots` draws, with replacement, from ballots whose
    /// score vectors have the sums and products in `moments`.
    pub fn new(moments: &ScoreMoments, ballots: u64) -> Self {
        let n = moments.len();
        Self {
            mean: moments.sum().iter().map(|&s| s as f64).collect(),
            factor: cholesky(&covariance(moments, ballots), n),
        }
    }

    /// One draw into `scores`; `z` is room for `n` standard normal numbers.
    pub(super) fn draw_into(&self, rng: &mut SplitMix64, z: &mut [f64], scores: &mut [f64]) {
        for z in z.iter_mut() {
            *z = StandardNormal.sample(rng);
        }
        let mut row = 0;
        for (a, score) in scores.iter_mut().enumerate() {
            let factor = &self.factor[row..row + a + 1];
            row += a + 1;
            *score = self.mean[a] + factor.iter().zip(&z[..=a]).map(|(l, z)| l * z).sum::<f64>();
        }
    }
}

/// Covariance of the sum of `ballots` draws with replacement: `N` times the ballots'
/// covariance, `Q - S Sᵀ / N` (`S` the sum, `Q` the sum of outer products), full `n × n`.
/// Computed in whole numbers first, so it is exact up to the final division.
pub(crate) fn covariance(moments: &ScoreMoments, ballots: u64) -> Vec<f64> {
    let n = moments.len();
    let mut c = vec![0.0; n * n];
    if ballots == 0 {
        return c;
    }
    let s = moments.sum();
    let count = i128::from(ballots);
    for a in 0..n {
        for b in a..n {
            let scaled =
                count * i128::from(moments.product(a, b)) - i128::from(s[a]) * i128::from(s[b]);
            let value = scaled as f64 / ballots as f64;
            c[a * n + b] = value;
            c[b * n + a] = value;
        }
    }
    c
}

/// Cholesky factor `L` (lower triangle, row by row) of a symmetric positive semidefinite
/// matrix. A covariance of Borda scores is always singular (each ballot's scores sum to zero,
/// and priorities never shown have none), so a pivot that is zero up to rounding gives a zero
/// column instead of a division by almost nothing.
pub(super) fn cholesky(a: &[f64], n: usize) -> Vec<f64> {
    let mut l = vec![0.0f64; n * n];
    let largest = (0..n).map(|i| a[i * n + i]).fold(0.0, f64::max);
    let tolerance = largest * 1e-9;
    for j in 0..n {
        let d = a[j * n + j] - (0..j).map(|k| l[j * n + k].powi(2)).sum::<f64>();
        if d <= tolerance {
            continue;
        }
        let pivot = d.sqrt();
        l[j * n + j] = pivot;
        for i in j + 1..n {
            let dot: f64 = (0..j).map(|k| l[i * n + k] * l[j * n + k]).sum();
            l[i * n + j] = (a[i * n + j] - dot) / pivot;
        }
    }
    let mut packed = Vec::with_capacity(n * (n + 1) / 2);
    for i in 0..n {
        packed.extend_from_slice(&l[i * n..=i * n + i]);
    }
    packed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::Ballot;

    #[test]
    fn the_covariance_is_the_ballots_covariance_times_their_number() {
        let mut m = ScoreMoments::new(2);
        // Scores [1, -1] three times and [-1, 1] once: mean [0.5, -0.5], variance 0.75 each.
        for _ in 0..3 {
            m.add(&Ballot::new(0, 2, &[0, 1], &[]).ranks);
        }
        m.add(&Ballot::new(0, 2, &[1, 0], &[]).ranks);
        assert_eq!(covariance(&m, 4), vec![3.0, -3.0, -3.0, 3.0]);
    }

    #[test]
    fn the_factor_of_a_singular_covariance_reproduces_it() {
        // Rank 2 of 3 (rows sum to zero), as the covariance of Borda scores always is.
        let a = [2.0, -1.0, -1.0, -1.0, 2.0, -1.0, -1.0, -1.0, 2.0];
        let l = cholesky(&a, 3);
        let at = |i: usize, j: usize| if j > i { 0.0 } else { l[i * (i + 1) / 2 + j] };
        for i in 0..3 {
            for j in 0..3 {
                let product: f64 = (0..3).map(|k| at(i, k) * at(j, k)).sum();
                assert!((product - a[i * 3 + j]).abs() < 1e-9, "{i} {j}: {product}");
            }
        }
        assert_eq!(at(2, 2), 0.0);
    }

    #[test]
    fn draws_have_the_mean_and_covariance_asked_for() {
        let mut m = ScoreMoments::new(3);
        for (times, ranking) in [(50, [0, 1, 2]), (30, [1, 0, 2]), (20, [2, 1, 0])] {
            for _ in 0..times {
                m.add(&Ballot::new(0, 3, &ranking, &[]).ranks);
            }
        }
        let normal = Normal::new(&m, 100);
        let target = covariance(&m, 100);
        let mut rng = SplitMix64(5);
        let (mut z, mut scores) = (vec![0.0; 3], vec![0.0; 3]);
        let draws = 40_000;
        let mut sums = [0.0; 3];
        let mut products = [0.0; 9];
        for _ in 0..draws {
            normal.draw_into(&mut rng, &mut z, &mut scores);
            for a in 0..3 {
                sums[a] += scores[a];
                for b in 0..3 {
                    products[a * 3 + b] += scores[a] * scores[b];
                }
            }
        }
        let draws = f64::from(draws);
        for a in 0..3 {
            let mean = sums[a] / draws;
            assert!((mean - m.sum()[a] as f64).abs() < 0.5, "mean {a}: {mean}");
            for b in 0..3 {
                let cov = products[a * 3 + b] / draws - mean * sums[b] / draws;
                let expected = target[a * 3 + b];
                assert!(
                    (cov - expected).abs() < 0.05 * target[0] + 1.0,
                    "{a} {b}: {cov} {expected}"
                );
            }
        }
    }
}
