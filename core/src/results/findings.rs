//! What the results say, as typed statements each user interface words from its own
//! translation tables (the briefing of the dashboard, the public page and the report).
//!
//! Every rule claims only what the figures support, and reads them from the same [`Results`]
//! the tables and charts show, so a finding cannot contradict a number beside it:
//! - a lead is **clear** only when the leader's rank interval is place 1 alone and no other
//!   goal's interval reaches place 1; otherwise the goals that could be first are named as a
//!   near tie; without intervals yet, neither is claimed;
//! - agreement and splits are read among **readable** groups only (responses, and at least the
//!   minimum group size); with fewer than two, the briefing says so instead; a goal is common
//!   ground only when its whole rank interval lies in the upper half of every such group;
//! - a split is called clear only when the two groups' rank intervals do not overlap;
//! - a group leans to one side of a goal conflict only when the difference between the shares
//!   on either side is larger than its 90 % margin of error.

use serde::{Deserialize, Serialize};

use super::{ConflictStats, GroupResults, Results};
use crate::consultation::Consultation;
use crate::ids::{ConflictId, GroupId, PriorityId};

/// One thing the results say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// How many responses the results reflect. (Not from how many groups: in what is
    /// published, a group with none cannot be told from one with too few to show.)
    Responses { total: u64 },
    /// Which goal leads overall (every response counted once), and how surely.
    Lead {
        leader: PriorityId,
        certainty: LeadCertainty,
        /// Other goals that could be first (their rank interval reaches place 1).
        contenders: Vec<PriorityId>,
        /// The next goals by rank, up to two, apart from the contenders.
        followers: Vec<PriorityId>,
    },
    /// Fewer than two groups are large enough to compare: no claim of agreement or split.
    TooFewGroupsToCompare { readable: usize },
    /// Goals in the upper half of every readable group's ranking, their rank intervals
    /// included (without intervals yet: their places).
    CommonGround { priorities: Vec<PriorityId> },
    /// No goal is surely in the upper half of every readable group's ranking.
    NoCommonGround,
    /// The goal the readable groups rank furthest apart.
    Split {
        priority: PriorityId,
        /// The group that ranks it best, and its place there.
        high: (GroupId, u32),
        /// The group that ranks it worst, and its place there.
        low: (GroupId, u32),
        /// The two groups' rank intervals do not overlap.
        clear: bool,
    },
    /// The readable groups rank every goal within one place of each other.
    GroupsClose,
    /// How one goal conflict splits the readable groups (or everyone, with fewer than two).
    Conflict {
        conflict: ConflictId,
        overall: Lean,
        groups: Vec<(GroupId, Lean)>,
    },
    /// Whether counting every group equally changes the order.
    Weighting {
        same_order: bool,
        /// The equal-weight leader, when it differs from the raw one.
        new_leader: Option<PriorityId>,
        /// The goal that moves most: its raw place and its equal-weight place.
        largest_move: Option<(PriorityId, u32, u32)>,
    },
    /// Groups with responses, but too few to read (or to publish) on their own.
    SmallGroups { groups: Vec<GroupId>, min: u64 },
}

/// How sure the lead is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadCertainty {
    /// First in the rank interval, and nobody else could be.
    Clear,
    /// Others could be first too.
    NearTie,
    /// The intervals are not computed yet.
    NotYetKnown,
}

/// Where one group stands on a goal conflict.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Lean {
    pub side: Side,
    /// Share of the positions on the left goal's half, in 0..=1.
    pub left: f64,
    /// Share of the positions on the right goal's half.
    pub right: f64,
    /// Participants who took a position (no view not counted).
    pub positions: u64,
}

/// Which way a group leans on a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
    /// No side wins by more than the margin of error.
    Undecided,
}

/// z for a two-sided 90 % interval, the confidence of the rank intervals too.
const Z90: f64 = 1.645;

impl Lean {
    pub fn of(stats: &ConflictStats) -> Self {
        let half = stats.histogram.len() / 2;
        let left: u64 = stats.histogram.iter().take(half).sum();
        let right: u64 = stats.histogram.iter().skip(half + 1).sum();
        let n = stats.positions as f64;
        if stats.positions == 0 {
            return Self {
                side: Side::Undecided,
                left: 0.0,
                right: 0.0,
                positions: 0,
            };
        }
        let (l, r) = (left as f64 / n, right as f64 / n);
        // Each position scores −1, 0 or +1; the mean is r − l, its variance (l + r − (r − l)²)/n.
        let d = r - l;
        let margin = Z90 * ((l + r - d * d).max(0.0) / n).sqrt();
        let side = if stats.positions < 2 || d.abs() <= margin {
            Side::Undecided
        } else if d < 0.0 {
            Side::Left
        } else {
            Side::Right
        };
        Self {
            side,
            left: l,
            right: r,
            positions: stats.positions,
        }
    }
}

/// Groups large enough to read: responses, and not under the minimum size.
fn readable(results: &Results) -> Vec<&(GroupId, GroupResults)> {
    results
        .groups
        .iter()
        .filter(|(_, g)| g.responses > 0 && !g.too_small && !g.withheld)
        .collect()
}

fn rank_of<'a>(g: &'a GroupResults, p: &PriorityId) -> Option<&'a super::RankedPriority> {
    g.ranking.iter().find(|l| &l.priority == p)
}

impl Finding {
    /// Every finding the results support, in the order a briefing reads them.
    pub fn all(consultation: &Consultation, results: &Results) -> Vec<Finding> {
        let mut out = vec![Finding::Responses {
            total: results.total,
        }];
        if results.total == 0 {
            return out;
        }
        out.extend(lead(&results.overall));
        let readable = readable(results);
        if readable.len() < 2 {
            out.push(Finding::TooFewGroupsToCompare {
                readable: readable.len(),
            });
        } else {
            out.push(common_ground(consultation, &readable));
            out.push(split(results, &readable));
        }
        out.extend(conflicts(consultation, results, &readable));
        out.extend(weighting(results));
        let small: Vec<GroupId> = results
            .groups
            .iter()
            .filter(|(_, g)| (g.responses > 0 && g.too_small) || g.withheld)
            .map(|(id, _)| id.clone())
            .collect();
        if !small.is_empty() {
            out.push(Finding::SmallGroups {
                groups: small,
                min: results.min_group_size,
            });
        }
        out
    }
}

fn lead(overall: &GroupResults) -> Option<Finding> {
    let first = overall.ranking.first()?;
    if overall.withheld || overall.responses == 0 {
        return None;
    }
    let known = overall.ranking.iter().all(|l| l.rank_interval.is_some());
    let contenders: Vec<PriorityId> = overall
        .ranking
        .iter()
        .skip(1)
        .filter(|l| l.rank == 1 || (known && l.rank_interval.is_some_and(|[best, _]| best == 1)))
        .map(|l| l.priority.clone())
        .collect();
    let alone = first.rank_interval.is_some_and(|[_, worst]| worst == 1);
    let certainty = if !contenders.is_empty() {
        LeadCertainty::NearTie
    } else if !known {
        LeadCertainty::NotYetKnown
    } else if alone {
        LeadCertainty::Clear
    } else {
        // Nobody else reaches place 1, yet the leader's own interval leaves it: some resamples
        // put it lower with a tie above; not clear.
        LeadCertainty::NearTie
    };
    let followers = overall
        .ranking
        .iter()
        .skip(1)
        .filter(|l| !contenders.contains(&l.priority))
        .take(2)
        .map(|l| l.priority.clone())
        .collect();
    Some(Finding::Lead {
        leader: first.priority.clone(),
        certainty,
        contenders,
        followers,
    })
}

fn common_ground(consultation: &Consultation, readable: &[&(GroupId, GroupResults)]) -> Finding {
    let upper = consultation.priorities.len().div_ceil(2) as u32;
    let surely_upper = |g: &GroupResults, p: &PriorityId| {
        rank_of(g, p).is_some_and(|l| l.rank_interval.map_or(l.rank, |[_, worst]| worst) <= upper)
    };
    let priorities: Vec<PriorityId> = consultation
        .priorities
        .iter()
        .map(|p| p.id.clone())
        .filter(|p| readable.iter().all(|(_, g)| surely_upper(g, p)))
        .collect();
    if priorities.is_empty() {
        Finding::NoCommonGround
    } else {
        Finding::CommonGround { priorities }
    }
}

fn split(results: &Results, readable: &[&(GroupId, GroupResults)]) -> Finding {
    let Some(divisive) = results.agreement.divisive.first().filter(|d| d.spread >= 2) else {
        return Finding::GroupsClose;
    };
    let p = &divisive.priority;
    let line = |(id, g): &&(GroupId, GroupResults)| rank_of(g, p).map(|l| (id.clone(), l.clone()));
    let lines: Vec<(GroupId, super::RankedPriority)> = readable.iter().filter_map(line).collect();
    let high = lines.iter().min_by_key(|(_, l)| l.rank);
    let low = lines.iter().max_by_key(|(_, l)| l.rank);
    let (Some(high), Some(low)) = (high, low) else {
        return Finding::GroupsClose;
    };
    let clear = match (high.1.rank_interval, low.1.rank_interval) {
        (Some([_, high_worst]), Some([low_best, _])) => high_worst < low_best,
        _ => false,
    };
    Finding::Split {
        priority: p.clone(),
        high: (high.0.clone(), high.1.rank),
        low: (low.0.clone(), low.1.rank),
        clear,
    }
}

fn conflicts(
    consultation: &Consultation,
    results: &Results,
    readable: &[&(GroupId, GroupResults)],
) -> Vec<Finding> {
    consultation
        .conflicts
        .iter()
        .filter_map(|c| results.conflicts.iter().find(|r| r.conflict == c.id))
        .filter(|r| r.overall.positions > 0)
        .map(|r| Finding::Conflict {
            conflict: r.conflict.clone(),
            overall: Lean::of(&r.overall),
            groups: if readable.len() < 2 {
                Vec::new()
            } else {
                r.groups
                    .iter()
                    .filter(|(g, s)| s.positions > 0 && readable.iter().any(|(id, _)| id == g))
                    .map(|(g, s)| (g.clone(), Lean::of(s)))
                    .collect()
            },
        })
        .collect()
}

fn weighting(results: &Results) -> Option<Finding> {
    let (raw, equal) = (&results.overall, &results.equal_weight);
    if raw.withheld || equal.withheld || raw.ranking.is_empty() || equal.responses == 0 {
        return None;
    }
    let mut largest: Option<(PriorityId, u32, u32)> = None;
    for line in &raw.ranking {
        let Some(other) = rank_of(equal, &line.priority) else {
            continue;
        };
        let moved = line.rank.abs_diff(other.rank);
        if moved > 0
            && largest
                .as_ref()
                .is_none_or(|(_, a, b)| moved > a.abs_diff(*b))
        {
            largest = Some((line.priority.clone(), line.rank, other.rank));
        }
    }
    let leaders = |g: &GroupResults| -> Vec<PriorityId> {
        g.ranking
            .iter()
            .filter(|l| l.rank == 1)
            .map(|l| l.priority.clone())
            .collect()
    };
    let new_leader = (leaders(raw) != leaders(equal))
        .then(|| equal.ranking.first().map(|l| l.priority.clone()))
        .flatten();
    Some(Finding::Weighting {
        same_order: largest.is_none(),
        new_leader,
        largest_move: largest,
    })
}

#[cfg(test)]
mod tests;
