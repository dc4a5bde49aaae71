//! `ecolo contact remove`: destructive, so it asks (or needs `--yes`).

use crate::cli::error::Result;
use crate::cli::{prompt, Ctx};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The contact's e-mail address
    #[arg(value_name = "EMAIL")]
    pub email: String,

    /// Remove without asking
    #[arg(short, long)]
    pub yes: bool,
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    ctx.client()?;
    let email = args.email.trim().to_string();
    prompt::confirm_destructive(
        ctx,
        args.yes,
        &format!("Remove contact {email}? Their tokens stop working at once"),
        &format!("refusing to remove contact {email}"),
    )?;
    ctx.client()?.delete(&super::path(&email))?;
    ctx.done_always(format!("Removed contact {email}"))?;
    Ok(())
}
