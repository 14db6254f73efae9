//! A staff member's browser carries the session cookie to every page of the same site, other
//! ports and subdomains included. Changes with that cookie are accepted only from the server's
//! own origin, and adopting a proposal twice adds it once.

mod common;

use common::{call, member, staff_get, submission, uuid, TestApp, ALL, PASSWORD};
use mitreden_server::staff::Role;
use reqwest::Method;
use serde_json::{json, Value};

const DEMO: &str = "/api/v1/staff/consultations/demo";

/// A server with one approved priority proposal, an admin's session cookie and API token.
async fn with_approved_proposal() -> (TestApp, String, String) {
    let app = TestApp::spawn().await;
    let token = member(&app, "ada", Role::Admin).await;
    let mut body = submission(&uuid(1), "citizens", &ALL[..2], &ALL);
    body["proposals"] = json!([{ "kind": "priority", "title": "Barrierefreiheit" }]);
    assert_eq!(app.submit(&body).await.0, 201);
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("{DEMO}/proposals/1"),
        Some(&token),
        Some(json!({ "decision": "approve" })),
    )
    .await;
    assert_eq!(status, 204);
    let signed_in = app
        .client
        .post(app.url("/api/v1/staff/session"))
        .json(&json!({ "name": "ada", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let cookie = signed_in.headers()["set-cookie"].to_str().unwrap();
    let session = cookie.split(';').next().unwrap().to_owned();
    (app, session, token)
}

/// `POST …/proposals/1/adopt` with the session cookie and `headers`, as a browser would send
/// it from some page.
async fn adopt(app: &TestApp, session: &str, headers: &[(&str, &str)]) -> (u16, Value) {
    let mut request = app
        .client
        .post(app.url(&format!("{DEMO}/proposals/1/adopt")))
        .header("cookie", session);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let r = request.send().await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

async fn priorities(app: &TestApp, token: &str) -> usize {
    let definition = staff_get(app, DEMO, token).await;
    definition["priorities"].as_array().unwrap().len()
}

#[tokio::test]
async fn a_page_on_a_sibling_origin_cannot_use_the_staff_cookie() {
    let (app, session, token) = with_approved_proposal().await;
    let before = priorities(&app, &token).await;
    let sibling_port = format!("http://127.0.0.1:{}", app.addr.port() + 1);
    for headers in [
        vec![("origin", sibling_port.as_str())],
        vec![("origin", "http://intranet.127.0.0.1.nip.io")],
        vec![
            ("sec-fetch-site", "same-site"),
            ("origin", sibling_port.as_str()),
        ],
        // No word on where it came from at all.
        vec![],
    ] {
        let (status, body) = adopt(&app, &session, &headers).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (403, Some("cross_origin")),
            "{headers:?}"
        );
    }
    assert_eq!(
        priorities(&app, &token).await,
        before,
        "nothing was adopted"
    );

    let own = app.url("");
    let (status, _) = adopt(
        &app,
        &session,
        &[("origin", &own), ("sec-fetch-site", "same-origin")],
    )
    .await;
    assert_eq!(status, 200, "the dashboard itself may");
    assert_eq!(priorities(&app, &token).await, before + 1);
}

#[tokio::test]
async fn adopting_a_proposal_twice_adds_it_once() {
    let (app, _, token) = with_approved_proposal().await;
    let before = priorities(&app, &token).await;
    let path = format!("{DEMO}/proposals/1/adopt");
    let both = futures_util::future::join(
        call(&app, Method::POST, &path, Some(&token), None),
        call(&app, Method::POST, &path, Some(&token), None),
    )
    .await;
    assert_eq!((both.0 .0, both.1 .0), (200, 200));
    let (status, _) = call(&app, Method::POST, &path, Some(&token), None).await;
    assert_eq!(status, 200);
    assert_eq!(priorities(&app, &token).await, before + 1);
    let proposals = staff_get(&app, &format!("{DEMO}/proposals"), &token).await;
    assert_eq!(proposals[0]["adopted_as"], "barrierefreiheit");
}
