//! Prometheus metrics at `GET /metrics`, through the `metrics` crate and its Prometheus
//! exporter: requests by route, method and status with latency histograms, the writer's batch
//! sizes and queue depth, submissions acknowledged, how long results take to compute, and
//! database errors.
//!
//! Every label takes values from a fixed set (route patterns, standard methods, status codes),
//! so no client can grow the registry. `/metrics` answers clients from the addresses given
//! with `--metrics-from` (behind a proxy, the forwarded client address counts) and staff with
//! a token or a session; anyone else gets `401`.

use std::net::IpAddr;
use std::sync::OnceLock;
use std::time::Duration;

use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, Method};
use axum::response::IntoResponse;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::error::AppError;
use crate::guard::auth::Staff;
use crate::state::AppState;

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

/// An address or network allowed to read `/metrics`: `10.0.0.5` or `10.0.0.0/8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    address: IpAddr,
    prefix: u8,
}

impl Network {
    /// Whether the address has no bits set beyond the prefix.
    fn is_network_address(&self) -> bool {
        match self.address {
            IpAddr::V4(net) => {
                let host = u32::MAX.checked_shr(u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & host == 0
            }
            IpAddr::V6(net) => {
                let host = u128::MAX.checked_shr(u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & host == 0
            }
        }
    }

    fn contains(&self, ip: IpAddr) -> bool {
        match (self.address, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl std::str::FromStr for Network {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, String> {
        let (address, prefix) = value.split_once('/').unwrap_or((value, ""));
        let address: IpAddr = address
            .trim()
            .parse()
            .map_err(|_| format!("{value}: not an IP address or network (10.0.0.0/8)"))?;
        let most = if address.is_ipv4() { 32 } else { 128 };
        let prefix = if prefix.is_empty() {
            most
        } else {
            prefix
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= most)
                .ok_or_else(|| format!("{value}: the prefix length must be 0 to {most}"))?
        };
        let network = Self { address, prefix };
        // 10.1.2.3/16 is most likely a typing error for 10.1.0.0/16 or 10.1.2.3: refused,
        // rather than guessed.
        if !network.is_network_address() {
            return Err(format!(
                "{value}: the address has bits set beyond the prefix /{prefix}; write the \
                 network's first address (10.1.0.0/16) or a single address"
            ));
        }
        Ok(network)
    }
}

/// `GET /metrics`.
pub async fn scrape(State(state): State<AppState>, mut parts: Parts) -> impl IntoResponse {
    let allowed = crate::guard::rate_limit::client_address(
        &parts.headers,
        &parts.extensions,
        state.rate_limit.behind_proxy,
    )
    .is_some_and(|ip| state.metrics_from.iter().any(|n| n.contains(ip)));
    if !allowed {
        Staff::from_request_parts(&mut parts, &state).await?;
    }
    metrics::gauge!("mitreden_writer_queue_depth").set(state.db.writes_queued() as f64);
    Ok::<_, AppError>((
        [
            (
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        handle().render(),
    ))
}

#[cfg(test)]
mod tests {
    use super::Network;

    #[test]
    fn networks_hold_the_addresses_they_say() {
        let net: Network = "10.1.0.0/16".parse().unwrap();
        assert!(net.contains("10.1.200.3".parse().unwrap()));
        assert!(!net.contains("10.2.0.1".parse().unwrap()));
        let one: Network = "127.0.0.1".parse().unwrap();
        assert!(one.contains("127.0.0.1".parse().unwrap()));
        assert!(one.contains("::ffff:127.0.0.1".parse().unwrap()));
        assert!(!one.contains("127.0.0.2".parse().unwrap()));
        let v6: Network = "fd00::/8".parse().unwrap();
        assert!(v6.contains("fd12::1".parse().unwrap()));
        assert!(!v6.contains("10.0.0.1".parse().unwrap()));
        assert!("0.0.0.0/0"
            .parse::<Network>()
            .unwrap()
            .contains("8.8.8.8".parse().unwrap()));
        assert!("10.0.0.0/33".parse::<Network>().is_err());
        // Host bits beyond the prefix: a typing error, not a network.
        assert!("10.1.2.3/16".parse::<Network>().is_err());
        assert!("fd12::1/8".parse::<Network>().is_err());
        assert!("10.1.0.0/16".parse::<Network>().is_ok());
        assert!("intranet".parse::<Network>().is_err());
    }
}
