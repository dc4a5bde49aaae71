//! `ecolo contact remove`: destructive, so it asks (or needs `--yes`).

use crate::cli::error::Result;
use crate::cli::{prompt, Ctx};
use crate::t;

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
        &t!("contact-remove-confirm", email = email.as_str()),
        &t!("contact-remove-refused", email = email.as_str()),
    )?;
    ctx.client()?.delete(&super::path(&email))?;
    ctx.done_always(t!("contact-removed", email = email.as_str()))?;
    Ok(())
}
