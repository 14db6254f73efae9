//! Indicators of an impact goal: what is measured, where it started, where it should be by
//! when, and the values measured on the way; and how far along the way the latest value is.

pub mod csv;
mod date_serde;
mod history;
mod progress;

use serde::{Deserialize, Serialize};

use crate::ids::IndicatorId;
use crate::locale::Date;
use crate::published::{localized, Fault, TextFault};
use crate::text::{Lang, LocalizedText};
use crate::Consultation;

pub use history::{replay, IndicatorChange, PublishedIndicator};
pub use progress::{Progress, ProgressState};

/// The most indicators one priority can carry.
pub const MAX_INDICATORS: usize = 10;
/// The most values one indicator can carry.
pub const MAX_VALUES: usize = 1000;
/// The largest magnitude of a value: beyond it, a value is a typing error.
pub const MAX_MAGNITUDE: f64 = 1e12;
const MAX_NAME: usize = 200;
const MAX_UNIT: usize = 40;
const MAX_SOURCE: usize = 500;

/// Which way is better.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

impl Direction {
    fn code(self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher_is_better",
            Direction::LowerIsBetter => "lower_is_better",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        [Direction::HigherIsBetter, Direction::LowerIsBetter]
            .into_iter()
            .find(|d| d.code() == code)
    }
}

/// A value measured on a day.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub value: f64,
    /// `YYYY-MM-DD`.
    #[serde(with = "date_serde")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub date: Date,
}

/// An indicator, checked.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: IndicatorId,
    pub name: LocalizedText,
    /// E.g. "%", "Tage"; empty when the value is a plain count.
    #[serde(default)]
    pub unit: LocalizedText,
    pub direction: Direction,
    pub baseline: Measurement,
    pub target: Measurement,
    /// Where the values come from.
    #[serde(default)]
    pub source: LocalizedText,
    /// Oldest first, one per day at most.
    pub values: Vec<Measurement>,
}

/// The indicators of one priority as staff send them
/// (`PUT …/priorities/{id}/indicators`); checked by [`IndicatorsSubmission::validate`].
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsSubmission {
    pub indicators: Vec<IndicatorSubmission>,
    /// The version this edit started from (`versions.{priority}` of the follow-up); if another
    /// was published since, nothing is saved (`409 changed_meanwhile`); `0` when nothing was
    /// published yet. Left out: no check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<i64>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSubmission {
    /// Lower-case letters, digits and '-'; unique within the priority.
    pub id: String,
    pub name: LocalizedText,
    #[serde(default)]
    pub unit: LocalizedText,
    /// `higher_is_better` or `lower_is_better`.
    pub direction: String,
    pub baseline: MeasurementSubmission,
    pub target: MeasurementSubmission,
    #[serde(default)]
    pub source: LocalizedText,
    #[serde(default)]
    pub values: Vec<MeasurementSubmission>,
}

/// A value with its date, as sent: both are needed.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasurementSubmission {
    #[serde(default)]
    pub value: Option<f64>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
}

/// Why indicators cannot be saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IndicatorError {
    #[error("a priority can carry at most {MAX_INDICATORS} indicators")]
    TooManyIndicators,
    #[error("an indicator can carry at most {MAX_VALUES} values")]
    TooManyValues,
    #[error("'{0}' is no indicator id: lower-case letters, digits and '-', at most 64")]
    InvalidId(String),
    #[error("the indicator id '{0}' is used twice")]
    DuplicateId(String),
    #[error("'{direction}' (indicator '{indicator}') is no direction; use higher_is_better or lower_is_better")]
    UnknownDirection {
        indicator: String,
        direction: String,
    },
    #[error("{field} of indicator '{indicator}' has a value but no date")]
    ValueWithoutDate { indicator: String, field: String },
    #[error("{field} of indicator '{indicator}' has a date but no value")]
    DateWithoutValue { indicator: String, field: String },
    #[error("{field} of indicator '{indicator}' is beyond ±1,000,000,000,000")]
    OutOfRange { indicator: String, field: String },
    #[error("{field} of indicator '{indicator}': '{date}' is no date (YYYY-MM-DD)")]
    InvalidDate {
        indicator: String,
        field: String,
        date: String,
    },
    #[error(
        "the target of indicator '{0}' is not better than its baseline in the direction given"
    )]
    TargetAgainstDirection(String),
    #[error("the target date of indicator '{0}' is not after its baseline date")]
    TargetBeforeBaseline(String),
    #[error("indicator '{indicator}' has two values on {date}")]
    DuplicateDate { indicator: String, date: String },
    #[error("indicator '{indicator}' has a value on {date}, before its baseline")]
    ValueBeforeBaseline { indicator: String, date: String },
    #[error("{field} has no text in '{lang}', a language of this consultation")]
    MissingLanguage { field: String, lang: Lang },
    #[error("{field} has text in '{lang}', which is no language of this consultation")]
    ExtraLanguage { field: String, lang: Lang },
    #[error("{field} is longer than {max} characters")]
    TooLong { field: String, max: usize },
    #[error("{field} contains control characters")]
    ControlCharacters { field: String },
}

impl IndicatorError {
    /// The API's error code.
    pub fn code(&self) -> &'static str {
        match self {
            IndicatorError::TooManyIndicators => "too_many_indicators",
            IndicatorError::TooManyValues => "too_many_values",
            IndicatorError::InvalidId(_) => "invalid_indicator_id",
            IndicatorError::DuplicateId(_) => "duplicate_indicator",
            IndicatorError::UnknownDirection { .. } => "unknown_direction",
            IndicatorError::ValueWithoutDate { .. } => "value_without_date",
            IndicatorError::DateWithoutValue { .. } => "date_without_value",
            IndicatorError::InvalidDate { .. } => "invalid_date",
            IndicatorError::OutOfRange { .. } => "value_out_of_range",
            IndicatorError::TargetAgainstDirection(_) => "target_against_direction",
            IndicatorError::TargetBeforeBaseline(_) => "target_before_baseline",
            IndicatorError::DuplicateDate { .. } => "duplicate_date",
            IndicatorError::ValueBeforeBaseline { .. } => "value_before_baseline",
            IndicatorError::MissingLanguage { .. } => "missing_language",
            IndicatorError::ExtraLanguage { .. } => "unknown_language",
            IndicatorError::TooLong { .. } => "text_too_long",
            IndicatorError::ControlCharacters { .. } => "invalid_text",
        }
    }
}

impl From<TextFault> for IndicatorError {
    fn from(f: TextFault) -> Self {
        let field = f.field;
        match f.problem {
            Fault::Missing(lang) => IndicatorError::MissingLanguage { field, lang },
            Fault::Extra(lang) => IndicatorError::ExtraLanguage { field, lang },
            Fault::TooLong(max) => IndicatorError::TooLong { field, max },
            Fault::Control => IndicatorError::ControlCharacters { field },
        }
    }
}

impl IndicatorsSubmission {
    /// Checks every indicator; texts in every language of `consultation`.
    pub fn validate(self, consultation: &Consultation) -> Result<Vec<Indicator>, IndicatorError> {
        if self.indicators.len() > MAX_INDICATORS {
            return Err(IndicatorError::TooManyIndicators);
        }
        let mut checked: Vec<Indicator> = Vec::with_capacity(self.indicators.len());
        for submitted in self.indicators {
            let indicator = submitted.validate(consultation)?;
            if checked.iter().any(|i| i.id == indicator.id) {
                return Err(IndicatorError::DuplicateId(indicator.id.to_string()));
            }
            checked.push(indicator);
        }
        Ok(checked)
    }
}

impl IndicatorSubmission {
    fn validate(self, consultation: &Consultation) -> Result<Indicator, IndicatorError> {
        let id =
            IndicatorId::parse(&self.id).map_err(|_| IndicatorError::InvalidId(self.id.clone()))?;
        if self.values.len() > MAX_VALUES {
            return Err(IndicatorError::TooManyValues);
        }
        let field = |what: &str| format!("the {what} of indicator '{id}'");
        let name = localized(&self.name, &field("name"), MAX_NAME, consultation)?;
        let unit = optional_text(&self.unit, &field("unit"), MAX_UNIT, consultation)?;
        let source = optional_text(&self.source, &field("source"), MAX_SOURCE, consultation)?;
        let direction =
            Direction::parse(&self.direction).ok_or_else(|| IndicatorError::UnknownDirection {
                indicator: id.to_string(),
                direction: self.direction.clone(),
            })?;
        let baseline = self.baseline.validate(&id, "the baseline")?;
        let target = self.target.validate(&id, "the target")?;
        let better = match direction {
            Direction::HigherIsBetter => target.value > baseline.value,
            Direction::LowerIsBetter => target.value < baseline.value,
        };
        if !better {
            return Err(IndicatorError::TargetAgainstDirection(id.to_string()));
        }
        if target.date <= baseline.date {
            return Err(IndicatorError::TargetBeforeBaseline(id.to_string()));
        }
        let mut values = self
            .values
            .iter()
            .enumerate()
            .map(|(n, v)| v.validate(&id, &format!("value {}", n + 1)))
            .collect::<Result<Vec<_>, _>>()?;
        values.sort_by_key(|v| v.date);
        if let Some(pair) = values.windows(2).find(|w| w[0].date == w[1].date) {
            return Err(IndicatorError::DuplicateDate {
                indicator: id.to_string(),
                date: pair[0].date.iso(),
            });
        }
        if let Some(early) = values.iter().find(|v| v.date < baseline.date) {
            return Err(IndicatorError::ValueBeforeBaseline {
                indicator: id.to_string(),
                date: early.date.iso(),
            });
        }
        Ok(Indicator {
            id,
            name,
            unit,
            direction,
            baseline,
            target,
            source,
            values,
        })
    }
}

impl MeasurementSubmission {
    fn validate(
        &self,
        indicator: &IndicatorId,
        field: &str,
    ) -> Result<Measurement, IndicatorError> {
        let indicator = indicator.to_string();
        let field = field.to_owned();
        match (self.value, self.date.as_deref()) {
            (Some(value), Some(_)) if !value.is_finite() || value.abs() > MAX_MAGNITUDE => {
                Err(IndicatorError::OutOfRange { indicator, field })
            }
            (Some(value), Some(date)) => match Date::parse_iso(date) {
                Some(date) => Ok(Measurement { value, date }),
                _ => Err(IndicatorError::InvalidDate {
                    indicator,
                    field,
                    date: date.to_owned(),
                }),
            },
            (_, None) => Err(IndicatorError::ValueWithoutDate { indicator, field }),
            (None, Some(_)) => Err(IndicatorError::DateWithoutValue { indicator, field }),
        }
    }
}

/// Like [`localized`] for a text that may be left out entirely.
fn optional_text(
    text: &LocalizedText,
    field: &str,
    max: usize,
    consultation: &Consultation,
) -> Result<LocalizedText, TextFault> {
    if text.languages().all(|lang| !text.has(lang)) {
        return Ok(LocalizedText::default());
    }
    localized(text, field, max, consultation)
}

#[cfg(test)]
mod tests;
