//! The privacy notice (`/datenschutz`, and `/datenschutz/{slug}` for one consultation) and the
//! accessibility statement (`/barrierefreiheit`), rendered from the deployment's notices file
//! (`--notices`) and the consultation (`mitreden_views::notices`). Plain pages: no scripts, in
//! German or English (`?lang=`, else the browser's language).

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Response};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use mitreden_core::{Lang, Status};
use mitreden_views::notices::accessibility_page::AccessibilityPage;
use mitreden_views::notices::privacy_page::PrivacyPage;

use crate::error::AppError;
use crate::http::json::ApiPath;
use crate::http::pages::widget::WidgetQuery;
use crate::state::AppState;

/// A notice page in its language: the one asked for in the address, else the browser's.
fn page(html: String) -> Response {
    let html = format!("<!doctype html>{html}");
    ([(header::VARY, "accept-language")], Html(html)).into_response()
}

/// The address of `path` in the other language.
fn other_language(path: &str, lang: Lang) -> String {
    let other = match lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    };
    format!("{path}?lang={}", other.code())
}

/// `/datenschutz`: the privacy notice for every consultation of this deployment.
pub async fn privacy(
    State(state): State<AppState>,
    Query(query): Query<WidgetQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = query.wanted(&headers);
    let notices = (*state.settings.notices).clone();
    let other = Some(other_language("/datenschutz", lang));
    let html =
        view! { <PrivacyPage lang notices consultation=None other_language=other /> }.to_html();
    page(html)
}

/// `/datenschutz/{slug}`: the privacy notice of one consultation, with its retention period
/// and what it publishes.
pub async fn privacy_of(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<WidgetQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let live = state
        .counts
        .consultation(&slug)
        .filter(|l| l.consultation.status != Status::Draft)
        .ok_or_else(|| AppError::ConsultationNotFound(slug.clone()))?;
    let lang = live.consultation.language_for(query.wanted(&headers));
    let notices = (*state.settings.notices).clone();
    let consultation = Some(live.consultation.clone());
    let other = Some(other_language(&format!("/datenschutz/{slug}"), lang));
    let html = view! { <PrivacyPage lang notices consultation other_language=other /> }.to_html();
    Ok(page(html))
}

/// `/barrierefreiheit`: the accessibility statement.
pub async fn accessibility(
    State(state): State<AppState>,
    Query(query): Query<WidgetQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = query.wanted(&headers);
    let notices = (*state.settings.notices).clone();
    let other = Some(other_language("/barrierefreiheit", lang));
    let html = view! { <AccessibilityPage lang notices other_language=other /> }.to_html();
    page(html)
}
