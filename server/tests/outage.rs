//! When the database goes away under load (PostgreSQL stopped, a SQLite disk full), every
//! request is still answered within a bounded time: `503 database_unavailable` with
//! `Retry-After` for what could not be stored, `/readyz` says not ready, and once the database
//! is back the server recovers by itself. Nothing acknowledged is lost, and responses sent
//! again after a 503 (as the widget's outbox does) are stored once.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{start_binary, submission, uuid, Running, ALL};
use serde_json::Value;

/// How long a client waits for an answer before it gives up (as a browser's fetch might).
const CLIENT_GIVES_UP: Duration = Duration::from_secs(10);

/// What one request got.
#[derive(Debug)]
struct Answer {
    id: String,
    status: u16,
    code: Option<String>,
    retry_after: bool,
}

/// A server under load from four clients while `outage` breaks and mends its database.
async fn through_an_outage(database: &str, break_it: impl FnOnce(), mend_it: impl FnOnce()) {
    let (server, base) = start_binary(
        database,
        &["--rate-limit", "0", "--metrics-from", "127.0.0.1"],
    );
    let _server = Running(server);
    let http = reqwest::Client::builder()
        .timeout(CLIENT_GIVES_UP)
        .build()
        .unwrap();
    let running = Arc::new(AtomicBool::new(true));
    let next = Arc::new(AtomicU32::new(0));
    let answers = Arc::new(Mutex::new(Vec::<Answer>::new()));
    let clients: Vec<_> = (0..4)
        .map(|_| {
            let (http, base) = (http.clone(), base.clone());
            let (running, next, answers) = (running.clone(), next.clone(), answers.clone());
            tokio::spawn(async move {
                while running.load(Ordering::Relaxed) {
                    let id = uuid(next.fetch_add(1, Ordering::Relaxed));
                    let answer = send(&http, &base, &id).await;
                    let unavailable = answer.status == 503;
                    answers.lock().unwrap().push(answer);
                    if unavailable {
                        // As the outbox does: wait a little before the next one.
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                }
            })
        })
        .collect();
    let stored_ok = |answers: &Mutex<Vec<Answer>>| {
        answers
            .lock()
            .unwrap()
            .iter()
            .filter(|a| a.status == 201)
            .count()
    };
    while stored_ok(&answers) < 100 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // Five seconds without a database, as an operator tried it.
    break_it();
    let outage = std::time::Instant::now();
    let mut not_ready = false;
    while outage.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let ready = http.get(format!("{base}/readyz")).send().await.unwrap();
        not_ready |= ready.status() == 503;
    }
    let during = answers.lock().unwrap().len();
    mend_it();

    // It recovers by itself: submissions are stored again and it says it is ready.
    let recovered = stored_ok(&answers);
    let mut ready_again = false;
    for _ in 0..300 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        ready_again = http
            .get(format!("{base}/readyz"))
            .send()
            .await
            .unwrap()
            .status()
            == 200;
        if ready_again && stored_ok(&answers) > recovered + 50 {
            break;
        }
    }
    running.store(false, Ordering::Relaxed);
    for client in clients {
        client.await.unwrap();
    }
    assert!(not_ready, "/readyz never said not ready during the outage");
    // Prometheus saw it too.
    let scrape = http
        .get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        scrape.contains(r#"mitreden_database_errors_total{kind="unavailable"}"#),
        "{scrape}"
    );
    assert!(ready_again, "/readyz never said ready again");

    let answers = std::mem::take(&mut *answers.lock().unwrap());
    let refused: Vec<&Answer> = answers.iter().filter(|a| a.status != 201).collect();
    assert!(
        !refused.is_empty(),
        "no request was refused during the outage ({during} answers)"
    );
    for answer in &refused {
        assert_eq!(
            (answer.status, answer.code.as_deref(), answer.retry_after),
            (503, Some("database_unavailable"), true),
            "{answer:?}"
        );
    }
    assert!(
        answers.iter().skip(during).any(|a| a.status == 201),
        "nothing was stored after the database came back"
    );

    // The outbox sends the refused ones again: each is stored once.
    for answer in &refused {
        let again = send(&http, &base, &answer.id).await;
        assert!(matches!(again.status, 200 | 201), "{again:?}");
    }
    let mut conn = common::connect(database).await;
    let stored: BTreeSet<String> = sqlx::query_scalar("SELECT id FROM responses")
        .fetch_all(&mut conn)
        .await
        .unwrap()
        .into_iter()
        .collect();
    let answered: BTreeSet<String> = answers.iter().map(|a| a.id.clone()).collect();
    assert_eq!(stored, answered, "stored is exactly what was sent");
}

async fn send(http: &reqwest::Client, base: &str, id: &str) -> Answer {
    let body = submission(id, "citizens", &ALL[..4], &ALL);
    let answer = http
        .post(format!("{base}/api/v1/consultations/demo/responses"))
        .json(&body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("no answer within {CLIENT_GIVES_UP:?}: {e}"));
    let status = answer.status().as_u16();
    let retry_after = answer.headers().contains_key("retry-after");
    let body: Value = answer.json().await.unwrap_or(Value::Null);
    Answer {
        id: id.to_owned(),
        status,
        code: body["error"]["code"].as_str().map(str::to_owned),
        retry_after,
    }
}

/// A small file system of its own, so that its disk can fill up; unmounted at the end.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: &Path) -> Self {
        std::fs::create_dir_all(at).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=24m", "tmpfs"])
            .arg(at)
            .status()
            .unwrap();
        assert!(mounted.success(), "this test mounts a tmpfs (needs root)");
        Self(at.to_owned())
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_is_answered_503_and_writes_resume_once_there_is_room() {
    if common::on_postgres() {
        return; // SQLite's disk; PostgreSQL's outage is below.
    }
    let dir = tempfile::tempdir().unwrap();
    let disk = SmallDisk::mount(&dir.path().join("disk"));
    let database = disk.0.join("mitreden.db").display().to_string();
    let filler = disk.0.join("filler");
    through_an_outage(
        &database,
        || {
            use std::io::Write;
            let mut file = std::fs::File::create(&filler).unwrap();
            let chunk = vec![0u8; 64 * 1024];
            while file.write_all(&chunk).is_ok() {}
        },
        || std::fs::remove_file(&filler).unwrap(),
    )
    .await;
}

/// A PostgreSQL server of this test's own, which it stops and starts again.
struct OwnPostgres {
    script: PathBuf,
    port: &'static str,
}

impl OwnPostgres {
    fn run(&self, what: &str) -> String {
        let out = Command::new(&self.script)
            .arg(what)
            .env("MITREDEN_PG_PORT", self.port)
            .output()
            .unwrap();
        assert!(out.status.success(), "postgres.sh {what}: {out:?}");
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let _ = Command::new(&self.script)
            .arg("stop")
            .env("MITREDEN_PG_PORT", self.port)
            .status();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_stopped_under_load_is_answered_503_and_the_server_recovers() {
    if !common::on_postgres() {
        return;
    }
    let postgres = OwnPostgres {
        script: Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/postgres.sh"),
        port: "54339",
    };
    let database = postgres.run("start");
    through_an_outage(
        &database,
        || {
            postgres.run("pause");
        },
        || {
            postgres.run("resume");
        },
    )
    .await;
}
