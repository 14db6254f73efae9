//! A stand-in ministry page that embeds the widget, served on its own address so that the demo
//! proves embedding across origins.

use axum::response::Html;
use axum::routing::get;
use axum::Router;

const PAGE: &str = include_str!("../../../assets/demo-ministry.html");

/// The demo page, loading the embed script from `widget_origin` (e.g. `http://127.0.0.1:8080`).
pub fn app(widget_origin: &str) -> Router {
    let html = PAGE.replace("{{WIDGET_ORIGIN}}", widget_origin.trim_end_matches('/'));
    Router::new()
        .route("/", get(move || async move { Html(html) }))
        .route("/favicon.ico", get(crate::http::pages::no_favicon))
}
