//! Who is calling a staff endpoint: a dashboard session (cookie) or an API token (bearer).
//! Anonymous calls get `401`, calls without the needed role `403`.

use axum::extract::{FromRef, FromRequestParts};
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;

use crate::error::AppError;
use crate::staff::{secret_hash, Role, StaffMember};
use crate::storage::Db;

/// The session cookie of the dashboard, over plain HTTP (development).
pub const SESSION_COOKIE: &str = "mitreden_staff";
/// The session cookie over HTTPS: with the `__Host-` prefix browsers accept it only from this
/// very host, over HTTPS, for the whole path, and never set by a subdomain.
pub const SECURE_SESSION_COOKIE: &str = "__Host-mitreden_staff";

/// The session cookie's name on a server reached over HTTPS (`https`) or not: `__Host-`
/// prefixed over HTTPS.
pub fn session_cookie(https: bool) -> &'static str {
    if https {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}
/// How long a dashboard session lasts.
pub const SESSION_HOURS: i64 = 8;

/// What telling a staff member by their token or session takes: where members are stored,
/// and the session cookie's name on this server. The router's state provides it.
pub struct StaffDirectory {
    pub db: Db,
    pub cookie: &'static str,
}

/// A signed-in staff member.
pub struct Staff(pub StaffMember);

impl Staff {
    /// Refuses members below `role` with `403`.
    pub fn require(&self, role: Role) -> Result<&StaffMember, AppError> {
        if self.0.role >= role {
            Ok(&self.0)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    session_from(&parts.headers, name)
}

/// The value of the cookie `name` in `headers`.
pub fn session_from<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl<S: Send + Sync> FromRequestParts<S> for Staff
where
    StaffDirectory: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let directory = StaffDirectory::from_ref(state);
        let bearer = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let member = if let Some(token) = bearer {
            directory
                .db
                .token_member(&secret_hash(token.trim()))
                .await?
        } else if let Some(session) = cookie(parts, directory.cookie) {
            directory.db.session_member(&secret_hash(session)).await?
        } else {
            None
        };
        member.map(Staff).ok_or(AppError::SignInRequired)
    }
}
