//! How a call to the JSON endpoint can fail, and the endpoint's error format
//! `{"error":{"code":"…","message":"…"}}`: written by the server, read by the widget and the
//! dashboard.

use serde::{Deserialize, Serialize};

/// The body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// A stable, machine-readable `code` and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

impl ErrorBody {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            error: ErrorDetail {
                code: code.into(),
                message: message.into(),
            },
        }
    }
}

/// Why a call to the server failed, as a client sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: offline, server down, connection dropped.
    Network(String),
    /// The server answered with an error.
    Http {
        status: u16,
        code: String,
        message: String,
    },
    /// The answer (or the request) could not be read.
    Decode(String),
}

/// For logs: what failed, in a line.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Network(why) => write!(f, "no answer: {why}"),
            ApiError::Http {
                status,
                code,
                message,
            } => write!(f, "HTTP {status} {code}: {message}"),
            ApiError::Decode(why) => write!(f, "unreadable answer: {why}"),
        }
    }
}

impl ApiError {
    /// An error answer with `status`; `body` if it was in the API's format, else the HTTP
    /// status text stands in for the message.
    pub fn answered(status: u16, body: Option<ErrorBody>, status_text: String) -> Self {
        let (code, message) = match body {
            Some(body) => (body.error.code, body.error.message),
            None => ("unknown".to_owned(), status_text),
        };
        ApiError::Http {
            status,
            code,
            message,
        }
    }

    /// The error's code, if the server answered.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Http { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Whether sending again later can succeed (no answer, or the server had a problem).
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network(_) | ApiError::Decode(_) => true,
            ApiError::Http { status, .. } => *status >= 500 || *status == 408 || *status == 429,
        }
    }

    /// The caller is not (or no longer) signed in.
    pub fn is_unauthorised(&self) -> bool {
        matches!(self, ApiError::Http { status: 401, .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_in_the_api_format_keeps_code_and_message() {
        let e = ApiError::answered(422, Some(ErrorBody::new("too_long", "Zu lang.")), "".into());
        assert_eq!(e.code(), Some("too_long"));
        assert!(!e.is_transient());
        let other = ApiError::answered(502, None, "Bad Gateway".into());
        assert_eq!(
            other,
            ApiError::Http {
                status: 502,
                code: "unknown".into(),
                message: "Bad Gateway".into()
            }
        );
        assert!(other.is_transient());
    }

    #[test]
    fn only_no_answer_and_server_trouble_are_worth_trying_again() {
        assert!(ApiError::Network("offline".into()).is_transient());
        for status in [408, 429, 500, 503] {
            assert!(ApiError::answered(status, None, String::new()).is_transient());
        }
        for status in [400, 401, 404, 409, 422] {
            assert!(!ApiError::answered(status, None, String::new()).is_transient());
        }
        assert!(ApiError::answered(401, None, String::new()).is_unauthorised());
    }

    #[test]
    fn the_format_on_the_wire() {
        let body = ErrorBody::new("not_found", "Gibt es nicht.");
        let json = serde_json::to_value(&body).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "error": { "code": "not_found", "message": "Gibt es nicht." } })
        );
        assert_eq!(serde_json::from_value::<ErrorBody>(json).unwrap(), body);
    }
}
