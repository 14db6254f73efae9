//! Taking part without JavaScript: the plain form at `/w/{slug}/form`, checked by the same
//! rules as the widget's submissions, with problems tied to their fields, and a receipt page.

mod common;

use common::{form_id, header, post_form, total, TestApp};
use mitreden_core::Status;
use reqwest::Method;

const FORM: &str = "/w/demo/form";

async fn get(app: &TestApp, path: &str) -> (u16, String, String) {
    let r = app.client.get(app.url(path)).send().await.unwrap();
    let status = r.status().as_u16();
    let cache = header(&r, "cache-control");
    (status, cache, r.text().await.unwrap())
}

async fn post(app: &TestApp, fields: &[(&str, &str)]) -> (u16, String) {
    let r = post_form(app, FORM, fields).await;
    assert_eq!(header(&r, "cache-control"), "no-store");
    (r.status().as_u16(), r.text().await.unwrap())
}

/// The receipt code on a receipt page.
fn receipt_code(html: &str) -> String {
    let at = html
        .find("data-testid=\"receipt-code\">")
        .expect("a receipt code")
        + 27;
    let end = html[at..].find('<').unwrap();
    html[at..at + end].to_owned()
}

#[tokio::test]
async fn the_form_asks_every_question_on_one_page_with_a_fresh_id() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let demo = mitreden_server::seed::demo();
    let (status, cache, html) = get(&app, FORM).await;
    assert_eq!(status, 200);
    assert_eq!(cache, "no-store");
    assert!(
        html.contains("<form method=\"post\" action=\"/w/demo/form?lang=de\""),
        "{html}"
    );
    for g in &demo.groups {
        assert!(html.contains(&format!("id=\"group-{}\"", g.id)), "{}", g.id);
    }
    for p in &demo.priorities {
        assert!(
            html.contains(&format!("name=\"place-{}\"", p.id)),
            "{}",
            p.id
        );
    }
    for c in &demo.conflicts {
        assert!(
            html.contains(&format!("name=\"comment-{}\"", c.id)),
            "{}",
            c.id
        );
        assert!(
            html.contains(&format!("id=\"position-{}-0\"", c.id)),
            "{}",
            c.id
        );
    }
    assert!(
        !html.contains("role=\"alert\""),
        "no errors on a fresh form"
    );
    let (_, _, again) = get(&app, FORM).await;
    assert_ne!(form_id(&html), form_id(&again), "every form its own id");
}

#[tokio::test]
async fn problems_are_listed_above_the_form_and_beside_each_field_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let before = total(&app).await;
    let (_, _, html) = get(&app, FORM).await;
    let id = form_id(&html);
    let (status, html) = post(
        &app,
        &[
            ("id", &id),
            ("place-digital-identity", "1"),
            ("place-services-online", "1"),
            ("place-once-only", "zwei"),
            (
                "comment-quick-wins-vs-depth",
                "Mein Kommentar <b>bleibt</b>",
            ),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("<title>Fehler: "), "the title says so");
    // The summary: each problem a link to its field, in the form's order.
    let summary = &html[html.find("mtr-error-summary").unwrap()..html.find("<form").unwrap()];
    let links: Vec<&str> = summary
        .split("<a href=\"#")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(
        links,
        [
            "group-citizens",
            "place-digital-identity",
            "place-services-online",
            "place-once-only",
            "position-quick-wins-vs-depth-0"
        ]
    );
    assert!(summary.contains("Bitte wählen Sie eine Gruppe."));
    assert!(summary.contains("Platz 1 ist mehrmals vergeben."));
    assert!(summary.contains("Bitte geben Sie als Platz eine ganze Zahl von 1 bis 8 ein."));
    // Beside the field, and tied to it.
    assert!(html.contains("id=\"place-once-only-error\""));
    assert!(html.contains("aria-describedby=\"place-once-only-hint place-once-only-error\""));
    // What was entered is still there (escaped), and the same id, so nothing is sent twice.
    assert!(html.contains("value=\"zwei\""));
    assert!(
        html.contains("Mein Kommentar &lt;b&gt;bleibt&lt;/b&gt;"),
        "{html}"
    );
    assert_eq!(form_id(&html), id);
    assert_eq!(total(&app).await, before);
}

#[tokio::test]
async fn the_group_chosen_on_the_widget_page_comes_along_if_it_is_one_of_the_consultations() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let (status, _, html) = get(&app, "/w/demo/form?lang=de&group=academia").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("id=\"group-academia\" value=\"academia\" checked"),
        "{html}"
    );
    assert_eq!(html.matches(" checked").count(), 1, "{html}");
    let (status, _, html) = get(&app, "/w/demo/form?lang=de&group=nobody").await;
    assert_eq!(status, 200);
    assert!(!html.contains(" checked"), "{html}");
}

#[tokio::test]
async fn a_sound_form_is_stored_once_and_answered_with_a_receipt_that_works() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let before = total(&app).await;
    let (_, _, html) = get(&app, "/w/demo/form?lang=en").await;
    let id = form_id(&html);
    let fields = [
        ("id", id.as_str()),
        ("group", "academia"),
        ("place-once-only", "2"),
        ("place-digital-skills", "1"),
        ("position-quick-wins-vs-depth", "2"),
        (
            "comment-quick-wins-vs-depth",
            "Tiefe zuerst.\r\nDann Tempo.",
        ),
        ("website", ""),
    ];
    let (status, receipt_page) = post(&app, &fields).await;
    assert_eq!(status, 201, "{receipt_page}");
    let receipt = receipt_code(&receipt_page);
    // The comment quoted back, said to be one (screen readers do not say quotation marks).
    assert!(
        receipt_page.contains("<span class=\"mtr-sr\">Ihr Kommentar: </span><q>Tiefe zuerst."),
        "{receipt_page}"
    );
    assert_eq!(total(&app).await, before + 1);
    // Sent again (a reload, the back button): the same receipt, counted once.
    let (status, again) = post(&app, &fields).await;
    assert_eq!(status, 200);
    assert_eq!(receipt_code(&again), receipt);
    assert_eq!(total(&app).await, before + 1);
    // The receipt is the widget's: it finds the response, as sent.
    let (status, stored) = app
        .with_receipt(
            Method::GET,
            "/api/v1/consultations/demo/responses/mine",
            &receipt,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        stored["ranking"],
        serde_json::json!(["digital-skills", "once-only"])
    );
    assert_eq!(stored["positions"][0]["position"], 2);
    assert_eq!(
        stored["positions"][0]["comment"],
        "Tiefe zuerst.\nDann Tempo."
    );
}

#[tokio::test]
async fn a_filled_honeypot_is_refused_with_a_sentence_and_nothing_stored() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let before = total(&app).await;
    let (_, _, html) = get(&app, FORM).await;
    let id = form_id(&html);
    let (status, html) = post(
        &app,
        &[
            ("id", &id),
            ("group", "citizens"),
            ("place-once-only", "1"),
            ("website", "https://spam.example"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        html.contains("Ein Feld, das leer bleiben muss, ist ausgefüllt."),
        "{html}"
    );
    assert_eq!(total(&app).await, before);
}

#[tokio::test]
async fn a_closed_consultation_has_no_form() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let mut closed = mitreden_server::seed::demo();
    closed.slug = mitreden_core::Slug::parse("past").unwrap();
    closed.status = Status::Closed;
    let version = app.state.db.save_consultation(&closed).await.unwrap();
    app.state.counts.counted_up_to("past", version).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = client.get(app.url("/w/past/form")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/w/past");
    let r = client
        .post(app.url("/w/past/form"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("group=citizens&place-once-only=1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn the_empty_forms_are_compressed_and_a_page_with_a_receipt_never() {
    let app = TestApp::spawn().await;
    app.widget_build();
    for path in [FORM, "/w/demo/lookup"] {
        let r = app
            .client
            .get(app.url(path))
            .header("accept-encoding", "br")
            .send()
            .await
            .unwrap();
        assert_eq!(header(&r, "content-encoding"), "br", "{path}");
    }
    let (_, _, html) = get(&app, FORM).await;
    let body = serde_urlencoded::to_string([
        ("id", form_id(&html).as_str()),
        ("group", "citizens"),
        ("place-once-only", "1"),
        ("website", ""),
    ])
    .unwrap();
    let r = app
        .client
        .post(app.url(FORM))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept-encoding", "br, gzip")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    assert_eq!(header(&r, "content-encoding"), "");
    let receipt = receipt_code(&r.text().await.unwrap());
    let r = app
        .client
        .post(app.url("/w/demo/lookup"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept-encoding", "br, gzip")
        .body(serde_urlencoded::to_string([("code", receipt.as_str())]).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-encoding"), "");
    let found = r.text().await.unwrap();
    assert!(found.contains("id=\"mtr-lookup-result\""), "{found}");
}
