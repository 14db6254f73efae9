//! Who is calling a staff endpoint: a dashboard session (cookie) or an API token (bearer).
//! Anonymous calls get `401`, calls without the needed role `403`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;

use crate::error::AppError;
use crate::staff::{secret_hash, Role, StaffMember};
use crate::state::AppState;

/// The session cookie of the dashboard.
pub const SESSION_COOKIE: &str = "mitreden_staff";
/// How long a dashboard session lasts.
pub const SESSION_HOURS: i64 = 8;

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
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let bearer = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        let member = if let Some(token) = bearer {
            state.db.token_member(&secret_hash(token.trim())).await?
        } else if let Some(session) = cookie(parts, SESSION_COOKIE) {
            state.db.session_member(&secret_hash(session)).await?
        } else {
            None
        };
        member.map(Staff).ok_or(AppError::SignInRequired)
    }
}

/// Slows down guessing: after a few failed sign-ins for a name, further attempts for that name
/// wait, doubling each time (up to 15 minutes). Kept in memory; no IP address is involved.
#[derive(Clone, Default)]
pub struct Throttle(Arc<Mutex<HashMap<String, (u32, Instant)>>>);

const FREE_ATTEMPTS: u32 = 5;
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);

impl Throttle {
    /// `Err(seconds to wait)` while `name` is locked.
    pub fn check(&self, name: &str) -> Result<(), u64> {
        let map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        match map.get(name) {
            Some((_, until)) if *until > Instant::now() => {
                Err((*until - Instant::now()).as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    pub fn failed(&self, name: &str) {
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = map.entry(name.to_owned()).or_insert((0, Instant::now()));
        entry.0 += 1;
        if entry.0 >= FREE_ATTEMPTS {
            let wait = Duration::from_secs(1 << (entry.0 - FREE_ATTEMPTS).min(10)).min(MAX_WAIT);
            entry.1 = Instant::now() + wait;
        }
    }

    pub fn succeeded(&self, name: &str) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(name);
    }
}
