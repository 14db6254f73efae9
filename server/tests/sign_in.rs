//! Signing in holds against guessing and flooding: names that cannot exist keep nothing, the
//! throttle counts before it checks, a stranger's burst does not lock out the owner, and the
//! server's memory stays flat whatever names are sent.

mod common;

use common::{member, rss_kib, start_binary, TestApp, PASSWORD};
use mitreden_server::guard::rate_limit::RateLimit;
use mitreden_server::staff::Role;
use serde_json::{json, Value};

const SIGN_IN: &str = "/api/v1/staff/session";

async fn sign_in(app: &TestApp, client: &str, name: &str, password: &str) -> (u16, Value) {
    let r = app
        .client
        .post(app.url(SIGN_IN))
        .header("x-forwarded-for", client)
        .json(&json!({ "name": name, "password": password }))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

/// A server that tells clients apart by `X-Forwarded-For` and does not rate limit sign-ins,
/// so that the throttle itself is what is tested.
async fn spawn() -> TestApp {
    TestApp::spawn_configured(|args| {
        args.rate_limit = RateLimit {
            behind_proxy: true,
            sign_in_per_minute: 0,
            ..RateLimit::default()
        }
    })
    .await
}

#[tokio::test]
async fn a_name_no_account_can_have_is_refused_and_nothing_is_kept() {
    let app = spawn().await;
    let long = "a".repeat(60_000);
    let (status, body) = sign_in(&app, "192.0.2.1", &long, "falsch").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("invalid_staff_name"))
    );
    let (status, _) = sign_in(&app, "192.0.2.1", "anna schmidt", "falsch").await;
    assert_eq!(status, 422);
    assert!(
        app.state.throttle.is_empty(),
        "nothing was kept of the names"
    );
}

#[tokio::test]
async fn parallel_guesses_get_five_checks_and_the_owner_elsewhere_still_signs_in() {
    let app = spawn().await;
    member(&app, "ada", Role::Admin).await;
    let guesses = (0..30).map(|_| sign_in(&app, "203.0.113.9", "ada", "falsch"));
    let answers = futures_util::future::join_all(guesses).await;
    let checked = answers.iter().filter(|(s, _)| *s == 401).count();
    let held = answers.iter().filter(|(s, _)| *s == 429).count();
    assert_eq!((checked, held), (5, 25), "{answers:?}");
    assert_eq!(
        app.state.passwords.checks(),
        5,
        "only five passwords were hashed"
    );

    let (status, body) = sign_in(&app, "192.0.2.1", "ada", PASSWORD).await;
    assert_eq!(
        status, 200,
        "the owner on another network is not locked out: {body}"
    );
}

#[tokio::test]
async fn an_unknown_name_costs_a_password_check_like_a_known_one() {
    let app = spawn().await;
    member(&app, "ada", Role::Admin).await;
    let (status, known) = sign_in(&app, "192.0.2.1", "ada", "falsch").await;
    assert_eq!(status, 401);
    assert_eq!(app.state.passwords.checks(), 1);
    let (status, unknown) = sign_in(&app, "192.0.2.1", "bob", "falsch").await;
    assert_eq!(status, 401);
    assert_eq!(
        app.state.passwords.checks(),
        2,
        "checked against a dummy hash"
    );
    assert_eq!(known, unknown, "the answers do not tell the names apart");
}

#[tokio::test]
async fn signing_in_is_rate_limited_per_client() {
    let app = TestApp::spawn_configured(|args| {
        args.rate_limit = RateLimit {
            behind_proxy: true,
            sign_in_per_minute: 2,
            ..RateLimit::default()
        }
    })
    .await;
    // A burst of twice the limit per minute, each with another name.
    for n in 0..4 {
        let (status, _) = sign_in(&app, "203.0.113.9", &format!("name{n}"), "x").await;
        assert_eq!(status, 401, "attempt {n}");
    }
    let (status, body) = sign_in(&app, "203.0.113.9", "name-x", "x").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (429, Some("rate_limited"))
    );
    let (status, _) = sign_in(&app, "192.0.2.1", "name-y", "x").await;
    assert_eq!(status, 401, "another client is not held back");
}

#[tokio::test]
async fn memory_stays_flat_across_ten_thousand_attempts_with_random_long_names() {
    if common::on_postgres() {
        // What is measured happens before any storage; once, on SQLite, is enough.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    // Without the per-client limit, so that every attempt reaches the sign-in itself.
    let (mut server, base) = start_binary(&database, &["--sign-in-rate-limit", "0"]);
    let client = reqwest::Client::new();
    let url = format!("{base}{SIGN_IN}");
    let attempt = |n: u32| {
        let client = client.clone();
        let url = url.clone();
        async move {
            // 20,000 characters that differ from attempt to attempt.
            let name = format!("{n:08}").repeat(2_500);
            let r = client
                .post(url)
                .json(&json!({ "name": name, "password": "falsch" }))
                .send()
                .await
                .unwrap();
            r.status().as_u16()
        }
    };
    let run = |range: std::ops::Range<u32>| {
        let attempt = &attempt;
        async move {
            use futures_util::StreamExt;
            futures_util::stream::iter(range)
                .map(attempt)
                .buffer_unordered(16)
                .collect::<Vec<u16>>()
                .await
        }
    };
    // Warm up (allocator pools, connection buffers), then measure.
    assert!(run(0..1_000).await.iter().all(|s| *s == 422));
    let before = rss_kib(server.id());
    assert!(run(1_000..11_000).await.iter().all(|s| *s == 422));
    let after = rss_kib(server.id());
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(
        after < before + 5 * 1024,
        "memory grew from {before} KiB to {after} KiB"
    );
}

#[tokio::test]
async fn sign_ins_given_up_by_their_callers_do_not_pile_up_password_checks() {
    let app = spawn().await;
    // Twenty attempts in four waves of five, each abandoned by its client after 20 ms (a check
    // takes far longer in this debug build): only the checks already running finish, the
    // others are never started. (Before, an abandoned sign-in freed its place at once while its
    // check ran on, so every wave started new checks: up to twenty checks of 19 MiB each at the
    // same time.) Waves, not one attempt after the other: twenty in turn took about as long as
    // a check on a loaded machine, and a check finishing meanwhile rightly let the next start.
    let impatient = reqwest::Client::builder()
        .timeout(std::time::Duration::from_millis(20))
        .build()
        .unwrap();
    for wave in 0..4 {
        let attempts = (0..5).map(|i| {
            let n = wave * 5 + i;
            impatient
                .post(app.url(SIGN_IN))
                .header("x-forwarded-for", format!("203.0.113.{n}"))
                .json(&json!({ "name": format!("guess{n}"), "password": "falsch" }))
                .send()
        });
        for answer in futures_util::future::join_all(attempts).await {
            assert!(answer.is_err(), "the caller gave up");
        }
    }
    // Let whatever was started finish, then see that no more was.
    let (status, _) = sign_in(&app, "192.0.2.1", "someone", "falsch").await;
    assert_eq!(status, 401);
    let cores = std::thread::available_parallelism().unwrap().get() as u64;
    let checks = app.state.passwords.checks();
    assert!(
        checks <= cores + 1,
        "{checks} password checks for abandoned sign-ins"
    );
}
