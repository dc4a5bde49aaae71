//! `ecolo ticket edit`: the support team fixes a ticket's category (the
//! customer chose the wrong department) or priority. The desk records a
//! move in the conversation and refuses one to a category the agent does
//! not work.

use crate::api::{Priority, Ticket, TicketChange};
use crate::cli::error::{CliError, Result};
use crate::cli::{category, Ctx};
use crate::client::FieldFlags;
use crate::t;

#[derive(Debug, clap::Args)]
#[command(after_help = "Support team only. Give at least one of -c and -p.\n\
Examples:\n  ecolo ticket edit 482913 -c email\n  ecolo ticket edit 482913 -p high")]
pub struct Args {
    /// Ticket number, e.g. 482913
    #[arg(value_parser = super::parse_number, value_name = "NUMBER")]
    pub number: u32,

    /// Move the ticket to this category: its slug or name (see `ecolo category list`)
    #[arg(short, long, value_name = "CATEGORY")]
    pub category: Option<String>,

    /// Set the priority
    #[arg(short, long, value_enum, value_name = "PRIORITY")]
    pub priority: Option<Priority>,
}

/// The flag behind each field of `PATCH /v1/tickets/{number}`.
const FIELDS: FieldFlags = &[("category", "-c/--category"), ("priority", "-p/--priority")];

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    if args.category.is_none() && args.priority.is_none() {
        return Err(CliError::usage(t!("edit-nothing")));
    }
    ctx.client()?;
    let cats = match &args.category {
        Some(_) => category::fetch(ctx)?,
        None => vec![],
    };
    let category = match &args.category {
        Some(c) => Some(category::resolve(c, &cats, "--category")?),
        None => None,
    };
    let body = TicketChange {
        category,
        priority: args.priority,
    };
    let result = ctx.client()?.patch(&super::path(args.number), &body);
    let ticket: Ticket = result.map_err(|e| {
        super::staff_refusal(
            ctx,
            e.naming_flags(FIELDS),
            &t!("staff-what-edit"),
            args.number,
        )
    })?;
    let mut changes = vec![];
    if body.category.is_some() {
        let name = match cats.iter().find(|c| c.slug == ticket.category) {
            Some(c) => format!("{} ({})", category::name(c), c.slug),
            None => ticket.category.clone(),
        };
        changes.push(t!("edit-now-category", category = name));
    }
    if body.priority.is_some() {
        changes.push(t!(
            "edit-now-priority",
            priority = crate::cli::output::priority_word(ticket.priority)
        ));
    }
    let done = t!(
        "edit-done",
        number = ticket.number.to_string(),
        subject = ticket.subject.as_str(),
        changes = changes.join(&t!("list-and"))
    );
    super::report_change(ctx, ticket, done)
}
