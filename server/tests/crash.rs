//! Crash safety under load: the real server binary is killed with SIGKILL at random moments
//! while clients keep submitting, many times over. After every kill the database file must
//! hold every acknowledged submission exactly once, each submission either whole (response,
//! comments, proposals) or not at all, and (SQLite) pass `PRAGMA integrity_check`; a
//! restarted server must count exactly what is stored.
//!
//! `MITREDEN_CRASH_CYCLES` sets the number of kills (default 6, which the test command runs);
//! the long version is `MITREDEN_CRASH_CYCLES=200 cargo test -p mitreden-server --test crash
//! -- --nocapture`.

mod common;

use std::collections::HashSet;
use std::process::Child;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use sqlx::{Connection, Row};

const CLIENTS: usize = 16;
const PRIORITIES: [&str; 4] = [
    "digital-identity",
    "services-online",
    "once-only",
    "federal-it",
];

/// The server without rate limit (all clients share one address).
fn start(database: &str) -> (Child, String) {
    common::start_binary(database, &["--rate-limit", "0"])
}

fn id(cycle: usize, client: usize, n: usize) -> String {
    format!("00000000-{cycle:04}-4000-8{client:03}-{n:012}")
}

/// A response with two commented conflict positions and one proposal, so that "whole or not
/// at all" spans three tables.
fn body(id: &str, n: usize) -> Value {
    let ranking = &PRIORITIES[..1 + n % 4];
    let group = ["citizens", "academia", "business"][n % 3];
    json!({
        "id": id,
        "group": group,
        "ranking": ranking,
        "shown": PRIORITIES,
        "lang": "de",
        "positions": [
            { "conflict": "central-vs-local", "position": (n % 5) as i64 - 2, "comment": format!("Kommentar {id}") },
            { "conflict": "data-sharing-vs-privacy", "position": null, "comment": "Keine Meinung, aber ein Satz." }
        ],
        "proposals": [{ "kind": "priority", "title": format!("Vorschlag {id}"), "reason": "Fehlt." }]
    })
}

/// Sends new submissions until the server stops answering; returns the acknowledged ids.
async fn client(base: String, cycle: usize, client: usize, stop: Arc<AtomicBool>) -> Vec<String> {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let url = format!("{base}/api/v1/consultations/demo/responses");
    let mut acknowledged = Vec::new();
    for n in 0.. {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let id = id(cycle, client, n);
        match http.post(&url).json(&body(&id, n)).send().await {
            Ok(r) => {
                assert_eq!(r.status().as_u16(), 201, "{}", r.text().await.unwrap());
                acknowledged.push(id);
            }
            // The server is gone: whatever was in flight is unacknowledged.
            Err(_) => break,
        }
    }
    acknowledged
}

/// What the database holds, checked directly, without the server.
async fn check_stored(database: &str, acknowledged: &HashSet<String>) -> usize {
    let mut db = common::connect(database).await;
    if !common::on_postgres() {
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut db)
            .await
            .unwrap();
        assert_eq!(integrity, "ok");
    }

    let rows = sqlx::query(
        "SELECT r.id, \
           (SELECT COUNT(*) FROM comments c WHERE c.response_id = r.id) AS comments, \
           (SELECT COUNT(*) FROM proposals p WHERE p.response_id = r.id) AS proposals \
         FROM responses r",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let mut stored = HashSet::new();
    for row in &rows {
        let id: String = row.get("id");
        assert_eq!(
            (
                row.get::<i64, _>("comments"),
                row.get::<i64, _>("proposals")
            ),
            (2, 1),
            "{id} is stored only in part"
        );
        assert!(stored.insert(id.clone()), "{id} is stored twice");
    }
    let missing: Vec<_> = acknowledged.difference(&stored).collect();
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");

    let orphans: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM comments WHERE response_id NOT IN (SELECT id FROM responses)) \
              + (SELECT COUNT(*) FROM proposals WHERE response_id NOT IN (SELECT id FROM responses))",
    )
    .fetch_one(&mut db)
    .await
    .unwrap();
    assert_eq!(orphans, 0, "comments or proposals without their response");
    db.close().await.unwrap();
    stored.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_under_load_loses_nothing_acknowledged_and_half_stores_nothing() {
    let cycles: usize = std::env::var("MITREDEN_CRASH_CYCLES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(6);
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x6d69_7472);
    let mut acknowledged = HashSet::new();

    for cycle in 0..cycles {
        let (mut server, base) = start(&database);
        let stop = Arc::new(AtomicBool::new(false));
        let tasks: Vec<_> = (0..CLIENTS)
            .map(|c| tokio::spawn(client(base.clone(), cycle, c, stop.clone())))
            .collect();
        tokio::time::sleep(Duration::from_millis(rng.gen_range(100..700))).await;
        // SIGKILL: no shutdown, no flush, no chance to finish anything.
        server.kill().unwrap();
        server.wait().unwrap();
        stop.store(true, Ordering::Relaxed);
        let mut this_cycle = 0;
        for task in tasks {
            let ids = task.await.unwrap();
            this_cycle += ids.len();
            acknowledged.extend(ids);
        }
        let stored = check_stored(&database, &acknowledged).await;
        eprintln!(
            "cycle {cycle}: {this_cycle} acknowledged in this cycle, {} in all, {stored} stored",
            acknowledged.len()
        );
    }
    assert!(
        acknowledged.len() > cycles * CLIENTS,
        "the load was too light to prove anything: {} acknowledged",
        acknowledged.len()
    );

    // A restarted server counts exactly what is stored.
    let stored = check_stored(&database, &acknowledged).await;
    let (mut server, base) = start(&database);
    let results: Value = reqwest::get(format!("{base}/api/v1/consultations/demo/results"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(results["total"], stored as u64);
}
