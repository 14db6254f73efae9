//! The CSV export is safe to open in a spreadsheet however it splits the lines: with commas
//! (the file's separator) or with semicolons (German spreadsheets' default), minding quotes or
//! not, no cell of participants' text begins with a formula.

mod common;

use std::collections::HashSet;

use common::{member, staff_get, submission, submit_many, uuid, TestApp, ALL};
use mitreden_server::guard::rate_limit::RateLimit;
use mitreden_server::staff::Role;
use serde_json::json;

#[tokio::test]
async fn no_cell_starts_a_formula_whether_split_on_commas_or_semicolons() {
    let app = TestApp::spawn().await;
    let token = member(&app, "ada", Role::Moderator).await;
    let attacks = [
        "Hinweis;=cmd|' /C calc'!A0",
        "Hinweis,=HYPERLINK(\"https://evil.example\")",
        "erst; +1, dann; @SUM(A1)",
        "Zeile\n-2+3",
        "\"quoted\";=1+1",
        "x;\"=HYPERLINK(\"https://evil.example\")",
        "Spalte\t=1+1",
    ];
    for (n, comment) in attacks.iter().enumerate() {
        let mut body = submission(&uuid(n as u32), "citizens", &ALL[..2], &ALL);
        body["positions"] =
            json!([{ "conflict": "central-vs-local", "position": -1, "comment": comment }]);
        let (status, answer) = app.submit(&body).await;
        assert_eq!(status, 201, "{answer}");
    }
    let csv = staff_get(&app, "/api/v1/staff/consultations/demo/export.csv", &token).await;
    let csv = csv.as_str().unwrap();
    let number = |cell: &str| cell.trim_matches('"').parse::<f64>().is_ok();
    for separators in [&[','][..], &[';'][..], &['\t'][..], &[',', ';'][..]] {
        for line in csv.split(['\n', '\r']) {
            for cell in line.split(separators) {
                let unquoted = cell.trim_start().trim_start_matches('"').trim_start();
                for cell in [
                    cell,
                    cell.trim_start_matches('"'),
                    cell.trim_start(),
                    unquoted,
                ] {
                    let formula = cell.starts_with(['=', '+', '-', '@', '\t']);
                    assert!(
                        !formula || number(cell),
                        "cell {cell:?} (split on {separators:?}) of line {line:?}"
                    );
                }
            }
        }
    }
    assert!(
        csv.contains("Hinweis;'=cmd"),
        "the text itself is kept: {csv}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_of_many_pages_have_every_response_once_in_the_order_they_arrived() {
    let app = TestApp::spawn_limited(RateLimit {
        per_minute: 0,
        ..RateLimit::default()
    })
    .await;
    let token = member(&app, "ada", Role::Moderator).await;
    // More than two pages of 1,000.
    let total = 2_005u32;
    submit_many(&app, total, |n| {
        submission(&uuid(n), "citizens", &ALL[..1 + n as usize % 8], &ALL)
    })
    .await;
    let path = "/api/v1/staff/consultations/demo";
    let csv = staff_get(&app, &format!("{path}/export.csv"), &token).await;
    let lines: Vec<&str> = csv.as_str().unwrap().lines().skip(1).collect();
    let ids: HashSet<&str> = lines.iter().map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!((lines.len(), ids.len()), (total as usize, total as usize));
    let times: Vec<&str> = lines.iter().map(|l| l.split(',').nth(1).unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "in arrival order");

    let json = staff_get(&app, &format!("{path}/export.json"), &token).await;
    let responses = json["responses"].as_array().unwrap();
    let json_ids: HashSet<&str> = responses
        .iter()
        .map(|r| r["response"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(json_ids, ids, "the same responses in both");
    assert_eq!(json["results"]["total"], total);
    assert!(json["consultation"]["priorities"].is_array());
}
