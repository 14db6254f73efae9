//! Everything that follows a consultation, in one document: what became of the input, how
//! the indicators move, how the ranks moved since the round before, and the licence.

use serde::{Deserialize, Serialize};

use super::{Change, Dated, Outcome, PublishedOutcome, Timestamp, Version};
use crate::indicator::{self, Indicator, IndicatorChange, PublishedIndicator};
use crate::locale::Date;
use crate::results::ordered_map;
use crate::results::rounds::RoundComparison;
use crate::{Consultation, Licence, PriorityId};

/// The key of the outcome's version in [`FollowUp::versions`].
pub const OUTCOME_KEY: &str = "outcome";

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Under which licence this is open data; `null` if none is set.
    pub licence: Option<LicenceInfo>,
    /// `null` until staff publish one.
    pub outcome: Option<PublishedOutcome>,
    /// Per priority that has indicators, keyed by its id, in the consultation's order.
    #[serde(with = "ordered_map")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "std::collections::BTreeMap<PriorityId, Vec<PublishedIndicator>>")
    )]
    pub indicators: Vec<(PriorityId, Vec<PublishedIndicator>)>,
    /// How the ranks moved since the round before; `null` without a round before to compare.
    pub rounds: Option<RoundComparison>,
    /// Every published change of the outcome and the indicators, newest first (the page's
    /// history, the Atom feed's entries).
    #[serde(default)]
    pub history: Vec<Dated<FeedChange>>,
    /// The latest version of the outcome and of each priority's indicators (keyed `outcome`
    /// and by priority id): what an edit is `based_on`.
    #[serde(default)]
    pub versions: std::collections::BTreeMap<String, i64>,
}

/// A published change of the outcome or of an indicator; `change` says which.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FeedChange {
    Outcome(Change),
    Indicator(IndicatorChange),
}

/// A licence with its name and where its text is.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicenceInfo {
    pub id: String,
    pub name: String,
    pub url: String,
}

impl From<Licence> for LicenceInfo {
    fn from(l: Licence) -> Self {
        Self {
            id: l.id().to_owned(),
            name: l.name().to_owned(),
            url: l.url().to_owned(),
        }
    }
}

impl FollowUp {
    /// Replays the published versions: the outcome's, and those of each priority's
    /// indicators (priorities no longer in `consultation` are left out). Rounds are compared
    /// by whoever has both rounds' results.
    pub fn replay(
        consultation: &Consultation,
        outcome: &[Version<Outcome>],
        indicators: impl Fn(&PriorityId) -> Vec<Version<Vec<Indicator>>>,
        today: Date,
    ) -> Self {
        let mut versions = std::collections::BTreeMap::new();
        if let Some(last) = outcome.last() {
            versions.insert(OUTCOME_KEY.to_owned(), last.number);
        }
        let outcome = PublishedOutcome::replay(outcome);
        let mut changes: Vec<Dated<FeedChange>> = outcome
            .iter()
            .flat_map(|o| o.history.iter())
            .map(|d| redate(d, FeedChange::Outcome(d.change.clone())))
            .collect();
        let mut current = Vec::new();
        for priority in &consultation.priorities {
            let list = indicators(&priority.id);
            if let Some(last) = list.last() {
                versions.insert(priority.id.to_string(), last.number);
            }
            let (now, history) = indicator::replay(&priority.id, &list, today);
            changes.extend(
                history
                    .iter()
                    .map(|d| redate(d, FeedChange::Indicator(d.change.clone()))),
            );
            if !now.is_empty() {
                current.push((priority.id.clone(), now));
            }
        }
        changes.sort_by_key(|d| std::cmp::Reverse(d.version));
        Self {
            licence: consultation.licence.map(LicenceInfo::from),
            outcome,
            indicators: current,
            rounds: None,
            history: changes,
            versions,
        }
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
        self.history.first().map(|d| d.at)
    }

    /// The latest version of `subject` (`outcome` or a priority id), if it has one.
    pub fn version(&self, subject: &str) -> Option<i64> {
        self.versions.get(subject).copied()
    }
}

fn redate<C, D>(d: &Dated<C>, change: D) -> Dated<D> {
    Dated {
        at: d.at,
        version: d.version,
        change,
    }
}
