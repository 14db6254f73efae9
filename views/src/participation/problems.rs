//! The plain form's problems as sentences, and where each one points.

use mitreden_core::locale;
use mitreden_core::plain_form::{Field, FieldProblem, Problem};
use mitreden_core::{Consultation, Lang};

use super::page_texts::{text as page_text, Key as PageKey};
use super::texts::{text, Key};
use crate::i18n::fill;

/// What is wrong, as a sentence for the person filling in the form.
pub fn message(lang: Lang, problem: &Problem) -> String {
    let number = |n: usize| locale::integer(lang, n as u64);
    match problem {
        Problem::NoGroup => text(lang, Key::ErrorNoGroup).to_owned(),
        Problem::NotAPlace { max } => fill(
            page_text(lang, PageKey::ErrorNotAPlace),
            &[("max", &number(*max))],
        ),
        Problem::PlaceTwice { place } => fill(
            page_text(lang, PageKey::ErrorPlaceTwice),
            &[("place", &number(*place))],
        ),
        Problem::NothingRanked => page_text(lang, PageKey::ErrorNothingPlaced).to_owned(),
        Problem::Unranked => page_text(lang, PageKey::ErrorUnplaced).to_owned(),
        Problem::NotAPosition => page_text(lang, PageKey::ErrorNotAPosition).to_owned(),
        Problem::CommentWithoutPosition => text(lang, Key::ErrorCommentWithoutPosition).to_owned(),
        Problem::CommentTooLong { max, over } => fill(
            page_text(lang, PageKey::ErrorCommentTooLong),
            &[("max", &number(*max)), ("over", &number(*over))],
        ),
        Problem::CommentInvalid => page_text(lang, PageKey::ErrorCommentInvalid).to_owned(),
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
