//! A participant's submission: what arrives over the wire, and the checks that turn it into a
//! [`ValidResponse`].
//!
//! The wire type keeps plain strings so that every mistake gets its own error with a stable
//! [`ValidationError::code`], instead of a generic decoding failure.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::consultation::{Consultation, Status};
use crate::ids::{GroupId, PriorityId, ResponseId};
use crate::text::Lang;

/// A response as sent by a client (`POST /api/v1/consultations/{slug}/responses`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseSubmission {
    /// A UUID made by the client; sending the same submission again is harmless.
    pub id: String,
    pub group: String,
    /// Priority ids, most important first. May leave shown priorities out if the consultation
    /// allows partial rankings.
    pub ranking: Vec<String>,
    /// The priority ids the participant was shown.
    pub shown: Vec<String>,
    pub lang: String,
}

/// The server's answer to an accepted submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub id: String,
    /// Keep this code to view or withdraw the response later.
    pub receipt: String,
}

/// A submission that passed every check against its consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidResponse {
    pub id: ResponseId,
    pub group: GroupId,
    pub ranking: Vec<PriorityId>,
    /// In the consultation's definition order, so equal submissions compare equal.
    pub shown: Vec<PriorityId>,
    pub lang: Lang,
}

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
        }
    }
}

impl ResponseSubmission {
    /// Checks the submission against `consultation`.
    pub fn validate(&self, consultation: &Consultation) -> Result<ValidResponse, ValidationError> {
        if consultation.status != Status::Open {
            return Err(ValidationError::ConsultationNotOpen);
        }
        let id = ResponseId::parse(&self.id).map_err(|_| ValidationError::InvalidResponseId)?;
        let group = consultation
            .groups
            .iter()
            .find(|g| g.id.as_str() == self.group)
            .map(|g| g.id.clone())
            .ok_or_else(|| ValidationError::UnknownGroup(self.group.clone()))?;
        let lang = Lang::from_code(&self.lang)
            .filter(|l| consultation.languages.contains(l))
            .ok_or_else(|| ValidationError::UnsupportedLanguage(self.lang.clone()))?;

        let mut shown_set = HashSet::new();
        for p in &self.shown {
            if consultation.priority_index(p).is_none() {
                return Err(ValidationError::UnknownPriority(p.clone()));
            }
            if !shown_set.insert(p.as_str()) {
                return Err(ValidationError::DuplicateInShown(p.clone()));
            }
        }
        if shown_set.is_empty() {
            return Err(ValidationError::NothingShown);
        }

        let mut ranked_set = HashSet::new();
        let mut ranking = Vec::with_capacity(self.ranking.len());
        for p in &self.ranking {
            let index = consultation
                .priority_index(p)
                .ok_or_else(|| ValidationError::UnknownPriority(p.clone()))?;
            if !ranked_set.insert(p.as_str()) {
                return Err(ValidationError::DuplicateInRanking(p.clone()));
            }
            if !shown_set.contains(p.as_str()) {
                return Err(ValidationError::RankedNotShown(p.clone()));
            }
            ranking.push(consultation.priorities[index].id.clone());
        }
        if ranking.is_empty() {
            return Err(ValidationError::EmptyRanking);
        }
        let missing = shown_set.len() - ranked_set.len();
        if missing > 0 && !consultation.settings.partial_ranking {
            return Err(ValidationError::PartialRankingNotAllowed { missing });
        }

        let shown = consultation
            .priorities
            .iter()
            .filter(|p| shown_set.contains(p.id.as_str()))
            .map(|p| p.id.clone())
            .collect();
        Ok(ValidResponse {
            id,
            group,
            ranking,
            shown,
            lang,
        })
    }
}

/// A ballot in index form: positions in the consultation's priority list, ready for counting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    pub group: usize,
    /// Ranked priorities, most important first.
    pub ranking: Vec<usize>,
    /// Shown but not ranked: they tie at the bottom of this ballot.
    pub unranked: Vec<usize>,
}

impl ValidResponse {
    /// The ballot of this response, or `None` if it refers to a group or priority the
    /// consultation no longer has.
    pub fn ballot(&self, consultation: &Consultation) -> Option<Ballot> {
        let group = consultation.group_index(self.group.as_str())?;
        let ranking = self
            .ranking
            .iter()
            .map(|p| consultation.priority_index(p.as_str()))
            .collect::<Option<Vec<_>>>()?;
        let unranked = self
            .shown
            .iter()
            .filter(|p| !self.ranking.contains(p))
            .map(|p| consultation.priority_index(p.as_str()))
            .collect::<Option<Vec<_>>>()?;
        Some(Ballot {
            group,
            ranking,
            unranked,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::tests::sample;

    const ID: &str = "123e4567-e89b-42d3-a456-426614174000";

    fn submission(ranking: &[&str], shown: &[&str]) -> ResponseSubmission {
        ResponseSubmission {
            id: ID.into(),
            group: "a".into(),
            ranking: ranking.iter().map(|s| s.to_string()).collect(),
            shown: shown.iter().map(|s| s.to_string()).collect(),
            lang: "de".into(),
        }
    }

    fn code(c: &Consultation, s: &ResponseSubmission) -> &'static str {
        s.validate(c).unwrap_err().code()
    }

    #[test]
    fn a_full_ranking_is_accepted_and_shown_is_put_in_definition_order() {
        let c = sample(3, false);
        let r = submission(&["p2", "p0", "p1"], &["p2", "p1", "p0"])
            .validate(&c)
            .unwrap();
        let shown: Vec<_> = r.shown.iter().map(|p| p.as_str()).collect();
        assert_eq!(shown, ["p0", "p1", "p2"]);
        assert_eq!(r.ranking[0].as_str(), "p2");
    }

    #[test]
    fn partial_ranking_is_refused_unless_allowed() {
        let s = submission(&["p2"], &["p0", "p1", "p2"]);
        assert_eq!(
            s.validate(&sample(3, false)),
            Err(ValidationError::PartialRankingNotAllowed { missing: 2 })
        );
        assert!(s.validate(&sample(3, true)).is_ok());
    }

    #[test]
    fn each_malformed_submission_gets_its_own_code() {
        let c = sample(3, true);
        let mut bad_id = submission(&["p0"], &["p0"]);
        bad_id.id = "not-a-uuid".into();
        assert_eq!(code(&c, &bad_id), "invalid_response_id");
        let mut bad_group = submission(&["p0"], &["p0"]);
        bad_group.group = "nobody".into();
        assert_eq!(code(&c, &bad_group), "unknown_group");
        let mut bad_lang = submission(&["p0"], &["p0"]);
        bad_lang.lang = "fr".into();
        assert_eq!(code(&c, &bad_lang), "unsupported_language");
        assert_eq!(code(&c, &submission(&["p9"], &["p0"])), "unknown_priority");
        assert_eq!(
            code(&c, &submission(&["p0"], &["p0", "p9"])),
            "unknown_priority"
        );
        assert_eq!(
            code(&c, &submission(&["p0", "p0"], &["p0", "p1"])),
            "duplicate_in_ranking"
        );
        assert_eq!(
            code(&c, &submission(&["p0"], &["p0", "p0"])),
            "duplicate_in_shown"
        );
        assert_eq!(code(&c, &submission(&["p1"], &["p0"])), "ranked_not_shown");
        assert_eq!(code(&c, &submission(&[], &[])), "nothing_shown");
        assert_eq!(code(&c, &submission(&[], &["p0"])), "empty_ranking");
    }

    #[test]
    fn closed_consultations_take_no_responses() {
        let mut c = sample(3, true);
        c.status = Status::Closed;
        assert_eq!(
            code(&c, &submission(&["p0"], &["p0"])),
            "consultation_not_open"
        );
    }

    #[test]
    fn ballot_lists_shown_unranked_items_and_ignores_unshown_ones() {
        let c = sample(4, true);
        let r = submission(&["p2"], &["p0", "p2", "p3"])
            .validate(&c)
            .unwrap();
        let b = r.ballot(&c).unwrap();
        assert_eq!(b.ranking, vec![2]);
        assert_eq!(b.unranked, vec![0, 3]);
    }
}
