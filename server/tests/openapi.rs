//! The OpenAPI document stays true: it lists exactly the routes the router serves.

mod common;

use std::collections::BTreeSet;

use common::TestApp;
use mitreden_server::http::openapi::documented_routes;
use reqwest::Method;
use serde_json::Value;

/// `(method, path)` of every `.route("…", get(…).post(…))` in a router source file.
fn routes_in(source: &str, prefix: &str) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    let chunks: Vec<&str> = source.split(".route(").skip(1).collect();
    for chunk in chunks {
        let chunk = chunk.trim_start();
        let Some(rest) = chunk.strip_prefix('"') else {
            continue;
        };
        let (path, rest) = rest.split_once('"').unwrap();
        // The method router ends where the `.route(` call closes: track the parentheses.
        let mut depth = 1;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let router = &rest[..end];
        for method in ["get", "post", "put", "delete", "patch"] {
            let bare = router
                .trim_start_matches([',', ' ', '\n'])
                .starts_with(&format!("{method}("));
            if bare || router.contains(&format!(".{method}(")) {
                found.insert((method.to_owned(), format!("{prefix}{path}")));
            }
        }
    }
    found
}

fn served() -> BTreeSet<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |f: &str| std::fs::read_to_string(format!("{root}/src/{f}")).unwrap();
    let mut all = routes_in(&read("http/api/mod.rs"), "/api/v1");
    all.extend(routes_in(&read("http/staff_api/mod.rs"), "/api/v1/staff"));
    all
}

#[test]
fn the_document_lists_exactly_the_routes_the_router_serves() {
    let documented: BTreeSet<(String, String)> = documented_routes().into_iter().collect();
    let served = served();
    assert!(
        served.len() >= 20,
        "the route scan found too little: {served:?}"
    );
    let undocumented: Vec<_> = served.difference(&documented).collect();
    let unserved: Vec<_> = documented.difference(&served).collect();
    assert!(
        undocumented.is_empty(),
        "served but not documented: {undocumented:?}"
    );
    assert!(
        unserved.is_empty(),
        "documented but not served: {unserved:?}"
    );
}

#[tokio::test]
async fn every_documented_route_answers_and_the_document_is_served() {
    let app = TestApp::spawn().await;
    let (status, doc) = app.get("/api/v1/openapi.json").await;
    assert_eq!(status, 200);
    assert_eq!(doc["openapi"], "3.0.3");
    assert!(
        doc["components"]["schemas"]["ResponseSubmission"]["properties"]["ranking"].is_object()
    );
    assert!(doc["components"]["schemas"]["Error"].is_object());
    for (method, path) in documented_routes() {
        assert!(
            doc["paths"][&path][&method].is_object(),
            "{method} {path} in the document"
        );
        let url = app.url(&path.replace("{slug}", "demo").replace("{id}", "1"));
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let response = app
            .client
            .request(method.clone(), url)
            .send()
            .await
            .unwrap();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        let code = body["error"]["code"].as_str().unwrap_or("");
        assert!(
            code != "not_found" && code != "method_not_allowed",
            "{method} {path} is not served: {code}"
        );
    }
}

#[test]
fn texts_in_languages_are_closed_to_other_keys_as_the_server_reads_them() {
    let doc = mitreden_server::http::openapi::document();
    let text = &doc["components"]["schemas"]["LocalizedText"];
    assert_eq!(text["additionalProperties"], false, "{text}");
    for lang in ["de", "en"] {
        assert_eq!(text["properties"][lang]["type"], "string", "{text}");
    }
    // Titles, descriptions and outcome texts use it.
    let document = doc.to_string();
    assert!(
        document
            .matches("#/components/schemas/LocalizedText")
            .count()
            > 3
    );
    // What the server does with another key: the document's promise holds.
    let other: Result<mitreden_core::LocalizedText, _> =
        serde_json::from_str(r#"{"de":"Hallo","fr":"Bonjour"}"#);
    assert!(other.is_err());
}

#[test]
fn the_csv_import_states_its_required_header() {
    let doc = mitreden_server::http::openapi::document();
    let body = &doc["paths"]["/api/v1/staff/consultations/{slug}/indicator-values"]["post"]
        ["requestBody"]["content"]["text/csv"]["schema"];
    let said = body["description"].as_str().unwrap();
    assert!(said.contains("header") && said.contains("priority, indicator, date and value"));
    assert!(body["example"]
        .as_str()
        .unwrap()
        .starts_with("priority,indicator,date,value\n"));
}

#[test]
fn the_results_document_their_findings_and_the_common_ground_beside_the_consensus() {
    let doc = mitreden_server::http::openapi::document();
    let schemas = &doc["components"]["schemas"];
    assert!(schemas["Results"]["properties"]["findings"].is_object());
    let agreement = &schemas["Agreement"]["properties"];
    assert!(agreement["consensus"].is_object() && agreement["common_ground"].is_object());
    assert!(agreement["divisive"].is_object() && agreement["divergent"].is_object());
    let finding = schemas["Finding"].to_string();
    for kind in [
        "lead",
        "split",
        "conflict",
        "weighting",
        "common_ground",
        "small_groups",
    ] {
        assert!(
            finding.contains(&format!("\"{kind}\"")),
            "{kind}: {finding}"
        );
    }
    for field in ["p_value", "budget", "contenders", "runner_up", "flips"] {
        assert!(finding.contains(field), "{field}: {finding}");
    }
    let line = &schemas["RankedPriority"]["properties"];
    assert!(line["borda_se"].is_object() && line["rank_interval"].is_object());
}
