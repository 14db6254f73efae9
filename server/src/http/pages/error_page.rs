//! The participant's HTML pages (the form without JavaScript, the receipt look-up) answer an
//! error as a page in the person's language (`mitreden_views::participation::error_page`),
//! not as the API's JSON: a browser showing a form's answer shows it to a person.

use axum::extract::{RawQuery, Request, State};
use axum::http::{header, HeaderMap};
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use mitreden_core::api_error::ErrorBody;
use mitreden_views::participation::error_page::{ErrorPage, Trouble};

use crate::http::pages::widget::{assets, page, WidgetQuery};
use crate::state::AppState;

/// The largest error answer read (the API's are a few hundred bytes).
const MAX_ERROR_BODY: usize = 16 * 1024;

/// Middleware: an error answered other than as a page (the API's JSON, axum's plain text)
/// becomes the error page, with the same status and `Retry-After`.
pub async fn as_page(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let slug = path.split('/').nth(2).unwrap_or("").to_owned();
    let response = next.run(request).await;
    let status = response.status();
    let html = (response.headers().get(header::CONTENT_TYPE))
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if html || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
    let seconds = (retry_after.as_ref()).and_then(|v| v.to_str().ok()?.parse().ok());
    let body = axum::body::to_bytes(response.into_body(), MAX_ERROR_BODY)
        .await
        .unwrap_or_default();
    // The API's error format; a rejection of axum's own (a body over the limit) is plain text.
    let code = (serde_json::from_slice::<ErrorBody>(&body).ok()).map(|b| b.error.code);
    let query: WidgetQuery = raw
        .and_then(|q| serde_urlencoded::from_str(&q).ok())
        .unwrap_or_default();
    let lang = query.wanted(&headers);
    let consultation = state.counts.consultation(&slug);
    let (again, back) = match &consultation {
        Some(_) => (
            query.in_language(&path, lang),
            query.in_language(&format!("/w/{slug}"), lang),
        ),
        None => ("/".to_owned(), "/".to_owned()),
    };
    let ancestors = consultation.as_ref().map_or_else(
        || "'none'".to_owned(),
        |live| crate::http::security::widget_ancestors(&live.consultation.settings.allowed_origins),
    );
    let css = assets(&state).await.map(|(_, a)| a.css).unwrap_or_default();
    let notices = (
        format!("/datenschutz/{slug}?lang={}", lang.code()),
        format!("/barrierefreiheit?lang={}", lang.code()),
    );
    let html = view! {
        <ErrorPage
            lang
            css
            theme=query.theme()
            trouble=Trouble::from_answer(code.as_deref(), status.as_u16(), seconds)
            again
            back
            notices
        />
    }
    .to_html();
    let mut page = page(status, html, &ancestors);
    if let Some(retry_after) = retry_after {
        page.headers_mut().insert(header::RETRY_AFTER, retry_after);
    }
    page
}
