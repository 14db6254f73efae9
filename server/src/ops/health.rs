//! For load balancers and orchestrators: `GET /healthz` says the process answers,
//! `GET /readyz` whether it can take submissions now (database reachable, writer running,
//! schema up to date). Neither is cached; neither needs a sign-in, and neither says more than
//! ready or not.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use crate::state::AppState;
use crate::storage::Readiness;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(crate::ops::metrics::scrape))
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
}

async fn healthz() -> impl IntoResponse {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(Health { status: "alive" }),
    )
}

#[derive(Serialize)]
struct Ready {
    status: &'static str,
    checks: Readiness,
}

async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let checks = state.db.readiness().await;
    let (status, word) = if checks.ready() {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not_ready")
    };
    (
        status,
        [(header::CACHE_CONTROL, "no-store")],
        Json(Ready {
            status: word,
            checks,
        }),
    )
}
