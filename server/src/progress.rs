//! The loop closed: what became of a consultation's input, how its indicators move and how
//! its ranks moved since the round before, replayed from the published versions.

use std::sync::Arc;

use mitreden_core::indicator::{self, Indicator, IndicatorChange, PublishedIndicator};
use mitreden_core::locale::Date;
use mitreden_core::outcome::{Change, Dated, Outcome, PublishedOutcome, Timestamp, Version};
use mitreden_core::results::ordered_map;
use mitreden_core::results::rounds::RoundComparison;
use mitreden_core::{Consultation, Licence, PriorityId};
use serde::Serialize;

use crate::error::AppError;
use crate::state::{AppState, Live};
use crate::storage::now;
use crate::storage::published::{StoredVersion, OUTCOME};

/// Outcome, indicators, round comparison and licence: what the results feed, the progress
/// view, the public page and the Atom feed show.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Progress {
    /// Under which licence this is open data; `null` if none is set.
    pub licence: Option<LicenceInfo>,
    /// `null` until staff publish one.
    pub outcome: Option<PublishedOutcome>,
    /// Per priority that has indicators, keyed by its id, in the consultation's order.
    #[serde(with = "ordered_map")]
    #[schemars(with = "std::collections::BTreeMap<PriorityId, Vec<PublishedIndicator>>")]
    pub indicators: Vec<(PriorityId, Vec<PublishedIndicator>)>,
    /// How the ranks moved since the round before; `null` without a published round before.
    pub rounds: Option<RoundComparison>,
    /// Every published change, newest first (the Atom feed's entries).
    #[serde(skip)]
    #[schemars(skip)]
    pub changes: Vec<Dated<FeedChange>>,
}

/// A published change of the outcome or of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FeedChange {
    Outcome(Change),
    Indicator(IndicatorChange),
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LicenceInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub url: &'static str,
}

impl From<Licence> for LicenceInfo {
    fn from(l: Licence) -> Self {
        Self {
            id: l.id(),
            name: l.name(),
            url: l.url(),
        }
    }
}

/// Today (UTC), for where indicators stand.
pub fn today() -> Date {
    Date::from_days(now().div_euclid(86_400))
}

impl Progress {
    /// Replays `stored` for `consultation`. Versions of priorities no longer in it are left
    /// out (their history stays stored).
    pub fn replay(
        consultation: &Consultation,
        stored: &[StoredVersion],
        today: Date,
    ) -> Result<Self, AppError> {
        let outcomes: Vec<Version<Outcome>> = versions(stored, OUTCOME)?;
        let outcome = PublishedOutcome::replay(&outcomes);
        let mut changes: Vec<Dated<FeedChange>> = outcome
            .iter()
            .flat_map(|o| o.history.iter())
            .map(|d| dated(d, FeedChange::Outcome(d.change.clone())))
            .collect();
        let mut indicators = Vec::new();
        for priority in &consultation.priorities {
            let list: Vec<Version<Vec<Indicator>>> = versions(stored, priority.id.as_str())?;
            let (current, history) = indicator::replay(&priority.id, &list, today);
            changes.extend(
                history
                    .iter()
                    .map(|d| dated(d, FeedChange::Indicator(d.change.clone()))),
            );
            if !current.is_empty() {
                indicators.push((priority.id.clone(), current));
            }
        }
        changes.sort_by_key(|d| std::cmp::Reverse(d.version));
        Ok(Self {
            licence: consultation.licence.map(LicenceInfo::from),
            outcome,
            indicators,
            rounds: None,
            changes,
        })
    }

    /// The indicators of `priority`.
    pub fn indicators_of(&self, priority: &PriorityId) -> &[PublishedIndicator] {
        self.indicators
            .iter()
            .find(|(p, _)| p == priority)
            .map_or(&[], |(_, list)| list.as_slice())
    }

    /// When anything in it last changed.
    pub fn updated(&self) -> Option<Timestamp> {
        self.changes.first().map(|d| d.at)
    }
}

fn dated<C, D>(d: &Dated<C>, change: D) -> Dated<D> {
    Dated {
        at: d.at,
        version: d.version,
        change,
    }
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
                value: serde_json::from_str(&v.document)
                    .map_err(crate::storage::StorageError::from)?,
            })
        })
        .collect()
}

/// The progress of `live` as the public sees it: rounds compared only when both rounds'
/// results are public.
pub async fn public(state: &AppState, live: &Arc<Live>) -> Result<Progress, AppError> {
    let c = &live.consultation;
    let stored = state.db.published_versions(c.slug.as_str()).await?;
    let mut progress = Progress::replay(c, &stored, today())?;
    let before = c
        .predecessor
        .as_ref()
        .and_then(|p| state.consultation(p.as_str()))
        .filter(|p| {
            p.consultation.results_public() && p.consultation.status != mitreden_core::Status::Draft
        });
    if let (Some(before), true) = (before, c.results_public()) {
        let now = live.clone().public_results().await;
        let then = before.public_results().await;
        progress.rounds = Some(RoundComparison::of(&now, &then));
    }
    Ok(progress)
}

/// The progress of `live` as staff see it: rounds compared on the full results.
pub async fn staff(state: &AppState, live: &Arc<Live>) -> Result<Progress, AppError> {
    let c = &live.consultation;
    let stored = state.db.published_versions(c.slug.as_str()).await?;
    let mut progress = Progress::replay(c, &stored, today())?;
    if let Some(before) = c
        .predecessor
        .as_ref()
        .and_then(|p| state.consultation(p.as_str()))
    {
        let now = live.clone().results().await;
        let then = before.results().await;
        progress.rounds = Some(RoundComparison::of(&now, &then));
    }
    Ok(progress)
}
