//! The id a participant's device made is the idempotency key of their submission: sending it
//! again gives the receipt back. Exports and the staff API carry a public id instead, so
//! whoever holds an export cannot take over anybody's response or statement.

mod common;

use common::{member, staff_get, submission, uuid, TestApp, ALL};
use mitreden_server::staff::Role;
use serde_json::Value;

const DEMO: &str = "/api/v1/staff/consultations/demo";

#[tokio::test]
async fn replaying_what_an_export_shows_reveals_no_receipt() {
    let app = TestApp::spawn().await;
    let token = member(&app, "ada", Role::Moderator).await;
    let (status, response) = app
        .submit(&submission(&uuid(1), "citizens", &ALL[..2], &ALL))
        .await;
    assert_eq!(status, 201);
    let (status, statement) = app
        .post(
            "/api/v1/consultations/demo/statements",
            &common::statement(&uuid(2)),
        )
        .await;
    assert_eq!(status, 201);
    let receipts = [response["receipt"].clone(), statement["receipt"].clone()];

    let json = staff_get(&app, &format!("{DEMO}/export.json"), &token).await;
    let csv = staff_get(&app, &format!("{DEMO}/export.csv"), &token).await;
    let listed = staff_get(&app, &format!("{DEMO}/statements"), &token).await;
    for (what, text) in [
        ("export.json", json.to_string()),
        ("export.csv", csv.to_string()),
        ("statements", listed.to_string()),
    ] {
        for secret in [uuid(1), uuid(2)] {
            assert!(!text.contains(&secret), "{what} carries the device's id");
        }
    }

    // Sent back as it stands in the export, each is just a new submission of its own.
    let exported: &Value = &json["responses"][0]["response"];
    let (status, answer) = app
        .post("/api/v1/consultations/demo/responses", exported)
        .await;
    assert_eq!(status, 201, "{answer}");
    let exported: &Value = &json["statements"][0];
    let (status, again) = app
        .post("/api/v1/consultations/demo/statements", exported)
        .await;
    assert_eq!(status, 201, "{again}");
    for answer in [answer, again] {
        assert!(!receipts.contains(&answer["receipt"]), "{answer}");
    }
}
