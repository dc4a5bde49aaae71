//! `ecolo ticket open`: every value from a flag or a prompt, all of it
//! checked locally (category, sizes, files) before anything is sent; then the
//! attachments are uploaded and the ticket created under one idempotency
//! key, so a retry never makes a second ticket.

use std::fmt;
use std::path::PathBuf;

use dialoguer::Select;
use serde::Serialize;

use crate::api::{Category, Me, NewTicket, Priority, TicketDetail};
use crate::cli::compose::{self, LocalFile, MessageArgs};
use crate::cli::error::{CliError, Result};
use crate::cli::{category, output, prompt, Ctx};
use crate::client::FieldFlags;
use crate::t;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Prints only the new ticket's number on stdout (the ticket as JSON with --json).\n\
Examples:\n  ecolo ticket open -c billing -s 'Invoice 1234 charged twice' -m 'Details...'\n  \
ecolo ticket open -c website-updates -s 'New prices page' -F text.md -a prices.png"
)]
pub struct Args {
    /// Category: its slug or its name in Spanish or English (see `ecolo category list`)
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
        &t!("what-category"),
        "--category CATEGORY",
    )?;
    prompt::require(
        ctx,
        args.subject.is_some(),
        &t!("what-subject"),
        "--subject SUBJECT",
    )?;
    prompt::require(
        ctx,
        args.message.given(),
        &t!("what-message"),
        &compose::message_flags(),
    )?;
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
        return Err(forbidden(t!("open-no-category-allowed")));
    }
    let slug = match args.category {
        Some(c) => {
            let c = category::resolve(&c, &categories, "--category")?;
            if !allowed.iter().any(|a| a.slug == c) {
                return Err(not_permitted(&c, &allowed));
            }
            c
        }
        None => {
            let what = t!("what-category");
            let slug = prompt::or_ask(ctx, None, &what, "--category CATEGORY", || {
                let items: Vec<String> = allowed.iter().map(|c| category::label(c)).collect();
                let i = Select::with_theme(&prompt::theme())
                    .with_prompt(t!("open-prompt-category"))
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
            let s = prompt::or_ask(ctx, None, &t!("what-subject"), "--subject SUBJECT", || {
                prompt::text(&t!("open-prompt-subject"))
            })?;
            interactive = true;
            s
        }
    };
    let subject = subject.trim().to_string();
    if subject.is_empty() {
        return Err(CliError::usage(t!("open-subject-empty")));
    }
    if subject.chars().any(char::is_control) {
        return Err(CliError::usage(t!("open-subject-control")));
    }
    if subject.chars().count() as u64 > limits.max_subject_chars as u64 {
        return Err(CliError::usage(t!(
            "open-subject-too-long",
            chars = subject.chars().count(),
            max = limits.max_subject_chars
        )));
    }

    let message = match args.message.read()? {
        Some(m) => m,
        None => {
            let m = prompt::or_ask(
                ctx,
                None,
                &t!("what-message"),
                &compose::message_flags(),
                || compose::ask_message(compose::Asked::Message),
            )?;
            interactive = true;
            m
        }
    };
    let message = compose::check_message(&message, &limits)?;

    let priority = match args.priority {
        Some(p) => p,
        None if interactive => {
            let items =
                [Priority::Low, Priority::Medium, Priority::High].map(output::priority_word);
            let i = Select::with_theme(&prompt::theme())
                .with_prompt(t!("open-prompt-priority"))
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
            ctx.note(t!("open-website-attach-now"))?;
        }
        files = compose::ask_files(ctx, &limits)?;
    }
    if remind && files.is_empty() {
        ctx.note(t!("open-website-reminder"))?;
    }

    if interactive && !args.yes {
        let chosen = categories.iter().find(|c| c.slug == slug);
        let category = match chosen {
            Some(c) => format!("{} ({})", category::name(c), c.slug),
            None => slug.clone(),
        };
        let mut rows = vec![
            (t!("summary-category"), category),
            (t!("summary-subject"), subject.clone()),
            (t!("summary-priority"), output::priority_word(priority)),
            (
                t!("summary-message"),
                t!("summary-message-chars", n = message.chars().count()),
            ),
        ];
        for f in &files {
            rows.push((
                t!("summary-attach"),
                format!("{} ({})", f.filename, output::size(f.size)),
            ));
        }
        // Labels differ in length by language: align on the longest.
        let width = rows
            .iter()
            .map(|(l, _)| console::measure_text_width(l))
            .max()
            .unwrap_or(0)
            + 1;
        let mut summary = String::from("\n");
        for (label, value) in rows {
            let pad = width - console::measure_text_width(&label);
            summary.push_str(&format!("{label}{}{value}\n", " ".repeat(pad)));
        }
        ctx.note(summary)?;
        if !prompt::confirm(&t!("open-confirm"), true)? {
            return Err(CliError::Cancelled(t!("cancel-nothing-sent")));
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
    ctx.done(t!(
        "open-done",
        number = detail.ticket.number.to_string(),
        category = detail.ticket.category.as_str()
    ))?;
    ctx.print(&Opened(detail))
}

fn not_permitted(slug: &str, allowed: &[&Category]) -> CliError {
    let names: Vec<String> = allowed
        .iter()
        .map(|c| format!("{} ({})", c.slug, category::name(c)))
        .collect();
    forbidden(t!(
        "open-category-not-permitted",
        slug = slug,
        allowed = names.join(", ")
    ))
}

/// The same error the desk would give (exit 5), found before sending.
fn forbidden(detail: String) -> CliError {
    super::forbidden(detail)
}
