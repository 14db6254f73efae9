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
        Finding::all(&self.consultation, &self.results)
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
            } => {
                let mut text = match certainty {
                    LeadCertainty::Clear => {
                        fill(t(lang, Key::LeadClear), &[("goal", &goal(leader))])
                    }
                    LeadCertainty::NotYetKnown => {
                        fill(t(lang, Key::LeadUnknown), &[("goal", &goal(leader))])
                    }
                    LeadCertainty::NearTie => fill(
                        t(lang, Key::LeadTie),
                        &[
                            ("goal", &goal(leader)),
                            ("others", &self.goals(contenders, lang)),
                        ],
                    ),
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
            Finding::CommonGround { priorities } => {
                let readable = self.readable_groups();
                let text = fill(
                    t(lang, Key::CommonGround),
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
            Finding::Split {
                priority,
                high,
                low,
                clear,
            } => {
                let key = if *clear {
                    Key::SplitClear
                } else {
                    Key::SplitNoise
                };
                let text = fill(
                    t(lang, key),
                    &[
                        ("goal", &goal(priority)),
                        ("high", &self.group(&high.0, lang)),
                        ("a", &place(high.1)),
                        ("low", &self.group(&low.0, lang)),
                        ("b", &place(low.1)),
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
                            Side::Undecided => fill(t(lang, Key::NoClearLean), &[("who", &who)]),
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
                same_order,
                new_leader,
                largest_move,
            } => {
                let old = self.results.overall.ranking.first().map(|l| &l.priority);
                let text = match (same_order, new_leader, largest_move, old) {
                    (true, ..) => t(lang, Key::WeightingSame).to_owned(),
                    (false, Some(new), _, Some(old)) => fill(
                        t(lang, Key::WeightingLeader),
                        &[("goal", &goal(new)), ("old", &goal(old))],
                    ),
                    (false, _, Some((p, a, b)), _) => fill(
                        t(lang, Key::WeightingMove),
                        &[("goal", &goal(p)), ("a", &place(*a)), ("b", &place(*b))],
                    ),
                    _ => t(lang, Key::WeightingSame).to_owned(),
                };
                (text, Some(anchors::EQUAL.to_owned()))
            }
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
