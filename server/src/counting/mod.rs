//! The running tallies in memory, one per consultation ([`Live`]), loaded from storage at
//! start and then kept in step with the database's change log by [`sync`], whichever server
//! process made the change; [`tally_saver`] saves them so that a restart counts only what
//! came after. Results are read from the tallies, never by rescanning responses.

pub mod live;
pub mod sync;
pub mod tally_saver;
pub mod timeline;

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use tokio::sync::watch;

use crate::storage::{Db, StorageError};
pub use live::{Applied, Live};

/// Every consultation's running tally, shared by every request and background task (a clone
/// is one reference count).
#[derive(Clone)]
pub struct Counts(Arc<Inner>);

struct Inner {
    db: Db,
    live: RwLock<HashMap<String, Arc<Live>>>,
    /// Bumped whenever something was counted.
    counted: watch::Sender<u64>,
}

impl Counts {
    /// Loads every consultation and counts its stored responses, then keeps counting what
    /// any process stores (see [`sync`]).
    pub async fn load(db: Db) -> Result<Self, StorageError> {
        let (counted, _) = watch::channel(0);
        let counts = Self(Arc::new(Inner {
            db,
            live: RwLock::new(HashMap::new()),
            counted,
        }));
        // Subscribe before loading, so that nothing committed meanwhile is missed.
        let committed = counts.0.db.subscribe();
        for (slug, _) in counts.0.db.versions().await? {
            counts.load_afresh(&slug).await?;
        }
        sync::spawn(counts.clone(), committed);
        Ok(counts)
    }

    /// The database the tallies are counted from.
    pub fn db(&self) -> &Db {
        &self.0.db
    }

    /// Loads the consultation and counts everything stored for it, unless what is in memory
    /// is as new. What is counted in memory is saved first, so that when the definition still
    /// counts responses as before (texts, status, settings changed) only the few changes since
    /// are counted, not every stored response.
    pub async fn load_afresh(&self, slug: &str) -> Result<(), StorageError> {
        if let Some(current) = self.consultation(slug) {
            tally_saver::save(self, current).await?;
        }
        let Some(snapshot) = self.0.db.snapshot(slug).await? else {
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
            let Some(changes) = self.0.db.changes_since(slug, from, to).await? else {
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
            let mut all = self.0.live.write().unwrap_or_else(PoisonError::into_inner);
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
        if !live.start_regaining() {
            return;
        }
        let (counts, slug) = (self.clone(), live.consultation.slug.to_string());
        tokio::spawn(async move {
            if let Err(e) = counts.load_afresh(&slug).await {
                tracing::error!(error = %e, consultation = slug, "counting afresh failed");
            }
        });
    }

    /// Tells whoever waits in [`Counts::counted_up_to`] that something was counted.
    pub(crate) fn notify_counted(&self) {
        self.0.counted.send_modify(|n| *n += 1);
    }

    /// Waits until this process has counted the consultation up to `version` (what it just
    /// stored, or a definition it just saved), so that whoever stored it sees it in the
    /// results right away. Gives up after a few seconds: what is stored is stored, and it is
    /// counted a moment later.
    pub async fn counted_up_to(&self, slug: &str, version: u64) {
        let mut counted = self.0.counted.subscribe();
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
            .0
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
        self.0
            .live
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(slug)
            .cloned()
    }
}
