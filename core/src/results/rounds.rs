//! Two rounds of a consultation compared: how each priority's rank moved since the round
//! before, per group and overall. A move is called one only when the goal holds a better (or
//! worse) place now *and* its mean score per response rose (or fell) beyond chance: Welch's t
//! of the two rounds (taken as independent samples), Holm's procedure over every goal, overall
//! and in every group compared, at the moves' share of the briefing's error budget
//! ([`super::evidence`]).

use serde::{Deserialize, Serialize};

use std::cmp::Ordering;

use super::evidence::distribution::t_two_sided;
use super::evidence::{holm, Family};
use super::{ordered_map, GroupResults, RankedPriority, Results};
use crate::ids::{GroupId, PriorityId, Slug};

/// How a priority's rank moved.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// Ranked higher, and more support beyond chance.
    Up,
    /// Ranked lower, and less support beyond chance.
    Down,
    /// The same place, or a move inside the uncertainty.
    Steady,
    /// Not ranked in the round before.
    New,
    /// A round's figures lack the standard errors (results from before they were published):
    /// no move is called.
    NotYetKnown,
}

/// One priority in both rounds.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankMove {
    pub priority: PriorityId,
    pub rank: u32,
    pub rank_interval: Option<[u32; 2]>,
    /// Its rank in the round before; `None` if it was not ranked then.
    pub previous_rank: Option<u32>,
    pub previous_interval: Option<[u32; 2]>,
    pub movement: Movement,
    /// Of the change in the mean score per response; `None` for a new goal or without
    /// standard errors.
    #[serde(default)]
    pub p_value: Option<f64>,
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
        let mut groups: Vec<(GroupId, Vec<Compared>)> = current
            .groups
            .iter()
            .filter_map(|(id, now)| {
                let (_, before) = previous.groups.iter().find(|(g, _)| g == id)?;
                (readable(now) && readable(before)).then(|| (id.clone(), moves(now, before)))
            })
            .collect();
        let mut overall = if current.overall.withheld || previous.overall.withheld {
            Vec::new()
        } else {
            moves(&current.overall, &previous.overall)
        };
        decide(
            overall
                .iter_mut()
                .chain(groups.iter_mut().flat_map(|(_, m)| m.iter_mut())),
            Family::Moves.budget(),
        );
        let strip = |m: Vec<Compared>| m.into_iter().map(|c| c.line).collect();
        Self {
            predecessor: previous.consultation.clone(),
            overall: strip(overall),
            groups: groups.into_iter().map(|(g, m)| (g, strip(m))).collect(),
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

/// A goal compared between the rounds, and whether its mean score rose.
struct Compared {
    line: RankMove,
    rose: bool,
}

/// Holm's procedure over every comparison made: which places changed beyond chance.
fn decide<'a>(compared: impl Iterator<Item = &'a mut Compared>, budget: f64) {
    let mut tested: Vec<&mut Compared> = compared.filter(|c| c.line.p_value.is_some()).collect();
    let p_values: Vec<f64> = tested.iter().filter_map(|c| c.line.p_value).collect();
    for (c, beyond_chance) in tested.iter_mut().zip(holm(&p_values, budget)) {
        let Some(before) = c.line.previous_rank else {
            continue;
        };
        c.line.movement = match (beyond_chance, c.line.rank.cmp(&before)) {
            // Rank 1 is the top: a move up is to smaller numbers.
            (true, Ordering::Less) if c.rose => Movement::Up,
            (true, Ordering::Greater) if !c.rose => Movement::Down,
            _ => Movement::Steady,
        };
    }
}

/// Mean score per response and its standard error.
fn mean(g: &GroupResults, line: &RankedPriority) -> Option<(f64, f64)> {
    let n = g.responses as f64;
    line.borda_se.map(|se| (line.borda.0 / n, se / n))
}

fn moves(now: &GroupResults, before: &GroupResults) -> Vec<Compared> {
    now.ranking
        .iter()
        .map(|r| {
            let previous = before.ranking.iter().find(|b| b.priority == r.priority);
            let change = previous.and_then(|p| {
                let ((m1, se1), (m0, se0)) = (mean(now, r)?, mean(before, p)?);
                let df = now.responses.min(before.responses).saturating_sub(1) as f64;
                let variance = se1 * se1 + se0 * se0;
                let p_value = if m1 == m0 {
                    1.0
                } else if variance <= 0.0 {
                    0.0
                } else {
                    t_two_sided((m1 - m0) / variance.sqrt(), df)
                };
                Some((p_value, m1 > m0))
            });
            let line = RankMove {
                priority: r.priority.clone(),
                rank: r.rank,
                rank_interval: r.rank_interval,
                previous_rank: previous.map(|p| p.rank),
                previous_interval: previous.and_then(|p| p.rank_interval),
                movement: match (previous, change) {
                    (None, _) => Movement::New,
                    (Some(_), None) => Movement::NotYetKnown,
                    // Decided with every other comparison ([`decide`]).
                    (Some(_), Some(_)) => Movement::Steady,
                },
                p_value: change.map(|(p, _)| p),
            };
            Compared {
                line,
                rose: change.is_some_and(|(_, rose)| rose),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
