//! API tokens through the staff API: list, create (for oneself) and revoke. Admins see and
//! revoke everybody's; others only their own. Secrets are shown once, when made.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::guard::auth::Staff;
use crate::http::json::ApiJson;
use crate::http::json::ApiPath;
use crate::staff::{secret, secret_hash, Role};
use crate::state::AppState;
use crate::storage::staff::TokenInfo;

/// The longest a token may live.
const MAX_DAYS: u32 = 3650;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewToken {
    /// Days until it expires (1 to 3,650; default 90).
    #[serde(default = "default_days")]
    days: u32,
}

fn default_days() -> u32 {
    90
}

/// A token just made: its secret is in this answer only.
#[derive(Serialize)]
pub struct MadeToken {
    #[serde(flatten)]
    info: TokenInfo,
    token: String,
}

/// The caller's name, or `None` for admins, who manage every token.
fn scope(staff: &Staff) -> Result<Option<&str>, AppError> {
    let member = staff.require(Role::Moderator)?;
    Ok((member.role < Role::Admin).then_some(member.name.as_str()))
}

pub async fn list(
    State(state): State<AppState>,
    staff: Staff,
) -> Result<Json<Vec<TokenInfo>>, AppError> {
    Ok(Json(state.db.tokens(scope(&staff)?).await?))
}

pub async fn create(
    State(state): State<AppState>,
    staff: Staff,
    ApiJson(new): ApiJson<NewToken>,
) -> Result<(StatusCode, Json<MadeToken>), AppError> {
    let member = staff.require(Role::Moderator)?;
    if !(1..=MAX_DAYS).contains(&new.days) {
        return Err(AppError::InvalidBody(format!(
            "days: a token lives 1 to {MAX_DAYS} days, not {}",
            new.days
        )));
    }
    let token = secret(32);
    let id = state
        .db
        .add_token(&member.name, &secret_hash(&token), new.days)
        .await?
        .ok_or(AppError::SignInRequired)?;
    let info = state
        .db
        .tokens(Some(&member.name))
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(MadeToken { info, token })))
}

pub async fn revoke(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, AppError> {
    if state.db.revoke_token(&id, scope(&staff)?).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}
