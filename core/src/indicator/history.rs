//! Published versions of a priority's indicators replayed into what stands now and every
//! change on the way there: a corrected value shows as a correction, never silently.

use serde::{Deserialize, Serialize};

use super::{Indicator, Measurement, Progress};
use crate::ids::{IndicatorId, PriorityId};
use crate::locale::Date;
use crate::published::{Dated, Timestamp, Version};
use crate::text::LocalizedText;

/// An indicator as it stands, with where it stands.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedIndicator {
    #[serde(flatten)]
    pub indicator: Indicator,
    pub progress: Progress,
    /// When it or its values last changed.
    pub updated: Timestamp,
}

/// What one published version changed in a priority's indicators.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum IndicatorChange {
    /// A new indicator (with whatever values it came with).
    IndicatorAdded {
        priority: PriorityId,
        indicator: IndicatorId,
        name: LocalizedText,
    },
    /// A value measured on a day was published, or corrected (`previous`).
    Value {
        priority: PriorityId,
        indicator: IndicatorId,
        name: LocalizedText,
        value: Measurement,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        previous: Option<f64>,
    },
    /// A value was taken back.
    ValueRemoved {
        priority: PriorityId,
        indicator: IndicatorId,
        name: LocalizedText,
        value: Measurement,
    },
    /// Its name, unit, source, direction, baseline or target changed.
    IndicatorRedefined {
        priority: PriorityId,
        indicator: IndicatorId,
        name: LocalizedText,
    },
    IndicatorRemoved {
        priority: PriorityId,
        indicator: IndicatorId,
        name: LocalizedText,
    },
}

/// Replays the versions of `priority`'s indicators (oldest first): what stands on `today`,
/// and every change, oldest first.
pub fn replay(
    priority: &PriorityId,
    versions: &[Version<Vec<Indicator>>],
    today: Date,
) -> (Vec<PublishedIndicator>, Vec<Dated<IndicatorChange>>) {
    let mut changes = Vec::new();
    let mut updated: Vec<(IndicatorId, Timestamp)> = Vec::new();
    let empty: Vec<Indicator> = Vec::new();
    let mut previous = &empty;
    for version in versions {
        let mut note = |indicator: &IndicatorId, change| {
            changes.push(Dated {
                at: version.at,
                version: version.number,
                change,
            });
            updated.retain(|(id, _)| id != indicator);
            updated.push((indicator.clone(), version.at));
        };
        for now in &version.value {
            let (p, indicator, name) = (priority.clone(), now.id.clone(), now.name.clone());
            let Some(before) = previous.iter().find(|b| b.id == now.id) else {
                note(
                    &now.id,
                    IndicatorChange::IndicatorAdded {
                        priority: p.clone(),
                        indicator: indicator.clone(),
                        name: name.clone(),
                    },
                );
                // The values it came with are published with it, each said.
                for value in &now.values {
                    note(
                        &now.id,
                        IndicatorChange::Value {
                            priority: p.clone(),
                            indicator: indicator.clone(),
                            name: name.clone(),
                            value: *value,
                            previous: None,
                        },
                    );
                }
                continue;
            };
            if !same_definition(before, now) {
                note(
                    &now.id,
                    IndicatorChange::IndicatorRedefined {
                        priority: p.clone(),
                        indicator: indicator.clone(),
                        name: name.clone(),
                    },
                );
            }
            for value in &now.values {
                let old = before.values.iter().find(|v| v.date == value.date);
                if old.is_none_or(|o| o.value != value.value) {
                    note(
                        &now.id,
                        IndicatorChange::Value {
                            priority: p.clone(),
                            indicator: indicator.clone(),
                            name: name.clone(),
                            value: *value,
                            previous: old.map(|o| o.value),
                        },
                    );
                }
            }
            for value in &before.values {
                if !now.values.iter().any(|v| v.date == value.date) {
                    note(
                        &now.id,
                        IndicatorChange::ValueRemoved {
                            priority: p.clone(),
                            indicator: indicator.clone(),
                            name: name.clone(),
                            value: *value,
                        },
                    );
                }
            }
        }
        for before in previous {
            if !version.value.iter().any(|now| now.id == before.id) {
                note(
                    &before.id,
                    IndicatorChange::IndicatorRemoved {
                        priority: priority.clone(),
                        indicator: before.id.clone(),
                        name: before.name.clone(),
                    },
                );
            }
        }
        previous = &version.value;
    }
    let current = previous
        .iter()
        .map(|indicator| PublishedIndicator {
            progress: indicator.progress(today),
            updated: updated
                .iter()
                .find(|(id, _)| *id == indicator.id)
                .map_or(Timestamp(0), |(_, at)| *at),
            indicator: indicator.clone(),
        })
        .collect();
    (current, changes)
}

fn same_definition(a: &Indicator, b: &Indicator) -> bool {
    a.name == b.name
        && a.unit == b.unit
        && a.source == b.source
        && a.direction == b.direction
        && a.baseline == b.baseline
        && a.target == b.target
}
