//! Runs the data lifecycle: every hour (and at start) the personal data of each closed
//! consultation whose retention period has passed is removed (see
//! [`Db::remove_personal_data`](crate::storage::Db::remove_personal_data)), and the change log
//! is pruned to its last hour.

use std::time::Duration;

use crate::state::AppState;
use crate::storage::{changes, now, Removed, StorageError};

/// How often the server looks for consultations due.
const EVERY: Duration = Duration::from_secs(60 * 60);

/// Removes the personal data of every consultation due at `now`; returns what was removed.
pub async fn remove_due(
    state: &AppState,
    now: i64,
) -> Result<Vec<(String, Removed)>, StorageError> {
    let mut done = Vec::new();
    for slug in state.db.due_for_removal(now).await? {
        let removed = state.db.remove_personal_data(&slug, now).await?;
        tracing::info!(consultation = %slug, ?removed, "personal data removed after retention");
        done.push((slug, removed));
    }
    Ok(done)
}

/// Starts the hourly run.
pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tick.tick().await;
            if let Err(e) = remove_due(&state, now()).await {
                tracing::error!(error = %e, "removing personal data failed; trying again in an hour");
            }
            if let Err(e) = state.db.prune_proofs(now()).await {
                tracing::error!(error = %e, "pruning used proofs of work failed; trying again in an hour");
            }
            if let Err(e) = state.db.prune_expired_credentials(now()).await {
                tracing::error!(error = %e, "deleting expired sessions and tokens failed; trying again in an hour");
            }
            let before = now() - changes::KEEP_CHANGES_SECONDS;
            if let Err(e) = state.db.prune_changes(before).await {
                tracing::error!(error = %e, "pruning the change log failed; trying again in an hour");
            }
        }
    });
}
