//! Participants' writes are limited per client: a burst gets through, then `429` with
//! `Retry-After`, and nothing refused is stored.

mod common;

use common::{submission, uuid, TestApp, ALL};
use mitreden_server::guard::rate_limit::RateLimit;

#[tokio::test]
async fn a_burst_gets_through_then_the_client_is_asked_to_wait() {
    let app = TestApp::spawn_limited(RateLimit {
        per_minute: 6,
        burst: 30,
        behind_proxy: false,
        ..RateLimit::default()
    })
    .await;
    // A school class of 30 hands in at once from one address.
    for n in 0..30 {
        let (status, answer) = app
            .submit(&submission(&uuid(n), "citizens", &ALL[..2], &ALL))
            .await;
        assert_eq!(status, 201, "{n}: {answer}");
    }
    let refused = app
        .client
        .post(app.url("/api/v1/consultations/demo/responses"))
        .json(&submission(&uuid(99), "citizens", &ALL[..2], &ALL))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 429);
    let wait: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=10).contains(&wait), "Retry-After: {wait}");
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "rate_limited");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("seconds"));
    assert_eq!(app.results().await["total"], 30);

    // Reading is not limited.
    let (status, _) = app.get("/api/v1/consultations/demo").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn behind_a_proxy_clients_are_told_apart_by_the_address_the_proxy_adds() {
    let app = TestApp::spawn_limited(RateLimit {
        per_minute: 1,
        burst: 2,
        behind_proxy: true,
        ..RateLimit::default()
    })
    .await;
    let send = |n: u32, forwarded: &'static str| {
        app.client
            .post(app.url("/api/v1/consultations/demo/responses"))
            .header("x-forwarded-for", forwarded)
            .json(&submission(&uuid(n), "citizens", &ALL[..1], &ALL))
            .send()
    };
    let statuses = [
        send(1, "203.0.113.7").await.unwrap().status().as_u16(),
        send(2, "203.0.113.7").await.unwrap().status().as_u16(),
        send(3, "203.0.113.7").await.unwrap().status().as_u16(),
        // What the client wrote itself comes first; only the last entry counts.
        send(4, "203.0.113.7, 198.51.100.1")
            .await
            .unwrap()
            .status()
            .as_u16(),
    ];
    assert_eq!(statuses, [201, 201, 429, 201]);

    // A proxy that adds a header line of its own: the client's own line comes first and
    // does not count; 203.0.113.7 is still held back whatever it claims.
    let two_lines = app
        .client
        .post(app.url("/api/v1/consultations/demo/responses"))
        .header("x-forwarded-for", "192.0.2.99")
        .header("x-forwarded-for", "203.0.113.7")
        .json(&submission(&uuid(6), "citizens", &ALL[..1], &ALL))
        .send()
        .await
        .unwrap();
    assert_eq!(two_lines.status().as_u16(), 429);

    let missing = app
        .client
        .post(app.url("/api/v1/consultations/demo/responses"))
        .json(&submission(&uuid(5), "citizens", &ALL[..1], &ALL))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 400);
    let body: serde_json::Value = missing.json().await.unwrap();
    assert_eq!(body["error"]["code"], "no_client_address");
}
