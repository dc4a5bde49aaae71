//! `ecolo ticket list`: follows the desk's cursor until `--limit` tickets.

use std::fmt;

use serde::Serialize;

use crate::api::{Page, StatusFilter, Ticket};
use crate::cli::error::{CliError, Result};
use crate::cli::output::{priority_word, status_style, status_word, Cell, Table};
use crate::cli::{category, Ctx};
use crate::client::FieldFlags;
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which tickets: a status, `active` (all but closed) or `all`
    #[arg(long, value_enum, default_value = "active", value_name = "STATUS")]
    pub status: StatusFilter,

    /// Only this category (slug or name)
    #[arg(short, long, value_name = "CATEGORY")]
    pub category: Option<String>,

    /// At most N tickets
    #[arg(short = 'L', long, default_value_t = 30, value_name = "N")]
    pub limit: u32,
}

/// The flag behind each query parameter of `GET /v1/tickets`, for the
/// desk's errors.
const FIELDS: FieldFlags = &[
    ("status", "--status"),
    ("category", "-c/--category"),
    ("limit", "-L/--limit"),
];

/// `--json`: an array of tickets (no messages).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct TicketList(pub Vec<Ticket>);

impl fmt::Display for TicketList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut table = Table::new(vec![
            t!("col-number"),
            t!("col-status"),
            t!("col-priority"),
            t!("col-category"),
            t!("col-updated"),
            t!("col-subject"),
        ]);
        for t in &self.0 {
            let updated = if f.alternate() {
                t.updated_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            } else {
                crate::cli::output::ago(&t.updated_at, chrono::Utc::now())
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

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    if args.limit == 0 {
        return Err(CliError::usage(t!("limit-at-least-one")));
    }
    ctx.client()?;
    let wanted = match &args.category {
        Some(c) => {
            let cats = category::fetch(ctx)?;
            Some(category::resolve(c, &cats, "--category")?)
        }
        None => None,
    };
    let client = ctx.client()?;
    let mut items: Vec<Ticket> = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let want = (args.limit as usize - items.len()).min(100);
        let mut query: Vec<(&str, String)> = vec![
            ("status", args.status.as_str().to_string()),
            ("limit", want.to_string()),
        ];
        if let Some(c) = &wanted {
            query.push(("category", c.clone()));
        }
        if let Some(c) = &cursor {
            query.push(("cursor", c.clone()));
        }
        let page: Page<Ticket> = client
            .get_query("/v1/tickets", &query)
            .map_err(|e| e.naming_flags(FIELDS))?;
        let got = page.items.len();
        items.extend(page.items);
        items.truncate(args.limit as usize);
        match page.next_cursor {
            Some(c) if items.len() < args.limit as usize && got > 0 => cursor = Some(c),
            _ => break,
        }
    }
    if items.is_empty() && !ctx.json && ctx.err_tty {
        ctx.note(t!("tickets-none", status = args.status.as_str()))?;
    }
    ctx.print(&TicketList(items))
}
