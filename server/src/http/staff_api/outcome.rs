//! Closing the loop: staff publish what became of the input (the outcome) and the indicators
//! of each priority with their measured values, as JSON or imported from a CSV file.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::Json;
use mitreden_core::indicator::{csv, Indicator, IndicatorsSubmission};
use mitreden_core::outcome::OutcomeSubmission;
use mitreden_core::PriorityId;
use serde::Serialize;

use super::any;
use crate::error::AppError;
use crate::guard::auth::Staff;
use crate::http::json::{ApiJson, ApiPath};
use crate::http::progress;
use crate::staff::Role;
use crate::state::AppState;
use crate::storage::published::OUTCOME;
use crate::storage::StorageError;
use mitreden_core::outcome::FollowUp;

/// The outcome, indicators and round comparison as they stand, with their history.
pub async fn show(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<FollowUp>, AppError> {
    staff.require(Role::Moderator)?;
    let live = any(&state, &slug)?;
    Ok(Json(progress::staff(&state, &live).await?))
}

/// Publishes the outcome: a new version if anything differs from the last one.
pub async fn publish(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
    ApiJson(submission): ApiJson<OutcomeSubmission>,
) -> Result<Json<FollowUp>, AppError> {
    staff.require(Role::Admin)?;
    let live = any(&state, &slug)?;
    let decided: Vec<i64> = state
        .db
        .proposals(&slug)
        .await?
        .iter()
        .filter(|p| p.status != "pending")
        .map(|p| p.id)
        .collect();
    let based_on = submission.based_on;
    let outcome = submission.validate(&live.consultation, &decided)?;
    state
        .db
        .publish_versions(&slug, &[(OUTCOME.to_owned(), to_json(&outcome)?)], based_on)
        .await?
        .ok_or(AppError::ChangedMeanwhile)?;
    tracing::info!(consultation = %slug, staff = %staff.0.name, "outcome published");
    Ok(Json(progress::staff(&state, &live).await?))
}

/// Publishes the indicators of one priority, with their values.
pub async fn indicators(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath((slug, priority)): ApiPath<(String, String)>,
    ApiJson(submission): ApiJson<IndicatorsSubmission>,
) -> Result<Json<FollowUp>, AppError> {
    staff.require(Role::Admin)?;
    let live = any(&state, &slug)?;
    if !live
        .consultation
        .priorities
        .iter()
        .any(|p| p.id.as_str() == priority)
    {
        return Err(AppError::PriorityNotFound(priority));
    }
    let based_on = submission.based_on;
    let list = submission.validate(&live.consultation)?;
    state
        .db
        .publish_versions(&slug, &[(priority.clone(), to_json(&list)?)], based_on)
        .await?
        .ok_or(AppError::ChangedMeanwhile)?;
    tracing::info!(consultation = %slug, %priority, staff = %staff.0.name, "indicators published");
    Ok(Json(progress::staff(&state, &live).await?))
}

/// What a CSV import changed.
#[derive(Serialize, schemars::JsonSchema)]
pub struct Imported {
    /// Rows read.
    rows: usize,
    /// Priorities whose indicators got a new version.
    priorities: Vec<String>,
}

/// Imports measured values from a CSV file (`Content-Type: text/csv`): every row or none.
pub async fn import_values(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Imported>, AppError> {
    staff.require(Role::Admin)?;
    let live = any(&state, &slug)?;
    let is_csv = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|t| t.trim() == "text/csv"));
    if !is_csv {
        return Err(AppError::CsvRequired);
    }
    let text = std::str::from_utf8(&body).map_err(|_| AppError::CsvNotUtf8)?;
    let rows = csv::parse(text)?;
    let current = progress::staff(&state, &live).await?;
    let mut sets: BTreeMap<PriorityId, Vec<Indicator>> = current
        .indicators
        .into_iter()
        .map(|(p, list)| (p, list.into_iter().map(|i| i.indicator).collect()))
        .collect();
    let changed = csv::merge(&mut sets, &rows)?;
    let versions = changed
        .iter()
        .map(|p| Ok((p.to_string(), to_json(&sets[p])?)))
        .collect::<Result<Vec<_>, AppError>>()?;
    // Merged into what is published now, so nothing is based on an older version.
    let priorities = state
        .db
        .publish_versions(&slug, &versions, None)
        .await?
        .unwrap_or_default();
    tracing::info!(consultation = %slug, rows = rows.len(), staff = %staff.0.name, "indicator values imported");
    Ok(Json(Imported {
        rows: rows.len(),
        priorities,
    }))
}

fn to_json<T: Serialize>(value: &T) -> Result<String, AppError> {
    Ok(serde_json::to_string(value).map_err(StorageError::from)?)
}
