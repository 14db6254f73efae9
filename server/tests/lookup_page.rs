//! The receipt look-up as a page, `/w/{slug}/lookup`: what a receipt was given for, and
//! withdrawing it after a confirmation, without the widget or JavaScript.

mod common;

use common::{header, post_form, statement, submission, total, uuid, TestApp, ALL};
use mitreden_core::Status;
use serde_json::json;

const LOOKUP: &str = "/w/demo/lookup";

/// Sends the look-up form; every answer is kept from caches (it holds the code).
async fn post(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
    let r = post_form(app, path, fields).await;
    assert_eq!(header(&r, "cache-control"), "no-store");
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn a_receipt_shows_the_response_and_withdraws_it_once_confirmed() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let mut body = submission(&uuid(1), "academia", &["once-only", "federal-it"], &ALL);
    body["positions"] = json!([{ "conflict": "central-vs-local", "position": 1,
        "comment": "Erst Vertrauen, <dann> Umbau." }]);
    body["proposals"] = json!([{ "kind": "priority", "title": "Barrierefreiheit" }]);
    let (status, ack) = app.submit(&body).await;
    assert_eq!(status, 201);
    let receipt = ack["receipt"].as_str().unwrap().to_owned();
    assert_eq!(total(&app).await, 1);

    // The empty form, with the way back.
    let r = app.client.get(app.url(LOOKUP)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("<h1 tabindex=\"-1\" autofocus class=\"mtr-h1\">"),
        "{html}"
    );
    assert!(html.contains("action=\"/w/demo/lookup?lang=de\""), "{html}");
    // Sent by the page's script without leaving a page with the code in the history.
    assert!(html.contains("data-mtr-lookup"), "{html}");
    // The way back leads to the welcome's title.
    assert!(
        html.contains("href=\"/w/demo?lang=de#mtr-title\""),
        "{html}"
    );
    assert!(html.contains("data-mtr-arrived"), "{html}");

    // No code, a malformed one, an unknown one: said, tied to the field, nothing withdrawn.
    let (status, html) = post(&app, LOOKUP, &[("code", "  ")]).await;
    assert_eq!(status, 422);
    // The title says first that something is wrong (as the plain form's does).
    assert!(
        html.contains("<title>Fehler: Antwort ansehen oder zurückziehen – "),
        "{html}"
    );
    assert!(
        html.contains("Bitte geben Sie Ihren Beleg-Code ein."),
        "{html}"
    );
    assert!(html.contains("aria-invalid=\"true\""), "{html}");
    assert!(
        html.contains("aria-describedby=\"mtr-lookup-error\""),
        "{html}"
    );
    let (status, html) = post(&app, LOOKUP, &[("code", "nonsense")]).await;
    assert_eq!(status, 422);
    assert!(html.contains("Das ist kein gültiger Beleg-Code."), "{html}");
    assert!(
        html.contains("value=\"nonsense\""),
        "the typed code stays: {html}"
    );
    let (status, html) = post(&app, LOOKUP, &[("code", "ABCD-EFGH-JKMN-PQRS")]).await;
    assert_eq!(status, 404);
    assert!(
        html.contains("Zu diesem Code ist nichts (mehr) gespeichert."),
        "{html}"
    );

    // Found, however it was pasted: group, ranking, position with its comment (escaped),
    // the proposal; the code only in the form that asks to withdraw.
    let pasted = format!("Ihr Beleg-Code: {} ✓", receipt.to_lowercase());
    let (status, html) = post(&app, LOOKUP, &[("code", &pasted)]).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Antwort für die Gruppe „Wissenschaft“"),
        "{html}"
    );
    let once_only = html.find("Register, die nur einmal fragen").unwrap();
    let federal = html.find("Gebündelte IT des Bundes").unwrap();
    assert!(once_only < federal, "in the order ranked");
    assert!(
        html.contains("Erst Vertrauen, &lt;dann&gt; Umbau."),
        "{html}"
    );
    assert!(html.contains("Ziel: Barrierefreiheit"), "{html}");
    assert!(html.contains("name=\"step\" value=\"confirm\""), "{html}");
    assert_eq!(total(&app).await, 1);

    // Asked first; keeping it shows it again.
    let (status, html) = post(&app, LOOKUP, &[("code", &pasted), ("step", "confirm")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Wirklich zurückziehen?"), "{html}");
    assert_eq!(total(&app).await, 1);
    let (status, html) = post(&app, LOOKUP, &[("code", &pasted), ("step", "show")]).await;
    assert_eq!(status, 200);
    assert!(html.contains("Antwort für die Gruppe"), "{html}");

    // Withdrawn: gone from the count before the page says so; not found again.
    let (status, html) = post(&app, LOOKUP, &[("code", &pasted), ("step", "withdraw")]).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Ihre Antwort wurde zurückgezogen und gelöscht."),
        "{html}"
    );
    assert_eq!(total(&app).await, 0);
    let (status, _) = post(&app, LOOKUP, &[("code", &receipt), ("step", "withdraw")]).await;
    assert_eq!(status, 404);

    // A form that is not the look-up's is refused, said why.
    let r = app
        .client
        .post(app.url(LOOKUP))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(
            serde_urlencoded::to_string([("code", receipt.as_str()), ("step", "delete")]).unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let answer = r.text().await.unwrap();
    // A page for a person (tests/page_errors.rs), not the API's JSON.
    assert!(
        answer.contains("Was ankam, war nicht das Formular dieser Seite"),
        "{answer}"
    );
}

#[tokio::test]
async fn a_statement_s_receipt_shows_the_organisation_and_withdraws_the_statement() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let (status, ack) = app
        .post(
            "/api/v1/consultations/demo/statements",
            &statement(&uuid(7)),
        )
        .await;
    assert_eq!(status, 201, "{ack}");
    let receipt = ack["receipt"].as_str().unwrap();
    let (status, html) = post(&app, "/w/demo/lookup?lang=en", &[("code", receipt)]).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Statement by Verband Digitale Verwaltung e. V."),
        "{html}"
    );
    assert!(html.contains("R001234"), "{html}");
    assert!(html.contains("Weniger Doppelarbeit."), "{html}");
    assert!(html.contains("Withdraw statement"), "{html}");
    let (_, html) = post(
        &app,
        "/w/demo/lookup?lang=en",
        &[("code", receipt), ("step", "confirm")],
    )
    .await;
    assert!(html.contains("Your statement will be deleted"), "{html}");
    let (status, html) = post(
        &app,
        "/w/demo/lookup?lang=en",
        &[("code", receipt), ("step", "withdraw")],
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Your statement has been withdrawn and deleted."),
        "{html}"
    );
    let (status, _) = post(&app, "/w/demo/lookup", &[("code", receipt)]).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_consultation_without_a_public_page_has_no_look_up() {
    let app = TestApp::spawn().await;
    app.widget_build();
    let mut draft = mitreden_server::seed::demo();
    draft.slug = mitreden_core::Slug::parse("soon").unwrap();
    draft.status = Status::Draft;
    app.state.db.save_consultation(&draft).await.unwrap();
    let r = app
        .client
        .get(app.url("/w/soon/lookup"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        404,
        "led to the widget page, which says it does not exist"
    );
}
