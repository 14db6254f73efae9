//! Backups of a running server: a consistent copy taken under load holds every response
//! acknowledged before it began, and a restored copy serves the same results. SQLite through
//! `mitreden-server backup`/`restore`; PostgreSQL through `pg_dump`/`pg_restore`.

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{start_binary, submission, uuid, Running, ALL};
use serde_json::Value;

fn server_command(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mitreden-server"))
        .args(args)
        .env("RUST_LOG", "error")
        .output()
        .unwrap()
}

/// Runs the server binary with `args`; panics unless it succeeds; returns what it printed.
fn succeeds(args: &[&str]) -> String {
    let out = server_command(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs the server binary with `args`; panics if it succeeds; returns its error message.
fn fails(args: &[&str]) -> String {
    let out = server_command(args);
    assert!(!out.status.success(), "{args:?} succeeded");
    String::from_utf8(out.stderr).unwrap()
}

/// A response that differs from most others: ranking and group from its number.
fn varied(n: u32) -> Value {
    let group = ["citizens", "academia", "business", "civil-society"][n as usize % 4];
    let mut ranking: Vec<&str> = ALL.to_vec();
    ranking.rotate_left(n as usize % 8);
    ranking.swap(1, 2 + n as usize % 5);
    ranking.truncate(3 + n as usize % 6);
    submission(&uuid(n), group, &ranking, &ALL)
}

/// The public results once their uncertainty is computed from every response.
async fn settled_results(http: &reqwest::Client, base: &str) -> Value {
    for _ in 0..200 {
        let r: Value = http
            .get(format!("{base}/api/v1/consultations/demo/results"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if r["as_of"]["uncertainty"] == r["as_of"]["results"] {
            return r;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{base}: the uncertainty never caught up");
}

fn start(database: &str, extra: &[&str]) -> (Running, String) {
    let (child, base) = start_binary(database, extra);
    (Running(child), base)
}

fn stop(server: Running) {
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_under_load_holds_everything_acknowledged_before_it_and_restores() {
    if common::on_postgres() {
        return; // pg_dump's test is below.
    }
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let (server, base) = start(&database, &["--rate-limit", "0"]);
    let http = reqwest::Client::new();

    // Four clients submit until told to stop; every answer must be 201.
    let running = Arc::new(AtomicBool::new(true));
    let next = Arc::new(AtomicU32::new(0));
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let load: Vec<_> = (0..4)
        .map(|_| {
            let (http, base) = (http.clone(), base.clone());
            let (running, next, acknowledged) =
                (running.clone(), next.clone(), acknowledged.clone());
            tokio::spawn(async move {
                while running.load(Ordering::Relaxed) {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let answer = http
                        .post(format!("{base}/api/v1/consultations/demo/responses"))
                        .json(&varied(n))
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(answer.status(), 201);
                    let receipt = answer.json::<Value>().await.unwrap()["receipt"]
                        .as_str()
                        .unwrap()
                        .to_owned();
                    acknowledged.lock().unwrap().push(receipt);
                }
            })
        })
        .collect();
    while acknowledged.lock().unwrap().len() < 200 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let before: Vec<String> = acknowledged.lock().unwrap().clone();
    let copy = dir.path().join("copy.db");
    let said = {
        let (database, copy) = (database.clone(), copy.display().to_string());
        tokio::task::spawn_blocking(move || {
            succeeds(&["backup", "--database", &database, "--to", &copy])
        })
        .await
        .unwrap()
    };
    assert!(said.contains("integrity ok"), "{said}");
    // It holds comments and contact emails: its owner's only.
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // Submissions went on during and after the backup.
    let during = acknowledged.lock().unwrap().len();
    while acknowledged.lock().unwrap().len() < during + 50 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    running.store(false, Ordering::Relaxed);
    for client in load {
        client.await.unwrap();
    }

    // A backup never overwrites another; a running server's database is never replaced.
    let copy_arg = copy.display().to_string();
    assert!(fails(&["backup", "--database", &database, "--to", &copy_arg]).contains("exists"));
    assert!(fails(&[
        "restore",
        "--from",
        &copy_arg,
        "--database",
        &database,
        "--replace"
    ])
    .contains("in use"));

    // Restored into a new server: everything acknowledged before the backup began is there.
    let restored = dir.path().join("restored").join("mitreden.db");
    let restored_arg = restored.display().to_string();
    let said = succeeds(&["restore", "--from", &copy_arg, "--database", &restored_arg]);
    assert!(said.contains("integrity ok"), "{said}");
    let (second, second_base) = start(&restored_arg, &["--rate-limit", "0"]);
    for receipt in &before {
        let viewed = http
            .get(format!(
                "{second_base}/api/v1/consultations/demo/responses/mine"
            ))
            .header("authorization", format!("Receipt {receipt}"))
            .send()
            .await
            .unwrap();
        assert_eq!(
            viewed.status(),
            200,
            "a response acknowledged before the backup"
        );
    }
    stop(second);

    // Once the load is over, a backup restored over an older copy (kept beside it) serves the
    // very same results.
    let quiet = dir.path().join("quiet.db");
    let quiet_arg = quiet.display().to_string();
    succeeds(&["backup", "--database", &database, "--to", &quiet_arg]);
    assert!(
        fails(&["restore", "--from", &quiet_arg, "--database", &restored_arg])
            .contains("--replace")
    );
    let said = succeeds(&[
        "restore",
        "--from",
        &quiet_arg,
        "--database",
        &restored_arg,
        "--replace",
    ]);
    assert!(said.contains("before-restore"), "{said}");
    let (third, third_base) = start(&restored_arg, &[]);
    let original = settled_results(&http, &base).await;
    assert_eq!(
        original["total"].as_u64().unwrap(),
        acknowledged.lock().unwrap().len() as u64
    );
    assert_eq!(settled_results(&http, &third_base).await, original);
    stop(third);
    stop(server);

    // A damaged copy is refused and nothing is replaced.
    let damaged = dir.path().join("damaged.db");
    let mut bytes = std::fs::read(&quiet).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 4096].fill(0x55);
    std::fs::write(&damaged, bytes).unwrap();
    let damaged_arg = damaged.display().to_string();
    let said = fails(&[
        "restore",
        "--from",
        &damaged_arg,
        "--database",
        &restored_arg,
        "--replace",
    ]);
    assert!(said.contains("damaged") || said.contains("not a"), "{said}");
    assert_integrity_ok(&restored).await;
}

async fn assert_integrity_ok(file: &Path) {
    let mut conn = common::connect(&file.display().to_string()).await;
    let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(ok, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_dump_restored_into_a_new_database_serves_the_same_results() {
    if !common::on_postgres() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let (server, base) = start(&database, &["--rate-limit", "0"]);
    let http = reqwest::Client::new();
    for n in 0..120 {
        let answer = http
            .post(format!("{base}/api/v1/consultations/demo/responses"))
            .json(&varied(n))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 201);
    }
    // As the README says: a dump in PostgreSQL's custom format, restored into a new database.
    let dump = dir.path().join("mitreden.dump");
    let ran = Command::new("pg_dump")
        .args(["--format=custom", "--file"])
        .arg(&dump)
        .arg(&database)
        .status()
        .unwrap();
    assert!(ran.success());
    let restored = common::database(&tempfile::tempdir().unwrap()).await;
    let ran = Command::new("pg_restore")
        .args(["--no-owner", "--exit-on-error", "--dbname", &restored])
        .arg(&dump)
        .status()
        .unwrap();
    assert!(ran.success());
    let (second, second_base) = start(&restored, &[]);
    let original = settled_results(&http, &base).await;
    assert_eq!(original["total"], 120);
    assert_eq!(settled_results(&http, &second_base).await, original);
    stop(second);
    stop(server);
}
