use std::collections::BTreeMap;

use super::*;
use crate::consultation::tests::sample;
use crate::published::{Timestamp, Version};
use crate::PriorityId;

fn both(text: &str) -> LocalizedText {
    LocalizedText::new([(Lang::De, text.to_owned()), (Lang::En, text.to_owned())])
}

fn at(value: f64, date: &str) -> MeasurementSubmission {
    MeasurementSubmission {
        value: Some(value),
        date: Some(date.to_owned()),
    }
}

/// Online services: 40 % in 2025, 80 % by the end of 2028.
fn online(values: &[(f64, &str)]) -> IndicatorSubmission {
    IndicatorSubmission {
        id: "online".into(),
        name: both("Online-Dienste"),
        unit: both("%"),
        direction: "higher_is_better".into(),
        baseline: at(40.0, "2025-01-01"),
        target: at(80.0, "2028-12-31"),
        source: LocalizedText::default(),
        values: values.iter().map(|&(v, d)| at(v, d)).collect(),
    }
}

fn check(indicators: Vec<IndicatorSubmission>) -> Result<Vec<Indicator>, IndicatorError> {
    IndicatorsSubmission {
        indicators,
        based_on: None,
    }
    .validate(&sample(3, false))
}

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

#[test]
fn values_are_kept_in_date_order() {
    let checked = check(vec![online(&[(50.0, "2026-06-30"), (45.0, "2025-12-31")])]).unwrap();
    let dates: Vec<_> = checked[0].values.iter().map(|v| v.date.iso()).collect();
    assert_eq!(dates, ["2025-12-31", "2026-06-30"]);
    assert_eq!(checked[0].unit.get(Lang::De), "%");
}

#[test]
fn each_fault_has_its_own_code() {
    let mut no_date = online(&[]);
    no_date.values.push(MeasurementSubmission {
        value: Some(1.0),
        date: None,
    });
    let mut no_value = online(&[]);
    no_value.target.value = None;
    let mut bad_date = online(&[(50.0, "2026-02-30")]);
    bad_date.id = "x".into();
    let mut against = online(&[]);
    against.direction = "lower_is_better".into();
    let mut backwards = online(&[]);
    backwards.target.date = Some("2024-01-01".into());
    let mut unknown = online(&[]);
    unknown.direction = "up".into();
    let mut huge = online(&[(1e308, "2026-01-01")]);
    huge.id = "huge".into();
    let mut bad_id = online(&[]);
    bad_id.id = "Online Dienste".into();
    let mut no_english = online(&[]);
    no_english.name = LocalizedText::new([(Lang::De, "Nur Deutsch".into())]);
    let cases = [
        (vec![no_date], "value_without_date"),
        (vec![no_value], "date_without_value"),
        (vec![bad_date], "invalid_date"),
        (vec![against], "target_against_direction"),
        (vec![backwards], "target_before_baseline"),
        (vec![unknown], "unknown_direction"),
        (vec![bad_id], "invalid_indicator_id"),
        (vec![huge], "value_out_of_range"),
        (vec![no_english], "missing_language"),
        (vec![online(&[]), online(&[])], "duplicate_indicator"),
        (
            vec![online(&[(50.0, "2026-01-01"), (51.0, "2026-01-01")])],
            "duplicate_date",
        ),
        (
            vec![online(&[(50.0, "2024-06-01")])],
            "value_before_baseline",
        ),
        (
            (0..11).map(|_| online(&[])).collect(),
            "too_many_indicators",
        ),
    ];
    for (indicators, code) in cases {
        assert_eq!(check(indicators).unwrap_err().code(), code);
    }
}

#[test]
fn progress_is_the_share_of_the_way_with_honest_labels() {
    let indicator = |values: &[(f64, &str)]| check(vec![online(values)]).unwrap().remove(0);
    let today = day("2026-12-01");
    let none = indicator(&[]).progress(today);
    assert_eq!((none.state, none.share), (ProgressState::NoValues, None));
    let half = indicator(&[(60.0, "2026-06-30")]).progress(today);
    assert_eq!(half.state, ProgressState::OnTheWay);
    assert_eq!(half.share, Some(0.5));
    let worse = indicator(&[(45.0, "2025-06-30"), (35.0, "2026-06-30")]).progress(today);
    assert_eq!(worse.state, ProgressState::WorseThanBaseline);
    assert!(worse.setback);
    let back = indicator(&[(70.0, "2025-06-30"), (60.0, "2026-06-30")]).progress(today);
    assert_eq!((back.state, back.setback), (ProgressState::OnTheWay, true));
    let reached = indicator(&[(85.0, "2026-06-30")]).progress(today);
    assert_eq!(reached.state, ProgressState::Reached);
    let late = indicator(&[(60.0, "2026-06-30")]).progress(day("2029-01-01"));
    assert_eq!(late.state, ProgressState::TargetMissed);
    let mut lower = online(&[(30.0, "2026-01-01")]);
    lower.direction = "lower_is_better".into();
    lower.baseline.value = Some(50.0);
    lower.target.value = Some(10.0);
    let lower = check(vec![lower]).unwrap().remove(0).progress(today);
    assert_eq!(
        lower.share,
        Some(0.5),
        "lower is better: 50 → 30 is half of 50 → 10"
    );
}

#[test]
fn replay_shows_new_values_and_corrections_with_their_dates() {
    let p = PriorityId::parse("p0").unwrap();
    let version = |number, values: &[(f64, &str)]| Version {
        number,
        at: Timestamp(number * 1000),
        value: check(vec![online(values)]).unwrap(),
    };
    let versions = [
        version(1, &[]),
        version(2, &[(50.0, "2025-12-31")]),
        version(3, &[(52.0, "2025-12-31"), (60.0, "2026-06-30")]),
    ];
    let (current, changes) = replay(&p, &versions, day("2026-12-01"));
    assert_eq!(current[0].updated, Timestamp(3000));
    assert_eq!(current[0].progress.share, Some(0.5));
    let kinds: Vec<_> = changes
        .iter()
        .map(|d| match &d.change {
            IndicatorChange::IndicatorAdded { .. } => (d.version, "added".to_owned()),
            IndicatorChange::Value {
                value, previous, ..
            } => (
                d.version,
                format!("{} {} {previous:?}", value.date.iso(), value.value),
            ),
            other => (d.version, format!("{other:?}")),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (1, "added".to_owned()),
            (2, "2025-12-31 50 None".to_owned()),
            (3, "2025-12-31 52 Some(50.0)".to_owned()),
            (3, "2026-06-30 60 None".to_owned()),
        ]
    );
}

#[test]
fn csv_values_merge_into_their_indicators_with_german_numbers() {
    let p0 = PriorityId::parse("p0").unwrap();
    let mut sets = BTreeMap::from([(
        p0.clone(),
        check(vec![online(&[(50.0, "2025-12-31")])]).unwrap(),
    )]);
    let rows = csv::parse("\u{feff}Datum;x\n").unwrap_err();
    assert_eq!(rows.code(), "invalid_csv");
    let rows = csv::parse(
        "value;date;indicator;priority\r\n\"55,5\";2025-12-31;online;p0\n61;2026-06-30;online;p0\n",
    )
    .unwrap();
    assert_eq!(
        csv::merge(&mut sets, &rows).unwrap(),
        std::slice::from_ref(&p0)
    );
    let values: Vec<_> = sets[&p0][0]
        .values
        .iter()
        .map(|v| (v.date.iso(), v.value))
        .collect();
    assert_eq!(
        values,
        [("2025-12-31".into(), 55.5), ("2026-06-30".into(), 61.0)]
    );
}

#[test]
fn csv_faults_name_their_line() {
    let p0 = PriorityId::parse("p0").unwrap();
    let sets = BTreeMap::from([(p0, check(vec![online(&[])]).unwrap())]);
    let cases = [
        (
            "priority,indicator,date,value\np0,online,2026-13-01,5\n",
            2,
            "invalid_date",
        ),
        (
            "priority,indicator,date,value\np0,online,2026-01-01,viel\n",
            2,
            "invalid_number",
        ),
        (
            "priority,indicator,date,value\n\np9,online,2026-01-01,5\n",
            3,
            "unknown_priority",
        ),
        (
            "priority,indicator,date,value\np0,offline,2026-01-01,5\n",
            2,
            "unknown_indicator",
        ),
        (
            "priority,indicator,date,value\np0,online,2024-01-01,5\n",
            2,
            "value_before_baseline",
        ),
        (
            "priority,indicator,date,value\np0,online,2026-01-01,5\np0,online,2026-01-01,6\n",
            3,
            "duplicate_date",
        ),
        (
            "priority,indicator,date,value\np0,online,2026-01-01\n",
            2,
            "invalid_csv",
        ),
    ];
    for (text, line, code) in cases {
        let err = csv::parse(text)
            .and_then(|rows| csv::merge(&mut sets.clone(), &rows))
            .unwrap_err();
        assert_eq!((err.line, err.code()), (line, code), "{text}");
    }
    assert!(sets.values().all(|list| list[0].values.is_empty()));
}
