//! Errors of the command line. Every failure ends up here, typed, so `main`
//! can map it to an exit code in one place (`exit_code` in src/main.rs).
//! Their texts come from the catalogs (`t!`), in the person's language;
//! the exit codes do not depend on it.

use crate::client::ApiError;
use crate::t;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Missing or bad input; the message (already translated) names the
    /// flag that fixes it.
    Usage(String),

    Api(#[from] ApiError),

    /// Ctrl-C or "no" at a prompt; says what was not done (translated).
    Cancelled(String),

    /// Writing our own output failed (a closed pipe is not an error).
    Output(#[from] std::io::Error),

    Other(#[from] anyhow::Error),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(m) => f.write_str(m),
            CliError::Api(e) => std::fmt::Display::fmt(e, f),
            CliError::Cancelled(what) => f.write_str(&t!("err-cancelled", what = what.as_str())),
            CliError::Output(e) => f.write_str(&t!("err-output", reason = e.to_string())),
            CliError::Other(e) => std::fmt::Display::fmt(e, f),
        }
    }
}

impl CliError {
    pub fn usage(msg: impl Into<String>) -> CliError {
        CliError::Usage(msg.into())
    }
}

impl From<dialoguer::Error> for CliError {
    fn from(e: dialoguer::Error) -> CliError {
        let dialoguer::Error::IO(io) = e;
        if io.kind() == std::io::ErrorKind::Interrupted {
            CliError::Cancelled(t!("cancel-nothing-sent"))
        } else {
            CliError::Other(anyhow::Error::new(io).context(t!("err-terminal-read")))
        }
    }
}

pub type Result<T, E = CliError> = std::result::Result<T, E>;
