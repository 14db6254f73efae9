//! The ranking a participant is building, before it is submitted.
//!
//! With partial rankings allowed, every priority starts unranked and the participant picks the
//! ones that matter, in order; otherwise all shown priorities start ranked in the order shown
//! and the participant reorders them. Moves are by one place, so they work with buttons and
//! keys alike (no dragging needed).

use serde::{Deserialize, Serialize};

use crate::ids::PriorityId;

/// Where a priority went: 1-based places before and after a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub from: usize,
    pub to: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankingDraft {
    ranked: Vec<PriorityId>,
    unranked: Vec<PriorityId>,
    /// Every priority shown, in the order shown.
    shown: Vec<PriorityId>,
    partial: bool,
}

impl RankingDraft {
    pub fn new(shown: Vec<PriorityId>, partial: bool) -> Self {
        let (ranked, unranked) = if partial {
            (vec![], shown.clone())
        } else {
            (shown.clone(), vec![])
        };
        Self {
            ranked,
            unranked,
            shown,
            partial,
        }
    }

    /// Ranked priorities, most important first.
    pub fn ranked(&self) -> &[PriorityId] {
        &self.ranked
    }

    /// Shown priorities not (yet) ranked, in the order shown.
    pub fn unranked(&self) -> &[PriorityId] {
        &self.unranked
    }

    /// Whether priorities may be taken out of the ranking.
    pub fn partial(&self) -> bool {
        self.partial
    }

    /// Every priority shown to the participant, in the order shown.
    pub fn shown(&self) -> &[PriorityId] {
        &self.shown
    }

    /// 1-based place of a ranked priority.
    pub fn place(&self, id: &PriorityId) -> Option<usize> {
        self.ranked.iter().position(|p| p == id).map(|i| i + 1)
    }

    pub fn move_up(&mut self, id: &PriorityId) -> Option<Move> {
        let i = self.ranked.iter().position(|p| p == id)?;
        if i == 0 {
            return None;
        }
        self.ranked.swap(i, i - 1);
        Some(Move { from: i + 1, to: i })
    }

    pub fn move_down(&mut self, id: &PriorityId) -> Option<Move> {
        let i = self.ranked.iter().position(|p| p == id)?;
        if i + 1 >= self.ranked.len() {
            return None;
        }
        self.ranked.swap(i, i + 1);
        Some(Move {
            from: i + 1,
            to: i + 2,
        })
    }

    /// Adds an unranked priority at the end of the ranking; returns its place.
    pub fn rank(&mut self, id: &PriorityId) -> Option<usize> {
        let i = self.unranked.iter().position(|p| p == id)?;
        let p = self.unranked.remove(i);
        self.ranked.push(p);
        Some(self.ranked.len())
    }

    /// Moves a ranked priority to the 1-based `place` (clamped to the list); used to cancel a
    /// keyboard move.
    pub fn move_to(&mut self, id: &PriorityId, place: usize) -> Option<Move> {
        let from = self.ranked.iter().position(|p| p == id)?;
        let to = place.clamp(1, self.ranked.len()) - 1;
        let p = self.ranked.remove(from);
        self.ranked.insert(to, p);
        Some(Move {
            from: from + 1,
            to: to + 1,
        })
    }

    /// Fits a draft kept from an earlier visit to the priorities shown now: priorities that no
    /// longer exist are dropped, new ones join the unranked pile (or the end of a full ranking).
    pub fn reconcile(mut self, shown: &[PriorityId], partial: bool) -> Self {
        self.ranked.retain(|p| shown.contains(p));
        self.unranked.retain(|p| shown.contains(p));
        for p in shown {
            if !self.ranked.contains(p) && !self.unranked.contains(p) {
                self.unranked.push(p.clone());
            }
        }
        if !partial {
            self.ranked.append(&mut self.unranked);
        }
        self.partial = partial;
        self.shown = shown.to_vec();
        self.unranked_as_shown();
        self
    }

    /// Takes a priority out of the ranking (only with partial rankings).
    pub fn unrank(&mut self, id: &PriorityId) -> bool {
        if !self.partial {
            return false;
        }
        let Some(i) = self.ranked.iter().position(|p| p == id) else {
            return false;
        };
        let p = self.ranked.remove(i);
        self.unranked.push(p);
        // Keep the unranked pile in the order it was shown, so items do not jump around.
        self.unranked_as_shown();
        true
    }

    /// Puts the unranked pile in the order the priorities were shown. (A filter rather than
    /// a sort: a few hundred priorities at most, and no sort routine in the widget's module.)
    fn unranked_as_shown(&mut self) {
        let unranked = &self.unranked;
        self.unranked = self
            .shown
            .iter()
            .filter(|s| unranked.contains(s))
            .cloned()
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn move_to_and_reconcile_keep_the_participants_work() {
        let shown = ids(&["a", "b", "c"]);
        let mut d = RankingDraft::new(shown.clone(), true);
        d.rank(&shown[0]);
        d.rank(&shown[1]);
        d.rank(&shown[2]);
        assert_eq!(d.move_to(&shown[2], 1), Some(Move { from: 3, to: 1 }));
        assert_eq!(names(d.ranked()), ["c", "a", "b"]);
        // "b" was removed from the consultation, "d" added.
        let now = ids(&["a", "c", "d"]);
        let d = d.reconcile(&now, true);
        assert_eq!(names(d.ranked()), ["c", "a"]);
        assert_eq!(names(d.unranked()), ["d"]);
    }

    fn ids(names: &[&str]) -> Vec<PriorityId> {
        names
            .iter()
            .map(|n| PriorityId::parse(n).unwrap())
            .collect()
    }

    fn names(ids: &[PriorityId]) -> Vec<&str> {
        ids.iter().map(|p| p.as_str()).collect()
    }

    #[test]
    fn full_ranking_starts_with_everything_ranked_and_reorders_by_one_place() {
        let shown = ids(&["a", "b", "c"]);
        let mut d = RankingDraft::new(shown.clone(), false);
        assert_eq!(d.move_up(&shown[2]), Some(Move { from: 3, to: 2 }));
        assert_eq!(names(d.ranked()), ["a", "c", "b"]);
        assert_eq!(d.move_up(&shown[0]), None);
        assert_eq!(d.move_down(&shown[1]), None);
        assert_eq!(d.move_down(&shown[0]), Some(Move { from: 1, to: 2 }));
        assert_eq!(names(d.ranked()), ["c", "a", "b"]);
        assert!(!d.unrank(&shown[0]));
    }

    #[test]
    fn partial_ranking_starts_empty_and_unranked_items_keep_their_order() {
        let shown = ids(&["a", "b", "c"]);
        let mut d = RankingDraft::new(shown.clone(), true);
        assert!(d.ranked().is_empty());
        assert_eq!(d.rank(&shown[2]), Some(1));
        assert_eq!(d.rank(&shown[0]), Some(2));
        assert_eq!(names(d.unranked()), ["b"]);
        assert!(d.unrank(&shown[2]));
        assert_eq!(names(d.unranked()), ["b", "c"]);
        assert_eq!(names(d.shown()), ["a", "b", "c"]);
        assert_eq!(d.place(&shown[0]), Some(1));
        assert_eq!(d.shown().len(), 3);
    }
}
