//! `ecolo logout`: forget the stored credentials. A session from a password
//! login is this login's alone, so it is revoked on the desk first; a token
//! stored with `--with-token` may be in use elsewhere (CI, scripts), so it is
//! only forgotten, and logout says it still works.

use crate::cli::config::CredentialKind;
use crate::cli::error::Result;
use crate::cli::Ctx;
use crate::client::{ApiClient, ApiError};
use crate::t;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "A token stored with `ecolo login --with-token` is only forgotten: it still works,\n\
until `ecolo token revoke NAME`."
)]
pub struct Args {}

/// What to say when stored credentials of `kind` are forgotten (at logout,
/// or by a new login over them) without being revoked; `None` for a
/// session, which is revoked. The desk does not say which token name a
/// secret belongs to, so the hint points at the list.
pub fn forgotten_note(kind: Option<CredentialKind>, what: &str) -> Option<String> {
    let hint = t!("logout-revoke-hint");
    match kind {
        Some(CredentialKind::Session) => None,
        Some(CredentialKind::Token) => Some(t!("logout-forgot-token", what = what, hint = hint)),
        None => Some(t!("logout-forgot-unknown", what = what, hint = hint)),
    }
}

pub fn run(_args: Args, ctx: &mut Ctx) -> Result<()> {
    let Some(cred) = ctx.store.credential(&ctx.profile)? else {
        ctx.note(t!("logout-not-logged-in", profile = ctx.profile.as_str()))?;
        return Ok(());
    };
    let revoked = match cred.kind {
        Some(CredentialKind::Session) => match ctx.profile_config()?.url {
            Some(url) => revoke(&url, cred.token, ctx.verbose),
            None => Ok(()),
        },
        // Never revoked: someone may still rely on it.
        Some(CredentialKind::Token) | None => Ok(()),
    };
    ctx.store.remove_credential(&ctx.profile)?;
    if let Err(e) = revoked {
        ctx.note(t!("logout-revoke-failed"))?;
        return Err(e.into());
    }
    ctx.done_always(t!("logout-done", profile = ctx.profile.as_str()))?;
    if let Some(note) = forgotten_note(cred.kind, &t!("logout-stored-token")) {
        ctx.note(note)?;
    }
    if ctx.env_token_set() {
        ctx.note(t!("logout-env-token-note"))?;
    }
    Ok(())
}

/// Revokes a session at `url`, the desk that issued it (the profile's),
/// whatever --url/ECOLO_URL say: the token is never sent anywhere else.
fn revoke(url: &str, token: String, verbose: bool) -> std::result::Result<(), ApiError> {
    let client = ApiClient::new(url, Some(token), verbose)?;
    match client.delete("/v1/sessions/current") {
        // Already revoked or expired: the desk forgot it too.
        Ok(()) | Err(ApiError::Unauthorized(_)) => Ok(()),
        Err(e) => Err(e),
    }
}
