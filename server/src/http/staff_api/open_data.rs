//! `export.zip`: the CSV export with what followed the consultation, as separate files in one
//! zip with a README that names the licence. Written as it is read (the responses a page at a
//! time, compressed on the way), so a million responses never sit in memory; should anything
//! fail halfway, the download breaks off instead of ending as if complete.

use std::sync::Arc;

use async_zip::tokio::write::ZipFileWriter;
use async_zip::{
    AttributeCompatibility, Compression, ZipDateTime, ZipDateTimeBuilder, ZipEntryBuilder,
};
use axum::body::Body;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::IntoResponse;
use futures_lite::io::AsyncWriteExt;
use futures_util::StreamExt;
use mitreden_core::indicator::{IndicatorChange, Measurement};
use mitreden_core::outcome::{Change, FeedChange, FollowUp};
use mitreden_core::{Consultation, Lang, LocalizedText};
use tokio_util::io::ReaderStream;

use super::any;
use super::export::{csv_header, csv_rows, defuse, iso8601, push_row};
use crate::counting::Live;
use crate::error::AppError;
use crate::guard::auth::Staff;
use crate::http::json::ApiPath;
use crate::staff::Role;
use crate::state::AppState;
use crate::storage::now;

/// Responses read and written at a time.
const PAGE: u32 = 1000;

type ZipError = Box<dyn std::error::Error + Send + Sync>;

pub async fn zip(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<impl IntoResponse, AppError> {
    staff.require(Role::Moderator)?;
    let live = any(&state, &slug)?;
    let follow_up = crate::http::progress::staff(&state, &live).await?;
    let (writer, reader) = tokio::io::duplex(64 * 1024);
    let (done, outcome) = tokio::sync::oneshot::channel::<bool>();
    tokio::spawn(async move {
        let written = write(writer, &state, &live, &follow_up).await;
        if let Err(e) = &written {
            tracing::error!(error = %e, "a zip export broke off");
        }
        let _ = done.send(written.is_ok());
    });
    // After the last byte: an error if writing failed, so the download breaks off.
    let end = futures_util::stream::once(async move {
        match outcome.await {
            Ok(true) => None,
            _ => Some(Err(std::io::Error::other("the export broke off"))),
        }
    })
    .filter_map(|e| async move { e });
    let body = ReaderStream::new(reader).chain(end);
    Ok((
        [
            (CONTENT_TYPE, "application/zip".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{slug}-export.zip\""),
            ),
        ],
        Body::from_stream(body),
    ))
}

async fn write(
    out: tokio::io::DuplexStream,
    state: &AppState,
    live: &Arc<Live>,
    follow_up: &FollowUp,
) -> Result<(), ZipError> {
    let c = &live.consultation;
    let mut zip = ZipFileWriter::with_tokio(out);
    let made = zip_time(now());
    // Readable by whoever unpacks it (rw-r--r--), dated when it was made.
    let entry = |name: &str| {
        ZipEntryBuilder::new(name.to_owned().into(), Compression::Deflate)
            .attribute_compatibility(AttributeCompatibility::Unix)
            .unix_permissions(0o100644)
            .last_modification_date(made)
    };
    let files: [(&str, String); 6] = [
        ("README.txt", readme(c, follow_up)),
        ("outcome.csv", outcome_csv(c, follow_up)),
        ("history.csv", history_csv(c, follow_up)),
        ("indicators.csv", indicators_csv(c, follow_up)),
        ("indicator_values.csv", values_csv(follow_up)),
        ("rounds.csv", rounds_csv(follow_up)),
    ];
    for (name, text) in files {
        zip.write_entry_whole(entry(name), text.as_bytes()).await?;
    }
    let mut responses = zip.write_entry_stream(entry("responses.csv")).await?;
    responses.write_all(csv_header(c).as_bytes()).await?;
    let mut after = None;
    loop {
        let (page, end) = state
            .db
            .responses_page(c.slug.as_str(), after.as_ref(), PAGE)
            .await?;
        responses.write_all(csv_rows(c, &page).as_bytes()).await?;
        match end {
            Some(end) => after = Some(end),
            None => break,
        }
    }
    responses.close().await?;
    zip.close().await?;
    Ok(())
}

/// `at` (seconds since 1970, UTC) as a zip entry's date.
fn zip_time(at: i64) -> ZipDateTime {
    let t = mitreden_core::outcome::Timestamp(at);
    let d = t.date();
    let seconds = at.rem_euclid(86_400) as u32;
    ZipDateTimeBuilder::new()
        .year(d.year)
        .month(u32::from(d.month))
        .day(u32::from(d.day))
        .hour(seconds / 3600)
        .minute(seconds / 60 % 60)
        .second(seconds % 60)
        .build()
}

/// A CSV document: byte order mark, header, rows.
fn csv(header: Vec<String>, rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, header);
    for row in rows {
        push_row(&mut out, row);
    }
    out
}

/// `base:de`, `base:en`, … for each language of the consultation.
fn per_language(c: &Consultation, base: &str) -> Vec<String> {
    c.languages
        .iter()
        .map(|l| format!("{base}:{}", l.code()))
        .collect()
}

fn texts(c: &Consultation, text: &LocalizedText) -> Vec<String> {
    c.languages
        .iter()
        .map(|&l| defuse(text.get_exact(l).to_owned()))
        .collect()
}

fn header(fixed: &[&str], c: &Consultation, localized: &[&str]) -> Vec<String> {
    let mut h: Vec<String> = fixed.iter().map(|s| (*s).to_owned()).collect();
    for base in localized {
        h.extend(per_language(c, base));
    }
    h
}

fn outcome_csv(c: &Consultation, f: &FollowUp) -> String {
    let rows = f.outcome.iter().flat_map(|o| &o.items).map(|i| {
        let mut row = vec![
            i.id.clone(),
            serde_plain(&i.kind),
            i.status.code().to_owned(),
            i.updated.to_string(),
        ];
        row.extend(texts(c, &i.response));
        row
    });
    csv(
        header(&["item", "kind", "status", "updated"], c, &["response"]),
        rows,
    )
}

fn history_csv(c: &Consultation, f: &FollowUp) -> String {
    let rows = f.history.iter().map(|d| {
        // change, item, kind, status, previous status, priority, indicator, day, value,
        // previous value, text
        let mut cells: [String; 10] = Default::default();
        let mut text = None;
        match &d.change {
            FeedChange::Outcome(Change::Summary { summary }) => {
                cells[0] = "summary".into();
                text = Some(summary);
            }
            FeedChange::Outcome(Change::Item {
                item,
                kind,
                status,
                previous_status,
                response,
            }) => {
                cells[..5].clone_from_slice(&[
                    "item".into(),
                    item.clone(),
                    serde_plain(kind),
                    status.code().into(),
                    previous_status.map_or("", |p| p.code()).into(),
                ]);
                text = Some(response);
            }
            FeedChange::Outcome(Change::Removed { item, kind }) => {
                cells[..3].clone_from_slice(&["removed".into(), item.clone(), serde_plain(kind)]);
            }
            FeedChange::Indicator(change) => {
                let (priority, indicator, value, previous) = indicator_cells(change);
                cells[0] = change_name(change);
                cells[5] = priority;
                cells[6] = indicator;
                if let Some(v) = value {
                    cells[7] = v.date.iso();
                    cells[8] = v.value.to_string();
                }
                cells[9] = previous.map(|p| p.to_string()).unwrap_or_default();
            }
        }
        let mut row = vec![d.at.to_string(), d.version.to_string()];
        row.extend(cells);
        row.extend(texts(c, text.unwrap_or(&LocalizedText::default())));
        row
    });
    csv(
        header(
            &[
                "published_at",
                "version",
                "change",
                "item",
                "kind",
                "status",
                "previous_status",
                "priority",
                "indicator",
                "measured_on",
                "value",
                "previous_value",
            ],
            c,
            &["text"],
        ),
        rows,
    )
}

/// The `change` name of an indicator change, as the API writes it.
fn change_name(change: &IndicatorChange) -> String {
    serde_json::to_value(change)
        .ok()
        .and_then(|v| v["change"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn indicator_cells(change: &IndicatorChange) -> (String, String, Option<Measurement>, Option<f64>) {
    match change {
        IndicatorChange::IndicatorAdded {
            priority,
            indicator,
            ..
        }
        | IndicatorChange::IndicatorRedefined {
            priority,
            indicator,
            ..
        }
        | IndicatorChange::IndicatorRemoved {
            priority,
            indicator,
            ..
        } => (priority.to_string(), indicator.to_string(), None, None),
        IndicatorChange::Value {
            priority,
            indicator,
            value,
            previous,
            ..
        } => (
            priority.to_string(),
            indicator.to_string(),
            Some(*value),
            *previous,
        ),
        IndicatorChange::ValueRemoved {
            priority,
            indicator,
            value,
            ..
        } => (
            priority.to_string(),
            indicator.to_string(),
            Some(*value),
            None,
        ),
    }
}

fn indicators_csv(c: &Consultation, f: &FollowUp) -> String {
    let rows = f.indicators.iter().flat_map(|(p, list)| {
        list.iter().map(move |published| {
            let (i, progress) = (&published.indicator, &published.progress);
            let mut row = vec![
                p.to_string(),
                i.id.to_string(),
                serde_plain(&i.direction),
                i.baseline.value.to_string(),
                i.baseline.date.iso(),
                i.target.value.to_string(),
                i.target.date.iso(),
                progress
                    .latest
                    .map(|l| l.value.to_string())
                    .unwrap_or_default(),
                progress.latest.map(|l| l.date.iso()).unwrap_or_default(),
                progress
                    .share
                    .map(|s| format!("{s:.4}"))
                    .unwrap_or_default(),
                serde_plain(&progress.state),
                progress.setback.to_string(),
                published.updated.to_string(),
            ];
            row.extend(texts(c, &i.name));
            row.extend(texts(c, &i.unit));
            row.extend(texts(c, &i.source));
            row
        })
    });
    csv(
        header(
            &[
                "priority",
                "indicator",
                "direction",
                "baseline_value",
                "baseline_date",
                "target_value",
                "target_date",
                "latest_value",
                "latest_date",
                "progress_share",
                "progress_state",
                "setback",
                "updated",
            ],
            c,
            &["name", "unit", "source"],
        ),
        rows,
    )
}

fn values_csv(f: &FollowUp) -> String {
    let rows = f.indicators.iter().flat_map(|(p, list)| {
        list.iter().flat_map(move |published| {
            published.indicator.values.iter().map(move |v| {
                vec![
                    p.to_string(),
                    published.indicator.id.to_string(),
                    v.date.iso(),
                    v.value.to_string(),
                ]
            })
        })
    });
    csv(
        ["priority", "indicator", "date", "value"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    )
}

fn rounds_csv(f: &FollowUp) -> String {
    let interval = |i: Option<[u32; 2]>, n: usize| i.map(|i| i[n].to_string()).unwrap_or_default();
    let rows = f.rounds.iter().flat_map(|r| {
        let overall = r.overall.iter().map(|m| ("overall".to_owned(), m));
        let groups = r
            .groups
            .iter()
            .flat_map(|(g, moves)| moves.iter().map(move |m| (g.to_string(), m)));
        overall.chain(groups).map(move |(group, m)| {
            vec![
                r.predecessor.to_string(),
                group,
                m.priority.to_string(),
                m.rank.to_string(),
                interval(m.rank_interval, 0),
                interval(m.rank_interval, 1),
                m.previous_rank.map(|p| p.to_string()).unwrap_or_default(),
                interval(m.previous_interval, 0),
                interval(m.previous_interval, 1),
                serde_plain(&m.movement),
            ]
        })
    });
    csv(
        [
            "predecessor",
            "group",
            "priority",
            "rank",
            "rank_best",
            "rank_worst",
            "previous_rank",
            "previous_best",
            "previous_worst",
            "movement",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
    )
}

/// A unit enum as the API writes it (`in_progress`, `higher_is_better`, …).
fn serde_plain<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn readme(c: &Consultation, f: &FollowUp) -> String {
    let title = |lang: Lang| c.title.get(lang).to_owned();
    let licence = match &f.licence {
        Some(l) => format!("{} ({}), {}", l.name, l.id, l.url),
        None => "none set / keine angegeben – ask the publisher / bitte beim Herausgeber erfragen"
            .to_owned(),
    };
    format!(
        "mitreden – open data of the consultation / offene Daten der Beteiligung\n\
         \n\
         {de}\n{en}\n\
         Slug: {slug}\n\
         Exported / exportiert: {at}\n\
         Licence / Lizenz (all files but responses.csv): {licence}\n\
         \n\
         Files (UTF-8 CSV with a byte order mark, comma-separated; numbers with a decimal point;\n\
         times in UTC, ISO 8601; texts in one column per language):\n\
         \n\
         responses.csv         one row per response: public id, time, group, language, ranking,\n\
         \x20                     the place of each priority, the position on each goal conflict\n\
         \x20                     and its comment AS GIVEN, NOT MODERATED. For internal use: the\n\
         \x20                     licence does not cover it; publish it only without the comment\n\
         \x20                     columns.\n\
         outcome.csv           what became of each priority, goal conflict and decided proposal:\n\
         \x20                     status (open, adopted, in_progress, done, not_pursued), when it\n\
         \x20                     last changed, the response\n\
         history.csv           every published change of the outcome and the indicators, newest\n\
         \x20                     first (a corrected value with its previous value)\n\
         indicators.csv        each priority's indicators: direction, baseline, target, latest\n\
         \x20                     value, progress (share of the way from baseline to target) and\n\
         \x20                     its state, names, units and sources\n\
         indicator_values.csv  every measured value\n\
         rounds.csv            how each priority's rank moved since the round before, overall\n\
         \x20                     and per group ('up' or 'down' only beyond both rounds' 90 %\n\
         \x20                     rank intervals); empty without a round before\n\
         \n\
         The same in JSON: GET /api/v1/consultations/{slug}/progress (schema in the OpenAPI\n\
         document, /api/v1/openapi.json).\n",
        de = title(Lang::De),
        en = title(Lang::En),
        slug = c.slug,
        at = iso8601(now()),
    )
}
