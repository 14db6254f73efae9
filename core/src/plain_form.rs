//! A response from the plain HTML form, for browsers without WebAssembly or JavaScript: the
//! fields as the browser posts them, read into a [`ResponseSubmission`] for the usual checks,
//! with every problem tied to the field it is about (so the form can say so beside the field
//! and in a summary above it).
//!
//! The form asks for a group (`group`), a place number per priority (`place-{priority}`: 1
//! for the most important; empty for "not ranked" where partial rankings are allowed), a
//! position per goal conflict (`position-{conflict}`: `-k..=k` or `none`) with an optional
//! comment (`comment-{conflict}`), and carries the response id made when the form was shown
//! (`id`), so sending it twice stores it once.

use std::collections::BTreeMap;

use crate::consultation::Consultation;
use crate::ids::{ConflictId, PriorityId};
use crate::submission::{PositionSubmission, ResponseSubmission, MAX_COMMENT_CHARS};
use crate::text::Lang;
use crate::text_input::{self, TextProblem};

/// A field of the plain form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Group,
    Place(PriorityId),
    Position(ConflictId),
    Comment(ConflictId),
}

impl Field {
    /// The field's name in the form, also its element id (the summary links to it).
    pub fn name(&self) -> String {
        match self {
            Field::Group => "group".to_owned(),
            Field::Place(p) => format!("place-{p}"),
            Field::Position(c) => format!("position-{c}"),
            Field::Comment(c) => format!("comment-{c}"),
        }
    }
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No group chosen (or one the consultation does not have).
    NoGroup,
    /// A place that is not a whole number from 1 to `max`.
    NotAPlace { max: usize },
    /// The same place given to more than one priority.
    PlaceTwice { place: usize },
    /// No priority has a place.
    NothingRanked,
    /// This priority has no place, but every priority must be ranked.
    Unranked,
    /// Not one of the answers offered (only a tampered form sends that).
    NotAPosition,
    /// A comment on a conflict without a position on it (it would not count).
    CommentWithoutPosition,
    /// The comment is longer than `max` characters, by `over`.
    CommentTooLong { max: usize, over: usize },
    /// The comment contains control characters.
    CommentInvalid,
}

/// A problem and the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub problem: Problem,
}

/// The posted fields, by name (a field sent more than once counts once, the last time).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainAnswers {
    fields: BTreeMap<String, String>,
}

impl PlainAnswers {
    pub fn new(fields: impl IntoIterator<Item = (String, String)>) -> Self {
        Self {
            fields: fields.into_iter().collect(),
        }
    }

    /// What was sent for `name`, as sent ("" if nothing), for showing the form again.
    pub fn value(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    /// Reads the answers to `c` into a submission with response id `id` in `lang`, or says
    /// what is wrong, field by field, in the form's order.
    pub fn read(
        &self,
        c: &Consultation,
        id: &str,
        lang: Lang,
    ) -> Result<ResponseSubmission, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut problem =
            |field: Field, problem: Problem| problems.push(FieldProblem { field, problem });

        let group = self.value("group").trim();
        if !c.groups.iter().any(|g| g.id.as_str() == group) {
            problem(Field::Group, Problem::NoGroup);
        }

        let max = c.priorities.len();
        let mut placed: Vec<(usize, &PriorityId)> = Vec::new();
        for p in &c.priorities {
            let field = Field::Place(p.id.clone());
            let raw = self.value(&field.name()).trim();
            if raw.is_empty() {
                continue;
            }
            match raw.parse::<usize>() {
                Ok(place) if (1..=max).contains(&place) => placed.push((place, &p.id)),
                _ => problem(field, Problem::NotAPlace { max }),
            }
        }
        for (place, id) in &placed {
            if placed.iter().filter(|(other, _)| other == place).count() > 1 {
                problem(
                    Field::Place((*id).clone()),
                    Problem::PlaceTwice { place: *place },
                );
            }
        }
        let given = c.priorities.iter().filter(|p| {
            !self
                .value(&Field::Place(p.id.clone()).name())
                .trim()
                .is_empty()
        });
        if given.count() == 0 {
            let first = c.priorities.first().map(|p| p.id.clone());
            if let Some(first) = first {
                problem(Field::Place(first), Problem::NothingRanked);
            }
        } else if !c.settings.partial_ranking {
            for p in &c.priorities {
                let field = Field::Place(p.id.clone());
                if self.value(&field.name()).trim().is_empty() {
                    problem(field, Problem::Unranked);
                }
            }
        }

        let half = i64::from(c.settings.conflict_scale / 2);
        let mut positions = Vec::new();
        for conflict in &c.conflicts {
            let field = Field::Position(conflict.id.clone());
            let position = match self.value(&field.name()).trim() {
                // Not answered: no position on this conflict.
                "" => continue,
                "none" => None,
                raw => match raw.parse::<i64>() {
                    Ok(v) if (-half..=half).contains(&v) => Some(v),
                    _ => {
                        problem(field, Problem::NotAPosition);
                        continue;
                    }
                },
            };
            let comment_field = Field::Comment(conflict.id.clone());
            // Browsers send line breaks in a text area as CR LF; people count one character.
            let comment = self.value(&comment_field.name()).replace("\r\n", "\n");
            let comment = match text_input::optional(Some(&comment), MAX_COMMENT_CHARS) {
                Ok(comment) => comment,
                Err(TextProblem::TooLong { max }) => {
                    let over = text_input::excess(&comment, max);
                    problem(comment_field, Problem::CommentTooLong { max, over });
                    None
                }
                Err(_) => {
                    problem(comment_field, Problem::CommentInvalid);
                    None
                }
            };
            positions.push(PositionSubmission {
                conflict: conflict.id.to_string(),
                position,
                comment,
            });
        }
        // A comment without a position is kept as a problem, not dropped: it would be lost.
        for conflict in &c.conflicts {
            let position = Field::Position(conflict.id.clone());
            let comment = Field::Comment(conflict.id.clone());
            if self.value(&position.name()).trim().is_empty()
                && !self.value(&comment.name()).trim().is_empty()
            {
                problem(position, Problem::CommentWithoutPosition);
            }
        }

        if !problems.is_empty() {
            // In the form's order, one problem per field (the first found).
            problems.sort_by_key(|p| order(c, &p.field));
            problems.dedup_by(|a, b| a.field == b.field);
            return Err(problems);
        }
        placed.sort_by_key(|(place, _)| *place);
        Ok(ResponseSubmission {
            id: id.to_owned(),
            group: group.to_owned(),
            ranking: placed.iter().map(|(_, id)| id.to_string()).collect(),
            shown: c.priorities.iter().map(|p| p.id.to_string()).collect(),
            lang: lang.code().to_owned(),
            positions,
            proposals: Vec::new(),
            website: self.value("website").to_owned(),
        })
    }
}

/// Where `field` comes in the form.
fn order(c: &Consultation, field: &Field) -> usize {
    let n = c.priorities.len();
    let conflict = |id: &ConflictId| c.conflicts.iter().position(|x| &x.id == id).unwrap_or(0);
    match field {
        Field::Group => 0,
        Field::Place(id) => 1 + c.priorities.iter().position(|p| &p.id == id).unwrap_or(0),
        Field::Position(id) => 1 + n + 2 * conflict(id),
        Field::Comment(id) => 2 + n + 2 * conflict(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::tests::sample;

    const ID: &str = "123e4567-e89b-42d3-a456-426614174000";

    fn answers(fields: &[(&str, &str)]) -> PlainAnswers {
        PlainAnswers::new(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    fn problems(c: &Consultation, fields: &[(&str, &str)]) -> Vec<(String, Problem)> {
        answers(fields)
            .read(c, ID, Lang::De)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.field.name(), p.problem))
            .collect()
    }

    #[test]
    fn places_become_the_ranking_in_their_order_and_pass_the_usual_checks() {
        let c = sample(4, true);
        let sent = answers(&[
            ("id", "ignored: the id comes from the caller"),
            ("group", "b"),
            ("place-p0", " 3 "),
            ("place-p2", "1"),
            ("place-p3", ""),
            ("place-p1", "2"),
            ("position-c0", "-2"),
            ("comment-c0", "Zeile 1\r\nZeile 2"),
            ("position-c1", "none"),
        ])
        .read(&c, ID, Lang::En)
        .unwrap();
        assert_eq!(sent.ranking, ["p2", "p1", "p0"]);
        assert_eq!(sent.shown, ["p0", "p1", "p2", "p3"]);
        assert_eq!(sent.group, "b");
        assert_eq!(sent.lang, "en");
        assert_eq!(sent.positions[0].position, Some(-2));
        assert_eq!(
            sent.positions[0].comment.as_deref(),
            Some("Zeile 1\nZeile 2")
        );
        assert_eq!(sent.positions[1].position, None);
        assert!(sent.validate(&c).is_ok());
        // Gaps are fine: only the order counts.
        let gaps = answers(&[("group", "a"), ("place-p3", "4"), ("place-p1", "2")])
            .read(&c, ID, Lang::De)
            .unwrap();
        assert_eq!(gaps.ranking, ["p1", "p3"]);
        assert!(gaps.positions.is_empty());
    }

    #[test]
    fn every_problem_is_tied_to_its_field_in_the_form_s_order() {
        let c = sample(4, true);
        assert_eq!(
            problems(
                &c,
                &[
                    ("group", "nobody"),
                    ("place-p0", "1"),
                    ("place-p1", "eins"),
                    ("place-p2", "1"),
                    ("place-p3", "5"),
                    ("position-c0", "9"),
                    ("comment-c1", "ohne Position"),
                ]
            ),
            [
                ("group".into(), Problem::NoGroup),
                ("place-p0".into(), Problem::PlaceTwice { place: 1 }),
                ("place-p1".into(), Problem::NotAPlace { max: 4 }),
                ("place-p2".into(), Problem::PlaceTwice { place: 1 }),
                ("place-p3".into(), Problem::NotAPlace { max: 4 }),
                ("position-c0".into(), Problem::NotAPosition),
                ("position-c1".into(), Problem::CommentWithoutPosition),
            ]
        );
    }

    #[test]
    fn a_ranking_is_needed_and_a_full_one_where_partial_ones_are_not_allowed() {
        let partial = sample(3, true);
        assert_eq!(
            problems(&partial, &[("group", "a")]),
            [("place-p0".into(), Problem::NothingRanked)]
        );
        let full = sample(3, false);
        assert_eq!(
            problems(&full, &[("group", "a"), ("place-p1", "1")]),
            [
                ("place-p0".into(), Problem::Unranked),
                ("place-p2".into(), Problem::Unranked),
            ]
        );
    }

    #[test]
    fn comments_are_checked_like_the_widget_s() {
        let c = sample(2, true);
        let long = format!(" {} ", "👋".repeat(MAX_COMMENT_CHARS + 3));
        assert_eq!(
            problems(
                &c,
                &[
                    ("group", "a"),
                    ("place-p0", "1"),
                    ("position-c0", "0"),
                    ("comment-c0", &long),
                    ("position-c1", "1"),
                    ("comment-c1", "a\u{7}b"),
                ]
            ),
            [
                (
                    "comment-c0".into(),
                    Problem::CommentTooLong {
                        max: MAX_COMMENT_CHARS,
                        over: 3
                    }
                ),
                ("comment-c1".into(), Problem::CommentInvalid),
            ]
        );
        // A thousand characters with line breaks as the browser sends them are within the limit.
        let lines = "ab\r\n".repeat(MAX_COMMENT_CHARS / 3);
        assert!(answers(&[
            ("group", "a"),
            ("place-p0", "1"),
            ("position-c0", "0"),
            ("comment-c0", &lines)
        ])
        .read(&c, ID, Lang::De)
        .is_ok());
    }
}
