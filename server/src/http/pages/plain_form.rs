//! Taking part without WebAssembly or JavaScript, `/w/{slug}/form`: the plain HTML form
//! (`mitreden_views::participation::form_page`), read by the core's rules for it
//! (`mitreden_core::plain_form`), checked and stored exactly like a response sent by the widget,
//! and answered with a receipt page. Sending is rate limited like every write.

use axum::body::Bytes;
use axum::extract::{Query, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use mitreden_core::plain_form::PlainAnswers;
use mitreden_core::{Consultation, Lang, ResponseId, Status, ValidationError};
use mitreden_views::i18n::fill;
use mitreden_views::participation::form_page::{FormLinks, FormPage, FormState};
use mitreden_views::participation::page_texts::{text as page_text, Key as PageKey};
use mitreden_views::participation::receipt_page::ReceiptPage;
use mitreden_views::participation::texts::{text, Key};
use rand::RngCore;
use serde::Deserialize;

use crate::counting::Live;
use crate::error::AppError;
use crate::guard::rate_limit::{self, RateLimit};
use crate::http::api::submissions::{store, Responses};
use crate::http::json::ApiPath;
use crate::http::pages::error_page;
use crate::http::pages::widget::{assets, in_language, page, WidgetQuery};
use crate::state::AppState;

pub fn routes(state: &AppState, limits: RateLimit) -> Router<AppState> {
    let send = Router::new().route("/w/{slug}/form", axum::routing::post(send));
    Router::new()
        // The empty form holds no secret and is compressed; what a POST answers (the answers
        // again, or the receipt) is not: a receipt beside text the sender chose must not be
        // told apart by its compressed length.
        .route(
            "/w/{slug}/form",
            get(show).layer(crate::http::pages::compressed()),
        )
        .merge(
            rate_limit::limit(send, limits)
                .layer(middleware::from_fn_with_state(state.clone(), keep_answers)),
        )
        .layer(middleware::from_fn_with_state(
            state.clone(),
            error_page::as_page,
        ))
}

/// The open consultation `slug`, and the language to show it in.
fn open(
    state: &AppState,
    slug: &str,
    query: &WidgetQuery,
    headers: &HeaderMap,
) -> Option<(std::sync::Arc<Live>, Lang)> {
    in_language(state, slug, query, headers, |status| status == Status::Open)
}

/// What the widget page's first question hands on when the widget could not load.
#[derive(Debug, Default, Deserialize)]
struct Chosen {
    group: Option<String>,
}

/// `GET`: the form with a fresh response id, empty but for the group chosen on the widget
/// page, if one of the consultation's was.
async fn show(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<WidgetQuery>,
    Query(chosen): Query<Chosen>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Some((live, lang)) = open(&state, &slug, &query, &headers) else {
        // Closed, not yet open or unknown: the widget page says which.
        return Ok(Redirect::to(&format!("/w/{slug}")).into_response());
    };
    let group = chosen.group.filter(|g| {
        live.consultation
            .groups
            .iter()
            .any(|known| known.id.to_string() == *g)
    });
    let state_of_form = FormState {
        answers: PlainAnswers::new(group.map(|g| ("group".to_owned(), g))),
        ..FormState::default()
    };
    let id = fresh_id();
    form(
        &state,
        &live.consultation,
        lang,
        &query,
        id,
        state_of_form,
        StatusCode::OK,
    )
    .await
}

/// `POST`: checked; back to the form with what is wrong, or stored and the receipt.
async fn send(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<WidgetQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, AppError> {
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&body)
        .map_err(|e| AppError::InvalidBody(format!("not a form: {e}")))?;
    let Some((live, lang)) = open(&state, &slug, &query, &headers) else {
        return Ok(Redirect::to(&format!("/w/{slug}")).into_response());
    };
    let c = &live.consultation;
    let answers = PlainAnswers::new(fields);
    let id = answers.value("id").to_owned();
    // What is wrong with the form, if anything; else it is stored and the receipt shown.
    let wrong = match answers.read(c, &id, lang) {
        Err(problems) => FormState {
            answers,
            problems,
            refusal: None,
        },
        Ok(sent) => match store::<Responses>(&state, &slug, &live, &sent, None).await {
            Ok((status, acknowledgement, response)) => {
                let (_, assets) = assets(&state).await?;
                let back = format!(
                    "{}#mtr-title",
                    query.in_language(&format!("/w/{slug}"), lang)
                );
                let html = view! {
                    <ReceiptPage
                        consultation=c.clone()
                        lang
                        theme=query.theme()
                        css=assets.css
                        boot=assets.boot
                        response
                        receipt=acknowledgement.receipt
                        back
                        notices=(
                            format!("/datenschutz/{slug}?lang={}", lang.code()),
                            format!("/barrierefreiheit?lang={}", lang.code()),
                        )
                    />
                }
                .to_html();
                // The receipt proves ownership: no cache may keep the page.
                return Ok(uncached_page(c, status, html));
            }
            Err(refused) => {
                // Not stored: the form again, with the answers and why.
                let (status, sentence) = refusal(lang, &refused);
                let wrong = FormState {
                    answers,
                    problems: Vec::new(),
                    refusal: Some(sentence),
                };
                let page = form(&state, c, lang, &query, id, wrong, status).await?;
                return Ok(retry_after(page, &refused));
            }
        },
    };
    form(
        &state,
        c,
        lang,
        &query,
        id,
        wrong,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// Why a form that passed its own checks was not stored, as a sentence for the form's error
/// summary, and the status to answer with.
fn refusal(lang: Lang, error: &AppError) -> (StatusCode, String) {
    let key = match error {
        AppError::Invalid(ValidationError::HoneypotFilled) => Key::ErrorHoneypot,
        AppError::Invalid(ValidationError::ConsultationNotOpen) => Key::ErrorClosed,
        AppError::Invalid(_) | AppError::IdConflict | AppError::Withdrawn => Key::ErrorRejected,
        _ => {
            if let AppError::Internal(e) = error {
                tracing::error!(error = %e, "internal error");
            }
            let sentence = page_text(lang, PageKey::FormNotStored).to_owned();
            return (error.status(), sentence);
        }
    };
    (StatusCode::UNPROCESSABLE_ENTITY, text(lang, key).to_owned())
}

/// `page` with the `Retry-After` that `error` asks for, if any.
fn retry_after(mut page: Response, error: &AppError) -> Response {
    let seconds = match error {
        AppError::RateLimited(s) | AppError::TooManyAttempts(s) => Some(*s),
        AppError::Unavailable => Some(u64::from(crate::error::RETRY_UNAVAILABLE)),
        _ => None,
    };
    if let Some(seconds) = seconds {
        page.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    page
}

/// A form the rate limit turned away comes back as the form, with the person's answers and
/// when to send it again, instead of the limit's JSON: nothing typed is lost.
async fn keep_answers(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, crate::ops::serve::MAX_BODY).await else {
        return AppError::PayloadTooLarge.into_response();
    };
    let request = Request::from_parts(parts, axum::body::Body::from(body.clone()));
    let response = next.run(request).await;
    if response.status() != StatusCode::TOO_MANY_REQUESTS {
        return response;
    }
    let query: WidgetQuery = raw
        .and_then(|q| serde_urlencoded::from_str(&q).ok())
        .unwrap_or_default();
    let fields: Option<Vec<(String, String)>> = serde_urlencoded::from_bytes(&body).ok();
    let (Some(fields), Some((live, lang))) = (fields, open(&state, &slug, &query, &headers)) else {
        return response;
    };
    let seconds = (response.headers().get(header::RETRY_AFTER))
        .and_then(|v| v.to_str().ok()?.parse().ok())
        .unwrap_or(60);
    let answers = PlainAnswers::new(fields);
    let id = answers.value("id").to_owned();
    let sentence = fill(
        page_text(lang, PageKey::FormTooMany),
        &[(
            "seconds",
            &mitreden_views::participation::page_texts::seconds(lang, seconds),
        )],
    );
    let wrong = FormState {
        answers,
        problems: Vec::new(),
        refusal: Some(sentence),
    };
    let status = StatusCode::TOO_MANY_REQUESTS;
    match form(&state, &live.consultation, lang, &query, id, wrong, status).await {
        Ok(page) => retry_after(page, &AppError::RateLimited(seconds)),
        Err(_) => response,
    }
}

/// The form page, with `state` (empty, or what was sent and what is wrong with it).
async fn form(
    state: &AppState,
    c: &Consultation,
    lang: Lang,
    query: &WidgetQuery,
    id: String,
    form_state: FormState,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (_, assets) = assets(state).await?;
    let path = format!("/w/{}/form", c.slug);
    let links = FormLinks {
        languages: c
            .languages
            .iter()
            .map(|&l| (l, query.in_language(&path, l)))
            .collect(),
        privacy: format!("/datenschutz/{}?lang={}", c.slug, lang.code()),
        accessibility: format!("/barrierefreiheit?lang={}", lang.code()),
        action: query.in_language(&path, lang),
    };
    let html = view! {
        <FormPage
            consultation=c.clone()
            lang
            theme=query.theme()
            css=assets.css
            boot=assets.boot
            links
            id
            state=form_state
        />
    }
    .to_html();
    // What a person typed is not for caches either.
    Ok(uncached_page(c, status, html))
}

/// A page of `c` that no cache may keep (what a person typed, a receipt), framed only where
/// the consultation's widget may be.
pub(crate) fn uncached_page(c: &Consultation, status: StatusCode, html: String) -> Response {
    let mut response = page(
        status,
        html,
        &crate::http::security::widget_ancestors(&c.settings.allowed_origins),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A new random response id (a UUID, version 4).
fn fresh_id() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    ResponseId::from_random_bytes(bytes).to_string()
}
