//! Counting methods on a margin matrix.
//!
//! All methods work on margins `m[a][b] = d[a][b] − d[b][a]` as `f64`, so the same code serves
//! the raw counts (whole numbers, exact) and the equal-weight aggregate (fractions).
//!
//! - **Symmetric Borda**: the row sums of the margin matrix: how often a priority was placed above
//!   another minus how often below one. With complete rankings this is an affine transform of
//!   classic Borda points.
//! - **Copeland**: pairwise wins plus half the pairwise ties.
//! - **Condorcet winner**: the priority that beats every other one pairwise, if any.
//! - **Smith set**: the smallest set of priorities that each beat every priority outside it;
//!   computed as those that reach every other priority through "beats or ties" steps.
//! - **Schulze** (beat-path on margins): a direct link `a → b` has the strength `m[a][b]` when
//!   positive; a path is as strong as its weakest link; `a` beats `b` when the strongest path
//!   from `a` to `b` is stronger than the strongest from `b` to `a`. The order lists priorities
//!   by how many others they beat. **Tie rule**: priorities that beat equally many are ordered
//!   by Borda score, then by their position in the consultation's definition, so the order is
//!   always deterministic.

/// Values closer than this count as equal (the equal-weight aggregate has fractions).
const EPS: f64 = 1e-9;

/// Pairwise margins `m[a][b] = −m[b][a]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Margins {
    n: usize,
    m: Vec<f64>,
}

impl Margins {
    /// Margins from a square matrix of preference counts (`counts(a, b)` = ballots preferring
    /// `a` over `b`).
    pub fn from_counts(n: usize, counts: impl Fn(usize, usize) -> f64) -> Self {
        let mut m = vec![0.0; n * n];
        for a in 0..n {
            for b in 0..n {
                if a != b {
                    m[a * n + b] = counts(a, b) - counts(b, a);
                }
            }
        }
        Self { n, m }
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    pub fn get(&self, a: usize, b: usize) -> f64 {
        self.m[a * self.n + b]
    }

    /// Adds `weight` times `other`.
    pub fn add_scaled(&mut self, other: &Margins, weight: f64) {
        for (x, y) in self.m.iter_mut().zip(&other.m) {
            *x += weight * y;
        }
    }

    pub fn borda(&self) -> Vec<f64> {
        self.m
            .chunks_exact(self.n.max(1))
            .map(|row| row.iter().sum())
            .collect()
    }

    pub fn copeland(&self) -> Vec<f64> {
        (0..self.n)
            .map(|a| {
                (0..self.n)
                    .filter(|&b| b != a)
                    .map(|b| match self.get(a, b) {
                        x if x > EPS => 1.0,
                        x if x < -EPS => 0.0,
                        _ => 0.5,
                    })
                    .sum()
            })
            .collect()
    }

    pub fn condorcet_winner(&self) -> Option<usize> {
        (0..self.n).find(|&a| (0..self.n).all(|b| b == a || self.get(a, b) > EPS))
    }

    /// Indices of the Smith set, ascending. The "beats or ties" reachability is closed over
    /// bit rows (64 priorities to a word), so 200 priorities cost 200 × 200 × 4 word operations.
    pub fn smith_set(&self) -> Vec<usize> {
        let n = self.n;
        let words = n.div_ceil(64);
        let bit = |row: &[u64], b: usize| row[b / 64] >> (b % 64) & 1 == 1;
        let mut reach = vec![0u64; n * words];
        for a in 0..n {
            for b in 0..n {
                if a == b || self.get(a, b) >= -EPS {
                    reach[a * words + b / 64] |= 1 << (b % 64);
                }
            }
        }
        let mut through = vec![0u64; words];
        for k in 0..n {
            through.copy_from_slice(&reach[k * words..(k + 1) * words]);
            for row in reach.chunks_exact_mut(words.max(1)) {
                if bit(row, k) {
                    row.iter_mut().zip(&through).for_each(|(x, y)| *x |= y);
                }
            }
        }
        (0..n)
            .filter(|&a| (0..n).all(|b| bit(&reach[a * words..(a + 1) * words], b)))
            .collect()
    }

    /// Strongest path strengths `p[a][b]` (Floyd–Warshall on the widest path). The inner loop
    /// runs over whole rows without branches, which the compiler vectorises; the diagonal it
    /// may fill is never read for `a ≠ b` and set back to zero at the end.
    fn strongest_paths(&self) -> Vec<f64> {
        let n = self.n;
        let mut p: Vec<f64> = self.m.iter().map(|&x| x.max(0.0)).collect();
        let mut through = vec![0.0; n];
        for k in 0..n {
            through.copy_from_slice(&p[k * n..(k + 1) * n]);
            for a in (0..n).filter(|&a| a != k) {
                let ak = p[a * n + k];
                if ak <= EPS {
                    continue;
                }
                for (pab, &pkb) in p[a * n..(a + 1) * n].iter_mut().zip(&through) {
                    *pab = pab.max(ak.min(pkb));
                }
            }
        }
        for a in 0..n {
            p[a * n + a] = 0.0;
        }
        p
    }

    /// Schulze's relation: `beats[a * n + b]` when `a` beats `b`.
    pub fn schulze_beats(&self) -> Vec<bool> {
        let n = self.n;
        let p = self.strongest_paths();
        (0..n * n)
            .map(|i| {
                let (a, b) = (i / n, i % n);
                p[a * n + b] > p[b * n + a] + EPS
            })
            .collect()
    }

    /// Indices in Schulze order, best first, ties broken as the module docs say.
    pub fn schulze_order(&self, borda: &[f64]) -> Vec<usize> {
        self.schulze(borda).order
    }

    /// Pairs `(a, b)` that Borda puts strictly above-below and Schulze the other way round.
    pub fn borda_schulze_disagreements(&self, borda: &[f64]) -> Vec<(usize, usize)> {
        self.schulze(borda).disagreements
    }

    /// The Schulze order and its disagreements with Borda, from one computation of the paths.
    pub fn schulze(&self, borda: &[f64]) -> Schulze {
        let n = self.n;
        let beats = self.schulze_beats();
        let wins: Vec<usize> = (0..n)
            .map(|a| (0..n).filter(|&b| beats[a * n + b]).count())
            .collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            wins[b]
                .cmp(&wins[a])
                .then(borda[b].total_cmp(&borda[a]))
                .then(a.cmp(&b))
        });
        let mut disagreements = Vec::new();
        for a in 0..n {
            for b in 0..n {
                if borda[a] > borda[b] + EPS && beats[b * n + a] {
                    disagreements.push((a, b));
                }
            }
        }
        Schulze {
            order,
            disagreements,
        }
    }
}

/// What [`Margins::schulze`] finds.
pub struct Schulze {
    /// Indices in Schulze order, best first.
    pub order: Vec<usize>,
    /// Pairs `(a, b)` that Borda puts strictly above-below and Schulze the other way round.
    pub disagreements: Vec<(usize, usize)>,
}

/// Competition ranks (1, 2, 2, 4, …) for `scores`, higher is better.
pub fn competition_ranks(scores: &[f64]) -> Vec<u32> {
    scores
        .iter()
        .map(|&s| 1 + scores.iter().filter(|&&t| t > s + EPS).count() as u32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::Ballot;
    use crate::tally::PairwiseMatrix;

    /// Margins of `count` ballots per full ranking written as letters (`A` = index 0).
    fn profile(n: usize, ballots: &[(usize, &str)]) -> Margins {
        let mut d = PairwiseMatrix::new(n);
        for &(count, order) in ballots {
            let ranking: Vec<usize> = order.bytes().map(|b| usize::from(b - b'A')).collect();
            let ballot = Ballot::new(0, n, &ranking, &[]);
            for _ in 0..count {
                d.add(&ballot.ranks);
            }
        }
        Margins::from_counts(n, |a, b| f64::from(d.get(a, b)))
    }

    fn letters(order: &[usize]) -> String {
        order.iter().map(|&i| (b'A' + i as u8) as char).collect()
    }

    /// The 45-voter example from Schulze's description of his method (five candidates).
    fn schulze_example() -> Margins {
        profile(
            5,
            &[
                (5, "ACBED"),
                (5, "ADECB"),
                (8, "BEDAC"),
                (3, "CABED"),
                (7, "CAEBD"),
                (2, "CBADE"),
                (7, "DCEBA"),
                (8, "EBADC"),
            ],
        )
    }

    #[test]
    fn schulze_worked_example_orders_e_a_c_b_d() {
        let m = schulze_example();
        assert_eq!(letters(&m.schulze_order(&m.borda())), "EACBD");
        // No Condorcet winner: the majority relation has a cycle through all five.
        assert_eq!(m.condorcet_winner(), None);
        assert_eq!(m.smith_set(), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn borda_and_schulze_disagree_on_b_and_c_in_the_worked_example() {
        let m = schulze_example();
        let borda = m.borda();
        assert_eq!(borda, vec![16.0, 4.0, -2.0, -42.0, 24.0]);
        assert_eq!(m.borda_schulze_disagreements(&borda), vec![(1, 2)]);
    }

    /// The classic "capital of Tennessee" profile (per 100 voters): Memphis 42 %,
    /// Nashville 26 %, Chattanooga 15 %, Knoxville 17 %. Classic Borda points are
    /// 126 / 194 / 173 / 107; symmetric Borda is 2·points − 3·100.
    #[test]
    fn tennessee_worked_example() {
        // A = Memphis, B = Nashville, C = Chattanooga, D = Knoxville
        let m = profile(4, &[(42, "ABCD"), (26, "BCDA"), (15, "CDBA"), (17, "DCBA")]);
        assert_eq!(m.borda(), vec![-48.0, 88.0, 46.0, -86.0]);
        assert_eq!(letters(&m.schulze_order(&m.borda())), "BCDA");
        assert_eq!(m.condorcet_winner(), Some(1));
        assert_eq!(m.smith_set(), vec![1]);
        assert_eq!(m.copeland(), vec![0.0, 3.0, 2.0, 1.0]);
        // Borda puts Memphis above Knoxville; head to head Knoxville wins 58 to 42.
        assert_eq!(m.borda_schulze_disagreements(&m.borda()), vec![(0, 3)]);
    }

    #[test]
    fn a_three_way_cycle_forms_the_smith_set_above_a_loser() {
        // A > B > C > A by majorities, and all three beat D.
        let m = profile(4, &[(3, "ABCD"), (2, "BCAD"), (2, "CABD")]);
        assert_eq!(m.condorcet_winner(), None);
        assert_eq!(m.smith_set(), vec![0, 1, 2]);
    }

    #[test]
    fn ties_share_competition_ranks() {
        assert_eq!(competition_ranks(&[3.0, 5.0, 3.0, 1.0]), vec![2, 1, 2, 4]);
    }

    #[test]
    fn with_no_ballots_everything_ties_in_definition_order() {
        let m = Margins::from_counts(3, |_, _| 0.0);
        assert_eq!(m.schulze_order(&m.borda()), vec![0, 1, 2]);
        assert_eq!(m.smith_set(), vec![0, 1, 2]);
        assert_eq!(m.condorcet_winner(), None);
    }
}
