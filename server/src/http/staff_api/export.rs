//! Exports of a consultation: CSV (one row per response) for spreadsheets, JSON for everything.
//!
//! CSV columns: `id`, `submitted_at` (UTC, ISO 8601), `group`, `lang`, `ranking` (priority ids,
//! best first, joined by ` > `), then per priority `rank:<id>` (its place, empty if unranked or
//! not shown), then per conflict `position:<id>` (from `-k` to `k`, `no_view`, or empty) and
//! `comment:<id>`. UTF-8 with a byte order mark, so spreadsheet programs read umlauts right.
//! The separator is the comma; fields with a comma, semicolon, quote or line break are quoted.
//! Free text never lets a cell begin with a formula character, whether a spreadsheet splits
//! the line on commas or on semicolons (the German default), see [`defuse`]. The `id` is the
//! response's public id, never the id the participant's device made.
//!
//! Both are sent as they are read, a page of responses at a time, so an export of a million
//! responses never holds them all in memory. Should reading fail halfway, the download breaks
//! off (no end of the chunked body) instead of ending short but looking complete.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::IntoResponse;
use futures_util::stream::{self, Stream, StreamExt};
use mitreden_core::{Consultation, ValidResponse};
use serde_json::json;

use super::any;
use crate::error::AppError;
use crate::guard::auth::Staff;
use crate::http::json::ApiPath;
use crate::staff::Role;
use crate::state::AppState;
use crate::storage::{Exported, PageEnd, StorageError};

/// Responses read and sent at a time.
const PAGE: u32 = 1000;

/// Where reading the responses stands.
struct Cursor {
    after: Option<PageEnd>,
    first: bool,
    done: bool,
}

/// The stored responses of `slug` in the order they arrived, rendered a page at a time by
/// `render` (which is told whether any response came before the page).
fn pages<R>(
    state: AppState,
    slug: String,
    render: R,
) -> impl Stream<Item = Result<String, StorageError>> + Send
where
    R: Fn(&[Exported<ValidResponse>], bool) -> Result<String, StorageError> + Send + Sync + 'static,
{
    let render = Arc::new(render);
    let start = Cursor {
        after: None,
        first: true,
        done: false,
    };
    stream::try_unfold(start, move |cursor| {
        let (state, slug, render) = (state.clone(), slug.clone(), render.clone());
        async move {
            if cursor.done {
                return Ok(None);
            }
            let (page, end) = state
                .db
                .responses_page(&slug, cursor.after.as_ref(), PAGE)
                .await?;
            let text = render(&page, cursor.first)?;
            let next = Cursor {
                first: cursor.first && page.is_empty(),
                done: end.is_none(),
                after: end,
            };
            Ok(Some((text, next)))
        }
    })
}

/// A download of `body`, sent as it is made, named `filename`.
fn download(
    content_type: &'static str,
    filename: String,
    body: impl Stream<Item = Result<String, StorageError>> + Send + 'static,
) -> impl IntoResponse {
    let body = body.inspect(|part| {
        if let Err(e) = part {
            tracing::error!(error = %e, "an export broke off");
        }
    });
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        Body::from_stream(body),
    )
}

pub async fn csv(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<impl IntoResponse, AppError> {
    staff.require(Role::Moderator)?;
    let live = any(&state, &slug)?;
    let header = csv_header(&live.consultation);
    let rows = pages(state, slug.clone(), move |page, _| {
        Ok(csv_rows(&live.consultation, page))
    });
    let body = stream::once(async { Ok(header) }).chain(rows);
    Ok(download(
        "text/csv; charset=utf-8",
        format!("{slug}-responses.csv"),
        body,
    ))
}

/// Everything about a consultation as one JSON object: `consultation`, `organisations`,
/// `results`, `follow_up` (outcome with its history, indicators, round comparison, licence),
/// `statements`, and `responses` (each with `submitted_at`), the last sent as read.
pub async fn json(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<impl IntoResponse, AppError> {
    staff.require(Role::Moderator)?;
    let live = any(&state, &slug)?;
    let statements = state
        .db
        .statements(&slug)
        .await?
        .iter()
        .map(|s| s.to_json())
        .collect::<Result<Vec<_>, _>>()
        .map_err(StorageError::from)?;
    let follow_up = crate::http::progress::staff(&state, &live).await?;
    let head = format!(
        "{{\"consultation\":{},\"organisations\":{},\"results\":{},\"follow_up\":{},\"statements\":{},\"responses\":[",
        serde_json::to_string(&live.consultation).map_err(StorageError::from)?,
        serde_json::to_string(&live.statement_summary()).map_err(StorageError::from)?,
        serde_json::to_string(&*live.clone().results().await).map_err(StorageError::from)?,
        serde_json::to_string(&follow_up).map_err(StorageError::from)?,
        serde_json::to_string(&statements).map_err(StorageError::from)?,
    );
    let responses = pages(state, slug.clone(), |page, first| {
        let mut out = String::new();
        for (i, r) in page.iter().enumerate() {
            if i > 0 || !first {
                out.push(',');
            }
            let line = json!({ "submitted_at": iso8601(r.at), "response": r.to_json()? });
            out.push_str(&serde_json::to_string(&line)?);
        }
        Ok(out)
    });
    let body = stream::once(async { Ok(head) })
        .chain(responses)
        .chain(stream::once(async { Ok("]}".to_owned()) }));
    Ok(download(
        "application/json",
        format!("{slug}-export.json"),
        body,
    ))
}

/// The CSV document's start: the byte order mark and the header row.
pub fn csv_header(consultation: &Consultation) -> String {
    let mut header = vec![
        "id".to_owned(),
        "submitted_at".to_owned(),
        "group".to_owned(),
        "lang".to_owned(),
        "ranking".to_owned(),
    ];
    header.extend(
        consultation
            .priorities
            .iter()
            .map(|p| format!("rank:{}", p.id)),
    );
    for c in &consultation.conflicts {
        header.push(format!("position:{}", c.id));
        header.push(format!("comment:{}", c.id));
    }
    let mut out = String::from("\u{feff}");
    push_row(&mut out, header);
    out
}

/// One CSV row per response.
pub fn csv_rows(consultation: &Consultation, rows: &[Exported<ValidResponse>]) -> String {
    let mut out = String::new();
    for Exported {
        at,
        public_id,
        item: r,
    } in rows
    {
        let mut row = vec![
            public_id.clone(),
            iso8601(*at),
            r.group.to_string(),
            r.lang.code().to_owned(),
            r.ranking
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(" > "),
        ];
        row.extend(consultation.priorities.iter().map(|p| {
            r.ranking
                .iter()
                .position(|x| *x == p.id)
                .map(|i| (i + 1).to_string())
                .unwrap_or_default()
        }));
        for c in &consultation.conflicts {
            let position = r.positions.iter().find(|x| x.conflict == c.id);
            row.push(match position {
                None => String::new(),
                Some(p) => p.position.map_or("no_view".to_owned(), |v| v.to_string()),
            });
            row.push(defuse(
                position.and_then(|p| p.comment.clone()).unwrap_or_default(),
            ));
        }
        push_row(&mut out, row);
    }
    out
}

pub(crate) fn push_row(out: &mut String, fields: Vec<String>) {
    let line: Vec<String> = fields.into_iter().map(quote).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn quote(field: String) -> String {
    // Semicolons too: German spreadsheets split on them, and quoted they stay in one cell.
    if field.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Free text is shown as text: wherever a cell could begin, at the start or after a comma,
/// semicolon, tab or line break (a spreadsheet may split on any of them, with or without
/// regard to quotes), and after any spaces or quotes there (a reader may take a quote for the
/// start of a quoted cell), a formula character gets a `'` before it.
pub(crate) fn defuse(text: String) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    let mut cell_start = true;
    for c in text.chars() {
        if cell_start && FORMULA.contains(&c) {
            out.push('\'');
        }
        out.push(c);
        cell_start =
            matches!(c, ',' | ';' | '\t' | '\n' | '\r') || (cell_start && matches!(c, ' ' | '"'));
    }
    out
}

/// `2026-11-26T18:26:35Z` from seconds since 1970 (UTC).
pub fn iso8601(secs: i64) -> String {
    mitreden_core::outcome::Timestamp(secs).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso_8601_utc() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1_795_631_195), "2026-11-25T18:26:35Z");
    }

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(quote("a,b".into()), "\"a,b\"");
        assert_eq!(quote("sagt \"nein\"".into()), "\"sagt \"\"nein\"\"\"");
        assert_eq!(defuse("=HYPERLINK(1)".into()), "'=HYPERLINK(1)");
        assert_eq!(defuse("Gut so".into()), "Gut so");
        // However a spreadsheet splits the line, no cell begins with a formula.
        assert_eq!(
            defuse("Hinweis;=cmd|' /C calc'!A0".into()),
            "Hinweis;'=cmd|' /C calc'!A0"
        );
        assert_eq!(defuse("a, +1; @x\n-y".into()), "a, '+1; '@x\n'-y");
        assert_eq!(defuse("Kosten - Nutzen".into()), "Kosten - Nutzen");
        assert_eq!(defuse("x;\"=HYPERLINK(1)".into()), "x;\"'=HYPERLINK(1)");
        assert_eq!(defuse("a\t=1".into()), "a\t'=1");
        assert_eq!(quote("a;b".into()), "\"a;b\"");
    }
}
