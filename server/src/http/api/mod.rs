//! The versioned JSON API under `/api/v1`.

mod receipt_header;
pub mod results;
pub(crate) mod submissions;

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::routing::{get, post};
use axum::{Json, Router};
use mitreden_core::{Consultation, Status};
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::counting::Live;
use crate::error::AppError;
use crate::guard::rate_limit::{self, RateLimit};
use crate::http::json::ApiPath;
use crate::state::AppState;
use submissions::{submit, view, view_either, withdraw, Responses, Statements};

/// The public API; what participants send (and look up with a receipt) is rate limited. Other
/// origins may call it from their pages only if they are in `cors_origins`.
pub fn routes(limits: RateLimit, cors_origins: &[String]) -> Router<AppState> {
    let writes = Router::new()
        .route(
            "/consultations/{slug}/challenge",
            get(submissions::challenge),
        )
        .route("/consultations/{slug}/responses", post(submit::<Responses>))
        .route(
            "/consultations/{slug}/responses/mine",
            get(view::<Responses>).delete(withdraw::<Responses>),
        )
        .route(
            "/consultations/{slug}/statements",
            post(submit::<Statements>),
        )
        .route(
            "/consultations/{slug}/statements/mine",
            get(view::<Statements>).delete(withdraw::<Statements>),
        )
        .route("/consultations/{slug}/submissions/mine", get(view_either));
    // What anyone may read goes out compressed when the browser accepts it (the consultation
    // is the first thing the widget loads). Only these routes: their answers hold no secret.
    // The others can put a receipt beside text the sender chose, and compressing such a mix
    // lets an onlooker who sees only the lengths guess the secret (BREACH).
    let reads = Router::new()
        .route("/consultations/{slug}", get(consultation))
        .route("/consultations/{slug}/results", get(results::results))
        .route("/consultations/{slug}/progress", get(results::progress))
        .route(
            "/openapi.json",
            get(|| async { Json(crate::http::openapi::document()) }),
        )
        .route(
            "/schemas/follow-up.json",
            get(|| async { Json(crate::http::openapi::follow_up_schema()) }),
        )
        .layer(CompressionLayer::new());
    let routes = reads
        // Receipts travel in these answers: no cache may keep them.
        .merge(rate_limit::limit(writes, limits).layer(crate::http::staff_api::no_store()))
        // Set here, under the CORS layer, so that a preflight (OPTIONS) reaches it.
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed });
    match cors(cors_origins) {
        Some(cors) => routes.layer(cors),
        None => routes,
    }
}

/// CORS for the configured origins only; with none, no CORS at all, so browsers keep other
/// pages' scripts out. Never with credentials: the API has no cookies for participants.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    // Checked on the command line (`cli::origin`, the rule of `mitreden_core::origin`); the test harness passes them as written.
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| mitreden_core::origin::parse_origin(o).ok())
        .filter_map(|o| HeaderValue::from_str(&o).ok())
        .collect();
    if origins.is_empty() {
        return None;
    }
    let layer = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::POST, Method::DELETE])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            HeaderName::from_static(crate::guard::proof::HEADER),
        ])
        .expose_headers([header::RETRY_AFTER])
        .max_age(std::time::Duration::from_secs(3600));
    Some(layer)
}

/// A consultation participants can see: drafts are not public.
fn public(state: &AppState, slug: &str) -> Result<Arc<Live>, AppError> {
    state
        .counts
        .consultation(slug)
        .filter(|live| live.consultation.status != Status::Draft)
        .ok_or_else(|| AppError::ConsultationNotFound(slug.to_owned()))
}

async fn consultation(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<Consultation>, AppError> {
    Ok(Json(public(&state, &slug)?.consultation.clone()))
}
