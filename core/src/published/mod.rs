//! What staff publish is kept as numbered versions, each with its time: the outcome and the
//! indicators alike. The pieces both build on: [`Timestamp`], [`Version`], [`Dated`], and the
//! check of a published text in every language of its consultation.

mod timestamp;

use serde::{Deserialize, Serialize};

use crate::text::{Lang, LocalizedText};
use crate::text_input::{self, TextProblem};
use crate::Consultation;

pub use timestamp::Timestamp;

/// One published version of something, as stored: versions count up across a server.
#[derive(Debug, Clone, PartialEq)]
pub struct Version<T> {
    pub number: i64,
    pub at: Timestamp,
    pub value: T,
}

/// A change with when it was published and in which version.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dated<C> {
    pub at: Timestamp,
    pub version: i64,
    #[serde(flatten)]
    pub change: C,
}

/// `text` cleaned, with a text in every language of `consultation` and in no other.
pub(crate) fn localized(
    text: &LocalizedText,
    field: &str,
    max: usize,
    consultation: &Consultation,
) -> Result<LocalizedText, TextFault> {
    let fault = |problem| TextFault {
        field: field.to_owned(),
        problem,
    };
    if let Some(lang) = text
        .languages()
        .find(|lang| !consultation.languages.contains(lang))
    {
        return Err(fault(Fault::Extra(lang)));
    }
    let mut clean = LocalizedText::default();
    for &lang in &consultation.languages {
        let cleaned = text_input::required(text.get_exact(lang), max).map_err(|p| {
            fault(match p {
                TextProblem::Missing => Fault::Missing(lang),
                TextProblem::TooLong { max } => Fault::TooLong(max),
                TextProblem::ControlCharacters => Fault::Control,
            })
        })?;
        clean.set(lang, cleaned);
    }
    Ok(clean)
}

/// A text that is missing, too long or unclean, in the field named.
pub(crate) struct TextFault {
    pub field: String,
    pub problem: Fault,
}

pub(crate) enum Fault {
    Missing(Lang),
    Extra(Lang),
    TooLong(usize),
    Control,
}
