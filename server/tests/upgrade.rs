//! Safe upgrades: a database written by an earlier release opens with this one, and every
//! response, statement, moderation decision, setting and token is intact.
//!
//! The fixture (tests/fixtures/upgrade/) was written by the release at commit 35ca65b
//! (schema 0008, before public ids, token expiry, saved tallies and published outcomes):
//! `scripts/upgrade-fixture.py` ran that release's server, stored and withdrew responses,
//! handed in statements and moderated, and kept what it answered. This test loads the
//! database, starts the current server on it (which migrates it) and asks it the same.

mod common;

use common::{counts, on_postgres, start_binary, Running};
use reqwest::Client;
use serde_json::Value;
use sqlx::Connection;

const SQLITE: (&str, &str) = (
    include_str!("fixtures/upgrade/sqlite.sql"),
    include_str!("fixtures/upgrade/sqlite.json"),
);
const POSTGRES: (&str, &str) = (
    include_str!("fixtures/upgrade/postgres.sql"),
    include_str!("fixtures/upgrade/postgres.json"),
);

/// Everything in `old` is in `new` with the same value; `new` may have more fields.
fn assert_kept(old: &Value, new: &Value, path: &str) {
    match (old, new) {
        (Value::Object(old), Value::Object(new)) => {
            for (key, value) in old {
                let there = new
                    .get(key)
                    .unwrap_or_else(|| panic!("{path}.{key} is gone"));
                assert_kept(value, there, &format!("{path}.{key}"));
            }
        }
        (Value::Array(old), Value::Array(new)) => {
            assert_eq!(old.len(), new.len(), "{path}: length");
            for (i, (o, n)) in old.iter().zip(new).enumerate() {
                assert_kept(o, n, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(old, new, "{path}"),
    }
}

async fn get(http: &Client, url: String, authorization: &str) -> (u16, Value) {
    let answer = http
        .get(url)
        .header("authorization", authorization)
        .send()
        .await
        .unwrap();
    let status = answer.status().as_u16();
    (status, answer.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_of_an_earlier_release_keeps_everything_after_the_upgrade() {
    let (sql, expected) = if on_postgres() { POSTGRES } else { SQLITE };
    let expected: Value = serde_json::from_str(expected).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    sqlx::any::install_default_drivers();
    let url = if on_postgres() {
        database.clone()
    } else {
        format!("sqlite://{database}?mode=rwc")
    };
    let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
    if !on_postgres() {
        // A dump lists tables by name, not by what refers to what (as sqlite3's .dump).
        sqlx::raw_sql("PRAGMA foreign_keys = OFF")
            .execute(&mut conn)
            .await
            .unwrap();
    }
    sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();

    let (server, base) = start_binary(&database, &["--rate-limit", "0"]);
    let _server = Running(server);
    let http = Client::new();
    let token = format!("Bearer {}", expected["token"].as_str().unwrap());

    // The staff member's token from before still signs in.
    let (status, me) = get(&http, format!("{base}/api/v1/staff/me"), &token).await;
    assert_eq!((status, me["name"].as_str()), (200, Some("ada")));

    // Every response kept is there with its ranking; the withdrawn ones stay withdrawn.
    for kept in expected["responses"].as_array().unwrap() {
        let slug = kept["consultation"].as_str().unwrap();
        let receipt = format!("Receipt {}", kept["receipt"].as_str().unwrap());
        let (status, stored) = get(
            &http,
            format!("{base}/api/v1/consultations/{slug}/responses/mine"),
            &receipt,
        )
        .await;
        assert_eq!(status, 200, "{kept}");
        assert_eq!(stored["ranking"], kept["ranking"], "{kept}");
    }
    for gone in expected["withdrawn"].as_array().unwrap() {
        let slug = gone["consultation"].as_str().unwrap();
        let receipt = format!("Receipt {}", gone["receipt"].as_str().unwrap());
        let url = format!("{base}/api/v1/consultations/{slug}/responses/mine");
        assert_eq!(get(&http, url, &receipt).await.0, 404, "{gone}");
    }
    for statement in expected["statements"].as_array().unwrap() {
        let receipt = format!("Receipt {}", statement["receipt"].as_str().unwrap());
        let url = format!("{base}/api/v1/consultations/demo/statements/mine");
        let (status, stored) = get(&http, url, &receipt).await;
        assert_eq!((status, &stored["name"]), (200, &statement["name"]));
    }

    for slug in ["demo", "altes-verfahren"] {
        // Definitions and settings as they were (later releases may add fields).
        let (status, definition) = get(
            &http,
            format!("{base}/api/v1/staff/consultations/{slug}"),
            &token,
        )
        .await;
        assert_eq!(status, 200);
        assert_kept(&expected["definitions"][slug], &definition, slug);
        // Counted alike.
        let (status, results) = get(
            &http,
            format!("{base}/api/v1/staff/consultations/{slug}/results"),
            &token,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(
            counts(&results),
            counts(&expected["results"][slug]),
            "{slug}"
        );
    }

    // Moderation decisions kept: comments with their status, statements with publication
    // (by name: the staff API names statements by their public id since schema 0009).
    let (_, comments) = get(
        &http,
        format!("{base}/api/v1/staff/consultations/demo/comments"),
        &token,
    )
    .await;
    assert_kept(&expected["comments"], &comments, "comments");
    let (_, statements) = get(
        &http,
        format!("{base}/api/v1/staff/consultations/demo/statements"),
        &token,
    )
    .await;
    let by_name = |list: &Value| -> Vec<Value> {
        let list = list.get("statements").unwrap_or(list);
        let mut all: Vec<Value> = list.as_array().unwrap().clone();
        for s in &mut all {
            s.as_object_mut().unwrap().remove("id");
        }
        all.sort_by_key(|s| s["name"].to_string());
        all
    };
    assert_kept(
        &Value::Array(by_name(&expected["statements_listed"])),
        &Value::Array(by_name(&statements)),
        "statements",
    );
}
