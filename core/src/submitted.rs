//! What a receipt leads to, whichever kind it was given for: the answer of
//! `GET …/submissions/mine`. A receipt does not say whether it belongs to a person's response or
//! to an organisation's statement; asking for it once gives either, tagged with its kind
//! (`{"response": {…}}` or `{"statement": {…}}`).

use serde::{Deserialize, Serialize};

use crate::statement::ValidStatement;
use crate::submission::ValidResponse;

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Submitted {
    Response(ValidResponse),
    Statement(ValidStatement),
}

impl Submitted {
    /// Whether an organisation handed it in.
    pub fn is_statement(&self) -> bool {
        matches!(self, Self::Statement(_))
    }
}
