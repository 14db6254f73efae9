//! Organisation statements: submit, view and withdraw by receipt.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use mitreden_core::{Acknowledgement, StatementSubmission, ValidStatement};

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
    ApiJson(submission): ApiJson<StatementSubmission>,
) -> Result<(StatusCode, Json<Acknowledgement>), AppError> {
    let live = public(&state, &slug)?;
    let statement = submission.validate(&live.consultation)?;
    let receipt = state.receipts.receipt(&statement.id);
    let hash = receipt::hash(&receipt).expect("receipts made here are well-formed");
    let status = match state.db.insert_statement(&slug, &statement, &hash).await? {
        Insert::Created => {
            live.count_statement(&statement);
            StatusCode::CREATED
        }
        Insert::Replayed => StatusCode::OK,
        Insert::Conflict => return Err(AppError::IdConflict),
        Insert::Withdrawn => return Err(AppError::Withdrawn),
    };
    Ok((
        status,
        Json(Acknowledgement {
            id: statement.id.to_string(),
            receipt,
        }),
    ))
}

pub async fn view(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ReceiptHash(hash): ReceiptHash,
) -> Result<Json<ValidStatement>, AppError> {
    public(&state, &slug)?;
    let statement = state.db.statement_by_receipt(&slug, &hash).await?;
    statement.map(Json).ok_or(AppError::ReceiptUnknown)
}

pub async fn withdraw(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ReceiptHash(hash): ReceiptHash,
) -> Result<StatusCode, AppError> {
    let live = public(&state, &slug)?;
    let statement = state.db.withdraw_statement(&slug, &hash).await?;
    let statement = statement.ok_or(AppError::ReceiptUnknown)?;
    live.uncount_statement(&statement);
    Ok(StatusCode::NO_CONTENT)
}
