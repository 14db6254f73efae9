//! The loop closed: the [`FollowUp`] of a consultation, replayed from the versions staff
//! published, with its ranks compared against the round before.

use std::sync::Arc;

use mitreden_core::locale::Date;
use mitreden_core::outcome::{FollowUp, Timestamp, Version};
use mitreden_core::results::rounds::RoundComparison;
use mitreden_core::Status;

use crate::counting::Live;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::now;
use crate::storage::published::{StoredVersion, OUTCOME};
use crate::storage::StorageError;

/// Today (UTC), for where indicators stand.
pub fn today() -> Date {
    Date::from_days(now().div_euclid(86_400))
}

/// Replays the stored versions of `live`'s consultation.
async fn replay(state: &AppState, live: &Live) -> Result<FollowUp, AppError> {
    let c = &live.consultation;
    let stored = state.db.published_versions(c.slug.as_str()).await?;
    let outcome = versions(&stored, OUTCOME)?;
    let mut indicators = Vec::new();
    for p in &c.priorities {
        indicators.push((p.id.clone(), versions(&stored, p.id.as_str())?));
    }
    let of = |p: &mitreden_core::PriorityId| {
        indicators
            .iter()
            .find(|(id, _)| id == p)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    Ok(FollowUp::replay(c, &outcome, of, today()))
}

fn versions<T: serde::de::DeserializeOwned>(
    stored: &[StoredVersion],
    subject: &str,
) -> Result<Vec<Version<T>>, AppError> {
    stored
        .iter()
        .filter(|v| v.subject == subject)
        .map(|v| {
            Ok(Version {
                number: v.number,
                at: Timestamp(v.published_at),
                value: serde_json::from_str(&v.document).map_err(StorageError::from)?,
            })
        })
        .collect()
}

/// The follow-up of `live` as the public sees it: rounds compared only when both rounds'
/// results are public.
pub async fn public(state: &AppState, live: &Arc<Live>) -> Result<FollowUp, AppError> {
    let c = &live.consultation;
    let mut follow_up = replay(state, live).await?;
    let before = c
        .predecessor
        .as_ref()
        .and_then(|p| state.counts.consultation(p.as_str()))
        .filter(|p| p.consultation.results_public() && p.consultation.status != Status::Draft);
    if let (Some(before), true) = (before, c.results_public()) {
        let now = live.clone().public_results().await;
        let then = before.public_results().await;
        follow_up.rounds = Some(RoundComparison::of(&now, &then));
    }
    Ok(follow_up)
}

/// The follow-up of `live` as staff see it: rounds compared on the full results.
pub async fn staff(state: &AppState, live: &Arc<Live>) -> Result<FollowUp, AppError> {
    let c = &live.consultation;
    let mut follow_up = replay(state, live).await?;
    if let Some(before) = c
        .predecessor
        .as_ref()
        .and_then(|p| state.counts.consultation(p.as_str()))
    {
        let now = live.clone().results().await;
        let then = before.results().await;
        follow_up.rounds = Some(RoundComparison::of(&now, &then));
    }
    Ok(follow_up)
}

/// The titles of the proposals staff decided, by number: the outcome may speak of them.
pub async fn proposal_titles(state: &AppState, slug: &str) -> Result<Vec<(i64, String)>, AppError> {
    Ok(state
        .db
        .proposals(slug)
        .await?
        .into_iter()
        .filter(|p| p.status != "pending")
        .map(|p| (p.id, p.title))
        .collect())
}
