//! API tokens expire, can be listed (never their secrets) and revoked, through the command
//! line and the staff API; expired sessions and tokens are deleted.

mod common;

use common::{call, member, TestApp};
use mitreden_server::staff::{secret_hash, Role};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_token_can_be_made_listed_and_revoked_and_stops_working() {
    let app = TestApp::spawn().await;
    let admin = member(&app, "ada", Role::Admin).await;
    let moderator = member(&app, "mo", Role::Moderator).await;

    let (status, made) = call(
        &app,
        Method::POST,
        "/api/v1/staff/tokens",
        Some(&moderator),
        Some(json!({ "days": 7 })),
    )
    .await;
    assert_eq!(status, 201, "{made}");
    let token = made["token"].as_str().unwrap().to_owned();
    let id = made["id"].as_str().unwrap().to_owned();
    assert_eq!(made["member"], "mo");
    let lifetime = made["expires_at"].as_i64().unwrap() - made["created_at"].as_i64().unwrap();
    assert_eq!(lifetime, 7 * 86_400);
    let (status, _) = call(&app, Method::GET, "/api/v1/staff/me", Some(&token), None).await;
    assert_eq!(status, 200);

    // A moderator sees only their own tokens, an admin all; no secret in either list.
    let (_, own) = call(
        &app,
        Method::GET,
        "/api/v1/staff/tokens",
        Some(&moderator),
        None,
    )
    .await;
    assert!(own.as_array().unwrap().iter().all(|t| t["member"] == "mo"));
    let (_, all) = call(
        &app,
        Method::GET,
        "/api/v1/staff/tokens",
        Some(&admin),
        None,
    )
    .await;
    assert!(all.as_array().unwrap().iter().any(|t| t["member"] == "ada"));
    assert!(!all.to_string().contains(&token) && !all.to_string().contains(&secret_hash(&token)));

    let (status, body) = call(
        &app,
        Method::POST,
        "/api/v1/staff/tokens",
        Some(&moderator),
        Some(json!({ "days": 0 })),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("invalid_body"))
    );

    // Nobody revokes another's token but an admin.
    let ada_id = all
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["member"] == "ada")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = |id: &str| format!("/api/v1/staff/tokens/{id}");
    assert_eq!(
        call(&app, Method::DELETE, &path(&ada_id), Some(&moderator), None)
            .await
            .0,
        404
    );
    assert_eq!(
        call(&app, Method::DELETE, &path(&id), Some(&admin), None)
            .await
            .0,
        204
    );
    let (status, _) = call(&app, Method::GET, "/api/v1/staff/me", Some(&token), None).await;
    assert_eq!(status, 401, "a revoked token signs in no more");
}

#[tokio::test]
async fn expired_tokens_and_sessions_stop_working_and_are_deleted() {
    let app = TestApp::spawn().await;
    let token = member(&app, "ada", Role::Admin).await;
    let db = &app.state.db;
    let now = mitreden_server::storage::now();
    let member_id = db.staff().await.unwrap()[0].id;
    db.add_session(member_id, &secret_hash("old-session"), now - 1)
        .await
        .unwrap();
    db.add_session(member_id, &secret_hash("live-session"), now + 3600)
        .await
        .unwrap();
    let mut conn = common::connect(&app.database).await;
    sqlx::query("UPDATE staff_tokens SET expires_at = $1")
        .bind(now - 1)
        .execute(&mut conn)
        .await
        .unwrap();
    let (status, _) = call(&app, Method::GET, "/api/v1/staff/me", Some(&token), None).await;
    assert_eq!(status, 401, "an expired token signs in no more");

    assert_eq!(db.prune_expired_credentials(now).await.unwrap(), 2);
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM staff_sessions")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(left, 1, "the live session stays");
    assert!(db.tokens(None).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_command_line_makes_lists_and_revokes_tokens() {
    let app = TestApp::spawn().await;
    member(&app, "ada", Role::Admin).await;
    let run = |args: &[&str]| common::staff_cli(&app.database, args);
    let made = run(&["token", "ada", "--days", "30"]);
    assert!(made.contains("valid 30 days"), "{made}");
    let secret = made.trim().rsplit(' ').next().unwrap().to_owned();
    let listed = run(&["tokens", "ada"]);
    assert!(!listed.contains(&secret), "no secret in the list");
    let id = made.split_whitespace().nth(2).unwrap();
    assert!(listed.contains(id), "{listed}");
    assert!(listed.contains("\texpires "), "{listed}");
    // Once past its date, the list says so.
    let mut conn = common::connect(&app.database).await;
    sqlx::query("UPDATE staff_tokens SET expires_at = $1")
        .bind(mitreden_server::storage::now() - 1)
        .execute(&mut conn)
        .await
        .unwrap();
    let listed = run(&["tokens", "ada"]);
    assert!(listed.contains("\tEXPIRED "), "{listed}");
    assert!(run(&["revoke", id]).contains("Revoked"));
    assert!(!run(&["tokens"]).contains(id));
    // The token the test signed in with goes too.
    for line in run(&["tokens", "ada"]).lines() {
        let other = line.split('\t').next().unwrap();
        assert!(run(&["revoke", other]).contains("Revoked"));
    }
    assert_eq!(run(&["tokens", "ada"]).trim(), "ada has no API tokens.");
    assert_eq!(run(&["tokens"]).trim(), "There are no API tokens.");
    // A member who does not exist is an error, not an empty list.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mitreden-server"))
        .args(["staff", "--database", &app.database, "tokens", "nobody"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no staff member 'nobody'"));
}
