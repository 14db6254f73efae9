//! Security headers: on every response, and a Content-Security-Policy on every page.

mod common;

use common::TestApp;

#[tokio::test]
async fn every_response_says_nosniff_and_no_referrer_and_pages_cannot_be_framed() {
    let app = TestApp::spawn().await;
    for path in [
        "/api/v1/consultations/demo",
        "/results/demo",
        "/datenschutz",
        "/embed.js",
    ] {
        let r = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.headers()["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(r.headers()["referrer-policy"], "no-referrer", "{path}");
    }
    let page = app
        .client
        .get(app.url("/results/demo"))
        .send()
        .await
        .unwrap();
    let csp = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("default-src 'none'"), "{csp}");
}

#[tokio::test]
async fn the_widget_page_allows_its_own_inline_script_and_only_the_allowed_framers() {
    let app = TestApp::spawn().await;
    let dist = app.dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<html><head><script type=\"module\">import init from '/widget/w.js'; init();</script></head></html>",
    )
    .unwrap();
    let policy = |path: &str| {
        let url = app.url(path);
        let client = app.client.clone();
        async move {
            let r = client.get(url).send().await.unwrap();
            r.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned()
        }
    };
    let csp = policy("/w/demo").await;
    assert!(
        csp.contains("'sha256-"),
        "the inline module script is allowed by its hash: {csp}"
    );
    assert!(csp.contains("'wasm-unsafe-eval'"));
    assert!(
        csp.contains("frame-ancestors *"),
        "no origins set: any page may embed: {csp}"
    );

    let mut strict = mitreden_server::seed::demo();
    strict.slug = mitreden_core::Slug::parse("strict").unwrap();
    strict.settings.allowed_origins = vec!["https://bmds.example".into()];
    let version = app.state.db.save_consultation(&strict).await.unwrap();
    app.state.counted_up_to("strict", version).await;
    let csp = policy("/w/strict").await;
    assert!(
        csp.ends_with("frame-ancestors 'self' https://bmds.example"),
        "{csp}"
    );
}

/// A CORS preflight for a submission from `origin`; returns the status and the allowed
/// origin, if any.
async fn preflight(app: &TestApp, origin: &str) -> (u16, Option<String>) {
    let r = app
        .client
        .request(
            reqwest::Method::OPTIONS,
            app.url("/api/v1/consultations/demo/responses"),
        )
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type, mitreden-proof",
        )
        .send()
        .await
        .unwrap();
    let allowed = r
        .headers()
        .get("access-control-allow-origin")
        .map(|v| v.to_str().unwrap().to_owned());
    (r.status().as_u16(), allowed)
}

#[tokio::test]
async fn no_cors_unless_configured_and_then_only_for_those_origins() {
    let app = TestApp::spawn().await;
    assert_eq!(preflight(&app, "https://portal.example").await.1, None);
    let r = app
        .client
        .get(app.url("/api/v1/consultations/demo"))
        .header("origin", "https://portal.example")
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());

    let app = TestApp::spawn_configured(|args| {
        args.cors_origins = vec!["https://portal.example/".into()];
    })
    .await;
    let (status, allowed) = preflight(&app, "https://portal.example").await;
    assert_eq!(
        (status, allowed.as_deref()),
        (200, Some("https://portal.example"))
    );
    assert_eq!(preflight(&app, "https://elsewhere.example").await.1, None);
    // Staff routes never answer other origins.
    let staff = app
        .client
        .get(app.url("/api/v1/staff/me"))
        .header("origin", "https://portal.example")
        .send()
        .await
        .unwrap();
    assert!(staff.headers().get("access-control-allow-origin").is_none());
}
