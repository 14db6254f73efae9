//! Organisation statements: stored apart from individual responses, withdrawable by receipt.

mod common;

use common::{statement, uuid, TestApp};
use reqwest::Method;
use serde_json::json;

const STATEMENTS: &str = "/api/v1/consultations/demo/statements";

#[tokio::test]
async fn a_statement_is_stored_once_and_reported_apart_from_responses() {
    let app = TestApp::spawn().await;
    let (status, ack) = app.post(STATEMENTS, &statement(&uuid(1))).await;
    assert_eq!(status, 201, "{ack}");
    let (status, again) = app.post(STATEMENTS, &statement(&uuid(1))).await;
    assert_eq!((status, &again), (200, &ack));
    let mut changed = statement(&uuid(1));
    changed["publish"] = json!(false);
    let (status, _) = app.post(STATEMENTS, &changed).await;
    assert_eq!(status, 409);

    let results = app.results().await;
    assert_eq!(results["total"], 0, "statements never count as responses");
    let organisations = &results["organisations"];
    assert_eq!(organisations["statements"], 1);
    assert_eq!(organisations["publishable"], 1);
    let once_only = organisations["stances"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["priority"] == "once-only")
        .unwrap();
    assert_eq!(once_only["support"], 1);

    let receipt = ack["receipt"].as_str().unwrap();
    let mine = "/api/v1/consultations/demo/statements/mine";
    let (status, stored) = app.with_receipt(Method::GET, mine, receipt).await;
    assert_eq!(status, 200);
    assert_eq!(stored["name"], "Verband Digitale Verwaltung e. V.");
    // Asked for without knowing its kind: the same statement, tagged as one.
    let either = "/api/v1/consultations/demo/submissions/mine";
    let (status, found) = app.with_receipt(Method::GET, either, receipt).await;
    assert_eq!((status, &found["statement"]), (200, &stored));
    assert_eq!(found.as_object().unwrap().len(), 1);
    let (status, _) = app.with_receipt(Method::DELETE, mine, receipt).await;
    assert_eq!(status, 204);
    assert_eq!(app.results().await["organisations"]["statements"], 0);
    let (status, gone) = app.with_receipt(Method::GET, either, receipt).await;
    assert_eq!(
        (status, gone["error"]["code"].as_str()),
        (404, Some("receipt_unknown"))
    );
}

#[tokio::test]
async fn bad_statements_get_their_own_codes_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut s = statement(&uuid(5));
        f(&mut s);
        s
    };
    let cases = [
        (with(&|s| s["name"] = json!("  ")), "text_missing"),
        (
            with(&|s| s["lobby_register"] = json!("12345")),
            "invalid_lobby_register",
        ),
        (
            with(&|s| s["contact_email"] = json!("not-an-email")),
            "invalid_email",
        ),
        (
            with(&|s| s["contact_email"] = json!("info@verband.de")),
            "contact_consent_required",
        ),
        (with(&|s| s["kind"] = json!("party")), "invalid_body"),
        (
            with(&|s| s["stances"][0]["stance"] = json!("maybe")),
            "invalid_body",
        ),
        (
            with(&|s| s["stances"][1]["priority"] = json!("once-only")),
            "duplicate_stance",
        ),
        (
            with(&|s| {
                s["stances"] = json!([]);
                s["positions"] = json!([]);
            }),
            "empty_statement",
        ),
    ];
    for (body, code) in cases {
        let (status, answer) = app.post(STATEMENTS, &body).await;
        assert_eq!(answer["error"]["code"], code, "{body}");
        assert!((400..500).contains(&status));
    }
    assert!(app.state.db.statements("demo").await.unwrap().is_empty());
    let mut consented = statement(&uuid(6));
    consented["contact_email"] = json!("info@verband.de");
    consented["contact_consent"] = json!(true);
    assert_eq!(app.post(STATEMENTS, &consented).await.0, 201);
}
