//! The desk's one error type, and the one place it becomes an RFC 9457
//! `application/problem+json` answer, so every route refuses the same way.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::api::{FieldError, Problem, PROBLEM_JSON};
use crate::desk::i18n;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 400: the request could not be read (malformed JSON, bad query).
    #[error("{0}")]
    BadRequest(String),
    /// 401: missing, unknown, revoked or expired credentials.
    #[error("{0}")]
    Unauthorized(String),
    /// 403: the credentials are valid but may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// 404: unknown, or belongs to another account (never says which).
    #[error("{0}")]
    NotFound(String),
    /// 405: the route exists but not with this method.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// 409: the request conflicts with the current state.
    #[error("{0}")]
    Conflict(String),
    /// 413: a body or file over the desk's limit.
    #[error("{0}")]
    TooLarge(String),
    /// 422: one or more fields are invalid; each names the field.
    #[error("invalid request: {}", summary(.0))]
    Invalid(Vec<FieldError>),
    /// 429: too many failed attempts; try again after this many seconds.
    #[error("too many failed attempts: try again in {retry_after_secs} seconds")]
    RateLimited { retry_after_secs: u64 },
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("database pool error: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Internal(String),
}

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Error {
    /// A 422 naming a single field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Error {
        Error::Invalid(vec![FieldError {
            field: field.to_string(),
            message: message.into(),
        }])
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Error::BadRequest(_) => StatusCode::BAD_REQUEST,
            Error::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Error::Forbidden(_) => StatusCode::FORBIDDEN,
            Error::NotFound(_) => StatusCode::NOT_FOUND,
            Error::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Error::Conflict(_) => StatusCode::CONFLICT,
            Error::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Error::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Error::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Error::Db(_) | Error::Pool(_) | Error::Io(_) | Error::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// The problem body, its `detail` in the request's language (see
    /// `desk::i18n`); `title` and field names never change. Internal
    /// details stay in the log, not the answer.
    pub fn to_problem(&self) -> Problem {
        let status = self.status();
        let title = status.canonical_reason().unwrap_or("Error").to_string();
        let (detail, errors) = match self {
            Error::Invalid(errors) => (
                Some(i18n::tr("problem-invalid-fields", &[])),
                errors.clone(),
            ),
            Error::Db(_) | Error::Pool(_) | Error::Io(_) | Error::Internal(_) => {
                (Some(i18n::tr("problem-internal", &[])), Vec::new())
            }
            Error::RateLimited { retry_after_secs } => (
                Some(i18n::tr(
                    "problem-rate-limited",
                    &[("secs", (*retry_after_secs).into())],
                )),
                Vec::new(),
            ),
            other => (Some(other.to_string()), Vec::new()),
        };
        Problem {
            kind: "about:blank".to_string(),
            title,
            status: status.as_u16(),
            detail,
            errors,
        }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        if self.status().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let problem = self.to_problem();
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut response = (self.status(), body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        match self {
            Error::RateLimited { retry_after_secs } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            }
            // The rest of an oversized body is never read, so this
            // connection cannot carry another request: tell the client.
            Error::TooLarge(_) => {
                headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
            }
            _ => {}
        }
        response
    }
}
