//! The desk's one error type, and the one place it becomes an RFC 9457
//! `application/problem+json` answer, so every route refuses the same way.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::api::{FieldError, Problem, PROBLEM_JSON};
use crate::desk::i18n;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A refusal's words: a message of the desk's catalogs (`desk/i18n`) with
/// its arguments, rendered when it is shown, in the language of the
/// request being answered (English in logs and admin commands); or a text
/// made elsewhere (a library's error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key {
        key: &'static str,
        /// Each rendered in the same language (a nested message too).
        args: Vec<(&'static str, Msg)>,
    },
    Text(String),
}

/// `msg!("problem-no-ticket", number = n)`: a [`Msg`] of the catalogs.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::desk::error::Msg::Key {
            key: $key,
            args: vec![$((stringify!($name), $crate::desk::error::Msg::Text($value.to_string()))),*],
        }
    };
}

impl Msg {
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Msg::Key { key, args } => {
                let args: Vec<(&str, fluent_bundle::FluentValue)> = args
                    .iter()
                    .map(|(k, v)| {
                        let text = v.render(lang);
                        // `n` picks plural forms: Fluent needs a number.
                        match (*k, text.parse::<i64>()) {
                            ("n", Ok(n)) => (*k, n.into()),
                            _ => (*k, text.into()),
                        }
                    })
                    .collect();
                i18n::tr_in(lang, key, &args)
            }
            Msg::Text(t) => t.clone(),
        }
    }
}

impl Msg {
    /// Adds argument `name`, itself a message of the catalogs.
    pub fn with(mut self, name: &'static str, value: Msg) -> Msg {
        if let Msg::Key { args, .. } = &mut self {
            args.push((name, value));
        }
        self
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(crate::i18n::Lang::En))
    }
}

impl From<String> for Msg {
    fn from(s: String) -> Msg {
        Msg::Text(s)
    }
}

impl From<&str> for Msg {
    fn from(s: &str) -> Msg {
        Msg::Text(s.to_string())
    }
}

/// One invalid field of a 422, its message still to be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub field: String,
    pub message: Msg,
}

/// The `Retry-After` of a 503 for busy storage: about the time another
/// writer (an admin command, a backup) holds the lock.
pub const BUSY_RETRY_SECS: u64 = 2;

/// See [`Error::storage`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// 503 with `Retry-After`.
    Busy,
    /// 507.
    Full,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 400: the request could not be read (malformed JSON, bad query).
    #[error("{0}")]
    BadRequest(Msg),
    /// 401: missing, unknown, revoked or expired credentials.
    #[error("{0}")]
    Unauthorized(Msg),
    /// 403: the credentials are valid but may not do this.
    #[error("{0}")]
    Forbidden(Msg),
    /// 404: unknown, or belongs to another account (never says which).
    #[error("{0}")]
    NotFound(Msg),
    /// 405: the route exists but not with this method.
    #[error("{0}")]
    MethodNotAllowed(Msg),
    /// 408: the request body arrived too slowly and was dropped.
    #[error("{0}")]
    TooSlow(Msg),
    /// 409: the request conflicts with the current state.
    #[error("{0}")]
    Conflict(Msg),
    /// 413: a body or file over the desk's limit.
    #[error("{0}")]
    TooLarge(Msg),
    /// 422: one or more fields are invalid; each names the field.
    #[error("invalid request: {}", summary(.0))]
    Invalid(Vec<Field>),
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

fn summary(errors: &[Field]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Error {
    /// A 422 naming a single field.
    pub fn invalid(field: &str, message: impl Into<Msg>) -> Error {
        Error::Invalid(vec![Field {
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
            Error::TooSlow(_) => StatusCode::REQUEST_TIMEOUT,
            Error::Conflict(_) => StatusCode::CONFLICT,
            Error::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Error::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Error::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            _ if self.storage() == Some(Storage::Busy) => StatusCode::SERVICE_UNAVAILABLE,
            _ if self.storage() == Some(Storage::Full) => StatusCode::INSUFFICIENT_STORAGE,
            Error::Db(_) | Error::Pool(_) | Error::Io(_) | Error::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// Storage trouble that is not a bug: the database locked by another
    /// writer for longer than the busy timeout (or no pooled connection in
    /// time), or the disk full. Clients can act on it (retry, free space).
    pub fn storage(&self) -> Option<Storage> {
        use rusqlite::ffi::ErrorCode;
        match self {
            Error::Db(rusqlite::Error::SqliteFailure(f, _)) => match f.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Some(Storage::Busy),
                ErrorCode::DiskFull => Some(Storage::Full),
                _ => None,
            },
            Error::Pool(_) => Some(Storage::Busy),
            // A full disk, a quota, a file-size limit: no room either way.
            Error::Io(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::StorageFull
                        | std::io::ErrorKind::QuotaExceeded
                        | std::io::ErrorKind::FileTooLarge
                ) =>
            {
                Some(Storage::Full)
            }
            _ => None,
        }
    }

    /// The problem body, its `detail` in the request's language (see
    /// `desk::i18n`); `title` and field names never change. Internal
    /// details stay in the log, not the answer.
    pub fn to_problem(&self) -> Problem {
        let status = self.status();
        let title = status.canonical_reason().unwrap_or("Error").to_string();
        let lang = i18n::current();
        let (detail, errors) = match self {
            Error::Invalid(errors) => (
                Some(i18n::tr("problem-invalid-fields", &[])),
                errors
                    .iter()
                    .map(|e| FieldError {
                        field: e.field.clone(),
                        message: e.message.render(lang),
                    })
                    .collect(),
            ),
            _ if self.storage() == Some(Storage::Busy) => (
                Some(i18n::tr(
                    "problem-storage-busy",
                    &[("secs", BUSY_RETRY_SECS.into())],
                )),
                Vec::new(),
            ),
            _ if self.storage() == Some(Storage::Full) => {
                (Some(i18n::tr("problem-storage-full", &[])), Vec::new())
            }
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
            Error::BadRequest(m)
            | Error::Unauthorized(m)
            | Error::Forbidden(m)
            | Error::NotFound(m)
            | Error::MethodNotAllowed(m)
            | Error::TooSlow(m)
            | Error::Conflict(m)
            | Error::TooLarge(m) => (Some(m.render(lang)), Vec::new()),
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
            _ if self.storage() == Some(Storage::Busy) => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(BUSY_RETRY_SECS));
            }
            // The rest of an oversized or stalled body is never read, so
            // this connection cannot carry another request: tell the client.
            Error::TooLarge(_) | Error::TooSlow(_) => {
                headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
            }
            _ => {}
        }
        response
    }
}

/// A problem answer for `status` with `detail`, for refusals made outside
/// the handlers (the HTTP layer, connection limits).
pub fn problem(status: StatusCode, detail: impl Into<String>) -> Response {
    let problem = Problem {
        kind: "about:blank".to_string(),
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        detail: Some(detail.into()),
        errors: Vec::new(),
    };
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    response
}

/// Makes every error answer problem+json, also those the HTTP library
/// builds itself (extractor rejections, body limits, 405s): their text, if
/// any, becomes the detail; status and headers stay.
pub async fn problems_everywhere(response: Response) -> Response {
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 16 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let detail = if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_lowercase()
    } else {
        text
    };
    let fresh = problem(status, detail);
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    Response::from_parts(parts, fresh.into_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: i32) -> Error {
        Error::Db(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
    }

    #[test]
    fn busy_storage_is_503_with_retry_after_and_full_storage_507() {
        for busy in [rusqlite::ffi::SQLITE_BUSY, rusqlite::ffi::SQLITE_LOCKED] {
            let response = sqlite(busy).into_response();
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(response.headers()[header::RETRY_AFTER], "2");
            assert_eq!(response.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
        }
        let enospc = Error::Io(std::io::Error::from_raw_os_error(28));
        for full in [sqlite(rusqlite::ffi::SQLITE_FULL), enospc] {
            assert_eq!(full.status(), StatusCode::INSUFFICIENT_STORAGE);
            let detail = full.to_problem().detail.unwrap();
            assert!(detail.contains("storage is full"), "{detail}");
        }
        let one = crate::msg!(
            "field-unknown-categories",
            n = 1,
            categories = "x",
            list = "y"
        );
        assert!(one.to_string().starts_with("unknown category `x`"), "{one}");
        assert!(one
            .render(crate::i18n::Lang::Es)
            .starts_with("categoría desconocida"));
        assert_eq!(
            sqlite(rusqlite::ffi::SQLITE_CORRUPT).status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
