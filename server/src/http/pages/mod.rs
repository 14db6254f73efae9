//! Everything the server serves that is not JSON: the embed loader, the widget page and its
//! assets.

pub mod demo;
pub mod error_page;
pub mod lookup;
pub mod notices;
pub mod plain_form;
pub mod results;
pub mod widget;

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeader;

use crate::error::AppError;
use crate::http::security;
use crate::state::AppState;

const EMBED_JS: &str = include_str!("../../../../public/embed.js");
const INDEX: &str = include_str!("../../../assets/index.html");

pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Html(INDEX) }))
        .route("/datenschutz", get(crate::http::pages::notices::privacy))
        .route(
            "/datenschutz/{slug}",
            get(crate::http::pages::notices::privacy_of),
        )
        .route(
            "/barrierefreiheit",
            get(crate::http::pages::notices::accessibility),
        )
        .route("/embed.js", get(embed_js))
        .route("/favicon.ico", get(no_favicon))
        .route("/results/{slug}", get(crate::http::pages::results::page))
        .route(
            "/results/{slug}/report",
            get(crate::http::pages::results::report),
        )
        .route(
            "/results/{slug}/feed.atom",
            get(crate::http::pages::results::feed),
        )
        .route(
            "/results/{slug}/charts/{file}",
            get(crate::http::pages::results::chart),
        )
        .route("/w/{slug}", get(crate::http::pages::widget::widget_page))
        .route("/staff", get(|| async { Redirect::permanent("/staff/") }))
        .route("/staff/", get(dashboard_page))
        // The pages and the loader are compressed as they go out. None holds a secret, so
        // compression cannot give one away.
        .layer(compressed())
        .merge(
            Router::new()
                .nest_service("/widget", assets(&state.settings.widget_dir))
                .nest_service("/staff-assets", assets(&state.settings.dashboard_dir))
                .layer(middleware::map_response(cached)),
        )
}

/// Compression as pages go out: brotli or gzip, as the browser accepts, at level 6 (the widget
/// page 6 % smaller than at brotli's usual 4, for 0.1 ms more). Only for answers that hold no
/// secret.
pub(crate) fn compressed() -> CompressionLayer {
    CompressionLayer::new().quality(CompressionLevel::Precise(6))
}

/// A bundle file whose name carries its content hash never changes, so browsers keep it for a
/// year without asking again: a visitor coming back, or meeting the widget on another page,
/// loads nothing twice. Anything else is checked with the server on every use.
async fn cached(uri: Uri, mut response: Response) -> Response {
    // A 304's headers replace the cached ones, so it says the same as the 200.
    let found = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let policy = if found && is_content_addressed(uri.path()) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// Whether a path names a file by its content: one of its parts, split at `/`, `-`, `_` and
/// `.`, is a 16-digit hex hash (the directory of a widget's or dashboard's build).
fn is_content_addressed(path: &str) -> bool {
    path.split(['/', '-', '_', '.'])
        .any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A built bundle's files, each as the brotli or gzip file the build wrote beside it when the
/// browser accepts that (`scripts/precompress.mjs`), else as it is.
fn assets(dir: &std::path::Path) -> SetResponseHeader<ServeDir, HeaderValue> {
    SetResponseHeader::appending(
        ServeDir::new(dir).precompressed_br().precompressed_gzip(),
        header::VARY,
        HeaderValue::from_static("accept-encoding"),
    )
}

/// Browsers ask every site for an icon; mitreden has none, and says so without an error.
pub async fn no_favicon() -> impl IntoResponse {
    (
        StatusCode::NO_CONTENT,
        [(header::CACHE_CONTROL, "public, max-age=86400")],
    )
}

async fn embed_js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        EMBED_JS,
    )
}

/// The staff dashboard's page; it may not be framed.
async fn dashboard_page(State(state): State<AppState>) -> Result<impl IntoResponse, AppError> {
    let html = tokio::fs::read_to_string(state.settings.dashboard_dir.join("index.html"))
        .await
        .map_err(|_| AppError::WidgetMissing)?;
    let policy = security::app_policy(&html, "'none'");
    Ok((
        [
            (header::CACHE_CONTROL, "no-cache".to_owned()),
            (header::CONTENT_SECURITY_POLICY, policy),
        ],
        Html(html),
    ))
}

#[cfg(test)]
mod tests {
    use super::is_content_addressed;

    #[test]
    fn hashed_bundle_files_are_content_addressed() {
        for path in [
            "/widget/2f3573dc317c0a35/mitreden-widget_bg.wasm",
            "/widget/2f3573dc317c0a35/boot.js",
            "/staff-assets/767749b37395df66/mitreden-dashboard_bg.wasm",
            "/staff-assets/f4c6656cbf94f33e/dashboard.css",
        ] {
            assert!(is_content_addressed(path), "{path}");
        }
        for path in [
            "/widget/index.html",
            "/staff-assets/index.html",
            "/widget/2f3573dc317c0a3/w.js",
            "/widget/2f3573dc317c0a35f/w.js",
            "/widget/zf3573dc317c0a35/w.js",
        ] {
            assert!(!is_content_addressed(path), "{path}");
        }
    }
}
