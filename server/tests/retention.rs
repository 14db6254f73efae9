//! The data lifecycle: after a closed consultation's retention period, comment texts,
//! proposals, contact emails and receipts are gone, and the results are exactly what they were.

mod common;

use common::{
    call, member, on_postgres, staff_get, statement, submission, submit_many, uuid, TestApp, ALL,
};
use mitreden_server::guard::rate_limit::RateLimit;
use mitreden_server::ops::retention::remove_due;
use mitreden_server::staff::Role;
use mitreden_server::storage::{now, Removed};
use reqwest::Method;
use serde_json::{json, Value};

const DAY: i64 = 24 * 60 * 60;

async fn results(app: &TestApp) -> Value {
    app.settled_public_results().await
}

#[tokio::test]
async fn personal_data_goes_after_the_retention_period_and_the_results_stay() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ada", Role::Admin).await;
    let settings = "/api/v1/staff/consultations/demo";
    let mut demo = staff_get(&app, settings, &admin).await;
    demo["settings"]["retention_days"] = json!(30);
    let (status, answer) = call(&app, Method::PUT, settings, Some(&admin), Some(demo)).await;
    assert_eq!(status, 200, "{answer}");

    let mut receipts = Vec::new();
    for n in 0..4 {
        let mut body = submission(&uuid(n), "citizens", &ALL[..3], &ALL);
        body["positions"] = json!([
            { "conflict": "central-vs-local", "position": 1, "comment": format!("Meine Meinung {n}, Anna aus Kiel") },
            { "conflict": "data-sharing-vs-privacy", "position": -2 }
        ]);
        body["proposals"] = json!([{ "kind": "priority", "title": "Barrierefreiheit", "reason": "Mein Nachbar …" }]);
        let (status, ack) = app.submit(&body).await;
        assert_eq!(status, 201, "{ack}");
        receipts.push(ack["receipt"].as_str().unwrap().to_owned());
    }
    let mut org = statement(&uuid(100));
    org["contact_email"] = json!("referentin@verband.de");
    org["contact_consent"] = json!(true);
    let (status, ack) = app
        .post("/api/v1/consultations/demo/statements", &org)
        .await;
    assert_eq!(status, 201, "{ack}");
    let statement_receipt = ack["receipt"].as_str().unwrap().to_owned();

    // Open consultations are never due.
    assert!(remove_due(&app.state, now() + 10_000 * DAY)
        .await
        .unwrap()
        .is_empty());

    let status_path = "/api/v1/staff/consultations/demo/status";
    let closing = Some(json!({ "status": "closed" }));
    let (status, _) = call(&app, Method::POST, status_path, Some(&admin), closing).await;
    assert_eq!(status, 200);
    let (closed_at, purged_at) = app.state.db.lifecycle("demo").await.unwrap();
    let closed_at = closed_at.expect("closing is recorded");
    assert!((now() - closed_at).abs() < 60);
    assert_eq!(purged_at, None);
    let iso_date = |t: i64| mitreden_server::http::staff_api::export::iso8601(t)[..10].to_owned();
    let list = staff_get(&app, "/api/v1/staff/consultations", &admin).await;
    assert_eq!(
        list[0]["personal_data_removal"],
        json!({ "date": iso_date(closed_at + 30 * DAY), "done": false })
    );
    let before = results(&app).await;

    // A day before the period ends nothing happens; when it ends, everything personal goes.
    let day_before = closed_at + 29 * DAY;
    assert!(remove_due(&app.state, day_before).await.unwrap().is_empty());
    let (status, _) = app
        .with_receipt(
            Method::GET,
            "/api/v1/consultations/demo/responses/mine",
            &receipts[0],
        )
        .await;
    assert_eq!(status, 200, "receipts still work inside the period");

    let due = closed_at + 30 * DAY;
    let done = remove_due(&app.state, due).await.unwrap();
    assert_eq!(
        done,
        [(
            "demo".to_owned(),
            Removed {
                comments: 4,
                proposals: 4,
                contact_emails: 1,
                receipts: 5
            }
        )]
    );
    assert!(
        remove_due(&app.state, due + DAY).await.unwrap().is_empty(),
        "done once"
    );
    assert_eq!(app.state.db.lifecycle("demo").await.unwrap().1, Some(due));
    let list = staff_get(&app, "/api/v1/staff/consultations", &admin).await;
    assert_eq!(
        list[0]["personal_data_removal"],
        json!({ "date": iso_date(due), "done": true })
    );

    // Nothing personal is left in the database.
    let responses = app.state.db.responses("demo").await.unwrap();
    assert_eq!(responses.len(), 4);
    for r in &responses {
        assert!(r.proposals.is_empty());
        assert_eq!(r.positions[0].comment.as_deref(), Some(""));
        assert_eq!(r.positions[0].position, Some(1));
    }
    let statements = app.state.db.statements("demo").await.unwrap();
    assert_eq!(statements[0].item.contact_email, None);
    assert_eq!(statements[0].item.name, "Verband Digitale Verwaltung e. V.");
    assert!(app.state.db.comments("demo").await.unwrap().is_empty());
    assert!(app.state.db.proposals("demo").await.unwrap().is_empty());
    if !on_postgres() {
        // Not even in free pages or the write-ahead log of the SQLite file.
        let file = std::fs::read(&app.database).unwrap();
        let wal = std::fs::read(format!("{}-wal", app.database)).unwrap_or_default();
        for secret in ["Anna aus Kiel", "referentin@verband.de", "Mein Nachbar"] {
            for bytes in [&file, &wal] {
                assert!(
                    !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                    "{secret} is still in the database files"
                );
            }
        }
    }
    for (kind, receipt) in [
        ("responses", &receipts[0]),
        ("statements", &statement_receipt),
    ] {
        let (status, answer) = app
            .with_receipt(
                Method::GET,
                &format!("/api/v1/consultations/demo/{kind}/mine"),
                receipt,
            )
            .await;
        assert_eq!(status, 404, "{answer}");
    }

    // The results are what they were, now and after a restart that recounts from storage.
    assert_eq!(results(&app).await, before);
    let again = app.restart().await;
    assert_eq!(results(&again).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removal_reaches_every_response_however_many_there_are() {
    let app = TestApp::spawn_limited(RateLimit {
        per_minute: 0,
        ..RateLimit::default()
    })
    .await;
    // More than two of the pages the removal works through.
    let total = 2_005;
    submit_many(&app, total, |n| {
        let mut body = submission(&uuid(n), "citizens", &ALL[..2], &ALL);
        body["positions"] =
            json!([{ "conflict": "central-vs-local", "position": 1, "comment": format!("Anna {n}") }]);
        body
    })
    .await;
    let removed = app
        .state
        .db
        .remove_personal_data("demo", now())
        .await
        .unwrap();
    assert_eq!(removed.comments, u64::from(total));
    let admin = member(&app, "ada", Role::Admin).await;
    let export = staff_get(&app, "/api/v1/staff/consultations/demo/export.json", &admin).await;
    let responses = export["responses"].as_array().unwrap();
    assert_eq!(responses.len(), total as usize);
    for r in responses {
        assert_eq!(r["response"]["positions"][0]["comment"], "", "{r}");
    }
}
