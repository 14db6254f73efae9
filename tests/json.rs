//! The widget's JSON (`mitreden_widget::json`) in a real browser: what serde_json writes (the
//! server's side) reads back the same through `JSON.parse` and the widget's own deserializer,
//! and what does not fit is refused with the reason.

use mitreden_core::draft::{Choice, Draft, Mode, PositionDraft};
use mitreden_core::outcome::Change;
use mitreden_core::{ConflictId, Consultation, GroupId, Lang, LocalizedText, ResponseId};
use mitreden_widget::json;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A consultation with every kind of field: texts in two languages, optional texts, renamed
/// variants, numbers of several widths.
const CONSULTATION: &str = r#"{
    "slug": "sample",
    "title": {"de": "Testbeteiligung", "en": "Test consultation"},
    "description": {"de": "Beschreibung \"mit\" Zeichen\nund Zeile", "en": "Description"},
    "languages": ["de", "en"],
    "status": "open",
    "closes": "2026-12-24",
    "groups": [{"id": "citizens", "label": {"de": "Bürgerinnen", "en": "Citizens"}}],
    "priorities": [
        {"id": "alpha", "title": {"de": "Alpha", "en": "Alpha"},
         "description": {"de": "Erstes", "en": "First"},
         "indicator": {"de": "Anteil in %", "en": "Share in %"}},
        {"id": "beta", "title": {"de": "Beta", "en": "Beta"},
         "description": {"de": "Zweites", "en": "Second"}}
    ],
    "conflicts": [{"id": "speed", "title": {"de": "Tempo?", "en": "Speed?"},
        "left": {"de": "Tempo", "en": "Speed"}, "right": {"de": "Tiefe", "en": "Depth"},
        "description": {"de": "Warum", "en": "Why"}}],
    "settings": {"partial_ranking": true, "results_after_submit": false,
        "conflict_scale": 7, "min_group_size": 12, "proof_of_work": 9007199254740991},
    "licence": "dl-de/by-2-0"
}"#;

fn with_setting(name: &str, value: &str) -> String {
    CONSULTATION.replace(
        "\"min_group_size\": 12",
        &format!("\"min_group_size\": 12, \"{name}\": {value}"),
    )
}

#[wasm_bindgen_test]
fn a_consultation_reads_as_serde_json_reads_it() {
    let expected: Consultation = serde_json::from_str(CONSULTATION).unwrap();
    let read: Consultation = json::from_str(CONSULTATION).unwrap();
    assert_eq!(read, expected);
    assert_eq!(read.settings.proof_of_work, 9_007_199_254_740_991);
    assert_eq!(
        read.priorities[0].indicator.as_ref().unwrap().get(Lang::En),
        "Share in %"
    );
    assert_eq!(read.priorities[1].indicator, None);
    // And what the server writes of it reads back the same.
    let written = serde_json::to_string(&expected).unwrap();
    assert_eq!(json::from_str::<Consultation>(&written).unwrap(), expected);
}

#[wasm_bindgen_test]
fn a_draft_goes_to_storage_and_back_unchanged() {
    let consultation: Consultation = serde_json::from_str(CONSULTATION).unwrap();
    let id = ResponseId::parse("123e4567-e89b-42d3-a456-426614174000").unwrap();
    let mut draft = Draft::new(&consultation, id);
    draft.mode = Some(Mode::Individual);
    draft.group = Some(GroupId::parse("citizens").unwrap());
    draft.positions = vec![
        PositionDraft {
            conflict: ConflictId::parse("speed").unwrap(),
            choice: Some(Choice::Step(-2)),
            comment: "Erst gründlich, dann schnell.\n– Zeile 2".into(),
        },
        PositionDraft {
            conflict: ConflictId::parse("speed").unwrap(),
            choice: Some(Choice::NoView),
            comment: String::new(),
        },
    ];
    let text = json::to_string(&draft).unwrap();
    assert_eq!(text, serde_json::to_string(&draft).unwrap());
    assert!(text.contains(r#""choice":{"step":-2}"#), "{text}");
    assert_eq!(json::from_str::<Draft>(&text).unwrap(), draft);
    assert_eq!(serde_json::from_str::<Draft>(&text).unwrap(), draft);
}

#[wasm_bindgen_test]
fn tagged_enums_read_through_their_tag() {
    let text = r#"{"change": "summary", "summary": {"de": "Drei Ziele", "en": "Three goals"}}"#;
    let change: Change = json::from_str(text).unwrap();
    let summary = LocalizedText::new([
        (Lang::De, "Drei Ziele".into()),
        (Lang::En, "Three goals".into()),
    ]);
    assert_eq!(change, Change::Summary { summary });
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum Shape {
    Dot,
    Line(u32),
    Square { side: u8 },
}

#[wasm_bindgen_test]
fn variants_with_and_without_content() {
    let shapes: Vec<Shape> =
        json::from_str(r#"["Dot", {"Line": 4}, {"Square": {"side": 2}}]"#).unwrap();
    assert_eq!(
        shapes,
        [Shape::Dot, Shape::Line(4), Shape::Square { side: 2 }]
    );
    let two = json::from_str::<Shape>(r#"{"Line": 4, "Dot": null}"#).unwrap_err();
    assert_eq!(
        two,
        "an object where a variant's name or an object with one variant was expected"
    );
    let unknown = json::from_str::<Shape>(r#""Circle""#).unwrap_err();
    assert_eq!(unknown, "unknown variant `Circle`");
}

#[wasm_bindgen_test]
fn what_does_not_fit_is_refused_with_the_reason() {
    let cases = [
        (
            CONSULTATION.replace("\"status\": \"open\"", "\"status\": \"ajar\""),
            "unknown variant `ajar`",
        ),
        (
            CONSULTATION.replace("\"slug\": \"sample\",", ""),
            "missing field `slug`",
        ),
        (with_setting("colour", "\"red\""), "unknown field `colour`"),
        (
            CONSULTATION.replace("\"min_group_size\": 12", "\"min_group_size\": 12.5"),
            "a number where a whole number from 0 was expected",
        ),
        (
            CONSULTATION.replace("\"min_group_size\": 12", "\"min_group_size\": -1"),
            "a number where a whole number from 0 was expected",
        ),
        (
            CONSULTATION.replace("\"min_group_size\": 12", "\"min_group_size\": \"12\""),
            "a string where a whole number from 0 was expected",
        ),
        (
            CONSULTATION.replace("\"conflict_scale\": 7", "\"conflict_scale\": 300"),
            "a number out of range for u8",
        ),
        (
            CONSULTATION.replace("\"partial_ranking\": true", "\"partial_ranking\": 1"),
            "a number where a boolean was expected",
        ),
        (
            CONSULTATION.replace("\"languages\": [\"de\", \"en\"]", "\"languages\": \"de\""),
            "a string where an array was expected",
        ),
        (
            CONSULTATION.replace("\"slug\": \"sample\"", "\"slug\": \"Sample!\""),
            "may only contain lower-case letters a–z, digits and '-'",
        ),
        (
            CONSULTATION.replace("\"closes\": \"2026-12-24\"", "\"closes\": {}"),
            "an object where a string was expected",
        ),
    ];
    for (text, reason) in cases {
        assert!(
            serde_json::from_str::<Consultation>(&text).is_err(),
            "{reason}"
        );
        assert_eq!(json::from_str::<Consultation>(&text).unwrap_err(), reason);
    }
    assert_eq!(json::from_str::<Consultation>("{").unwrap_err(), "not JSON");
    assert_eq!(
        json::from_str::<Consultation>("[]").unwrap_err(),
        "an array where an object was expected"
    );
}

#[derive(Serialize)]
struct Everything {
    text: String,
    letter: char,
    small: i8,
    big: u64,
    half: f64,
    nothing: Option<u8>,
    something: Option<bool>,
    shapes: Vec<Shape>,
    pair: (u8, String),
    by_number: BTreeMap<u16, bool>,
    by_name: BTreeMap<String, ()>,
}

#[wasm_bindgen_test]
fn what_the_widget_writes_is_what_serde_json_writes() {
    let value = Everything {
        text: "\"Zitat\" \\ Pfad\nZeile\tTab\r\u{1}\u{8}\u{c}\u{1f} – Ä 😀 \u{2028}".into(),
        letter: '"',
        small: -128,
        big: u64::MAX,
        half: -0.5,
        nothing: None,
        something: Some(false),
        shapes: vec![Shape::Dot, Shape::Line(7), Shape::Square { side: 3 }],
        pair: (1, "zwei".into()),
        by_number: BTreeMap::from([(1, true), (20, false)]),
        by_name: BTreeMap::from([("a\"b".to_owned(), ())]),
    };
    let written = json::to_string(&value).unwrap();
    assert_eq!(written, serde_json::to_string(&value).unwrap());
    // And the browser reads it as the same.
    let parsed = js_sys::JSON::parse(&written).unwrap();
    let text = js_sys::Reflect::get(&parsed, &"text".into()).unwrap();
    assert_eq!(text.as_string().unwrap(), value.text);
}
