//! All HTTP of the widget: one error type, one way to read JSON answers.
//!
//! The user sees a sentence in their language ([`ApiError::key`]); the console gets the detail.

use gloo_net::http::{Request, Response};
use std::cell::OnceCell;
use std::collections::BTreeMap;

use mitreden_core::api_error::ErrorBody;
use mitreden_core::{
    Acknowledgement, GroupId, PriorityId, ResponseSubmission, StatementSubmission,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::i18n::Key;

pub use mitreden_core::api_error::ApiError;

thread_local! {
    /// Where the API is, if not on the page's own server (see [`use_api_at`]).
    static BASE: OnceCell<String> = const { OnceCell::new() };
}

/// Sends every request to the API at `base` (`https://beteiligung.example`) instead of the
/// page's own server: the widget on a page of its own on another host (`index.html`).
pub fn use_api_at(base: &str) {
    BASE.with(|b| {
        b.get_or_init(|| base.trim_end_matches('/').to_owned());
    });
}

/// The address of the API's `path` (`/api/v1/…`).
fn endpoint(path: &str) -> String {
    BASE.with(|b| format!("{}{path}", b.get().map_or("", String::as_str)))
}

/// The sentence to show the participant for an [`ApiError`].
pub trait ErrorText {
    fn key(&self) -> Key;
}

impl ErrorText for ApiError {
    fn key(&self) -> Key {
        match self {
            ApiError::Network(_) => Key::ErrorNetwork,
            ApiError::Http { code, .. } if code == "invalid_receipt" => Key::ErrorReceiptInvalid,
            ApiError::Http { code, .. } if code == "receipt_unknown" => Key::ErrorReceiptUnknown,
            ApiError::Http { status: 404, .. } => Key::ErrorNotFound,
            ApiError::Http { code, .. } if code == "consultation_not_open" => Key::ErrorClosed,
            ApiError::Http { status, .. } if *status < 500 => Key::ErrorRejected,
            ApiError::Http { .. } | ApiError::Decode(_) => Key::ErrorServer,
        }
    }
}

/// Reads a successful answer as `T`, or the API's error format as [`ApiError::Http`].
async fn into_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let text = response.text().await.map_err(network);
    if response.ok() {
        return crate::json::from_str(&text?).map_err(ApiError::Decode);
    }
    let body = text
        .ok()
        .and_then(|t| crate::json::from_str::<ErrorBody>(&t).ok());
    Err(ApiError::answered(
        response.status(),
        body,
        response.status_text(),
    ))
}

fn log(error: ApiError) -> ApiError {
    leptos::logging::error!("mitreden: {error}");
    error
}

/// `Authorization: Receipt …` for a code as the person typed or pasted it. Only the printable
/// ASCII of it: a header cannot carry more (the browser would refuse the request), and a code
/// is ASCII; the server finds the code among any words around it.
fn receipt_header(receipt: &str) -> String {
    let code: String = receipt
        .chars()
        .map(|c| if c.is_ascii_graphic() { c } else { ' ' })
        .collect();
    format!("Receipt {}", code.trim())
}

/// What the browser said went wrong with a request. (Not `to_string`: that would compile in
/// serde_json's error texts for gloo's JSON errors, which the widget never has.)
fn network(e: gloo_net::Error) -> ApiError {
    ApiError::Network(match e {
        gloo_net::Error::JsError(js) => js.message,
        gloo_net::Error::GlooError(text) => text,
        _ => String::new(),
    })
}

/// `POST /api/v1/consultations/{slug}/responses`, with a solved proof-of-work challenge if
/// the consultation asks for one.
pub async fn submit(
    slug: &str,
    submission: &ResponseSubmission,
    proof: Option<&str>,
) -> Result<Acknowledgement, ApiError> {
    post_submission(
        &format!("/api/v1/consultations/{slug}/responses"),
        submission,
        proof,
    )
    .await
}

async fn post_submission<T: serde::Serialize>(
    url: &str,
    body: &T,
    proof: Option<&str>,
) -> Result<Acknowledgement, ApiError> {
    let mut request = Request::post(&endpoint(url));
    if let Some(proof) = proof {
        request = request.header(crate::proof::HEADER, proof);
    }
    let json = crate::json::to_string(body).map_err(|e| log(ApiError::Decode(e)))?;
    let request = request
        .header("Content-Type", "application/json")
        .body(json)
        .map_err(network)
        .map_err(log)?;
    let response = request.send().await.map_err(network).map_err(log)?;
    into_json(response).await.map_err(log)
}

/// The part of the results a participant is shown: each group's ranking. (The full results
/// carry much more; reading only this keeps the widget small.)
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GroupStandings {
    pub min_group_size: u64,
    pub groups: BTreeMap<GroupId, GroupStanding>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GroupStanding {
    pub responses: u64,
    pub too_small: bool,
    /// Too small to publish without showing what single people answered: no ranking.
    #[serde(default)]
    pub withheld: bool,
    pub ranking: Vec<Standing>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Standing {
    pub priority: PriorityId,
    pub rank: u32,
}

/// `GET /api/v1/consultations/{slug}/results`, reduced to [`GroupStandings`].
pub async fn standings(slug: &str) -> Result<GroupStandings, ApiError> {
    let url = format!("/api/v1/consultations/{slug}/results");
    let response = Request::get(&endpoint(&url))
        .send()
        .await
        .map_err(network)
        .map_err(log)?;
    into_json(response).await.map_err(log)
}

/// `POST /api/v1/consultations/{slug}/statements`, as [`submit`].
pub async fn submit_statement(
    slug: &str,
    statement: &StatementSubmission,
    proof: Option<&str>,
) -> Result<Acknowledgement, ApiError> {
    post_submission(
        &format!("/api/v1/consultations/{slug}/statements"),
        statement,
        proof,
    )
    .await
}

/// `GET /api/v1/consultations/{slug}/challenge`
pub async fn challenge(slug: &str) -> Result<mitreden_core::proof::Challenge, ApiError> {
    let url = format!("/api/v1/consultations/{slug}/challenge");
    let response = Request::get(&endpoint(&url)).send().await.map_err(network);
    into_json(response.map_err(log)?).await.map_err(log)
}

/// `DELETE /api/v1/consultations/{slug}/{responses|statements}/mine` with the receipt.
pub async fn withdraw(slug: &str, organisation: bool, receipt: &str) -> Result<(), ApiError> {
    let kind = if organisation {
        "statements"
    } else {
        "responses"
    };
    let url = format!("/api/v1/consultations/{slug}/{kind}/mine");
    let response = Request::delete(&endpoint(&url))
        .header("Authorization", &receipt_header(receipt))
        .send()
        .await
        .map_err(network)
        .map_err(log)?;
    if response.ok() {
        Ok(())
    } else {
        into_json::<serde::de::IgnoredAny>(response)
            .await
            .map(|_| ())
            .map_err(log)
    }
}

/// `GET /api/v1/consultations/{slug}`: the consultation in all its languages.
pub async fn consultation(slug: &str) -> Result<mitreden_core::Consultation, ApiError> {
    let url = format!("/api/v1/consultations/{slug}");
    let response = Request::get(&endpoint(&url)).send().await.map_err(network);
    into_json(response.map_err(log)?).await.map_err(log)
}

/// What was published about the outcome (`GET /api/v1/consultations/{slug}/progress`).
#[derive(Debug, Clone, Deserialize)]
pub struct Progress {
    pub progress: mitreden_core::outcome::FollowUp,
}

/// `GET /api/v1/consultations/{slug}/progress`.
pub async fn progress(slug: &str) -> Result<mitreden_core::outcome::FollowUp, ApiError> {
    let url = format!("/api/v1/consultations/{slug}/progress");
    let response = Request::get(&endpoint(&url)).send().await.map_err(network);
    let document: Progress = into_json(response.map_err(log)?).await.map_err(log)?;
    Ok(document.progress)
}
