//! Counting ballots.
//!
//! # Ballot semantics
//!
//! A ballot ranks some or all of the priorities the participant was *shown*:
//! - a ranked priority beats every priority ranked below it;
//! - a ranked priority beats every priority that was shown but left unranked;
//! - shown-but-unranked priorities tie with each other at the bottom (no pair is counted);
//! - priorities the participant was not shown (for example added to a running consultation
//!   later, or left out of a random subset) count neither way in any pair.
//!
//! `d[a][b]` is the number of ballots preferring `a` over `b`. Each stakeholder group has its own
//! matrix; the overall matrix is their sum. Adding a ballot updates its group's counts in place,
//! and removing a withdrawn ballot reverses exactly that update, so a running tally always equals
//! a recount from scratch.
//!
//! The size of a tally depends on the numbers of priorities, groups and conflicts only, never
//! on the number of ballots: a group keeps its ballots' ranks only while it is small (see
//! [`EXACT_UP_TO`]).

mod counting;
mod moments;

use serde::{Deserialize, Serialize};

use crate::ballot::{Ballot, UNRANKED, UNSHOWN};
use crate::consultation::Consultation;
pub use moments::ScoreMoments;

/// Up to this many ballots a group keeps each ballot's ranks, so that its uncertainty can be
/// resampled exactly; beyond, the normal approximation from [`ScoreMoments`] takes over (see
/// [`crate::results::uncertainty`] for why there).
pub const EXACT_UP_TO: u64 = 200;

/// `d[a][b]` = number of ballots that prefer priority `a` over priority `b`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairwiseMatrix {
    n: usize,
    counts: Vec<u32>,
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
    pub fn get(&self, a: usize, b: usize) -> u32 {
        self.counts[a * self.n + b]
    }

    /// `d[a][b] - d[b][a]`.
    pub fn margin(&self, a: usize, b: usize) -> i64 {
        i64::from(self.get(a, b)) - i64::from(self.get(b, a))
    }

    pub fn add(&mut self, ranks: &[u8]) {
        self.apply(ranks, u32::wrapping_add);
    }

    /// Reverses [`PairwiseMatrix::add`] of the same ranks.
    pub fn remove(&mut self, ranks: &[u8]) {
        self.apply(ranks, u32::wrapping_sub);
    }

    /// Only ranked priorities beat anything, so only their rows change. The inner loop is
    /// branch-free over a whole row, which the compiler vectorises.
    #[inline]
    fn apply(&mut self, ranks: &[u8], op: fn(u32, u32) -> u32) {
        debug_assert_eq!(ranks.len(), self.n);
        for (row, &ra) in self.counts.chunks_exact_mut(self.n).zip(ranks) {
            if ra >= UNRANKED {
                continue;
            }
            for (count, &rb) in row.iter_mut().zip(ranks) {
                *count = op(*count, u32::from((ra < rb) & (rb != UNSHOWN)));
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

/// Positions taken on one goal conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictTally {
    /// Count per step of the scale, from the left goal to the right one.
    pub steps: Vec<u64>,
    /// Participants who said they have no view.
    pub no_view: u64,
    /// Participants who explained their position in a comment.
    pub comments: u64,
}

impl ConflictTally {
    fn new(steps: usize) -> Self {
        Self {
            steps: vec![0; steps],
            no_view: 0,
            comments: 0,
        }
    }

    fn merge(&mut self, other: &ConflictTally) {
        for (c, o) in self.steps.iter_mut().zip(&other.steps) {
            *c += o;
        }
        self.no_view += other.no_view;
        self.comments += other.comments;
    }
}

/// The count of one stakeholder group (or of everyone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTally {
    pub ballots: u64,
    pub matrix: PairwiseMatrix,
    /// Per priority: ballots that showed it.
    pub shown: Vec<u64>,
    /// Per priority: sum of twice its place over the ballots that showed it (see
    /// [`Ballot::double_places`]); divided by `2 * shown` it is the mean rank.
    pub double_place_sums: Vec<u64>,
    /// Sum and outer products of the ballots' Borda score vectors, for the uncertainty.
    pub moments: ScoreMoments,
    /// Each ballot's ranks (sorted, so that equal tallies are equal), while the group has never had more than
    /// [`EXACT_UP_TO`] ballots since it was last empty; then `None`. Kept per group only: the
    /// overall view resamples within each group.
    pub ranks: Option<Vec<Box<[u8]>>>,
    pub conflicts: Vec<ConflictTally>,
}

impl GroupTally {
    pub fn new(priorities: usize, conflicts: usize, steps: usize) -> Self {
        Self {
            ballots: 0,
            matrix: PairwiseMatrix::new(priorities),
            shown: vec![0; priorities],
            double_place_sums: vec![0; priorities],
            moments: ScoreMoments::new(priorities),
            ranks: Some(Vec::new()),
            conflicts: (0..conflicts).map(|_| ConflictTally::new(steps)).collect(),
        }
    }

    fn apply(&mut self, ballot: &Ballot, add: bool) {
        let op: fn(u64, u64) -> u64 = if add {
            u64::wrapping_add
        } else {
            u64::wrapping_sub
        };
        self.ballots = op(self.ballots, 1);
        if add {
            self.matrix.add(&ballot.ranks);
            self.moments.add(&ballot.ranks);
        } else {
            self.matrix.remove(&ballot.ranks);
            self.moments.remove(&ballot.ranks);
        }
        for ((shown, sum), place) in self
            .shown
            .iter_mut()
            .zip(&mut self.double_place_sums)
            .zip(ballot.double_places())
        {
            if let Some(place) = place {
                *shown = op(*shown, 1);
                *sum = op(*sum, place);
            }
        }
        self.keep_ranks(&ballot.ranks, add);
        for mark in &ballot.marks {
            let Some(conflict) = self.conflicts.get_mut(mark.conflict) else {
                continue;
            };
            match mark
                .step
                .and_then(|s| conflict.steps.get_mut(usize::from(s)))
            {
                Some(count) => *count = op(*count, 1),
                None => conflict.no_view = op(conflict.no_view, 1),
            }
            if mark.commented {
                conflict.comments = op(conflict.comments, 1);
            }
        }
    }

    /// Keeps (or forgets) the ranks of a ballot just added (or taken out) while the group is
    /// small enough.
    fn keep_ranks(&mut self, ranks: &[u8], add: bool) {
        if self.ballots == 0 {
            self.ranks = Some(Vec::new());
            return;
        }
        if self.ballots > EXACT_UP_TO {
            self.ranks = None;
        }
        let Some(kept) = &mut self.ranks else { return };
        match kept.binary_search_by(|r| (**r).cmp(ranks)) {
            Ok(i) if !add => {
                kept.remove(i);
            }
            Ok(i) | Err(i) if add => kept.insert(i, ranks.into()),
            _ => {}
        }
    }

    /// Adds every count of `other`, except the ballots' ranks (see [`GroupTally::ranks`]).
    pub fn merge(&mut self, other: &GroupTally) {
        self.ballots += other.ballots;
        self.matrix.merge(&other.matrix);
        self.moments.merge(&other.moments);
        for (s, o) in self.shown.iter_mut().zip(&other.shown) {
            *s += o;
        }
        for (s, o) in self
            .double_place_sums
            .iter_mut()
            .zip(&other.double_place_sums)
        {
            *s += o;
        }
        for (c, o) in self.conflicts.iter_mut().zip(&other.conflicts) {
            c.merge(o);
        }
    }

    /// Mean place of each priority among the ballots that showed it.
    pub fn mean_ranks(&self) -> Vec<Option<f64>> {
        self.shown
            .iter()
            .zip(&self.double_place_sums)
            .map(|(&shown, &sum)| (shown > 0).then(|| sum as f64 / (2.0 * shown as f64)))
            .collect()
    }
}

/// The running count of one consultation: one [`GroupTally`] per stakeholder group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    groups: Vec<GroupTally>,
}

impl Tally {
    pub fn new(groups: usize, priorities: usize, conflicts: usize, steps: usize) -> Self {
        Self {
            groups: (0..groups)
                .map(|_| GroupTally::new(priorities, conflicts, steps))
                .collect(),
        }
    }

    /// An empty tally shaped for `consultation`.
    pub fn for_consultation(consultation: &Consultation) -> Self {
        Self::new(
            consultation.groups.len(),
            consultation.priorities.len(),
            consultation.conflicts.len(),
            usize::from(consultation.settings.conflict_scale),
        )
    }

    /// Whether this tally has the shape of `consultation`'s (its groups, priorities,
    /// conflicts and scale), as one read back from storage must.
    pub fn is_shaped_for(&self, consultation: &Consultation) -> bool {
        let n = consultation.priorities.len();
        let steps = usize::from(consultation.settings.conflict_scale);
        self.groups.len() == consultation.groups.len()
            && self.groups.iter().all(|g| {
                g.matrix.len() == n
                    && g.matrix.counts.len() == n * n
                    && g.moments.is_whole()
                    && g.moments.len() == n
                    && g.shown.len() == n
                    && g.double_place_sums.len() == n
                    && g.conflicts.len() == consultation.conflicts.len()
                    && g.conflicts.iter().all(|c| c.steps.len() == steps)
                    && g.ranks.iter().flatten().all(|r| r.len() == n)
            })
    }

    /// Whether some group is small enough to be resampled exactly but no longer knows its
    /// ballots' ranks (it had more than [`EXACT_UP_TO`] and shrank by withdrawals). A count
    /// from storage knows them again, and only then are its figures those of any other count
    /// of the same responses.
    pub fn lost_ranks(&self) -> bool {
        self.groups
            .iter()
            .any(|g| g.ballots <= EXACT_UP_TO && g.ranks.is_none())
    }

    pub fn add(&mut self, ballot: &Ballot) {
        self.groups[ballot.group].apply(ballot, true);
    }

    /// Takes a withdrawn ballot out again.
    pub fn remove(&mut self, ballot: &Ballot) {
        self.groups[ballot.group].apply(ballot, false);
    }

    pub fn groups(&self) -> &[GroupTally] {
        &self.groups
    }

    /// Total number of ballots over all groups.
    pub fn ballots(&self) -> u64 {
        self.groups.iter().map(|g| g.ballots).sum()
    }

    /// Everyone together: the sum of all groups (without the ballots' ranks, see
    /// [`GroupTally::ranks`]).
    pub fn overall(&self) -> GroupTally {
        let Some(first) = self.groups.first() else {
            return GroupTally::new(0, 0, 0);
        };
        let mut sum = GroupTally::new(
            first.matrix.len(),
            first.conflicts.len(),
            first.conflicts.first().map_or(0, |c| c.steps.len()),
        );
        for g in &self.groups {
            sum.merge(g);
        }
        sum.ranks = None;
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::Mark;

    #[test]
    fn ranked_items_beat_lower_ranked_and_unranked_ones() {
        let mut m = PairwiseMatrix::new(4);
        m.add(&Ballot::new(0, 4, &[2, 0], &[1]).ranks);
        assert_eq!(m.get(2, 0), 1);
        assert_eq!(m.get(2, 1), 1);
        assert_eq!(m.get(0, 1), 1);
        assert_eq!(m.get(0, 2), 0);
    }

    #[test]
    fn partial_ranking_puts_unranked_items_last_and_tied() {
        let mut m = PairwiseMatrix::new(3);
        m.add(&Ballot::new(0, 3, &[0], &[1, 2]).ranks);
        assert_eq!(m.get(1, 2), 0);
        assert_eq!(m.get(2, 1), 0);
        assert_eq!(m.margin(0, 1), 1);
    }

    #[test]
    fn items_not_shown_count_neither_way() {
        let mut m = PairwiseMatrix::new(4);
        m.add(&Ballot::new(0, 4, &[0, 1], &[2]).ranks);
        for other in 0..3 {
            assert_eq!(m.get(3, other), 0);
            assert_eq!(m.get(other, 3), 0);
        }
    }

    #[test]
    fn removing_a_ballot_restores_the_previous_count() {
        let mut t = Tally::new(2, 3, 1, 5);
        t.add(&Ballot::new(1, 3, &[2, 1, 0], &[]));
        let before = t.clone();
        let mut b = Ballot::new(0, 3, &[0], &[1, 2]);
        b.marks.push(Mark {
            conflict: 0,
            step: Some(4),
            commented: true,
        });
        t.add(&b);
        assert_ne!(t, before);
        t.remove(&b);
        assert_eq!(t, before);
    }

    #[test]
    fn overall_is_the_sum_of_the_groups() {
        let mut t = Tally::new(2, 3, 0, 5);
        t.add(&Ballot::new(0, 3, &[0, 1, 2], &[]));
        t.add(&Ballot::new(1, 3, &[2, 1, 0], &[]));
        t.add(&Ballot::new(1, 3, &[2, 0], &[1]));
        let overall = t.overall();
        assert_eq!(t.ballots(), 3);
        assert_eq!(overall.ballots, 3);
        assert_eq!(overall.matrix.get(2, 0), 2);
        assert_eq!(overall.matrix.get(0, 2), 1);
        assert_eq!(overall.matrix.get(0, 1), 2);
        assert_eq!(overall.ranks, None);
        assert_eq!(t.groups()[1].ranks.as_ref().map(Vec::len), Some(2));
        assert_eq!(overall.moments.sum(), &[0, -2, 2]);
    }

    #[test]
    fn a_group_keeps_its_ballots_ranks_only_while_small() {
        let mut t = Tally::new(1, 2, 0, 5);
        let first = Ballot::new(0, 2, &[0, 1], &[]);
        let second = Ballot::new(0, 2, &[1, 0], &[]);
        for _ in 0..EXACT_UP_TO - 1 {
            t.add(&first);
        }
        t.add(&second);
        let kept = t.groups()[0].ranks.as_ref().expect("still small");
        assert_eq!(kept.len() as u64, EXACT_UP_TO);
        t.remove(&second);
        let kept = t.groups()[0].ranks.as_ref().expect("still small");
        assert!(kept.iter().all(|r| **r == *first.ranks));
        t.add(&second);
        t.add(&second);
        assert_eq!(t.groups()[0].ranks, None);
        for _ in 0..EXACT_UP_TO - 1 {
            t.remove(&first);
        }
        assert_eq!(t.groups()[0].ranks, None, "the ranks that left are unknown");
        assert!(t.lost_ranks());
        t.remove(&second);
        t.remove(&second);
        assert_eq!(
            t.groups()[0].ranks,
            Some(Vec::new()),
            "empty is known again"
        );
    }

    #[test]
    fn mean_rank_counts_only_ballots_that_showed_the_item() {
        let mut g = GroupTally::new(3, 0, 5);
        g.apply(&Ballot::new(0, 3, &[0, 1], &[2]), true);
        g.apply(&Ballot::new(0, 3, &[1], &[0]), true);
        // p0: place 1, then unranked below one ranked of two shown: place 2 → 1.5.
        assert_eq!(g.mean_ranks(), vec![Some(1.5), Some(1.5), Some(3.0)]);
    }

    #[test]
    fn conflict_marks_fill_the_histogram() {
        let mut t = Tally::new(1, 2, 2, 5);
        let mut b = Ballot::new(0, 2, &[0], &[1]);
        b.marks = vec![
            Mark {
                conflict: 0,
                step: Some(1),
                commented: false,
            },
            Mark {
                conflict: 1,
                step: None,
                commented: true,
            },
        ];
        t.add(&b);
        let g = &t.groups()[0];
        assert_eq!(g.conflicts[0].steps, vec![0, 1, 0, 0, 0]);
        assert_eq!(g.conflicts[1].no_view, 1);
        assert_eq!(g.conflicts[1].comments, 1);
    }
}
