//! The JSON API over HTTP, against a real SQLite file.

mod common;

use common::{submission, uuid, TestApp, ALL};
use mitreden_core::Consultation;
use serde_json::{json, Value};

fn borda_of(ranking: &Value, priority: &str) -> i64 {
    ranking
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["priority"] == priority)
        .unwrap()["borda"]
        .as_i64()
        .unwrap()
}

#[tokio::test]
async fn consultation_is_served_with_texts_in_german_and_english() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/api/v1/consultations/demo").await;
    assert_eq!(status, 200);
    assert_eq!(body["slug"], "demo");
    assert!(body["title"]["de"]
        .as_str()
        .unwrap()
        .contains("Digitalministerium"));
    assert!(body["title"]["en"].is_string());
    assert_eq!(body["groups"].as_array().unwrap().len(), 5);
    assert_eq!(body["groups"][0]["id"], "citizens");
    assert_eq!(body["priorities"].as_array().unwrap().len(), ALL.len());
    assert!(body["priorities"][0]["description"]["en"].is_string());
    let conflict = &body["conflicts"][0];
    assert!(conflict["left"]["de"].is_string() && conflict["right"]["en"].is_string());
    assert_eq!(body["settings"]["partial_ranking"], true);
}

#[tokio::test]
async fn unknown_consultation_is_a_404_with_a_code() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/api/v1/consultations/nope").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "consultation_not_found");
    let (status, body) = app
        .post(
            "/api/v1/consultations/nope/responses",
            &submission(&uuid(1), "citizens", &ALL[..1], &ALL),
        )
        .await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "consultation_not_found");
}

#[tokio::test]
async fn submission_is_acknowledged_with_a_receipt_and_counted_per_group() {
    let app = TestApp::spawn().await;
    let (status, body) = app
        .submit(&submission(
            &uuid(1),
            "academia",
            &["impact-steering", "once-only"],
            &ALL,
        ))
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["id"], uuid(1));
    assert_eq!(body["receipt"].as_str().unwrap().len(), 19);

    let results = app.results().await;
    assert_eq!(results["total"], 1);
    assert_eq!(results["overall"]["responses"], 1);
    assert_eq!(results["groups"]["academia"]["responses"], 1);
    assert_eq!(results["groups"]["citizens"]["responses"], 0);
    let ranking = &results["groups"]["academia"]["ranking"];
    // First place beats 7 others; second beats 6 and loses to 1; the 6 unranked tie below.
    assert_eq!(ranking[0]["priority"], "impact-steering");
    assert_eq!(ranking[0]["rank"], 1);
    assert_eq!(borda_of(ranking, "impact-steering"), 7);
    assert_eq!(borda_of(ranking, "once-only"), 5);
    assert_eq!(borda_of(ranking, "federal-it"), -2);
    assert_eq!(ranking[2]["rank"], 3);
    assert_eq!(ranking[7]["rank"], 3);
    assert_eq!(results["overall"]["schulze"][0], "impact-steering");
}

#[tokio::test]
async fn priorities_not_shown_count_neither_way() {
    let app = TestApp::spawn().await;
    let shown = &ALL[..3];
    let (status, _) = app
        .submit(&submission(&uuid(1), "business", &["once-only"], shown))
        .await;
    assert_eq!(status, 201);
    let ranking = &app.results().await["overall"]["ranking"];
    assert_eq!(borda_of(ranking, "once-only"), 2);
    assert_eq!(borda_of(ranking, "digital-identity"), -1);
    assert_eq!(borda_of(ranking, "visible-progress"), 0);
}

#[tokio::test]
async fn replayed_submission_is_stored_once_with_the_same_receipt() {
    let app = TestApp::spawn().await;
    let body = submission(&uuid(7), "citizens", &["once-only"], &ALL);
    let (first, a) = app.submit(&body).await;
    let (second, b) = app.submit(&body).await;
    assert_eq!(first, 201);
    assert_eq!(second, 200);
    assert_eq!(a, b);
    // The same response with `shown` in another order is still the same response.
    let mut reordered: Vec<&str> = ALL.to_vec();
    reordered.reverse();
    let (third, c) = app
        .submit(&submission(
            &uuid(7),
            "citizens",
            &["once-only"],
            &reordered,
        ))
        .await;
    assert_eq!(third, 200);
    assert_eq!(a, c);
    assert_eq!(app.results().await["total"], 1);
}

#[tokio::test]
async fn same_id_with_a_different_body_is_a_conflict_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (status, _) = app
        .submit(&submission(&uuid(8), "citizens", &["once-only"], &ALL))
        .await;
    assert_eq!(status, 201);
    let before = app.settled_results().await;
    let (status, body) = app
        .submit(&submission(&uuid(8), "business", &["federal-it"], &ALL))
        .await;
    assert_eq!(status, 409);
    assert_eq!(body["error"]["code"], "id_conflict");
    assert_eq!(app.settled_results().await, before);
}

#[tokio::test]
async fn every_malformed_submission_gets_its_own_code_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let id = uuid(9);
    let cases: Vec<(Value, u16, &str)> = vec![
        (
            submission(&id, "aliens", &ALL[..1], &ALL),
            422,
            "unknown_group",
        ),
        (
            submission(&id, "citizens", &["no-such-goal"], &ALL),
            422,
            "unknown_priority",
        ),
        (
            submission(&id, "citizens", &["once-only", "once-only"], &ALL),
            422,
            "duplicate_in_ranking",
        ),
        (
            submission(&id, "citizens", &["visible-progress"], &ALL[..2]),
            422,
            "ranked_not_shown",
        ),
        (
            submission("12345", "citizens", &ALL[..1], &ALL),
            422,
            "invalid_response_id",
        ),
        (submission(&id, "citizens", &[], &ALL), 422, "empty_ranking"),
        (
            json!({ "id": id, "group": "citizens", "ranking": ALL, "shown": ALL, "lang": "fr" }),
            422,
            "unsupported_language",
        ),
        (
            json!({ "id": id, "group": "citizens" }),
            422,
            "invalid_body",
        ),
        (
            json!({ "id": id, "group": "citizens", "ranking": "once-only", "shown": ALL, "lang": "de" }),
            422,
            "invalid_body",
        ),
        (
            json!({ "id": id, "group": "citizens", "ranking": ALL, "shown": ALL, "lang": "de", "ip": "1.2.3.4" }),
            422,
            "invalid_body",
        ),
        (
            with_positions(
                &id,
                json!([{ "conflict": "no-such-conflict", "position": 0 }]),
            ),
            422,
            "unknown_conflict",
        ),
        (
            with_positions(
                &id,
                json!([{ "conflict": "central-vs-local", "position": 3 }]),
            ),
            422,
            "position_out_of_range",
        ),
        (
            with_positions(
                &id,
                json!([
                    { "conflict": "central-vs-local", "position": 1 },
                    { "conflict": "central-vs-local", "position": null }
                ]),
            ),
            422,
            "duplicate_conflict",
        ),
        (
            with_positions(
                &id,
                json!([{ "conflict": "central-vs-local", "position": 1, "comment": "x".repeat(1001) }]),
            ),
            422,
            "text_too_long",
        ),
    ];
    for (body, status, code) in cases {
        let (got, answer) = app.submit(&body).await;
        assert_eq!(
            (got, answer["error"]["code"].as_str()),
            (status, Some(code)),
            "{body}"
        );
        let message = answer["error"]["message"].as_str().unwrap();
        assert!(
            message.len() > 10,
            "message for {code} should explain: {message}"
        );
    }

    let url = app.url("/api/v1/consultations/demo/responses");
    let raw = |body: String, content_type: &'static str| {
        app.client
            .post(&url)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let r = raw("{\"id\": ".into(), "application/json").await.unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "invalid_json"
    );
    let valid = submission(&id, "citizens", &ALL[..1], &ALL).to_string();
    let r = raw(valid, "text/plain").await.unwrap();
    assert_eq!(r.status(), 415);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "unsupported_media_type"
    );
    let huge = format!(
        "{{\"id\":\"{id}\",\"group\":\"citizens\",\"ranking\":[],\"shown\":[],\"lang\":\"{}\"}}",
        "x".repeat(70 * 1024)
    );
    let r = raw(huge, "application/json").await.unwrap();
    assert_eq!(r.status(), 413);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "payload_too_large"
    );

    assert_eq!(app.results().await["total"], 0);
    assert!(app.state.db.responses("demo").await.unwrap().is_empty());
}

fn with_positions(id: &str, positions: Value) -> Value {
    let mut body = submission(id, "citizens", &ALL[..1], &ALL);
    body["positions"] = positions;
    body
}

#[tokio::test]
async fn results_show_uncertainty_agreement_and_how_conflicts_split_the_groups() {
    let app = TestApp::spawn().await;
    let mut n = 0;
    for (group, first, position) in [("citizens", 0, -2), ("business", 4, 2)] {
        for _ in 0..6 {
            let mut order: Vec<&str> = ALL.to_vec();
            order.rotate_left(first);
            let mut body = submission(&uuid(n), group, &order[..3], &ALL);
            body["positions"] = json!([
                { "conflict": "quick-wins-vs-depth", "position": position, "comment": "Weil es wichtig ist." },
                { "conflict": "central-vs-local", "position": null }
            ]);
            assert_eq!(app.submit(&body).await.0, 201);
            n += 1;
        }
    }
    let results = app.settled_results().await;
    assert_eq!(results["total"], 12);
    assert_eq!(results["min_group_size"], 10);
    let citizens = &results["groups"]["citizens"];
    assert_eq!(citizens["too_small"], true);
    assert_eq!(citizens["ranking"][0]["priority"], "digital-identity");
    // Six people agreeing are no proof yet (their group is under the minimum anyway): the
    // first place is certain only as a possibility.
    assert_eq!(citizens["ranking"][0]["rank_interval"], json!([1, 8]));
    assert_eq!(citizens["ranking"][0]["top_k_probability"], 1.0);
    assert_eq!(citizens["condorcet_winner"], "digital-identity");
    assert_eq!(results["overall"]["too_small"], false);
    assert!(results["overall"]["ranking"][0]["mean_rank"].is_number());
    assert!(results["equal_weight"]["ranking"].is_array());

    let agreement = &results["agreement"];
    assert_eq!(agreement["groups"], json!(["citizens", "business"]));
    let tau = agreement["kendall_tau_b"][0][1].as_f64().unwrap();
    assert!(tau < 1.0, "different orders: {tau}");
    assert_eq!(agreement["kendall_tau_b"][0][0], 1.0);

    let conflict = &results["conflicts"][0];
    assert_eq!(conflict["conflict"], "quick-wins-vs-depth");
    assert_eq!(conflict["scale"], 5);
    assert_eq!(conflict["overall"]["histogram"], json!([6, 0, 0, 0, 6]));
    assert_eq!(conflict["overall"]["comments"], 12);
    assert_eq!(conflict["groups"]["citizens"]["median"], -2.0);
    assert_eq!(conflict["groups"]["business"]["median"], 2.0);
    assert_eq!(results["conflicts"][1]["overall"]["no_view"], 12);
}

#[tokio::test]
async fn full_rankings_are_required_where_partial_ones_are_not_allowed() {
    let mut strict: Consultation = mitreden_server::seed::demo();
    strict.slug = mitreden_core::Slug::parse("strict").unwrap();
    strict.settings.partial_ranking = false;
    let app = TestApp::spawn_with(&[strict]).await;
    let path = "/api/v1/consultations/strict/responses";
    let (status, body) = app
        .post(path, &submission(&uuid(1), "citizens", &ALL[..2], &ALL))
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["error"]["code"], "partial_ranking_not_allowed");
    let (status, _) = app
        .post(path, &submission(&uuid(1), "citizens", &ALL, &ALL))
        .await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_in_the_error_format() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/api/v1/nothing-here").await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "not_found");
    let r = app
        .client
        .delete(app.url("/api/v1/consultations/demo"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"]["code"],
        "method_not_allowed"
    );
}

#[tokio::test]
async fn running_tally_equals_a_full_recount_and_survives_a_restart() {
    let app = TestApp::spawn().await;
    let groups = ["citizens", "civil-society", "academia", "business"];
    for n in 0..24u32 {
        let rotate = n as usize % ALL.len();
        let mut order: Vec<&str> = ALL.to_vec();
        order.rotate_left(rotate);
        let ranked = &order[..1 + n as usize % 5];
        let mut body = submission(&uuid(n), groups[n as usize % 4], ranked, &ALL);
        body["positions"] =
            json!([{ "conflict": "standards-vs-agility", "position": i64::from(n % 5) - 2 }]);
        let (status, _) = app.submit(&body).await;
        assert_eq!(status, 201);
    }
    let live = app.state.counts.consultation("demo").unwrap();
    let stored = app.state.db.responses("demo").await.unwrap();
    assert_eq!(
        live.tally(),
        mitreden_core::Tally::recount(&live.consultation, &stored)
    );

    let before = app.settled_results().await;
    assert_eq!(before["total"], 24);
    let recounted = mitreden_core::Results::compute(
        &live.consultation,
        &mitreden_core::Tally::recount(&live.consultation, &stored),
        &mitreden_core::results::ResultsOptions::default(),
    );
    let mut counted = before.clone();
    counted.as_object_mut().unwrap().remove("organisations");
    // Through the same wire format as the served figures (parsing a float may round its
    // last bit).
    let recounted: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&recounted).unwrap()).unwrap();
    assert_eq!(counted, recounted);
    let restarted = app.restart().await;
    assert_eq!(restarted.settled_results().await, before);
}

#[tokio::test]
async fn widget_files_go_out_precompressed_to_browsers_that_accept_it() {
    let app = TestApp::spawn().await;
    let dir = app.dir.path().join("dist/0123456789abcdef");
    std::fs::create_dir_all(&dir).unwrap();
    let script = "console.log('mitreden');\n".repeat(40);
    std::fs::write(dir.join("w.js"), &script).unwrap();
    // What the build writes beside it; the server only chooses, so any bytes will do.
    std::fs::write(dir.join("w.js.br"), b"brotli bytes").unwrap();
    std::fs::write(dir.join("w.js.gz"), b"gzip bytes").unwrap();
    let url = app.url("/widget/0123456789abcdef/w.js");
    for (accepts, encoding, body) in [
        (Some("gzip, deflate, br"), Some("br"), "brotli bytes"),
        (Some("gzip"), Some("gzip"), "gzip bytes"),
        (None, None, script.as_str()),
    ] {
        let mut request = app.client.get(&url);
        if let Some(accepts) = accepts {
            request = request.header("accept-encoding", accepts);
        }
        let r = request.send().await.unwrap();
        assert_eq!(r.status(), 200);
        let header = |name: &str| {
            r.headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        assert_eq!(
            header("content-encoding").as_deref(),
            encoding,
            "{accepts:?}"
        );
        assert!(header("content-type")
            .unwrap()
            .starts_with("text/javascript"));
        assert_eq!(header("vary").as_deref(), Some("accept-encoding"));
        assert_eq!(r.text().await.unwrap(), body);
    }
}

#[tokio::test]
async fn bundle_files_named_by_their_content_are_kept_a_year_the_rest_revalidated() {
    let app = TestApp::spawn().await;
    let hashed = app.dir.path().join("dist/0123456789abcdef");
    std::fs::create_dir_all(&hashed).unwrap();
    std::fs::write(hashed.join("w.js"), "console.log(1);").unwrap();
    std::fs::write(app.dir.path().join("dist/current"), "0123456789abcdef").unwrap();
    let build = app.state.settings.dashboard_dir.join("fedcba9876543210");
    std::fs::create_dir_all(&build).unwrap();
    let dashboard = build.join("boot.js");
    std::fs::write(&dashboard, "console.log(2);").unwrap();
    let year = "public, max-age=31536000, immutable";
    for (path, status, policy) in [
        ("/widget/0123456789abcdef/w.js", 200, year),
        ("/staff-assets/fedcba9876543210/boot.js", 200, year),
        ("/widget/current", 200, "no-cache"),
        // Not there (yet): a browser must ask again.
        ("/widget/0123456789abcdef/missing.js", 404, "no-cache"),
    ] {
        let r = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), status, "{path}");
        assert_eq!(r.headers()["cache-control"], policy, "{path}");
    }
    // Asked again with the date it has, a browser hears "unchanged" with the same policy.
    let url = app.url("/widget/0123456789abcdef/w.js");
    let first = app.client.get(&url).send().await.unwrap();
    let modified = first.headers()["last-modified"].clone();
    let again = app
        .client
        .get(&url)
        .header("if-modified-since", modified)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["cache-control"], year);
}

/// `path` as sent to a client that accepts nothing, and decoded from what is sent to one that
/// accepts brotli, which must be compressed and smaller.
async fn plain_and_unpacked(app: &TestApp, path: &str) -> (Vec<u8>, Vec<u8>) {
    let plain = app.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(plain.status(), 200, "{path}");
    assert_eq!(plain.headers().get("content-encoding"), None, "{path}");
    let plain = plain.bytes().await.unwrap().to_vec();
    let packed = app
        .client
        .get(app.url(path))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(packed.status(), 200, "{path}");
    assert_eq!(packed.headers()["content-encoding"], "br", "{path}");
    // (Pages in the browser's language vary by that too, in a header of its own.)
    let varies: Vec<_> = packed.headers().get_all("vary").iter().collect();
    assert!(
        varies.iter().any(|v| *v == "accept-encoding"),
        "{path}: {varies:?}"
    );
    let packed = packed.bytes().await.unwrap();
    assert!(
        packed.len() < plain.len(),
        "{path}: {} ≥ {}",
        packed.len(),
        plain.len()
    );
    let mut unpacked = Vec::new();
    brotli::BrotliDecompress(&mut &packed[..], &mut unpacked).unwrap();
    (plain, unpacked)
}

#[tokio::test]
async fn the_loader_and_the_pages_are_compressed_for_browsers_that_accept_it() {
    let app = TestApp::spawn().await;
    for path in ["/embed.js", "/results/demo", "/datenschutz"] {
        let (plain, unpacked) = plain_and_unpacked(&app, path).await;
        assert_eq!(unpacked, plain, "{path}");
    }
}

#[tokio::test]
async fn public_reads_are_compressed_but_nothing_that_can_hold_a_receipt() {
    let app = TestApp::spawn().await;
    // The same results in both reads: none computed in the background in between.
    app.settled_public_results().await;
    for path in [
        "/api/v1/consultations/demo",
        "/api/v1/consultations/demo/results",
        "/api/v1/openapi.json",
    ] {
        let (plain, unpacked) = plain_and_unpacked(&app, path).await;
        let json: Value = serde_json::from_slice(&unpacked).unwrap();
        assert_eq!(json, serde_json::from_slice::<Value>(&plain).unwrap());
    }

    // The acknowledgement carries the receipt; viewing by receipt returns what was sent.
    let ack = app
        .client
        .post(app.url("/api/v1/consultations/demo/responses"))
        .header("accept-encoding", "br")
        .json(&submission(&uuid(1), "academia", &["once-only"], &ALL))
        .send()
        .await
        .unwrap();
    assert_eq!(ack.status(), 201);
    assert_eq!(ack.headers().get("content-encoding"), None);
    let receipt = ack.json::<Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut found = Vec::new();
    for kind in ["responses", "submissions"] {
        let mine = app
            .client
            .get(app.url(&format!("/api/v1/consultations/demo/{kind}/mine")))
            .header("accept-encoding", "br")
            .header("authorization", format!("Receipt {receipt}"))
            .send()
            .await
            .unwrap();
        assert_eq!(mine.status(), 200, "{kind}");
        assert_eq!(mine.headers().get("content-encoding"), None, "{kind}");
        found.push(mine.json::<Value>().await.unwrap());
    }
    // Asked for without its kind, the response comes tagged as one.
    assert_eq!(found[1]["response"], found[0]);
    assert_eq!(found[0]["group"], "academia");

    // The scheme's name is read in any case; without a receipt, the answer names the scheme.
    let mine = app.url("/api/v1/consultations/demo/submissions/mine");
    let lower = app
        .client
        .get(&mine)
        .header("authorization", format!("receipt {receipt}"))
        .send()
        .await
        .unwrap();
    assert_eq!(lower.status(), 200);
    let without = app.client.get(&mine).send().await.unwrap();
    assert_eq!(without.status(), 401);
    assert_eq!(without.headers()["www-authenticate"], "Receipt");
}

#[tokio::test]
async fn the_icon_browsers_ask_for_is_no_content_not_an_error() {
    let app = TestApp::spawn().await;
    let r = app
        .client
        .get(app.url("/favicon.ico"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert!(r.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn embed_script_is_served_as_javascript() {
    let app = TestApp::spawn().await;
    let r = app.client.get(app.url("/embed.js")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    assert!(r.text().await.unwrap().contains("mitreden:height"));
}
