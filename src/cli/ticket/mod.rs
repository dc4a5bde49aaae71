//! `ecolo ticket ...`: one file per command; the renderings of tickets
//! shared by several of them live here.

pub mod close;
pub mod download;
pub mod list;
pub mod open;
pub mod reopen;
pub mod reply;
pub mod view;

use std::fmt;

use clap::Subcommand;
use serde::Serialize;

use crate::api::{Ticket, TicketDetail};
use crate::cli::error::Result;
use crate::cli::output::{self, status_style};
use crate::cli::Ctx;

#[derive(Debug, Subcommand)]
pub enum TicketCommand {
    /// Open a ticket (prompts for what is missing on a terminal)
    Open(open::Args),
    /// List tickets, newest first (active ones by default)
    List(list::Args),
    /// Show a ticket's whole conversation
    View(view::Args),
    /// Add a message to a ticket
    Reply(reply::Args),
    /// Close a ticket once it is solved
    Close(close::Args),
    /// Reopen a closed ticket
    Reopen(reopen::Args),
    /// Save a ticket's attachments into a directory
    Download(download::Args),
}

pub fn run(cmd: TicketCommand, ctx: &mut Ctx) -> Result<()> {
    match cmd {
        TicketCommand::Open(args) => open::run(args, ctx),
        TicketCommand::List(args) => list::run(args, ctx),
        TicketCommand::View(args) => view::run(args, ctx),
        TicketCommand::Reply(args) => reply::run(args, ctx),
        TicketCommand::Close(args) => close::run(args, ctx),
        TicketCommand::Reopen(args) => reopen::run(args, ctx),
        TicketCommand::Download(args) => download::run(args, ctx),
    }
}

/// Ticket numbers as people write them: `482913` or `#482913`.
pub fn parse_number(s: &str) -> std::result::Result<u32, String> {
    let digits = s.trim().trim_start_matches('#');
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`{s}` is not a ticket number (six digits, e.g. 482913)"
        ));
    }
    digits
        .parse()
        .map_err(|_| format!("`{s}` is not a ticket number"))
}

pub fn path(number: u32) -> String {
    format!("/v1/tickets/{number}")
}

/// `close` and `reopen`: POST `/v1/tickets/{number}/{action}` (idempotent,
/// so retried) and report the ticket as a `TicketLine`.
pub fn change(ctx: &mut Ctx, number: u32, action: &str, done: &str) -> Result<()> {
    let ticket: Ticket = ctx
        .client()?
        .post_idempotent(&format!("{}/{action}", path(number)))?;
    ctx.done(format!(
        "{done} ticket {} ({})",
        ticket.number, ticket.subject
    ))?;
    ctx.print(&TicketLine(ticket))
}

/// A ticket after a change (close, reopen): `--json` is the Ticket; a pipe
/// gets `NUMBER<TAB>status`; a person gets the confirmation on stderr
/// (`Ctx::done`), so the terminal shows it once.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct TicketLine(pub Ticket);

impl fmt::Display for TicketLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            writeln!(f, "{}\t{}", self.0.number, self.0.status)?;
        }
        Ok(())
    }
}

/// The header block of a ticket, shared by `view`.
pub fn write_header(f: &mut fmt::Formatter<'_>, t: &Ticket) -> fmt::Result {
    writeln!(
        f,
        "#{} {}  [{}]",
        t.number,
        console::Style::new().bold().apply_to(&t.subject),
        status_style(t.status).apply_to(t.status)
    )?;
    writeln!(
        f,
        "Category: {}  Priority: {}  Requester: {} <{}>",
        t.category, t.priority, t.requester.name, t.requester.email
    )?;
    writeln!(
        f,
        "Opened {}  Updated {}",
        output::when(&t.created_at),
        output::when(&t.updated_at)
    )
}

/// The detail rendering used by `view` (and `--json` of open/view).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Conversation(pub TicketDetail);

impl fmt::Display for Conversation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write_header(f, &d.ticket)?;
        let dim = console::Style::new().dim();
        for m in &d.messages {
            writeln!(f)?;
            writeln!(
                f,
                "{}",
                dim.apply_to(format!(
                    "── {} <{}> ({}) via {}{}, {}",
                    m.author.name,
                    m.author.email,
                    m.author.role.as_str(),
                    m.channel,
                    m.verified
                        .as_deref()
                        .map_or(String::new(), |how| format!(" (verified: {how})")),
                    output::when(&m.created_at)
                ))
            )?;
            writeln!(f, "{}", m.body.trim_end())?;
            if !m.attachments.is_empty() {
                writeln!(f, "Attachments:")?;
                for a in &m.attachments {
                    writeln!(
                        f,
                        "  {} ({}, {})",
                        a.filename,
                        output::size(a.size),
                        a.content_type
                    )?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_parse() {
        assert_eq!(super::parse_number("#482913"), Ok(482913));
        assert_eq!(super::parse_number("012345"), Ok(12345));
        assert!(super::parse_number("12").is_err());
        assert!(super::parse_number("abcdef").is_err());
    }
}
