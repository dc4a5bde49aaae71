//! `ecolo ticket list`: follows the desk's cursor until `--limit` tickets.
//! The desk decides what a list holds and its order by who asks (a
//! customer's own tickets, newest first; an agent's queue, the longest
//! waiting first), so no status is sent unless one is asked for. The table
//! differs too: an agent needs account, requester, assignee and the wait.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::api::{Page, StatusFilter, Ticket};
use crate::cli::error::{CliError, Result};
use crate::cli::output::{priority_word, status_style, status_word, Cell, Table};
use crate::cli::{category, Ctx};
use crate::client::{ApiError, FieldFlags};
use crate::t;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Customers get their own tickets, newest first (active ones by default).\n\
The support team gets the queue: every account's tickets in their categories, those waiting\n\
for support by default, the longest waiting first.\n\
Examples:\n  ecolo ticket list --search invoice\n  \
ecolo ticket list --assignee @me --status all\n  ecolo ticket list --account owner@example.com -c billing"
)]
pub struct Args {
    /// Which tickets: open, answered, customer-reply, closed, waiting (open or
    /// customer-reply), active (all but closed) or all [default: the desk's, see below]
    #[arg(long, value_enum, value_name = "STATUS", hide_possible_values = true)]
    pub status: Option<StatusFilter>,

    /// Only this category (slug or name)
    #[arg(short, long, value_name = "CATEGORY")]
    pub category: Option<String>,

    /// Only tickets whose subject or messages contain every word of TEXT (for
    /// the support team, notes too), newest first
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// Support team: only tickets assigned to EMAIL, to you (`@me`) or to
    /// nobody (`none`)
    #[arg(long, value_name = "EMAIL|@me|none")]
    pub assignee: Option<String>,

    /// Support team: only the tickets of the account owned by EMAIL
    #[arg(long, value_name = "EMAIL")]
    pub account: Option<String>,

    /// At most N tickets
    #[arg(short = 'L', long, default_value_t = 30, value_name = "N")]
    pub limit: u32,
}

/// The flag behind each query parameter of `GET /v1/tickets`, for the
/// desk's errors.
const FIELDS: FieldFlags = &[
    ("status", "--status"),
    ("category", "-c/--category"),
    ("search", "--search"),
    ("assignee", "--assignee"),
    ("account", "--account"),
    ("limit", "-L/--limit"),
];

/// `--json`: an array of tickets (no messages), for either side.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct TicketList {
    pub tickets: Vec<Ticket>,
    /// The support team's table (a customer's otherwise).
    #[serde(skip)]
    pub staff: bool,
}

/// How long a ticket has waited, as people say it: `45m`, `3h`, `2d`.
pub fn waited(since: &DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - *since).num_seconds().max(0);
    match secs {
        0..=59 => t!("waited-under-minute"),
        60..=3599 => t!("waited-minutes", n = secs / 60),
        3600..=86_399 => t!("waited-hours", n = secs / 3600),
        _ => t!("waited-days", n = secs / 86_400),
    }
}

fn rfc3339(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl TicketList {
    /// NUMBER STATUS WAITED ACCOUNT REQUESTER ASSIGNEE CATEGORY SUBJECT; a
    /// pipe gets e-mails (what `--account`/`--assignee` take) and times.
    fn queue(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pipe = f.alternate();
        let now = Utc::now();
        let mut table = Table::new(vec![
            t!("col-number"),
            t!("col-status"),
            t!("col-waited"),
            t!("col-account"),
            t!("col-requester"),
            t!("col-assignee"),
            t!("col-category"),
            t!("col-subject"),
        ]);
        for t in &self.tickets {
            let waited = match &t.waiting_since {
                Some(w) if pipe => rfc3339(w),
                Some(w) => waited(w, now),
                None => "-".to_string(),
            };
            let (requester, assignee) = if pipe {
                (
                    t.requester.email.clone(),
                    t.assignee.as_ref().map(|a| a.email.clone()),
                )
            } else {
                (
                    t.requester.name.clone(),
                    t.assignee.as_ref().map(|a| a.name.clone()),
                )
            };
            table.row(vec![
                t.number.to_string().into(),
                Cell::styled(
                    if pipe {
                        t.status.as_str().to_string()
                    } else {
                        status_word(t.status)
                    },
                    status_style(t.status),
                ),
                waited.into(),
                t.account.email.as_str().into(),
                requester.into(),
                assignee.unwrap_or_else(|| "-".into()).into(),
                t.category.as_str().into(),
                t.subject.as_str().into(),
            ]);
        }
        fmt::Display::fmt(&table, f)
    }

    /// A customer's: NUMBER STATUS PRIORITY CATEGORY UPDATED SUBJECT.
    fn own(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut table = Table::new(vec![
            t!("col-number"),
            t!("col-status"),
            t!("col-priority"),
            t!("col-category"),
            t!("col-updated"),
            t!("col-subject"),
        ]);
        for t in &self.tickets {
            let updated = if f.alternate() {
                rfc3339(&t.updated_at)
            } else {
                crate::cli::output::ago(&t.updated_at, Utc::now())
            };
            // Words for people; a pipe keeps the API's values.
            let (status, priority) = if f.alternate() {
                (
                    t.status.as_str().to_string(),
                    t.priority.as_str().to_string(),
                )
            } else {
                (status_word(t.status), priority_word(t.priority))
            };
            table.row(vec![
                t.number.to_string().into(),
                Cell::styled(status, status_style(t.status)),
                priority.into(),
                t.category.as_str().into(),
                updated.into(),
                t.subject.as_str().into(),
            ]);
        }
        fmt::Display::fmt(&table, f)
    }
}

impl fmt::Display for TicketList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.staff {
            self.queue(f)
        } else {
            self.own(f)
        }
    }
}

/// `--assignee`/`--account` from a customer: the desk's 403 in words that
/// name the flags typed.
fn refusal(ctx: &mut Ctx, e: ApiError, args: &Args) -> CliError {
    let flags: Vec<&str> = [
        args.assignee.as_ref().map(|_| "--assignee"),
        args.account.as_ref().map(|_| "--account"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if matches!(e, ApiError::Forbidden(_))
        && !flags.is_empty()
        && matches!(ctx.is_staff(), Ok(false))
    {
        let flags = flags.join(&t!("list-and"));
        return super::forbidden(t!("list-staff-filter-only", flags = flags));
    }
    e.into()
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    if args.limit == 0 {
        return Err(CliError::usage(t!("limit-at-least-one")));
    }
    let search = match args.search.as_deref().map(str::trim) {
        Some("") => return Err(CliError::usage(t!("list-search-empty"))),
        other => other.map(str::to_string),
    };
    ctx.client()?;
    let wanted = match &args.category {
        Some(c) => {
            let cats = category::fetch(ctx)?;
            Some(category::resolve(c, &cats, "--category")?)
        }
        None => None,
    };
    let mut filters: Vec<(&str, String)> = vec![];
    if let Some(s) = args.status {
        filters.push(("status", s.as_str().to_string()));
    }
    if let Some(c) = &wanted {
        filters.push(("category", c.clone()));
    }
    if let Some(s) = &search {
        filters.push(("search", s.clone()));
    }
    if let Some(a) = &args.assignee {
        filters.push(("assignee", a.trim().to_string()));
    }
    if let Some(a) = &args.account {
        filters.push(("account", a.trim().to_string()));
    }
    let mut items: Vec<Ticket> = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let want = (args.limit as usize - items.len()).min(100);
        let mut query = filters.clone();
        query.push(("limit", want.to_string()));
        if let Some(c) = &cursor {
            query.push(("cursor", c.clone()));
        }
        let result = ctx.client()?.get_query("/v1/tickets", &query);
        let page: Page<Ticket> = result.map_err(|e| refusal(ctx, e.naming_flags(FIELDS), &args))?;
        let got = page.items.len();
        items.extend(page.items);
        items.truncate(args.limit as usize);
        match page.next_cursor {
            Some(c) if items.len() < args.limit as usize && got > 0 => cursor = Some(c),
            _ => break,
        }
    }
    if items.is_empty() && !ctx.json && ctx.err_tty {
        ctx.note(t!(
            "tickets-none",
            status = args.status.map(|s| s.as_str()).unwrap_or("any")
        ))?;
    }
    // Which table: asked of the desk only when there is one to draw.
    let staff = !ctx.json && !items.is_empty() && ctx.is_staff()?;
    ctx.print(&TicketList {
        tickets: items,
        staff,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_short() {
        let now = Utc::now();
        let back = |s: i64| now - chrono::Duration::seconds(s);
        assert_eq!(waited(&back(5), now), "<1m");
        assert_eq!(waited(&back(600), now), "10m");
        assert_eq!(waited(&back(5 * 3600), now), "5h");
        assert_eq!(waited(&back(3 * 86_400), now), "3d");
    }
}
