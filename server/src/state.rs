//! Shared state: the database handle and, per consultation, the running tally in memory.
//!
//! Results are read from the in-memory tally, never by rescanning responses. The tally is
//! loaded from storage at start and then kept in step with the database's change log by
//! [`crate::sync`], whichever server process made the change.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use tokio::sync::watch;

use mitreden_core::results::ResultsOptions;
use mitreden_core::{
    Consultation, Results, StatementSummary, StatementTally, Tally, ValidResponse, ValidStatement,
};

use crate::receipt::ReceiptKey;
use crate::storage::changes::{Change, ChangeKind, Snapshot};
use crate::storage::{Db, StorageError};

/// A consultation with its running tally.
pub struct Live {
    pub consultation: Consultation,
    counted: Mutex<Counted>,
    /// Held while results are computed: one computation at a time per consultation.
    computing: Arc<tokio::sync::Mutex<()>>,
    /// How many times results were computed (for tests and diagnostics).
    computations: AtomicU64,
    /// The public form of the results last asked for, with the full results it was made of.
    public: Mutex<Option<(Arc<Results>, Arc<Results>)>>,
}

/// The tally, the consultation's version it counts everything up to, and the results last
/// computed (with the version they belong to).
struct Counted {
    tally: Tally,
    statements: StatementTally,
    version: u64,
    results: Option<(u64, Arc<Results>)>,
}

/// What became of changes handed to [`Live::apply`].
#[derive(Debug, PartialEq, Eq)]
pub enum Applied {
    /// Counted; the tally is at the changes' version now.
    Counted,
    /// This version was counted before.
    Already,
    /// Versions before this one are not counted yet.
    Gap,
    /// The definition changed: the consultation must be loaded afresh.
    Reload,
}

impl Live {
    /// Counts everything in a snapshot.
    pub fn new(snapshot: &Snapshot) -> Self {
        let consultation = snapshot.consultation.clone();
        let tally = recount(&consultation, &snapshot.responses);
        let mut statement_tally = StatementTally::new(consultation.priorities.len());
        for s in &snapshot.statements {
            statement_tally.add(s, &consultation);
        }
        Self {
            consultation,
            counted: Mutex::new(Counted {
                tally,
                statements: statement_tally,
                version: snapshot.version,
                results: None,
            }),
            computing: Arc::default(),
            computations: AtomicU64::new(0),
            public: Mutex::new(None),
        }
    }

    /// The consultation's version everything is counted up to.
    pub fn version(&self) -> u64 {
        self.counted().version
    }

    /// Counts the changes logged under `version` if that is the next version.
    pub fn apply(&self, version: u64, changes: &[Change]) -> Result<Applied, StorageError> {
        let mut counted = self.counted();
        if version <= counted.version {
            return Ok(Applied::Already);
        }
        if version != counted.version + 1 {
            return Ok(Applied::Gap);
        }
        if changes.iter().any(|c| c.kind == ChangeKind::Definition) {
            return Ok(Applied::Reload);
        }
        // Decode everything first, so that a bad entry changes nothing.
        enum Decoded {
            Response(bool, ValidResponse),
            Statement(bool, ValidStatement),
        }
        let decoded = changes
            .iter()
            .map(|c| {
                Ok(match c.kind {
                    ChangeKind::Count | ChangeKind::Uncount => Decoded::Response(
                        c.kind == ChangeKind::Count,
                        serde_json::from_str(&c.body)?,
                    ),
                    _ => Decoded::Statement(
                        c.kind == ChangeKind::CountStatement,
                        serde_json::from_str(&c.body)?,
                    ),
                })
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        let c = &self.consultation;
        for d in decoded {
            match d {
                Decoded::Response(add, r) => {
                    if let Some(ballot) = r.ballot(c) {
                        if add {
                            counted.tally.add(&ballot);
                        } else {
                            counted.tally.remove(&ballot);
                        }
                    }
                }
                Decoded::Statement(true, s) => counted.statements.add(&s, c),
                Decoded::Statement(false, s) => counted.statements.remove(&s, c),
            }
        }
        counted.version = version;
        Ok(Applied::Counted)
    }

    fn counted(&self) -> std::sync::MutexGuard<'_, Counted> {
        self.counted.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The organisations' stances, reported apart from individual responses.
    pub fn statement_summary(&self) -> StatementSummary {
        StatementSummary::new(&self.consultation, &self.counted().statements)
    }

    pub fn tally(&self) -> Tally {
        self.counted().tally.clone()
    }

    /// The current results: everything counted when they were asked for is in them. They are
    /// computed from the in-memory tally (never by rescanning responses), off the async
    /// runtime since the bootstrap takes a moment, and reused until the next response is
    /// counted.
    ///
    /// The bootstrap's cost grows with the number of responses (about 1.7 s for 150,000), and
    /// anyone may read results. So there is only ever one computation per consultation: reads
    /// that arrive meanwhile wait for it and then take the newest results, computing again
    /// only if something was counted after they were asked. However many read at once, and
    /// however often responses arrive, results take at most one core. A computation runs to
    /// the end and keeps its results even if the reader who started it has gone.
    pub async fn results(self: Arc<Self>) -> Arc<Results> {
        let wanted = self.counted().version;
        if let Some(results) = self.results_since(wanted) {
            return results;
        }
        let computing = self.computing.clone().lock_owned().await;
        if let Some(results) = self.results_since(wanted) {
            return results;
        }
        let live = self.clone();
        tokio::task::spawn_blocking(move || {
            let _computing = computing;
            let (version, tally) = {
                let counted = live.counted();
                (counted.version, counted.tally.clone())
            };
            let results = Arc::new(Results::compute(
                &live.consultation,
                &tally,
                &ResultsOptions::default(),
            ));
            live.computations.fetch_add(1, Ordering::Relaxed);
            let mut counted = live.counted();
            if counted.results.as_ref().is_none_or(|(v, _)| *v < version) {
                counted.results = Some((version, results.clone()));
            }
            results
        })
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
    }

    /// The current results as they may be published ([`Results::public`]), kept beside the
    /// full results so that public reads do not redo the redaction.
    pub async fn public_results(self: Arc<Self>) -> Arc<Results> {
        let full = self.clone().results().await;
        let mut public = self.public.lock().unwrap_or_else(PoisonError::into_inner);
        match &*public {
            Some((of, redacted)) if Arc::ptr_eq(of, &full) => redacted.clone(),
            _ => {
                let redacted = Arc::new(full.public());
                *public = Some((full, redacted.clone()));
                redacted
            }
        }
    }

    /// The results last computed, if they count everything up to `version`.
    fn results_since(&self, version: u64) -> Option<Arc<Results>> {
        let counted = self.counted();
        let (computed_at, results) = counted.results.as_ref()?;
        (*computed_at >= version).then(|| results.clone())
    }

    /// How many times this consultation's results were computed.
    pub fn computations(&self) -> u64 {
        self.computations.load(Ordering::Relaxed)
    }
}

/// A full count of `responses` from scratch.
pub fn recount(consultation: &Consultation, responses: &[ValidResponse]) -> Tally {
    let mut tally = Tally::for_consultation(consultation);
    for ballot in responses.iter().filter_map(|r| r.ballot(consultation)) {
        tally.add(&ballot);
    }
    tally
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub receipts: ReceiptKey,
    /// Signs and checks proof-of-work challenges.
    pub proofs: crate::proof::ProofKey,
    /// Failed staff sign-ins, to slow down guessing.
    pub throttle: crate::throttle::Throttle,
    /// Checks staff passwords off the async runtime.
    pub passwords: crate::staff::PasswordChecks,
    /// Where the built widget (`trunk build`) lives.
    pub widget_dir: PathBuf,
    /// Where the built staff dashboard lives.
    pub dashboard_dir: PathBuf,
    /// How often one client may write.
    pub rate_limit: crate::rate_limit::RateLimit,
    /// How long a request body may take to arrive (`--body-timeout`).
    pub body_timeout: std::time::Duration,
    /// The address browsers reach the server at (`--public-url`), if configured.
    pub public_url: Option<String>,
    /// Origins allowed to call the public API from their own pages (CORS); none by default.
    pub cors_origins: Vec<String>,
    live: Arc<RwLock<HashMap<String, Arc<Live>>>>,
    /// Bumped whenever something was counted.
    counted: Arc<watch::Sender<u64>>,
}

impl AppState {
    /// Whether browsers reach this server over HTTPS (`--public-url https://…`).
    pub fn https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }

    /// Loads every consultation and counts its stored responses, then keeps counting what
    /// any process stores (see [`crate::sync`]).
    pub async fn load(
        db: Db,
        widget_dir: PathBuf,
        dashboard_dir: PathBuf,
    ) -> Result<Self, StorageError> {
        let receipts = ReceiptKey::new(db.secret("receipt_key").await?);
        let proofs = crate::proof::ProofKey::new(db.secret("proof_key").await?);
        let (counted, _) = watch::channel(0);
        let state = Self {
            db,
            receipts,
            proofs,
            throttle: Default::default(),
            passwords: Default::default(),
            widget_dir,
            dashboard_dir,
            rate_limit: Default::default(),
            body_timeout: std::time::Duration::from_secs(30),
            public_url: None,
            cors_origins: Vec::new(),
            live: Arc::new(RwLock::new(HashMap::new())),
            counted: Arc::new(counted),
        };
        // Subscribe before loading, so that nothing committed meanwhile is missed.
        let committed = state.db.subscribe();
        for (slug, _) in state.db.versions().await? {
            state.load_afresh(&slug).await?;
        }
        crate::sync::spawn(state.clone(), committed);
        Ok(state)
    }

    /// Loads the consultation and counts everything stored for it, unless what is in memory
    /// is as new.
    pub async fn load_afresh(&self, slug: &str) -> Result<(), StorageError> {
        let Some(snapshot) = self.db.snapshot(slug).await? else {
            return Ok(());
        };
        let live = Arc::new(Live::new(&snapshot));
        {
            let mut all = self.live.write().unwrap_or_else(PoisonError::into_inner);
            if all
                .get(slug)
                .is_none_or(|current| current.version() < snapshot.version)
            {
                all.insert(slug.to_owned(), live);
            }
        }
        self.notify_counted();
        Ok(())
    }

    /// Tells whoever waits in [`AppState::counted_up_to`] that something was counted.
    pub(crate) fn notify_counted(&self) {
        self.counted.send_modify(|n| *n += 1);
    }

    /// Waits until this process has counted the consultation up to `version` (what it just
    /// stored, or a definition it just saved), so that whoever stored it sees it in the
    /// results right away. Gives up after a few seconds: what is stored is stored, and it is
    /// counted a moment later.
    pub async fn counted_up_to(&self, slug: &str, version: u64) {
        let mut counted = self.counted.subscribe();
        let wait = async {
            loop {
                if self
                    .consultation(slug)
                    .is_some_and(|l| l.version() >= version)
                {
                    return;
                }
                if counted.changed().await.is_err() {
                    return;
                }
            }
        };
        if tokio::time::timeout(std::time::Duration::from_secs(5), wait)
            .await
            .is_err()
        {
            tracing::warn!(consultation = slug, version, "counting is behind");
        }
    }

    /// Every consultation, in the order they were loaded.
    pub fn consultations(&self) -> Vec<Arc<Live>> {
        let mut all: Vec<Arc<Live>> = self
            .live
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .cloned()
            .collect();
        all.sort_by(|a, b| a.consultation.slug.cmp(&b.consultation.slug));
        all
    }

    pub fn consultation(&self, slug: &str) -> Option<Arc<Live>> {
        self.live
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(slug)
            .cloned()
    }
}
