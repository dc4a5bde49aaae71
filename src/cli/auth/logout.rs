//! `ecolo logout`: revoke the stored session on the desk, then forget it.

use crate::cli::error::Result;
use crate::cli::Ctx;
use crate::client::{ApiClient, ApiError};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, ctx: &mut Ctx) -> Result<()> {
    let Some(cred) = ctx.store.credential(&ctx.profile)? else {
        ctx.note(format!(
            "Not logged in (profile {}); nothing to do.",
            ctx.profile
        ))?;
        return Ok(());
    };
    // Revoked at the desk that issued it, whatever --url/ECOLO_URL say: the
    // token is never sent anywhere else.
    let revoked = match ctx.profile_config()?.url {
        Some(url) => {
            let client = ApiClient::new(&url, Some(cred.token), ctx.verbose)?;
            match client.delete("/v1/sessions/current") {
                // Already revoked or expired: the desk forgot it too.
                Ok(()) | Err(ApiError::Unauthorized(_)) => Ok(()),
                Err(e) => Err(e),
            }
        }
        None => Ok(()),
    };
    ctx.store.remove_credential(&ctx.profile)?;
    match revoked {
        Ok(()) => {
            ctx.done_always(format!("Logged out (profile {})", ctx.profile))?;
            if ctx.env_token_set() {
                ctx.note(
                    "Note: ECOLO_TOKEN is set and still works; unset it, or revoke it with \
                     `ecolo token revoke NAME`.",
                )?;
            }
            Ok(())
        }
        Err(e) => {
            ctx.note("Forgot the local credentials, but the desk could not revoke the session.")?;
            Err(e.into())
        }
    }
}
