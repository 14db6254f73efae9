//! Responses per day, for the public page and the dashboard. Counting them groups every
//! response of a consultation, so the figures are read from the database at most once a
//! minute per consultation and shared by every reader in between.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::storage::{Db, StorageError};

/// How long counted days are reused.
const FRESH_FOR: Duration = Duration::from_secs(60);

/// `(day since 1970 in UTC, responses)`, oldest first.
pub type Days = Arc<Vec<(i64, i64)>>;

/// The days last counted for one consultation (one per consultation: bounded by the
/// consultations staff create).
#[derive(Default)]
pub struct DaysCache(Mutex<Option<(Instant, Days)>>);

impl DaysCache {
    pub async fn get(&self, db: &Db, slug: &str) -> Result<Days, StorageError> {
        if let Some((at, days)) = &*self.0.lock().unwrap_or_else(PoisonError::into_inner) {
            if at.elapsed() < FRESH_FOR {
                return Ok(days.clone());
            }
        }
        let days: Days = Arc::new(db.responses_per_day(slug).await?);
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) =
            Some((Instant::now(), days.clone()));
        Ok(days)
    }
}
