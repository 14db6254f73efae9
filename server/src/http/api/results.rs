//! The results: rankings per group and overall, agreement, conflicts, and, apart from them, the
//! organisations' stances.

use std::sync::Arc;

use axum::extract::State;
use axum::Extension;
use axum::Json;
use mitreden_core::{Results, StatementSummary};
use serde::Serialize;

use super::public;
use crate::error::AppError;
use crate::http::json::ApiPath;
use crate::state::AppState;
use mitreden_core::outcome::FollowUp;

/// The results document: the results of individual responses, and organisations apart.
#[derive(Serialize)]
pub struct ResultsDocument {
    /// Only what may be published ([`Results::public`]).
    #[serde(flatten)]
    results: Arc<Results>,
    organisations: StatementSummary,
    /// What became of the input, the indicators and the round comparison.
    #[serde(flatten)]
    progress: FollowUp,
}

/// The progress view: what became of the input and how the indicators move, public even
/// while the results are not.
#[derive(Serialize, schemars::JsonSchema)]
pub struct ProgressDocument {
    consultation: String,
    #[serde(flatten)]
    progress: FollowUp,
}

pub async fn progress(
    State(state): State<AppState>,
    Extension(cache): crate::http::public_cache::Cache,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<ProgressDocument>, AppError> {
    let live = public(&state, &slug)?;
    Ok(Json(ProgressDocument {
        consultation: slug,
        progress: cache.content.get(&state, &live).await?.follow_up.clone(),
    }))
}

pub async fn results(
    State(state): State<AppState>,
    Extension(cache): crate::http::public_cache::Cache,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<ResultsDocument>, AppError> {
    let live = public(&state, &slug)?;
    if !live.consultation.results_public() {
        return Err(AppError::ResultsNotPublished);
    }
    let organisations = live.statement_summary();
    let progress = cache.content.get(&state, &live).await?.follow_up.clone();
    Ok(Json(ResultsDocument {
        results: live.public_results().await,
        organisations,
        progress,
    }))
}
