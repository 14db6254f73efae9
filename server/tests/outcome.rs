//! Closing the loop over HTTP: staff publish the outcome and indicators (admins only, checked,
//! every version kept), the public sees only what was published, and a later round compares
//! its ranks with the round before.

mod common;

use common::{call, member, staff_get, submission, uuid, TestApp, ALL};
use mitreden_server::staff::Role;
use reqwest::Method;
use serde_json::{json, Value};

const OUTCOME: &str = "/api/v1/staff/consultations/demo/outcome";
const PROGRESS: &str = "/api/v1/consultations/demo/progress";

fn both(de: &str, en: &str) -> Value {
    json!({ "de": de, "en": en })
}

fn outcome(status: &str) -> Value {
    json!({
        "summary": both("Drei Ziele werden umgesetzt.", "Three goals are pursued."),
        "items": {
            "once-only": { "status": status, "response": both("Gesetz in Arbeit.", "Bill in progress.") },
            "central-vs-local": { "status": "open", "response": both("Wird mit den Ländern beraten.", "Under discussion with the Länder.") }
        }
    })
}

async fn put(app: &TestApp, path: &str, token: &str, body: Value) -> (u16, Value) {
    call(app, Method::PUT, path, Some(token), Some(body)).await
}

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("")
}

#[tokio::test]
async fn an_outcome_is_published_by_admins_kept_with_its_history_and_shown_to_the_public() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ad", Role::Admin).await;
    let moderator = member(&app, "mo", Role::Moderator).await;

    let (status, body) = app.get(PROGRESS).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["outcome"], Value::Null, "nothing published yet");

    let (status, body) = put(&app, OUTCOME, &moderator, outcome("adopted")).await;
    assert_eq!((status, code(&body)), (403, "forbidden"));

    let (status, body) = put(&app, OUTCOME, &admin, outcome("adopted")).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = put(&app, OUTCOME, &admin, outcome("in_progress")).await;
    assert_eq!(status, 200);
    // Sending the same again is no new version.
    put(&app, OUTCOME, &admin, outcome("in_progress")).await;

    let staff = staff_get(&app, OUTCOME, &moderator).await;
    let item = &staff["outcome"]["items"][1];
    assert_eq!(
        (
            item["id"].as_str(),
            item["kind"].as_str(),
            item["status"].as_str()
        ),
        (Some("once-only"), Some("priority"), Some("in_progress"))
    );
    assert_eq!(item["response"]["en"], "Bill in progress.");
    let history: Vec<(String, String)> = staff["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let what = c["item"].as_str().unwrap_or("summary").to_owned();
            let status = c["status"].as_str().unwrap_or("").to_owned();
            (what, status)
        })
        .collect();
    assert_eq!(
        history,
        [
            ("once-only".into(), "in_progress".into()),
            ("once-only".into(), "adopted".into()),
            ("central-vs-local".into(), "open".into()),
            ("summary".into(), "".into()),
        ],
        "newest first, nothing rewritten"
    );
    assert_eq!(staff["history"][0]["previous_status"], "adopted");
    assert!(staff["history"][0]["at"].as_str().unwrap().ends_with('Z'));

    let public = app.public_results().await;
    assert_eq!(public["outcome"], staff["outcome"]);
    let export = staff_get(
        &app,
        "/api/v1/staff/consultations/demo/export.json",
        &moderator,
    )
    .await;
    assert_eq!(
        export["follow_up"]["outcome"], staff["outcome"],
        "open data"
    );
    let (_, progress) = app.get(PROGRESS).await;
    assert_eq!(progress["consultation"], "demo");
    let ids: Vec<&str> = progress["outcome"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["central-vs-local", "once-only"],
        "only published items"
    );
}

#[tokio::test]
async fn a_faulty_outcome_is_refused_with_a_specific_code_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ad", Role::Admin).await;
    let mut unknown_item = outcome("adopted");
    unknown_item["items"]["teleportation"] =
        json!({ "status": "open", "response": both("x", "x") });
    let mut no_english = outcome("adopted");
    no_english["items"]["once-only"]["response"] = json!({ "de": "Nur Deutsch" });
    let cases = [
        (unknown_item, 422, "unknown_item"),
        (outcome("finished"), 422, "unknown_status"),
        (no_english, 422, "missing_language"),
        (json!({ "items": {} }), 422, "invalid_body"),
    ];
    for (body, status, expected) in cases {
        let (got, answer) = put(&app, OUTCOME, &admin, body).await;
        assert_eq!((got, code(&answer)), (status, expected), "{answer}");
        assert!(
            answer["error"]["message"].as_str().unwrap().len() > 20,
            "{answer}"
        );
    }
    let (_, progress) = app.get(PROGRESS).await;
    assert_eq!(progress["outcome"], Value::Null);
    let (status, body) = put(
        &app,
        "/api/v1/staff/consultations/nowhere/outcome",
        &admin,
        outcome("open"),
    )
    .await;
    assert_eq!((status, code(&body)), (404, "consultation_not_found"));
}

fn indicator(values: Value) -> Value {
    json!({
        "id": "online-services",
        "name": both("Verwaltungsleistungen online", "Administrative services online"),
        "unit": both("%", "%"),
        "direction": "higher_is_better",
        "baseline": { "value": 40, "date": "2025-01-01" },
        "target": { "value": 80, "date": "2030-12-31" },
        "source": both("OZG-Dashboard", "OZG dashboard"),
        "values": values
    })
}

const INDICATORS: &str = "/api/v1/staff/consultations/demo/priorities/services-online/indicators";
const VALUES: &str = "/api/v1/staff/consultations/demo/indicator-values";

async fn csv(app: &TestApp, token: &str, text: &str) -> (u16, Value) {
    let response = app
        .client
        .post(app.url(VALUES))
        .bearer_auth(token)
        .header("content-type", "text/csv; charset=utf-8")
        .body(text.to_owned())
        .send()
        .await
        .unwrap();
    (
        response.status().as_u16(),
        response.json().await.unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn indicators_and_their_values_round_trip_through_json_and_csv() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ad", Role::Admin).await;
    let moderator = member(&app, "mo", Role::Moderator).await;
    let body = json!({ "indicators": [indicator(json!([{ "value": 50, "date": "2025-12-31" }]))] });

    let (status, answer) = put(&app, INDICATORS, &moderator, body.clone()).await;
    assert_eq!((status, code(&answer)), (403, "forbidden"));
    let (status, answer) = put(&app, INDICATORS, &admin, body.clone()).await;
    assert_eq!(status, 200, "{answer}");
    let published = &answer["indicators"]["services-online"][0];
    assert_eq!(
        published["values"],
        json!([{ "value": 50.0, "date": "2025-12-31" }])
    );
    assert_eq!(published["progress"]["state"], "on_the_way");
    assert_eq!(published["progress"]["share"], 0.25);

    // Faults, each with its code; nothing stored.
    let no_date = json!({ "indicators": [indicator(json!([{ "value": 55 }]))] });
    let (status, answer) = put(&app, INDICATORS, &admin, no_date).await;
    assert_eq!(
        (status, code(&answer)),
        (422, "value_without_date"),
        "{answer}"
    );
    let (status, answer) = put(
        &app,
        "/api/v1/staff/consultations/demo/priorities/teleportation/indicators",
        &admin,
        body,
    )
    .await;
    assert_eq!((status, code(&answer)), (404, "priority_not_found"));

    // A spreadsheet as German offices save it: semicolons, decimal commas; a correction and
    // a new value.
    let (status, answer) = csv(
        &app,
        &admin,
        "priority;indicator;date;value\nservices-online;online-services;2025-12-31;52,5\nservices-online;online-services;2026-06-30;60\n",
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["priorities"], json!(["services-online"]));
    // A faulty file changes nothing, and says which line.
    let (status, answer) = csv(
        &app,
        &admin,
        "priority,indicator,date,value\nservices-online,online-services,2026-09-30,61\nservices-online,nowhere,2026-09-30,1\n",
    )
    .await;
    assert_eq!((status, code(&answer)), (422, "unknown_indicator"));
    assert!(answer["error"]["message"]
        .as_str()
        .unwrap()
        .contains("line 3"));
    let (status, answer) = call(&app, Method::POST, VALUES, Some(&admin), Some(json!({}))).await;
    assert_eq!((status, code(&answer)), (415, "unsupported_media_type"));

    let (_, progress) = app.get(PROGRESS).await;
    let indicator = &progress["indicators"]["services-online"][0];
    assert_eq!(
        indicator["values"],
        json!([{ "value": 52.5, "date": "2025-12-31" }, { "value": 60.0, "date": "2026-06-30" }])
    );
    assert_eq!(indicator["progress"]["share"], 0.5);
    let staff = staff_get(&app, OUTCOME, &moderator).await;
    assert_eq!(staff["indicators"], progress["indicators"]);
}

async fn submit_to(app: &TestApp, slug: &str, n: u32, ranking: &[&str]) {
    let (status, body) = app
        .post(
            &format!("/api/v1/consultations/{slug}/responses"),
            &submission(&uuid(n), "citizens", ranking, &ALL),
        )
        .await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn a_later_round_shows_how_ranks_moved_beyond_the_noise() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ad", Role::Admin).await;
    let mut next = staff_get(&app, "/api/v1/staff/consultations/demo", &admin).await;
    next["slug"] = json!("demo-2027");
    next["predecessor"] = json!("elsewhere");
    let path = "/api/v1/staff/consultations/demo-2027";
    let (status, answer) = put(&app, path, &admin, next.clone()).await;
    assert_eq!((status, code(&answer)), (422, "invalid_consultation"));
    next["predecessor"] = json!("demo");
    let (status, answer) = put(&app, path, &admin, next).await;
    assert_eq!(status, 201, "{answer}");

    let mut reversed = ALL;
    reversed.reverse();
    for n in 0..30 {
        submit_to(&app, "demo", n, &ALL).await;
        submit_to(&app, "demo-2027", 100 + n, &reversed).await;
    }
    let mut rounds = Value::Null;
    for _ in 0..400 {
        let (_, body) = app.get("/api/v1/consultations/demo-2027/results").await;
        // Both rounds' intervals are computed in the background: wait until the comparison
        // has them.
        let settled = body["as_of"]["uncertainty"] == body["as_of"]["results"];
        let compared = body["rounds"]["overall"]
            .as_array()
            .is_some_and(|m| !m.is_empty() && m.iter().all(|m| m["movement"] != "not_yet_known"));
        if settled && compared {
            rounds = body["rounds"].clone();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(rounds["predecessor"], "demo", "{rounds}");
    let moved = |p: &str| {
        let m = rounds["overall"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["priority"] == p)
            .unwrap();
        (
            m["previous_rank"].as_u64(),
            m["rank"].as_u64(),
            m["movement"].as_str().unwrap().to_owned(),
        )
    };
    assert_eq!(moved("visible-progress"), (Some(8), Some(1), "up".into()));
    assert_eq!(moved("digital-identity"), (Some(1), Some(8), "down".into()));
    assert!(rounds["groups"]["citizens"].is_array(), "{rounds}");
    let (_, demo) = app.get("/api/v1/consultations/demo/results").await;
    assert_eq!(demo["rounds"], Value::Null, "the first round has none");

    // The public page shows the moves, in words, linking the round before.
    let page = app.page("/results/demo-2027").await;
    let section = &page[page.find("id=\"rounds\"").expect("a rounds section")..];
    let row = &section[section.find("Fortschritt öffentlich sichtbar").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("<td>1 (vorher 8): aufgestiegen</td>"), "{row}");
    assert!(section.contains("href=\"/results/demo?lang=de\""));
    assert!(!app.page("/results/demo").await.contains("id=\"rounds\""));
}

#[tokio::test]
async fn the_atom_feed_has_one_entry_per_published_change() {
    use std::collections::HashSet;
    let app = TestApp::spawn().await;
    let admin = member(&app, "ad", Role::Admin).await;
    let empty = app
        .client
        .get(app.url("/results/demo/feed.atom"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        empty.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let empty = atom_syndication::Feed::read_from(&empty.bytes().await.unwrap()[..]).unwrap();
    assert!(empty.entries().is_empty());

    put(&app, OUTCOME, &admin, outcome("adopted")).await;
    let body = json!({ "indicators": [indicator(json!([]))] });
    assert_eq!(put(&app, INDICATORS, &admin, body).await.0, 200);
    put(&app, OUTCOME, &admin, outcome("done")).await;
    csv(
        &app,
        &admin,
        "priority,indicator,date,value\nservices-online,online-services,2026-06-30,60\n",
    )
    .await;

    let text = app
        .client
        .get(app.url("/results/demo/feed.atom?lang=en"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let feed = atom_syndication::Feed::read_from(text.as_bytes()).unwrap();
    assert_eq!(feed.lang(), Some("en"));
    assert!(feed.title().as_str().contains("What becomes of your input"));
    assert!(!feed.authors().is_empty(), "a feed needs an author");
    assert!(feed.links().iter().any(|l| l.rel() == "self"));
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(
        titles,
        [
            "“Administrative services online” (Administrative services fully online): value 60 of 30 June 2026",
            "“Registers that ask only once”: Done (before: Taken up)",
            "New indicator for “Administrative services fully online”: Administrative services online",
            "“Registers that ask only once”: Taken up",
            "“Central steering or local autonomy?”: Still open",
            "Summary published or changed",
        ],
        "newest first: {text}"
    );
    let ids: HashSet<&str> = feed.entries().iter().map(|e| e.id()).collect();
    assert_eq!(ids.len(), titles.len(), "every entry has its own id");
    assert!(ids.iter().all(|id| id.starts_with("http://")), "{ids:?}");
    assert_eq!(
        feed.entries()[1].content().and_then(|c| c.value()),
        Some("Bill in progress.")
    );
    assert_eq!(feed.updated(), feed.entries()[0].updated());
    let (status, _) = app.get("/results/nowhere/feed.atom").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_public_page_shows_status_response_and_progress_of_what_was_published() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ad", Role::Admin).await;
    let page = app.page("/results/demo").await;
    assert!(
        !page.contains("Was aus Ihren Antworten wird"),
        "nothing yet"
    );

    put(&app, OUTCOME, &admin, outcome("in_progress")).await;
    let values = json!([{ "value": 60, "date": "2026-06-30" }]);
    let body = json!({ "indicators": [indicator(values)] });
    assert_eq!(put(&app, INDICATORS, &admin, body).await.0, 200);
    // A later version without the conflict: it is no longer shown, its removal is.
    let mut later = outcome("in_progress");
    later["items"]
        .as_object_mut()
        .unwrap()
        .remove("central-vs-local");
    put(&app, OUTCOME, &admin, later).await;

    let page = app.page("/results/demo").await;
    let section = &page[page.find("id=\"outcome\"").expect("the outcome section")..];
    let section = &section[..section.find("</section><section").unwrap_or(section.len())];
    assert!(section.contains("Drei Ziele werden umgesetzt."));
    let once_only = &section[section.find("id=\"outcome-once-only\"").unwrap()..];
    assert!(
        once_only.contains("<strong>In Umsetzung</strong>"),
        "{once_only}"
    );
    assert!(once_only.contains("Gesetz in Arbeit."));
    let online = &section[section.find("id=\"outcome-services-online\"").unwrap()..];
    let online = &online[..online.find("</article>").unwrap()];
    assert!(online.contains("Zu diesem Ziel gibt es noch keine Rückmeldung."));
    assert!(
        online.contains("50\u{202f}% des Wegs vom Ausgangswert zum Ziel geschafft."),
        "{online}"
    );
    assert!(online.contains("<svg"), "a progress chart");
    assert!(
        online.contains("<td class=\"res-n\">60\u{a0}%</td>"),
        "its table: {online}"
    );
    assert!(
        !section.contains("id=\"outcome-central-vs-local\""),
        "removed items are gone"
    );
    assert!(section.contains(
        "„Zentrale Steuerung oder Eigenständigkeit vor Ort?“ ist nicht mehr Teil der Rückmeldung"
    ));
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/results/demo/feed.atom?lang=de\""
    ));
}

#[tokio::test]
async fn the_open_data_zip_holds_every_file_and_names_the_licence() {
    use async_zip::base::read::mem::ZipFileReader;
    use futures_lite::io::AsyncReadExt;

    let app = TestApp::spawn().await;
    let admin = member(&app, "ad", Role::Admin).await;
    let mut definition = staff_get(&app, "/api/v1/staff/consultations/demo", &admin).await;
    definition["licence"] = json!("dl-de/by-2-0");
    let path = "/api/v1/staff/consultations/demo";
    assert_eq!(put(&app, path, &admin, definition).await.0, 200);
    let (status, _) = app
        .submit(&submission(&uuid(1), "citizens", &ALL[..3], &ALL))
        .await;
    assert_eq!(status, 201);
    put(&app, OUTCOME, &admin, outcome("adopted")).await;
    put(&app, OUTCOME, &admin, outcome("done")).await;
    let values = json!([{ "value": 60, "date": "2026-06-30" }]);
    let body = json!({ "indicators": [indicator(values)] });
    assert_eq!(put(&app, INDICATORS, &admin, body).await.0, 200);

    let response = app
        .client
        .get(app.url("/api/v1/staff/consultations/demo/export.zip"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "application/zip");
    let bytes = response.bytes().await.unwrap().to_vec();
    let zip = ZipFileReader::new(bytes).await.expect("a valid zip");
    let names: Vec<String> = zip
        .file()
        .entries()
        .iter()
        .map(|e| e.filename().as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "README.txt",
            "outcome.csv",
            "history.csv",
            "indicators.csv",
            "indicator_values.csv",
            "rounds.csv",
            "responses.csv"
        ]
    );
    for entry in zip.file().entries() {
        assert_eq!(
            entry.unix_permissions(),
            Some(0o100644),
            "readable once unpacked"
        );
        assert!(entry.last_modification_date().year() >= 2026);
    }
    let read = |n: usize| {
        let zip = &zip;
        async move {
            let mut text = String::new();
            let mut entry = zip.reader_with_entry(n).await.unwrap();
            entry.read_to_string(&mut text).await.unwrap();
            text
        }
    };
    let readme = read(0).await;
    assert!(
        readme.contains("Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0), https://www.govdata.de/dl-de/by-2-0"),
        "{readme}"
    );
    let outcome = read(1).await;
    assert!(outcome.starts_with("\u{feff}item,kind,status,updated,response:de,response:en\r\n"));
    assert!(outcome.contains("once-only,priority,done,"), "{outcome}");
    let history = read(2).await;
    assert_eq!(
        history.lines().count(),
        1 + 6,
        "header and six changes (the indicator came with a value): {history}"
    );
    assert!(
        history.contains(",value,,,,,services-online,online-services,2026-06-30,60,,"),
        "{history}"
    );
    assert!(
        history.contains(",item,once-only,priority,done,adopted,"),
        "{history}"
    );
    assert!(
        history.contains(",indicator_added,,,,,services-online,online-services,,,,"),
        "{history}"
    );
    let values = read(4).await;
    assert!(
        values.contains("services-online,online-services,2026-06-30,60\r\n"),
        "{values}"
    );
    let indicators = read(3).await;
    assert!(indicators.contains(",0.5000,on_the_way,"), "{indicators}");
    let responses = read(6).await;
    assert_eq!(responses.lines().count(), 2, "header and the one response");
    assert!(!responses.contains(&uuid(1)), "never the device's id");
}

#[tokio::test]
async fn the_follow_up_has_a_served_json_schema() {
    let app = TestApp::spawn().await;
    let (status, schema) = app.get("/api/v1/schemas/follow-up.json").await;
    assert_eq!(status, 200);
    let properties: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        properties,
        [
            "history",
            "indicators",
            "licence",
            "outcome",
            "rounds",
            "versions"
        ]
    );
    assert!(schema["required"]
        .as_array()
        .unwrap()
        .contains(&json!("indicators")));
    let status_values = &schema["definitions"]["ItemStatus"];
    assert!(
        status_values.to_string().contains("not_pursued"),
        "{schema}"
    );
}
