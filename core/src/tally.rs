//! Counting ballots into pairwise matrices.
//!
//! # Ballot semantics
//!
//! A ballot ranks some or all of the priorities the participant was *shown*:
//! - a ranked priority beats every priority ranked below it;
//! - a ranked priority beats every priority that was shown but left unranked;
//! - shown-but-unranked priorities tie with each other at the bottom (no pair is counted);
//! - priorities the participant was not shown (for example added to a running consultation
//!   later) count neither way in any pair.
//!
//! `d[a][b]` is the number of ballots preferring `a` over `b`. Each stakeholder group has its own
//! matrix; the overall matrix is their sum. Adding a ballot updates its group's matrix in place,
//! and removing a withdrawn ballot reverses exactly that update.

use crate::submission::Ballot;

/// `d[a][b]` = number of ballots that prefer priority `a` over priority `b`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairwiseMatrix {
    n: usize,
    counts: Vec<u64>,
}

impl PairwiseMatrix {
    pub fn new(n: usize) -> Self {
        Self {
            n,
            counts: vec![0; n * n],
        }
    }

    /// Number of priorities.
    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Ballots preferring `a` over `b`.
    pub fn get(&self, a: usize, b: usize) -> u64 {
        self.counts[a * self.n + b]
    }

    /// `d[a][b] - d[b][a]`.
    pub fn margin(&self, a: usize, b: usize) -> i64 {
        self.get(a, b) as i64 - self.get(b, a) as i64
    }

    pub fn add(&mut self, ballot: &Ballot) {
        self.apply(ballot, |c| *c += 1);
    }

    /// Reverses [`PairwiseMatrix::add`] of the same ballot.
    pub fn remove(&mut self, ballot: &Ballot) {
        self.apply(ballot, |c| *c -= 1);
    }

    fn apply(&mut self, ballot: &Ballot, mut f: impl FnMut(&mut u64)) {
        let n = self.n;
        for (i, &a) in ballot.ranking.iter().enumerate() {
            let row = &mut self.counts[a * n..(a + 1) * n];
            for &b in &ballot.ranking[i + 1..] {
                f(&mut row[b]);
            }
            for &b in &ballot.unranked {
                f(&mut row[b]);
            }
        }
    }

    /// Adds every count of `other` to this matrix.
    pub fn merge(&mut self, other: &PairwiseMatrix) {
        for (c, o) in self.counts.iter_mut().zip(&other.counts) {
            *c += o;
        }
    }
}

/// The running count of one consultation: one matrix and a ballot count per group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    groups: Vec<GroupTally>,
}

/// The count of one stakeholder group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupTally {
    pub ballots: u64,
    pub matrix: PairwiseMatrix,
}

impl Tally {
    pub fn new(groups: usize, priorities: usize) -> Self {
        Self {
            groups: (0..groups)
                .map(|_| GroupTally {
                    ballots: 0,
                    matrix: PairwiseMatrix::new(priorities),
                })
                .collect(),
        }
    }

    pub fn add(&mut self, ballot: &Ballot) {
        let g = &mut self.groups[ballot.group];
        g.ballots += 1;
        g.matrix.add(ballot);
    }

    /// Takes a withdrawn ballot out again.
    pub fn remove(&mut self, ballot: &Ballot) {
        let g = &mut self.groups[ballot.group];
        g.ballots -= 1;
        g.matrix.remove(ballot);
    }

    pub fn groups(&self) -> &[GroupTally] {
        &self.groups
    }

    /// Total number of ballots over all groups.
    pub fn ballots(&self) -> u64 {
        self.groups.iter().map(|g| g.ballots).sum()
    }

    /// The sum of all groups' matrices.
    pub fn overall(&self) -> PairwiseMatrix {
        let n = self.groups.first().map_or(0, |g| g.matrix.len());
        let mut sum = PairwiseMatrix::new(n);
        for g in &self.groups {
            sum.merge(&g.matrix);
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ballot(group: usize, ranking: &[usize], unranked: &[usize]) -> Ballot {
        Ballot {
            group,
            ranking: ranking.to_vec(),
            unranked: unranked.to_vec(),
        }
    }

    #[test]
    fn ranked_items_beat_lower_ranked_and_unranked_ones() {
        let mut m = PairwiseMatrix::new(4);
        m.add(&ballot(0, &[2, 0], &[1]));
        assert_eq!(m.get(2, 0), 1);
        assert_eq!(m.get(2, 1), 1);
        assert_eq!(m.get(0, 1), 1);
        assert_eq!(m.get(0, 2), 0);
    }

    #[test]
    fn partial_ranking_puts_unranked_items_last_and_tied() {
        let mut m = PairwiseMatrix::new(3);
        m.add(&ballot(0, &[0], &[1, 2]));
        assert_eq!(m.get(1, 2), 0);
        assert_eq!(m.get(2, 1), 0);
        assert_eq!(m.margin(0, 1), 1);
    }

    #[test]
    fn items_not_shown_count_neither_way() {
        let mut m = PairwiseMatrix::new(4);
        m.add(&ballot(0, &[0, 1], &[2]));
        for other in 0..3 {
            assert_eq!(m.get(3, other), 0);
            assert_eq!(m.get(other, 3), 0);
        }
    }

    #[test]
    fn removing_a_ballot_restores_the_previous_count() {
        let mut t = Tally::new(2, 3);
        t.add(&ballot(1, &[2, 1, 0], &[]));
        let before = t.clone();
        let b = ballot(0, &[0], &[1, 2]);
        t.add(&b);
        t.remove(&b);
        assert_eq!(t, before);
    }

    #[test]
    fn overall_is_the_sum_of_the_groups() {
        let mut t = Tally::new(2, 3);
        t.add(&ballot(0, &[0, 1, 2], &[]));
        t.add(&ballot(1, &[2, 1, 0], &[]));
        t.add(&ballot(1, &[2, 0], &[1]));
        let overall = t.overall();
        assert_eq!(t.ballots(), 3);
        assert_eq!(overall.get(2, 0), 2);
        assert_eq!(overall.get(0, 2), 1);
        assert_eq!(overall.get(0, 1), 2);
    }
}
