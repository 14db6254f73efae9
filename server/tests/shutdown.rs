//! Stopping the server (SIGTERM, as systemd does) under load: it stops taking connections,
//! answers every request it took, commits what is queued and exits within its shutdown
//! timeout. Every response that got a 2xx is stored; none is stored without an answer.

mod common;

use std::process::{Child, Command};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{start_binary, submission, uuid, ALL};
use serde_json::Value;
use tokio::io::AsyncWriteExt;

fn terminate(server: &Child) {
    let sent = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// Waits for the process to exit, for at most `limit`; its exit status, or `None` (and the
/// process killed) if it did not.
fn exited_within(server: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Some(status) = server.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = server.kill();
    let _ = server.wait();
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_answers_every_request_it_took_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let (mut server, base) = start_binary(&database, &["--rate-limit", "0"]);

    // Eight clients submit until the server is gone. A request that gets no answer must not
    // have been stored; one that got a 201 must be.
    let next = Arc::new(AtomicU32::new(0));
    let answered = Arc::new(Mutex::new(Vec::<String>::new()));
    let unanswered = Arc::new(Mutex::new(Vec::<String>::new()));
    let clients: Vec<_> = (0..8)
        .map(|_| {
            let http = reqwest::Client::new();
            let base = base.clone();
            let (next, answered, unanswered) = (next.clone(), answered.clone(), unanswered.clone());
            tokio::spawn(async move {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let id = uuid(n);
                    let body = submission(
                        &id,
                        ["citizens", "academia"][n as usize % 2],
                        &ALL[..3],
                        &ALL,
                    );
                    match http
                        .post(format!("{base}/api/v1/consultations/demo/responses"))
                        .json(&body)
                        .send()
                        .await
                    {
                        Ok(answer) => {
                            assert_eq!(answer.status(), 201, "an answer during shutdown");
                            let ack: Value = answer.json().await.unwrap();
                            assert!(ack["receipt"].is_string());
                            answered.lock().unwrap().push(id);
                        }
                        // The server no longer takes connections: done.
                        Err(e) if e.is_connect() => return,
                        // Sent on a kept-alive connection just as the server closed it as
                        // idle: HTTP/1.1 cannot rule this out, so clients retry (the widget's
                        // outbox with the same id). The server must not have taken it.
                        Err(_) => unanswered.lock().unwrap().push(id),
                    }
                }
            })
        })
        .collect();
    while answered.lock().unwrap().len() < 300 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    terminate(&server);
    let status =
        tokio::task::spawn_blocking(move || exited_within(&mut server, Duration::from_secs(60)))
            .await
            .unwrap()
            .expect("the server exits after SIGTERM");
    assert!(status.success(), "{status:?}");
    for client in clients {
        client.await.unwrap();
    }

    // Exactly what was acknowledged is stored.
    let answered = answered.lock().unwrap().clone();
    let unanswered = unanswered.lock().unwrap().clone();
    let mut conn = common::connect(&database).await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT id FROM responses")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    for id in &answered {
        assert!(
            stored.contains(id),
            "{id} was acknowledged but is not stored"
        );
    }
    for id in &unanswered {
        assert!(
            !stored.contains(id),
            "{id} was stored but its request got no answer"
        );
    }
    assert_eq!(stored.len(), answered.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_that_never_ends_holds_a_shutdown_only_until_its_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let (mut server, base) = start_binary(
        &database,
        &["--body-timeout", "600", "--shutdown-timeout", "2"],
    );
    // A client that announces a body and sends only part of it.
    let address = base.strip_prefix("http://").unwrap();
    let mut dripping = tokio::net::TcpStream::connect(address).await.unwrap();
    dripping
        .write_all(
            b"POST /api/v1/consultations/demo/responses HTTP/1.1\r\nHost: x\r\n\
              Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"id\":",
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    terminate(&server);
    // Without the shutdown timeout it would wait the body timeout, ten minutes.
    let status =
        tokio::task::spawn_blocking(move || exited_within(&mut server, Duration::from_secs(30)))
            .await
            .unwrap()
            .expect("the server exits at its shutdown timeout");
    assert!(status.success(), "{status:?}");
    drop(dripping);
}
