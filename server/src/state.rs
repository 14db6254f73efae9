//! What every request shares: the database, the running tallies ([`Counts`]), the keys that
//! sign receipts and proof-of-work challenges, the sign-in throttle and password checks, and
//! what the operator set on the command line ([`Settings`]).

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::FromRef;

use crate::counting::Counts;
use crate::guard::auth::{session_cookie, StaffDirectory};
use crate::guard::network::Network;
use crate::guard::proof::ProofKey;
use crate::guard::rate_limit::RateLimit;
use crate::guard::receipt::ReceiptKey;
use crate::guard::throttle::Throttle;
use crate::staff::PasswordChecks;
use crate::storage::{Db, StorageError};

/// What every request and background task shares, behind one `Arc`: a request clones the
/// state once per extractor and middleware, and a clone is one reference count, not a copy
/// of every field (which had cost an allocation for each list and address in it).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What the operator set on the command line (see [`crate::cli::ServeArgs`]).
pub struct Settings {
    /// Where the built widget (`scripts/build-wasm.sh`) lives.
    pub widget_dir: PathBuf,
    /// Where the built staff dashboard lives.
    pub dashboard_dir: PathBuf,
    /// How often one client may write.
    pub rate_limit: RateLimit,
    /// How long a request body may take to arrive (`--body-timeout`).
    pub body_timeout: std::time::Duration,
    /// The address browsers reach the server at (`--public-url`), if configured.
    pub public_url: Option<String>,
    /// Origins allowed to call the public API from their own pages (CORS); none by default.
    pub cors_origins: Vec<String>,
    /// The public body's facts for the privacy notice and accessibility statement
    /// (`--notices`).
    pub notices: Arc<mitreden_core::notices::Notices>,
    /// Addresses and networks that may read `/metrics` without a staff token.
    pub metrics_from: Vec<Network>,
}

impl Settings {
    /// Whether browsers reach this server over HTTPS (`--public-url https://…`).
    pub fn https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }
}

pub struct Shared {
    pub db: Db,
    /// Every consultation with its running tally.
    pub counts: Counts,
    pub receipts: ReceiptKey,
    /// Signs and checks proof-of-work challenges.
    pub proofs: ProofKey,
    /// Failed staff sign-ins, to slow down guessing.
    pub throttle: Throttle,
    /// Checks staff passwords off the async runtime.
    pub passwords: PasswordChecks,
    pub settings: Settings,
}

impl AppState {
    /// Reads the keys and counts every consultation (see [`Counts::load`]).
    pub async fn load(db: Db, settings: Settings) -> Result<Self, StorageError> {
        let receipts = ReceiptKey::new(db.secret("receipt_key").await?);
        let proofs = ProofKey::new(db.secret("proof_key").await?);
        let counts = Counts::load(db.clone()).await?;
        Ok(Self(Arc::new(Shared {
            db,
            counts,
            receipts,
            proofs,
            throttle: Throttle::default(),
            passwords: PasswordChecks::default(),
            settings,
        })))
    }
}

impl FromRef<AppState> for StaffDirectory {
    fn from_ref(state: &AppState) -> Self {
        Self {
            db: state.db.clone(),
            cookie: session_cookie(state.settings.https()),
        }
    }
}

impl FromRef<AppState> for RateLimit {
    fn from_ref(state: &AppState) -> Self {
        state.settings.rate_limit
    }
}
