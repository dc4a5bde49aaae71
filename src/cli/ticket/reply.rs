//! `ecolo ticket reply`: a message (and files) on an existing ticket.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::api::{Message, NewMessage, Problem, Ticket, TicketStatus};
use crate::cli::compose::{self, MessageArgs};
use crate::cli::error::{CliError, Result};
use crate::cli::{prompt, Ctx};
use crate::client::{ApiError, FieldFlags};
use crate::t;

#[derive(Debug, clap::Args)]
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

/// The flag behind each field of `POST /v1/tickets/{number}/messages`, for
/// the desk's errors.
const FIELDS: FieldFlags = &[("message", "-m/--message"), ("attachments", "-a/--attach")];

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
    prompt::require(
        ctx,
        args.message.given(),
        &t!("what-message"),
        &compose::message_flags(),
    )?;
    ctx.client()?;
    let limits = compose::limits(ctx)?;
    let files = compose::check_files(&args.attach, &limits)?;
    let text = match args.message.read()? {
        Some(m) => m,
        None => prompt::or_ask(
            ctx,
            None,
            &t!("what-message"),
            &compose::message_flags(),
            || compose::ask_message(compose::Asked::Reply),
        )?,
    };
    let text = compose::check_message(&text, &limits)?;
    if !files.is_empty() {
        // Files are uploaded before the reply: make sure it can land
        // (ticket exists, is ours, is open) before sending them.
        let ticket: Ticket = ctx.client()?.get(&super::path(args.number))?;
        if ticket.status == TicketStatus::Closed {
            return Err(closed_hint(
                ApiError::Rejected(Problem {
                    kind: "about:blank".into(),
                    title: "conflict".into(),
                    status: 409,
                    detail: Some(t!("reply-ticket-closed", number = args.number.to_string())),
                    errors: vec![],
                }),
                args.number,
            ));
        }
    }
    let uploaded = compose::upload(ctx, &files)?;
    let body = NewMessage {
        message: text,
        attachments: uploaded.into_iter().map(|a| a.id).collect(),
    };
    let path = format!("{}/messages", super::path(args.number));
    let msg: Message = ctx
        .client()?
        .post(&path, &body, None)
        .map_err(|e| closed_hint(e.naming_flags(FIELDS), args.number))?;
    ctx.done(t!("reply-done", number = args.number.to_string()))?;
    ctx.print(&Replied(msg))
}

/// A 409 on a reply means the ticket is closed; say how to go on even if
/// the desk did not.
fn closed_hint(e: ApiError, number: u32) -> CliError {
    match e {
        ApiError::Rejected(mut p) if p.status == 409 => {
            let detail = p.detail.take().unwrap_or_else(|| p.title.clone());
            p.detail = Some(if detail.contains("reopen") {
                detail
            } else {
                t!(
                    "reply-closed-hint",
                    detail = detail,
                    number = number.to_string()
                )
            });
            ApiError::Rejected(p).into()
        }
        other => other.into(),
    }
}
