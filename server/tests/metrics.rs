//! `/metrics` for Prometheus: what it counts, and who may read it.

mod common;

use common::{call, member, submission, uuid, TestApp, ALL};
use mitreden_server::staff::Role;
use reqwest::Method;

/// The value of the series `name` (with its labels exactly as written) in a scrape.
fn value(scrape: &str, series: &str) -> Option<f64> {
    scrape
        .lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .and_then(|v| v.trim().parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_writes_and_computations_for_staff_only() {
    let app = TestApp::spawn().await;
    for n in 0..3 {
        let (status, _) = app
            .submit(&submission(&uuid(n), "citizens", &["once-only"], &ALL))
            .await;
        assert_eq!(status, 201);
    }
    app.results().await;
    // A method nobody uses must not become a label of its own.
    let made_up = Method::from_bytes(b"BREW").unwrap();
    app.client
        .request(made_up, app.url("/api/v1/consultations/demo"))
        .send()
        .await
        .unwrap();

    // Without a token or an allowed address: no metrics.
    let (status, body) = call(&app, Method::GET, "/metrics", None, None).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (401, Some("sign_in_required"))
    );

    let token = member(&app, "prometheus", Role::Moderator).await;
    let (status, body) = call(&app, Method::GET, "/metrics", Some(&token), None).await;
    assert_eq!(status, 200);
    let scrape = body.as_str().unwrap();
    let posted = r#"mitreden_http_requests_total{method="POST",route="/api/v1/consultations/{slug}/responses",status="201"}"#;
    assert!(value(scrape, posted).unwrap() >= 3.0, "{scrape}");
    assert!(scrape.contains(r#"mitreden_http_request_duration_seconds_bucket{method="POST",route="/api/v1/consultations/{slug}/responses",le="0.005"}"#), "{scrape}");
    assert!(scrape.contains(r#"method="other""#), "{scrape}");
    assert!(!scrape.contains("BREW"));
    assert!(value(scrape, "mitreden_submissions_acknowledged_total").unwrap() >= 3.0);
    assert!(
        scrape.contains(r#"mitreden_writer_batch_size_bucket{le="1"}"#),
        "{scrape}"
    );
    assert!(
        value(scrape, "mitreden_writer_queue_depth").is_some(),
        "{scrape}"
    );
    assert!(
        value(
            scrape,
            r#"mitreden_results_computation_seconds_count{part="results"}"#
        )
        .unwrap()
            >= 1.0,
        "{scrape}"
    );
    // Every metric in the scrape says what it is.
    for line in scrape.lines().filter(|l| l.starts_with("# TYPE ")) {
        let name = line.split_whitespace().nth(2).unwrap();
        assert!(
            scrape.contains(&format!("# HELP {name} ")),
            "no # HELP line for {name}:\n{scrape}"
        );
    }
    // No slug, receipt or address among the labels.
    assert!(!scrape.contains("demo"));
    assert!(!scrape.contains("127.0.0.1"));
}

#[tokio::test]
async fn the_prometheus_server_reads_metrics_from_an_allowed_address_without_a_token() {
    let allowed = TestApp::spawn_configured(|args| {
        args.metrics_from = vec!["10.0.0.0/8".parse().unwrap(), "127.0.0.1".parse().unwrap()];
    })
    .await;
    let (status, body) = call(&allowed, Method::GET, "/metrics", None, None).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.as_str().unwrap().contains("# TYPE"));

    let elsewhere = TestApp::spawn_configured(|args| {
        args.metrics_from = vec!["10.0.0.0/8".parse().unwrap()];
    })
    .await;
    let (status, _) = call(&elsewhere, Method::GET, "/metrics", None, None).await;
    assert_eq!(status, 401);
}
