//! `ecolo ticket edit`: the support team fixes a ticket's category (the
//! customer chose the wrong department) or priority. The desk records a
//! move in the conversation and refuses one to a category the agent does
//! not work.

use crate::api::{Priority, Ticket, TicketChange};
use crate::cli::error::{CliError, Result};
use crate::cli::{category, Ctx};
use crate::client::FieldFlags;

#[derive(Debug, clap::Args)]
#[command(after_help = "Support team only. Give at least one of -c and -p.\n\
Examples:\n  ecolo ticket edit 482913 -c email\n  ecolo ticket edit 482913 -p high")]
pub struct Args {
    /// Ticket number, e.g. 482913
    #[arg(value_parser = super::parse_number, value_name = "NUMBER")]
    pub number: u32,

    /// Move the ticket to this category (see `ecolo category list`)
    #[arg(short, long, value_name = "CATEGORY")]
    pub category: Option<String>,

    /// Set the priority
    #[arg(short, long, value_enum, value_name = "PRIORITY")]
    pub priority: Option<Priority>,
}

/// The flag behind each field of `PATCH /v1/tickets/{number}`.
const FIELDS: FieldFlags = &[("category", "-c/--category"), ("priority", "-p/--priority")];

const WHAT: &str = "move tickets or change their priority";

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    if args.category.is_none() && args.priority.is_none() {
        return Err(CliError::usage(
            "nothing to change: pass -c/--category CATEGORY and/or -p/--priority PRIORITY",
        ));
    }
    ctx.client()?;
    let category = match &args.category {
        Some(c) => {
            let c = category::normalize(c);
            category::check(&c, &category::fetch(ctx)?, "--category")?;
            Some(c)
        }
        None => None,
    };
    let body = TicketChange {
        category,
        priority: args.priority,
    };
    let result = ctx.client()?.patch(&super::path(args.number), &body);
    let ticket: Ticket =
        result.map_err(|e| super::staff_refusal(ctx, e.naming_flags(FIELDS), WHAT, args.number))?;
    let mut changes = vec![];
    if body.category.is_some() {
        changes.push(format!("category {}", ticket.category));
    }
    if body.priority.is_some() {
        changes.push(format!("priority {}", ticket.priority));
    }
    let done = format!(
        "Ticket {} ({}) now has {}",
        ticket.number,
        ticket.subject,
        changes.join(" and ")
    );
    super::report_change(ctx, ticket, done)
}
