//! The widget page, `/w/{slug}`: the server sends the welcome as HTML, in the visitor's
//! language and the host's look, with the consultation's data for the widget.

mod common;

use common::TestApp;
use mitreden_core::{Consultation, Lang, Status};

async fn page(app: &TestApp, path: &str, accept_language: Option<&str>) -> (u16, String, String) {
    let mut request = app.client.get(app.url(path));
    if let Some(lang) = accept_language {
        request = request.header("accept-language", lang);
    }
    let r = request.send().await.unwrap();
    let status = r.status().as_u16();
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    (status, csp, r.text().await.unwrap())
}

/// The text between `<{tag}` … `>` and `</{tag}>` of the first such element after `from`.
fn element<'a>(html: &'a str, from: &str, tag: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} not in page"));
    let rest = &html[start..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find(&format!("</{tag}>")).unwrap();
    &rest[open..close]
}

#[tokio::test]
async fn the_welcome_is_in_the_html_in_german_with_the_consultation_for_the_widget() {
    let app = TestApp::spawn().await;
    let build = app.widget_build();
    let demo = mitreden_server::seed::demo();
    let (status, _, html) = page(&app, "/w/demo", None).await;
    assert_eq!(status, 200);
    assert!(
        html.starts_with("<!doctype html><html lang=\"de\""),
        "{html}"
    );
    let title = demo.title.get(mitreden_core::Lang::De);
    assert_eq!(element(&html, "<h1", "h1"), title);
    assert!(html.contains(demo.description.get(mitreden_core::Lang::De)));
    assert_eq!(element(&html, "<h2", "h2"), "Worum es geht");
    // Who, ranking, conflicts, proposals, review: six steps in all for a person.
    assert!(html.contains("Schritt 1 von 6"), "{html}");
    // Without JavaScript, "start" leads to the plain form.
    assert!(
        html.contains("<form method=\"get\" action=\"/w/demo/form\""),
        "{html}"
    );
    assert_eq!(
        element(&html, "data-mtr-act=\"start\"", "button").trim(),
        "Beginnen"
    );
    assert!(html.contains(&format!("src=\"/widget/{build}/boot.js\"")));
    // The first question comes with the page, hidden until "start": there at once on a slow
    // line. Without the widget, "next" leads to the plain form with the group chosen.
    let who = element(&html, "<section id=\"mtr-who\"", "section");
    assert!(
        html.contains("<section id=\"mtr-who\" aria-labelledby=\"mtr-who-heading\" hidden"),
        "{html}"
    );
    assert!(who.contains("Schritt 2 von 6"), "{who}");
    assert!(who.contains(">Wer Sie sind</h2>"), "{who}");
    assert!(
        who.contains("<form method=\"get\" action=\"/w/demo/form\""),
        "{who}"
    );
    for g in &demo.groups {
        assert!(
            who.contains(&format!("id=\"mtr-group-{0}\" value=\"{0}\"", g.id)),
            "{}",
            g.id
        );
    }
    assert!(who.contains("id=\"mtr-mode-organisation\""), "{who}");
    assert_eq!(
        element(who, "data-mtr-act=\"next\"", "button").trim(),
        "Weiter"
    );
    // The consultation for the widget, as the API gives it, with the page's language only.
    let data = element(&html, "id=\"mtr-data\"", "script");
    let parsed: Consultation = serde_json::from_str(data).unwrap();
    assert_eq!(parsed, demo.in_language(Lang::De));
    assert_eq!(parsed.languages, [Lang::De, Lang::En]);
    assert_eq!(
        parsed.priorities[0].title.languages().collect::<Vec<_>>(),
        [Lang::De]
    );
    assert!(!data.contains("\"en\":"), "{data}");
    let (_, api) = app.get("/api/v1/consultations/demo").await;
    let api: Consultation = serde_json::from_value(api).unwrap();
    assert_eq!(api, demo);
    let (_, _, html) = page(&app, "/w/demo?lang=en", None).await;
    let data = element(&html, "id=\"mtr-data\"", "script");
    let parsed: Consultation = serde_json::from_str(data).unwrap();
    assert_eq!(parsed, demo.in_language(Lang::En));
    assert_eq!(parsed.title.get(Lang::En), demo.title.get(Lang::En));
}

#[tokio::test]
async fn the_language_comes_from_the_address_else_from_the_browser() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let (_, _, html) = page(&app, "/w/demo?lang=en", Some("de")).await;
    assert!(html.contains("<html lang=\"en\""));
    assert_eq!(element(&html, "<h2", "h2"), "What this is about");
    let (_, _, html) = page(&app, "/w/demo", Some("fr-FR,en;q=0.8,de;q=0.5")).await;
    assert!(html.contains("<html lang=\"en\""));
    let (_, _, html) = page(&app, "/w/demo", Some("fr")).await;
    assert!(
        html.contains("<html lang=\"de\""),
        "German when none is spoken"
    );
    // The language links keep the rest of the address (the host's look, the parent page).
    let (_, _, html) = page(
        &app,
        "/w/demo?lang=de&parent=https%3A%2F%2Fbmds.example&accent=%23004b76",
        None,
    )
    .await;
    assert!(
        html.contains(
            "href=\"/w/demo?lang=en&amp;parent=https%3A%2F%2Fbmds.example&amp;accent=%23004b76\""
        ),
        "{html}"
    );
    assert!(
        html.contains("hreflang=\"de\" aria-current=\"true\""),
        "{html}"
    );
}

#[tokio::test]
async fn the_host_look_is_a_style_rule_the_policy_allows_by_its_hash() {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let app = TestApp::spawn().await;
    app.widget_build();
    let (_, csp, html) = page(&app, "/w/demo?accent=%23004b76&radius=4px", None).await;
    let rule = ":root{--mtr-primary:#004b76;--mtr-radius:4px}";
    assert!(html.contains(&format!("<style>{rule}</style>")), "{html}");
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(rule));
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    // A colour white text cannot be read on is ignored, and so is anything else.
    let (_, _, html) = page(&app, "/w/demo?accent=%23ffff00&font=x%3B%7D", None).await;
    assert!(!html.contains(":root{--mtr"), "{html}");
}

#[tokio::test]
async fn the_way_to_the_plain_form_carries_the_frame_s_origin_and_the_host_look_along() {
    let app = TestApp::spawn().await;
    let build = app.widget_build();
    let query = "lang=en&parent=https%3A%2F%2Fministry.example&accent=%23004b76";
    let (_, _, html) = page(&app, &format!("/w/demo?{query}"), None).await;
    // Both ways there (the welcome's "start", the first question's "next") carry all of it.
    for form in ["<div id=\"mtr-welcome\"", "<section id=\"mtr-who\""] {
        let at = html.find(form).expect(form);
        let fields = &html[at..at + html[at..].find("</form>").unwrap()];
        for (name, value) in [
            ("lang", "en"),
            ("parent", "https://ministry.example"),
            ("accent", "#004b76"),
        ] {
            let field = format!("<input type=\"hidden\" name=\"{name}\" value=\"{value}\"");
            assert!(fields.contains(&field), "{field} in {fields}");
        }
    }
    // The plain form there looks like the widget and keeps the frame fitted: the page's script
    // (which loads no widget where there is none).
    let r = app
        .client
        .get(app.url(&format!("/w/demo/form?{query}&group=academia")))
        .send()
        .await
        .unwrap();
    let form = r.text().await.unwrap();
    assert!(form.contains(":root{--mtr-primary:#004b76}"), "{form}");
    assert!(
        form.contains(&format!("src=\"/widget/{build}/boot.js\"")),
        "{form}"
    );
    assert!(
        form.contains(&format!(
            "action=\"/w/demo/form?{}\"",
            query.replace('&', "&amp;")
        )),
        "{form}"
    );
}

#[tokio::test]
async fn an_unknown_or_draft_consultation_is_a_sentence_in_a_404() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let (status, _, html) = page(&app, "/w/no-such-thing", Some("en")).await;
    assert_eq!(status, 404);
    assert_eq!(
        element(&html, "role=\"alert\"", "p"),
        "This consultation does not exist (any more)."
    );
    let mut draft = mitreden_server::seed::demo();
    draft.slug = mitreden_core::Slug::parse("later").unwrap();
    draft.status = Status::Draft;
    let version = app.state.db.save_consultation(&draft).await.unwrap();
    app.state.counts.counted_up_to("later", version).await;
    let (status, _, html) = page(&app, "/w/later", None).await;
    assert_eq!(status, 404);
    assert!(html.contains("Diese Beteiligung gibt es nicht (mehr)."));
}

#[tokio::test]
async fn a_closed_consultation_shows_its_outcome_without_the_widget() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let mut closed = mitreden_server::seed::demo();
    closed.slug = mitreden_core::Slug::parse("past").unwrap();
    closed.status = Status::Closed;
    let version = app.state.db.save_consultation(&closed).await.unwrap();
    app.state.counts.counted_up_to("past", version).await;
    let (status, _, html) = page(&app, "/w/past", None).await;
    assert_eq!(status, 200);
    assert!(!html.contains("data-mtr-act=\"start\""));
    // All of it is in the page: no place for the widget, no data for it.
    assert!(!html.contains("id=\"mtr-app\""), "{html}");
    assert!(!html.contains("id=\"mtr-data\""), "{html}");
    assert_eq!(
        element(&html, "id=\"mtr-closed-heading\"", "h2"),
        "Diese Beteiligung ist abgeschlossen"
    );
    // Nothing published yet: said so, with the results (the page's top: it has no outcome
    // section yet) and the feed of changes.
    assert!(
        html.contains("Das Ministerium hat noch nicht veröffentlicht"),
        "{html}"
    );
    assert!(
        html.contains("href=\"/results/past?lang=de\" target=\"_blank\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"/results/past/feed.atom?lang=de\""),
        "{html}"
    );
    // A receipt can still be looked up, without JavaScript too.
    assert!(
        html.contains(
            "<form method=\"post\" action=\"/w/past/lookup?lang=de\" data-mtr-lookup class=\"mtr-lookup-form\">"
        ),
        "{html}"
    );
}

#[tokio::test]
async fn without_a_widget_build_the_page_says_the_service_is_unavailable() {
    let app = TestApp::spawn().await;
    let r = app.client.get(app.url("/w/demo")).send().await.unwrap();
    assert_eq!(r.status(), 503);
}
