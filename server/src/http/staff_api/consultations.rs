//! Defining consultations, opening and closing them, and reading their full results.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use mitreden_core::{Consultation, Results, StatementSummary, Status};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

use super::any;
use crate::error::AppError;
use crate::guard::auth::Staff;
use crate::http::json::ApiJson;
use crate::http::json::ApiPath;
use crate::http::staff_api::export::iso8601;
use crate::staff::Role;
use crate::state::AppState;

/// One line of the consultation list.
#[derive(Serialize)]
pub struct Summary {
    slug: String,
    title: mitreden_core::LocalizedText,
    status: Status,
    responses: u64,
    statements: u64,
    /// When it was closed (`YYYY-MM-DDTHH:MM:SSZ`), if it is.
    closed_at: Option<String>,
    /// When its personal data is due to be removed (closed consultations), or was removed.
    personal_data_removal: Option<Removal>,
}

/// The removal of a closed consultation's personal data, planned or done.
#[derive(Serialize)]
pub struct Removal {
    /// `YYYY-MM-DD` (UTC).
    date: String,
    done: bool,
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Json<Vec<Summary>>, AppError> {
    staff.require(Role::Moderator)?;
    let mut list = Vec::new();
    for live in state.counts.consultations() {
        let c = &live.consultation;
        let (closed_at, removed_at) = state.db.lifecycle(c.slug.as_str()).await?;
        let due = closed_at.map(|t| c.settings.personal_data_due(t));
        let removal = match (removed_at, due) {
            (Some(at), _) => Some((at, true)),
            (None, Some(at)) => Some((at, false)),
            (None, None) => None,
        };
        list.push(Summary {
            slug: c.slug.to_string(),
            title: c.title.clone(),
            status: c.status,
            responses: live.tally().ballots(),
            statements: live.statement_summary().statements,
            closed_at: closed_at.map(iso8601),
            personal_data_removal: removal.map(|(at, done)| Removal {
                date: iso8601(at)[..10].to_owned(),
                done,
            }),
        });
    }
    Ok(Json(list))
}

pub async fn definition(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<Consultation>, AppError> {
    staff.require(Role::Moderator)?;
    Ok(Json(any(&state, &slug)?.consultation.clone()))
}

/// Creates or replaces a consultation definition. Stored responses are counted afresh under
/// the new definition: priorities added later count as not shown for earlier ballots.
pub async fn save(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
    ApiJson(mut consultation): ApiJson<Consultation>,
) -> Result<StatusCode, AppError> {
    staff.require(Role::Admin)?;
    if consultation.slug.as_str() != slug {
        return Err(AppError::InvalidConsultation(format!(
            "the slug in the body ('{}') differs from the address ('{slug}')",
            consultation.slug
        )));
    }
    consultation
        .validate()
        .map_err(|e| AppError::InvalidConsultation(e.to_string()))?;
    consultation.settings.canonicalise_origins();
    if let Some(before) = &consultation.predecessor {
        if state.counts.consultation(before.as_str()).is_none() {
            return Err(AppError::InvalidConsultation(format!(
                "the predecessor '{before}' is no consultation of this server"
            )));
        }
    }
    let existed = state.counts.consultation(&slug).is_some();
    let version = state.db.save_consultation(&consultation).await?;
    state
        .counts
        .counted_up_to(consultation.slug.as_str(), version)
        .await;
    Ok(if existed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewStatus {
    status: Status,
}

pub async fn set_status(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
    ApiJson(change): ApiJson<NewStatus>,
) -> Result<Json<Consultation>, AppError> {
    staff.require(Role::Admin)?;
    let mut consultation = any(&state, &slug)?.consultation.clone();
    consultation.status = change.status;
    let version = state.db.save_consultation(&consultation).await?;
    state
        .counts
        .counted_up_to(consultation.slug.as_str(), version)
        .await;
    Ok(Json(consultation))
}

/// The full results, for staff.
#[derive(Serialize)]
pub struct StaffResults {
    #[serde(flatten)]
    results: Arc<Results>,
    organisations: StatementSummary,
}

pub async fn results(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<StaffResults>, AppError> {
    staff.require(Role::Moderator)?;
    let live = any(&state, &slug)?;
    let organisations = live.statement_summary();
    Ok(Json(StaffResults {
        results: live.results().await,
        organisations,
    }))
}

/// Responses on one day.
#[derive(Serialize)]
pub struct Day {
    /// `YYYY-MM-DD` (UTC).
    date: String,
    responses: i64,
}

pub async fn timeline(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<Vec<Day>>, AppError> {
    staff.require(Role::Moderator)?;
    any(&state, &slug)?;
    let days = state.db.responses_per_day(&slug).await?;
    Ok(Json(
        days.into_iter()
            .map(|(day, n)| Day {
                date: iso8601(day * 86_400)[..10].to_owned(),
                responses: n,
            })
            .collect(),
    ))
}
