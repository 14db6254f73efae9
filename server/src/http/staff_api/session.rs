//! Signing in and out of the dashboard.

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde::Deserialize;

use crate::error::AppError;
use crate::guard::auth::{session_cookie, session_from, Staff, SESSION_HOURS};
use crate::guard::rate_limit::Client;
use crate::http::json::ApiJson;
use crate::staff::{secret, secret_hash, valid_name, Role, StaffMember};
use crate::state::AppState;
use crate::storage::now;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    name: String,
    password: String,
}

/// Longest password looked at (the command line refuses longer ones); longer ones would
/// only cost hashing time.
const MAX_PASSWORD_BYTES: usize = 1024;

pub async fn sign_in(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(form): ApiJson<SignIn>,
) -> Result<impl IntoResponse, AppError> {
    // Nothing is kept of a name that cannot exist.
    if !valid_name(&form.name) {
        return Err(AppError::InvalidStaffName);
    }
    let attempt = state
        .throttle
        .begin(client, &form.name)
        .map_err(AppError::TooManyAttempts)?;
    if form.password.len() > MAX_PASSWORD_BYTES {
        return Err(AppError::WrongCredentials);
    }
    let credentials = state.db.staff_credentials(&form.name).await?;
    let (member, hash) = credentials.unzip();
    let right = state.passwords.verify(form.password, hash).await;
    let member = member.filter(|_| right).ok_or(AppError::WrongCredentials)?;
    attempt.succeeded();
    let session = secret(32);
    let max_age = SESSION_HOURS * 3600;
    state
        .db
        .add_session(member.id, &secret_hash(&session), now() + max_age)
        .await?;
    let name = session_cookie(state.settings.https());
    let cookie =
        format!("{name}={session}; Path=/; Max-Age={max_age}; HttpOnly; Secure; SameSite=Strict");
    Ok(([(SET_COOKIE, cookie)], Json(member)))
}

pub async fn sign_out(
    State(state): State<AppState>,
    staff: Staff,
    headers: axum::http::HeaderMap,
) -> Result<impl IntoResponse, AppError> {
    let _ = staff;
    let name = session_cookie(state.settings.https());
    if let Some(session) = session_from(&headers, name) {
        state.db.remove_session(&secret_hash(session)).await?;
    }
    let expired = format!("{name}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, expired)]))
}

pub async fn me(staff: Staff) -> Result<Json<StaffMember>, AppError> {
    Ok(Json(staff.require(Role::Moderator)?.clone()))
}
