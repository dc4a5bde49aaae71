//! `ecolo ticket assign`: who of the support team works a ticket. The
//! desk checks the agent exists and works the ticket's category.

use crate::api::{Assignment, Ticket};
use crate::cli::error::{CliError, Result};
use crate::cli::{prompt, Ctx};
use crate::client::FieldFlags;

#[derive(Debug, clap::Args)]
#[command(after_help = "Support team only.\n\
Examples:\n  ecolo ticket assign 482913 --to @me\n  \
ecolo ticket assign 482913 --to laura@desk.example\n  ecolo ticket assign 482913 --to none")]
pub struct Args {
    /// Ticket number, e.g. 482913
    #[arg(value_parser = super::parse_number, value_name = "NUMBER")]
    pub number: u32,

    /// An agent's e-mail, `@me` (yourself) or `none` (unassign)
    #[arg(long, value_name = "EMAIL|@me|none")]
    pub to: Option<String>,
}

/// The flag behind each field of `PUT /v1/tickets/{number}/assignee`.
const FIELDS: FieldFlags = &[("assignee", "--to")];

const WHAT: &str = "assign tickets";

/// `none` unassigns; `@me` and e-mails go to the desk as typed.
fn assignee(to: &str) -> Result<Option<String>> {
    let to = to.trim();
    if to.is_empty() {
        return Err(CliError::usage(
            "--to is empty: pass an agent's e-mail, @me or none",
        ));
    }
    Ok(match to.to_ascii_lowercase().as_str() {
        "none" => None,
        "@me" => Some("@me".to_string()),
        _ => Some(to.to_string()),
    })
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    prompt::require(ctx, args.to.is_some(), "assignee", "--to EMAIL|@me|none")?;
    if args.to.is_none() {
        // Nobody is asked a question only to be refused.
        super::require_staff(ctx, WHAT, args.number)?;
    }
    let to = prompt::or_ask(ctx, args.to, "assignee", "--to EMAIL|@me|none", || {
        prompt::text("Assign to (an agent's e-mail, @me or none)")
    })?;
    let body = Assignment {
        assignee: assignee(&to)?,
    };
    let path = format!("{}/assignee", super::path(args.number));
    let result = ctx.client()?.put(&path, &body);
    let ticket: Ticket =
        result.map_err(|e| super::staff_refusal(ctx, e.naming_flags(FIELDS), WHAT, args.number))?;
    let done = match &ticket.assignee {
        Some(a) => format!(
            "Assigned ticket {} ({}) to {} <{}>",
            ticket.number, ticket.subject, a.name, a.email
        ),
        None => format!("Unassigned ticket {} ({})", ticket.number, ticket.subject),
    };
    super::report_change(ctx, ticket, done)
}

#[cfg(test)]
mod tests {
    #[test]
    fn none_unassigns_and_me_is_kept() {
        assert_eq!(super::assignee("none").unwrap(), None);
        assert_eq!(super::assignee(" NONE ").unwrap(), None);
        assert_eq!(super::assignee("@me").unwrap().as_deref(), Some("@me"));
        assert_eq!(
            super::assignee("laura@desk.example").unwrap().as_deref(),
            Some("laura@desk.example")
        );
        assert!(super::assignee(" ").is_err());
    }
}
