//! The receipt look-up as a page, `/w/{slug}/lookup`: a participant with a receipt code sees
//! what it was given for and can withdraw it, with a confirmation first — without the widget
//! and without JavaScript (`mitreden_views::participation::lookup_page`). The code travels in
//! the forms' bodies only, never in an address, and no cache may keep a page of it. Looking up
//! is rate limited like every use of a receipt.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Extension;
use axum::Router;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use mitreden_core::{Lang, Status, Submitted};
use mitreden_views::participation::lookup_page::{LookupLinks, LookupPage, LookupState};
use mitreden_views::participation::page_texts::{text as page_text, Key as PageKey};
use mitreden_views::participation::texts::{text, Key};
use serde::Deserialize;

use crate::counting::Live;
use crate::error::AppError;
use crate::guard::rate_limit::{self, RateLimit};
use crate::guard::receipt;
use crate::http::api::submissions::{find_either, withdraw_by, Responses, Statements};
use crate::http::json::ApiPath;
use crate::http::pages::plain_form::uncached_page;
use crate::http::pages::widget::{assets, in_language, WidgetQuery};
use crate::state::AppState;

pub fn routes(limits: RateLimit) -> Router<AppState> {
    let send = Router::new().route("/w/{slug}/lookup", axum::routing::post(send));
    Router::new()
        // The empty form is compressed; what a POST answers holds the receipt code (see
        // crate::http::pages::plain_form::routes).
        .route(
            "/w/{slug}/lookup",
            get(show).layer(crate::http::pages::compressed()),
        )
        .merge(rate_limit::limit(send, limits))
}

/// What the look-up's forms send.
#[derive(Debug, Deserialize)]
struct Asked {
    #[serde(default)]
    code: String,
    /// What to do with the submission: show it (the default), ask to confirm withdrawing it,
    /// withdraw it.
    #[serde(default)]
    step: Step,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Step {
    #[default]
    Show,
    Confirm,
    Withdraw,
}

/// The consultation `slug` if its page is public (open or closed), and the language to show it in.
fn public(
    state: &AppState,
    slug: &str,
    query: &WidgetQuery,
    headers: &HeaderMap,
) -> Option<(std::sync::Arc<Live>, Lang)> {
    in_language(state, slug, query, headers, |status| {
        status != Status::Draft
    })
}

/// `GET`: the empty form.
async fn show(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<WidgetQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Some((live, lang)) = public(&state, &slug, &query, &headers) else {
        return Ok(Redirect::to(&format!("/w/{slug}")).into_response());
    };
    let empty = LookupState::Form {
        code: String::new(),
        error: None,
    };
    page(&state, &live, lang, &query, empty, StatusCode::OK).await
}

/// `POST`: the code checked, then what it was given for, the question whether to withdraw it,
/// or its withdrawal; a code that is missing, malformed or unknown back in the form, said why.
async fn send(
    State(state): State<AppState>,
    Extension(cache): crate::http::public_cache::Cache,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<WidgetQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let asked: Asked = serde_urlencoded::from_bytes(&body).map_err(|e| {
        AppError::InvalidBody(format!(
            "not the look-up form (a code, and step show, confirm or withdraw): {e}"
        ))
    })?;
    let Some((live, lang)) = public(&state, &slug, &query, &headers) else {
        return Ok(Redirect::to(&format!("/w/{slug}")).into_response());
    };
    let code = asked.code.trim().to_owned();
    let refused = |error: &'static str, status: StatusCode| {
        let state_of_page = LookupState::Form {
            code: code.clone(),
            error: Some(error),
        };
        (state_of_page, status)
    };
    let (shown, status) = if code.is_empty() {
        refused(
            page_text(lang, PageKey::ReceiptCodeMissing),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    } else if let Some(canonical) = receipt::normalise(&code) {
        // The page's forms carry the code on as a code, not with the words it was pasted with.
        let code = canonical;
        let hash = receipt::hash(&code).expect("a normalised receipt hashes");
        match (find_either(&state, &slug, &hash).await?, asked.step) {
            (None, _) => refused(text(lang, Key::ErrorReceiptUnknown), StatusCode::NOT_FOUND),
            (Some(found), Step::Show) => {
                let follow_up = cache.content.get(&state, &live).await?.follow_up.clone();
                let found = LookupState::Found {
                    code,
                    found: Box::new(found),
                    follow_up: Box::new(follow_up),
                };
                (found, StatusCode::OK)
            }
            (Some(found), Step::Confirm) => {
                let statement = found.is_statement();
                (LookupState::Confirm { code, statement }, StatusCode::OK)
            }
            (Some(found), Step::Withdraw) => {
                let withdrawn = match found {
                    Submitted::Response(_) => {
                        withdraw_by::<Responses>(&state, &slug, &hash).await?
                    }
                    Submitted::Statement(_) => {
                        withdraw_by::<Statements>(&state, &slug, &hash).await?
                    }
                };
                let statement = found.is_statement();
                if withdrawn {
                    (LookupState::Withdrawn { statement }, StatusCode::OK)
                } else {
                    // Withdrawn meanwhile, in another window.
                    refused(text(lang, Key::ErrorReceiptUnknown), StatusCode::NOT_FOUND)
                }
            }
        }
    } else {
        refused(
            text(lang, Key::ErrorReceiptInvalid),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    page(&state, &live, lang, &query, shown, status).await
}

/// The look-up page in `shown`'s state.
async fn page(
    state: &AppState,
    live: &Live,
    lang: Lang,
    query: &WidgetQuery,
    shown: LookupState,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (_, assets) = assets(state).await?;
    let c = &live.consultation;
    let slug = &c.slug;
    let links = LookupLinks {
        action: query.in_language(&format!("/w/{slug}/lookup"), lang),
        // To the welcome's title: the page's script shows it from there (and focuses it).
        back: format!(
            "{}#mtr-title",
            query.in_language(&format!("/w/{slug}"), lang)
        ),
        notices: (
            format!("/datenschutz/{slug}?lang={}", lang.code()),
            format!("/barrierefreiheit?lang={}", lang.code()),
        ),
    };
    let html = view! {
        <LookupPage
            consultation=c.clone()
            lang
            theme=query.theme()
            css=assets.css
            boot=assets.boot
            state=shown
            links
        />
    }
    .to_html();
    // The code is in the page (its forms carry it on): no cache may keep it.
    Ok(uncached_page(c, status, html))
}
