//! Staff accounts: roles, password hashing (argon2id), secrets for sessions and API tokens.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What a staff member may do.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Moderates comments, proposals and statements; reads results and exports.
    Moderator,
    /// Everything a moderator does, and defines, opens and closes consultations.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Moderator => "moderator",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "moderator" => Some(Role::Moderator),
            _ => None,
        }
    }
}

/// A signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffMember {
    #[serde(skip)]
    pub id: i64,
    pub name: String,
    pub role: Role,
}

/// An argon2id hash in PHC string form.
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashes any password")
        .to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// Checks passwords off the async runtime, a bounded number at once (one per core), so that
/// a burst of sign-ins neither stalls other requests nor piles up hashing work.
#[derive(Clone)]
pub struct PasswordChecks {
    running: Arc<tokio::sync::Semaphore>,
    checks: Arc<AtomicU64>,
}

impl Default for PasswordChecks {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self {
            running: Arc::new(tokio::sync::Semaphore::new(cores)),
            checks: Arc::default(),
        }
    }
}

impl PasswordChecks {
    /// Whether `password` matches `hash`. Without a hash (no such member) it is checked
    /// against a dummy hash all the same, so that the answer takes as long and does not tell
    /// which names exist.
    pub async fn verify(&self, password: String, hash: Option<String>) -> bool {
        let Ok(_permit) = self.running.acquire().await else {
            return false;
        };
        self.checks.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || match hash {
            Some(hash) => verify_password(&password, &hash),
            None => {
                let _ = verify_password(&password, &DUMMY_HASH);
                false
            }
        })
        .await
        .unwrap_or(false)
    }

    /// How many passwords were checked (for tests and diagnostics).
    pub fn checks(&self) -> u64 {
        self.checks.load(Ordering::Relaxed)
    }
}

/// A hash of a password nobody knows, with the same parameters as real ones.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password(&secret(16)));

/// A random secret (sessions, tokens, generated passwords) as 32 lower-case hex characters
/// per 16 bytes.
pub fn secret(bytes: usize) -> String {
    let mut raw = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut raw);
    raw.iter().map(|b| format!("{b:02x}")).collect()
}

/// What is stored of a session or token secret.
pub fn secret_hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Names of staff accounts: 1–64 letters, digits, `.`, `-`, `_`, `@`.
pub fn valid_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hashed_with_argon2id_and_verified() {
        let hash = hash_password("korrekt Pferd Batterie");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("korrekt Pferd Batterie", &hash));
        assert!(!verify_password("falsch", &hash));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn staff_names_are_plain() {
        assert!(valid_name("anna.schmidt@bmds"));
        assert!(!valid_name(""));
        assert!(!valid_name("anna schmidt"));
    }
}
