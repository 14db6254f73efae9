//! Groups too small to hide a person are not published: the results feed and the public page
//! withhold their rankings and conflict positions (and everything overall while the whole is
//! under the minimum); staff still see everything.

mod common;

use common::{member, staff_get, uuid, TestApp, ALL};
use mitreden_server::staff::Role;
use serde_json::{json, Value};

const SLUG: &str = "klein";

async fn spawn() -> TestApp {
    let mut c = mitreden_server::seed::demo();
    c.slug = mitreden_core::Slug::parse(SLUG).unwrap();
    c.settings.min_group_size = 3;
    TestApp::spawn_with(&[c]).await
}

/// One response in `group`: `top` first, and a position on the first conflict.
async fn respond(app: &TestApp, n: u32, group: &str, top: &str, position: i64) {
    let body = json!({
        "id": uuid(n), "group": group, "ranking": [top], "shown": ALL, "lang": "de",
        "positions": [{ "conflict": "quick-wins-vs-depth", "position": position }]
    });
    let (status, answer) = app
        .post(&format!("/api/v1/consultations/{SLUG}/responses"), &body)
        .await;
    assert_eq!(status, 201, "{answer}");
}

async fn feed(app: &TestApp) -> Value {
    let (status, body) = app
        .get(&format!("/api/v1/consultations/{SLUG}/results"))
        .await;
    assert_eq!(status, 200);
    body
}

#[tokio::test]
async fn one_person_in_a_group_is_not_published_and_staff_still_see_it() {
    let app = spawn().await;
    // While the whole is under the minimum, nothing but the count is published.
    respond(&app, 1, "academia", "visible-progress", 2).await;
    let public = feed(&app).await;
    assert_eq!(public["total"], 1);
    assert_eq!(public["overall"]["withheld"], true);
    assert_eq!(public["overall"]["ranking"], json!([]));
    assert_eq!(public["conflicts"], json!([]));
    let page = app.page(&format!("/results/{SLUG}")).await;
    assert!(page.contains("insgesamt mindestens 3 Antworten"), "{page}");

    for n in 2..5 {
        respond(&app, n, "citizens", "once-only", -1).await;
    }
    let public = feed(&app).await;
    let academia = &public["groups"]["academia"];
    assert_eq!(academia["withheld"], true);
    assert_eq!(academia["responses"], 0);
    assert_eq!(academia["ranking"], json!([]));
    assert_eq!(public["groups"]["citizens"]["responses"], 3);
    // The overall minus the citizens would be the one academic: withheld as well.
    assert_eq!(public["overall"]["withheld"], true);
    assert_eq!(public["conflicts"], json!([]));
    // The equal-weight ranking (readable groups only) is shown, and can be downloaded; the
    // overall cannot.
    let chart = |name: &str| {
        app.client
            .get(app.url(&format!("/results/{SLUG}/charts/{name}.svg")))
            .send()
    };
    assert_eq!(chart("equal").await.unwrap().status(), 200);
    assert_eq!(chart("ranking").await.unwrap().status(), 404);

    // Two more in business (also under the minimum): the three withheld answers together
    // hide each other, and the overall is published.
    respond(&app, 5, "business", "federal-it", 0).await;
    respond(&app, 6, "business", "federal-it", 0).await;
    let public = feed(&app).await;
    assert_eq!(public["groups"]["business"]["withheld"], true);
    assert_eq!(
        public["overall"]["withheld"], false,
        "published, 3 withheld together"
    );
    let conflict = &public["conflicts"][0];
    assert!(conflict["groups"].get("academia").is_none(), "{conflict}");
    assert_eq!(conflict["groups"]["citizens"]["positions"], 3);
    assert!(!public["agreement"]["groups"]
        .to_string()
        .contains("academia"));
    let page = app.page(&format!("/results/{SLUG}")).await;
    assert!(page.contains("Wissenschaft (weniger als 3)"), "{page}");

    let token = member(&app, "ada", Role::Moderator).await;
    let full = staff_get(
        &app,
        &format!("/api/v1/staff/consultations/{SLUG}/results"),
        &token,
    )
    .await;
    let academia = &full["groups"]["academia"];
    assert_eq!(academia["responses"], 1);
    assert_eq!(academia["ranking"][0]["priority"], "visible-progress");
    assert_eq!(
        full["conflicts"][0]["groups"]["academia"]["histogram"][4],
        1
    );
}
