//! Hostile requests: each gets a clear 4xx with a specific code, nothing is stored, and the
//! server keeps serving.

mod common;

use common::{submission, uuid, TestApp, ALL};
use serde_json::{json, Value};

const PATH: &str = "/api/v1/consultations/demo/responses";

#[tokio::test]
async fn hostile_requests_are_refused_precisely_and_change_nothing() {
    let app = TestApp::spawn().await;
    let id = uuid(1);
    let valid = submission(&id, "citizens", &ALL[..1], &ALL).to_string();
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let huge_array = format!(
        r#"{{"id":"{id}","group":"citizens","ranking":[{}],"shown":[],"lang":"de"}}"#,
        vec!["\"once-only\""; 20_000].join(",")
    );
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = submission(&id, "citizens", &ALL[..1], &ALL);
        f(&mut v);
        v.to_string().into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>, &str, u16, &str)> = vec![
        (
            "malformed JSON",
            b"{\"id\": ".to_vec(),
            "application/json",
            400,
            "invalid_json",
        ),
        (
            "not JSON at all",
            b"<xml/>".to_vec(),
            "application/json",
            400,
            "invalid_json",
        ),
        (
            "invalid UTF-8",
            b"{\"id\":\"\xff\xfe\"}".to_vec(),
            "application/json",
            400,
            "invalid_json",
        ),
        (
            "deep nesting",
            deep.into_bytes(),
            "application/json",
            422,
            "invalid_body",
        ),
        (
            "huge array",
            huge_array.into_bytes(),
            "application/json",
            413,
            "payload_too_large",
        ),
        (
            "wrong type",
            with(&|v| v["ranking"] = json!(42)),
            "application/json",
            422,
            "invalid_body",
        ),
        (
            "null id",
            with(&|v| v["id"] = Value::Null),
            "application/json",
            422,
            "invalid_body",
        ),
        (
            "unknown field",
            with(&|v| v["admin"] = json!(true)),
            "application/json",
            422,
            "invalid_body",
        ),
        (
            "a program filled in the honeypot",
            with(&|v| v["website"] = json!("https://spam.example")),
            "application/json",
            422,
            "honeypot_filled",
        ),
        (
            "overlong group",
            with(&|v| v["group"] = json!("g".repeat(10_000))),
            "application/json",
            422,
            "unknown_group",
        ),
        (
            "control characters",
            with(&|v| {
                v["positions"] =
                    json!([{ "conflict": "central-vs-local", "position": 0, "comment": "a\u{0}b" }])
            }),
            "application/json",
            422,
            "text_invalid_characters",
        ),
        (
            "overlong comment",
            with(
                &|v| v["positions"] = json!([{ "conflict": "central-vs-local", "position": 0, "comment": "x".repeat(5000) }]),
            ),
            "application/json",
            422,
            "text_too_long",
        ),
        (
            "wrong content type",
            valid.clone().into_bytes(),
            "text/plain",
            415,
            "unsupported_media_type",
        ),
        (
            "form encoded",
            b"id=1&group=citizens".to_vec(),
            "application/x-www-form-urlencoded",
            415,
            "unsupported_media_type",
        ),
    ];
    for (name, body, content_type, status, code) in cases {
        let r = app
            .client
            .post(app.url(PATH))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), status, "{name}");
        let answer: Value = r.json().await.unwrap();
        assert_eq!(answer["error"]["code"], code, "{name}");
        assert!(
            answer["error"]["message"].as_str().unwrap().len() > 10,
            "{name}"
        );
    }
    assert!(
        app.state.db.responses("demo").await.unwrap().is_empty(),
        "nothing stored"
    );

    // Markup in a comment is kept as text: it is data, shown escaped wherever it is shown.
    let mut script = submission(&id, "citizens", &ALL[..1], &ALL);
    script["positions"] = json!([{ "conflict": "central-vs-local", "position": 1, "comment": "<script>alert(1)</script>" }]);
    assert_eq!(app.submit(&script).await.0, 201);
    let stored = app.state.db.responses("demo").await.unwrap();
    assert_eq!(
        stored[0].positions[0].comment.as_deref(),
        Some("<script>alert(1)</script>")
    );
    // The server is unharmed.
    assert_eq!(app.get("/api/v1/consultations/demo").await.0, 200);
}
