//! Receipts: a participant views or withdraws their response with the code they kept.

mod common;

use common::{submission, uuid, TestApp, ALL};
use reqwest::Method;
use serde_json::json;

const MINE: &str = "/api/v1/consultations/demo/responses/mine";

#[tokio::test]
async fn withdrawal_by_receipt_removes_the_response_from_the_results() {
    let app = TestApp::spawn().await;
    let mut body = submission(&uuid(1), "academia", &["once-only"], &ALL);
    body["proposals"] =
        json!([{ "kind": "priority", "title": "Barrierefreiheit", "reason": "Fehlt." }]);
    let (_, ack) = app.submit(&body).await;
    let (status, _) = app
        .submit(&submission(&uuid(2), "academia", &["federal-it"], &ALL))
        .await;
    assert_eq!(status, 201);
    let receipt = ack["receipt"].as_str().unwrap().to_owned();
    assert_eq!(
        app.state.db.pending_proposals("demo").await.unwrap().len(),
        1
    );

    // Viewing shows what was stored; the code may be typed in lower case without hyphens.
    let typed = receipt.to_lowercase().replace('-', "");
    let (status, stored) = app.with_receipt(Method::GET, MINE, &typed).await;
    assert_eq!(status, 200);
    assert_eq!(stored["ranking"], json!(["once-only"]));

    let (status, _) = app.with_receipt(Method::DELETE, MINE, &receipt).await;
    assert_eq!(status, 204);
    let results = app.results().await;
    assert_eq!(results["total"], 1);
    assert_eq!(
        results["groups"]["academia"]["ranking"][0]["priority"],
        "federal-it"
    );
    // The proposal went with the response.
    assert!(app
        .state
        .db
        .pending_proposals("demo")
        .await
        .unwrap()
        .is_empty());

    // Gone for good: not viewable, not withdrawable twice, and a late retry cannot revive it.
    let (status, body_) = app.with_receipt(Method::GET, MINE, &receipt).await;
    assert_eq!(
        (status, body_["error"]["code"].as_str()),
        (404, Some("receipt_unknown"))
    );
    let (status, _) = app.with_receipt(Method::DELETE, MINE, &receipt).await;
    assert_eq!(status, 404);
    let (status, answer) = app.submit(&body).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (410, Some("withdrawn"))
    );
    assert_eq!(app.results().await["total"], 1);
}

#[tokio::test]
async fn withdrawal_survives_a_restart_as_a_recount() {
    let app = TestApp::spawn().await;
    let (_, ack) = app
        .submit(&submission(&uuid(1), "citizens", &["once-only"], &ALL))
        .await;
    app.submit(&submission(&uuid(2), "business", &["federal-it"], &ALL))
        .await;
    let (status, _) = app
        .with_receipt(Method::DELETE, MINE, ack["receipt"].as_str().unwrap())
        .await;
    assert_eq!(status, 204);
    let before = app.settled_results().await;
    let restarted = app.restart().await;
    assert_eq!(restarted.settled_results().await, before);
    assert_eq!(before["groups"]["citizens"]["responses"], 0);
}

#[tokio::test]
async fn receipts_are_required_well_formed_and_known() {
    let app = TestApp::spawn().await;
    let r = app.client.delete(app.url(MINE)).send().await.unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["error"]["code"],
        "receipt_required"
    );
    let (status, body) = app.with_receipt(Method::DELETE, MINE, "nonsense").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("invalid_receipt"))
    );
    let (status, body) = app
        .with_receipt(Method::DELETE, MINE, "0000-0000-0000-0000")
        .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("receipt_unknown"))
    );
}

#[tokio::test]
async fn a_withdrawn_comment_is_in_neither_the_database_file_nor_its_write_ahead_log() {
    if common::on_postgres() {
        // PostgreSQL keeps removed rows in its files until VACUUM (see the README).
        return;
    }
    let app = TestApp::spawn().await;
    let secret = "Mein Nachbar Herr Beispielmann wuerde das nie sagen";
    let mut body = submission(&uuid(1), "academia", &["once-only"], &ALL);
    body["positions"] =
        json!([{ "conflict": "central-vs-local", "position": 1, "comment": secret }]);
    let (status, ack) = app.submit(&body).await;
    assert_eq!(status, 201);
    let receipt = ack["receipt"].as_str().unwrap();
    let files = || {
        let file = std::fs::read(&app.database).unwrap();
        let wal = std::fs::read(format!("{}-wal", app.database)).unwrap_or_default();
        [file, wal]
    };
    let found = |bytes: &[u8]| bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
    assert!(files().iter().any(|f| found(f)), "stored before");
    let (status, _) = app.with_receipt(Method::DELETE, MINE, receipt).await;
    assert_eq!(status, 204);
    for bytes in files() {
        assert!(!found(&bytes), "the withdrawn comment lingers on disk");
    }
}
