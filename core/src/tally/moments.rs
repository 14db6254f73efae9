//! The first two moments of a group's Borda score vectors: all the uncertainty of a large
//! group needs (see [`crate::results::uncertainty`]).

use serde::{Deserialize, Serialize};

use crate::ballot::borda_scores;

/// Over the ballots counted: the sum of their Borda score vectors and the sum of the outer
/// products of each vector with itself (upper triangle, row by row). Whole numbers, so adding
/// a ballot and taking it out again restores every number exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreMoments {
    n: usize,
    sum: Vec<i64>,
    /// `products[index(a, b)]` for `a <= b`: the sum of `c[a] * c[b]` over the ballots.
    products: Vec<i64>,
}

impl ScoreMoments {
    pub fn new(n: usize) -> Self {
        Self {
            n,
            sum: vec![0; n],
            products: vec![0; n * (n + 1) / 2],
        }
    }

    /// Number of priorities.
    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Whether the numbers are all there (as they are unless read from a damaged copy).
    pub(super) fn is_whole(&self) -> bool {
        self.sum.len() == self.n && self.products.len() == self.n * (self.n + 1) / 2
    }

    /// Sum of the ballots' score vectors: the group's Borda scores.
    pub fn sum(&self) -> &[i64] {
        &self.sum
    }

    /// Sum of `c[a] * c[b]` over the ballots' score vectors `c`.
    pub fn product(&self, a: usize, b: usize) -> i64 {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        self.products[a * self.n - a * (a + 1) / 2 + b]
    }

    pub fn add(&mut self, ranks: &[u8]) {
        self.apply(ranks, i64::wrapping_add);
    }

    /// Reverses [`ScoreMoments::add`] of the same ranks.
    pub fn remove(&mut self, ranks: &[u8]) {
        self.apply(ranks, i64::wrapping_sub);
    }

    fn apply(&mut self, ranks: &[u8], op: fn(i64, i64) -> i64) {
        debug_assert_eq!(ranks.len(), self.n);
        let scores: Vec<i64> = borda_scores(ranks).into_iter().map(i64::from).collect();
        for (s, &c) in self.sum.iter_mut().zip(&scores) {
            *s = op(*s, c);
        }
        let mut row = 0;
        for (a, &ca) in scores.iter().enumerate() {
            let products = &mut self.products[row..row + self.n - a];
            row += self.n - a;
            if ca == 0 {
                continue;
            }
            for (p, &cb) in products.iter_mut().zip(&scores[a..]) {
                *p = op(*p, ca * cb);
            }
        }
    }

    /// Adds every number of `other`.
    pub fn merge(&mut self, other: &ScoreMoments) {
        for (s, o) in self.sum.iter_mut().zip(&other.sum) {
            *s += o;
        }
        for (p, o) in self.products.iter_mut().zip(&other.products) {
            *p += o;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::Ballot;

    #[test]
    fn sums_and_products_of_the_score_vectors() {
        let mut m = ScoreMoments::new(3);
        // Scores [2, 0, -2] and [-1, 1, 0] (p1 over p0, p2 not shown).
        m.add(&Ballot::new(0, 3, &[0, 1, 2], &[]).ranks);
        m.add(&Ballot::new(0, 3, &[1, 0], &[]).ranks);
        assert_eq!(m.sum(), &[1, 1, -2]);
        assert_eq!(m.product(0, 0), 4 + 1);
        assert_eq!(m.product(0, 1), -1);
        assert_eq!(m.product(1, 0), -1);
        assert_eq!(m.product(0, 2), -4);
        assert_eq!(m.product(1, 1), 1);
        assert_eq!(m.product(2, 2), 4);
    }
}
