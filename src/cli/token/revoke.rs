//! `ecolo token revoke`: destructive, so it asks (or needs `--yes`).

use crate::cli::error::Result;
use crate::cli::{prompt, Ctx};
use crate::client::encode_segment;

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
        &format!(
            "Revoke token {}? Scripts using it stop working at once",
            args.name
        ),
        &format!("refusing to revoke token {}", args.name),
    )?;
    let path = format!("/v1/tokens/{}", encode_segment(&args.name));
    ctx.client()?.delete(&path)?;
    ctx.done_always(format!("Revoked token {}", args.name))?;
    Ok(())
}
