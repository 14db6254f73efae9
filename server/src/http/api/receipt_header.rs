//! The receipt a participant shows to view or withdraw their submission, sent as
//! `Authorization: Receipt ABCD-EFGH-JKMN-PQRS` so that it never appears in a URL or a log.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use crate::error::AppError;
use crate::guard::receipt;

/// The hash of the receipt in the request, to look the submission up by.
pub struct ReceiptHash(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ReceiptHash {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let value = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim_start().split_once(' '))
            // Scheme names are case-insensitive (RFC 9110).
            .and_then(|(scheme, code)| scheme.eq_ignore_ascii_case("receipt").then_some(code))
            .ok_or(AppError::ReceiptRequired)?;
        receipt::hash(value)
            .map(ReceiptHash)
            .ok_or(AppError::InvalidReceipt)
    }
}
