//! What the ballots say: rankings per stakeholder group and overall, how certain they are,
//! where groups agree, and how each goal conflict splits them.
//!
//! Everything is computed from a [`Tally`], never by rescanning responses. The methods are
//! described in [`methods`], the uncertainty in [`uncertainty`], the agreement measures in
//! [`agreement`]. The rankings, agreement and conflicts take well under a millisecond for 20
//! priorities whatever the number of responses; the uncertainty takes longer, so a server can
//! compute it apart ([`Results::compute_with`]) and say which responses each part reflects
//! ([`AsOf`]).
//!
//! Two overall views sit side by side: **raw** (every response counts once) and
//! **equal-weight** (every group that took part counts the same, however many responded; scaled
//! as if each group had the average group size), so that a mass mobilisation in one group cannot
//! silently dominate.

pub mod agreement;
mod bootstrap;
pub mod conflicts;
pub mod evidence;
pub mod findings;
pub mod methods;
pub(crate) mod normal;
pub mod ordered_map;
pub(crate) mod rng;
pub mod rounds;
mod score;
pub mod uncertainty;

use serde::{Deserialize, Serialize};

use crate::consultation::Consultation;
use crate::ids::{ConflictId, GroupId, PriorityId, Slug};
use crate::tally::{GroupTally, Tally};
pub use conflicts::ConflictStats;
use evidence::differences::View;
use findings::Finding;
use methods::{competition_ranks, Margins};
pub use score::Score;
use uncertainty::{Uncertainties, Uncertainty};

/// Parameters of the analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsOptions {
    /// Bootstrap resamples; 0 switches the uncertainty off.
    pub resamples: u32,
    pub seed: u64,
    /// `k` for the probability of being among the top `k`.
    pub top_k: usize,
}

impl Default for ResultsOptions {
    fn default() -> Self {
        Self {
            resamples: 1000,
            seed: 0x6d69_7472_6564_656e,
            top_k: 3,
        }
    }
}

/// The results of one consultation.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub consultation: Slug,
    /// Number of responses counted.
    pub total: u64,
    /// Groups with fewer responses are flagged `too_small`.
    pub min_group_size: u64,
    /// The `k` of `top_k_probability`.
    pub top_k: usize,
    /// The chance (at least) that a `rank_interval` holds the goal's true place: 0.9.
    pub confidence: f64,
    /// Which responses each part reflects.
    #[serde(default)]
    pub as_of: AsOf,
    /// Every response counts once.
    pub overall: GroupResults,
    /// Every group that took part counts the same.
    pub equal_weight: GroupResults,
    /// Per group, in the consultation's order; serialised as an object keyed by group id.
    #[serde(with = "ordered_map")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "std::collections::BTreeMap<GroupId, GroupResults>")
    )]
    pub groups: Vec<(GroupId, GroupResults)>,
    pub agreement: Agreement,
    pub conflicts: Vec<ConflictResults>,
    /// What the results say, in the order a briefing reads them: every claim beyond chance,
    /// all of them together false in at most 5 % of consultations, whatever the truth (each
    /// claim with its `p_value` and its `budget`, its kind's share of those 5 %).
    #[serde(default)]
    pub findings: Vec<Finding>,
}

/// How many responses each part of the results reflects. A response counted after the
/// uncertainty was last computed is already in the rankings, but not yet in the intervals.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AsOf {
    /// Rankings, agreement and conflicts: every response counted (`total`).
    pub results: u64,
    /// Rank intervals and top-k chances: the responses counted when they were computed;
    /// `None` while they have not been.
    pub uncertainty: Option<u64>,
}

/// The ranking of one group (or of everyone).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupResults {
    pub responses: u64,
    /// Fewer responses than the consultation's minimum group size: do not read much into it.
    pub too_small: bool,
    /// Left out of what is published ([`Results::public`]) because the group is too small to
    /// hide a single person: `responses` is then 0 and the lists are empty.
    #[serde(default)]
    pub withheld: bool,
    /// Best first, by symmetric Borda score.
    pub ranking: Vec<RankedPriority>,
    /// Priority ids in Schulze order, best first.
    pub schulze: Vec<PriorityId>,
    /// The priority that beats every other one head to head, if there is one.
    pub condorcet_winner: Option<PriorityId>,
    pub smith_set: Vec<PriorityId>,
    /// Whether Borda and Schulze order every pair the same way.
    pub methods_agree: bool,
    /// Pairs `[a, b]` that Borda puts `a` above `b` and Schulze the other way round.
    pub disagreements: Vec<[PriorityId; 2]>,
}

/// One line of a ranking.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedPriority {
    pub priority: PriorityId,
    /// Symmetric Borda score (a whole number for raw counts).
    pub borda: Score,
    /// The standard error of `borda`: how far it could be from the score of everyone like
    /// these participants (each group a random sample of its people; `null` without two
    /// responses in every group counted). Rounds are compared with it.
    #[serde(default)]
    pub borda_se: Option<f64>,
    /// 1 is best; equal scores share a rank.
    pub rank: u32,
    /// Mean place among the ballots that showed the priority (unranked ones share the bottom
    /// places); `None` if no ballot showed it.
    pub mean_rank: Option<f64>,
    /// Pairwise wins plus half the pairwise ties.
    pub copeland: f64,
    /// The places the goal may truly hold, `[best, worst]`: better than `best` only if some
    /// goal scored above it by chance, and so on; it holds the true place at least 90 % of the
    /// time; null without responses.
    pub rank_interval: Option<[u32; 2]>,
    /// Bootstrap probability of being among the top `k`.
    pub top_k_probability: Option<f64>,
}

/// Agreement between the groups that have responses.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// The groups compared, in the consultation's order: those with responses.
    pub groups: Vec<GroupId>,
    /// Kendall's tau-b between the groups' rankings, in the order of `groups`.
    pub kendall_tau_b: Vec<Vec<Option<f64>>>,
    /// In the upper half of every group's ranking (groups large enough to read, at least two),
    /// by their places alone: descriptive, with no allowance for chance. What may be claimed
    /// is `common_ground`.
    pub consensus: Vec<PriorityId>,
    /// In the upper half of every such group's ranking beyond chance: each is above at least
    /// half the other goals in every group (the briefing's common ground, under its promise;
    /// see [`evidence`]).
    #[serde(default)]
    pub common_ground: Vec<PriorityId>,
    /// The largest spreads of rank across groups large enough to read, largest first: by
    /// places alone, descriptive. What may be claimed is `divergent`.
    pub divisive: Vec<Divisive>,
    /// Every goal two such groups rank apart beyond chance (its points differ), the largest
    /// differences first; under the briefing's promise, which names the first.
    #[serde(default)]
    pub divergent: Vec<findings::Split>,
}

/// A priority the groups rank far apart.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Divisive {
    pub priority: PriorityId,
    /// Worst rank minus best rank.
    pub spread: u32,
    #[serde(with = "ordered_map")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "std::collections::BTreeMap<GroupId, u32>")
    )]
    pub ranks: Vec<(GroupId, u32)>,
}

/// How one goal conflict splits the groups.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictResults {
    pub conflict: ConflictId,
    /// Steps on the scale (5 or 7); positions run from `-(scale/2)` to `+(scale/2)`.
    pub scale: u8,
    pub overall: ConflictStats,
    #[serde(with = "ordered_map")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "std::collections::BTreeMap<GroupId, ConflictStats>")
    )]
    pub groups: Vec<(GroupId, ConflictStats)>,
}

/// How many divisive priorities to report.
const DIVISIVE_SHOWN: usize = 3;

impl GroupResults {
    fn compute(
        consultation: &Consultation,
        margins: &Margins,
        tally: &GroupTally,
        view: &View,
        responses: u64,
        uncertainty: Option<&Uncertainty>,
    ) -> Self {
        // Figures computed for as many priorities as there are, or none.
        let uncertainty = uncertainty.filter(|u| u.top_k.len() == margins.len());
        let intervals = (responses > 0).then(|| evidence::view_intervals(view, margins.len()));
        let id = |i: usize| consultation.priorities[i].id.clone();
        let borda = margins.borda();
        let ranks = competition_ranks(&borda);
        let copeland = margins.copeland();
        let mean_ranks = tally.mean_ranks();
        let mut order: Vec<usize> = (0..margins.len()).collect();
        order.sort_by(|&a, &b| ranks[a].cmp(&ranks[b]).then(a.cmp(&b)));
        let ranking = order
            .iter()
            .map(|&i| RankedPriority {
                priority: id(i),
                borda: Score(borda[i]),
                borda_se: (responses > 0)
                    .then(|| view.total(i).variance.sqrt())
                    .filter(|se| se.is_finite()),
                rank: ranks[i],
                mean_rank: mean_ranks.get(i).copied().flatten(),
                copeland: copeland[i],
                rank_interval: intervals.as_ref().map(|v| v[i]),
                top_k_probability: uncertainty.map(|u| u.top_k[i]),
            })
            .collect();
        let schulze = margins.schulze(&borda);
        let disagreements: Vec<[PriorityId; 2]> = schulze
            .disagreements
            .into_iter()
            .map(|(a, b)| [id(a), id(b)])
            .collect();
        Self {
            responses,
            too_small: responses < consultation.settings.min_group_size,
            withheld: false,
            ranking,
            schulze: schulze.order.into_iter().map(id).collect(),
            condorcet_winner: margins.condorcet_winner().map(id),
            smith_set: margins.smith_set().into_iter().map(id).collect(),
            methods_agree: disagreements.is_empty(),
            disagreements,
        }
    }

    /// A goal's points on a scale from 0 to 100 that needs no explanation of Borda counts: the
    /// share of head-to-head comparisons with the other goals it won, a tie counting half
    /// (50 = as often ahead as behind). `None` without responses. (A goal some participants
    /// were not shown is compared only where it was, so its share is of fewer comparisons.)
    pub fn points(&self, line: &RankedPriority) -> Option<f64> {
        let others = self.ranking.len().saturating_sub(1) as f64;
        let comparisons = self.responses as f64 * others;
        (comparisons > 0.0).then(|| (line.borda.0 / comparisons + 1.0) * 50.0)
    }

    /// Takes out everything that could show what single people answered.
    fn withhold(&mut self) {
        *self = Self {
            responses: 0,
            too_small: true,
            withheld: true,
            ranking: Vec::new(),
            schulze: Vec::new(),
            condorcet_winner: None,
            smith_set: Vec::new(),
            methods_agree: true,
            disagreements: Vec::new(),
        };
    }

    /// Rank of each priority, indexed like the consultation's priorities.
    fn ranks_by_index(&self, consultation: &Consultation) -> Vec<u32> {
        let mut ranks = vec![0; consultation.priorities.len()];
        for r in &self.ranking {
            if let Some(i) = consultation.priority_index(r.priority.as_str()) {
                ranks[i] = r.rank;
            }
        }
        ranks
    }
}

fn margins_of(tally: &GroupTally) -> Margins {
    let m = &tally.matrix;
    Margins::from_counts(m.len(), |a, b| f64::from(m.get(a, b)))
}

/// The equal-weight view's weight of each group: every group large enough to read counts as
/// if it had the average size of those groups; the others count nothing. (A group of one would
/// otherwise weigh as much as a group of hundreds, and its one person's ranking show through.)
pub fn equal_weights(consultation: &Consultation, tally: &Tally) -> Vec<f64> {
    let min = consultation.settings.min_group_size;
    let readable = |ballots: u64| ballots > 0 && ballots >= min;
    let weighed: Vec<u64> = tally
        .groups()
        .iter()
        .map(|g| g.ballots)
        .filter(|&b| readable(b))
        .collect();
    let average = weighed.iter().sum::<u64>() as f64 / weighed.len().max(1) as f64;
    tally
        .groups()
        .iter()
        .map(|g| {
            if readable(g.ballots) {
                average / g.ballots as f64
            } else {
                0.0
            }
        })
        .collect()
}

impl Results {
    /// Everything, the uncertainty included (its cost is in [`uncertainty`]).
    pub fn compute(consultation: &Consultation, tally: &Tally, options: &ResultsOptions) -> Self {
        let weights = equal_weights(consultation, tally);
        let uncertainty = Uncertainties::compute(tally, &weights, options);
        Self::compute_with(consultation, tally, options, Some(&uncertainty))
    }

    /// The rankings, agreement and conflicts of `tally`, with rank intervals and top-k chances
    /// from `uncertainty` (which may have been computed from an earlier tally: [`AsOf`] says
    /// so), or without them.
    pub fn compute_with(
        consultation: &Consultation,
        tally: &Tally,
        options: &ResultsOptions,
        uncertainty: Option<&Uncertainties>,
    ) -> Self {
        let n = consultation.priorities.len();
        let k = options.top_k.min(n);
        let group_uncertainty = |g: usize| {
            uncertainty
                .and_then(|u| u.groups.get(g))
                .and_then(Option::as_ref)
        };

        let group_margins: Vec<Margins> = tally.groups().iter().map(margins_of).collect();
        let groups: Vec<(GroupId, GroupResults)> = consultation
            .groups
            .iter()
            .zip(tally.groups())
            .zip(&group_margins)
            .enumerate()
            .map(|(i, ((g, t), m))| {
                let u = group_uncertainty(i);
                let view = View::group(t);
                let results = GroupResults::compute(consultation, m, t, &view, t.ballots, u);
                (g.id.clone(), results)
            })
            .collect();

        let all = tally.overall();
        let overall = GroupResults::compute(
            consultation,
            &margins_of(&all),
            &all,
            &View::weighted(tally.groups(), &vec![1.0; tally.groups().len()]),
            all.ballots,
            uncertainty.and_then(|u| u.overall.as_ref()),
        );

        let taking_part: Vec<usize> = (0..groups.len())
            .filter(|&g| tally.groups()[g].ballots > 0)
            .collect();
        let weights = equal_weights(consultation, tally);
        let mut equal = Margins::from_counts(n, |_, _| 0.0);
        let mut weighed_ballots = 0;
        for (g, &weight) in weights.iter().enumerate().filter(|(_, &w)| w > 0.0) {
            equal.add_scaled(&group_margins[g], weight);
            weighed_ballots += tally.groups()[g].ballots;
        }
        let equal_weight = GroupResults::compute(
            consultation,
            &equal,
            &all,
            &View::weighted(tally.groups(), &weights),
            weighed_ballots,
            uncertainty.and_then(|u| u.equal_weight.as_ref()),
        );

        let agreement = Self::agreement(consultation, &groups, &taking_part);
        let conflicts = consultation
            .conflicts
            .iter()
            .enumerate()
            .map(|(c, conflict)| ConflictResults {
                conflict: conflict.id.clone(),
                scale: consultation.settings.conflict_scale,
                overall: ConflictStats::from_tally(&all.conflicts[c]),
                groups: consultation
                    .groups
                    .iter()
                    .zip(tally.groups())
                    .map(|(g, t)| (g.id.clone(), ConflictStats::from_tally(&t.conflicts[c])))
                    .collect(),
            })
            .collect();

        let mut results = Self {
            consultation: consultation.slug.clone(),
            total: all.ballots,
            min_group_size: consultation.settings.min_group_size,
            top_k: k,
            confidence: 1.0 - evidence::RANK_INTERVAL_MISS,
            as_of: AsOf {
                results: all.ballots,
                uncertainty: uncertainty.map(|u| u.responses),
            },
            overall,
            equal_weight,
            groups,
            agreement,
            conflicts,
            findings: Vec::new(),
        };
        let briefing = Finding::all(&findings::Input {
            consultation,
            tally,
            weights: &weights,
            results: &results,
        });
        results.findings = briefing.findings;
        results.agreement.divergent = briefing.divergent;
        results.agreement.common_ground = results
            .findings
            .iter()
            .find_map(|f| match f {
                Finding::CommonGround { priorities, .. } => Some(priorities.clone()),
                _ => None,
            })
            .unwrap_or_default();
        results
    }

    fn agreement(
        consultation: &Consultation,
        groups: &[(GroupId, GroupResults)],
        taking_part: &[usize],
    ) -> Agreement {
        let n = consultation.priorities.len();
        let scores: Vec<Vec<f64>> = taking_part
            .iter()
            .map(|&g| {
                let mut s = vec![0.0; n];
                for r in &groups[g].1.ranking {
                    if let Some(i) = consultation.priority_index(r.priority.as_str()) {
                        s[i] = r.borda.0;
                    }
                }
                s
            })
            .collect();
        let kendall_tau_b = scores
            .iter()
            .map(|x| {
                scores
                    .iter()
                    .map(|y| agreement::kendall_tau_b(x, y))
                    .collect()
            })
            .collect();
        let readable: Vec<usize> = taking_part
            .iter()
            .copied()
            .filter(|&g| !groups[g].1.too_small)
            .collect();
        let ranks: Vec<Vec<u32>> = readable
            .iter()
            .map(|&g| groups[g].1.ranks_by_index(consultation))
            .collect();
        let id = |i: usize| consultation.priorities[i].id.clone();
        Agreement {
            groups: taking_part.iter().map(|&g| groups[g].0.clone()).collect(),
            kendall_tau_b,
            consensus: agreement::consensus(&ranks, n)
                .into_iter()
                .map(id)
                .collect(),
            common_ground: Vec::new(),
            divergent: Vec::new(),
            divisive: agreement::spreads(&ranks, n)
                .into_iter()
                .take(DIVISIVE_SHOWN)
                .map(|(p, spread)| Divisive {
                    priority: id(p),
                    spread,
                    ranks: readable
                        .iter()
                        .zip(&ranks)
                        .map(|(&g, r)| (groups[g].0.clone(), r[p]))
                        .collect(),
                })
                .collect(),
        }
    }

    /// What may be published (the results feed, the public page, what participants see):
    /// every group under the minimum size is withheld (its ranking, its place in the agreement
    /// and its positions on the goal conflicts). The overall figures (and the conflicts, which
    /// carry them) are withheld too while the whole is under the minimum, and while the
    /// withheld groups together have some responses but fewer than the minimum: otherwise the
    /// overall minus the published groups would show those few people's answers. Staff read
    /// [`Results`] in full.
    pub fn public(&self) -> Results {
        let min = self.min_group_size;
        let readable = |g: &GroupId| self.group(g).is_some_and(|r| r.responses >= min);
        let mut public = self.clone();
        for (_, group) in &mut public.groups {
            if group.responses < min {
                group.withhold();
            }
        }
        let withheld: u64 = self
            .groups
            .iter()
            .map(|(_, g)| g.responses)
            .filter(|&n| n < min)
            .sum();
        let whole_readable = self.total >= min && (withheld == 0 || withheld >= min);
        if !whole_readable {
            public.overall.withhold();
            public.conflicts.clear();
        }
        if public.equal_weight.responses < min {
            public.equal_weight.withhold();
        }
        let keep: Vec<bool> = self.agreement.groups.iter().map(readable).collect();
        let kept = |row: &[Option<f64>]| {
            row.iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(v, _)| *v)
                .collect::<Vec<_>>()
        };
        public.agreement.kendall_tau_b = self
            .agreement
            .kendall_tau_b
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(row, _)| kept(row))
            .collect();
        public.agreement.groups.retain(readable);
        for conflict in &mut public.conflicts {
            conflict.groups.retain(|(g, _)| readable(g));
        }
        public.findings = Finding::public(&self.findings, &public);
        public
    }

    pub fn group(&self, id: &GroupId) -> Option<&GroupResults> {
        self.groups.iter().find(|(g, _)| g == id).map(|(_, r)| r)
    }
}

#[cfg(test)]
mod tests;
