//! Co-creation: participants propose a priority or a goal conflict the consultation is
//! missing. Proposals go to moderation and are never shown unmoderated.

use serde::{Deserialize, Serialize};

use crate::text_input;
use crate::validation_error::ValidationError;

/// Most proposals one response may carry.
pub const MAX_PROPOSALS: usize = 3;
pub const MAX_PROPOSAL_TITLE_CHARS: usize = 120;
pub const MAX_PROPOSAL_REASON_CHARS: usize = 1000;

/// What is proposed.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    Priority,
    Conflict,
}

/// A proposal as sent.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalSubmission {
    pub kind: ProposalKind,
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 120)))]
    pub title: String,
    /// Why it matters (optional).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(max = 1000)))]
    pub reason: Option<String>,
}

/// A checked proposal: trimmed, NFC-normalised text.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidProposal {
    pub kind: ProposalKind,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

pub fn validate_proposals(
    proposals: &[ProposalSubmission],
) -> Result<Vec<ValidProposal>, ValidationError> {
    if proposals.len() > MAX_PROPOSALS {
        return Err(ValidationError::TooManyProposals { max: MAX_PROPOSALS });
    }
    proposals
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = i + 1;
            Ok(ValidProposal {
                kind: p.kind,
                title: text_input::required(&p.title, MAX_PROPOSAL_TITLE_CHARS)
                    .map_err(|e| ValidationError::text(format!("The title of proposal {n}"), e))?,
                reason: text_input::optional(p.reason.as_deref(), MAX_PROPOSAL_REASON_CHARS)
                    .map_err(|e| {
                        ValidationError::text(format!("The reason for proposal {n}"), e)
                    })?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposal(title: &str, reason: Option<&str>) -> ProposalSubmission {
        ProposalSubmission {
            kind: ProposalKind::Priority,
            title: title.into(),
            reason: reason.map(Into::into),
        }
    }

    #[test]
    fn proposals_need_a_title_and_are_limited() {
        let ok = validate_proposals(&[proposal(" Barrierefreiheit ", Some(" "))]).unwrap();
        assert_eq!(ok[0].title, "Barrierefreiheit");
        assert_eq!(ok[0].reason, None);
        let code = |p: &[ProposalSubmission]| validate_proposals(p).unwrap_err().code();
        assert_eq!(code(&[proposal("  ", None)]), "text_missing");
        assert_eq!(code(&[proposal(&"x".repeat(121), None)]), "text_too_long");
        assert_eq!(code(&vec![proposal("a", None); 4]), "too_many_proposals");
    }
}
