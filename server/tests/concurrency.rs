//! Many submissions at once: each is acknowledged only when stored, stored once, and counted
//! once, whatever batch the writer put it in.

mod common;

use common::{submission, uuid, TestApp, ALL};
use mitreden_core::ResponseSubmission;
use mitreden_server::guard::rate_limit::RateLimit;
use mitreden_server::storage::Insert;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_id_sent_a_hundred_times_at_once_is_stored_once() {
    let app = TestApp::spawn().await;
    let body = submission(&uuid(42), "business", &ALL[..3], &ALL);
    let sends = (0..100).map(|_| {
        let request = app
            .client
            .post(app.url("/api/v1/consultations/demo/responses"))
            .json(&body);
        async move { request.send().await.unwrap() }
    });
    let answers = futures_join_all(sends).await;
    let statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    assert_eq!(
        statuses.iter().filter(|&&s| s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        99,
        "{statuses:?}"
    );
    assert_eq!(app.state.db.responses("demo").await.unwrap().len(), 1);
    assert_eq!(app.results().await["total"], 1);

    let other = submission(&uuid(42), "citizens", &ALL[..1], &ALL);
    let (status, answer) = app.submit(&other).await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (409, Some("id_conflict"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_bodies_under_one_id_at_once_store_one_and_refuse_the_other() {
    let app = TestApp::spawn().await;
    let first = submission(&uuid(7), "business", &ALL[..3], &ALL);
    let second = submission(&uuid(7), "citizens", &ALL[..1], &ALL);
    // Interleaved, so that both land in the same batches.
    let sends = (0..100).map(|n| {
        let body = if n % 2 == 0 { &first } else { &second };
        let request = app
            .client
            .post(app.url("/api/v1/consultations/demo/responses"))
            .json(body);
        async move { (n % 2, request.send().await.unwrap().status().as_u16()) }
    });
    let answers = futures_join_all(sends).await;
    let stored = answers
        .iter()
        .find(|(_, s)| *s == 201)
        .expect("one stored")
        .0;
    assert_eq!(
        answers.iter().filter(|(_, s)| *s == 201).count(),
        1,
        "{answers:?}"
    );
    for (body, status) in &answers {
        let expected = if *body == stored {
            [200, 201]
        } else {
            [409, 409]
        };
        assert!(expected.contains(status), "{answers:?}");
    }
    assert_eq!(app.state.db.responses("demo").await.unwrap().len(), 1);
    assert_eq!(app.results().await["total"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hundreds_of_different_submissions_at_once_are_all_stored_and_counted() {
    // All from one address: more than the rate limit lets through at once.
    let app = TestApp::spawn_limited(RateLimit {
        per_minute: 0,
        ..RateLimit::default()
    })
    .await;
    let sends = (0..400).map(|n| {
        let group = ["citizens", "business", "academia"][n as usize % 3];
        let body = submission(&uuid(n), group, &ALL[..(n as usize % 8) + 1], &ALL);
        let request = app
            .client
            .post(app.url("/api/v1/consultations/demo/responses"))
            .json(&body);
        async move { request.send().await.unwrap().status().as_u16() }
    });
    let statuses = futures_join_all(sends).await;
    assert!(statuses.iter().all(|&s| s == 201), "{statuses:?}");
    assert_eq!(app.state.db.responses("demo").await.unwrap().len(), 400);
    assert_eq!(app.results().await["total"], 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_write_that_fails_in_a_batch_fails_alone() {
    let app = TestApp::spawn().await;
    let demo = app.state.db.consultations().await.unwrap().remove(0);
    let valid = |n: u32| {
        let sent: ResponseSubmission =
            serde_json::from_value(submission(&uuid(n), "citizens", &ALL[..2], &ALL)).unwrap();
        sent.validate(&demo).unwrap()
    };
    // Responses to a consultation that is not in the database break its foreign key; they
    // are queued among good ones, so they share batches with them.
    let writes = (0..60).map(|n| {
        let db = app.state.db.clone();
        let response = valid(n);
        let consultation = if n % 10 == 3 { "missing" } else { "demo" };
        async move {
            db.insert_response(consultation, &response, &format!("h{n}"), None)
                .await
        }
    });
    let outcomes = futures_join_all(writes).await;
    for (n, outcome) in outcomes.iter().enumerate() {
        if n % 10 == 3 {
            assert!(outcome.is_err(), "{n}: {outcome:?}");
        } else {
            assert!(
                matches!(outcome, Ok(Insert::Created { .. })),
                "{n}: {outcome:?}"
            );
        }
    }
    assert_eq!(app.state.db.responses("demo").await.unwrap().len(), 54);
    assert!(app.state.db.responses("missing").await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_reads_at_once_share_one_computation_and_see_every_counted_response() {
    let app = TestApp::spawn().await;
    let live = || app.state.counts.consultation("demo").unwrap();
    for n in 0..30 {
        let group = ["citizens", "business", "academia"][n as usize % 3];
        let (status, _) = app
            .submit(&submission(
                &uuid(n),
                group,
                &ALL[..(n as usize % 8) + 1],
                &ALL,
            ))
            .await;
        assert_eq!(status, 201);
    }
    // Everything computed, the uncertainty too; then one more response.
    let settled = app.settled_public_results().await;
    assert_eq!(settled["total"], 30);
    app.submit(&submission(&uuid(30), "academia", &ALL[..3], &ALL))
        .await;
    let before = live().computations();
    let url = app.url("/api/v1/consultations/demo/results");
    let reads = (0..24).map(|_| {
        let request = app.client.get(&url);
        async move {
            let r = request.send().await.unwrap();
            assert_eq!(r.status(), 200);
            r.json::<serde_json::Value>().await.unwrap()
        }
    });
    let answers = futures_join_all(reads).await;
    // Once for the new response, and at most once more if the uncertainty (renewed in the
    // background) came in while the reads went on; never once per read.
    let computed = live().computations() - before;
    assert!((1..=2).contains(&computed), "{computed} computations");
    assert!(answers.iter().all(|a| a["total"] == 31));
    assert!(answers.iter().all(|a| a["as_of"]["results"] == 31));

    // Nothing new: the same results again, not computed again.
    let settled = app.settled_public_results().await;
    let computed = live().computations();
    assert_eq!(app.public_results().await, settled);
    assert_eq!(live().computations(), computed);
}

/// Runs all futures concurrently on the runtime and collects their outputs in order.
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}
