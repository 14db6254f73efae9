//! Why a submission was refused: one error type for the checks of responses, statements and
//! proposals, each variant with a stable machine-readable code.

use crate::text_input::TextProblem;

/// Why a submission was refused. Each variant has a stable machine-readable code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("The consultation is not open for responses.")]
    ConsultationNotOpen,
    #[error("The response id must be a UUID (for example 123e4567-e89b-42d3-a456-426614174000).")]
    InvalidResponseId,
    #[error("The stakeholder group '{0}' does not exist in this consultation.")]
    UnknownGroup(String),
    #[error("The priority '{0}' does not exist in this consultation.")]
    UnknownPriority(String),
    #[error("The priority '{0}' appears more than once in the ranking.")]
    DuplicateInRanking(String),
    #[error("The priority '{0}' appears more than once in the list of shown priorities.")]
    DuplicateInShown(String),
    #[error("The priority '{0}' is ranked but was not among the priorities shown.")]
    RankedNotShown(String),
    #[error("No priorities were shown, so there is nothing to rank.")]
    NothingShown,
    #[error("Please rank at least one priority.")]
    EmptyRanking,
    #[error("This consultation asks to rank all priorities shown; {missing} are not ranked.")]
    PartialRankingNotAllowed { missing: usize },
    #[error("The language '{0}' is not offered by this consultation.")]
    UnsupportedLanguage(String),
    #[error("The goal conflict '{0}' does not exist in this consultation.")]
    UnknownConflict(String),
    #[error("There is more than one position on the goal conflict '{0}'.")]
    DuplicateConflict(String),
    #[error("The position on '{conflict}' must be a whole number from -{max} to {max}, or null for no view.")]
    PositionOutOfRange { conflict: String, max: i64 },
    #[error("Please fill in {0}.")]
    TextMissing(String),
    #[error("{field} is longer than {max} characters.")]
    TextTooLong { field: String, max: usize },
    #[error("{0} contains control characters.")]
    TextInvalidCharacters(String),
    #[error("At most {max} proposals can be sent with one response.")]
    TooManyProposals { max: usize },
    #[error("'{0}' is not a lobby register number (R001234 or 123456789012-34).")]
    InvalidLobbyRegister(String),
    #[error("'{0}' is not an email address.")]
    InvalidEmail(String),
    #[error("A contact email can only be stored with consent to be contacted.")]
    ContactConsentRequired,
    #[error("There is more than one stance on the priority '{0}'.")]
    DuplicateStance(String),
    #[error("A statement needs a stance on at least one priority or a position on a conflict.")]
    EmptyStatement,
    #[error("The field 'website' must stay empty; it is there to catch automated submissions.")]
    HoneypotFilled,
}

impl ValidationError {
    /// The error for a text `field` (named for people, e.g. "the comment on 'x'").
    pub fn text(field: impl Into<String>, problem: TextProblem) -> Self {
        let field = field.into();
        match problem {
            TextProblem::Missing => Self::TextMissing(field),
            TextProblem::TooLong { max } => Self::TextTooLong { field, max },
            TextProblem::ControlCharacters => Self::TextInvalidCharacters(field),
        }
    }
}

impl ValidationError {
    /// The stable code clients match on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::ConsultationNotOpen => "consultation_not_open",
            Self::InvalidResponseId => "invalid_response_id",
            Self::UnknownGroup(_) => "unknown_group",
            Self::UnknownPriority(_) => "unknown_priority",
            Self::DuplicateInRanking(_) => "duplicate_in_ranking",
            Self::DuplicateInShown(_) => "duplicate_in_shown",
            Self::RankedNotShown(_) => "ranked_not_shown",
            Self::NothingShown => "nothing_shown",
            Self::EmptyRanking => "empty_ranking",
            Self::PartialRankingNotAllowed { .. } => "partial_ranking_not_allowed",
            Self::UnsupportedLanguage(_) => "unsupported_language",
            Self::UnknownConflict(_) => "unknown_conflict",
            Self::DuplicateConflict(_) => "duplicate_conflict",
            Self::PositionOutOfRange { .. } => "position_out_of_range",
            Self::TextMissing(_) => "text_missing",
            Self::TextTooLong { .. } => "text_too_long",
            Self::TextInvalidCharacters(_) => "text_invalid_characters",
            Self::TooManyProposals { .. } => "too_many_proposals",
            Self::InvalidLobbyRegister(_) => "invalid_lobby_register",
            Self::InvalidEmail(_) => "invalid_email",
            Self::ContactConsentRequired => "contact_consent_required",
            Self::DuplicateStance(_) => "duplicate_stance",
            Self::EmptyStatement => "empty_statement",
            Self::HoneypotFilled => "honeypot_filled",
        }
    }
}
