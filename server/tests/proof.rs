//! Proof of work: a consultation that asks for it takes a submission only with a solved
//! challenge the server issued, and each challenge for one submission.

mod common;

use common::{submission, uuid, TestApp, ALL};
use mitreden_core::proof::{Challenge, Solution};
use serde_json::Value;

const SLUG: &str = "mit-beweis";

/// A server with the consultation `mit-beweis`, which asks for a proof of work, and
/// `ohne-beweis`, which does not.
async fn spawn() -> TestApp {
    let mut with = mitreden_server::seed::demo();
    with.slug = mitreden_core::Slug::parse(SLUG).unwrap();
    with.settings.proof_of_work = 5_000;
    let mut without = mitreden_server::seed::demo();
    without.slug = mitreden_core::Slug::parse("ohne-beweis").unwrap();
    TestApp::spawn_with(&[with, without]).await
}

async fn send(app: &TestApp, body: &Value, proof: Option<&Solution>) -> (u16, Value) {
    let mut request = app
        .client
        .post(app.url(&format!("/api/v1/consultations/{SLUG}/responses")))
        .json(body);
    if let Some(proof) = proof {
        request = request.header("mitreden-proof", serde_json::to_string(proof).unwrap());
    }
    let answer = request.send().await.unwrap();
    (answer.status().as_u16(), answer.json().await.unwrap())
}

async fn solved(app: &TestApp) -> Solution {
    let (status, challenge) = app
        .get(&format!("/api/v1/consultations/{SLUG}/challenge"))
        .await;
    assert_eq!(status, 200, "{challenge}");
    let challenge: Challenge = serde_json::from_value(challenge).unwrap();
    assert_eq!(challenge.maxnumber, 5_000);
    challenge
        .solve()
        .expect("the secret number is within maxnumber")
}

async fn total(app: &TestApp) -> Value {
    app.get(&format!("/api/v1/consultations/{SLUG}/results"))
        .await
        .1["total"]
        .clone()
}

#[tokio::test]
async fn a_submission_needs_a_fresh_solved_challenge() {
    let app = spawn().await;
    let body = submission(&uuid(1), "citizens", &ALL[..2], &ALL);

    let (status, answer) = send(&app, &body, None).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (428, Some("proof_required"))
    );

    let proof = solved(&app).await;
    let mut wrong = proof.clone();
    wrong.number = (wrong.number + 1) % 5_001;
    let (status, answer) = send(&app, &body, Some(&wrong)).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (400, Some("proof_invalid"))
    );
    assert_eq!(total(&app).await, 0, "nothing refused was stored");

    let (status, ack) = send(&app, &body, Some(&proof)).await;
    assert_eq!(status, 201, "{ack}");
    assert_eq!(total(&app).await, 1);

    // The outbox sending the same submission again may bring the same proof.
    let (status, again) = send(&app, &body, Some(&proof)).await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["receipt"], ack["receipt"]);

    // Another submission cannot ride on it.
    let other = submission(&uuid(2), "business", &ALL[..1], &ALL);
    let (status, answer) = send(&app, &other, Some(&proof)).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (409, Some("proof_reused"))
    );
    assert_eq!(total(&app).await, 1);
    let (status, _) = send(&app, &other, Some(&solved(&app).await)).await;
    assert_eq!(status, 201);
    assert_eq!(total(&app).await, 2);
}

#[tokio::test]
async fn consultations_without_proof_of_work_issue_no_challenges() {
    let app = spawn().await;
    let (status, answer) = app.get("/api/v1/consultations/ohne-beweis/challenge").await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (404, Some("proof_not_required"))
    );
    let (status, _) = app
        .post(
            "/api/v1/consultations/ohne-beweis/responses",
            &submission(&uuid(3), "citizens", &ALL[..1], &ALL),
        )
        .await;
    assert_eq!(status, 201, "no proof needed where none is asked for");
}

#[tokio::test]
async fn a_challenge_from_an_easy_consultation_does_not_open_a_hard_one() {
    let mut easy = mitreden_server::seed::demo();
    easy.slug = mitreden_core::Slug::parse("leicht").unwrap();
    easy.settings.proof_of_work = 10;
    let mut hard = mitreden_server::seed::demo();
    hard.slug = mitreden_core::Slug::parse(SLUG).unwrap();
    hard.settings.proof_of_work = 5_000_000;
    let app = TestApp::spawn_with(&[easy, hard]).await;
    let (status, challenge) = app.get("/api/v1/consultations/leicht/challenge").await;
    assert_eq!(status, 200);
    let challenge: Challenge = serde_json::from_value(challenge).unwrap();
    let cheap = challenge.solve().unwrap();
    let body = submission(&uuid(1), "citizens", &ALL[..2], &ALL);
    let (status, answer) = send(&app, &body, Some(&cheap)).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (400, Some("proof_invalid"))
    );
    assert_eq!(total(&app).await, 0);
}
