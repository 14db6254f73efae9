//! Individual responses: submit, view and withdraw by receipt.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use mitreden_core::{Acknowledgement, ResponseSubmission, ValidResponse};

use super::public;
use super::receipt_header::ReceiptHash;
use crate::error::AppError;
use crate::json::ApiJson;
use crate::receipt;
use crate::state::AppState;
use crate::storage::Insert;

pub async fn submit(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ApiJson(submission): ApiJson<ResponseSubmission>,
) -> Result<(StatusCode, Json<Acknowledgement>), AppError> {
    let live = public(&state, &slug)?;
    let response = submission.validate(&live.consultation)?;
    let receipt = state.receipts.receipt(&response.id);
    let hash = receipt::hash(&receipt).expect("receipts made here are well-formed");
    let status = match state.db.insert_response(&slug, &response, &hash).await? {
        Insert::Created => {
            live.count(&response);
            StatusCode::CREATED
        }
        Insert::Replayed => StatusCode::OK,
        Insert::Conflict => return Err(AppError::IdConflict),
        Insert::Withdrawn => return Err(AppError::Withdrawn),
    };
    Ok((
        status,
        Json(Acknowledgement {
            id: response.id.to_string(),
            receipt,
        }),
    ))
}

pub async fn view(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ReceiptHash(hash): ReceiptHash,
) -> Result<Json<ValidResponse>, AppError> {
    public(&state, &slug)?;
    let response = state.db.response_by_receipt(&slug, &hash).await?;
    response.map(Json).ok_or(AppError::ReceiptUnknown)
}

pub async fn withdraw(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ReceiptHash(hash): ReceiptHash,
) -> Result<StatusCode, AppError> {
    let live = public(&state, &slug)?;
    let response = state.db.withdraw_response(&slug, &hash).await?;
    let response = response.ok_or(AppError::ReceiptUnknown)?;
    live.uncount(&response);
    Ok(StatusCode::NO_CONTENT)
}
