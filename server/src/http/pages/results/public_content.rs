//! What the public pages show besides the counts: approved comments, published statements,
//! the follow-up (outcome, indicators, the comparison with the round before) and the titles of
//! decided proposals. Reading them is four queries and a replay of every published version;
//! a busy results page asked for them on every view. They are read once and shared by every
//! reader until something they depend on changes:
//! - the consultation's counted version (or its predecessor's: the round comparison),
//! - a change staff made through this server (moderation, statements, outcome, indicators:
//!   every staff write counts, see [`PublicContentCache::staff_changed`]),
//! - or [`FRESH_FOR`] passed, for changes another server process made on a shared database.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use mitreden_core::outcome::FollowUp;
use mitreden_core::ValidStatement;

use crate::counting::Live;
use crate::error::AppError;
use crate::state::AppState;

/// How long content read is shown at most without asking the database again.
const FRESH_FOR: Duration = Duration::from_secs(2);

/// The public content of one consultation, as read at one moment.
pub struct PublicContent {
    /// Approved comments: `(conflict, text)`.
    pub comments: Vec<(String, String)>,
    /// Statements whose organisations agreed to publication.
    pub statements: Vec<ValidStatement>,
    pub follow_up: FollowUp,
    /// Titles of the proposals staff decided, by number.
    pub proposals: Vec<(i64, String)>,
}

/// What the content was read under: the counted versions of the consultation and its
/// predecessor, and the count of staff changes.
type Stamp = (u64, Option<u64>, u64);

/// Content as read, with the stamp and the moment it was read under.
type Read = (Stamp, Instant, Arc<PublicContent>);

/// One entry per consultation (bounded by the consultations staff create).
#[derive(Clone, Default)]
pub struct PublicContentCache {
    read: Arc<Mutex<HashMap<String, Read>>>,
    staff_changes: Arc<AtomicU64>,
}

impl PublicContentCache {
    /// Staff changed something: whatever was read before is read again.
    pub fn staff_changed(&self) {
        self.staff_changes.fetch_add(1, Ordering::Release);
    }

    /// The public content of `live`'s consultation, read now or shared from a moment ago.
    pub async fn get(
        &self,
        state: &AppState,
        live: &Arc<Live>,
    ) -> Result<Arc<PublicContent>, AppError> {
        let slug = live.consultation.slug.to_string();
        let predecessor = live
            .consultation
            .predecessor
            .as_ref()
            .and_then(|p| state.counts.consultation(p.as_str()))
            .map(|p| p.version());
        let stamp = (
            live.version(),
            predecessor,
            self.staff_changes.load(Ordering::Acquire),
        );
        if let Some((read_under, at, content)) = self
            .read
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&slug)
        {
            if *read_under == stamp && at.elapsed() < FRESH_FOR {
                return Ok(content.clone());
            }
        }
        let content = Arc::new(PublicContent {
            comments: state.db.approved_comments(&slug).await?,
            statements: state.db.published_statements(&slug).await?,
            follow_up: crate::http::progress::public(state, live).await?,
            proposals: crate::http::progress::proposal_titles(state, &slug).await?,
        });
        self.read
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(slug, (stamp, Instant::now(), content.clone()));
        Ok(content)
    }
}
