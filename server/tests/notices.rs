//! What a public body must publish: the privacy notice and the accessibility statement, from
//! the deployment's notices file and the consultation.

mod common;

use common::TestApp;

const NOTICES: &str = include_str!("../seed/notices.json");

async fn page(app: &TestApp, path: &str) -> (u16, String, String) {
    let r = app.client.get(app.url(path)).send().await.unwrap();
    let status = r.status().as_u16();
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    (status, csp, r.text().await.unwrap())
}

async fn with_notices() -> TestApp {
    let notices = mitreden_server::cli::notices_file(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seed/notices.json")
            .to_str()
            .unwrap(),
    )
    .unwrap();
    TestApp::spawn_configured(|args| args.notices = Some(notices)).await
}

#[tokio::test]
async fn without_a_notices_file_the_privacy_notice_says_what_is_missing() {
    let app = TestApp::spawn().await;
    let (status, csp, html) = page(&app, "/datenschutz").await;
    assert_eq!(status, 200);
    assert!(csp.contains("default-src 'none'"), "a plain page: {csp}");
    assert!(
        html.contains("<h1>Datenschutzhinweise zur Online-Beteiligung</h1>"),
        "{html}"
    );
    assert!(html.contains("Vom Betreiber noch nicht angegeben."));
    // What the software does is said all the same.
    assert!(html.contains("keine IP-Adressen"));
}

#[tokio::test]
async fn a_consultation_s_privacy_notice_names_the_controller_and_its_own_periods() {
    let app = with_notices().await;
    let demo = mitreden_server::seed::demo();
    let (status, _, html) = page(&app, "/datenschutz/demo").await;
    assert_eq!(status, 200);
    for shown in [
        "Bundesministerium für Digitales und Staatsmodernisierung (Beispiel)",
        "datenschutz@ministerium.example",
        "Die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit (BfDI)",
        "Art. 6 Abs. 1 Buchst. e DSGVO",
        &format!(
            "{} Tage nach dem Ende der Beteiligung",
            demo.settings.retention_days
        ),
        &format!("erst ab {} Antworten", demo.settings.min_group_size),
        "Kommentare und Vorschläge im Wortlaut",
        "nur, wenn die Organisation der Veröffentlichung zugestimmt hat",
    ] {
        assert!(html.contains(shown), "{shown} missing");
    }
    let (_, _, english) = page(&app, "/datenschutz/demo?lang=en").await;
    assert!(english.contains("<html lang=\"en\""));
    assert!(english.contains("Federal Ministry for Digital Affairs and State Modernisation"));
    assert!(english.contains("days after the consultation ends"));
}

#[tokio::test]
async fn a_consultation_that_publishes_nothing_says_so() {
    let mut private = mitreden_server::seed::demo();
    private.slug = mitreden_core::Slug::parse("intern").unwrap();
    private.settings.publish_results = false;
    private.settings.retention_days = 30;
    let app = TestApp::spawn_with(&[private]).await;
    let (_, _, html) = page(&app, "/datenschutz/intern").await;
    assert!(html.contains("werden nicht öffentlich gezeigt"), "{html}");
    assert!(!html.contains("im Wortlaut"));
    assert!(html.contains("30 Tage nach dem Ende"));
    let (status, _, _) = page(&app, "/datenschutz/no-such-thing").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_accessibility_statement_has_every_part_bitv_asks_for() {
    let app = with_notices().await;
    let (status, _, html) = page(&app, "/barrierefreiheit").await;
    assert_eq!(status, 200);
    for shown in [
        "<h1>Erklärung zur Barrierefreiheit</h1>",
        "teilweise vereinbar",
        "Organisationen können Stellungnahmen nur mit JavaScript abgeben",
        "2. Dezember 2026",
        "barrierefreiheit@ministerium.example",
        // The federal arbitration board, as no other is configured.
        "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz",
        "info@schlichtungsstelle-bgg.de",
    ] {
        assert!(html.contains(shown), "{shown} missing");
    }
}

#[tokio::test]
async fn every_participant_page_and_the_results_page_link_both_notices() {
    let app = TestApp::spawn().await;
    app.widget_build();
    for path in ["/w/demo", "/w/demo/form", "/w/demo/lookup", "/results/demo"] {
        let (_, _, html) = page(&app, path).await;
        assert!(
            html.contains("href=\"/datenschutz/demo?lang=de\""),
            "{path}"
        );
        assert!(
            html.contains("href=\"/barrierefreiheit?lang=de\""),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_two_notices_link_each_other() {
    let app = with_notices().await;
    let (_, _, privacy) = page(&app, "/datenschutz/demo?lang=en").await;
    assert!(
        privacy.contains("<a href=\"/barrierefreiheit?lang=en\">Accessibility statement</a>"),
        "{privacy}"
    );
    let (_, _, statement) = page(&app, "/barrierefreiheit").await;
    assert!(
        statement.contains("<a href=\"/datenschutz?lang=de\">Datenschutzhinweise</a>"),
        "{statement}"
    );
}

#[tokio::test]
async fn without_a_language_in_the_address_the_browser_s_is_used() {
    let app = with_notices().await;
    for path in ["/barrierefreiheit", "/datenschutz", "/datenschutz/demo"] {
        let r = app
            .client
            .get(app.url(path))
            .header("accept-language", "en-GB,en;q=0.9")
            .send()
            .await
            .unwrap();
        assert_eq!(r.headers()["vary"], "accept-language", "{path}");
        let html = r.text().await.unwrap();
        assert!(html.contains("<html lang=\"en\""), "{path}");
    }
    let (_, _, html) = page(&app, "/barrierefreiheit?lang=de").await;
    assert!(html.contains("<html lang=\"de\""));
}

#[test]
fn a_notices_file_with_a_mistake_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notices.json");
    std::fs::write(
        &path,
        NOTICES.replace("\"supervisory_authority\"", "\"supervisor\""),
    )
    .unwrap();
    let error = mitreden_server::cli::notices_file(path.to_str().unwrap()).unwrap_err();
    assert!(error.contains("unknown field `supervisor`"), "{error}");
    let missing = mitreden_server::cli::notices_file("/nonexistent/notices.json").unwrap_err();
    assert!(
        missing.starts_with("cannot read /nonexistent/notices.json"),
        "{missing}"
    );
}
