//! The results: rankings per group and overall, agreement, conflicts, and, apart from them, the
//! organisations' stances.

use std::sync::Arc;

use axum::extract::State;
use axum::Json;
use mitreden_core::{Results, StatementSummary};
use serde::Serialize;

use super::public;
use crate::error::AppError;
use crate::json::ApiPath;
use crate::state::AppState;

/// The results document: the results of individual responses, and organisations apart.
#[derive(Serialize)]
pub struct ResultsDocument {
    /// Only what may be published ([`Results::public`]).
    #[serde(flatten)]
    results: Arc<Results>,
    organisations: StatementSummary,
}

pub async fn results(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<ResultsDocument>, AppError> {
    let live = public(&state, &slug)?;
    if !live.consultation.results_public() {
        return Err(AppError::ResultsNotPublished);
    }
    let organisations = live.statement_summary();
    Ok(Json(ResultsDocument {
        results: live.public_results().await,
        organisations,
    }))
}
