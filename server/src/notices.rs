//! The privacy notice (`/datenschutz`, and `/datenschutz/{slug}` for one consultation) and the
//! accessibility statement (`/barrierefreiheit`), rendered from the deployment's notices file
//! (`--notices`) and the consultation (`mitreden_views::notices`). Plain pages: no scripts, in
//! German or English (`?lang=`).

use axum::extract::{Query, State};
use axum::response::Html;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use mitreden_core::{Lang, Status};
use mitreden_views::notices::accessibility_page::AccessibilityPage;
use mitreden_views::notices::privacy_page::PrivacyPage;
use serde::Deserialize;

use crate::error::AppError;
use crate::json::ApiPath;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    fn lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_default()
    }
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
    Query(query): Query<LangQuery>,
) -> Html<String> {
    let lang = query.lang();
    let notices = (*state.notices).clone();
    let other = Some(other_language("/datenschutz", lang));
    let html =
        view! { <PrivacyPage lang notices consultation=None other_language=other /> }.to_html();
    Html(format!("<!doctype html>{html}"))
}

/// `/datenschutz/{slug}`: the privacy notice of one consultation, with its retention period
/// and what it publishes.
pub async fn privacy_of(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<LangQuery>,
) -> Result<Html<String>, AppError> {
    let live = state
        .consultation(&slug)
        .filter(|l| l.consultation.status != Status::Draft)
        .ok_or_else(|| AppError::ConsultationNotFound(slug.clone()))?;
    let lang = live.consultation.language_for(query.lang());
    let notices = (*state.notices).clone();
    let consultation = Some(live.consultation.clone());
    let other = Some(other_language(&format!("/datenschutz/{slug}"), lang));
    let html = view! { <PrivacyPage lang notices consultation other_language=other /> }.to_html();
    Ok(Html(format!("<!doctype html>{html}")))
}

/// `/barrierefreiheit`: the accessibility statement.
pub async fn accessibility(
    State(state): State<AppState>,
    Query(query): Query<LangQuery>,
) -> Html<String> {
    let lang = query.lang();
    let notices = (*state.notices).clone();
    let other = Some(other_language("/barrierefreiheit", lang));
    let html = view! { <AccessibilityPage lang notices other_language=other /> }.to_html();
    Html(format!("<!doctype html>{html}"))
}
