//! `ecolo ticket open`: every value from a flag or a prompt, all of it
//! checked locally (category, sizes, files) before anything is sent; then the
//! attachments are uploaded and the ticket created under one idempotency
//! key, so a retry never makes a second ticket.

use std::fmt;
use std::path::PathBuf;

use dialoguer::Select;
use serde::Serialize;

use crate::api::{Category, Me, NewTicket, Priority, TicketDetail};
use crate::cli::compose::{self, LocalFile, MessageArgs, MESSAGE_FLAGS};
use crate::cli::error::{CliError, Result};
use crate::cli::{category, output, prompt, Ctx};
use crate::client::FieldFlags;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Prints only the new ticket's number on stdout (the ticket as JSON with --json).\n\
Examples:\n  ecolo ticket open -c billing -s 'Invoice 1234 charged twice' -m 'Details...'\n  \
ecolo ticket open -c website-updates -s 'New prices page' -F text.md -a prices.png"
)]
pub struct Args {
    /// Category slug (see `ecolo category list`)
    #[arg(short, long, value_name = "CATEGORY")]
    pub category: Option<String>,

    /// One-line summary of the problem
    #[arg(short, long, value_name = "SUBJECT")]
    pub subject: Option<String>,

    #[command(flatten)]
    pub message: MessageArgs,

    /// Priority [default: medium]
    #[arg(short, long, value_enum, value_name = "PRIORITY")]
    pub priority: Option<Priority>,

    /// Attach a file (repeat for several)
    #[arg(short, long = "attach", value_name = "FILE")]
    pub attach: Vec<PathBuf>,

    /// Key that makes retrying this command safe: the same key never opens a
    /// second ticket [default: a new UUID per run]
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,

    /// Do not ask for confirmation of the summary
    #[arg(short, long)]
    pub yes: bool,
}

/// The flag behind each field of `POST /v1/tickets`, for the desk's errors.
const FIELDS: FieldFlags = &[
    ("category", "-c/--category"),
    ("subject", "-s/--subject"),
    ("message", "-m/--message"),
    ("priority", "-p/--priority"),
    ("attachments", "-a/--attach"),
    (crate::api::IDEMPOTENCY_KEY_HEADER, "--idempotency-key"),
];

/// People see the number only; `--json` gets the ticket with its messages.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Opened(pub TicketDetail);

impl fmt::Display for Opened {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.0.ticket.number)
    }
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    prompt::require(
        ctx,
        args.category.is_some(),
        "category",
        "--category CATEGORY",
    )?;
    prompt::require(ctx, args.subject.is_some(), "subject", "--subject SUBJECT")?;
    prompt::require(ctx, args.message.given(), "message", MESSAGE_FLAGS)?;
    // Credentials first: no point asking questions we cannot send.
    let me: Me = ctx.client()?.get("/v1/me")?;
    let categories = category::fetch(ctx)?;
    let limits = compose::limits(ctx)?;
    let mut interactive = false;

    // Category: what these credentials may use, in the desk's order.
    let allowed: Vec<&Category> = categories
        .iter()
        .filter(|c| match &me.categories {
            None => true,
            Some(a) => a.contains(&c.slug),
        })
        .collect();
    if allowed.is_empty() {
        return Err(forbidden(
            "these credentials may not open tickets in any category (ask the account owner)".into(),
        ));
    }
    let slug = match args.category {
        Some(c) => {
            let c = category::normalize(&c);
            category::check(&c, &categories, "--category")?;
            if !allowed.iter().any(|a| a.slug == c) {
                return Err(not_permitted(&c, &allowed));
            }
            c
        }
        None => {
            let slug = prompt::or_ask(ctx, None, "category", "--category CATEGORY", || {
                let items: Vec<String> = allowed.iter().map(|c| category::label(c)).collect();
                let i = Select::with_theme(&prompt::theme())
                    .with_prompt("Category (↑/↓, Enter)")
                    .items(&items)
                    .default(0)
                    .interact()?;
                Ok(allowed[i].slug.clone())
            })?;
            interactive = true;
            slug
        }
    };

    let subject = match args.subject {
        Some(s) => s,
        None => {
            let s = prompt::or_ask(ctx, None, "subject", "--subject SUBJECT", || {
                prompt::text("Subject")
            })?;
            interactive = true;
            s
        }
    };
    let subject = subject.trim().to_string();
    if subject.is_empty() {
        return Err(CliError::usage(
            "the subject is empty: pass --subject SUBJECT",
        ));
    }
    if subject.chars().any(char::is_control) {
        return Err(CliError::usage(
            "the subject must be one line without control characters (--subject)",
        ));
    }
    if subject.chars().count() as u64 > limits.max_subject_chars as u64 {
        return Err(CliError::usage(format!(
            "the subject is {} characters; the desk takes at most {} (--subject)",
            subject.chars().count(),
            limits.max_subject_chars
        )));
    }

    let message = match args.message.read()? {
        Some(m) => m,
        None => {
            let m = prompt::or_ask(ctx, None, "message", MESSAGE_FLAGS, || {
                compose::ask_message("message")
            })?;
            interactive = true;
            m
        }
    };
    let message = compose::check_message(&message, &limits)?;

    let priority = match args.priority {
        Some(p) => p,
        None if interactive => {
            let items = ["low", "medium", "high"];
            let i = Select::with_theme(&prompt::theme())
                .with_prompt("Priority")
                .items(&items)
                .default(1)
                .interact()?;
            [Priority::Low, Priority::Medium, Priority::High][i]
        }
        None => Priority::Medium,
    };

    let mut files: Vec<LocalFile> = compose::check_files(&args.attach, &limits)?;
    // Support needs the final text and images for site changes: said before
    // the attachment prompt, while there is still time to add them.
    let remind = slug == "website-updates" && files.is_empty();
    if interactive && files.is_empty() {
        if remind {
            ctx.note("Website updates need the final text and the final images: attach them now.")?;
        }
        files = compose::ask_files(ctx, &limits)?;
    }
    if remind && files.is_empty() {
        ctx.note(
            "Reminder: website updates need the final text and the final images; \
             attach them with -a FILE (or reply later with `ecolo ticket reply NUMBER -a FILE`).",
        )?;
    }

    if interactive && !args.yes {
        let mut summary = format!(
            "\nCategory: {slug}\nSubject:  {subject}\nPriority: {priority}\nMessage:  {} characters\n",
            message.chars().count()
        );
        for f in &files {
            summary.push_str(&format!(
                "Attach:   {} ({})\n",
                f.filename,
                output::size(f.size)
            ));
        }
        ctx.note(summary)?;
        if !prompt::confirm("Open this ticket?", true)? {
            return Err(CliError::Cancelled("nothing was sent".into()));
        }
    }

    let key = args
        .idempotency_key
        .filter(|k| !k.trim().is_empty())
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let uploaded = compose::upload(ctx, &files)?;
    let body = NewTicket {
        category: slug,
        subject,
        message,
        priority,
        attachments: uploaded.into_iter().map(|a| a.id).collect(),
    };
    let detail: TicketDetail = ctx
        .client()?
        .post("/v1/tickets", &body, Some(&key))
        .map_err(|e| e.naming_flags(FIELDS))?;
    ctx.done(format!(
        "Opened ticket {n} in {}; follow it with `ecolo ticket view {n}`",
        detail.ticket.category,
        n = detail.ticket.number
    ))?;
    ctx.print(&Opened(detail))
}

fn not_permitted(slug: &str, allowed: &[&Category]) -> CliError {
    let names: Vec<&str> = allowed.iter().map(|c| c.slug.as_str()).collect();
    forbidden(format!(
        "these credentials may not open tickets in `{slug}`; they may only use: {}",
        names.join(", ")
    ))
}

/// The same error the desk would give (exit 5), found before sending.
fn forbidden(detail: String) -> CliError {
    super::forbidden(detail)
}
