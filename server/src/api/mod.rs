//! The versioned JSON API under `/api/v1`.

mod receipt_header;
mod results;
mod submissions;

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use mitreden_core::{Consultation, Status};

use crate::error::AppError;
use crate::rate_limit::{self, RateLimit};
use crate::state::{AppState, Live};
use submissions::{submit, view, withdraw, Responses, Statements};

/// The public API; what participants send (and look up with a receipt) is rate limited.
pub fn routes(limits: RateLimit) -> Router<AppState> {
    let writes = Router::new()
        .route(
            "/consultations/{slug}/challenge",
            get(submissions::challenge),
        )
        .route("/consultations/{slug}/responses", post(submit::<Responses>))
        .route(
            "/consultations/{slug}/responses/mine",
            get(view::<Responses>).delete(withdraw::<Responses>),
        )
        .route(
            "/consultations/{slug}/statements",
            post(submit::<Statements>),
        )
        .route(
            "/consultations/{slug}/statements/mine",
            get(view::<Statements>).delete(withdraw::<Statements>),
        );
    Router::new()
        .route("/consultations/{slug}", get(consultation))
        .merge(rate_limit::limit(writes, limits))
        .route("/consultations/{slug}/results", get(results::results))
        .route(
            "/openapi.json",
            get(|| async { Json(crate::openapi::document()) }),
        )
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
