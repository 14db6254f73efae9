use super::*;
use crate::consultation::tests::sample;

fn both(de: &str, en: &str) -> LocalizedText {
    LocalizedText::new([(Lang::De, de.to_owned()), (Lang::En, en.to_owned())])
}

fn item(status: &str, text: &str) -> ItemSubmission {
    ItemSubmission {
        status: status.to_owned(),
        response: both(text, text),
    }
}

fn submission(items: &[(&str, ItemSubmission)]) -> OutcomeSubmission {
    OutcomeSubmission {
        summary: both("Wir setzen drei Ziele um.", "We pursue three goals."),
        items: items
            .iter()
            .map(|(id, i)| ((*id).to_owned(), i.clone()))
            .collect(),
        based_on: None,
    }
}

fn version(number: i64, at: i64, items: &[(&str, ItemSubmission)]) -> Version<Outcome> {
    Version {
        number,
        at: Timestamp(at),
        value: submission(items).validate(&sample(3, false), &[7]).unwrap(),
    }
}

#[test]
fn priorities_conflicts_and_decided_proposals_are_items_with_their_kind() {
    let outcome = submission(&[
        ("p0", item("in_progress", "Läuft")),
        ("c1", item("open", "Offen")),
        ("proposal-7", item("not_pursued", "Nein")),
    ])
    .validate(&sample(3, false), &[7])
    .unwrap();
    let kinds: Vec<_> = outcome.items.values().map(|i| (i.kind, i.status)).collect();
    assert_eq!(
        kinds,
        [
            (ItemKind::Conflict, ItemStatus::Open),
            (ItemKind::Priority, ItemStatus::InProgress),
            (ItemKind::Proposal, ItemStatus::NotPursued),
        ]
    );
}

#[test]
fn unknown_items_are_refused_by_name() {
    let c = sample(3, false);
    for id in ["p9", "proposal-8", "proposal-07", "proposal-", "a"] {
        let err = submission(&[(id, item("open", "x"))])
            .validate(&c, &[7])
            .unwrap_err();
        assert_eq!(err, OutcomeError::UnknownItem(id.to_owned()), "{id}");
        assert_eq!(err.code(), "unknown_item");
    }
}

#[test]
fn an_unknown_status_is_refused_with_its_own_code() {
    let err = submission(&[("p1", item("finished", "x"))])
        .validate(&sample(3, false), &[])
        .unwrap_err();
    assert_eq!(err.code(), "unknown_status");
    assert!(err.to_string().contains("'finished'"), "{err}");
}

#[test]
fn every_text_is_needed_in_every_language_of_the_consultation() {
    let c = sample(3, false);
    let mut s = submission(&[("p1", item("done", "x"))]);
    s.items.get_mut("p1").unwrap().response = LocalizedText::new([(Lang::De, "Erledigt".into())]);
    let err = s.validate(&c, &[]).unwrap_err();
    assert_eq!(
        err,
        OutcomeError::MissingLanguage {
            field: "the response to 'p1'".into(),
            lang: Lang::En
        }
    );
    let mut blank = submission(&[]);
    blank.summary = both("   ", "Summary");
    assert_eq!(
        blank.validate(&c, &[]).unwrap_err().code(),
        "missing_language"
    );
    let mut german_only = c.clone();
    german_only.languages = vec![Lang::De];
    let err = submission(&[]).validate(&german_only, &[]).unwrap_err();
    assert_eq!(err.code(), "unknown_language");
}

#[test]
fn texts_are_cleaned_and_bounded() {
    let c = sample(3, false);
    let mut s = submission(&[("p1", item("done", "  Erledigt  "))]);
    let outcome = s.clone().validate(&c, &[]).unwrap();
    assert_eq!(outcome.items["p1"].response.get(Lang::De), "Erledigt");
    s.summary = both(&"x".repeat(MAX_SUMMARY + 1), "ok");
    assert_eq!(s.validate(&c, &[]).unwrap_err().code(), "text_too_long");
}

#[test]
fn replay_keeps_every_change_with_its_date_and_shows_only_what_stands() {
    let v1 = version(
        1,
        1_000,
        &[
            ("p0", item("adopted", "Ja")),
            ("p1", item("open", "Prüfen")),
        ],
    );
    let v2 = version(
        5,
        90_000,
        &[
            ("p0", item("in_progress", "Begonnen")),
            ("p1", item("open", "Prüfen")),
        ],
    );
    let v3 = version(9, 200_000, &[("p0", item("in_progress", "Begonnen"))]);
    let outcome = PublishedOutcome::replay(&[v1, v2, v3]).unwrap();
    assert_eq!(outcome.published, Timestamp(1_000));
    assert_eq!(outcome.updated, Timestamp(200_000));
    let ids: Vec<_> = outcome.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["p0"], "a removed item is no longer shown");
    assert_eq!(outcome.items[0].status, ItemStatus::InProgress);
    assert_eq!(outcome.items[0].updated, Timestamp(90_000));
    let history: Vec<_> = outcome
        .history
        .iter()
        .map(|d| match &d.change {
            Change::Summary { .. } => (d.version, "summary".to_owned(), None),
            Change::Item {
                item,
                status,
                previous_status,
                ..
            } => (
                d.version,
                format!("{item} {}", status.code()),
                *previous_status,
            ),
            Change::Removed { item, .. } => (d.version, format!("{item} removed"), None),
        })
        .collect();
    assert_eq!(
        history,
        [
            (9, "p1 removed".to_owned(), None),
            (5, "p0 in_progress".to_owned(), Some(ItemStatus::Adopted)),
            (1, "p1 open".to_owned(), None),
            (1, "p0 adopted".to_owned(), None),
            (1, "summary".to_owned(), None),
        ]
    );
}

#[test]
fn nothing_published_means_no_outcome() {
    assert_eq!(PublishedOutcome::replay(&[]), None);
}

#[test]
fn timestamps_are_written_in_utc() {
    assert_eq!(Timestamp(0).to_string(), "1970-01-01T00:00:00Z");
    assert_eq!(Timestamp(1_796_123_045).to_string(), "2026-12-01T11:04:05Z");
}

#[test]
fn the_follow_up_reads_back_what_it_writes() {
    use crate::indicator::{IndicatorSubmission, IndicatorsSubmission, MeasurementSubmission};
    let c = sample(3, false);
    let at = |value: f64, date: &str| MeasurementSubmission {
        value: Some(value),
        date: Some(date.to_owned()),
    };
    let indicator = |values: Vec<MeasurementSubmission>| {
        IndicatorsSubmission {
            indicators: vec![IndicatorSubmission {
                id: "online".into(),
                name: both("Online", "Online"),
                unit: LocalizedText::default(),
                direction: "higher_is_better".into(),
                baseline: at(40.0, "2025-01-01"),
                target: at(80.0, "2028-12-31"),
                source: LocalizedText::default(),
                values,
            }],
            based_on: None,
        }
        .validate(&c)
        .unwrap()
    };
    let list = vec![
        Version {
            number: 2,
            at: Timestamp(2_000),
            value: indicator(vec![]),
        },
        Version {
            number: 3,
            at: Timestamp(3_000),
            value: indicator(vec![at(50.0, "2026-01-01")]),
        },
    ];
    let follow_up = FollowUp::replay(
        &c,
        &[version(1, 1_000, &[("p0", item("adopted", "Ja"))])],
        |p| {
            if p.as_str() == "p0" {
                list.clone()
            } else {
                Vec::new()
            }
        },
        crate::locale::Date::parse_iso("2026-12-01").unwrap(),
    );
    let json = serde_json::to_string(&follow_up).unwrap();
    let back: FollowUp = serde_json::from_str(&json).unwrap();
    assert_eq!(back.history, follow_up.history, "{json}");
    assert_eq!(back.version("p0"), Some(3));
}
