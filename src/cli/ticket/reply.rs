//! `ecolo ticket reply`: a message (and files) on an existing ticket. The
//! same command serves both sides: the desk makes an agent's reply the
//! support team's answer (signed with their name, status `answered`).

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::api::{Message, NewMessage};
use crate::cli::compose::MessageArgs;
use crate::cli::error::Result;
use crate::cli::Ctx;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Without --message or --message-file, a terminal opens $VISUAL/$EDITOR (or asks for one line).\n\
Examples:\n  ecolo ticket reply 482913 -m 'Thanks, that fixed it.'\n  \
git log -1 | ecolo ticket reply 482913 -F - -a screenshot.png"
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

/// `--json`: the new message. Without it stdout stays quiet; a person gets
/// the confirmation on stderr (`Ctx::done`).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Replied(pub Message);

impl fmt::Display for Replied {
    fn fmt(&self, _f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Ok(())
    }
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    let (message, attachments) = super::compose(
        ctx,
        super::Compose {
            number: args.number,
            message: &args.message,
            attach: &args.attach,
            what: "reply",
            on_closed: false,
        },
    )?;
    let body = NewMessage {
        message,
        attachments,
    };
    let path = format!("{}/messages", super::path(args.number));
    let msg: Message = ctx
        .client()?
        .post(&path, &body, None)
        .map_err(|e| super::closed_hint(e.naming_flags(super::MESSAGE_FIELDS), args.number))?;
    ctx.done(format!(
        "Replied to ticket {n}; see the conversation with `ecolo ticket view {n}`",
        n = args.number
    ))?;
    ctx.print(&Replied(msg))
}
