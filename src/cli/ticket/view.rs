//! `ecolo ticket view`: the whole conversation.

use crate::api::TicketDetail;
use crate::cli::error::Result;
use crate::cli::Ctx;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ticket number, e.g. 482913
    #[arg(value_parser = super::parse_number, value_name = "NUMBER")]
    pub number: u32,
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    let detail: TicketDetail = ctx.client()?.get(&super::path(args.number))?;
    // Only to name the category for people; without it the slug shows.
    let categories = if ctx.json {
        vec![]
    } else {
        crate::cli::category::fetch(ctx).unwrap_or_default()
    };
    ctx.print(&super::Conversation(detail, categories))
}
