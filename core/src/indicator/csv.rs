//! Measured values imported from a spreadsheet: a CSV file with the columns `priority`,
//! `indicator`, `date` and `value`, separated by commas, or by semicolons as German
//! spreadsheets write them (then "1.062,5" is a number too). Dates as `YYYY-MM-DD` or
//! `DD.MM.YYYY`; a trailing `%` is ignored. A value on a day that already has one replaces it
//! (a correction, which the history shows).

use std::collections::BTreeMap;

use super::{Indicator, Measurement, MAX_MAGNITUDE, MAX_VALUES};
use crate::ids::PriorityId;
use crate::locale::Date;

/// The most rows one import may have.
pub const MAX_ROWS: usize = 10_000;

const COLUMNS: [&str; 4] = ["priority", "indicator", "date", "value"];

/// A value read from one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub priority: String,
    pub indicator: String,
    pub measurement: Measurement,
}

/// What is wrong, and on which line (1 is the header).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct CsvError {
    pub line: usize,
    pub problem: CsvProblem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvProblem {
    #[error("the first line must name the columns priority, indicator, date and value")]
    Header,
    #[error("expected 4 fields, found {0}")]
    Fields(usize),
    #[error("a quoted field is not closed")]
    Quote,
    #[error("at most {MAX_ROWS} rows can be imported at once")]
    TooManyRows,
    #[error("'{0}' is no date (YYYY-MM-DD or DD.MM.YYYY)")]
    Date(String),
    #[error("'{0}' is no number")]
    Number(String),
    #[error("'{0}' is beyond ±1,000,000,000,000")]
    OutOfRange(String),
    #[error("'{0}' is no priority of this consultation")]
    UnknownPriority(String),
    #[error("priority '{priority}' has no indicator '{indicator}'")]
    UnknownIndicator { priority: String, indicator: String },
    #[error("a second value for '{indicator}' on {date}")]
    DuplicateDate { indicator: String, date: String },
    #[error("{date} is before the baseline of '{indicator}'")]
    BeforeBaseline { indicator: String, date: String },
    #[error("'{0}' would have more than {MAX_VALUES} values")]
    TooManyValues(String),
}

impl CsvError {
    /// The API's error code.
    pub fn code(&self) -> &'static str {
        match self.problem {
            CsvProblem::Header | CsvProblem::Fields(_) | CsvProblem::Quote => "invalid_csv",
            CsvProblem::TooManyRows => "too_many_rows",
            CsvProblem::Date(_) => "invalid_date",
            CsvProblem::Number(_) => "invalid_number",
            CsvProblem::OutOfRange(_) => "value_out_of_range",
            CsvProblem::UnknownPriority(_) => "unknown_priority",
            CsvProblem::UnknownIndicator { .. } => "unknown_indicator",
            CsvProblem::DuplicateDate { .. } => "duplicate_date",
            CsvProblem::BeforeBaseline { .. } => "value_before_baseline",
            CsvProblem::TooManyValues(_) => "too_many_values",
        }
    }
}

/// Reads every row of `text`.
pub fn parse(text: &str) -> Result<Vec<Row>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty());
    let header_error = CsvError {
        line: 1,
        problem: CsvProblem::Header,
    };
    let (_, header) = lines.next().ok_or(header_error.clone())?;
    let separator = if header.contains(';') { ';' } else { ',' };
    let names = fields(header, separator).map_err(|problem| CsvError { line: 1, problem })?;
    let names: Vec<String> = names.iter().map(|n| n.trim().to_lowercase()).collect();
    let order: Vec<usize> = COLUMNS
        .iter()
        .map(|c| names.iter().position(|n| n == c))
        .collect::<Option<_>>()
        .filter(|_| names.len() == COLUMNS.len())
        .ok_or(header_error)?;
    let mut rows = Vec::new();
    for (line, text) in lines {
        if rows.len() == MAX_ROWS {
            return Err(CsvError {
                line,
                problem: CsvProblem::TooManyRows,
            });
        }
        let fault = |problem| CsvError { line, problem };
        let raw = fields(text, separator).map_err(fault)?;
        // Spreadsheets write rows of empty cells ("";;;") below the data.
        if raw.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if raw.len() != COLUMNS.len() {
            return Err(fault(CsvProblem::Fields(raw.len())));
        }
        let field = |column: usize| raw[order[column]].trim();
        let date = date(field(2)).ok_or_else(|| fault(CsvProblem::Date(field(2).into())))?;
        let value = number(field(3), separator)
            .ok_or_else(|| fault(CsvProblem::Number(field(3).into())))?;
        if value.abs() > MAX_MAGNITUDE {
            return Err(fault(CsvProblem::OutOfRange(field(3).into())));
        }
        rows.push(Row {
            line,
            priority: field(0).to_owned(),
            indicator: field(1).to_owned(),
            measurement: Measurement { value, date },
        });
    }
    Ok(rows)
}

/// Puts every row's value into `indicators` (per priority); the priorities changed, in order.
/// On an error nothing is to be saved.
pub fn merge(
    indicators: &mut BTreeMap<PriorityId, Vec<Indicator>>,
    rows: &[Row],
) -> Result<Vec<PriorityId>, CsvError> {
    let mut seen = std::collections::HashSet::new();
    let mut changed = Vec::new();
    for row in rows {
        let fault = |problem| CsvError {
            line: row.line,
            problem,
        };
        let (priority, list) = indicators
            .iter_mut()
            .find(|(id, _)| id.as_str() == row.priority)
            .ok_or_else(|| fault(CsvProblem::UnknownPriority(row.priority.clone())))?;
        let indicator = list
            .iter_mut()
            .find(|i| i.id.as_str() == row.indicator)
            .ok_or_else(|| {
                fault(CsvProblem::UnknownIndicator {
                    priority: row.priority.clone(),
                    indicator: row.indicator.clone(),
                })
            })?;
        let date = row.measurement.date;
        if !seen.insert((priority.clone(), indicator.id.clone(), date)) {
            return Err(fault(CsvProblem::DuplicateDate {
                indicator: row.indicator.clone(),
                date: date.iso(),
            }));
        }
        if date < indicator.baseline.date {
            return Err(fault(CsvProblem::BeforeBaseline {
                indicator: row.indicator.clone(),
                date: date.iso(),
            }));
        }
        match indicator.values.binary_search_by_key(&date, |v| v.date) {
            Ok(at) => indicator.values[at] = row.measurement,
            Err(_) if indicator.values.len() == MAX_VALUES => {
                return Err(fault(CsvProblem::TooManyValues(row.indicator.clone())))
            }
            Err(at) => indicator.values.insert(at, row.measurement),
        }
        if !changed.contains(priority) {
            changed.push(priority.clone());
        }
    }
    Ok(changed)
}

/// A date as `YYYY-MM-DD`, or as German spreadsheets write it, `DD.MM.YYYY`.
fn date(text: &str) -> Option<Date> {
    Date::parse_iso(text).or_else(|| {
        let mut parts = text.splitn(3, '.');
        let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
        (year.len() == 4).then_some(())?;
        Date::parse_iso(&format!("{year}-{month:0>2}-{day:0>2}"))
    })
}

/// A number as spreadsheets write it: "1234.5", and with semicolons, as German spreadsheets
/// save, "1.234,5"; a trailing "%" is left off.
fn number(text: &str, separator: char) -> Option<f64> {
    let text = text
        .trim_end_matches(['%', ' ', '\u{a0}', '\u{202f}'])
        .trim();
    let text = if separator == ';' {
        text.replace(['.', ' ', '\u{a0}', '\u{202f}'], "")
            .replace(',', ".")
    } else {
        text.to_owned()
    };
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The fields of one line; a field in double quotes may hold the separator, `""` is a quote.
fn fields(line: &str, separator: char) -> Result<Vec<String>, CsvProblem> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("never empty");
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            c if c == separator && !quoted => fields.push(String::new()),
            c => field.push(c),
        }
    }
    if quoted {
        return Err(CsvProblem::Quote);
    }
    Ok(fields)
}
