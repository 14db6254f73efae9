//! Two rounds of a consultation compared: how each priority's rank moved since the round
//! before, per group and overall. A move is called one only when it is larger than both
//! rounds' uncertainty: the two 90 % rank intervals do not overlap.

use serde::{Deserialize, Serialize};

use super::{ordered_map, GroupResults, Results};
use crate::ids::{GroupId, PriorityId, Slug};

/// How a priority's rank moved.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// Ranked higher, beyond both rounds' uncertainty.
    Up,
    /// Ranked lower, beyond both rounds' uncertainty.
    Down,
    /// The same place, or a move inside the uncertainty.
    Steady,
    /// Not ranked in the round before.
    New,
    /// The uncertainty of a round is not computed yet: no move is called.
    NotYetKnown,
}

/// One priority in both rounds.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankMove {
    pub priority: PriorityId,
    pub rank: u32,
    pub rank_interval: Option<[u32; 2]>,
    /// Its rank in the round before; `None` if it was not ranked then.
    pub previous_rank: Option<u32>,
    pub previous_interval: Option<[u32; 2]>,
    pub movement: Movement,
}

/// This round against the one before.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundComparison {
    /// The slug of the round before.
    pub predecessor: Slug,
    pub overall: Vec<RankMove>,
    /// Per group readable in both rounds, keyed by group id, in this round's order.
    #[serde(with = "ordered_map")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "std::collections::BTreeMap<GroupId, Vec<RankMove>>")
    )]
    pub groups: Vec<(GroupId, Vec<RankMove>)>,
}

impl RoundComparison {
    /// `current` against `previous`, the results of the round before. Groups too small or
    /// withheld in either round are left out; so is the whole while either is withheld.
    pub fn of(current: &Results, previous: &Results) -> Self {
        let groups = current
            .groups
            .iter()
            .filter_map(|(id, now)| {
                let (_, before) = previous.groups.iter().find(|(g, _)| g == id)?;
                (readable(now) && readable(before)).then(|| (id.clone(), moves(now, before)))
            })
            .collect();
        let overall = if current.overall.withheld || previous.overall.withheld {
            Vec::new()
        } else {
            moves(&current.overall, &previous.overall)
        };
        Self {
            predecessor: previous.consultation.clone(),
            overall,
            groups,
        }
    }

    /// The overall move of `priority`, if it is compared.
    pub fn overall_move(&self, priority: &PriorityId) -> Option<&RankMove> {
        self.overall.iter().find(|m| m.priority == *priority)
    }
}

fn readable(g: &GroupResults) -> bool {
    !g.too_small && !g.withheld && g.responses > 0
}

fn moves(now: &GroupResults, before: &GroupResults) -> Vec<RankMove> {
    now.ranking
        .iter()
        .map(|r| {
            let previous = before.ranking.iter().find(|b| b.priority == r.priority);
            let movement = match previous {
                None => Movement::New,
                Some(p) if p.rank == r.rank => Movement::Steady,
                Some(p) => match (r.rank_interval, p.rank_interval) {
                    // Rank 1 is the top: a move up is to smaller numbers.
                    (Some([_, worst]), Some([best_before, _])) if worst < best_before => {
                        Movement::Up
                    }
                    (Some([best, _]), Some([_, worst_before])) if best > worst_before => {
                        Movement::Down
                    }
                    (Some(_), Some(_)) => Movement::Steady,
                    _ => Movement::NotYetKnown,
                },
            };
            RankMove {
                priority: r.priority.clone(),
                rank: r.rank,
                rank_interval: r.rank_interval,
                previous_rank: previous.map(|p| p.rank),
                previous_interval: previous.and_then(|p| p.rank_interval),
                movement,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
