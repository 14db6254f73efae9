//! What is true in a simulated consultation, and which of the briefing's claims are false.

use super::population::{Model, Population, Random};
use crate::ballot::borda_scores;
use crate::results::findings::{Finding, LeadCertainty, Side};
use crate::results::rounds::{Movement, RoundComparison};
use crate::results::Results;

/// Scores closer than this are equal (ties in truth come from equal weights; their sums can
/// differ in the last bits).
const EQUAL: f64 = 1e-9;

/// Draws that estimate a Mallows population's expected scores (seeded: the same population
/// always gets the same figures, so two groups drawn from it are tied in truth).
const MALLOWS_DRAWS: u64 = 40_000;

/// Each goal's expected score per ballot in a population: the symmetric Borda score (how
/// often a goal is above another minus below it). Plackett–Luce: exact, from the chances of
/// each pair, for full rankings (with partial ones the order and the ties are the same).
/// Mallows: the mean over seeded draws of ballots as the population answers them.
fn expected_scores(p: &Population) -> Vec<f64> {
    match &p.model {
        Model::PlackettLuce(w) => (0..w.len())
            .map(|a| {
                (0..w.len())
                    .filter(|&b| b != a)
                    .map(|b| 2.0 / (1.0 + (w[b] - w[a]).exp()) - 1.0)
                    .sum()
            })
            .collect(),
        Model::Mallows { .. } => {
            let mut rng = Random::new(0x0074_7275_7468);
            let mut total = vec![0.0; p.goals()];
            for _ in 0..MALLOWS_DRAWS {
                let ballot = p.draw(0, &mut rng);
                for (t, c) in total.iter_mut().zip(borda_scores(&ballot.ranks)) {
                    *t += f64::from(c);
                }
            }
            total.iter().map(|t| t / MALLOWS_DRAWS as f64).collect()
        }
    }
}

/// Each goal's true places: the block `[best, worst]` it shares with the goals tied with it.
fn places(scores: &[f64]) -> Vec<[u32; 2]> {
    scores
        .iter()
        .map(|&s| {
            let above = scores.iter().filter(|&&o| o > s + EQUAL).count() as u32;
            let level = scores.iter().filter(|&&o| (o - s).abs() <= EQUAL).count() as u32;
            [above + 1, above + level]
        })
        .collect()
}

/// The truth of a simulated consultation: its groups' populations and sizes.
pub struct Truth<'a> {
    populations: &'a [Population],
    sizes: &'a [u64],
    /// Each group's expected scores per ballot.
    scores: Vec<Vec<f64>>,
}

/// The kinds of claim the briefing (and the results JSON) makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Claim {
    /// "X liegt klar vorn".
    ClearLead,
    /// A group (or everyone) leans to one side of a goal conflict.
    Lean,
    /// Two groups rank a goal clearly apart.
    ClearSplit,
    /// Counting every group equally changes the order.
    Weighting,
    /// Goals in the upper half of every group's ranking.
    CommonGround,
    /// A goal moved up or down since the round before.
    Move,
    /// `agreement.consensus` of the results JSON (not a sentence of the briefing).
    Consensus,
}

impl<'a> Truth<'a> {
    pub fn new(populations: &'a [Population], sizes: &'a [u64]) -> Self {
        Self {
            populations,
            sizes,
            scores: populations.iter().map(expected_scores).collect(),
        }
    }

    fn group_places(&self, g: usize) -> Vec<[u32; 2]> {
        places(&self.scores[g])
    }

    /// The expected scores of everyone together, each group weighed by `weight(g)`.
    fn pooled(&self, weight: impl Fn(usize) -> f64) -> Vec<f64> {
        let n = self.populations[0].goals();
        let mut total = vec![0.0; n];
        for (g, scores) in self.scores.iter().enumerate() {
            for (t, s) in total.iter_mut().zip(scores) {
                *t += weight(g) * s;
            }
        }
        total
    }

    fn overall_scores(&self) -> Vec<f64> {
        self.pooled(|g| self.sizes[g] as f64)
    }

    fn equal_weight_scores(&self) -> Vec<f64> {
        self.pooled(|g| if self.sizes[g] > 0 { 1.0 } else { 0.0 })
    }

    /// Everyone's expected score per ballot.
    fn overall_means(&self) -> Vec<f64> {
        let all: u64 = self.sizes.iter().sum();
        self.overall_scores()
            .iter()
            .map(|s| s / all.max(1) as f64)
            .collect()
    }

    /// The moves `rounds` names, against `before`, the truth of the round before: a move up
    /// is false unless the goal's expected score per response rose.
    pub fn judge_moves(&self, before: &Truth, rounds: &RoundComparison) -> Vec<(Claim, bool)> {
        let views = std::iter::once((
            self.overall_means(),
            before.overall_means(),
            &rounds.overall,
        ))
        .chain(rounds.groups.iter().map(|(g, moves)| {
            let g: usize = g.as_str()[1..].parse().expect("groups s0, s1, …");
            (self.scores[g].clone(), before.scores[g].clone(), moves)
        }));
        let mut claims = Vec::new();
        for (now, then, moves) in views {
            for m in moves {
                let p: usize = m.priority.as_str()[1..].parse().expect("goals g0, g1, …");
                match m.movement {
                    Movement::Up => claims.push((Claim::Move, now[p] <= then[p] + EQUAL)),
                    Movement::Down => claims.push((Claim::Move, now[p] >= then[p] - EQUAL)),
                    _ => {}
                }
            }
        }
        claims
    }

    fn overall(&self) -> Vec<[u32; 2]> {
        places(&self.overall_scores())
    }

    /// Of every published rank interval of a readable group (and of everyone): how many
    /// there are and how many hold the goal's true place (for goals tied in truth, any place
    /// of their block).
    pub fn coverage(&self, results: &Results) -> (u64, u64) {
        let (mut intervals, mut covered) = (0, 0);
        let mut check = |ranking: &[crate::results::RankedPriority], truth: &[[u32; 2]]| {
            for line in ranking {
                let Some([best, worst]) = line.rank_interval else {
                    continue;
                };
                let [true_best, true_worst] = truth[line.priority.as_str()[1..]
                    .parse::<usize>()
                    .expect("goals g0, g1, …")];
                intervals += 1;
                // Any place of a tied block is the true place.
                covered += u64::from(best <= true_worst && true_best <= worst);
            }
        };
        for g in readable(results) {
            check(&results.groups[g].1.ranking, &self.group_places(g));
        }
        if !results.overall.withheld {
            check(&results.overall.ranking, &self.overall());
        }
        (intervals, covered)
    }

    /// The shares of group `g` (or everyone) on the left and right halves of conflict `c`.
    fn sides(&self, c: usize, groups: &[usize]) -> (f64, f64) {
        let (mut left, mut right, mut all) = (0.0, 0.0, 0.0);
        for &g in groups {
            let p = &self.populations[g].conflicts[c];
            let w = self.sizes[g] as f64;
            left += w * (p[0] + p[1]);
            right += w * (p[3] + p[4]);
            all += w * (1.0 - p[5]);
        }
        (left / all, right / all)
    }

    /// The claims in `findings` (and the JSON's consensus) with whether each is false.
    pub fn judge(&self, results: &Results, findings: &[Finding]) -> Vec<(Claim, bool)> {
        let goal = |id: &crate::ids::PriorityId| -> usize {
            id.as_str()[1..]
                .parse()
                .expect("simulated goals are g0, g1, …")
        };
        let group = |id: &crate::ids::GroupId| -> usize {
            id.as_str()[1..]
                .parse()
                .expect("simulated groups are s0, s1, …")
        };
        let upper = results.overall.ranking.len().div_ceil(2) as u32;
        let mut claims = Vec::new();
        for finding in findings {
            match finding {
                Finding::Lead {
                    leader,
                    certainty: LeadCertainty::Clear,
                    ..
                } => claims.push((Claim::ClearLead, self.overall()[goal(leader)] != [1, 1])),
                Finding::Conflict {
                    conflict,
                    overall,
                    groups,
                    ..
                } => {
                    let c: usize = conflict.as_str()[1..].parse().expect("conflicts c0, c1, …");
                    let everyone: Vec<usize> = (0..self.sizes.len()).collect();
                    let leans = std::iter::once((everyone, *overall))
                        .chain(groups.iter().map(|(g, lean)| (vec![group(g)], *lean)));
                    for (who, lean) in leans {
                        let (left, right) = self.sides(c, &who);
                        match lean.side {
                            Side::Left => claims.push((Claim::Lean, left <= right + EQUAL)),
                            Side::Right => claims.push((Claim::Lean, right <= left + EQUAL)),
                            Side::Undecided => {}
                        }
                    }
                }
                Finding::Split(split) if split.clear => {
                    let p = goal(&split.priority);
                    let score =
                        |g: &crate::ids::GroupId| expected_scores(&self.populations[group(g)])[p];
                    let false_claim = score(&split.high.group) <= score(&split.low.group) + EQUAL;
                    claims.push((Claim::ClearSplit, false_claim));
                }
                Finding::Weighting { flips, .. } if !flips.is_empty() => {
                    let (raw, equal) = (self.overall_scores(), self.equal_weight_scores());
                    let false_claim = flips.iter().any(|f| {
                        let (a, b) = (goal(&f.raw_ahead), goal(&f.equal_ahead));
                        raw[a] <= raw[b] + EQUAL || equal[b] <= equal[a] + EQUAL
                    });
                    claims.push((Claim::Weighting, false_claim));
                }
                Finding::CommonGround { priorities, .. } => {
                    let readable = readable(results);
                    let false_claim = priorities.iter().any(|p| {
                        readable
                            .iter()
                            .any(|&g| self.group_places(g)[goal(p)][1] > upper)
                    });
                    claims.push((Claim::CommonGround, false_claim));
                }
                _ => {}
            }
        }
        // Every goal the JSON lists as ranked apart beyond chance is a claim too.
        for split in &results.agreement.divergent {
            let p = goal(&split.priority);
            let score = |g: &crate::ids::GroupId| self.scores[group(g)][p];
            let false_claim = score(&split.high.group) <= score(&split.low.group) + EQUAL;
            claims.push((Claim::ClearSplit, false_claim));
        }
        if !results.agreement.consensus.is_empty() {
            let readable = readable(results);
            let false_claim = results.agreement.consensus.iter().any(|p| {
                readable
                    .iter()
                    .any(|&g| self.group_places(g)[goal(p)][1] > upper)
            });
            claims.push((Claim::Consensus, false_claim));
        }
        claims
    }
}

/// The groups the results read (responses, at least the minimum size, not withheld).
fn readable(results: &Results) -> Vec<usize> {
    results
        .groups
        .iter()
        .filter(|(_, g)| g.responses > 0 && !g.too_small && !g.withheld)
        .map(|(id, _)| id.as_str()[1..].parse().expect("groups s0, s1, …"))
        .collect()
}
