//! Keeps this process's in-memory tallies in step with the database, whichever process
//! changed it. Several server processes can share one database (behind a load balancer);
//! each counts from the database's change log (see [`crate::storage::changes`]):
//!
//! - what this process commits is announced at once and counted from memory;
//! - twice a second, and whenever an announcement does not follow on from what is counted,
//!   the consultations' versions are read and anything missing is counted from the log;
//! - a consultation whose definition changed, that is new, or whose missing versions have left
//!   the log (after an hour) is loaded and counted afresh from a consistent snapshot.
//!
//! Versions of a consultation are handed out one at a time, so "the next version" is always
//! well defined and nothing is counted twice or skipped.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::broadcast::{self, error::RecvError};

use super::{Applied, Counts};
use crate::storage::changes::Committed;
use crate::storage::StorageError;

/// How often the database is asked for changes made by other processes.
const POLL: Duration = Duration::from_millis(500);

/// Starts counting what is committed.
pub fn spawn(counts: Counts, mut committed: broadcast::Receiver<Arc<Committed>>) {
    tokio::spawn(async move {
        let mut poll = tokio::time::interval(POLL);
        poll.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            let outcome = tokio::select! {
                announced = committed.recv() => match announced {
                    Ok(c) => count_announced(&counts, &c).await,
                    Err(RecvError::Lagged(_)) => catch_up(&counts).await,
                    Err(RecvError::Closed) => return,
                },
                _ = poll.tick() => catch_up(&counts).await,
            };
            if let Err(e) = outcome {
                tracing::error!(error = %e, "counting from the database failed; trying again");
                tokio::time::sleep(POLL).await;
            }
        }
    });
}

/// Counts what this process just committed, if it follows on from what is counted.
async fn count_announced(counts: &Counts, c: &Committed) -> Result<(), StorageError> {
    let live = counts.consultation(&c.consultation);
    let applied = match &live {
        Some(live) => live.apply(c.version, &c.changes)?,
        None => Applied::Reload,
    };
    match applied {
        Applied::Counted => {
            if let Some(live) = &live {
                counts.regain_ranks(live);
            }
            counts.notify_counted();
        }
        Applied::Already => {}
        Applied::Gap => catch_up_one(counts, &c.consultation, c.version).await?,
        Applied::Reload => counts.load_afresh(&c.consultation).await?,
    }
    Ok(())
}

/// Counts whatever any process committed that is not counted here yet.
pub async fn catch_up(counts: &Counts) -> Result<(), StorageError> {
    for (slug, version) in counts.db().versions().await? {
        catch_up_one(counts, &slug, version).await?;
    }
    Ok(())
}

/// Counts the consultation up to `version` from the change log, or loads it afresh.
async fn catch_up_one(counts: &Counts, slug: &str, version: u64) -> Result<(), StorageError> {
    let Some(live) = counts.consultation(slug) else {
        return counts.load_afresh(slug).await;
    };
    let counted = live.version();
    if counted >= version {
        return Ok(());
    }
    let Some(changes) = counts.db().changes_since(slug, counted, version).await? else {
        return counts.load_afresh(slug).await;
    };
    // One version at a time, in order.
    for logged in changes.chunk_by(|a, b| a.0 == b.0) {
        let batch: Vec<_> = logged.iter().map(|(_, c)| c.clone()).collect();
        match live.apply(logged[0].0, &batch)? {
            Applied::Counted | Applied::Already => {}
            Applied::Gap | Applied::Reload => return counts.load_afresh(slug).await,
        }
    }
    counts.regain_ranks(&live);
    counts.notify_counted();
    Ok(())
}
