//! What can go wrong talking to the desk, each error saying the next step.
//! The command line maps these to exit codes in one place (`src/main.rs`).

use crate::api::Problem;
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No token stored for the profile and no `ECOLO_TOKEN`.
    NotLoggedIn { profile: String },

    /// The stored login is for another desk than the one asked for; its
    /// token is not sent there.
    LoggedInElsewhere {
        profile: String,
        login_url: String,
        url: String,
    },

    /// 401: the token is missing, wrong, revoked or expired.
    Unauthorized(Problem),

    /// 401 on `POST /v1/sessions`.
    BadLogin,

    /// 403: outside the credentials' categories, or not allowed to manage.
    Forbidden(Problem),

    /// 404.
    NotFound(Problem),

    /// 400, 409, 413, 422: the desk refused the request as sent.
    Rejected(Problem),

    /// 429 after the retries ran out (or with a Retry-After too long to wait).
    RateLimited {
        problem: Problem,
        retry_after: Option<u64>,
    },

    /// 503 after the retries ran out: the desk's storage is locked or it
    /// has too many connections.
    Busy(Problem),

    /// 5xx after the retries ran out.
    Server(Problem),

    /// Connect error or timeout.
    Unreachable { url: String, reason: String },

    /// The answer was not what the API contract says.
    BadResponse { url: String, reason: String },

    /// A local file to upload could not be read, or a download not written.
    File {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

/// In the person's language (the catalogs); the desk's own words (a
/// problem's detail) are passed through as they came.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ApiError::NotLoggedIn { profile } => {
                t!("err-not-logged-in", profile = profile_note(profile))
            }
            ApiError::LoggedInElsewhere {
                profile,
                login_url,
                url,
            } => t!(
                "err-logged-in-elsewhere",
                profile = profile_note(profile),
                login_url = login_url.as_str(),
                url = url.as_str()
            ),
            ApiError::Unauthorized(p) => unauthorized(p),
            ApiError::BadLogin => t!("err-bad-login"),
            ApiError::Forbidden(p) => t!("err-forbidden", problem = p.to_string()),
            ApiError::NotFound(p) => t!("err-not-found", problem = p.to_string()),
            ApiError::Rejected(p) => rejected(p),
            ApiError::RateLimited {
                problem,
                retry_after,
            } => t!(
                "err-rate-limited",
                retry = retry_note(retry_after, problem),
                problem = problem.to_string()
            ),
            ApiError::Busy(p) => t!("err-busy", problem = p.to_string()),
            ApiError::Server(p) => t!("err-server", status = p.status, problem = p.to_string()),
            ApiError::Unreachable { url, reason } => format!(
                "{}\n  {}",
                t!(
                    "err-unreachable",
                    url = url.as_str(),
                    reason = reason.as_str()
                ),
                t!("err-unreachable-hint")
            ),
            ApiError::BadResponse { url, reason } => {
                t!(
                    "err-bad-response",
                    url = url.as_str(),
                    reason = reason.as_str()
                )
            }
            ApiError::File { context, source } => format!("{context}: {source}"),
        };
        f.write_str(&text)
    }
}

/// Which of a command's flags sets each field of its request body, as
/// `(desk field, flag)` pairs, so the desk's validation errors name what the
/// user typed (`-c/--category`, not `categories`). Each command keeps its
/// own table next to its flags; a field not listed keeps the desk's name.
pub type FieldFlags = &'static [(&'static str, &'static str)];

impl ApiError {
    /// Renames the fields of a validation error (400/409/413/422) to the
    /// command's flags; the exit code stays that of a desk-side rejection.
    pub fn naming_flags(self, flags: FieldFlags) -> ApiError {
        match self {
            ApiError::Rejected(mut p) => {
                for e in &mut p.errors {
                    if let Some((_, flag)) = flags.iter().find(|(field, _)| *field == e.field) {
                        e.field = flag.to_string();
                    }
                }
                ApiError::Rejected(p)
            }
            other => other,
        }
    }

    /// The desk's problem document, when the error came from one.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ApiError::Unauthorized(p)
            | ApiError::Forbidden(p)
            | ApiError::NotFound(p)
            | ApiError::Rejected(p)
            | ApiError::Busy(p)
            | ApiError::Server(p) => Some(p),
            ApiError::RateLimited { problem, .. } => Some(problem),
            _ => None,
        }
    }
}

fn profile_note(profile: &str) -> String {
    if profile == "default" {
        String::new()
    } else {
        format!(" {}", t!("err-profile-note", profile = profile))
    }
}

/// The wait, unless the desk's own words already say it.
fn retry_note(retry_after: &Option<u64>, p: &Problem) -> String {
    match retry_after {
        Some(s) if p.detail.is_none() => format!(" {}", t!("err-retry-after", seconds = *s)),
        _ => String::new(),
    }
}

fn unauthorized(p: &Problem) -> String {
    let text = p.to_string();
    if text.contains("ecolo login") {
        t!("err-unauthorized", problem = text)
    } else {
        t!("err-unauthorized-login", problem = text)
    }
}

/// With field errors, the fields say it all (the detail only points at
/// them); otherwise the detail.
fn rejected(p: &Problem) -> String {
    if p.errors.is_empty() {
        return t!("err-rejected", problem = p.to_string());
    }
    let mut s = t!("err-rejected-fields");
    for e in &p.errors {
        s.push_str(&format!("\n  {}: {}", e.field, e.message));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::FieldError;

    fn invalid(fields: &[&str]) -> ApiError {
        ApiError::Rejected(Problem {
            kind: "about:blank".into(),
            title: "invalid".into(),
            status: 422,
            detail: None,
            errors: fields
                .iter()
                .map(|f| FieldError {
                    field: f.to_string(),
                    message: "bad".into(),
                })
                .collect(),
        })
    }

    #[test]
    fn desk_fields_read_as_the_commands_flags() {
        const FLAGS: FieldFlags = &[("categories", "-c/--category"), ("name", "--name")];
        let text = invalid(&["categories", "name", "surprise"])
            .naming_flags(FLAGS)
            .to_string();
        assert_eq!(
            text,
            "the desk refused the request:\n  -c/--category: bad\n  --name: bad\n  surprise: bad"
        );
        // Other errors pass through untouched.
        let other = ApiError::BadLogin.naming_flags(FLAGS);
        assert!(matches!(other, ApiError::BadLogin));
    }
}
