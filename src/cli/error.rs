//! Errors of the command line. Every failure ends up here so `main` can map
//! it to an exit code in one place.

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

    /// The exit code documented in the README and the man page:
    /// 0 ok, 1 error, 2 usage, 3 not logged in, 4 not found, 5 not permitted,
    /// 6 rejected by the desk, 7 desk unreachable, 130 cancelled.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Cancelled(_) => 130,
            CliError::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            CliError::Output(_) => 1,
            CliError::Api(e) => match e {
                ApiError::NotLoggedIn { .. } | ApiError::Unauthorized(_) | ApiError::BadLogin => 3,
                ApiError::NotFound(_) => 4,
                ApiError::Forbidden(_) => 5,
                ApiError::Rejected(_) => 6,
                ApiError::Unreachable { .. } => 7,
                ApiError::RateLimited { .. }
                | ApiError::Server(_)
                | ApiError::BadResponse { .. }
                | ApiError::File { .. } => 1,
            },
            CliError::Other(e) => {
                let pipe = e.chain().any(|c| {
                    c.downcast_ref::<std::io::Error>()
                        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                });
                if pipe {
                    0
                } else {
                    1
                }
            }
        }
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
