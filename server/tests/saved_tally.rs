//! A restart counts from the saved tally and the changes logged after it, and from every
//! stored response whenever the saved tally cannot be used; either way exactly what is stored.

mod common;

use common::{call, connect, member, staff_get, submission, submit_many, uuid, TestApp, ALL};
use mitreden_core::Lang;
use mitreden_core::Tally;
use mitreden_server::counting::tally_saver::save_all;
use mitreden_server::guard::rate_limit::RateLimit;
use mitreden_server::staff::Role;
use mitreden_server::storage::now;
use reqwest::Method;

const MINE: &str = "/api/v1/consultations/demo/responses/mine";

/// Sends `count` responses from `first` on, in turns over three groups and ranking lengths.
async fn send(app: &TestApp, first: u32, count: u32) -> Vec<String> {
    let mut receipts = Vec::new();
    for n in first..first + count {
        let group = ["citizens", "business", "academia"][n as usize % 3];
        let mut order = ALL.to_vec();
        order.rotate_left(n as usize % 8);
        let (status, ack) = app
            .submit(&submission(
                &uuid(n),
                group,
                &order[..1 + n as usize % 6],
                &ALL,
            ))
            .await;
        assert_eq!(status, 201, "{ack}");
        receipts.push(ack["receipt"].as_str().unwrap().to_owned());
    }
    receipts
}

/// The demo's snapshot as a start would count it, checked against a recount of every stored
/// response; returns the version of the saved tally it started from.
async fn counted_at_start(app: &TestApp) -> Option<u64> {
    let snapshot = app.state.db.snapshot("demo").await.unwrap().unwrap();
    let stored = app.state.db.responses("demo").await.unwrap();
    assert_eq!(
        snapshot.tally,
        Tally::recount(&snapshot.consultation, &stored)
    );
    assert_eq!(
        snapshot.version,
        app.state.counts.consultation("demo").unwrap().version()
    );
    snapshot.from_saved
}

#[tokio::test]
async fn a_restart_counts_the_saved_tally_and_the_changes_after_it() {
    let app = TestApp::spawn().await;
    let receipts = send(&app, 0, 12).await;
    assert_eq!(save_all(&app.state.counts).await.unwrap(), 1);
    let saved = app.state.counts.consultation("demo").unwrap().version();
    // After the save: more responses, and one from before it withdrawn.
    send(&app, 12, 7).await;
    let (status, _) = app.with_receipt(Method::DELETE, MINE, &receipts[4]).await;
    assert_eq!(status, 204);

    assert_eq!(counted_at_start(&app).await, Some(saved));
    let before = app.settled_results().await;
    assert_eq!(before["total"], 18);
    let restarted = app.restart().await;
    assert_eq!(restarted.settled_results().await, before);
}

#[tokio::test]
async fn a_saved_tally_that_cannot_be_used_gives_way_to_a_full_count() {
    let app = TestApp::spawn().await;
    send(&app, 0, 9).await;
    save_all(&app.state.counts).await.unwrap();
    send(&app, 9, 3).await;
    assert!(counted_at_start(&app).await.is_some());
    let mut db = connect(&app.database).await;
    let execute = |sql: &'static str| sqlx::query(sql);

    // Saved in another layout (an older release).
    execute("UPDATE tally_snapshots SET format = format + 1")
        .execute(&mut db)
        .await
        .unwrap();
    assert_eq!(counted_at_start(&app).await, None);
    save_all(&app.state.counts).await.unwrap();
    assert!(counted_at_start(&app).await.is_some());

    // Damaged, or of another shape.
    execute("UPDATE tally_snapshots SET body = '{\"groups\": []}'")
        .execute(&mut db)
        .await
        .unwrap();
    assert_eq!(counted_at_start(&app).await, None);
    // Replaced at the next save after a change.
    send(&app, 12, 1).await;
    save_all(&app.state.counts).await.unwrap();
    assert!(counted_at_start(&app).await.is_some());

    // Changes after it are no longer logged.
    send(&app, 13, 2).await;
    app.state.db.prune_changes(now() + 1).await.unwrap();
    assert_eq!(counted_at_start(&app).await, None);
    save_all(&app.state.counts).await.unwrap();
    assert!(counted_at_start(&app).await.is_some());

    // The definition changed after it, but responses count as before (a title): kept.
    let admin = member(&app, "ada", Role::Admin).await;
    let path = "/api/v1/staff/consultations/demo";
    let mut demo = staff_get(&app, path, &admin).await;
    demo["priorities"][0]["title"]["de"] = "Digitale Identität für alle".into();
    let (status, answer) = call(&app, Method::PUT, path, Some(&admin), Some(demo.clone())).await;
    assert_eq!(status, 200, "{answer}");
    assert!(counted_at_start(&app).await.is_some());
    assert_eq!(
        app.state
            .counts
            .consultation("demo")
            .unwrap()
            .consultation
            .priorities[0]
            .title
            .get(Lang::De),
        "Digitale Identität für alle"
    );
    // Had that change counted responses differently, the saved tally would not do.
    execute("UPDATE changes SET body = 'groups=;priorities=;conflicts=;scale=5' WHERE kind = 'definition'")
        .execute(&mut db)
        .await
        .unwrap();
    assert_eq!(counted_at_start(&app).await, None);

    // A priority more: responses count differently, so everything is counted afresh.
    let mut added = demo["priorities"][0].clone();
    added["id"] = "open-data".into();
    demo["priorities"].as_array_mut().unwrap().push(added);
    let (status, answer) = call(&app, Method::PUT, path, Some(&admin), Some(demo)).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(counted_at_start(&app).await, None);
    save_all(&app.state.counts).await.unwrap();
    assert!(counted_at_start(&app).await.is_some());

    let before = app.settled_results().await;
    assert_eq!(before["total"], 15);
    let restarted = app.restart().await;
    assert_eq!(restarted.settled_results().await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_group_that_shrinks_back_to_exact_resampling_counts_as_any_full_count_would() {
    let app = TestApp::spawn_limited(RateLimit {
        per_minute: 0,
        ..RateLimit::default()
    })
    .await;
    // 201 citizens: one more than is resampled exactly, so their ranks are no longer kept.
    submit_many(&app, 199, |n| {
        let mut order = ALL.to_vec();
        order.rotate_left(n as usize % 8);
        submission(&uuid(n), "citizens", &order[..1 + n as usize % 5], &ALL)
    })
    .await;
    let mut receipts = Vec::new();
    for n in 199..201 {
        let (status, ack) = app
            .submit(&submission(&uuid(n), "citizens", &ALL[..3], &ALL))
            .await;
        assert_eq!(status, 201, "{ack}");
        receipts.push(ack["receipt"].as_str().unwrap().to_owned());
    }
    let citizens = |app: &TestApp| {
        let live = app.state.counts.consultation("demo").unwrap();
        let g = live.consultation.group_index("citizens").unwrap();
        live.tally().groups()[g].ranks.is_some()
    };
    assert!(!citizens(&app));
    // One withdrawn: 200 again, resampled exactly, so their ranks are counted afresh.
    let (status, _) = app.with_receipt(Method::DELETE, MINE, &receipts[0]).await;
    assert_eq!(status, 204);
    for _ in 0..400 {
        if citizens(&app) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(citizens(&app), "the ranks are known again");
    let before = app.settled_results().await;
    assert_eq!(before["groups"]["citizens"]["responses"], 200);

    // The same figures as a count of every stored response.
    let mut db = connect(&app.database).await;
    sqlx::query("DELETE FROM tally_snapshots")
        .execute(&mut db)
        .await
        .unwrap();
    let restarted = app.restart().await;
    assert_eq!(restarted.settled_results().await, before);
}
