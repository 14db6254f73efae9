//! The participant's HTML pages answer errors as pages for people: a form the rate limit
//! turned away comes back with its answers; a body that is not the page's form, or a look-up
//! asked too often, gets a page in the person's language saying what happened and that
//! nothing was stored, never the API's JSON.

mod common;

use common::{header, TestApp};
use mitreden_server::guard::rate_limit::RateLimit;

async fn post(app: &TestApp, path: &str, body: Vec<u8>) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
}

/// A fresh response id from the form page.
async fn fresh_id(app: &TestApp) -> String {
    common::form_id(&app.page("/w/demo/form").await)
}

fn limited() -> RateLimit {
    RateLimit {
        per_minute: 1,
        burst: 1,
        behind_proxy: false,
        ..RateLimit::default()
    }
}

#[tokio::test]
async fn a_form_the_rate_limit_turns_away_comes_back_with_its_answers() {
    let app = TestApp::spawn_limited(limited()).await;
    app.widget_build();
    let before = app.results().await["total"].as_u64().unwrap();
    let form = |id: String| {
        serde_urlencoded::to_string([
            ("id", id.as_str()),
            ("group", "academia"),
            ("place-once-only", "1"),
            ("position-quick-wins-vs-depth", "2"),
            (
                "comment-quick-wins-vs-depth",
                "Erst <gründlich> & dann schnell.",
            ),
            ("website", ""),
        ])
        .unwrap()
        .into_bytes()
    };
    let first = post(&app, "/w/demo/form", form(fresh_id(&app).await)).await;
    assert_eq!(first.status().as_u16(), 201);
    // A colleague on the same office network sends a moment later.
    let refused = post(&app, "/w/demo/form", form(fresh_id(&app).await)).await;
    assert_eq!(refused.status().as_u16(), 429);
    assert!(header(&refused, "content-type").starts_with("text/html"));
    assert_eq!(header(&refused, "cache-control"), "no-store");
    let wait: u64 = header(&refused, "retry-after").parse().unwrap();
    assert!((1..=60).contains(&wait), "Retry-After: {wait}");
    let html = refused.text().await.unwrap();
    // The form again, its error summary saying why and when to send again …
    assert!(html.contains("class=\"mtr-error-summary\""), "{html}");
    assert!(
        html.contains(&format!(
            "Ihre Angaben stehen unten noch: Bitte senden Sie sie in {wait} Sekunden erneut."
        )),
        "{html}"
    );
    // … with everything as it was typed.
    assert!(
        html.contains("Erst &lt;gründlich&gt; &amp; dann schnell.</textarea>"),
        "{html}"
    );
    assert!(html.contains("value=\"academia\" checked"), "{html}");
    assert!(html.contains("name=\"place-once-only\""), "{html}");
    assert!(html.contains("value=\"1\""), "{html}");
    assert_eq!(
        app.results().await["total"].as_u64().unwrap(),
        before + 1,
        "the refused one is not stored"
    );
}

#[tokio::test]
async fn a_body_that_is_not_the_form_gets_a_page_in_the_person_s_language() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let cases = [
        // A step the look-up's forms never send.
        (
            "/w/demo/lookup",
            "code=A&step=explode",
            422,
            "de",
            "Was ankam, war nicht das Formular",
        ),
        (
            "/w/demo/lookup?lang=en",
            "code=A&step=explode",
            422,
            "en",
            "What arrived was not this",
        ),
    ];
    for (path, body, status, lang, says) in cases {
        let r = post(&app, path, body.as_bytes().to_vec()).await;
        assert_eq!(r.status().as_u16(), status, "{path}");
        assert!(
            header(&r, "content-type").starts_with("text/html"),
            "{path}"
        );
        assert!(header(&r, "content-security-policy").contains("frame-ancestors"));
        let html = r.text().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{html}");
        assert!(html.contains(says), "{html}");
        assert!(
            html.contains(&format!("href=\"/w/demo?lang={lang}\"")),
            "{html}"
        );
    }
}

#[tokio::test]
async fn a_look_up_asked_too_often_gets_a_page_that_says_when_to_try_again() {
    let app = TestApp::spawn_limited(limited()).await;
    app.widget_build();
    let ask = || {
        post(
            &app,
            "/w/demo/lookup?lang=en",
            b"code=ABCD-EFGH-JKLM".to_vec(),
        )
    };
    let first = ask().await;
    assert_ne!(first.status().as_u16(), 429);
    let refused = ask().await;
    assert_eq!(refused.status().as_u16(), 429);
    assert!(header(&refused, "content-type").starts_with("text/html"));
    let wait: u64 = header(&refused, "retry-after").parse().unwrap();
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("<title>Error: Too many requests</title>"),
        "{html}"
    );
    assert!(
        html.contains(&format!("Please try again in {wait} seconds.")),
        "{html}"
    );
    assert!(html.contains("Nothing was stored."), "{html}");
}
