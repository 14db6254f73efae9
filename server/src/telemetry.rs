//! What the server counts and times, through the `metrics` crate and its Prometheus exporter:
//! requests by route, method and status with latency histograms, the writer's batch sizes and
//! queue depth, submissions acknowledged, how long results take to compute, charts rendered
//! and database errors. Every label takes values from a fixed set (route patterns, standard
//! methods, status codes), so no client can grow the registry. [`render`] gives the text a
//! scrape of `GET /metrics` reads (see `ops::metrics`).

use std::sync::OnceLock;
use std::time::Duration;

use axum::http::Method;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Seconds: from a millisecond to half a minute.
const DURATION_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];
/// Writes per committed batch, up to the writer's largest batch.
const BATCH_BUCKETS: &[f64] = &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0];

/// The process's one recorder, installed on first use.
fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), DURATION_BUCKETS)
            .and_then(|b| {
                b.set_buckets_for_metric(
                    Matcher::Full("mitreden_writer_batch_size".into()),
                    BATCH_BUCKETS,
                )
            })
            .expect("bucket lists are not empty")
            .build_recorder();
        let handle = recorder.handle();
        // Only fails if another recorder is installed, which this process never does.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// How often recorded latencies are folded into their histograms' buckets.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// Installs the recorder, so that what happens before the first scrape is counted, and
/// describes every metric (the `# HELP` lines of a scrape).
///
/// The exporter keeps every latency recorded until it is folded into the buckets, which a
/// scrape does, or its upkeep: without a scraper that was 16 bytes per request for ever (a
/// quarter of a gigabyte an hour under load). A thread of its own does the upkeep, once per
/// process (tests start many servers, each on a runtime of its own).
pub fn install() {
    static UPKEEP: OnceLock<()> = OnceLock::new();
    UPKEEP.get_or_init(|| {
        let handle = handle();
        let started = std::thread::Builder::new()
            .name("metrics-upkeep".into())
            .spawn(move || loop {
                std::thread::sleep(UPKEEP_EVERY);
                handle.run_upkeep();
            });
        if let Err(e) = started {
            tracing::warn!(error = %e, "the metrics upkeep thread did not start");
        }
    });
    metrics::describe_counter!(
        "mitreden_http_requests_total",
        "HTTP requests answered, by route pattern, method and status."
    );
    metrics::describe_histogram!(
        "mitreden_http_request_duration_seconds",
        metrics::Unit::Seconds,
        "Time from a request's arrival to its answer, by route pattern and method."
    );
    metrics::describe_histogram!(
        "mitreden_writer_batch_size",
        "Writes committed together in one transaction by the writer."
    );
    metrics::describe_gauge!(
        "mitreden_writer_queue_depth",
        "Writes waiting for the writer when the metrics were read."
    );
    metrics::describe_counter!(
        "mitreden_submissions_acknowledged_total",
        "Responses and statements durably stored and acknowledged, new or replayed."
    );
    metrics::describe_histogram!(
        "mitreden_results_computation_seconds",
        metrics::Unit::Seconds,
        "Time to compute a consultation's results or their uncertainty, by part."
    );
    metrics::describe_counter!(
        "mitreden_database_errors_total",
        "Requests that failed on the database, by kind (unavailable or other)."
    );
    metrics::describe_counter!(
        "mitreden_charts_rendered_total",
        "Charts of the public results rendered, by format (kept ones are not counted again)."
    );
}

/// One answered request.
pub fn request(method: &Method, route: &str, status: u16, took: Duration) {
    // Standard methods only: anything else a client makes up is "other".
    let method = match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    };
    let route = route.to_owned();
    metrics::counter!(
        "mitreden_http_requests_total",
        "method" => method, "route" => route.clone(), "status" => status.to_string()
    )
    .increment(1);
    metrics::histogram!(
        "mitreden_http_request_duration_seconds",
        "method" => method, "route" => route
    )
    .record(took.as_secs_f64());
}

/// A batch the writer committed or failed.
pub fn batch(writes: usize) {
    metrics::histogram!("mitreden_writer_batch_size").record(writes as f64);
}

/// A submission (response or statement) durably stored and acknowledged, new or replayed.
pub fn acknowledged() {
    metrics::counter!("mitreden_submissions_acknowledged_total").increment(1);
}

/// Results or their uncertainty computed for a consultation.
pub fn computed(what: &'static str, took: Duration) {
    metrics::histogram!("mitreden_results_computation_seconds", "part" => what)
        .record(took.as_secs_f64());
}

/// A chart of the public results rendered as `format` (`svg` or `png`).
pub fn chart_rendered(format: &'static str) {
    metrics::counter!("mitreden_charts_rendered_total", "format" => format).increment(1);
}

/// A request failed on the database; `unavailable` if it could not be reached or written.
pub fn database_error(unavailable: bool) {
    let kind = if unavailable { "unavailable" } else { "other" };
    metrics::counter!("mitreden_database_errors_total", "kind" => kind).increment(1);
}

/// Everything recorded, in Prometheus' text format.
pub fn render() -> String {
    handle().render()
}
