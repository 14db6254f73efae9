//! How far an indicator has come: the share of the way from its baseline to its target, said
//! plainly when it went the wrong way or its target date has passed.

use serde::{Deserialize, Serialize};

use super::{Direction, Indicator, Measurement};
use crate::locale::Date;

/// Where an indicator stands.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgressState {
    /// Nothing measured since the baseline, and the target date still ahead.
    NoValues,
    /// Between baseline and target, target date ahead.
    OnTheWay,
    /// The latest value reaches the target (or goes beyond it).
    Reached,
    /// The latest value is worse than the baseline.
    WorseThanBaseline,
    /// The target date has passed and the target was not reached.
    TargetMissed,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub state: ProgressState,
    /// The latest measured value.
    pub latest: Option<Measurement>,
    /// The share of the way from baseline to target the latest value has come: 0 at the
    /// baseline, 1 at the target; below 0 when worse than the baseline.
    pub share: Option<f64>,
    /// The latest value is worse than the one before it.
    pub setback: bool,
}

impl Indicator {
    /// Where it stands on `today`.
    pub fn progress(&self, today: Date) -> Progress {
        let latest = self.values.last().copied();
        let share = latest
            .map(|l| (l.value - self.baseline.value) / (self.target.value - self.baseline.value));
        let passed = today > self.target.date;
        let state = match share {
            Some(s) if s >= 1.0 => ProgressState::Reached,
            _ if passed => ProgressState::TargetMissed,
            None => ProgressState::NoValues,
            Some(s) if s < 0.0 => ProgressState::WorseThanBaseline,
            Some(_) => ProgressState::OnTheWay,
        };
        let setback = match self.values.as_slice() {
            [.., before, last] => self.better(before.value, last.value),
            _ => false,
        };
        Progress {
            state,
            latest,
            share,
            setback,
        }
    }

    /// Whether `a` is better than `b`.
    fn better(&self, a: f64, b: f64) -> bool {
        match self.direction {
            Direction::HigherIsBetter => a > b,
            Direction::LowerIsBetter => a < b,
        }
    }
}
