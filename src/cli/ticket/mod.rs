//! `ecolo ticket ...`: one file per command; the renderings of tickets
//! shared by several of them live here.

pub mod assign;
pub mod close;
pub mod download;
pub mod edit;
pub mod list;
pub mod note;
pub mod open;
pub mod reopen;
pub mod reply;
pub mod view;

use std::fmt;
use std::path::PathBuf;

use clap::Subcommand;
use serde::Serialize;

use crate::api::{AuthorRole, Category, MessageKind, Problem, Ticket, TicketDetail, TicketStatus};
use crate::cli::compose::{self, Asked, MessageArgs};
use crate::cli::error::{CliError, Result};
use crate::cli::output::{self, status_style};
use crate::cli::{category, prompt, Ctx};
use crate::client::{ApiError, FieldFlags};
use crate::t;

#[derive(Debug, Subcommand)]
pub enum TicketCommand {
    /// Open a ticket (prompts for what is missing on a terminal)
    Open(open::Args),
    /// List tickets (the desk picks the default: a customer's active ones, an agent's queue)
    List(list::Args),
    /// Show a ticket's whole conversation
    View(view::Args),
    /// Add a message to a ticket (from an agent: the support team's answer)
    Reply(reply::Args),
    /// Add an internal note, never shown to the customer (support team)
    Note(note::Args),
    /// Assign a ticket to an agent, to yourself, or to nobody (support team)
    Assign(assign::Args),
    /// Move a ticket to another category or change its priority (support team)
    Edit(edit::Args),
    /// Close a ticket once it is solved (agents may add a last answer)
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
        TicketCommand::Note(args) => note::run(args, ctx),
        TicketCommand::Assign(args) => assign::run(args, ctx),
        TicketCommand::Edit(args) => edit::run(args, ctx),
        TicketCommand::Close(args) => close::run(args, ctx),
        TicketCommand::Reopen(args) => reopen::run(args, ctx),
        TicketCommand::Download(args) => download::run(args, ctx),
    }
}

/// Ticket numbers as people write them: `482913` or `#482913`; 6 digits
/// or more (a desk past 900,000 tickets gives out 7-digit ones).
pub fn parse_number(s: &str) -> std::result::Result<u32, String> {
    let digits = s.trim().trim_start_matches('#');
    if digits.len() < 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(t!("ticket-number-invalid", input = s));
    }
    digits
        .parse()
        .map_err(|_| t!("ticket-number-invalid", input = s))
}

pub fn path(number: u32) -> String {
    format!("/v1/tickets/{number}")
}

/// `close` and `reopen`: POST `/v1/tickets/{number}/{action}` (idempotent,
/// so retried) and report the ticket as a `TicketLine`; `done` is the
/// translated confirmation (`number`, `subject` placeholders filled here).
pub fn change(ctx: &mut Ctx, number: u32, action: &str, done: fn(&Ticket) -> String) -> Result<()> {
    let ticket: Ticket = ctx
        .client()?
        .post_idempotent(&format!("{}/{action}", path(number)))?;
    let done = done(&ticket);
    report_change(ctx, ticket, done)
}

/// The confirmation (for a person) and result of any change to a ticket.
pub fn report_change(ctx: &mut Ctx, ticket: Ticket, done: String) -> Result<()> {
    ctx.done(done)?;
    ctx.print(&TicketLine(ticket))
}

/// The same refusal the desk gives (exit 5), with our own words.
pub fn forbidden(detail: String) -> CliError {
    CliError::Api(ApiError::Forbidden(Problem {
        kind: "about:blank".into(),
        title: "forbidden".into(),
        status: 403,
        detail: Some(detail),
        errors: vec![],
    }))
}

/// Why a customer cannot do `what` (a translated phrase, e.g.
/// `t!("staff-what-note")`), and what they can do instead.
fn only_support(what: &str, number: u32) -> CliError {
    forbidden(t!("staff-only", what = what, number = number.to_string()))
}

/// Refuses a customer before anything is asked or sent (exit 5).
pub fn require_staff(ctx: &mut Ctx, what: &str, number: u32) -> Result<()> {
    if ctx.is_staff()? {
        Ok(())
    } else {
        Err(only_support(what, number))
    }
}

/// A 403 from a support-team route: for a customer our words, for an
/// agent the desk's (it names the agent's categories).
pub fn staff_refusal(ctx: &mut Ctx, e: ApiError, what: &str, number: u32) -> CliError {
    if matches!(e, ApiError::Forbidden(_)) && matches!(ctx.is_staff(), Ok(false)) {
        return only_support(what, number);
    }
    e.into()
}

/// A 409 on a reply means the ticket is closed; say how to go on
/// even if the desk did not.
pub fn closed_hint(e: ApiError, number: u32) -> CliError {
    match e {
        ApiError::Rejected(mut p) if p.status == 409 => {
            let detail = p.detail.take().unwrap_or_else(|| p.title.clone());
            p.detail = Some(if detail.contains("reopen") {
                detail
            } else {
                t!(
                    "reply-closed-hint",
                    detail = detail,
                    number = number.to_string()
                )
            });
            ApiError::Rejected(p).into()
        }
        other => other.into(),
    }
}

/// The flag behind each field of a message body (reply, note, close), for
/// the desk's errors.
pub const MESSAGE_FIELDS: FieldFlags =
    &[("message", "-m/--message"), ("attachments", "-a/--attach")];

/// What `reply` and `note` share: the text from a flag, else the editor or
/// a prompt, else a usage error; files checked, then uploaded once the
/// ticket is known to take them. Returns the text and the upload ids.
pub struct Compose<'a> {
    pub number: u32,
    pub message: &'a MessageArgs,
    pub attach: &'a [PathBuf],
    /// What is written, for the editor's template, the prompt and errors.
    pub what: Asked,
    /// Whether the desk takes it on a closed ticket (notes: yes; replies:
    /// the ticket must be reopened first).
    pub on_closed: bool,
}

pub fn compose(ctx: &mut Ctx, c: Compose<'_>) -> Result<(String, Vec<String>)> {
    let what = c.what.word();
    prompt::require(ctx, c.message.given(), &what, &compose::message_flags())?;
    ctx.client()?;
    let limits = compose::limits(ctx)?;
    let files = compose::check_files(c.attach, &limits)?;
    let text = match c.message.read()? {
        Some(m) => m,
        None => prompt::or_ask(ctx, None, &what, &compose::message_flags(), || {
            compose::ask_message(c.what)
        })?,
    };
    let text = compose::check_message(&text, &limits)?;
    if !files.is_empty() {
        // Files are uploaded first: make sure the message can land (the
        // ticket exists, is visible, takes it) before sending them.
        let ticket: Ticket = ctx.client()?.get(&path(c.number))?;
        if ticket.status == TicketStatus::Closed && !c.on_closed {
            return Err(closed_hint(
                ApiError::Rejected(Problem {
                    kind: "about:blank".into(),
                    title: "conflict".into(),
                    status: 409,
                    detail: Some(t!("reply-ticket-closed", number = c.number.to_string())),
                    errors: vec![],
                }),
                c.number,
            ));
        }
    }
    let uploaded = compose::upload(ctx, &files)?;
    Ok((text, uploaded.into_iter().map(|a| a.id).collect()))
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

/// How an author reads in a conversation: the support team as "NAME
/// (support)", the way customers see them in mail too.
fn author(p: &crate::api::Person) -> String {
    let (name, email) = (p.name.as_str(), p.email.as_str());
    match p.role {
        AuthorRole::Staff => t!("view-author-staff", name = name, email = email),
        AuthorRole::Desk => t!("view-author-desk", name = name),
        role => t!(
            "view-author",
            name = name,
            email = email,
            role = output::role_word(role)
        ),
    }
}

/// An event entry in the person's language: from its structured `event`
/// (kind and arguments), else (an older desk) from the desk's English
/// sentence; a kind not known here (a newer desk) is shown as it came.
pub fn event_line(m: &crate::api::Message) -> String {
    m.event
        .as_ref()
        .and_then(event_info_words)
        .unwrap_or_else(|| event_words(&m.body))
}

fn event_info_words(e: &crate::api::EventInfo) -> Option<String> {
    let arg = |k: &str| e.args.get(k).map(String::as_str);
    Some(match e.kind.as_str() {
        "moved" => t!("event-moved", from = arg("from")?, to = arg("to")?),
        "assigned" => t!("event-assigned", name = arg("name")?),
        "unassigned" => t!("event-unassigned"),
        "unassigned-category" => t!("event-unassigned-category", category = arg("category")?),
        "priority" => {
            let word = |p: &str| {
                <crate::api::Priority as clap::ValueEnum>::from_str(p, false)
                    .map(output::priority_word)
                    .unwrap_or_else(|_| p.to_string())
            };
            t!(
                "event-priority",
                from = word(arg("from")?),
                to = word(arg("to")?)
            )
        }
        "closed" => t!("event-closed", name = arg("name")?),
        "reopened" => t!("event-reopened", name = arg("name")?),
        "auto-closed" => t!(
            "event-auto-closed",
            n = arg("n")?.parse::<i64>().ok()?,
            unit = arg("unit")?
        ),
        _ => return None,
    })
}

/// An event line as the desk words it (English), in the person's
/// language: the desk's sentences are few and fixed, so they are
/// recognised here; one not known (a newer desk) is shown as it came.
pub fn event_words(body: &str) -> String {
    let body = body.trim();
    if let Some(rest) = body.strip_prefix("moved from ") {
        if let Some((from, to)) = rest.split_once(" to ") {
            return t!("event-moved", from = from, to = to);
        }
    }
    if let Some(cat) = body.strip_prefix("unassigned: the assignee does not work ") {
        return t!("event-unassigned-category", category = cat);
    }
    if body == "unassigned" {
        return t!("event-unassigned");
    }
    if let Some(name) = body.strip_prefix("assigned to ") {
        return t!("event-assigned", name = name);
    }
    if let Some(span) = body
        .strip_prefix("closed by the desk after ")
        .and_then(|r| r.strip_suffix(" without a reply"))
    {
        let parsed = span
            .split_once(' ')
            .and_then(|(n, unit)| Some((n.parse::<i64>().ok()?, unit)));
        let unit = |u: &str| match u {
            "day" | "days" => Some("days"),
            "hour" | "hours" => Some("hours"),
            "second" | "seconds" => Some("seconds"),
            _ => None,
        };
        if let Some((n, Some(u))) = parsed.map(|(n, u)| (n, unit(u))) {
            return t!("event-auto-closed", n = n, unit = u);
        }
    }
    if let Some(name) = body.strip_prefix("closed by ") {
        return t!("event-closed", name = name);
    }
    if let Some(name) = body.strip_prefix("reopened by ") {
        return t!("event-reopened", name = name);
    }
    body.to_string()
}

/// The header block of a ticket, shared by `view`. `categories` gives the
/// category's name in the person's language (the slug without it).
pub fn write_header(
    f: &mut fmt::Formatter<'_>,
    t: &Ticket,
    categories: &[Category],
) -> fmt::Result {
    writeln!(
        f,
        "#{} {}  [{}]",
        t.number,
        console::Style::new().bold().apply_to(&t.subject),
        status_style(t.status).apply_to(output::status_word(t.status))
    )?;
    let category = match categories.iter().find(|c| c.slug == t.category) {
        Some(c) => format!("{} ({})", category::name(c), c.slug),
        None => t.category.clone(),
    };
    writeln!(
        f,
        "{}",
        t!(
            "view-account",
            account = format!("{} <{}>", t.account.name, t.account.email),
            requester = author_plain(&t.requester)
        )
    )?;
    let assignee = match &t.assignee {
        Some(a) => format!("{} <{}>", a.name, a.email),
        None => t!("view-nobody"),
    };
    writeln!(
        f,
        "{}",
        t!(
            "view-header",
            category = category,
            priority = output::priority_word(t.priority),
            assignee = assignee
        )
    )?;
    write!(
        f,
        "{}",
        t!(
            "view-dates",
            opened = output::when(&t.created_at),
            updated = output::when(&t.updated_at)
        )
    )?;
    if let Some(w) = &t.waiting_since {
        write!(f, "  {}", t!("view-waiting-since", since = output::when(w)))?;
    }
    writeln!(f)
}

/// `NAME <EMAIL> (role)`, the role in the person's words.
fn author_plain(p: &crate::api::Person) -> String {
    t!(
        "view-author",
        name = p.name.as_str(),
        email = p.email.as_str(),
        role = output::role_word(p.role)
    )
}

/// The detail rendering used by `view` (and `--json` of open/view); the
/// categories only name the ticket's for people, never in JSON.
/// Internal notes are marked on their header line and on every line of
/// their text, so a quote of a note cannot pass for an answer; events are
/// one dim line each.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Conversation(pub TicketDetail, #[serde(skip)] pub Vec<Category>);

impl fmt::Display for Conversation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write_header(f, &d.ticket, &self.1)?;
        let dim = console::Style::new().dim();
        let note = console::Style::new().yellow().bold();
        for m in &d.messages {
            writeln!(f)?;
            match m.kind {
                MessageKind::Event => {
                    // "closed by Laura Gómez" names its author already;
                    // "moved from billing to email" does not.
                    let body = m.body.trim();
                    let who = if body.contains(&m.author.name) {
                        String::new()
                    } else {
                        format!(" — {}", m.author.name)
                    };
                    writeln!(
                        f,
                        "{}",
                        dim.apply_to(format!(
                            "· {}{who}, {}",
                            event_line(m),
                            output::when(&m.created_at)
                        ))
                    )?;
                    continue;
                }
                MessageKind::Note => {
                    writeln!(
                        f,
                        "{}",
                        note.apply_to(t!(
                            "view-note",
                            author = author(&m.author),
                            when = output::when(&m.created_at)
                        ))
                    )?;
                    for line in m.body.trim_end().lines() {
                        writeln!(f, "{} {line}", note.apply_to("│"))?;
                    }
                }
                MessageKind::Message => {
                    writeln!(
                        f,
                        "{}",
                        dim.apply_to(match m.verified.as_deref() {
                            Some(how) => t!(
                                "view-message-verified",
                                author = author(&m.author),
                                channel = m.channel.as_str(),
                                how = how,
                                when = output::when(&m.created_at)
                            ),
                            None => t!(
                                "view-message",
                                author = author(&m.author),
                                channel = m.channel.as_str(),
                                when = output::when(&m.created_at)
                            ),
                        })
                    )?;
                    writeln!(f, "{}", m.body.trim_end())?;
                }
            }
            if !m.attachments.is_empty() {
                writeln!(f, "{}", t!("view-attachments"))?;
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
