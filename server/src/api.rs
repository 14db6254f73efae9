//! The versioned JSON API under `/api/v1`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use mitreden_core::{Acknowledgement, Consultation, ResponseSubmission, Results, Status};

use crate::error::AppError;
use crate::json::ApiJson;
use crate::state::{AppState, Live};
use crate::storage::Insert;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/consultations/{slug}", get(consultation))
        .route("/consultations/{slug}/responses", post(submit))
        .route("/consultations/{slug}/results", get(results))
}

/// A consultation participants can see: drafts are not public.
fn public(state: &AppState, slug: &str) -> Result<Arc<Live>, AppError> {
    state
        .consultation(slug)
        .filter(|live| live.consultation.status != Status::Draft)
        .ok_or_else(|| AppError::ConsultationNotFound(slug.to_owned()))
}

async fn consultation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Consultation>, AppError> {
    Ok(Json(public(&state, &slug)?.consultation.clone()))
}

async fn submit(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ApiJson(submission): ApiJson<ResponseSubmission>,
) -> Result<(StatusCode, Json<Acknowledgement>), AppError> {
    let live = public(&state, &slug)?;
    let response = submission.validate(&live.consultation)?;
    let status = match state.db.insert_response(&slug, &response).await? {
        Insert::Created => {
            live.count(&response);
            StatusCode::CREATED
        }
        Insert::Replayed => StatusCode::OK,
        Insert::Conflict => return Err(AppError::IdConflict),
    };
    let receipt = state.receipts.receipt(&response.id);
    Ok((
        status,
        Json(Acknowledgement {
            id: response.id.to_string(),
            receipt,
        }),
    ))
}

async fn results(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Arc<Results>>, AppError> {
    Ok(Json(public(&state, &slug)?.results().await))
}
