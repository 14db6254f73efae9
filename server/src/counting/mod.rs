//! Counting stored submissions into the tallies, from the change log or from the tables.

pub mod sync;
pub mod tally_saver;
pub mod timeline;

use mitreden_core::{Consultation, StatementTally, Tally, ValidResponse, ValidStatement};

use crate::storage::changes::{Change, ChangeKind};
use crate::storage::StorageError;

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
            Decoded::Response(add, r) => count_response(consultation, tally, r, *add),
            Decoded::Statement(true, s) => statements.add(s, consultation),
            Decoded::Statement(false, s) => statements.remove(s, consultation),
        }
    }
}

/// Adds (or, withdrawn, takes out) a response's ballot.
pub fn count_response(
    consultation: &Consultation,
    tally: &mut Tally,
    response: &ValidResponse,
    add: bool,
) {
    if let Some(ballot) = response.ballot(consultation) {
        if add {
            tally.add(&ballot);
        } else {
            tally.remove(&ballot);
        }
    }
}

/// A full count of `responses` from scratch.
pub fn recount(consultation: &Consultation, responses: &[ValidResponse]) -> Tally {
    let mut tally = Tally::for_consultation(consultation);
    for r in responses {
        count_response(consultation, &mut tally, r, true);
    }
    tally
}
