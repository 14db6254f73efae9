//! Deciding many comments at once: every copy of a text, or a selection; all or none.

mod common;

use common::{call, member, staff_get, submission, uuid, TestApp, ALL};
use mitreden_server::staff::Role;
use reqwest::Method;
use serde_json::{json, Value};

const COMMENTS: &str = "/api/v1/staff/consultations/demo/comments";
const DECISIONS: &str = "/api/v1/staff/consultations/demo/comments/decisions";

async fn comment(app: &TestApp, n: u32, text: &str) {
    let mut body = submission(&uuid(n), "citizens", &ALL[..2], &ALL);
    body["positions"] =
        json!([{ "conflict": "quick-wins-vs-depth", "position": -1, "comment": text }]);
    assert_eq!(app.submit(&body).await.0, 201);
}

fn statuses(comments: &Value) -> Vec<(String, String)> {
    comments
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap().to_owned(),
                c["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn all_copies_of_a_comment_are_decided_at_once_and_a_bad_batch_changes_nothing() {
    let app = TestApp::spawn().await;
    let moderator = member(&app, "mo", Role::Moderator).await;
    comment(&app, 1, "Erst die Grundlagen!").await;
    comment(&app, 2, "Ein eigener Gedanke.").await;
    comment(&app, 3, "erst die  Grundlagen").await;
    comment(&app, 4, "ERST DIE GRUNDLAGEN.").await;

    let comments = staff_get(&app, COMMENTS, &moderator).await;
    let first = comments[0]["id"].as_i64().unwrap();
    let copies: Vec<i64> = comments
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["copy_of"] == first)
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(copies.len(), 3, "{comments}");
    assert_eq!(
        comments[1]["copy_of"], comments[1]["id"],
        "its own first copy"
    );

    // A batch naming a comment that does not exist changes nothing at all.
    let own = comments[1]["id"].as_i64().unwrap();
    let (status, body) = call(
        &app,
        Method::POST,
        DECISIONS,
        Some(&moderator),
        Some(json!({ "ids": [own, 999_999], "decision": "hide" })),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("comment_not_found"))
    );
    let unchanged = staff_get(&app, COMMENTS, &moderator).await;
    assert!(
        statuses(&unchanged).iter().all(|(_, s)| s == "pending"),
        "{unchanged}"
    );

    // Every copy at once.
    let (status, _) = call(
        &app,
        Method::POST,
        DECISIONS,
        Some(&moderator),
        Some(json!({ "ids": copies, "decision": "reject", "reason": "Kampagne" })),
    )
    .await;
    assert_eq!(status, 204);
    let after = staff_get(&app, COMMENTS, &moderator).await;
    for c in after.as_array().unwrap() {
        let expected = if c["copy_of"] == first {
            "rejected"
        } else {
            "pending"
        };
        assert_eq!(c["status"], expected, "{c}");
        if expected == "rejected" {
            assert_eq!(c["reason"], "Kampagne");
        }
    }

    for (ids, reason, code) in [
        (json!([]), "", "no_comments_chosen"),
        (
            json!((1..=1001).collect::<Vec<i64>>()),
            "",
            "too_many_comments",
        ),
        (json!([own]), "x\u{0}y", "invalid_reason"),
        (json!([own]), &"lang ".repeat(300), "invalid_reason"),
    ] {
        let (status, body) = call(
            &app,
            Method::POST,
            DECISIONS,
            Some(&moderator),
            Some(json!({ "ids": ids, "decision": "reject", "reason": reason })),
        )
        .await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (422, Some(code)),
            "{body}"
        );
    }
    let still = staff_get(&app, COMMENTS, &moderator).await;
    assert_eq!(
        statuses(&still)[1].1,
        "pending",
        "a refused decision changes nothing"
    );
    let (status, _) = call(
        &app,
        Method::POST,
        DECISIONS,
        None,
        Some(json!({ "ids": [own], "decision": "approve" })),
    )
    .await;
    assert_eq!(status, 401, "staff only");
}
