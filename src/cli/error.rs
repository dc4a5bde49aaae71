//! Errors of the command line. Every failure ends up here, typed, so `main`
//! can map it to an exit code in one place (`exit_code` in src/main.rs).

use crate::client::ApiError;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Missing or bad input; the message names the flag that fixes it.
    #[error("{0}")]
    Usage(String),

    #[error(transparent)]
    Api(#[from] ApiError),

    /// Ctrl-C or "no" at a prompt; nothing was sent.
    #[error("cancelled: {0}")]
    Cancelled(String),

    /// Writing our own output failed (a closed pipe is not an error).
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),

    #[error(transparent)]
    Other(#[from] anyhow::Error),
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
            CliError::Cancelled("nothing was sent".into())
        } else {
            CliError::Other(anyhow::Error::new(io).context("cannot read from the terminal"))
        }
    }
}

pub type Result<T, E = CliError> = std::result::Result<T, E>;
