//! Several server processes on one database, as behind a load balancer: each counts what the
//! others store and withdraw, and sees the definitions the others save.

mod common;

use std::time::Duration;

use common::{counts, start_binary, statement, submission, uuid, ALL};
use serde_json::{json, Value};

async fn results(http: &reqwest::Client, base: &str) -> Value {
    http.get(format!("{base}/api/v1/consultations/demo/results"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Reads the results at `base` until `done` holds for them (other processes count within a
/// second), and returns them.
async fn results_when(http: &reqwest::Client, base: &str, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..100 {
        let r = results(http, base).await;
        if done(&r) {
            return r;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "{base} never counted as expected: {}",
        results(http, base).await
    );
}

fn staff(database: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mitreden-server"))
        .arg("staff")
        .args(args)
        .args(["--database", database])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_on_one_database_count_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let (mut a, base_a) = start_binary(&database, &["--rate-limit", "0"]);
    let (mut b, base_b) = start_binary(&database, &["--rate-limit", "0"]);
    let http = reqwest::Client::new();
    let post = |base: &str, kind: &str, body: Value| {
        http.post(format!("{base}/api/v1/consultations/demo/{kind}"))
            .json(&body)
            .send()
    };

    // Both take responses at the same time.
    let mut receipts = Vec::new();
    for n in 0..30 {
        let base = if n % 3 == 0 { &base_b } else { &base_a };
        let group = ["citizens", "academia", "business"][n as usize % 3];
        let body = submission(&uuid(n), group, &ALL[..1 + n as usize % 5], &ALL);
        let answer = post(base, "responses", body).await.unwrap();
        assert_eq!(answer.status(), 201);
        let ack: Value = answer.json().await.unwrap();
        receipts.push(ack["receipt"].as_str().unwrap().to_owned());
    }
    assert_eq!(
        post(&base_b, "statements", statement(&uuid(500)))
            .await
            .unwrap()
            .status(),
        201
    );
    // Whoever stored a response counts it before answering; the other within a moment.
    let at_a = results_when(&http, &base_a, |r| {
        r["total"] == 30 && r["organisations"]["statements"] == 1
    })
    .await;
    let at_b = results_when(&http, &base_b, |r| {
        r["total"] == 30 && r["organisations"]["statements"] == 1
    })
    .await;
    assert_eq!(counts(&at_a), counts(&at_b));

    // The same id sent to the other process is a replay there too.
    let again = post(
        &base_b,
        "responses",
        submission(&uuid(1), "academia", &ALL[..2], &ALL),
    )
    .await
    .unwrap();
    assert_eq!(again.status(), 200);

    // Withdrawn through B, a response A stored leaves both counts.
    let withdrawn = http
        .delete(format!("{base_b}/api/v1/consultations/demo/responses/mine"))
        .header("authorization", format!("Receipt {}", receipts[1]))
        .send()
        .await
        .unwrap();
    assert_eq!(withdrawn.status(), 204);
    let at_a = results_when(&http, &base_a, |r| r["total"] == 29).await;
    let at_b = results_when(&http, &base_b, |r| r["total"] == 29).await;
    assert_eq!(counts(&at_a), counts(&at_b));

    // Closed through A, the consultation is closed at B.
    staff(&database, &["add", "ada", "--role", "admin"]);
    let token = staff(&database, &["token", "ada"]);
    let token = token.trim().rsplit(' ').next().unwrap();
    let closed = http
        .post(format!("{base_a}/api/v1/staff/consultations/demo/status"))
        .bearer_auth(token)
        .json(&json!({ "status": "closed" }))
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), 200);
    let mut refused = 0;
    for n in 100..200 {
        let late = post(
            &base_b,
            "responses",
            submission(&uuid(n), "citizens", &ALL[..1], &ALL),
        )
        .await
        .unwrap();
        refused = late.status().as_u16();
        if refused == 409 {
            break;
        }
        assert_eq!(
            refused, 201,
            "before B sees the change it still takes responses"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(refused, 409, "B never saw the consultation closed");

    for server in [&mut a, &mut b] {
        server.kill().unwrap();
        server.wait().unwrap();
    }
}

#[tokio::test]
async fn a_process_behind_the_kept_log_counts_everything_afresh() {
    let app = common::TestApp::spawn().await;
    // Another process, as far as this one can tell: its own handle on the database.
    let other = mitreden_server::storage::Db::open(&app.database)
        .await
        .unwrap();
    let demo = other.consultations().await.unwrap().remove(0);
    for n in 0..5 {
        let sent: mitreden_core::ResponseSubmission =
            serde_json::from_value(submission(&uuid(n), "citizens", &ALL[..2], &ALL)).unwrap();
        let valid = sent.validate(&demo).unwrap();
        other
            .insert_response("demo", &valid, &format!("h{n}"), None)
            .await
            .unwrap();
    }
    // The log has lost those versions before this process read them.
    other
        .prune_changes(mitreden_server::storage::now() + 1)
        .await
        .unwrap();
    let (_, version) = other.versions().await.unwrap().remove(0);
    assert_eq!(version, 5);
    assert_eq!(
        other.changes_since("demo", 0, version).await.unwrap(),
        None,
        "a gap in the log is reported, not skipped"
    );
    mitreden_server::counting::sync::catch_up(&app.state.counts)
        .await
        .unwrap();
    let live = app.state.counts.consultation("demo").unwrap();
    assert_eq!(live.tally().ballots(), 5);
    assert_eq!(app.results().await["total"], 5);
}
