//! `ecolo ticket reopen`: a closed ticket back to `open`.

use crate::api::Ticket;
use crate::cli::error::Result;
use crate::cli::Ctx;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ticket number, e.g. 482913
    #[arg(value_parser = super::parse_number, value_name = "NUMBER")]
    pub number: u32,
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    let path = format!("{}/reopen", super::path(args.number));
    let ticket: Ticket = ctx.client()?.post_idempotent(&path)?;
    ctx.done(format!(
        "Reopened ticket {} ({})",
        ticket.number, ticket.subject
    ))?;
    ctx.print(&super::TicketLine(ticket))
}
