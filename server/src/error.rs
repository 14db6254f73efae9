//! One error type for every endpoint, rendered as `{"error":{"code":"…","message":"…"}}`.

use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use mitreden_core::api_error::ErrorBody;
use mitreden_core::{submission, ValidationError};

use crate::storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("There is no consultation '{0}'.")]
    ConsultationNotFound(String),
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(
        "A different response with this id was already submitted. Use a new id for a new response."
    )]
    IdConflict,
    #[error("This submission was withdrawn and cannot be sent again. Start a new one to take part again.")]
    Withdrawn,
    #[error("Send the receipt code as 'Authorization: Receipt ABCD-EFGH-JKMN-PQRS'.")]
    ReceiptRequired,
    #[error("This is not a receipt code; receipt codes have 16 letters and digits.")]
    InvalidReceipt,
    #[error("No submission to this consultation has this receipt code (or it was withdrawn).")]
    ReceiptUnknown,
    #[error("The results of this consultation are not published.")]
    ResultsNotPublished,
    #[error("Only approved proposals of a priority can be adopted; add conflicts in the definition, with their two goals.")]
    NotAdoptable,
    #[error("The organisation did not agree to publish this statement.")]
    NoPublicationConsent,
    #[error("Please sign in.")]
    SignInRequired,
    #[error("Your role does not allow this.")]
    Forbidden,
    #[error("This request came from another web page; staff changes are only accepted from the dashboard of this server.")]
    CrossOrigin,
    #[error("A staff name has 1 to 64 letters, digits, '.', '-', '_' or '@'.")]
    InvalidStaffName,
    #[error("The name or the password is wrong.")]
    WrongCredentials,
    #[error("Too many failed attempts; try again in {}.", Seconds(*.0))]
    TooManyAttempts(u64),
    #[error("Too many requests from your network; please try again in {}. Nothing you sent before was lost.", Seconds(*.0))]
    RateLimited(u64),
    #[error(
        "The server cannot tell clients apart behind this proxy; it must send X-Forwarded-For."
    )]
    NoClientAddress,
    #[error("This consultation asks for a proof of work: get a challenge from …/challenge, solve it and send the solution in the header 'Mitreden-Proof'.")]
    ProofRequired,
    #[error("The proof of work is not a solved challenge from this server.")]
    ProofInvalid,
    #[error("The proof-of-work challenge has expired; get a new one.")]
    ProofExpired,
    #[error("This proof of work was already used for another submission; get a new challenge.")]
    ProofReused,
    #[error("This consultation does not ask for a proof of work.")]
    ProofNotRequired,
    #[error("The consultation definition is not usable: {0}")]
    InvalidConsultation(String),
    #[error("The request body is not valid JSON: {0}")]
    InvalidJson(String),
    #[error("The request body does not have the expected fields and types: {0}")]
    InvalidBody(String),
    #[error("Send the request body as JSON with the header 'Content-Type: application/json'.")]
    UnsupportedMediaType,
    #[error("The request body is too large; at most 64 KiB are accepted.")]
    PayloadTooLarge,
    #[error("The request took too long to arrive; please send it again.")]
    RequestTimeout,
    #[error("There is nothing at this address.")]
    NotFound,
    #[error("There is no chart '{0}'. Charts are ranking, equal, groups, timeline and conflict-{{id}}, as .svg or .png.")]
    ChartNotFound(String),
    #[error("{0}")]
    InvalidReason(String),
    #[error("Choose at least one comment to decide.")]
    NoCommentsChosen,
    #[error("At most {0} comments can be decided at once.")]
    TooManyComments(usize),
    #[error("There is no comment {0} in this consultation; nothing was changed.")]
    CommentNotFound(i64),
    #[error("The outcome cannot be published: {0}.")]
    Outcome(#[from] mitreden_core::outcome::OutcomeError),
    #[error("The indicators cannot be saved: {0}.")]
    Indicator(#[from] mitreden_core::indicator::IndicatorError),
    #[error("Nothing was imported: {0}.")]
    Csv(#[from] mitreden_core::indicator::csv::CsvError),
    #[error("Send the values as a CSV file with the header 'Content-Type: text/csv'.")]
    CsvRequired,
    #[error("The CSV file is not UTF-8 text; save it as 'CSV UTF-8' and send it again.")]
    CsvNotUtf8,
    #[error("This consultation has no priority '{0}'.")]
    PriorityNotFound(String),
    #[error("Someone published a newer version since you started editing; nothing was saved. Load the current version and make your change again.")]
    ChangedMeanwhile,
    #[error("The chart could not be drawn as an image. Please try the SVG.")]
    ChartFailed,
    #[error("Many charts are being drawn just now; please try again in a few seconds.")]
    ChartsBusy,
    #[error("This address does not support the request method.")]
    MethodNotAllowed,
    #[error("The widget has not been built; run the README's run command.")]
    WidgetMissing,
    #[error("The server cannot reach its database just now, so nothing was stored or changed. Please try again in a few seconds.")]
    Unavailable,
    #[error("Something went wrong on our side. Please try again later.")]
    Internal(StorageError),
}

/// A wait in English: "1 second", "30 seconds".
struct Seconds(u64);

impl std::fmt::Display for Seconds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            1 => f.write_str("1 second"),
            n => write!(f, "{n} seconds"),
        }
    }
}

/// Seconds a client is asked to wait before trying again while the database is away.
pub(crate) const RETRY_UNAVAILABLE: u32 = 5;
/// Seconds a client is asked to wait while every place for drawing charts is taken.
const RETRY_CHARTS: u32 = 2;

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        crate::telemetry::database_error(e.is_unavailable());
        if e.is_unavailable() {
            // Once per failed request: the operator learns what is wrong, and /readyz says it.
            tracing::warn!(error = %e, "the database is unavailable");
            Self::Unavailable
        } else {
            Self::Internal(e)
        }
    }
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::ConsultationNotFound(_)
            | Self::NotFound
            | Self::ChartNotFound(_)
            | Self::CommentNotFound(_)
            | Self::PriorityNotFound(_)
            | Self::ReceiptUnknown => StatusCode::NOT_FOUND,
            Self::Withdrawn => StatusCode::GONE,
            Self::NoPublicationConsent | Self::NotAdoptable | Self::ChangedMeanwhile => {
                StatusCode::CONFLICT
            }
            Self::SignInRequired | Self::WrongCredentials => StatusCode::UNAUTHORIZED,
            Self::Forbidden | Self::CrossOrigin | Self::ResultsNotPublished => {
                StatusCode::FORBIDDEN
            }
            Self::TooManyAttempts(_) | Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::NoClientAddress | Self::ProofInvalid | Self::ProofExpired => {
                StatusCode::BAD_REQUEST
            }
            Self::ProofRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::ProofReused => StatusCode::CONFLICT,
            Self::ProofNotRequired => StatusCode::NOT_FOUND,
            Self::InvalidConsultation(_) | Self::InvalidStaffName => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            Self::ReceiptRequired => StatusCode::UNAUTHORIZED,
            Self::InvalidReceipt => StatusCode::BAD_REQUEST,
            Self::Invalid(submission::ValidationError::ConsultationNotOpen) | Self::IdConflict => {
                StatusCode::CONFLICT
            }
            Self::Invalid(_)
            | Self::InvalidBody(_)
            | Self::NoCommentsChosen
            | Self::InvalidReason(_)
            | Self::TooManyComments(_)
            | Self::Outcome(_)
            | Self::Indicator(_)
            | Self::Csv(_)
            | Self::CsvNotUtf8 => StatusCode::UNPROCESSABLE_ENTITY,
            Self::CsvRequired => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::InvalidJson(_) => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::WidgetMissing | Self::Unavailable | Self::ChartsBusy => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Self::Internal(_) | Self::ChartFailed => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::ConsultationNotFound(_) => "consultation_not_found",
            Self::Invalid(e) => e.code(),
            Self::IdConflict => "id_conflict",
            Self::Withdrawn => "withdrawn",
            Self::NoPublicationConsent => "no_publication_consent",
            Self::NotAdoptable => "not_adoptable",
            Self::SignInRequired => "sign_in_required",
            Self::Forbidden => "forbidden",
            Self::CrossOrigin => "cross_origin",
            Self::ResultsNotPublished => "results_not_published",
            Self::WrongCredentials => "wrong_credentials",
            Self::InvalidStaffName => "invalid_staff_name",
            Self::TooManyAttempts(_) => "too_many_attempts",
            Self::RateLimited(_) => "rate_limited",
            Self::NoClientAddress => "no_client_address",
            Self::ProofRequired => "proof_required",
            Self::ProofInvalid => "proof_invalid",
            Self::ProofExpired => "proof_expired",
            Self::ProofReused => "proof_reused",
            Self::ProofNotRequired => "proof_not_required",
            Self::InvalidConsultation(_) => "invalid_consultation",
            Self::ReceiptRequired => "receipt_required",
            Self::InvalidReceipt => "invalid_receipt",
            Self::ReceiptUnknown => "receipt_unknown",
            Self::InvalidJson(_) => "invalid_json",
            Self::InvalidBody(_) => "invalid_body",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::PayloadTooLarge => "payload_too_large",
            Self::RequestTimeout => "request_timeout",
            Self::NotFound => "not_found",
            Self::ChartNotFound(_) => "chart_not_found",
            Self::CommentNotFound(_) => "comment_not_found",
            Self::NoCommentsChosen => "no_comments_chosen",
            Self::InvalidReason(_) => "invalid_reason",
            Self::TooManyComments(_) => "too_many_comments",
            Self::Outcome(e) => e.code(),
            Self::Indicator(e) => e.code(),
            Self::Csv(e) => e.code(),
            Self::CsvRequired => "unsupported_media_type",
            Self::CsvNotUtf8 => "invalid_csv",
            Self::PriorityNotFound(_) => "priority_not_found",
            Self::ChangedMeanwhile => "changed_meanwhile",
            Self::ChartFailed => "chart_failed",
            Self::ChartsBusy => "charts_busy",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::WidgetMissing => "widget_missing",
            Self::Unavailable => "database_unavailable",
            Self::Internal(_) => "internal",
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Self::Internal(e) = &self {
            // The detail goes to the log, never to the client.
            tracing::error!(error = %e, "internal error");
        }
        let body = ErrorBody::new(self.code(), self.to_string());
        let mut response = (self.status(), Json(body)).into_response();
        let retry_after = match self {
            Self::TooManyAttempts(seconds) | Self::RateLimited(seconds) => Some(seconds.into()),
            Self::Unavailable => Some(RETRY_UNAVAILABLE.into()),
            Self::ChartsBusy => Some(RETRY_CHARTS.into()),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds);
        }
        if let Self::ReceiptRequired = self {
            // What a 401 asks for (RFC 9110): the scheme `Receipt`.
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Receipt"),
            );
        }
        response
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonDataError(e) => Self::InvalidBody(e.body_text()),
            JsonRejection::JsonSyntaxError(e) => Self::InvalidJson(e.body_text()),
            JsonRejection::MissingJsonContentType(_) => Self::UnsupportedMediaType,
            JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Self::PayloadTooLarge
            }
            other => Self::InvalidJson(other.body_text()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AppError;

    #[test]
    fn waits_of_one_second_are_singular() {
        assert_eq!(
            AppError::TooManyAttempts(1).to_string(),
            "Too many failed attempts; try again in 1 second."
        );
        assert!(AppError::RateLimited(1)
            .to_string()
            .contains("in 1 second."));
        assert!(AppError::RateLimited(30)
            .to_string()
            .contains("in 30 seconds."));
    }
}
