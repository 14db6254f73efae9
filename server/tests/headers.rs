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
async fn the_widget_page_allows_its_own_scripts_and_inline_style_and_only_the_allowed_framers() {
    let app = TestApp::spawn().await;
    app.widget_build();
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
    // Scripts come from the server only (the page has no inline script).
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "scripts of this server only: {csp}"
    );
    assert!(
        csp.contains("style-src 'self' 'sha256-"),
        "the inline style sheet is allowed by its hash: {csp}"
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
    app.state.counts.counted_up_to("strict", version).await;
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

#[tokio::test]
async fn staff_answers_submissions_and_receipt_look_ups_are_never_cached() {
    use mitreden_server::staff::Role;
    let app = TestApp::spawn().await;
    let token = common::member(&app, "ada", Role::Moderator).await;
    let submitted = app
        .client
        .post(app.url("/api/v1/consultations/demo/responses"))
        .json(&common::submission(
            &common::uuid(1),
            "citizens",
            &common::ALL[..1],
            &common::ALL,
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(submitted.headers()["cache-control"], "no-store");
    let receipt = submitted.json::<serde_json::Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_owned();
    let mine = app
        .client
        .get(app.url("/api/v1/consultations/demo/responses/mine"))
        .header("authorization", format!("Receipt {receipt}"))
        .send()
        .await
        .unwrap();
    assert_eq!(mine.status(), 200);
    assert_eq!(mine.headers()["cache-control"], "no-store");
    for path in [
        "/api/v1/staff/me",
        "/api/v1/staff/consultations/demo/export.csv",
    ] {
        let r = app
            .client
            .get(app.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
        assert_eq!(r.headers()["cache-control"], "no-store", "{path}");
    }
    // Every staff answer, errors included: a wrong method, an address that is not there, no
    // sign-in.
    for (method, path, status) in [
        (reqwest::Method::PATCH, "/api/v1/staff/me", 405),
        (reqwest::Method::GET, "/api/v1/staff/nothing-here", 404),
        (reqwest::Method::GET, "/api/v1/staff/consultations", 401),
    ] {
        let mut request = app.client.request(method.clone(), app.url(path));
        if status != 401 {
            request = request.bearer_auth(&token);
        }
        let r = request.send().await.unwrap();
        assert_eq!(r.status(), status, "{method} {path}");
        assert_eq!(r.headers()["cache-control"], "no-store", "{method} {path}");
    }
    // Over plain HTTP (development) no HSTS, and the cookie has no `__Host-` prefix.
    let r = app
        .client
        .get(app.url("/results/demo"))
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("strict-transport-security").is_none());
}

#[tokio::test]
async fn over_https_browsers_are_told_to_stay_on_https_and_the_cookie_is_host_bound() {
    use mitreden_server::staff::Role;
    let app = TestApp::spawn_configured(|args| {
        args.public_url = Some("https://beteiligung.example.de".to_owned());
    })
    .await;
    common::member(&app, "ada", Role::Admin).await;
    let r = app
        .client
        .get(app.url("/results/demo"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["strict-transport-security"], "max-age=31536000");
    let signed_in = app
        .client
        .post(app.url("/api/v1/staff/session"))
        .json(&serde_json::json!({ "name": "ada", "password": common::PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 200);
    let cookie = signed_in.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("__Host-mitreden_staff="), "{cookie}");
    assert!(cookie.contains("Path=/") && cookie.contains("Secure") && !cookie.contains("Domain"));
    let session = cookie.split(';').next().unwrap().to_owned();
    let me = app
        .client
        .get(app.url("/api/v1/staff/me"))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200, "the prefixed cookie signs in");
}
