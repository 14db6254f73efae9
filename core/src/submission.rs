//! A participant's submission: what arrives over the wire, and the checks that turn it into a
//! [`ValidResponse`].
//!
//! The wire type keeps plain strings so that every mistake gets its own error with a stable
//! [`ValidationError::code`], instead of a generic decoding failure.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::ballot::{Ballot, Mark, UNRANKED, UNSHOWN};
use crate::consultation::{Consultation, Status};
use crate::ids::{ConflictId, GroupId, PriorityId, ResponseId};
use crate::proposal::{validate_proposals, ProposalSubmission, ValidProposal};
use crate::text::Lang;
use crate::text_input;
// Defined apart so that the checks of proposals, statements and responses can share it.
pub use crate::validation_error::ValidationError;

/// A response as sent by a client (`POST /api/v1/consultations/{slug}/responses`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseSubmission {
    /// A UUID made by the client; sending the same submission again is harmless.
    #[cfg_attr(feature = "schema", schemars(with = "crate::ids::ResponseId"))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(with = "crate::ids::GroupId"))]
    pub group: String,
    /// Priority ids, most important first. May leave shown priorities out if the consultation
    /// allows partial rankings.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Vec<crate::ids::PriorityId>", length(max = 200))
    )]
    pub ranking: Vec<String>,
    /// The priority ids the participant was shown.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Vec<crate::ids::PriorityId>", length(min = 1, max = 200))
    )]
    pub shown: Vec<String>,
    #[cfg_attr(feature = "schema", schemars(with = "Lang"))]
    pub lang: String,
    /// Positions on the consultation's goal conflicts (any, all or none of them).
    #[serde(default)]
    pub positions: Vec<PositionSubmission>,
    /// Missing priorities or conflicts the participant proposes; they go to moderation.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(max = 3)))]
    pub proposals: Vec<ProposalSubmission>,
    /// A honeypot: the widget has a field people never see; only programs that fill in every
    /// field send something here, and such a submission is refused. Leave it out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = 0)))]
    pub website: String,
}

/// Where a participant stands on one goal conflict, as sent.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PositionSubmission {
    #[cfg_attr(feature = "schema", schemars(with = "crate::ids::ConflictId"))]
    pub conflict: String,
    /// From `-k` (fully the left goal) through `0` (balanced) to `k` (fully the right goal),
    /// where the scale has `2k + 1` steps (5 or 7); `null` means "no view".
    #[cfg_attr(feature = "schema", schemars(range(min = -3, max = 3)))]
    pub position: Option<i64>,
    /// Why, in the participant's words (optional), at most 1,000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(max = 1000)))]
    pub comment: Option<String>,
}

/// Longest comment accepted, in characters.
pub const MAX_COMMENT_CHARS: usize = 1000;

/// The server's answer to an accepted submission.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub id: String,
    /// Keep this code to view or withdraw the response later.
    pub receipt: String,
}

/// A submission that passed every check against its consultation.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidResponse {
    pub id: ResponseId,
    pub group: GroupId,
    pub ranking: Vec<PriorityId>,
    /// In the consultation's definition order, so equal submissions compare equal.
    pub shown: Vec<PriorityId>,
    pub lang: Lang,
    /// In the consultation's conflict order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<ValidPosition>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<ValidProposal>,
}

/// A checked position on a goal conflict.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidPosition {
    pub conflict: ConflictId,
    /// `-k..=k`; `None` = no view.
    pub position: Option<i8>,
    /// Trimmed, NFC-normalised, never empty as sent. Once the consultation's retention period
    /// has passed the text is removed and an empty comment remains, so that the number of
    /// comments in the results stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Refuses a submission whose honeypot field was filled in.
pub(crate) fn honeypot(website: &str) -> Result<(), ValidationError> {
    if website.trim().is_empty() {
        Ok(())
    } else {
        Err(ValidationError::HoneypotFilled)
    }
}

impl ResponseSubmission {
    /// Checks the submission against `consultation`.
    pub fn validate(&self, consultation: &Consultation) -> Result<ValidResponse, ValidationError> {
        if consultation.status != Status::Open {
            return Err(ValidationError::ConsultationNotOpen);
        }
        honeypot(&self.website)?;
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
            positions: validate_positions(&self.positions, consultation)?,
            proposals: validate_proposals(&self.proposals)?,
        })
    }
}

/// Checks positions on goal conflicts (used for responses and organisation statements).
pub fn validate_positions(
    positions: &[PositionSubmission],
    consultation: &Consultation,
) -> Result<Vec<ValidPosition>, ValidationError> {
    let max = i64::from(consultation.settings.conflict_scale / 2);
    let mut valid: Vec<(usize, ValidPosition)> = Vec::with_capacity(positions.len());
    for p in positions {
        let index = consultation
            .conflict_index(&p.conflict)
            .ok_or_else(|| ValidationError::UnknownConflict(p.conflict.clone()))?;
        if valid.iter().any(|(i, _)| *i == index) {
            return Err(ValidationError::DuplicateConflict(p.conflict.clone()));
        }
        let position = match p.position {
            None => None,
            Some(v) if (-max..=max).contains(&v) => Some(v as i8),
            Some(_) => {
                return Err(ValidationError::PositionOutOfRange {
                    conflict: p.conflict.clone(),
                    max,
                })
            }
        };
        let comment = text_input::optional(p.comment.as_deref(), MAX_COMMENT_CHARS)
            .map_err(|e| ValidationError::text(format!("The comment on '{}'", p.conflict), e))?;
        let conflict = consultation.conflicts[index].id.clone();
        valid.push((
            index,
            ValidPosition {
                conflict,
                position,
                comment,
            },
        ));
    }
    Ok(in_index_order(valid, consultation.conflicts.len()))
}

/// Items given with distinct indices below `n`, in the order of their indices. (Slots rather
/// than a sort: the widget runs this too, and its module does without a sort routine.)
pub(crate) fn in_index_order<T>(items: Vec<(usize, T)>, n: usize) -> Vec<T> {
    let mut slots: Vec<Option<T>> = (0..n).map(|_| None).collect();
    for (i, item) in items {
        slots[i] = Some(item);
    }
    slots.into_iter().flatten().collect()
}

impl ValidResponse {
    /// The ballot of this response, or `None` if it refers to a group, priority or conflict the
    /// consultation no longer has.
    pub fn ballot(&self, consultation: &Consultation) -> Option<Ballot> {
        let group = consultation.group_index(self.group.as_str())?;
        let mut ranks = vec![UNSHOWN; consultation.priorities.len()];
        for p in &self.shown {
            ranks[consultation.priority_index(p.as_str())?] = UNRANKED;
        }
        for (place, p) in self.ranking.iter().enumerate() {
            ranks[consultation.priority_index(p.as_str())?] = place as u8;
        }
        let half = i16::from(consultation.settings.conflict_scale / 2);
        let marks = self
            .positions
            .iter()
            .map(|p| {
                Some(Mark {
                    conflict: consultation.conflict_index(p.conflict.as_str())?,
                    step: p.position.map(|v| (i16::from(v) + half) as u8),
                    commented: p.comment.is_some(),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Ballot {
            group,
            ranks,
            marks,
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
            positions: vec![],
            proposals: vec![],
            website: String::new(),
        }
    }

    #[test]
    fn a_filled_honeypot_is_refused_and_whitespace_is_not_filled() {
        let c = sample(3, true);
        let mut s = submission(&["p0"], &["p0", "p1"]);
        s.website = " \t".into();
        assert!(s.validate(&c).is_ok());
        s.website = "https://spam.example".into();
        assert_eq!(s.validate(&c), Err(ValidationError::HoneypotFilled));
        assert_eq!(ValidationError::HoneypotFilled.code(), "honeypot_filled");
    }

    fn position(
        conflict: &str,
        position: Option<i64>,
        comment: Option<&str>,
    ) -> PositionSubmission {
        PositionSubmission {
            conflict: conflict.into(),
            position,
            comment: comment.map(Into::into),
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
        assert_eq!(b.ranks, vec![UNRANKED, UNSHOWN, 0, UNRANKED]);
    }

    #[test]
    fn positions_are_checked_normalised_and_put_in_conflict_order() {
        let c = sample(3, true);
        let mut s = submission(&["p0"], &["p0"]);
        s.positions = vec![
            position("c1", None, Some("  Cafe\u{301} au lait \n")),
            position("c0", Some(-2), Some("   ")),
        ];
        let r = s.validate(&c).unwrap();
        assert_eq!(r.positions[0].conflict.as_str(), "c0");
        assert_eq!(r.positions[0].comment, None);
        assert_eq!(r.positions[1].position, None);
        #[cfg(feature = "normalize")]
        assert_eq!(r.positions[1].comment.as_deref(), Some("Caf\u{e9} au lait"));
        let b = r.ballot(&c).unwrap();
        assert_eq!(b.marks[0].step, Some(0));
        assert!(b.marks[1].commented);
    }

    #[test]
    fn bad_positions_get_their_own_codes() {
        let c = sample(3, true);
        let with = |positions: Vec<PositionSubmission>| {
            let mut s = submission(&["p0"], &["p0"]);
            s.positions = positions;
            code(&c, &s)
        };
        assert_eq!(
            with(vec![position("c9", Some(0), None)]),
            "unknown_conflict"
        );
        assert_eq!(
            with(vec![
                position("c0", Some(0), None),
                position("c0", Some(1), None)
            ]),
            "duplicate_conflict"
        );
        assert_eq!(
            with(vec![position("c0", Some(3), None)]),
            "position_out_of_range"
        );
        let long = "x".repeat(MAX_COMMENT_CHARS + 1);
        assert_eq!(
            with(vec![position("c0", None, Some(&long))]),
            "text_too_long"
        );
        assert_eq!(
            with(vec![position("c0", None, Some("bell\u{7}"))]),
            "text_invalid_characters"
        );
    }
}
