//! A `2xx` means the response is on disk: kill the server process hard right after
//! acknowledgements and check that a restarted server still has every one of them.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use common::{submission, uuid, ALL};
use serde_json::Value;

/// Starts the real server binary on a free port; returns it and its base URL.
fn start(database: &str) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mitreden-server"))
        .args(["serve", "--addr", "127.0.0.1:0", "--database", database])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("server starts");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines.next().expect("server prints its URLs").unwrap();
        if let Some(url) = line.strip_prefix("Results JSON:") {
            let url = url.trim();
            break url[..url.find("/api/").unwrap()].to_owned();
        }
    };
    (child, base)
}

#[tokio::test]
async fn acknowledged_submissions_survive_a_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("crash.db").display().to_string();
    let client = reqwest::Client::new();

    let (mut server, base) = start(&database);
    let url = format!("{base}/api/v1/consultations/demo/responses");
    for n in 0..30 {
        let body = submission(&uuid(n), "citizens", &ALL[..2], &ALL);
        let r = client.post(&url).json(&body).send().await.unwrap();
        assert_eq!(r.status(), 201);
    }
    // SIGKILL: no shutdown, no flush, no chance to finish anything.
    server.kill().unwrap();
    server.wait().unwrap();

    let (mut server, base) = start(&database);
    let results: Value = client
        .get(format!("{base}/api/v1/consultations/demo/results"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(results["total"], 30);
    // Each acknowledged id is there exactly once: replaying it is recognised as a replay.
    let url = format!("{base}/api/v1/consultations/demo/responses");
    for n in [0, 17, 29] {
        let body = submission(&uuid(n), "citizens", &ALL[..2], &ALL);
        let r = client.post(&url).json(&body).send().await.unwrap();
        assert_eq!(r.status(), 200);
    }
    server.kill().unwrap();
    server.wait().unwrap();
}
