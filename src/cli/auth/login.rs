//! `ecolo login`: password (prompted hidden, or from stdin) or an existing
//! token (`--with-token`, verified with GET /v1/me); stored per profile.

use crate::t;
use std::io::BufRead;

use anyhow::Context;

use crate::api::{LoginRequest, Me, Session, TOKEN_PREFIX};
use crate::cli::config::{Credential, CredentialKind, ProfileConfig};
use crate::cli::error::{CliError, Result};
use crate::cli::{prompt, Ctx};
use crate::client::{normalize_url, ApiClient, ApiError, FieldFlags};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "The desk URL comes from --url, ECOLO_URL, the profile, or a prompt.\n\
Scripts: `ecolo login --url URL --email E --password-stdin < password-file`\n\
or `echo \"$TOKEN\" | ecolo login --url URL --with-token`."
)]
pub struct Args {
    /// E-mail of the account
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,

    /// Read the password from standard input (first line)
    #[arg(long, conflicts_with = "with_token")]
    pub password_stdin: bool,

    /// Read an access token from standard input instead of a password
    #[arg(long, conflicts_with = "email")]
    pub with_token: bool,
}

/// The flag behind each field of `POST /v1/sessions`, for the desk's errors.
const FIELDS: FieldFlags = &[("email", "--email")];

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    let url = match ctx.desk_url()? {
        Some(u) => u,
        None => {
            let u = prompt::or_ask(
                ctx,
                None,
                &t!("what-desk-url"),
                &t!("login-url-flags"),
                || prompt::text(&t!("login-prompt-url")),
            )?;
            normalize_url(&u).map_err(|e| CliError::usage(t!("login-bad-url", reason = e)))?
        }
    };

    let (token, me, kind) = if args.with_token {
        let token = read_stdin_line(ctx, Secret::Token)?.trim().to_string();
        if token.is_empty() {
            return Err(CliError::usage(t!("login-no-token")));
        }
        if !token.starts_with(TOKEN_PREFIX) {
            return Err(CliError::usage(t!(
                "login-not-a-token",
                prefix = TOKEN_PREFIX
            )));
        }
        let client = ApiClient::new(&url, Some(token.clone()), ctx.verbose)?;
        let me: Me = client.get("/v1/me")?;
        (token, me, CredentialKind::Token)
    } else {
        let email = prompt::or_ask(
            ctx,
            args.email.clone(),
            &t!("what-email"),
            "--email EMAIL",
            || prompt::text(&t!("login-prompt-email")),
        )?;
        let password = if args.password_stdin {
            read_stdin_line(ctx, Secret::Password)?
        } else if ctx.can_prompt() {
            prompt::password(&t!("login-prompt-password"))?
        } else {
            return Err(prompt::missing(
                &t!("what-password"),
                &t!("login-password-flags"),
            ));
        };
        if password.is_empty() {
            return Err(CliError::usage(t!("login-password-empty")));
        }
        let client = ApiClient::new(&url, None, ctx.verbose)?;
        let session: Session = client
            .post(
                "/v1/sessions",
                &LoginRequest {
                    email: email.trim().to_string(),
                    password,
                },
                None,
            )
            .map_err(|e| match e {
                ApiError::Unauthorized(_) => ApiError::BadLogin,
                other => other.naming_flags(FIELDS),
            })?;
        (session.token, session.me, CredentialKind::Session)
    };

    // A previous session of this profile is revoked, not left behind alive,
    // at the desk that issued it (never sent to the new one). A token given
    // with --with-token may be in use elsewhere: it is only replaced.
    let mut forgotten = None;
    if let Some(old) = ctx.store.credential(&ctx.profile)? {
        let old_url = ctx.profile_config()?.url;
        if old.token != token {
            match (old.kind, old_url) {
                (Some(CredentialKind::Session), Some(old_url)) => {
                    if let Ok(c) = ApiClient::new(&old_url, Some(old.token), false) {
                        let _ = c.delete("/v1/sessions/current");
                    }
                }
                (kind, _) => {
                    forgotten = super::logout::forgotten_note(kind, &t!("login-previous-token"))
                }
            }
        }
    }

    ctx.store.set_profile(
        &ctx.profile,
        ProfileConfig {
            url: Some(url.clone()),
            email: Some(me.acting_as.email.clone()),
        },
    )?;
    ctx.store.set_credential(
        &ctx.profile,
        Credential {
            token,
            kind: Some(kind),
        },
    )?;

    let profile_note = if ctx.profile == crate::cli::config::DEFAULT_PROFILE {
        String::new()
    } else {
        format!(" {}", t!("profile-note", profile = ctx.profile.as_str()))
    };
    ctx.done_always(t!(
        "login-done",
        url = url.as_str(),
        name = me.acting_as.name.as_str(),
        email = me.acting_as.email.as_str(),
        profile = profile_note
    ))?;
    if let Some(note) = forgotten {
        ctx.note(note)?;
    }
    if ctx.env_token_set() {
        ctx.note(t!("login-env-token-note"))?;
    }
    if ctx.json {
        ctx.print(&super::whoami::Whoami {
            me,
            url,
            profile: ctx.profile.clone(),
            credentials: crate::cli::ctx::TokenSource::Stored,
        })?;
    }
    Ok(())
}

/// Which secret `read_stdin_line` reads (the words differ by language).
#[derive(Clone, Copy)]
enum Secret {
    Token,
    Password,
}

/// The first line of stdin without its line ending; the secret never goes
/// to argv. Only one line is read, so typing it on a terminal needs no Ctrl-D,
/// and on a terminal it is not echoed (Ctrl-C there restores the echo, see
/// `interrupt`).
fn read_stdin_line(ctx: &mut Ctx, what: Secret) -> Result<String> {
    let _hidden = if ctx.stdin_tty {
        // Echo off before the hint, so nothing typed after it shows.
        let hidden = EchoOff::new();
        ctx.note(match what {
            Secret::Token => t!("login-type-token"),
            Secret::Password => t!("login-type-password"),
        })?;
        hidden
    } else {
        None
    };
    let mut s = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut s)
        .with_context(|| match what {
            Secret::Token => t!("login-token-unreadable"),
            Secret::Password => t!("login-password-unreadable"),
        })?;
    Ok(s.trim_end_matches(['\r', '\n']).to_string())
}

/// Terminal echo off on stdin until dropped.
struct EchoOff {
    #[cfg(unix)]
    saved: libc::termios,
}

impl EchoOff {
    #[cfg(unix)]
    fn new() -> Option<EchoOff> {
        // SAFETY: plain termios calls on our own stdin.
        unsafe {
            let mut t = std::mem::MaybeUninit::<libc::termios>::uninit();
            if libc::tcgetattr(libc::STDIN_FILENO, t.as_mut_ptr()) != 0 {
                return None;
            }
            let saved = t.assume_init();
            let mut quiet = saved;
            quiet.c_lflag &= !libc::ECHO;
            quiet.c_lflag |= libc::ECHONL;
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &quiet);
            Some(EchoOff { saved })
        }
    }

    #[cfg(not(unix))]
    fn new() -> Option<EchoOff> {
        None
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        #[cfg(unix)]
        // SAFETY: puts back the settings read in `new`.
        unsafe {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &self.saved);
        }
    }
}
