//! What became of a consultation's input: the outcome staff publish (a summary, and per
//! priority, goal conflict and decided proposal a status with a response), kept as a history of
//! published versions so that nothing is silently rewritten.

mod follow_up;
mod history;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::text::{Lang, LocalizedText};
use crate::Consultation;

pub use follow_up::{FeedChange, FollowUp, LicenceInfo, OUTCOME_KEY};
pub use history::{Change, PublishedItem, PublishedOutcome};
// Kept under these names here too: they came from here.
pub(crate) use crate::published::{localized, Fault, TextFault};
pub use crate::published::{Dated, Timestamp, Version};

/// The longest summary, in characters.
pub const MAX_SUMMARY: usize = 5000;
/// The longest response to one item, in characters.
pub const MAX_RESPONSE: usize = 2000;

/// What became of one priority, conflict or proposal.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Not decided yet.
    Open,
    /// Taken up: it will be pursued.
    Adopted,
    /// Work on it has begun.
    InProgress,
    /// Done.
    Done,
    /// Decided against, with the reason in the response.
    NotPursued,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 5] = [
        ItemStatus::Open,
        ItemStatus::Adopted,
        ItemStatus::InProgress,
        ItemStatus::Done,
        ItemStatus::NotPursued,
    ];

    /// The status as the API writes it.
    pub fn code(self) -> &'static str {
        match self {
            ItemStatus::Open => "open",
            ItemStatus::Adopted => "adopted",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::Done => "done",
            ItemStatus::NotPursued => "not_pursued",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The status as people read it, the same in the widget, the dashboard and on the page.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ItemStatus::Open, Lang::De) => "Noch offen",
            (ItemStatus::Open, Lang::En) => "Still open",
            (ItemStatus::Adopted, Lang::De) => "Aufgegriffen",
            (ItemStatus::Adopted, Lang::En) => "Taken up",
            (ItemStatus::InProgress, Lang::De) => "In Umsetzung",
            (ItemStatus::InProgress, Lang::En) => "In progress",
            (ItemStatus::Done, Lang::De) => "Umgesetzt",
            (ItemStatus::Done, Lang::En) => "Done",
            (ItemStatus::NotPursued, Lang::De) => "Nicht weiterverfolgt",
            (ItemStatus::NotPursued, Lang::En) => "Not pursued",
        }
    }
}

/// What an outcome item is about.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Priority,
    Conflict,
    /// A participant's proposal staff approved or rejected; its id is `proposal-{number}`.
    Proposal,
}

/// The id of a proposal as an outcome item.
pub fn proposal_item(id: i64) -> String {
    format!("proposal-{id}")
}

/// The outcome as staff send it (`PUT …/outcome`): checked by [`OutcomeSubmission::validate`].
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeSubmission {
    pub summary: LocalizedText,
    /// Keyed by priority id, conflict id or `proposal-{number}`.
    #[serde(default)]
    pub items: BTreeMap<String, ItemSubmission>,
    /// The version this edit started from (`versions.outcome` of the follow-up); if another was
    /// published since, nothing is saved (`409 changed_meanwhile`); `0` when nothing was
    /// published yet. Left out: no check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<i64>,
}

/// One item as staff send it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSubmission {
    /// `open`, `adopted`, `in_progress`, `done` or `not_pursued`.
    pub status: String,
    /// In every language of the consultation.
    pub response: LocalizedText,
}

/// A published outcome, checked against its consultation.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub summary: LocalizedText,
    pub items: BTreeMap<String, OutcomeItem>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeItem {
    pub kind: ItemKind,
    pub status: ItemStatus,
    pub response: LocalizedText,
}

/// Why an outcome cannot be published.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutcomeError {
    #[error("'{0}' is no priority, goal conflict or decided proposal of this consultation")]
    UnknownItem(String),
    #[error("'{status}' (item '{item}') is no status; use open, adopted, in_progress, done or not_pursued")]
    UnknownStatus { item: String, status: String },
    #[error("{field} has no text in '{lang}', a language of this consultation")]
    MissingLanguage { field: String, lang: Lang },
    #[error("{field} has text in '{lang}', which is no language of this consultation")]
    ExtraLanguage { field: String, lang: Lang },
    #[error("{field} is longer than {max} characters")]
    TooLong { field: String, max: usize },
    #[error("{field} contains control characters")]
    ControlCharacters { field: String },
}

impl OutcomeError {
    /// The API's error code.
    pub fn code(&self) -> &'static str {
        match self {
            OutcomeError::UnknownItem(_) => "unknown_item",
            OutcomeError::UnknownStatus { .. } => "unknown_status",
            OutcomeError::MissingLanguage { .. } => "missing_language",
            OutcomeError::ExtraLanguage { .. } => "unknown_language",
            OutcomeError::TooLong { .. } => "text_too_long",
            OutcomeError::ControlCharacters { .. } => "invalid_text",
        }
    }
}

impl OutcomeSubmission {
    /// Checks every item against `consultation` and the proposals staff decided
    /// (`decided_proposals`, their numbers), and every text in every language of it.
    pub fn validate(
        self,
        consultation: &Consultation,
        decided_proposals: &[i64],
    ) -> Result<Outcome, OutcomeError> {
        let summary = localized(&self.summary, "summary", MAX_SUMMARY, consultation)?;
        let mut items = BTreeMap::new();
        for (id, item) in self.items {
            let kind = item_kind(&id, consultation, decided_proposals)
                .ok_or_else(|| OutcomeError::UnknownItem(id.clone()))?;
            let status =
                ItemStatus::parse(&item.status).ok_or_else(|| OutcomeError::UnknownStatus {
                    item: id.clone(),
                    status: item.status.clone(),
                })?;
            let field = format!("the response to '{id}'");
            let response = localized(&item.response, &field, MAX_RESPONSE, consultation)?;
            items.insert(
                id,
                OutcomeItem {
                    kind,
                    status,
                    response,
                },
            );
        }
        Ok(Outcome { summary, items })
    }
}

/// What `id` names in `consultation`, if anything an outcome can speak of.
pub fn item_kind(id: &str, consultation: &Consultation, decided: &[i64]) -> Option<ItemKind> {
    if consultation.priorities.iter().any(|p| p.id.as_str() == id) {
        return Some(ItemKind::Priority);
    }
    if consultation.conflicts.iter().any(|c| c.id.as_str() == id) {
        return Some(ItemKind::Conflict);
    }
    let number = id.strip_prefix("proposal-")?;
    // `proposal-007` is not proposal 7: only the canonical spelling names it.
    let n: i64 = number.parse().ok()?;
    (proposal_item(n) == id && decided.contains(&n)).then_some(ItemKind::Proposal)
}

impl From<TextFault> for OutcomeError {
    fn from(f: TextFault) -> Self {
        let field = f.field;
        match f.problem {
            Fault::Missing(lang) => OutcomeError::MissingLanguage { field, lang },
            Fault::Extra(lang) => OutcomeError::ExtraLanguage { field, lang },
            Fault::TooLong(max) => OutcomeError::TooLong { field, max },
            Fault::Control => OutcomeError::ControlCharacters { field },
        }
    }
}

#[cfg(test)]
mod tests;
