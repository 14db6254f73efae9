//! Published versions of an outcome replayed into what stands now and every change on the
//! way there, with its date.

use serde::{Deserialize, Serialize};

use super::{Dated, ItemKind, ItemStatus, Outcome, Timestamp, Version};
use crate::text::LocalizedText;

/// What one published version changed.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// The summary was published or reworded.
    Summary { summary: LocalizedText },
    /// An item was published, or its status or response changed.
    Item {
        item: String,
        kind: ItemKind,
        status: ItemStatus,
        /// Its status before, if it had one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        previous_status: Option<ItemStatus>,
        response: LocalizedText,
    },
    /// An item is no longer part of the outcome.
    Removed { item: String, kind: ItemKind },
}

/// The outcome as it stands, with its history.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedOutcome {
    pub summary: LocalizedText,
    /// When it was first published.
    pub published: Timestamp,
    /// When anything in it last changed.
    pub updated: Timestamp,
    pub items: Vec<PublishedItem>,
    /// Every change, newest first (published as part of [`super::FollowUp::history`]).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub history: Vec<Dated<Change>>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedItem {
    pub id: String,
    pub kind: ItemKind,
    pub status: ItemStatus,
    pub response: LocalizedText,
    /// When its status or response last changed.
    pub updated: Timestamp,
}

impl PublishedOutcome {
    /// Replays `versions` (oldest first): `None` before the first.
    pub fn replay(versions: &[Version<Outcome>]) -> Option<Self> {
        let first = versions.first()?;
        let mut history = Vec::new();
        let mut previous: Option<&Outcome> = None;
        for version in versions {
            let dated = |change| Dated {
                at: version.at,
                version: version.number,
                change,
            };
            let now = &version.value;
            if previous.is_none_or(|p| p.summary != now.summary) {
                history.push(dated(Change::Summary {
                    summary: now.summary.clone(),
                }));
            }
            for (id, item) in &now.items {
                let before = previous.and_then(|p| p.items.get(id));
                if before != Some(item) {
                    history.push(dated(Change::Item {
                        item: id.clone(),
                        kind: item.kind,
                        status: item.status,
                        previous_status: before.map(|b| b.status),
                        response: item.response.clone(),
                    }));
                }
            }
            for (id, item) in previous.iter().flat_map(|p| &p.items) {
                if !now.items.contains_key(id) {
                    history.push(dated(Change::Removed {
                        item: id.clone(),
                        kind: item.kind,
                    }));
                }
            }
            previous = Some(now);
        }
        let current = &versions.last()?.value;
        let items = current
            .items
            .iter()
            .map(|(id, item)| PublishedItem {
                id: id.clone(),
                kind: item.kind,
                status: item.status,
                response: item.response.clone(),
                updated: last_change(
                    &history,
                    |c| matches!(c, Change::Item { item, .. } if item == id),
                )
                .unwrap_or(first.at),
            })
            .collect();
        let updated = history.last().map_or(first.at, |d| d.at);
        history.reverse();
        Some(Self {
            summary: current.summary.clone(),
            published: first.at,
            updated,
            items,
            history,
        })
    }

    /// The item about `id`, if the outcome speaks of it.
    pub fn item(&self, id: &str) -> Option<&PublishedItem> {
        self.items.iter().find(|i| i.id == id)
    }
}

fn last_change(history: &[Dated<Change>], about: impl Fn(&Change) -> bool) -> Option<Timestamp> {
    history
        .iter()
        .rev()
        .find(|d| about(&d.change))
        .map(|d| d.at)
}
