//! What the results say, as typed statements each user interface words from its own
//! translation tables (the briefing of the dashboard, the public page and the report), and
//! which the results JSON carries as they are (`findings`).
//!
//! A finding claims only what the ballots support beyond chance, under one promise for the
//! whole briefing: in any situation, at most 5 % of briefings hold a false claim. How the
//! error budget is shared between the kinds of claim, and which test decides each, is in
//! [`super::evidence`]; every claim-bearing finding carries its p-value and its share of the
//! budget, so a reader can check it. Findings are computed with the results, from the same
//! tally, so a finding cannot contradict a number beside it:
//! - a lead is **clear** only when the leader is above every other goal beyond chance;
//!   otherwise the goals it is not clearly above are named as a near tie;
//! - agreement and splits are read among **readable** groups only (responses, and at least the
//!   minimum group size); with fewer than two, the briefing says so instead;
//! - a split is called clear only when the goal's points in the two groups differ beyond
//!   chance;
//! - a group leans to one side of a goal conflict only when more take that side than chance
//!   explains.

mod between;
mod lead;
mod leans;
mod weighting;

use serde::{Deserialize, Serialize};

use super::evidence::{Budget, Family};
use super::{ConflictStats, GroupResults, Results};
use crate::consultation::Consultation;
use crate::ids::{ConflictId, GroupId, PriorityId};
use crate::tally::Tally;

/// One thing the results say.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
        /// Other goals the leader is not above beyond chance: they could be first too.
        contenders: Vec<PriorityId>,
        /// The next goals by rank, up to two, apart from the contenders (and, for a clear
        /// lead, after the runner-up, which the sentence names with its points).
        followers: Vec<PriorityId>,
        /// The leader's points (0–100: the share of head-to-head comparisons it won).
        points: f64,
        /// The second goal by rank and its points: `[goal, points]`.
        runner_up: Option<(PriorityId, f64)>,
        /// The largest p-value of the leader's comparisons with the other goals; the lead is
        /// clear when it is at most `budget`.
        p_value: f64,
        /// The share of the briefing's 5 % error rate the lead may spend in this consultation.
        budget: f64,
    },
    /// Fewer than two groups are large enough to compare: no claim of agreement or split.
    TooFewGroupsToCompare { readable: usize },
    /// Goals that every readable group ranks in its upper half beyond chance: each is above
    /// at least half the other goals in every such group.
    CommonGround {
        /// In the order of the overall ranking.
        priorities: Vec<PriorityId>,
        /// The share of the briefing's 5 % error rate common ground may spend (Holm over every
        /// pair of goals in every readable group).
        budget: f64,
    },
    /// No goal is surely in the upper half of every readable group's ranking.
    NoCommonGround,
    /// Where the readable groups are furthest apart: beyond chance when `clear`, else the
    /// largest spread of places, within the uncertainty.
    Split(Split),
    /// The readable groups rank every goal within one place of each other, and no goal's
    /// points differ between them beyond chance.
    GroupsClose,
    /// How one goal conflict splits the readable groups (or everyone, with fewer than two).
    Conflict {
        conflict: ConflictId,
        overall: Lean,
        /// `[group, lean]` for every readable group with positions.
        groups: Vec<(GroupId, Lean)>,
        /// The share of the briefing's 5 % error rate all leans together may spend (Holm).
        budget: f64,
    },
    /// Whether counting every group equally changes the order beyond chance: pairs of goals
    /// ordered one way when every response counts once and the other way when every group
    /// counts the same, both beyond chance.
    Weighting {
        /// Both views give every goal the same place (descriptive, no allowance for chance).
        same_order: bool,
        /// Pairs turned round beyond chance, the surest first.
        flips: Vec<Flip>,
        /// The share of the briefing's 5 % error rate the weighting may spend (Holm over the
        /// pairs).
        budget: f64,
    },
    /// The overall ranking is withheld from what is published (too few responses in all, or
    /// withheld groups that together have too few to hide a person): no lead, no conflicts.
    OverallWithheld { min: u64 },
    /// Groups with responses, but too few to read (or to publish) on their own.
    SmallGroups { groups: Vec<GroupId>, min: u64 },
}

/// A goal two groups rank apart.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// The goal.
    pub priority: PriorityId,
    /// The group that ranks it higher: its place there, and the goal's points.
    pub high: SplitSide,
    /// The group that ranks it lower.
    pub low: SplitSide,
    /// The points differ beyond chance.
    pub clear: bool,
    /// Of the difference of the goal's points in the two groups.
    pub p_value: f64,
    /// The share of the briefing's 5 % error rate all splits together may spend (Holm over
    /// every pair of groups and every goal).
    pub budget: f64,
}

/// One group's side of a split.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitSide {
    pub group: GroupId,
    pub rank: u32,
    pub points: f64,
}

/// Two goals whose order counting groups equally turns round.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flip {
    /// Ahead when every response counts once.
    pub raw_ahead: PriorityId,
    /// Ahead when every group counts the same.
    pub equal_ahead: PriorityId,
    /// The larger of the two comparisons' p-values.
    pub p_value: f64,
}

/// How sure the lead is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeadCertainty {
    /// Above every other goal beyond chance.
    Clear,
    /// Others could be first too.
    NearTie,
}

/// Where one group stands on a goal conflict. The overall lean is tested (and may have a
/// side) only when fewer than two groups can be read; otherwise the groups' leans are the
/// claims, and the overall's side stays `undecided`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Lean {
    /// The side taken beyond chance, or `undecided`.
    pub side: Side,
    /// Share of the positions on the left goal's half, in 0..=1.
    pub left: f64,
    /// Share of the positions on the right goal's half.
    pub right: f64,
    /// Participants who took a position (no view not counted).
    pub positions: u64,
    /// Of the sign test: those on the left half against those on the right.
    pub p_value: f64,
}

/// Which way a group leans on a conflict.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
    /// Neither side is taken by more than chance explains.
    Undecided,
}

impl Lean {
    /// The shares of `stats` and the sign test's p-value; the side is decided by the caller,
    /// which knows how many leans the briefing tests ([`leans`]).
    pub fn of(stats: &ConflictStats) -> Self {
        let half = stats.histogram.len() / 2;
        let left: u64 = stats.histogram.iter().take(half).sum();
        let right: u64 = stats.histogram.iter().skip(half + 1).sum();
        let n = stats.positions.max(1) as f64;
        Self {
            side: Side::Undecided,
            left: left as f64 / n,
            right: right as f64 / n,
            positions: stats.positions,
            p_value: super::evidence::distribution::sign_test(left, left + right),
        }
    }
}

/// What [`Finding::all`] reads: the results without findings, and the tally they came from.
pub(super) struct Input<'a> {
    pub consultation: &'a Consultation,
    pub tally: &'a Tally,
    /// The equal-weight view's weight of each group.
    pub weights: &'a [f64],
    pub results: &'a Results,
}

/// The consultation's shares of the error budget: which families have anything to test
/// follows from its design (conflicts, a round before), which groups are large enough to read and how the
/// equal-weight view weighs them — never from what the answers say.
fn budget(input: &Input, readable: &[usize]) -> Budget {
    let weighed: Vec<f64> = input
        .tally
        .groups()
        .iter()
        .zip(input.weights)
        .filter(|(g, _)| g.ballots > 0)
        .map(|(_, &w)| w)
        .collect();
    let views_differ = weighed.iter().any(|&w| (w - weighed[0]).abs() > 1e-12);
    Budget::new(|family| match family {
        Family::Lead => true,
        Family::Leans => !input.consultation.conflicts.is_empty(),
        Family::Splits | Family::CommonGround => readable.len() >= 2,
        Family::Weighting => views_differ,
        Family::Moves => input.consultation.predecessor.is_some(),
    })
}

impl Input<'_> {
    /// Indices of the groups large enough to read.
    fn readable(&self) -> Vec<usize> {
        self.results
            .groups
            .iter()
            .enumerate()
            .filter(|(_, (_, g))| g.responses > 0 && !g.too_small && !g.withheld)
            .map(|(i, _)| i)
            .collect()
    }
}

/// What [`Finding::all`] finds: the briefing, and every goal two readable groups rank apart
/// beyond chance (the briefing names the clearest; the results' `agreement` lists them all).
pub(super) struct Briefing {
    pub findings: Vec<Finding>,
    pub divergent: Vec<Split>,
}

impl Finding {
    /// Every finding the results support, in the order a briefing reads them.
    pub(super) fn all(input: &Input) -> Briefing {
        let results = input.results;
        let mut out = vec![Finding::Responses {
            total: results.total,
        }];
        let mut divergent = Vec::new();
        if results.total == 0 {
            return Briefing {
                findings: out,
                divergent,
            };
        }
        let readable = input.readable();
        let budget = budget(input, &readable);
        out.extend(lead::lead(input, budget.of(Family::Lead)));
        if readable.len() < 2 {
            out.push(Finding::TooFewGroupsToCompare {
                readable: readable.len(),
            });
        } else {
            out.push(between::common_ground(
                input,
                &readable,
                budget.of(Family::CommonGround),
            ));
            let splits = budget.of(Family::Splits);
            divergent = between::divergent(input, &readable, splits);
            out.push(between::split(input, &readable, &divergent, splits));
        }
        out.extend(leans::conflicts(input, &readable, budget.of(Family::Leans)));
        out.extend(weighting::weighting(input, budget.of(Family::Weighting)));
        out.extend(small_groups(results));
        Briefing {
            findings: out,
            divergent,
        }
    }

    /// What of `findings` may be published with `public`, the results with small groups
    /// withheld (see [`Results::public`]).
    pub(super) fn public(findings: &[Finding], public: &Results) -> Vec<Finding> {
        let overall = !public.overall.withheld;
        let equal = !public.equal_weight.withheld;
        let mut out: Vec<Finding> = findings
            .iter()
            .filter(|f| match f {
                Finding::Lead { .. } | Finding::Conflict { .. } => overall,
                Finding::Weighting { .. } => overall && equal,
                Finding::SmallGroups { .. } | Finding::OverallWithheld { .. } => false,
                _ => true,
            })
            .cloned()
            .collect();
        if !overall && public.total > 0 {
            out.push(Finding::OverallWithheld {
                min: public.min_group_size,
            });
        }
        out.extend(small_groups(public));
        out
    }
}

/// Groups with responses but too few to read, and (in what is published) every withheld one.
fn small_groups(results: &Results) -> Option<Finding> {
    let small: Vec<GroupId> = results
        .groups
        .iter()
        .filter(|(_, g)| (g.responses > 0 && g.too_small) || g.withheld)
        .map(|(id, _)| id.clone())
        .collect();
    (!small.is_empty()).then_some(Finding::SmallGroups {
        groups: small,
        min: results.min_group_size,
    })
}

fn rank_of<'a>(g: &'a GroupResults, p: &PriorityId) -> Option<&'a super::RankedPriority> {
    g.ranking.iter().find(|l| &l.priority == p)
}

#[cfg(test)]
mod tests;
