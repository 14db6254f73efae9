//! A `2xx` means the response is on disk: kill the server process hard right after
//! acknowledgements and check that a restarted server still has every one of them.

mod common;

use common::{start_binary, submission, uuid, ALL};
use serde_json::Value;

#[tokio::test]
async fn acknowledged_submissions_survive_a_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let client = reqwest::Client::new();

    let (mut server, base) = start_binary(&database, &[]);
    let url = format!("{base}/api/v1/consultations/demo/responses");
    for n in 0..30 {
        let body = submission(&uuid(n), "citizens", &ALL[..2], &ALL);
        let r = client.post(&url).json(&body).send().await.unwrap();
        assert_eq!(r.status(), 201);
    }
    // SIGKILL: no shutdown, no flush, no chance to finish anything.
    server.kill().unwrap();
    server.wait().unwrap();

    let (mut server, base) = start_binary(&database, &[]);
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
