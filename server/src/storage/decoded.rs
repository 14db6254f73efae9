//! A change read back from the change log, decoded, and counted into a tally.

use mitreden_core::{Consultation, StatementTally, Tally, ValidResponse, ValidStatement};

use super::changes::{Change, ChangeKind};
use super::StorageError;

/// A logged change, decoded.
pub enum Decoded {
    /// A response counted (`true`) or withdrawn.
    Response(bool, ValidResponse),
    /// A statement counted (`true`) or withdrawn.
    Statement(bool, ValidStatement),
}

impl Decoded {
    /// Decodes a logged change; `None` for a change of the definition, which is not counted
    /// but makes everything be counted afresh.
    pub fn decode(change: &Change) -> Result<Option<Self>, StorageError> {
        Ok(Some(match change.kind {
            ChangeKind::Count | ChangeKind::Uncount => Decoded::Response(
                change.kind == ChangeKind::Count,
                serde_json::from_str(&change.body)?,
            ),
            ChangeKind::CountStatement | ChangeKind::UncountStatement => Decoded::Statement(
                change.kind == ChangeKind::CountStatement,
                serde_json::from_str(&change.body)?,
            ),
            ChangeKind::Definition => return Ok(None),
        }))
    }

    /// Counts the change into `tally` (a response) or `statements` (a statement).
    pub fn apply(
        &self,
        consultation: &Consultation,
        tally: &mut Tally,
        statements: &mut StatementTally,
    ) {
        match self {
            Decoded::Response(add, r) => tally.count(consultation, r, *add),
            Decoded::Statement(true, s) => statements.add(s, consultation),
            Decoded::Statement(false, s) => statements.remove(s, consultation),
        }
    }
}
