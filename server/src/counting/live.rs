//! A consultation with its running tally: counted change by change as the log brings them,
//! with the results computed from it on demand and their uncertainty in the background.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use mitreden_core::results::uncertainty::Uncertainties;
use mitreden_core::results::{equal_weights, ResultsOptions};
use mitreden_core::{Consultation, Results, StatementSummary, StatementTally, Tally};

use crate::storage::changes::{Change, Snapshot};
use crate::storage::decoded::Decoded;
use crate::storage::StorageError;

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
    /// Whether it is being counted afresh to regain lost ranks ([`super::Counts::regain_ranks`]).
    regaining: AtomicBool,
    /// The public form of the results last asked for, with the full results it was made of.
    public: Mutex<Option<(Arc<Results>, Arc<Results>)>>,
    /// Responses per day, counted at most once a minute.
    pub days: super::timeline::DaysCache,
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
            crate::telemetry::computed("results", started.elapsed());
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
    pub(super) fn refresh_uncertainty(self: &Arc<Self>) {
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
        crate::telemetry::computed("uncertainty", started.elapsed());
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

    /// Whether this consultation lost the ranks of a group small enough to be resampled
    /// exactly and is not yet being counted afresh; if so, it is marked as being counted.
    pub(super) fn start_regaining(&self) -> bool {
        self.counted().tally.lost_ranks() && !self.regaining.swap(true, Ordering::AcqRel)
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
