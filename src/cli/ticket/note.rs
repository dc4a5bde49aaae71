//! `ecolo ticket note`: an internal note for the support team. The desk
//! never shows or mails it to a customer, and it leaves the status alone;
//! a customer is refused before anything is asked or uploaded.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::api::{Message, NewNote};
use crate::cli::compose::{MessageArgs, MESSAGE_FLAGS};
use crate::cli::error::Result;
use crate::cli::{prompt, Ctx};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Support team only. Without --message or --message-file, a terminal opens $VISUAL/$EDITOR (or asks for one line).\n\
Examples:\n  ecolo ticket note 482913 -m 'Refund approved by Ana; waiting for the bank.'\n  \
ecolo ticket note 482913 -F - -a server.log < findings.md"
)]
pub struct Args {
    /// Ticket number, e.g. 482913
    #[arg(value_parser = super::parse_number, value_name = "NUMBER")]
    pub number: u32,

    #[command(flatten)]
    pub message: MessageArgs,

    /// Attach a file (repeat for several)
    #[arg(short, long = "attach", value_name = "FILE")]
    pub attach: Vec<PathBuf>,
}

/// `--json`: the new note (a message of kind `note`); stdout stays quiet
/// otherwise.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Noted(pub Message);

impl fmt::Display for Noted {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

const WHAT: &str = "add internal notes";

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    prompt::require(ctx, args.message.given(), "internal note", MESSAGE_FLAGS)?;
    if !args.message.given() || !args.attach.is_empty() {
        // Nobody is asked for text, nor are files uploaded, only to be
        // refused.
        super::require_staff(ctx, WHAT, args.number)?;
    }
    let (message, attachments) = super::compose(
        ctx,
        super::Compose {
            number: args.number,
            message: &args.message,
            attach: &args.attach,
            what: "internal note",
            on_closed: true,
        },
    )?;
    let body = NewNote {
        message,
        attachments,
    };
    let path = format!("{}/notes", super::path(args.number));
    let result = ctx.client()?.post(&path, &body, None);
    let msg: Message = result.map_err(|e| {
        super::staff_refusal(
            ctx,
            e.naming_flags(super::MESSAGE_FIELDS),
            WHAT,
            args.number,
        )
    })?;
    ctx.done(format!(
        "Added an internal note to ticket {n}; the customer does not see it",
        n = args.number
    ))?;
    ctx.print(&Noted(msg))
}
