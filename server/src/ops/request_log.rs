//! One log line per request: method, route (the pattern, such as
//! `/api/v1/consultations/{slug}/responses`, never the path or query as sent), status,
//! duration and a request id. The id is sent back in `X-Request-Id` so that a person can quote
//! it; one a reverse proxy set is kept if it looks like an id. Everything the server logs
//! while answering carries the id too.
//!
//! Nothing a participant or staff member sent is logged: no body, no query, no header, no
//! address.

use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use rand::RngCore;
use tracing::Instrument;

pub const REQUEST_ID: &str = "x-request-id";

pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| looks_like_an_id(v))
        .map_or_else(new_id, str::to_owned);
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str)
        .to_owned();
    let method = request.method().clone();
    let span = tracing::info_span!("request", request_id = %id);
    let mut response = next.run(request).instrument(span.clone()).await;
    let status = response.status().as_u16();
    crate::telemetry::request(&method, &route, status, started.elapsed());
    let _entered = span.enter();
    tracing::info!(
        target: "mitreden::request",
        %method,
        route,
        status,
        // To a hundredth of a millisecond: finer digits are noise, and they made every line
        // longer.
        duration_ms = (started.elapsed().as_secs_f64() * 100_000.0).round() / 100.0,
        "answered"
    );
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// 1 to 64 letters, digits, `-`, `_` or `.`: what proxies put there, and nothing that could
/// forge a log line.
fn looks_like_an_id(value: &str) -> bool {
    (1..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// 16 random hex digits.
fn new_id() -> String {
    format!("{:016x}", rand::thread_rng().next_u64())
}

#[cfg(test)]
mod tests {
    use super::looks_like_an_id;

    #[test]
    fn ids_from_proxies_are_kept_only_when_they_cannot_forge_a_line() {
        assert!(looks_like_an_id("3f2a-9c.proxy_1"));
        assert!(!looks_like_an_id(""));
        assert!(!looks_like_an_id("a b"));
        assert!(!looks_like_an_id("x\" status=200"));
        assert!(!looks_like_an_id(&"a".repeat(65)));
    }
}
