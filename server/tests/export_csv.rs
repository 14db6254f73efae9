//! The CSV export is safe to open in a spreadsheet however it splits the lines: with commas
//! (the file's separator) or with semicolons (German spreadsheets' default), minding quotes or
//! not, no cell of participants' text begins with a formula.

mod common;

use common::{member, staff_get, submission, uuid, TestApp, ALL};
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
