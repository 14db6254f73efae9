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

/// Checks passwords on a few threads of their own (one per core), off the async runtime: a
/// burst of sign-ins neither stalls other requests nor runs more argon2 checks at once than
/// there are cores (each takes 19 MiB), and a check whose caller has gone is skipped. At most
/// [`QUEUED_CHECKS`] wait; further callers wait for room.
#[derive(Clone)]
pub struct PasswordChecks {
    queue: tokio::sync::mpsc::Sender<Check>,
    checks: Arc<AtomicU64>,
}

/// A password, the hash to check it against (none: the dummy), and where the answer goes.
type Check = (String, Option<String>, tokio::sync::oneshot::Sender<bool>);

/// Checks that may wait for a thread.
pub const QUEUED_CHECKS: usize = 64;

impl Default for PasswordChecks {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (queue, waiting) = tokio::sync::mpsc::channel::<Check>(QUEUED_CHECKS);
        let waiting = Arc::new(std::sync::Mutex::new(waiting));
        let checks = Arc::new(AtomicU64::new(0));
        for n in 0..cores {
            let waiting = Arc::clone(&waiting);
            let checks = Arc::clone(&checks);
            let worker = move || loop {
                let next = waiting
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .blocking_recv();
                // None: the server is gone, and this thread with it.
                let Some((password, hash, answer)) = next else {
                    break;
                };
                if answer.is_closed() {
                    continue;
                }
                checks.fetch_add(1, Ordering::Relaxed);
                let right = match hash {
                    Some(hash) => verify_password(&password, &hash),
                    None => {
                        let _ = verify_password(&password, &DUMMY_HASH);
                        false
                    }
                };
                let _ = answer.send(right);
            };
            std::thread::Builder::new()
                .name(format!("password-check-{n}"))
                .spawn(worker)
                .expect("the operating system starts a thread");
        }
        Self { queue, checks }
    }
}

impl PasswordChecks {
    /// Whether `password` matches `hash`. Without a hash (no such member) it is checked
    /// against a dummy hash all the same, so that the answer takes as long and does not tell
    /// which names exist.
    pub async fn verify(&self, password: String, hash: Option<String>) -> bool {
        let (answer, answered) = tokio::sync::oneshot::channel();
        if self.queue.send((password, hash, answer)).await.is_err() {
            return false;
        }
        answered.await.unwrap_or(false)
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
