//! The same submission arriving many times at once is stored once.

mod common;

use common::{submission, uuid, TestApp, ALL};

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
