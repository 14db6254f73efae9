//! All HTTP of the dashboard, against the staff API (same origin; the session cookie goes
//! along). One error type; the user sees a sentence, the console the detail.

use gloo_net::http::{Request, RequestBuilder, Response};
use mitreden_core::api_error::ErrorBody;
use mitreden_core::indicator::IndicatorsSubmission;
use mitreden_core::outcome::{FollowUp, OutcomeSubmission};
use mitreden_core::{
    Consultation, LocalizedText, Results, StatementSummary, Status, ValidStatement,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::i18n::Key;

pub use mitreden_core::api_error::ApiError;

/// The sentence to show for an [`ApiError`].
pub trait ErrorText {
    fn key(&self) -> Key;
}

impl ErrorText for ApiError {
    fn key(&self) -> Key {
        let ApiError::Http { status, code, .. } = self else {
            return Key::Failed;
        };
        match code.as_str() {
            "wrong_credentials" => Key::WrongCredentials,
            "too_many_attempts" => Key::Throttled,
            _ if *status == 403 => Key::Forbidden,
            "changed_meanwhile" => Key::ProblemChanged,
            "missing_language" => Key::ProblemLanguage,
            "text_too_long" => Key::ProblemTooLong,
            "value_without_date" | "date_without_value" | "invalid_date" | "invalid_number"
            | "value_out_of_range" => Key::ProblemMeasurement,
            "target_against_direction" | "target_before_baseline" => Key::ProblemTarget,
            "value_before_baseline" => Key::ProblemBeforeBaseline,
            "duplicate_date" => Key::ProblemDuplicateDate,
            "invalid_indicator_id" | "duplicate_indicator" => Key::ProblemIndicatorId,
            "invalid_csv" | "unknown_priority" | "unknown_indicator" | "too_many_rows" => {
                Key::ProblemCsv
            }
            _ => Key::Failed,
        }
    }
}

async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    let request = request.map_err(|e| ApiError::Decode(e.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if response.ok() {
        return Ok(response);
    }
    let body = response.json::<ErrorBody>().await.ok();
    let error = ApiError::answered(response.status(), body, response.status_text());
    leptos::logging::error!("mitreden: {error:?}");
    Err(error)
}

async fn json<T: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<T, ApiError> {
    send(request)
        .await?
        .json()
        .await
        .map_err(|e| ApiError::Decode(e.to_string()))
}

fn with_body(builder: RequestBuilder, body: &impl Serialize) -> Result<Request, gloo_net::Error> {
    builder.json(body)
}

const STAFF: &str = "/api/v1/staff";

/// The signed-in member.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Member {
    pub name: String,
    pub role: String,
}

impl Member {
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
    }
}

pub async fn me() -> Result<Member, ApiError> {
    json(Request::get(&format!("{STAFF}/me")).build()).await
}

pub async fn sign_in(name: &str, password: &str) -> Result<Member, ApiError> {
    let body = json!({ "name": name, "password": password });
    json(with_body(Request::post(&format!("{STAFF}/session")), &body)).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    send(Request::delete(&format!("{STAFF}/session")).build())
        .await
        .map(|_| ())
}

/// One line of the consultation list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Summary {
    pub slug: String,
    pub title: LocalizedText,
    pub status: Status,
    pub responses: u64,
    pub statements: u64,
    #[serde(default)]
    pub personal_data_removal: Option<Removal>,
}

/// When a closed consultation's personal data is (or was) removed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Removal {
    /// `YYYY-MM-DD`
    pub date: String,
    pub done: bool,
}

pub async fn consultations() -> Result<Vec<Summary>, ApiError> {
    json(Request::get(&format!("{STAFF}/consultations")).build()).await
}

pub async fn definition(slug: &str) -> Result<Consultation, ApiError> {
    json(Request::get(&format!("{STAFF}/consultations/{slug}")).build()).await
}

pub async fn save(consultation: &Consultation) -> Result<(), ApiError> {
    let url = format!("{STAFF}/consultations/{}", consultation.slug);
    send(with_body(Request::put(&url), consultation))
        .await
        .map(|_| ())
}

pub async fn set_status(slug: &str, status: Status) -> Result<Consultation, ApiError> {
    let url = format!("{STAFF}/consultations/{slug}/status");
    json(with_body(Request::post(&url), &json!({ "status": status }))).await
}

/// The full results with the organisations' stances.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StaffResults {
    #[serde(flatten)]
    pub results: Results,
    pub organisations: StatementSummary,
}

pub async fn results(slug: &str) -> Result<StaffResults, ApiError> {
    json(Request::get(&format!("{STAFF}/consultations/{slug}/results")).build()).await
}

/// A comment or proposal in the moderation queue.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Item {
    pub id: i64,
    #[serde(default)]
    pub conflict: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(alias = "title")]
    pub text: String,
    #[serde(default)]
    pub reason: Option<String>,
    pub status: String,
    #[serde(default)]
    pub copies: u64,
    /// The first of a comment's copies (comments only).
    #[serde(default)]
    pub copy_of: Option<i64>,
}

pub async fn comments(slug: &str) -> Result<Vec<Item>, ApiError> {
    json(Request::get(&format!("{STAFF}/consultations/{slug}/comments")).build()).await
}

pub async fn proposals(slug: &str) -> Result<Vec<Item>, ApiError> {
    json(Request::get(&format!("{STAFF}/consultations/{slug}/proposals")).build()).await
}

/// `what` is `comments` or `proposals`; `decision` e.g. `approve`.
pub async fn decide(
    slug: &str,
    what: &str,
    id: i64,
    decision: &str,
    reason: Option<String>,
) -> Result<(), ApiError> {
    let url = format!("{STAFF}/consultations/{slug}/{what}/{id}");
    let body = match reason {
        Some(r) if what == "comments" => json!({ "decision": decision, "reason": r }),
        _ => json!({ "decision": decision }),
    };
    send(with_body(Request::post(&url), &body))
        .await
        .map(|_| ())
}

/// Decides several comments at once, all or none.
pub async fn decide_comments(
    slug: &str,
    ids: Vec<i64>,
    decision: &str,
    reason: Option<String>,
) -> Result<(), ApiError> {
    let url = format!("{STAFF}/consultations/{slug}/comments/decisions");
    let body = match reason {
        Some(r) => json!({ "ids": ids, "decision": decision, "reason": r }),
        None => json!({ "ids": ids, "decision": decision }),
    };
    send(with_body(Request::post(&url), &body))
        .await
        .map(|_| ())
}

/// A statement with staff's publication mark.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct MarkedStatement {
    #[serde(flatten)]
    pub statement: ValidStatement,
    pub published: bool,
}

pub async fn statements(slug: &str) -> Result<Vec<MarkedStatement>, ApiError> {
    json(Request::get(&format!("{STAFF}/consultations/{slug}/statements")).build()).await
}

pub async fn mark_statement(slug: &str, id: &str, published: bool) -> Result<(), ApiError> {
    let url = format!("{STAFF}/consultations/{slug}/statements/{id}/publication");
    send(with_body(
        Request::post(&url),
        &json!({ "published": published }),
    ))
    .await
    .map(|_| ())
}

/// Responses on one day.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Day {
    pub date: String,
    pub responses: u64,
}

pub async fn timeline(slug: &str) -> Result<Vec<Day>, ApiError> {
    json(Request::get(&format!("{STAFF}/consultations/{slug}/timeline")).build()).await
}

/// Adds an approved priority proposal as a new priority.
pub async fn adopt(slug: &str, id: i64) -> Result<(), ApiError> {
    let url = format!("{STAFF}/consultations/{slug}/proposals/{id}/adopt");
    send(Request::post(&url).build()).await.map(|_| ())
}

/// What followed the consultation: outcome, indicators, round comparison.
pub async fn outcome(slug: &str) -> Result<FollowUp, ApiError> {
    json(Request::get(&format!("{STAFF}/consultations/{slug}/outcome")).build()).await
}

/// Publishes the outcome (a new version if anything changed).
pub async fn publish_outcome(
    slug: &str,
    outcome: &OutcomeSubmission,
) -> Result<FollowUp, ApiError> {
    let url = format!("{STAFF}/consultations/{slug}/outcome");
    json(with_body(Request::put(&url), outcome)).await
}

/// Publishes the indicators of one priority.
pub async fn publish_indicators(
    slug: &str,
    priority: &str,
    indicators: &IndicatorsSubmission,
) -> Result<FollowUp, ApiError> {
    let url = format!("{STAFF}/consultations/{slug}/priorities/{priority}/indicators");
    json(with_body(Request::put(&url), indicators)).await
}

/// What a CSV import changed.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Imported {
    pub rows: usize,
    pub priorities: Vec<String>,
}

/// Imports measured values from a CSV file's text.
pub async fn import_values(slug: &str, csv: String) -> Result<Imported, ApiError> {
    let url = format!("{STAFF}/consultations/{slug}/indicator-values");
    json(
        Request::post(&url)
            .header("Content-Type", "text/csv; charset=utf-8")
            .body(csv),
    )
    .await
}
