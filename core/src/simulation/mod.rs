//! Consultations simulated under known truth, to measure how often the briefing claims what
//! is not there: ballots drawn from known populations ([`population`]) go the real way —
//! into a [`Tally`], [`Results::compute`] with its uncertainty, the public view that withholds
//! small groups, and the findings that come with them — and each claim the findings make is checked against
//! the truth ([`truth`]). A briefing is false when at least one of its claims is.
//!
//! `cargo run --release -p mitreden-core --example briefing-errors` prints the table of
//! BENCHMARKS.md ("What the briefing claims, checked under known truth").

pub mod population;
pub mod truth;

use crate::ballot::Ballot;
use crate::consultation::{Consultation, GoalConflict, Priority, Settings, StakeholderGroup};
use crate::ids::{ConflictId, GroupId, PriorityId, Slug};
use crate::results::rounds::RoundComparison;
use crate::results::{Results, ResultsOptions};
use crate::tally::Tally;
use crate::text::{Lang, LocalizedText};
pub use population::{Model, Population, Random, EVEN};
pub use truth::{Claim, Truth};

/// A simulated consultation: its groups' populations and how many answer from each.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    pub populations: Vec<Population>,
    pub sizes: Vec<u64>,
    /// The round before, if the consultation has one: its results are compared with this
    /// round's ([`RoundComparison`]).
    pub previous: Option<Round>,
}

/// The round before a simulated consultation: the same groups and goals, drawn from these
/// populations.
#[derive(Debug, Clone)]
pub struct Round {
    pub populations: Vec<Population>,
    pub sizes: Vec<u64>,
}

/// What one simulated consultation published.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The public results, their findings included.
    pub results: Results,
    /// This round against the one before.
    pub rounds: Option<RoundComparison>,
}

/// What the runs of one scenario brought.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub runs: u64,
    /// Briefings with at least one false claim (the JSON's consensus not counted).
    pub false_briefings: u64,
    /// Per kind of claim: in how many runs it was made, and in how many falsely.
    pub claims: Vec<(Claim, u64, u64)>,
    /// Rank intervals published for readable groups and everyone, and how many of them held
    /// the true place.
    pub intervals: u64,
    pub covered: u64,
}

impl Report {
    /// Runs in which a claim of this kind was false.
    pub fn false_claims(&self, claim: Claim) -> u64 {
        self.claims
            .iter()
            .find(|(c, _, _)| *c == claim)
            .map_or(0, |(_, _, f)| *f)
    }
}

impl Scenario {
    /// The consultation the scenario's participants answer: goals `g0…`, groups `s0…`,
    /// conflicts `c0…` on a five-step scale, the minimum group size 10 (the demo's).
    pub fn consultation(&self) -> Consultation {
        let text = |s: &str| LocalizedText::new([(Lang::De, s.to_owned())]);
        let first = &self.populations[0];
        Consultation {
            slug: Slug::parse("simulated").expect("a valid slug"),
            title: text("Simulation"),
            description: text("Simulation"),
            languages: vec![Lang::De],
            status: crate::consultation::Status::Open,
            opens: None,
            closes: None,
            groups: (0..self.populations.len())
                .map(|g| StakeholderGroup {
                    id: GroupId::parse(&format!("s{g}")).expect("a valid id"),
                    label: text(&format!("Gruppe {g}")),
                })
                .collect(),
            priorities: (0..first.goals())
                .map(|p| Priority {
                    id: PriorityId::parse(&format!("g{p}")).expect("a valid id"),
                    title: text(&format!("Ziel {p}")),
                    description: text("…"),
                    indicator: None,
                })
                .collect(),
            conflicts: (0..first.conflicts.len())
                .map(|c| GoalConflict {
                    id: ConflictId::parse(&format!("c{c}")).expect("a valid id"),
                    title: text(&format!("Konflikt {c}")),
                    left: text("links"),
                    right: text("rechts"),
                    description: None,
                })
                .collect(),
            settings: Settings {
                partial_ranking: first.ranked.is_some(),
                results_after_submit: true,
                publish_results: true,
                allowed_origins: vec![],
                conflict_scale: 5,
                min_group_size: 10,
                retention_days: 30,
                proof_of_work: 0,
            },
            predecessor: self
                .previous
                .as_ref()
                .map(|_| Slug::parse("previous").expect("a valid slug")),
            licence: None,
        }
    }

    /// One simulated consultation (and the round before, if any): what it publishes.
    pub fn once(&self, consultation: &Consultation, rng: &mut Random) -> Outcome {
        let results = published(consultation, &self.populations, &self.sizes, rng);
        let rounds = self.previous.as_ref().map(|round| {
            let mut before = consultation.clone();
            before.slug = Slug::parse("previous").expect("a valid slug");
            before.predecessor = None;
            let previous = published(&before, &round.populations, &round.sizes, rng);
            RoundComparison::of(&results, &previous)
        });
        Outcome { results, rounds }
    }

    /// `runs` simulated consultations from `seed`, judged against the truth.
    pub fn run(&self, runs: u64, seed: u64) -> Report {
        let consultation = self.consultation();
        let truth = Truth::new(&self.populations, &self.sizes);
        let before = self
            .previous
            .as_ref()
            .map(|r| Truth::new(&r.populations, &r.sizes));
        let mut rng = Random::new(seed);
        let mut report = Report {
            runs,
            ..Report::default()
        };
        for _ in 0..runs {
            let Outcome { results, rounds } = self.once(&consultation, &mut rng);
            let mut claims = truth.judge(&results, &results.findings);
            if let (Some(rounds), Some(before)) = (&rounds, &before) {
                claims.extend(truth.judge_moves(before, rounds));
            }
            let (intervals, covered) = truth.coverage(&results);
            report.intervals += intervals;
            report.covered += covered;
            if claims
                .iter()
                .any(|&(c, wrong)| wrong && c != Claim::Consensus)
            {
                report.false_briefings += 1;
            }
            let mut kinds: Vec<Claim> = claims.iter().map(|(c, _)| *c).collect();
            kinds.sort();
            kinds.dedup();
            for kind in kinds {
                let wrong = claims.iter().any(|&(c, w)| c == kind && w);
                match report.claims.iter_mut().find(|(c, _, _)| *c == kind) {
                    Some((_, made, false_ones)) => {
                        *made += 1;
                        *false_ones += u64::from(wrong);
                    }
                    None => report.claims.push((kind, 1, u64::from(wrong))),
                }
            }
        }
        report.claims.sort_by_key(|(c, _, _)| *c);
        report
    }
}

/// The public results of one round drawn from `populations`.
fn published(
    consultation: &Consultation,
    populations: &[Population],
    sizes: &[u64],
    rng: &mut Random,
) -> Results {
    let mut tally = Tally::for_consultation(consultation);
    for (g, (population, &size)) in populations.iter().zip(sizes).enumerate() {
        for _ in 0..size {
            let ballot: Ballot = population.draw(g, rng);
            tally.add(&ballot);
        }
    }
    let options = ResultsOptions {
        seed: rng.unit().to_bits(),
        ..ResultsOptions::default()
    };
    Results::compute(consultation, &tally, &options).public()
}

/// The 95 % Wilson interval of a rate of `k` in `n`.
pub fn wilson(k: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n, z) = (k as f64, n as f64, 1.96_f64);
    let p = k / n;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / (1.0 + z * z / n);
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

#[cfg(test)]
mod tests;
