//! Shared state: the database handle and, per consultation, the running tally in memory.
//!
//! Results are read from the in-memory tally, never by rescanning responses. The tally is
//! loaded from storage at start and then kept in step with the database's change log by
//! [`crate::counting::sync`], whichever server process made the change.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use mitreden_core::results::uncertainty::Uncertainties;
use mitreden_core::results::{equal_weights, ResultsOptions};
use mitreden_core::{Consultation, Results, StatementSummary, StatementTally, Tally};

use crate::counting::Decoded;
use crate::guard::receipt::ReceiptKey;
use crate::storage::changes::{Change, Snapshot};
use crate::storage::{Db, StorageError};

/// The shortest pause between two computations of the uncertainty of one consultation; a
/// computation that took longer makes the pause four times as long as it took, so the
/// uncertainty never takes more than a fifth of a core.
const UNCERTAINTY_PAUSE: Duration = Duration::from_secs(1);

/// A consultation with its running tally.
pub struct Live {
    pub consultation: Consultation,
    counted: Mutex<Counted>,
    /// Held while results are computed: one computation at a time per consultation.
    computing: Arc<tokio::sync::Mutex<()>>,
    /// How many times results were computed (for tests and diagnostics).
    computations: AtomicU64,
    /// The uncertainty last computed in the background, with the version it reflects.
    uncertainty: Mutex<Option<(u64, Arc<Uncertainties>)>>,
    /// Whether a background computation of the uncertainty is under way.
    refreshing: AtomicBool,
    /// Whether it is being counted afresh to regain lost ranks ([`AppState::regain_ranks`]).
    regaining: AtomicBool,
    /// The public form of the results last asked for, with the full results it was made of.
    public: Mutex<Option<(Arc<Results>, Arc<Results>)>>,
    /// Responses per day, counted at most once a minute.
    pub days: crate::counting::timeline::DaysCache,
}

/// The tally, the consultation's version it counts everything up to, and the results last
/// computed (see [`Computed`]).
struct Counted {
    tally: Tally,
    statements: StatementTally,
    version: u64,
    results: Option<Computed>,
}

/// Results with the version of the tally they count and that of the uncertainty in them.
struct Computed {
    version: u64,
    uncertainty: Option<u64>,
    results: Arc<Results>,
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
    pub fn new(snapshot: Snapshot) -> Self {
        Self {
            consultation: snapshot.consultation,
            counted: Mutex::new(Counted {
                tally: snapshot.tally,
                statements: snapshot.statements,
                version: snapshot.version,
                results: None,
            }),
            computing: Arc::default(),
            computations: AtomicU64::new(0),
            uncertainty: Mutex::new(None),
            refreshing: AtomicBool::new(false),
            regaining: AtomicBool::new(false),
            public: Mutex::new(None),
            days: Default::default(),
        }
    }

    /// The consultation's version everything is counted up to.
    pub fn version(&self) -> u64 {
        self.counted().version
    }

    /// What results asked for now count at least: the counted version and that of the
    /// uncertainty computed so far. Results read after this are as new or newer.
    pub fn stamp(&self) -> (u64, Option<u64>) {
        let uncertainty = self.latest_uncertainty().map(|(v, _)| v);
        (self.version(), uncertainty)
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
        // Decode everything first, so that a bad entry changes nothing.
        let Some(decoded) = changes
            .iter()
            .map(Decoded::decode)
            .collect::<Result<Option<Vec<_>>, StorageError>>()?
        else {
            return Ok(Applied::Reload);
        };
        let counted = &mut *counted;
        for change in decoded {
            change.apply(
                &self.consultation,
                &mut counted.tally,
                &mut counted.statements,
            );
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

    /// The tally with the version it counts everything up to.
    pub fn tally_at(&self) -> (u64, Tally) {
        let counted = self.counted();
        (counted.version, counted.tally.clone())
    }

    /// The current results: everything counted when they were asked for is in them, except
    /// in the rank intervals and top-k chances, which are computed in the background and may
    /// lag behind ([`Results::as_of`] says by how much). They come from the in-memory tally
    /// (never from rescanning responses), at a cost that does not grow with the number of
    /// responses (well under a millisecond for 20 priorities), and are reused until the next
    /// response is counted or the uncertainty is renewed.
    ///
    /// Only one computation runs at a time per consultation: reads that arrive meanwhile wait
    /// for it and then take the newest results, computing again only if something was counted
    /// after they were asked.
    pub async fn results(self: Arc<Self>) -> Arc<Results> {
        self.refresh_uncertainty();
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
            let uncertainty = live.latest_uncertainty();
            let started = std::time::Instant::now();
            let results = Arc::new(Results::compute_with(
                &live.consultation,
                &tally,
                &ResultsOptions::default(),
                uncertainty.as_ref().map(|(_, u)| &**u),
            ));
            crate::ops::metrics::computed("results", started.elapsed());
            live.computations.fetch_add(1, Ordering::Relaxed);
            let mut counted = live.counted();
            let computed = Computed {
                version,
                uncertainty: uncertainty.map(|(v, _)| v),
                results: results.clone(),
            };
            if counted
                .results
                .as_ref()
                .is_none_or(|c| c.older_than(&computed))
            {
                counted.results = Some(computed);
            }
            results
        })
        .await
        .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
    }

    fn latest_uncertainty(&self) -> Option<(u64, Arc<Uncertainties>)> {
        self.uncertainty
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether the uncertainty was computed from everything counted now. [`Results::as_of`]
    /// cannot tell this alone: after a withdrawal, an uncertainty computed before the
    /// latest responses may count as many responses as the results do.
    pub fn uncertainty_current(&self) -> bool {
        !self.uncertainty_stale()
    }

    /// Whether something was counted since the uncertainty was last computed.
    fn uncertainty_stale(&self) -> bool {
        let computed = self.latest_uncertainty().map(|(v, _)| v);
        computed.is_none_or(|v| v < self.version())
    }

    /// Starts computing the uncertainty in the background, unless it is current or already
    /// being computed. It goes on, pausing between computations (see [`UNCERTAINTY_PAUSE`]),
    /// until it has caught up with what is counted.
    fn refresh_uncertainty(self: &Arc<Self>) {
        if !self.uncertainty_stale() || self.refreshing.swap(true, Ordering::AcqRel) {
            return;
        }
        let live = self.clone();
        tokio::spawn(async move {
            loop {
                let started = Instant::now();
                let computing = live.clone();
                if let Err(e) =
                    tokio::task::spawn_blocking(move || computing.compute_uncertainty()).await
                {
                    tracing::error!(error = %e, "computing the uncertainty failed");
                }
                let took = started.elapsed();
                tokio::time::sleep(UNCERTAINTY_PAUSE.max(took * 4)).await;
                if !live.uncertainty_stale() {
                    live.refreshing.store(false, Ordering::Release);
                    // Something counted just now finds the flag set no longer and starts anew.
                    if !live.uncertainty_stale() || live.refreshing.swap(true, Ordering::AcqRel) {
                        return;
                    }
                }
            }
        });
    }

    /// Computes the uncertainty of the tally as it is now (off the async runtime).
    fn compute_uncertainty(&self) {
        let (version, tally) = {
            let counted = self.counted();
            (counted.version, counted.tally.clone())
        };
        let weights = equal_weights(&self.consultation, &tally);
        let started = std::time::Instant::now();
        let computed = Uncertainties::compute(&tally, &weights, &ResultsOptions::default());
        crate::ops::metrics::computed("uncertainty", started.elapsed());
        let mut latest = self
            .uncertainty
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if latest.as_ref().is_none_or(|(v, _)| *v < version) {
            *latest = Some((version, Arc::new(computed)));
        }
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

    /// The results last computed, if they count everything up to `version` and have the
    /// latest uncertainty in them.
    fn results_since(&self, version: u64) -> Option<Arc<Results>> {
        let uncertainty = self.latest_uncertainty().map(|(v, _)| v);
        let counted = self.counted();
        let computed = counted.results.as_ref()?;
        (computed.version >= version && computed.uncertainty >= uncertainty)
            .then(|| computed.results.clone())
    }

    /// How many times this consultation's results were computed.
    pub fn computations(&self) -> u64 {
        self.computations.load(Ordering::Relaxed)
    }
}

impl Computed {
    fn older_than(&self, other: &Computed) -> bool {
        (self.version, self.uncertainty) < (other.version, other.uncertainty)
    }
}

pub use crate::counting::recount;

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
    pub widget_dir: PathBuf,
    pub dashboard_dir: PathBuf,
    pub rate_limit: crate::guard::rate_limit::RateLimit,
    pub body_timeout: std::time::Duration,
    pub public_url: Option<String>,
    pub cors_origins: Vec<String>,
    pub notices: Arc<mitreden_core::notices::Notices>,
    pub metrics_from: Vec<crate::ops::metrics::Network>,
}

pub struct Shared {
    pub db: Db,
    pub receipts: ReceiptKey,
    /// Signs and checks proof-of-work challenges.
    pub proofs: crate::guard::proof::ProofKey,
    /// Failed staff sign-ins, to slow down guessing.
    pub throttle: crate::guard::throttle::Throttle,
    /// Checks staff passwords off the async runtime.
    pub passwords: crate::staff::PasswordChecks,
    /// Where the built widget (`scripts/build-wasm.sh`) lives.
    pub widget_dir: PathBuf,
    /// Where the built staff dashboard lives.
    pub dashboard_dir: PathBuf,
    /// How often one client may write.
    pub rate_limit: crate::guard::rate_limit::RateLimit,
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
    pub metrics_from: Vec<crate::ops::metrics::Network>,
    /// Charts of the public results, rendered once per counted version.
    pub charts: crate::http::pages::results::ChartCache,
    /// What the public pages show besides the counts, read once per change.
    pub public_content: crate::http::pages::results::PublicContentCache,
    /// The public page as rendered, per consultation and language, in the default look.
    pub pages: crate::http::pages::results::PageCache,
    live: RwLock<HashMap<String, Arc<Live>>>,
    /// Bumped whenever something was counted.
    counted: watch::Sender<u64>,
}

impl Shared {
    /// Whether browsers reach this server over HTTPS (`--public-url https://…`).
    pub fn https(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }
}

impl AppState {
    /// Loads every consultation and counts its stored responses, then keeps counting what
    /// any process stores (see [`crate::counting::sync`]).
    pub async fn load(db: Db, settings: Settings) -> Result<Self, StorageError> {
        let receipts = ReceiptKey::new(db.secret("receipt_key").await?);
        let proofs = crate::guard::proof::ProofKey::new(db.secret("proof_key").await?);
        let (counted, _) = watch::channel(0);
        let Settings {
            widget_dir,
            dashboard_dir,
            rate_limit,
            body_timeout,
            public_url,
            cors_origins,
            notices,
            metrics_from,
        } = settings;
        let state = Self(Arc::new(Shared {
            db,
            receipts,
            proofs,
            throttle: Default::default(),
            passwords: Default::default(),
            widget_dir,
            dashboard_dir,
            rate_limit,
            body_timeout,
            public_url,
            cors_origins,
            metrics_from,
            charts: Default::default(),
            public_content: Default::default(),
            pages: Default::default(),
            notices,
            live: RwLock::new(HashMap::new()),
            counted,
        }));
        // Subscribe before loading, so that nothing committed meanwhile is missed.
        let committed = state.db.subscribe();
        for (slug, _) in state.db.versions().await? {
            state.load_afresh(&slug).await?;
        }
        crate::counting::sync::spawn(state.clone(), committed);
        Ok(state)
    }

    /// Loads the consultation and counts everything stored for it, unless what is in memory
    /// is as new. What is counted in memory is saved first, so that when the definition still
    /// counts responses as before (texts, status, settings changed) only the few changes since
    /// are counted, not every stored response.
    pub async fn load_afresh(&self, slug: &str) -> Result<(), StorageError> {
        if let Some(current) = self.consultation(slug) {
            crate::counting::tally_saver::save(self, current).await?;
        }
        let Some(snapshot) = self.db.snapshot(slug).await? else {
            return Ok(());
        };
        tracing::info!(
            consultation = slug,
            version = snapshot.version,
            from_saved = snapshot.from_saved,
            "counted"
        );
        let live = Arc::new(Live::new(snapshot));
        // What the one in memory counted meanwhile is counted from the log before taking over.
        while let Some(current) = self.consultation(slug) {
            let (from, to) = (live.version(), current.version());
            if from >= to {
                break;
            }
            let Some(changes) = self.db.changes_since(slug, from, to).await? else {
                break;
            };
            for logged in changes.chunk_by(|a, b| a.0 == b.0) {
                let batch: Vec<_> = logged.iter().map(|(_, c)| c.clone()).collect();
                if live.apply(logged[0].0, &batch)? != Applied::Counted {
                    break;
                }
            }
            if live.version() < to {
                break;
            }
        }
        let version = live.version();
        {
            let mut all = self.live.write().unwrap_or_else(PoisonError::into_inner);
            if all
                .get(slug)
                .is_none_or(|current| current.version() <= version)
            {
                all.insert(slug.to_owned(), live.clone());
            }
        }
        // Ready before the first reader comes.
        live.refresh_uncertainty();
        self.notify_counted();
        Ok(())
    }

    /// Counts `live` afresh from storage in the background if a group of it lost the ranks
    /// it needs to be resampled exactly (see [`Tally::lost_ranks`]), so that its figures are
    /// those of any other count of the same responses; at most one such count at a time.
    pub(crate) fn regain_ranks(&self, live: &Arc<Live>) {
        if !live.counted().tally.lost_ranks() || live.regaining.swap(true, Ordering::AcqRel) {
            return;
        }
        let (state, slug) = (self.clone(), live.consultation.slug.to_string());
        tokio::spawn(async move {
            if let Err(e) = state.load_afresh(&slug).await {
                tracing::error!(error = %e, consultation = slug, "counting afresh failed");
            }
        });
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
