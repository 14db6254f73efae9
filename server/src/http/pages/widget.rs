//! The widget page, `/w/{slug}`: the welcome rendered on the server (in the visitor's language
//! and the host's look) with the consultation's data for the widget, which loads on the first
//! sign of use and takes over (see `mitreden_views::participation::widget_page`).

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Extension;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use mitreden_core::theme::Theme;
use mitreden_core::{Lang, Status};
use mitreden_views::participation::missing_page::MissingPage;
use mitreden_views::participation::welcome::WelcomeLinks;
use mitreden_views::participation::widget_page::{WidgetAssets, WidgetPage};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::http::json::ApiPath;
use crate::http::security;
use crate::state::AppState;

/// What the widget page's address carries (see `public/embed.js`): the language, the embedding
/// page's origin (for height messages, read by the page's script) and the host's look.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
pub struct WidgetQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    font: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    radius: Option<String>,
}

impl WidgetQuery {
    pub(crate) fn theme(&self) -> Theme {
        Theme::parse(
            self.accent.as_deref(),
            self.font.as_deref(),
            self.radius.as_deref(),
        )
    }

    /// The language asked for in the address, else the first of the browser's that mitreden
    /// speaks.
    pub(crate) fn wanted(&self, headers: &HeaderMap) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::from_code)
            .or_else(|| {
                headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(accepted_language)
            })
            .unwrap_or_default()
    }

    /// What the widget page's address carries on to the plain form, in `lang`: as its address's
    /// fields.
    pub(crate) fn carried(&self, lang: Lang) -> Vec<(String, String)> {
        let query = WidgetQuery {
            lang: Some(lang.code().to_owned()),
            ..self.clone()
        };
        serde_urlencoded::to_string(&query)
            .ok()
            .and_then(|q| serde_urlencoded::from_str(&q).ok())
            .unwrap_or_default()
    }

    /// This page's address in `lang`.
    pub(crate) fn in_language(&self, path: &str, lang: Lang) -> String {
        let query = WidgetQuery {
            lang: Some(lang.code().to_owned()),
            ..self.clone()
        };
        format!(
            "{path}?{}",
            serde_urlencoded::to_string(&query).unwrap_or_default()
        )
    }
}

/// The first language of an `Accept-Language` header that mitreden speaks, by preference
/// (`q`), earlier entries first among equals.
fn accepted_language(header: &str) -> Option<Lang> {
    let mut offered: Vec<(f32, usize, Lang)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, entry)| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            let lang = Lang::from_code(tag.get(..2)?)?;
            (q > 0.0).then_some((q, i, lang))
        })
        .collect();
    offered.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    offered.first().map(|&(_, _, lang)| lang)
}

/// The consultation `slug` if its status is one `shown` admits, and the language to show it
/// in: the one asked for if the consultation has it.
pub(crate) fn in_language(
    state: &AppState,
    slug: &str,
    query: &WidgetQuery,
    headers: &HeaderMap,
    shown: fn(Status) -> bool,
) -> Option<(std::sync::Arc<crate::counting::Live>, Lang)> {
    let live = state
        .counts
        .consultation(slug)
        .filter(|l| shown(l.consultation.status))?;
    let lang = live.consultation.language_for(query.wanted(headers));
    Some((live, lang))
}

/// The current widget build's files: `dist/current` names its directory (written by
/// `scripts/build-wasm.sh`).
pub(crate) async fn assets(state: &AppState) -> Result<(String, WidgetAssets), AppError> {
    let current = tokio::fs::read_to_string(state.settings.widget_dir.join("current"))
        .await
        .map_err(|_| AppError::WidgetMissing)?;
    let build = current.trim();
    if build.len() != 16 || !build.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::WidgetMissing);
    }
    let css = tokio::fs::read_to_string(state.settings.widget_dir.join(build).join("widget.css"))
        .await
        .map_err(|_| AppError::WidgetMissing)?;
    let boot = format!("/widget/{build}/boot.js");
    Ok((build.to_owned(), WidgetAssets { css, boot }))
}

pub async fn widget_page(
    State(state): State<AppState>,
    Extension(cache): crate::http::public_cache::Cache,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<WidgetQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (_, assets) = assets(&state).await?;
    let wanted = query.wanted(&headers);
    let live = state
        .counts
        .consultation(&slug)
        .filter(|live| live.consultation.status != Status::Draft);
    let Some(live) = live else {
        let html = view! { <MissingPage lang=wanted css=assets.css /> }.to_html();
        return Ok(page(StatusCode::NOT_FOUND, html, "*"));
    };
    let c = live.consultation.clone();
    let lang = c.language_for(wanted);
    let path = format!("/w/{slug}");
    let links = WelcomeLinks {
        languages: c
            .languages
            .iter()
            .map(|&l| (l, query.in_language(&path, l)))
            .collect(),
        privacy: format!("/datenschutz/{slug}?lang={}", lang.code()),
        accessibility: format!("/barrierefreiheit?lang={}", lang.code()),
        form: format!("{path}/form"),
        carried: query.carried(lang),
        lookup: query.in_language(&format!("{path}/lookup"), lang),
    };
    // A closed consultation's page shows what became of the input.
    let follow_up = match c.status {
        Status::Closed => Some(cache.content.get(&state, &live).await?.follow_up.clone()),
        _ => None,
    };
    // The widget speaks the page's language: its texts only (the consultation's JSON
    // endpoint has them all).
    let data = serde_json::to_string(&c.in_language(lang)).map_err(|_| AppError::WidgetMissing)?;
    let ancestors = security::widget_ancestors(&c.settings.allowed_origins);
    let theme = query.theme();
    let html =
        view! { <WidgetPage consultation=c lang theme links assets data follow_up /> }.to_html();
    Ok(page(StatusCode::OK, html, &ancestors))
}

/// A page of the widget with its policy: scripts and styles of this server, inline ones by
/// their hash; framed only by `ancestors`.
pub(crate) fn page(status: StatusCode, html: String, ancestors: &str) -> Response {
    let html = format!("<!doctype html>{html}");
    let policy = security::app_policy(&html, ancestors);
    (
        status,
        [
            (header::CACHE_CONTROL, "no-cache".to_owned()),
            (header::CONTENT_SECURITY_POLICY, policy),
            (header::VARY, "accept-language".to_owned()),
        ],
        Html(html),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::accepted_language;
    use mitreden_core::Lang;

    #[test]
    fn the_browser_s_preferred_language_that_mitreden_speaks_wins() {
        assert_eq!(accepted_language("en-GB,en;q=0.9,de;q=0.8"), Some(Lang::En));
        assert_eq!(
            accepted_language("fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4"),
            Some(Lang::De)
        );
        assert_eq!(accepted_language("de;q=0.5, en;q=0.7"), Some(Lang::En));
        assert_eq!(accepted_language("en;q=0, fr"), None);
        assert_eq!(accepted_language(""), None);
    }
}
