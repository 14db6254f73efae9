//! Saves the running tallies every few seconds and at shutdown, so that a restart counts only
//! the changes logged after the saved tally instead of every stored response (see
//! [`crate::storage::Db::snapshot`]). A saved tally is only ever a shortcut: whenever it cannot
//! be used, everything is counted afresh.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use super::{Counts, Live};
use crate::storage::changes::SavedTally;
use crate::storage::StorageError;

/// Saves every changed tally `every` so often (`--save-tallies-every`: at most ten minutes,
/// far shorter than the change log is kept, so a restart finds every change after the saved
/// tally; the default ten seconds leave few changes to count then).
pub fn spawn(counts: Counts, every: Duration) {
    tokio::spawn(async move {
        let mut saved = HashMap::new();
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = save_changed(&counts, &mut saved).await {
                tracing::warn!(error = %e, "saving the tallies failed; trying again later");
            }
        }
    });
}

/// Saves every tally (at shutdown, and for tests).
pub async fn save_all(counts: &Counts) -> Result<usize, StorageError> {
    save_changed(counts, &mut HashMap::new()).await
}

/// Saves the tallies whose version is not the one in `saved` (by consultation), and notes
/// what it saved there; returns how many it saved.
async fn save_changed(
    counts: &Counts,
    saved: &mut HashMap<String, u64>,
) -> Result<usize, StorageError> {
    let mut count = 0;
    for live in counts.consultations() {
        let slug = live.consultation.slug.to_string();
        if saved.get(&slug) == Some(&live.version()) {
            continue;
        }
        let version = save(counts, live).await?;
        saved.insert(slug, version);
        count += 1;
    }
    Ok(count)
}

/// Saves the tally of `live`; returns the version it counts up to.
pub async fn save(counts: &Counts, live: Arc<Live>) -> Result<u64, StorageError> {
    let slug = live.consultation.slug.to_string();
    let (version, json) = tokio::task::spawn_blocking(move || {
        let (version, tally) = live.tally_at();
        let saved = SavedTally {
            counting_key: live.consultation.counting_key(),
            tally,
        };
        serde_json::to_string(&saved).map(|json| (version, json))
    })
    .await
    .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))?;
    counts.db().save_tally(&slug, version, &json).await?;
    Ok(version)
}
