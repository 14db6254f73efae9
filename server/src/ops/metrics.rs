//! `GET /metrics`: what [`crate::telemetry`] recorded, for clients from the addresses given
//! with `--metrics-from` (behind a proxy, the forwarded client address counts) and staff with
//! a token or a session; anyone else gets `401`.

use axum::extract::{FromRequestParts, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::IntoResponse;

use crate::error::AppError;
use crate::guard::auth::Staff;
use crate::state::AppState;

/// `GET /metrics`.
pub async fn scrape(State(state): State<AppState>, mut parts: Parts) -> impl IntoResponse {
    let allowed = crate::guard::rate_limit::client_address(
        &parts.headers,
        &parts.extensions,
        state.settings.rate_limit.behind_proxy,
    )
    .is_some_and(|ip| state.settings.metrics_from.iter().any(|n| n.contains(ip)));
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
        crate::telemetry::render(),
    ))
}
