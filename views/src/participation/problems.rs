//! The plain form's problems as sentences, and where each one points.

use mitreden_core::locale;
use mitreden_core::plain_form::{Field, FieldProblem, Problem};
use mitreden_core::{Consultation, Lang};

use super::texts::{text, Key};
use crate::i18n::fill;

/// What is wrong, as a sentence for the person filling in the form.
pub fn message(lang: Lang, problem: &Problem) -> String {
    let number = |n: usize| locale::integer(lang, n as u64);
    match problem {
        Problem::NoGroup => text(lang, Key::ErrorNoGroup).to_owned(),
        Problem::NotAPlace { max } => {
            fill(text(lang, Key::ErrorNotAPlace), &[("max", &number(*max))])
        }
        Problem::PlaceTwice { place } => fill(
            text(lang, Key::ErrorPlaceTwice),
            &[("place", &number(*place))],
        ),
        Problem::NothingRanked => text(lang, Key::ErrorNothingPlaced).to_owned(),
        Problem::Unranked => text(lang, Key::ErrorUnplaced).to_owned(),
        Problem::NotAPosition => text(lang, Key::ErrorNotAPosition).to_owned(),
        Problem::CommentWithoutPosition => text(lang, Key::ErrorCommentWithoutPosition).to_owned(),
        Problem::CommentTooLong { max, over } => fill(
            text(lang, Key::ErrorCommentTooLong),
            &[("max", &number(*max)), ("over", &number(*over))],
        ),
        Problem::CommentInvalid => text(lang, Key::ErrorCommentInvalid).to_owned(),
    }
}

/// The problem with `field`, as a sentence, if there is one.
pub fn about(lang: Lang, problems: &[FieldProblem], field: &Field) -> Option<String> {
    problems
        .iter()
        .find(|p| &p.field == field)
        .map(|p| message(lang, &p.problem))
}

/// The id of the element a problem with `field` links to: the field itself, or the first
/// choice of a group of choices.
pub fn anchor(c: &Consultation, field: &Field) -> String {
    match field {
        Field::Group => c
            .groups
            .first()
            .map_or_else(|| "group".to_owned(), |g| format!("group-{}", g.id)),
        Field::Position(_) => format!("{}-0", field.name()),
        Field::Place(_) | Field::Comment(_) => field.name(),
    }
}
