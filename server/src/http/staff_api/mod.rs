//! The staff API under `/api/v1/staff`: every route but signing in needs a signed-in staff
//! member ([`crate::guard::auth::Staff`]) and checks the role it needs.

mod consultations;
pub mod export;
mod moderation;
mod open_data;
pub mod outcome;
mod session;
mod tokens;

use std::sync::Arc;

use axum::middleware;
use axum::routing::{delete, get, post, put};
use axum::Router;

use crate::counting::Live;
use crate::error::AppError;
use crate::guard::rate_limit;
use crate::guard::same_origin;
use crate::state::AppState;

/// The staff routes; signing in is rate limited per client, and whatever changes something
/// must come from this server's own pages ([`same_origin`]).
pub fn routes(state: &AppState) -> Router<AppState> {
    let session = Router::new().route("/session", post(session::sign_in).delete(session::sign_out));
    Router::new()
        .merge(rate_limit::limit_sign_in(
            session,
            state.settings.rate_limit,
        ))
        .route("/me", get(session::me))
        .route("/tokens", get(tokens::list).post(tokens::create))
        .route("/tokens/{id}", delete(tokens::revoke))
        .route("/consultations", get(consultations::list))
        .route(
            "/consultations/{slug}",
            get(consultations::definition).put(consultations::save),
        )
        .route(
            "/consultations/{slug}/status",
            post(consultations::set_status),
        )
        .route("/consultations/{slug}/results", get(consultations::results))
        .route(
            "/consultations/{slug}/timeline",
            get(consultations::timeline),
        )
        .route(
            "/consultations/{slug}/statements/{id}/publication",
            post(moderation::publish_statement),
        )
        .route(
            "/consultations/{slug}/proposals/{id}/adopt",
            post(moderation::adopt),
        )
        .route(
            "/consultations/{slug}/proposals",
            get(moderation::proposals),
        )
        .route(
            "/consultations/{slug}/proposals/{id}",
            post(moderation::decide),
        )
        .route("/consultations/{slug}/comments", get(moderation::comments))
        .route(
            "/consultations/{slug}/comments/decisions",
            post(moderation::moderate_comments),
        )
        .route(
            "/consultations/{slug}/comments/{id}",
            post(moderation::moderate_comment),
        )
        .route(
            "/consultations/{slug}/statements",
            get(moderation::statements),
        )
        .route(
            "/consultations/{slug}/outcome",
            get(outcome::show).put(outcome::publish),
        )
        .route(
            "/consultations/{slug}/priorities/{priority}/indicators",
            put(outcome::indicators),
        )
        .route(
            "/consultations/{slug}/indicator-values",
            post(outcome::import_values),
        )
        .route("/consultations/{slug}/export.csv", get(export::csv))
        .route("/consultations/{slug}/export.json", get(export::json))
        .route("/consultations/{slug}/export.zip", get(open_data::zip))
        .layer(middleware::from_fn_with_state(
            same_origin::PublicUrl(state.settings.public_url.as_deref().map(Into::into)),
            same_origin::check,
        ))
        .layer(middleware::from_fn(published_may_have_changed))
}

/// A staff write that succeeded may have changed what the public pages show (a comment
/// approved, a statement or an outcome published): they read it afresh.
async fn published_may_have_changed(
    axum::Extension(cache): crate::http::public_cache::Cache,
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    use axum::http::Method;
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let response = next.run(request).await;
    if writes && response.status().is_success() {
        cache.content.staff_changed();
    }
    response
}

/// Staff answers (exports above all) hold personal data: no cache keeps them. Set around the
/// whole app, not the staff routes alone, so that the answers the router makes itself under
/// `/api/v1/staff` (a wrong method, an unknown address) say so too.
pub async fn no_store_for_staff(
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let staff = request.uri().path().starts_with("/api/v1/staff");
    let mut response = next.run(request).await;
    if staff {
        response.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
    }
    response
}

/// `Cache-Control: no-store`, for answers no browser or proxy may keep.
pub fn no_store() -> tower_http::set_header::SetResponseHeaderLayer<axum::http::HeaderValue> {
    tower_http::set_header::SetResponseHeaderLayer::overriding(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    )
}

/// Any consultation, drafts included.
fn any(state: &AppState, slug: &str) -> Result<Arc<Live>, AppError> {
    state
        .counts
        .consultation(slug)
        .ok_or_else(|| AppError::ConsultationNotFound(slug.to_owned()))
}
