//! The staff API: who may do what, signing in, running a consultation, exports; and the
//! `staff` command line.

mod common;

use common::{call, member, staff_get, submission, uuid, TestApp, ALL, PASSWORD};
use mitreden_server::staff::Role;
use reqwest::Method;
use serde_json::{json, Value};

fn demo_definition(slug: &str) -> Value {
    let mut c = serde_json::to_value(mitreden_server::seed::demo()).unwrap();
    c["slug"] = json!(slug);
    c["status"] = json!("draft");
    c
}

/// Every staff route with the least role it needs.
fn routes() -> Vec<(Method, &'static str, Option<Value>, Role)> {
    vec![
        (Method::GET, "/api/v1/staff/me", None, Role::Moderator),
        (
            Method::GET,
            "/api/v1/staff/consultations",
            None,
            Role::Moderator,
        ),
        (
            Method::GET,
            "/api/v1/staff/consultations/demo",
            None,
            Role::Moderator,
        ),
        (
            Method::PUT,
            "/api/v1/staff/consultations/new-one",
            Some(demo_definition("new-one")),
            Role::Admin,
        ),
        (
            Method::POST,
            "/api/v1/staff/consultations/demo/status",
            Some(json!({ "status": "open" })),
            Role::Admin,
        ),
        (
            Method::GET,
            "/api/v1/staff/consultations/demo/results",
            None,
            Role::Moderator,
        ),
        (
            Method::GET,
            "/api/v1/staff/consultations/demo/proposals",
            None,
            Role::Moderator,
        ),
        (
            Method::POST,
            "/api/v1/staff/consultations/demo/proposals/1",
            Some(json!({ "decision": "approve" })),
            Role::Moderator,
        ),
        (
            Method::GET,
            "/api/v1/staff/consultations/demo/statements",
            None,
            Role::Moderator,
        ),
        (
            Method::GET,
            "/api/v1/staff/consultations/demo/export.csv",
            None,
            Role::Moderator,
        ),
        (
            Method::GET,
            "/api/v1/staff/consultations/demo/export.json",
            None,
            Role::Moderator,
        ),
        (
            Method::DELETE,
            "/api/v1/staff/session",
            None,
            Role::Moderator,
        ),
    ]
}

#[tokio::test]
async fn every_staff_route_refuses_anonymous_callers_and_wrong_roles() {
    let app = TestApp::spawn().await;
    let moderator = member(&app, "mona", Role::Moderator).await;
    let admin = member(&app, "ada", Role::Admin).await;
    for (method, path, body, needed) in routes() {
        let (status, answer) = call(&app, method.clone(), path, None, body.clone()).await;
        assert_eq!(
            (status, answer["error"]["code"].as_str()),
            (401, Some("sign_in_required")),
            "{method} {path}"
        );
        let (status, _) = call(
            &app,
            method.clone(),
            path,
            Some("wrong-token"),
            body.clone(),
        )
        .await;
        assert_eq!(status, 401, "{method} {path} with an unknown token");
        let (status, answer) =
            call(&app, method.clone(), path, Some(&moderator), body.clone()).await;
        if needed == Role::Admin {
            assert_eq!(
                (status, answer["error"]["code"].as_str()),
                (403, Some("forbidden")),
                "{method} {path}"
            );
        } else {
            assert_ne!(status, 401, "{method} {path}");
            assert_ne!(status, 403, "{method} {path}");
        }
        let (status, _) = call(&app, method.clone(), path, Some(&admin), body).await;
        assert!(
            status != 401 && status != 403,
            "{method} {path} as admin: {status}"
        );
    }
}

#[tokio::test]
async fn signing_in_sets_a_strict_session_cookie_and_guessing_is_throttled() {
    let app = TestApp::spawn().await;
    member(&app, "ada", Role::Admin).await;
    let sign_in = |password: &'static str| {
        app.client
            .post(app.url("/api/v1/staff/session"))
            .json(&json!({ "name": "ada", "password": password }))
            .send()
    };
    let r = sign_in(PASSWORD).await.unwrap();
    assert_eq!(r.status(), 200);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    let session = cookie.split(';').next().unwrap().to_owned();
    let me = app
        .client
        .get(app.url("/api/v1/staff/me"))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200);
    assert_eq!(
        me.json::<Value>().await.unwrap(),
        json!({ "name": "ada", "role": "admin" })
    );

    let out = app
        .client
        .delete(app.url("/api/v1/staff/session"))
        .header("cookie", &session)
        .header("origin", app.url(""))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    let after = app
        .client
        .get(app.url("/api/v1/staff/me"))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 401, "the session ended");

    for _ in 0..5 {
        let r = sign_in("falsch").await.unwrap();
        assert_eq!(r.status(), 401);
    }
    let locked = sign_in(PASSWORD).await.unwrap();
    assert_eq!(locked.status(), 429);
    assert!(locked.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn staff_define_open_moderate_and_export_a_consultation() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ada", Role::Admin).await;
    let path = "/api/v1/staff/consultations/digital-2027";
    let (status, _) = call(
        &app,
        Method::PUT,
        path,
        Some(&admin),
        Some(demo_definition("digital-2027")),
    )
    .await;
    assert_eq!(status, 201);
    // A draft is not public yet.
    assert_eq!(app.get("/api/v1/consultations/digital-2027").await.0, 404);
    let (status, bad) = call(
        &app,
        Method::PUT,
        path,
        Some(&admin),
        Some(demo_definition("other")),
    )
    .await;
    assert_eq!(
        (status, bad["error"]["code"].as_str()),
        (422, Some("invalid_consultation"))
    );

    let (status, opened) = call(
        &app,
        Method::POST,
        &format!("{path}/status"),
        Some(&admin),
        Some(json!({ "status": "open" })),
    )
    .await;
    assert_eq!((status, opened["status"].as_str()), (200, Some("open")));
    let mut body = submission(&uuid(1), "citizens", &["once-only", "federal-it"], &ALL);
    body["positions"] = json!([{ "conflict": "central-vs-local", "position": 1, "comment": "=Mehr Freiraum bitte" }]);
    body["proposals"] = json!([{ "kind": "priority", "title": "Barrierefreiheit" }]);
    let (status, _) = app
        .post("/api/v1/consultations/digital-2027/responses", &body)
        .await;
    assert_eq!(status, 201);

    let proposals = staff_get(&app, &format!("{path}/proposals"), &admin).await;
    assert_eq!(proposals[0]["title"], "Barrierefreiheit");
    assert_eq!(proposals[0]["status"], "pending");
    let id = proposals[0]["id"].as_i64().unwrap();
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("{path}/proposals/{id}"),
        Some(&admin),
        Some(json!({ "decision": "approve" })),
    )
    .await;
    assert_eq!(status, 204);
    let proposals = staff_get(&app, &format!("{path}/proposals"), &admin).await;
    assert_eq!(proposals[0]["status"], "approved");

    let csv = staff_get(&app, &format!("{path}/export.csv"), &admin).await;
    let csv = csv.as_str().unwrap();
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let row: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = |name: &str| row[header.iter().position(|h| *h == name).unwrap()];
    assert_ne!(column("id"), uuid(1), "the export carries a public id");
    assert_eq!(column("id").len(), 36, "a UUID");
    assert_eq!(column("group"), "citizens");
    assert_eq!(column("ranking"), "once-only > federal-it");
    assert_eq!(column("rank:federal-it"), "2");
    assert_eq!(column("rank:digital-identity"), "");
    assert_eq!(column("position:central-vs-local"), "1");
    assert_eq!(column("comment:central-vs-local"), "'=Mehr Freiraum bitte");
    assert!(column("submitted_at").ends_with('Z'));

    let export = staff_get(&app, &format!("{path}/export.json"), &admin).await;
    assert_eq!(export["consultation"]["slug"], "digital-2027");
    assert_eq!(export["responses"][0]["response"]["group"], "citizens");
    assert_eq!(export["results"]["total"], 1);

    let list = staff_get(&app, "/api/v1/staff/consultations", &admin).await;
    let ours = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["slug"] == "digital-2027")
        .unwrap();
    assert_eq!(ours["responses"], 1);
}

#[tokio::test]
async fn the_staff_command_line_adds_lists_tokens_and_removes_members() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::database(&dir).await;
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_mitreden-server"))
            .args(["staff"])
            .args(args)
            .args(["--database", &db])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, out, _) = run(&["add", "anna", "--role", "admin"]);
    assert!(ok);
    assert!(out.contains("Password (shown only now): "), "{out}");
    let (ok, _, err) = run(&["add", "anna", "--role", "moderator"]);
    assert!(!ok);
    assert!(err.contains("already"), "{err}");
    let (_, list, _) = run(&["list"]);
    assert_eq!(list.trim(), "anna\tadmin");
    let (ok, token, _) = run(&["token", "anna"]);
    assert!(ok && token.contains("for anna, valid 90 days"), "{token}");
    let (ok, _, _) = run(&["remove", "anna"]);
    assert!(ok);
    let (_, list, _) = run(&["list"]);
    assert_eq!(list.trim(), "");
}

#[tokio::test]
async fn unpublished_results_stay_private_and_identical_comments_are_flagged() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ada", Role::Admin).await;
    let mut definition = demo_definition("quiet");
    definition["status"] = json!("open");
    definition["settings"]["results_after_submit"] = json!(false);
    definition["settings"]["publish_results"] = json!(false);
    let (status, _) = call(
        &app,
        Method::PUT,
        "/api/v1/staff/consultations/quiet",
        Some(&admin),
        Some(definition),
    )
    .await;
    assert_eq!(status, 201);
    for n in 0..3 {
        let mut body = submission(&uuid(n), "business", &["once-only"], &ALL);
        let text = if n < 2 {
            "Schneller werden!"
        } else {
            "<script>alert(1)</script> Sorgfalt"
        };
        body["positions"] =
            json!([{ "conflict": "quick-wins-vs-depth", "position": -2, "comment": text }]);
        assert_eq!(
            app.post("/api/v1/consultations/quiet/responses", &body)
                .await
                .0,
            201
        );
    }
    let (status, body) = app.get("/api/v1/consultations/quiet/results").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (403, Some("results_not_published"))
    );
    let page = app
        .client
        .get(app.url("/results/quiet"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 403);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("noch nicht veröffentlicht"));

    let comments = staff_get(&app, "/api/v1/staff/consultations/quiet/comments", &admin).await;
    let copies: Vec<u64> = comments
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["copies"].as_u64().unwrap())
        .collect();
    assert_eq!(
        copies,
        [2, 2, 1],
        "the same text twice is flagged as copies"
    );

    // Published, an approved comment with markup is shown as text, never as markup.
    let mut definition = demo_definition("quiet");
    definition["status"] = json!("open");
    definition["settings"]["publish_results"] = json!(true);
    call(
        &app,
        Method::PUT,
        "/api/v1/staff/consultations/quiet",
        Some(&admin),
        Some(definition),
    )
    .await;
    let id = comments[2]["id"].as_i64().unwrap();
    let path = format!("/api/v1/staff/consultations/quiet/comments/{id}");
    call(
        &app,
        Method::POST,
        &path,
        Some(&admin),
        Some(json!({ "decision": "approve" })),
    )
    .await;
    let html = app.page("/results/quiet").await;
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Sorgfalt"));
    assert!(!html.contains("<script>alert"));
    let (status, results) = app.get("/api/v1/consultations/quiet/results").await;
    assert_eq!((status, results["total"].as_u64()), (200, Some(3)));
}

#[tokio::test]
async fn statements_are_published_only_with_consent_and_the_timeline_counts_days() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ada", Role::Admin).await;
    let mut consenting = common::statement(&uuid(1));
    consenting["name"] = json!("Verband A");
    let mut private = common::statement(&uuid(2));
    private["name"] = json!("Verband B");
    private["publish"] = json!(false);
    for body in [&consenting, &private] {
        assert_eq!(
            app.post("/api/v1/consultations/demo/statements", body)
                .await
                .0,
            201
        );
    }
    let mark = |id: String, published: bool| {
        let path = format!("/api/v1/staff/consultations/demo/statements/{id}/publication");
        let app = &app;
        let admin = admin.clone();
        async move {
            call(
                app,
                Method::POST,
                &path,
                Some(&admin),
                Some(json!({ "published": published })),
            )
            .await
        }
    };
    // Staff know statements by their public ids, never by the ids their senders made.
    let listed = staff_get(&app, "/api/v1/staff/consultations/demo/statements", &admin).await;
    let public_id = |name: &str| {
        let s = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap();
        s["id"].as_str().unwrap().to_owned()
    };
    let (a, b) = (public_id("Verband A"), public_id("Verband B"));
    assert!(a != uuid(1) && b != uuid(2), "{listed}");
    assert_eq!(mark(uuid(1), true).await.0, 404, "not by the sender's id");
    // Read (and kept for other readers) before the publication, and right after: the page
    // never shows what was read before a staff change.
    assert!(!app.page("/results/demo").await.contains("Verband A"));
    assert_eq!(mark(a, true).await.0, 204);
    let (status, body) = mark(b, true).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("no_publication_consent"))
    );
    assert_eq!(mark(uuid(9), true).await.0, 404);

    let list = staff_get(&app, "/api/v1/staff/consultations/demo/statements", &admin).await;
    let marks: Vec<(String, bool)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_owned(),
                s["published"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        marks,
        [
            ("Verband A".to_owned(), true),
            ("Verband B".to_owned(), false)
        ]
    );
    let html = app.page("/results/demo").await;
    assert!(html.contains("Verband A"));
    assert!(
        html.contains("Weniger Doppelarbeit."),
        "the reasoning is published"
    );
    assert!(!html.contains("Verband B"));
    // The stances are counted over the published statement only: counts that took in B's
    // would give them away.
    assert!(
        html.contains("Eine veröffentlichte Stellungnahme"),
        "{html}"
    );
    assert!(
        html.contains(
            "<th scope=\"row\">Register, die nur einmal fragen</th><td class=\"res-n\">1</td>"
        ),
        "{html}"
    );

    app.submit(&submission(&uuid(3), "citizens", &ALL[..1], &ALL))
        .await;
    app.submit(&submission(&uuid(4), "citizens", &ALL[..2], &ALL))
        .await;
    let days = staff_get(&app, "/api/v1/staff/consultations/demo/timeline", &admin).await;
    assert_eq!(days.as_array().unwrap().len(), 1);
    assert_eq!(days[0]["responses"], 2);
    assert_eq!(days[0]["date"].as_str().unwrap().len(), 10);
}

#[tokio::test]
async fn every_allowed_origin_must_be_scheme_host_and_port() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ada", Role::Admin).await;
    let path = "/api/v1/staff/consultations/digital-2027";
    for bad in [
        "*",
        "https://*",
        "https://a.example\t",
        "https://a.example\0",
        "https://x.example/pfad",
    ] {
        let mut definition = demo_definition("digital-2027");
        definition["settings"]["allowed_origins"] = json!(["https://ok.example", bad]);
        let (status, body) = call(&app, Method::PUT, path, Some(&admin), Some(definition)).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (422, Some("invalid_consultation")),
            "{bad:?}"
        );
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains("allowed_origins"), "{message}");
        assert!(
            message.contains(&format!("'{bad}'")),
            "names the entry: {message}"
        );
    }
    let (status, _) = call(&app, Method::GET, path, Some(&admin), None).await;
    assert_eq!(status, 404, "nothing was stored");
    let mut definition = demo_definition("digital-2027");
    definition["settings"]["allowed_origins"] =
        json!(["HTTPS://WWW.BMDS.example/", "http://127.0.0.1:8081"]);
    let (status, _) = call(&app, Method::PUT, path, Some(&admin), Some(definition)).await;
    assert_eq!(status, 201);
    let stored = staff_get(&app, path, &admin).await;
    assert_eq!(
        stored["settings"]["allowed_origins"],
        json!(["https://www.bmds.example", "http://127.0.0.1:8081"]),
        "stored as browsers send them"
    );
}

#[tokio::test]
async fn a_path_value_that_does_not_parse_is_answered_in_the_json_error_format() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ada", Role::Admin).await;
    for (method, path) in [
        (
            Method::POST,
            "/api/v1/staff/consultations/demo/comments/abc",
        ),
        (
            Method::POST,
            "/api/v1/staff/consultations/demo/proposals/1.5/adopt",
        ),
        (
            Method::POST,
            "/api/v1/staff/consultations/demo/proposals/-x",
        ),
    ] {
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .bearer_auth(&admin)
            .json(&json!({ "decision": "approve" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{method} {path}");
        let kind = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(kind.starts_with("application/json"), "{kind}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "not_found", "{method} {path}");
    }
}
