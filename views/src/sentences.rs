//! The briefing's sentences: each [`Finding`] worded from the translation table, with the
//! anchor of the chart that shows it.

use mitreden_core::locale;
use mitreden_core::results::findings::{Finding, LeadCertainty, Lean, Side};
use mitreden_core::{GroupId, Lang, PriorityId};

use crate::data::ResultsData;
use crate::i18n::{fill, join, quoted, t, Key};

/// Where each chart sits on a page, for links from the briefing.
pub mod anchors {
    pub const RANKING: &str = "chart-ranking";
    pub const EQUAL: &str = "chart-equal";
    pub const GROUPS: &str = "chart-groups";
    pub const TIMELINE: &str = "chart-timeline";
    pub const METHOD: &str = "method";

    pub fn conflict(id: &str) -> String {
        format!("chart-conflict-{id}")
    }
}

/// One sentence of the briefing and the chart it points to.
pub struct Sentence {
    pub text: String,
    pub chart: Option<String>,
}

impl ResultsData {
    /// The briefing, in the order the findings come.
    pub fn sentences(&self, lang: Lang) -> Vec<Sentence> {
        self.results
            .findings
            .iter()
            .map(|f| self.sentence(f, lang))
            .collect()
    }

    fn goals(&self, ids: &[PriorityId], lang: Lang) -> String {
        let titles: Vec<String> = ids
            .iter()
            .map(|p| quoted(lang, &self.goal(p, lang)))
            .collect();
        join(lang, &titles)
    }

    /// The goals that could be first too, each with its points; beyond three, how many more.
    fn contenders(&self, ids: &[PriorityId], lang: Lang) -> String {
        const NAMED: usize = 3;
        let overall = &self.results.overall;
        let named: Vec<String> = ids
            .iter()
            .take(NAMED)
            .map(|p| {
                let title = quoted(lang, &self.goal(p, lang));
                match overall
                    .ranking
                    .iter()
                    .find(|l| &l.priority == p)
                    .and_then(|l| overall.points(l))
                {
                    Some(points) => fill(
                        t(lang, Key::GoalWithPoints),
                        &[
                            ("goal", &title),
                            ("points", &locale::decimal(lang, points, 1)),
                        ],
                    ),
                    None => title,
                }
            })
            .collect();
        if ids.len() > NAMED {
            fill(
                t(lang, Key::AndMore),
                &[
                    ("list", &named.join(", ")),
                    ("n", &locale::integer(lang, (ids.len() - NAMED) as u64)),
                ],
            )
        } else {
            join(lang, &named)
        }
    }

    fn groups(&self, ids: &[GroupId], lang: Lang) -> String {
        let labels: Vec<String> = ids.iter().map(|g| self.group(g, lang)).collect();
        join(lang, &labels)
    }

    fn sentence(&self, finding: &Finding, lang: Lang) -> Sentence {
        let goal = |p: &PriorityId| self.goal(p, lang);
        let place = |n: u32| locale::integer(lang, u64::from(n));
        let (text, chart) = match finding {
            Finding::Responses { total } => {
                let key = match total {
                    0 => Key::NoResponses,
                    1 => Key::OneResponseAsOf,
                    _ => Key::ResponsesAsOf,
                };
                let text = fill(
                    t(lang, key),
                    &[
                        ("n", &locale::integer(lang, *total)),
                        ("date", &self.stand(lang)),
                    ],
                );
                (text, (*total > 0).then(|| anchors::TIMELINE.to_owned()))
            }
            Finding::Lead {
                leader,
                certainty,
                contenders,
                followers,
                points,
                runner_up,
                ..
            } => {
                let points_of = |p: f64| locale::decimal(lang, p, 1);
                let mut text = match (certainty, runner_up) {
                    (LeadCertainty::Clear, Some((runner, second))) => fill(
                        t(lang, Key::LeadClear),
                        &[
                            ("goal", &goal(leader)),
                            ("points", &points_of(*points)),
                            ("runner", &goal(runner)),
                            ("second", &points_of(*second)),
                        ],
                    ),
                    (LeadCertainty::NearTie, _) if !contenders.is_empty() => fill(
                        t(lang, Key::LeadTie),
                        &[
                            ("goal", &goal(leader)),
                            ("points", &points_of(*points)),
                            ("others", &self.contenders(contenders, lang)),
                        ],
                    ),
                    _ => fill(t(lang, Key::LeadAlone), &[("goal", &goal(leader))]),
                };
                if !followers.is_empty() {
                    text.push(' ');
                    text.push_str(&fill(
                        t(lang, Key::Followers),
                        &[("goals", &self.goals(followers, lang))],
                    ));
                }
                (text, Some(anchors::RANKING.to_owned()))
            }
            Finding::TooFewGroupsToCompare { readable } => {
                let key = if *readable == 0 {
                    Key::NoGroupReadable
                } else {
                    Key::OneGroupReadable
                };
                (t(lang, key).to_owned(), Some(anchors::GROUPS.to_owned()))
            }
            Finding::CommonGround { priorities, .. } => {
                let readable = self.readable_groups();
                let key = if readable == 2 {
                    Key::CommonGroundBoth
                } else {
                    Key::CommonGround
                };
                let text = fill(
                    t(lang, key),
                    &[
                        ("n", &locale::integer(lang, readable as u64)),
                        ("goals", &self.goals(priorities, lang)),
                    ],
                );
                (text, Some(anchors::GROUPS.to_owned()))
            }
            Finding::NoCommonGround => (
                t(lang, Key::NoCommonGround).to_owned(),
                Some(anchors::GROUPS.to_owned()),
            ),
            Finding::Split(split) => {
                let key = if split.clear {
                    Key::SplitClear
                } else {
                    Key::SplitNoise
                };
                let text = fill(
                    t(lang, key),
                    &[
                        ("goal", &goal(&split.priority)),
                        ("high", &self.group(&split.high.group, lang)),
                        ("a", &locale::decimal(lang, split.high.points, 1)),
                        ("ra", &place(split.high.rank)),
                        ("low", &self.group(&split.low.group, lang)),
                        ("b", &locale::decimal(lang, split.low.points, 1)),
                        ("rb", &place(split.low.rank)),
                    ],
                );
                (text, Some(anchors::GROUPS.to_owned()))
            }
            Finding::GroupsClose => (
                t(lang, Key::GroupsClose).to_owned(),
                Some(anchors::GROUPS.to_owned()),
            ),
            Finding::Conflict {
                conflict,
                overall,
                groups,
                ..
            } => {
                let c = self
                    .consultation
                    .conflicts
                    .iter()
                    .find(|c| &c.id == conflict);
                let (title, left, right) = c
                    .map(|c| (c.title.get(lang), c.left.get(lang), c.right.get(lang)))
                    .unwrap_or_default();
                let rows: Vec<(String, Lean)> = if groups.is_empty() {
                    vec![(t(lang, Key::Everyone).to_owned(), *overall)]
                } else {
                    groups
                        .iter()
                        .map(|(g, lean)| (self.group(g, lang), *lean))
                        .collect()
                };
                // Groups leaning the same way are named together.
                let parts: Vec<String> = [Side::Left, Side::Right, Side::Undecided]
                    .into_iter()
                    .filter_map(|side| {
                        let same: Vec<&(String, Lean)> =
                            rows.iter().filter(|(_, l)| l.side == side).collect();
                        if same.is_empty() {
                            return None;
                        }
                        let who = join(
                            lang,
                            &same.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>(),
                        );
                        let shares = |share: fn(&Lean) -> f64| {
                            same.iter()
                                .map(|(_, l)| locale::percent(lang, share(l)))
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                        Some(match side {
                            Side::Left => fill(
                                t(lang, Key::LeansTo),
                                &[
                                    ("who", &who),
                                    ("goal", left),
                                    ("share", &shares(|l| l.left)),
                                ],
                            ),
                            Side::Right => fill(
                                t(lang, Key::LeansTo),
                                &[
                                    ("who", &who),
                                    ("goal", right),
                                    ("share", &shares(|l| l.right)),
                                ],
                            ),
                            Side::Undecided => fill(
                                t(lang, Key::NoClearLean),
                                &[
                                    ("who", &who),
                                    ("left", &shares(|l| l.left)),
                                    ("right", &shares(|l| l.right)),
                                ],
                            ),
                        })
                    })
                    .collect();
                let text = fill(
                    t(lang, Key::ConflictSentence),
                    &[("conflict", title), ("parts", &parts.join("; "))],
                );
                (text, Some(anchors::conflict(conflict.as_str())))
            }
            Finding::Weighting {
                same_order, flips, ..
            } => {
                let text = match flips.as_slice() {
                    [] if *same_order => t(lang, Key::WeightingSame).to_owned(),
                    [] => t(lang, Key::WeightingNoise).to_owned(),
                    [flip] => fill(
                        t(lang, Key::WeightingFlip),
                        &[
                            ("goal", &goal(&flip.equal_ahead)),
                            ("old", &goal(&flip.raw_ahead)),
                        ],
                    ),
                    [flip, ..] => fill(
                        t(lang, Key::WeightingFlips),
                        &[
                            ("n", &locale::integer(lang, flips.len() as u64)),
                            ("goal", &goal(&flip.equal_ahead)),
                            ("old", &goal(&flip.raw_ahead)),
                        ],
                    ),
                };
                (text, Some(anchors::EQUAL.to_owned()))
            }
            Finding::OverallWithheld { min } => (
                fill(
                    t(lang, Key::WholeWithheld),
                    &[("n", &locale::integer(lang, *min))],
                ),
                Some(anchors::METHOD.to_owned()),
            ),
            Finding::SmallGroups { groups, min } => {
                let text = fill(
                    t(lang, Key::SmallGroups),
                    &[
                        ("min", &locale::integer(lang, *min)),
                        ("groups", &self.groups(groups, lang)),
                    ],
                );
                (text, Some(anchors::METHOD.to_owned()))
            }
        };
        Sentence { text, chart }
    }
}

#[cfg(test)]
mod tests;
