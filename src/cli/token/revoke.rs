//! `ecolo token revoke`: destructive, so it asks (or needs `--yes`).

use crate::cli::error::Result;
use crate::cli::{prompt, Ctx};
use crate::client::encode_segment;
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The token's name
    #[arg(value_name = "NAME")]
    pub name: String,

    /// Revoke without asking
    #[arg(short, long)]
    pub yes: bool,
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    ctx.client()?;
    prompt::confirm_destructive(
        ctx,
        args.yes,
        &t!("token-revoke-confirm", name = args.name.as_str()),
        &t!("token-revoke-refused", name = args.name.as_str()),
    )?;
    let path = format!("/v1/tokens/{}", encode_segment(&args.name));
    ctx.client()?.delete(&path)?;
    ctx.done_always(t!("token-revoked", name = args.name.as_str()))?;
    Ok(())
}
