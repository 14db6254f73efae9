//! Sentences about what followed a consultation: statuses, progress, rank moves and each
//! published change. The page's history and the Atom feed's entries say them the same way.

use mitreden_core::indicator::{Indicator, IndicatorChange, ProgressState, PublishedIndicator};
use mitreden_core::locale;
use mitreden_core::outcome::{Change, FeedChange, ItemKind, ItemStatus};
use mitreden_core::results::rounds::{Movement, RankMove};
use mitreden_core::{Consultation, Lang};

use crate::i18n::{fill, t, Key};

/// The status as people read it.
pub fn status(lang: Lang, status: ItemStatus) -> &'static str {
    status.label(lang)
}

/// A measured value in the reader's format, with up to two decimals and its unit: "52,5 %".
pub fn value(lang: Lang, indicator: &Indicator, value: f64) -> String {
    let text = number(lang, value);
    match indicator.unit.get(lang) {
        "" => text,
        unit => format!("{text}\u{a0}{unit}"),
    }
}

/// A number with up to two decimals, as many as it needs: "52,5", "60".
pub fn number(lang: Lang, value: f64) -> String {
    let text = locale::decimal(lang, value, 2);
    let separator = if lang == Lang::De { ',' } else { '.' };
    if text.contains(separator) {
        text.trim_end_matches('0')
            .trim_end_matches(separator)
            .to_owned()
    } else {
        text
    }
}

/// Where an indicator stands, in a sentence or two.
pub fn progress(lang: Lang, published: &PublishedIndicator) -> String {
    let (i, p) = (&published.indicator, &published.progress);
    let share = p
        .share
        .map(|s| locale::percent(lang, s.max(0.0)))
        .unwrap_or_default();
    let latest = p
        .latest
        .map(|l| value(lang, i, l.value))
        .unwrap_or_default();
    let target_date = locale::date(lang, i.target.date);
    let mut text = match p.state {
        ProgressState::NoValues => t(lang, Key::ProgressNoValues).to_owned(),
        ProgressState::OnTheWay => fill(t(lang, Key::ProgressOnTheWay), &[("share", &share)]),
        ProgressState::Reached => t(lang, Key::ProgressReached).to_owned(),
        ProgressState::WorseThanBaseline => fill(
            t(lang, Key::ProgressWorse),
            &[
                ("latest", &latest),
                ("baseline", &value(lang, i, i.baseline.value)),
            ],
        ),
        ProgressState::TargetMissed if p.latest.is_none() => fill(
            t(lang, Key::ProgressMissedNoValue),
            &[("date", &target_date)],
        ),
        ProgressState::TargetMissed => fill(
            t(lang, Key::ProgressMissed),
            &[("date", &target_date), ("share", &share)],
        ),
    };
    if p.setback {
        text.push(' ');
        text.push_str(t(lang, Key::ProgressSetback));
    }
    text
}

/// Baseline, target and latest value with their dates.
pub fn facts(lang: Lang, i: &Indicator) -> String {
    let mut values = vec![
        ("baseline", value(lang, i, i.baseline.value)),
        ("bdate", locale::date(lang, i.baseline.date)),
        ("target", value(lang, i, i.target.value)),
        ("tdate", locale::date(lang, i.target.date)),
    ];
    let key = match i.values.last() {
        Some(last) => {
            values.push(("latest", value(lang, i, last.value)));
            values.push(("ldate", locale::date(lang, last.date)));
            Key::IndicatorFacts
        }
        None => Key::IndicatorFactsNoValue,
    };
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(t(lang, key), &pairs)
}

/// How a goal's rank moved since the round before.
pub fn movement(lang: Lang, m: &RankMove) -> String {
    let before = m
        .previous_rank
        .map(|r| locale::integer(lang, u64::from(r)))
        .unwrap_or_default();
    let key = match m.movement {
        Movement::Up => Key::MovedUp,
        Movement::Down => Key::MovedDown,
        Movement::Steady if m.previous_rank == Some(m.rank) => Key::MovedNot,
        Movement::Steady => Key::MovedInNoise,
        Movement::New => Key::MovedNew,
        Movement::NotYetKnown => Key::MovedUnknown,
    };
    fill(t(lang, key), &[("a", &before)])
}

/// The name of an outcome item: its goal or conflict, or the proposal's title.
pub fn item_name(
    lang: Lang,
    consultation: &Consultation,
    proposals: &[(i64, String)],
    id: &str,
    kind: ItemKind,
) -> String {
    let found = match kind {
        ItemKind::Priority => consultation
            .priorities
            .iter()
            .find(|p| p.id.as_str() == id)
            .map(|p| p.title.get(lang).to_owned()),
        ItemKind::Conflict => consultation
            .conflicts
            .iter()
            .find(|c| c.id.as_str() == id)
            .map(|c| c.title.get(lang).to_owned()),
        ItemKind::Proposal => proposals
            .iter()
            .find(|(n, _)| mitreden_core::outcome::proposal_item(*n) == id)
            .map(|(_, title)| title.clone()),
    };
    found.unwrap_or_else(|| id.to_owned())
}

/// One published change in a sentence.
pub fn change(
    lang: Lang,
    consultation: &Consultation,
    proposals: &[(i64, String)],
    change: &FeedChange,
) -> String {
    let goal = |p: &mitreden_core::PriorityId| {
        consultation
            .priority(p)
            .map(|p| p.title.get(lang).to_owned())
            .unwrap_or_else(|| p.to_string())
    };
    match change {
        FeedChange::Outcome(Change::Summary { .. }) => t(lang, Key::HistorySummary).to_owned(),
        FeedChange::Outcome(Change::Item {
            item,
            kind,
            status: now,
            previous_status,
            ..
        }) => {
            let name = item_name(lang, consultation, proposals, item, *kind);
            match previous_status.filter(|p| p != now) {
                Some(before) => fill(
                    t(lang, Key::HistoryItemFrom),
                    &[
                        ("item", &name),
                        ("status", status(lang, *now)),
                        ("previous", status(lang, before)),
                    ],
                ),
                None => fill(
                    t(lang, Key::HistoryItem),
                    &[("item", &name), ("status", status(lang, *now))],
                ),
            }
        }
        FeedChange::Outcome(Change::Removed { item, kind }) => fill(
            t(lang, Key::HistoryRemoved),
            &[(
                "item",
                &item_name(lang, consultation, proposals, item, *kind),
            )],
        ),
        FeedChange::Indicator(c) => indicator_change(lang, c, &goal),
    }
}

fn indicator_change(
    lang: Lang,
    change: &IndicatorChange,
    goal: &dyn Fn(&mitreden_core::PriorityId) -> String,
) -> String {
    let number = |v: f64| number(lang, v);
    match change {
        IndicatorChange::IndicatorAdded { priority, name, .. } => fill(
            t(lang, Key::HistoryIndicatorAdded),
            &[("goal", &goal(priority)), ("indicator", name.get(lang))],
        ),
        IndicatorChange::Value {
            priority,
            name,
            value,
            previous,
            ..
        } => {
            let date = locale::date(lang, value.date);
            let (goal, v) = (goal(priority), number(value.value));
            match previous {
                Some(p) => fill(
                    t(lang, Key::HistoryCorrection),
                    &[
                        ("indicator", name.get(lang)),
                        ("goal", &goal),
                        ("date", &date),
                        ("previous", &number(*p)),
                        ("value", &v),
                    ],
                ),
                None => fill(
                    t(lang, Key::HistoryValue),
                    &[
                        ("indicator", name.get(lang)),
                        ("goal", &goal),
                        ("date", &date),
                        ("value", &v),
                    ],
                ),
            }
        }
        IndicatorChange::ValueRemoved {
            priority,
            name,
            value,
            ..
        } => fill(
            t(lang, Key::HistoryValueRemoved),
            &[
                ("indicator", name.get(lang)),
                ("goal", &goal(priority)),
                ("date", &locale::date(lang, value.date)),
            ],
        ),
        IndicatorChange::IndicatorRedefined { priority, name, .. } => fill(
            t(lang, Key::HistoryRedefined),
            &[("indicator", name.get(lang)), ("goal", &goal(priority))],
        ),
        IndicatorChange::IndicatorRemoved { priority, name, .. } => fill(
            t(lang, Key::HistoryIndicatorRemoved),
            &[("indicator", name.get(lang)), ("goal", &goal(priority))],
        ),
    }
}
