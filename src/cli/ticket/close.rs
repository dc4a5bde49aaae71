//! `ecolo ticket close`: solved; makes way for new tickets. Without a
//! message it is idempotent (and retried); an agent's last answer with it
//! is a new message, so that request is never repeated.

use crate::api::{CloseRequest, Ticket};
use crate::cli::compose::MessageArgs;
use crate::cli::error::Result;
use crate::cli::Ctx;
use crate::client::FieldFlags;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "The requester is mailed that the ticket was closed and how to reopen it.\n\
Examples:\n  ecolo ticket close 482913\n  \
ecolo ticket close 482913 -m 'Refunded; closing. Reply to reopen.'   (support team)"
)]
pub struct Args {
    /// Ticket number, e.g. 482913
    #[arg(value_parser = super::parse_number, value_name = "NUMBER")]
    pub number: u32,

    /// A last answer sent with the closing (support team; `-` reads standard input)
    #[arg(
        short = 'm',
        long,
        value_name = "TEXT",
        conflicts_with = "message_file"
    )]
    pub message: Option<String>,

    /// Read the last answer from FILE (`-` for standard input)
    #[arg(short = 'F', long, value_name = "FILE")]
    pub message_file: Option<std::path::PathBuf>,
}

/// The flag behind each field of `POST /v1/tickets/{number}/close`.
const FIELDS: FieldFlags = &[("message", "-m/--message")];

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    let text = MessageArgs {
        message: args.message,
        message_file: args.message_file,
    };
    let Some(text) = text.read()? else {
        return super::change(ctx, args.number, "close", "Closed");
    };
    ctx.client()?;
    let limits = crate::cli::compose::limits(ctx)?;
    let message = crate::cli::compose::check_message(&text, &limits)?;
    let body = CloseRequest {
        message: Some(message),
    };
    let path = format!("{}/close", super::path(args.number));
    let result = ctx.client()?.post(&path, &body, None);
    let ticket: Ticket = result.map_err(|e| {
        super::staff_refusal(
            ctx,
            e.naming_flags(FIELDS),
            "close a ticket with a last answer (close it without -m)",
            args.number,
        )
    })?;
    let done = format!(
        "Closed ticket {} ({}) with a last answer",
        ticket.number, ticket.subject
    );
    super::report_change(ctx, ticket, done)
}
