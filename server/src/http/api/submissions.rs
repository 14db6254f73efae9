//! Responses and organisation statements go the same way: checked against the consultation,
//! stored once under the client's id, counted, and found or withdrawn with their receipt.
//! The handlers here serve both, through [`Submission`].

use std::future::Future;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use mitreden_core::proof::Challenge;
use mitreden_core::{
    Acknowledgement, Consultation, ResponseId, ResponseSubmission, StatementSubmission, Submitted,
    ValidResponse, ValidStatement, ValidationError,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::public;
use super::receipt_header::ReceiptHash;
use crate::counting::Live;
use crate::error::AppError;
use crate::guard::receipt;
use crate::http::json::ApiJson;
use crate::http::json::ApiPath;
use crate::state::AppState;
use crate::storage::{now, Db, Insert, StorageError};

/// A kind of submission.
pub trait Submission: Send + Sync + 'static {
    /// As sent by the client.
    type Sent: DeserializeOwned + Send + 'static;
    /// As checked and stored.
    type Stored: Serialize + Send + Sync + 'static;

    fn check(sent: &Self::Sent, c: &Consultation) -> Result<Self::Stored, ValidationError>;
    fn id(stored: &Self::Stored) -> &ResponseId;
    fn insert(
        db: &Db,
        slug: &str,
        stored: &Self::Stored,
        receipt_hash: &str,
        proof: Option<(&str, i64)>,
    ) -> impl Future<Output = Result<Insert, StorageError>> + Send;
    fn find(
        db: &Db,
        slug: &str,
        receipt_hash: &str,
    ) -> impl Future<Output = Result<Option<Self::Stored>, StorageError>> + Send;
    /// What was withdrawn, and the consultation's version that uncounts it.
    fn withdraw(
        db: &Db,
        slug: &str,
        receipt_hash: &str,
    ) -> impl Future<Output = Result<Option<(Self::Stored, u64)>, StorageError>> + Send;
}

/// Individual responses.
pub struct Responses;

impl Submission for Responses {
    type Sent = ResponseSubmission;
    type Stored = ValidResponse;

    fn check(
        sent: &ResponseSubmission,
        c: &Consultation,
    ) -> Result<ValidResponse, ValidationError> {
        sent.validate(c)
    }
    fn id(stored: &ValidResponse) -> &ResponseId {
        &stored.id
    }
    fn insert(
        db: &Db,
        slug: &str,
        stored: &ValidResponse,
        receipt_hash: &str,
        proof: Option<(&str, i64)>,
    ) -> impl Future<Output = Result<Insert, StorageError>> + Send {
        db.insert_response(slug, stored, receipt_hash, proof)
    }
    fn find(
        db: &Db,
        slug: &str,
        receipt_hash: &str,
    ) -> impl Future<Output = Result<Option<ValidResponse>, StorageError>> + Send {
        db.response_by_receipt(slug, receipt_hash)
    }
    fn withdraw(
        db: &Db,
        slug: &str,
        receipt_hash: &str,
    ) -> impl Future<Output = Result<Option<(ValidResponse, u64)>, StorageError>> + Send {
        db.withdraw_response(slug, receipt_hash)
    }
}

/// Organisation statements.
pub struct Statements;

impl Submission for Statements {
    type Sent = StatementSubmission;
    type Stored = ValidStatement;

    fn check(
        sent: &StatementSubmission,
        c: &Consultation,
    ) -> Result<ValidStatement, ValidationError> {
        sent.validate(c)
    }
    fn id(stored: &ValidStatement) -> &ResponseId {
        &stored.id
    }
    fn insert(
        db: &Db,
        slug: &str,
        stored: &ValidStatement,
        receipt_hash: &str,
        proof: Option<(&str, i64)>,
    ) -> impl Future<Output = Result<Insert, StorageError>> + Send {
        db.insert_statement(slug, stored, receipt_hash, proof)
    }
    fn find(
        db: &Db,
        slug: &str,
        receipt_hash: &str,
    ) -> impl Future<Output = Result<Option<ValidStatement>, StorageError>> + Send {
        db.statement_by_receipt(slug, receipt_hash)
    }
    fn withdraw(
        db: &Db,
        slug: &str,
        receipt_hash: &str,
    ) -> impl Future<Output = Result<Option<(ValidStatement, u64)>, StorageError>> + Send {
        db.withdraw_statement(slug, receipt_hash)
    }
}

/// `POST …/{responses|statements}`: `201` when stored, `200` for the same again.
pub async fn submit<K: Submission>(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    headers: HeaderMap,
    ApiJson(sent): ApiJson<K::Sent>,
) -> Result<(StatusCode, Json<Acknowledgement>), AppError> {
    let live = public(&state, &slug)?;
    let difficulty = live.consultation.settings.proof_of_work;
    let proof = if difficulty > 0 {
        Some(state.proofs.check(&headers, &slug, difficulty, now())?)
    } else {
        None
    };
    let proof = proof.as_ref().map(|p| (p.challenge.as_str(), p.expires));
    let (status, acknowledgement, _) = store::<K>(&state, &slug, &live, &sent, proof).await?;
    Ok((status, Json(acknowledgement)))
}

/// Checks `sent` against the consultation and stores it once under its id: `201` when stored
/// now, `200` when it was stored before (the same receipt again). Returns what was stored.
pub async fn store<K: Submission>(
    state: &AppState,
    slug: &str,
    live: &Live,
    sent: &K::Sent,
    proof: Option<(&str, i64)>,
) -> Result<(StatusCode, Acknowledgement, K::Stored), AppError> {
    let stored = K::check(sent, &live.consultation)?;
    let receipt = state.receipts.receipt(K::id(&stored));
    let hash = receipt::hash(&receipt).expect("receipts made here are well-formed");
    let status = match K::insert(&state.db, slug, &stored, &hash, proof).await? {
        Insert::Created { version } => {
            state.counts.counted_up_to(slug, version).await;
            StatusCode::CREATED
        }
        Insert::Replayed => StatusCode::OK,
        Insert::Conflict => return Err(AppError::IdConflict),
        Insert::Withdrawn => return Err(AppError::Withdrawn),
        Insert::ProofReused => return Err(AppError::ProofReused),
    };
    let acknowledgement = Acknowledgement {
        id: K::id(&stored).to_string(),
        receipt,
    };
    Ok((status, acknowledgement, stored))
}

/// `GET …/mine` with the receipt.
pub async fn view<K: Submission>(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    ReceiptHash(hash): ReceiptHash,
) -> Result<Json<K::Stored>, AppError> {
    public(&state, &slug)?;
    let stored = K::find(&state.db, &slug, &hash).await?;
    stored.map(Json).ok_or(AppError::ReceiptUnknown)
}

/// `GET …/submissions/mine` with the receipt: the response or the statement it was given for,
/// tagged with its kind. One request where the receipt's owner does not know the kind (the
/// receipt look-up); no answer says more about a wrong receipt than `…/responses/mine` does.
pub async fn view_either(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    ReceiptHash(hash): ReceiptHash,
) -> Result<Json<Submitted>, AppError> {
    public(&state, &slug)?;
    find_either(&state, &slug, &hash)
        .await?
        .map(Json)
        .ok_or(AppError::ReceiptUnknown)
}

/// The response or the statement the receipt with this `hash` was given for, if any.
pub async fn find_either(
    state: &AppState,
    slug: &str,
    hash: &str,
) -> Result<Option<Submitted>, AppError> {
    if let Some(response) = Responses::find(&state.db, slug, hash).await? {
        return Ok(Some(Submitted::Response(response)));
    }
    let statement = Statements::find(&state.db, slug, hash).await?;
    Ok(statement.map(Submitted::Statement))
}

/// `DELETE …/mine` with the receipt: gone from storage and from the count.
pub async fn withdraw<K: Submission>(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    ReceiptHash(hash): ReceiptHash,
) -> Result<StatusCode, AppError> {
    public(&state, &slug)?;
    if withdraw_by::<K>(&state, &slug, &hash).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::ReceiptUnknown)
    }
}

/// Withdraws the submission of kind `K` the receipt with this `hash` was given for: deleted,
/// and the count without it before this returns. `false` if there is none.
pub async fn withdraw_by<K: Submission>(
    state: &AppState,
    slug: &str,
    hash: &str,
) -> Result<bool, AppError> {
    let Some((_, version)) = K::withdraw(&state.db, slug, hash).await? else {
        return Ok(false);
    };
    state.counts.counted_up_to(slug, version).await;
    Ok(true)
}

/// `GET …/challenge`: a proof-of-work challenge, for consultations that ask for one.
pub async fn challenge(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<Challenge>, AppError> {
    let live = public(&state, &slug)?;
    match live.consultation.settings.proof_of_work {
        0 => Err(AppError::ProofNotRequired),
        max => Ok(Json(state.proofs.issue(&slug, max, now()))),
    }
}
