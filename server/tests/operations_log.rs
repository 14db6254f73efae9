//! What operators read: health checks for the load balancer, and a log with one line per
//! request that never holds what participants or staff sent (comments, receipts, tokens,
//! addresses).

mod common;

use std::process::Command;

use common::{submission, uuid, ALL};
use serde_json::{json, Value};

#[tokio::test]
async fn the_log_has_a_line_per_request_and_nothing_anyone_sent() {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let log = dir.path().join("server.log");
    // The server listens on one loopback address and the client comes from another, so that
    // the client's address can be looked for in the log.
    let out = dir.path().join("server.out");
    let mut command = Command::new(env!("CARGO_BIN_EXE_mitreden-server"));
    command
        .args(["serve", "--addr", "127.0.0.2:0", "--database", &database])
        .args(["--log-format", "json", "--log", "info"])
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&log).unwrap());
    let mut server = command.spawn().unwrap();
    // Stdout holds nothing but JSON too: the addresses as one object.
    let mut printed = String::new();
    for _ in 0..200 {
        printed = std::fs::read_to_string(&out).unwrap();
        if printed.ends_with('\n') {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let addresses: Value = serde_json::from_str(printed.trim())
        .unwrap_or_else(|e| panic!("stdout is not one JSON object ({e}): {printed}"));
    let results = addresses["results_json"].as_str().unwrap();
    let base = results[..results.find("/api/").unwrap()].to_owned();
    assert_eq!(addresses["widget"], format!("{base}/w/demo"));
    let http = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 3]))
        .build()
        .unwrap();

    let comment = "Unser Amt in Kleinstadt wartet seit Jahren auf Glasfaser";
    let mut body = submission(&uuid(1), "citizens", &["once-only"], &ALL);
    body["positions"] =
        json!([{ "conflict": "central-vs-local", "position": 1, "comment": comment }]);
    let answer = http
        .post(format!("{base}/api/v1/consultations/demo/responses"))
        .header("x-request-id", "from-the-proxy.42")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 201);
    // An id the proxy gave is kept and sent back.
    assert_eq!(answer.headers()["x-request-id"], "from-the-proxy.42");
    let receipt = answer.json::<Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_owned();
    let viewed = http
        .get(format!("{base}/api/v1/consultations/demo/responses/mine"))
        .header("authorization", format!("Receipt {receipt}"))
        .send()
        .await
        .unwrap();
    assert_eq!(viewed.status(), 200);
    // One that could forge a log line is replaced by one of the server's own.
    let viewed_id = viewed.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(viewed_id.len(), 16, "{viewed_id}");

    common::staff_cli(&database, &["add", "ada", "--role", "moderator"]);
    let made = common::staff_cli(&database, &["token", "ada"]);
    let token = made.trim().rsplit(' ').next().unwrap().to_owned();
    let me = http
        .get(format!("{base}/api/v1/staff/me"))
        .bearer_auth(&token)
        .header("x-request-id", "x\" status=500")
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
    let me_id = me.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_ne!(me_id, "x\" status=500");

    let missing = http
        .get(format!(
            "{base}/api/v1/consultations/no-such-thing?secret=abc"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);

    let _ = server.kill();
    let _ = server.wait();
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let requests: Vec<&Value> = lines
        .iter()
        .filter(|l| l["target"] == "mitreden::request")
        .collect();
    assert_eq!(requests.len(), 4, "{text}");
    let line = |id: &str| {
        requests
            .iter()
            .find(|l| l["span"]["request_id"] == id)
            .unwrap_or_else(|| panic!("no line for {id}: {text}"))
    };
    let posted = line("from-the-proxy.42");
    assert_eq!(posted["method"], "POST");
    assert_eq!(posted["route"], "/api/v1/consultations/{slug}/responses");
    assert_eq!(posted["status"], 201);
    let took = posted["duration_ms"].as_f64().unwrap();
    assert!(took > 0.0);
    // Rounded to a hundredth of a millisecond.
    assert_eq!((took * 100.0).round() / 100.0, took, "{posted}");
    assert_eq!(line(&viewed_id)["status"], 200);
    assert_eq!(line(&me_id)["route"], "/api/v1/staff/me");
    // The path and query as sent are never logged, only the route's pattern.
    assert!(requests.iter().any(|l| l["status"] == 404));

    for secret in [
        comment,
        receipt.as_str(),
        token.as_str(),
        "127.0.0.3",
        "no-such-thing",
        "secret=abc",
    ] {
        assert!(!text.contains(secret), "{secret:?} is in the log:\n{text}");
    }
}

#[tokio::test]
async fn the_load_balancer_learns_whether_the_server_can_take_submissions() {
    let app = common::TestApp::spawn().await;
    let (status, alive) = app.get("/healthz").await;
    assert_eq!((status, alive["status"].as_str()), (200, Some("alive")));
    let (status, ready) = app.get("/readyz").await;
    assert_eq!(status, 200, "{ready}");
    assert_eq!(
        ready,
        json!({ "status": "ready", "checks": { "database": true, "writer": true, "writes": true, "migrations": true } })
    );

    // A schema older than this build's (as when an older release's process shares the
    // database and it was never migrated): not ready.
    let mut conn = common::connect(&app.database).await;
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    let (status, ready) = app.get("/readyz").await;
    assert_eq!(status, 503, "{ready}");
    assert_eq!(ready["status"], "not_ready");
    assert_eq!(ready["checks"]["migrations"], false);
    assert_eq!(ready["checks"]["database"], true);
}

#[tokio::test]
async fn an_address_in_use_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_mitreden-server"))
        .args(["serve", "--addr", &addr, "--database", &database])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&format!("cannot listen on {addr}:")),
        "{said}"
    );
}
