//! A ballot in the form the tallies count: one rank per priority, plus conflict marks.

/// Rank of a shown priority that was left unranked: it ties with the other unranked ones, below
/// every ranked one.
pub const UNRANKED: u8 = 254;
/// Rank of a priority the participant was not shown: it counts neither way.
pub const UNSHOWN: u8 = 255;
/// Most priorities a consultation may have, so that every place fits below [`UNRANKED`].
pub const MAX_PRIORITIES: usize = 200;

/// One participant's answers in index form, ready for counting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ballot {
    /// Index of the stakeholder group.
    pub group: usize,
    /// Per priority, in definition order: its 0-based place, [`UNRANKED`] or [`UNSHOWN`].
    pub ranks: Vec<u8>,
    /// Positions on goal conflicts.
    pub marks: Vec<Mark>,
}

/// Where a participant stands on one goal conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mark {
    /// Index of the conflict.
    pub conflict: usize,
    /// Step index on the scale from the left goal (0) to the right one; `None` = no view.
    pub step: Option<u8>,
    /// Whether the participant explained their position.
    pub commented: bool,
}

impl Ballot {
    /// A ballot over `n` priorities: `ranking` best first, `unranked` shown but not ranked,
    /// every other priority not shown.
    pub fn new(group: usize, n: usize, ranking: &[usize], unranked: &[usize]) -> Self {
        let mut ranks = vec![UNSHOWN; n];
        for (place, &p) in ranking.iter().enumerate() {
            ranks[p] = place as u8;
        }
        for &p in unranked {
            ranks[p] = UNRANKED;
        }
        Self {
            group,
            ranks,
            marks: Vec::new(),
        }
    }

    /// Number of ranked priorities.
    pub fn ranked(&self) -> usize {
        self.ranks.iter().filter(|&&r| r < UNRANKED).count()
    }

    /// Number of priorities shown.
    pub fn shown(&self) -> usize {
        self.ranks.iter().filter(|&&r| r != UNSHOWN).count()
    }

    /// Whether this ballot prefers priority `a` over priority `b`.
    pub fn prefers(&self, a: usize, b: usize) -> bool {
        prefers(self.ranks[a], self.ranks[b])
    }

    /// Per priority, times placed above another priority minus times placed below one.
    pub fn borda(&self) -> Vec<i32> {
        borda_scores(&self.ranks)
    }

    /// Twice the (1-based) place of each shown priority, with unranked ones sharing the
    /// average of the places below the ranked ones; `None` if not shown. Doubled to stay
    /// an integer.
    pub fn double_places(&self) -> impl Iterator<Item = Option<u64>> + '_ {
        let ranked = self.ranked() as u64;
        let shown = self.shown() as u64;
        self.ranks.iter().map(move |&r| match r {
            UNSHOWN => None,
            UNRANKED => Some(ranked + 1 + shown),
            place => Some(2 * (u64::from(place) + 1)),
        })
    }
}

/// The Borda score vector of a ballot's `ranks`: per priority, how many shown priorities it is
/// placed above minus how many are placed above it.
pub fn borda_scores(ranks: &[u8]) -> Vec<i32> {
    ranks
        .iter()
        .map(|&ra| {
            ranks
                .iter()
                .map(|&rb| i32::from(prefers(ra, rb)) - i32::from(prefers(rb, ra)))
                .sum()
        })
        .collect()
}

/// `a` beats `b` when `a` is ranked and `b` is shown and placed lower (or unranked).
#[inline]
pub fn prefers(ra: u8, rb: u8) -> bool {
    ra < rb && rb != UNSHOWN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranked_beats_lower_and_unranked_but_not_unshown() {
        let b = Ballot::new(0, 4, &[2, 0], &[1]);
        assert!(b.prefers(2, 0) && b.prefers(2, 1) && b.prefers(0, 1));
        assert!(!b.prefers(0, 2));
        assert!(!b.prefers(2, 3) && !b.prefers(3, 2));
        assert_eq!(b.borda(), vec![0, -2, 2, 0]);
    }

    #[test]
    fn unranked_items_share_the_average_of_the_bottom_places() {
        // Ranked: places 1 and 2; two unranked share places 3 and 4 → 3.5 each.
        let b = Ballot::new(0, 5, &[3, 1], &[0, 4]);
        let places: Vec<_> = b.double_places().collect();
        assert_eq!(places, vec![Some(7), Some(4), None, Some(2), Some(7)]);
    }
}
