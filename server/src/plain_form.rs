//! Taking part without WebAssembly or JavaScript, `/w/{slug}/form`: the plain HTML form
//! (`mitreden_views::participation::form_page`), read by the core's rules for it
//! (`mitreden_core::plain_form`), checked and stored exactly like a response sent by the widget,
//! and answered with a receipt page. Sending is rate limited like every write.

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use mitreden_core::plain_form::PlainAnswers;
use mitreden_core::{Consultation, Lang, ResponseId, Status, ValidationError};
use mitreden_views::participation::form_page::{FormLinks, FormPage, FormState};
use mitreden_views::participation::receipt_page::ReceiptPage;
use mitreden_views::participation::texts::{text, Key};
use rand::RngCore;
use serde::Deserialize;

use crate::api::submissions::{store, Responses};
use crate::error::AppError;
use crate::json::ApiPath;
use crate::rate_limit::{self, RateLimit};
use crate::state::{AppState, Live};
use crate::widget_page::{assets, in_language, page, WidgetQuery};

pub fn routes(limits: RateLimit) -> Router<AppState> {
    let send = Router::new().route("/w/{slug}/form", axum::routing::post(send));
    Router::new()
        .route("/w/{slug}/form", get(show))
        .merge(rate_limit::limit(send, limits))
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
            Err(refused) => FormState {
                answers,
                problems: Vec::new(),
                refusal: Some(refusal(lang, &refused).ok_or(refused)?),
            },
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

/// Why a form that passed its own checks was refused, as a sentence (`None`: not the sender's
/// doing, the error page says what happened).
fn refusal(lang: Lang, error: &AppError) -> Option<String> {
    let key = match error {
        AppError::Invalid(ValidationError::HoneypotFilled) => Key::ErrorHoneypot,
        AppError::Invalid(ValidationError::ConsultationNotOpen) => Key::ErrorClosed,
        AppError::Invalid(_) | AppError::IdConflict | AppError::Withdrawn => Key::ErrorRejected,
        _ => return None,
    };
    Some(text(lang, key).to_owned())
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
        &crate::security::widget_ancestors(&c.settings.allowed_origins),
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
