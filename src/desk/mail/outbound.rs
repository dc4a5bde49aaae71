//! The mail the desk sends: confirmations, staff-reply notifications and
//! the auto-replies that tell a refused sender why and what to do. A known
//! person reads it in their language only ([`Reader::Known`]); a stranger
//! in both, Spanish first ([`Reader::Stranger`]). The words are in the
//! desk's catalogs (`desk/i18n/mail-{en,es}.ftl`), never here.
//!
//! Every message carries the ticket tag in its subject and Reply-To the
//! category's intake address, which `notify` replaces on every mail about a
//! ticket with the address signed for its recipient (`reply_address`), so
//! answering it threads back into the ticket;
//! Message-IDs are derived from what they are about, so queuing the same
//! notification twice (a redelivered mail, a retried command) sends it once.

use std::collections::BTreeMap;

use fluent_bundle::FluentValue;
use sha2::{Digest, Sha256};

use super::subject;
use crate::desk::i18n::tr_in;
use crate::i18n::Lang;

/// Who reads a mail: a known person in their language, anyone else in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    Known(Lang),
    Stranger,
}

type Args<'a> = Vec<(&'static str, FluentValue<'a>)>;

impl Reader {
    /// A person's stored language.
    pub fn of(language: crate::api::Language) -> Reader {
        Reader::Known(language.into())
    }

    /// A paragraph: in both languages it is given twice, apart.
    pub fn block<'a>(self, key: &str, args: impl Fn(Lang) -> Args<'a>) -> String {
        self.each(|lang| tr_in(lang, key, &args(lang)))
    }

    /// What `text` says in the reader's language, or in both, apart.
    pub fn each(self, text: impl Fn(Lang) -> String) -> String {
        match self {
            Reader::Known(lang) => text(lang),
            Reader::Stranger => format!("{}\n\n----\n\n{}", text(Lang::Es), text(Lang::En)),
        }
    }

    /// A line (a subject, a heading): in both languages, `es / en`.
    pub fn line<'a>(self, key: &str, args: impl Fn(Lang) -> Args<'a>) -> String {
        match self {
            Reader::Known(lang) => tr_in(lang, key, &args(lang)),
            Reader::Stranger => format!(
                "{} / {}",
                tr_in(Lang::Es, key, &args(Lang::Es)),
                tr_in(Lang::En, key, &args(Lang::En))
            ),
        }
    }

    /// Lines one under the other: in both languages, the Spanish first.
    fn lines<'a>(self, key: &str, args: impl Fn(Lang) -> Args<'a>) -> String {
        match self {
            Reader::Known(lang) => tr_in(lang, key, &args(lang)),
            Reader::Stranger => format!(
                "{}\n{}",
                tr_in(Lang::Es, key, &args(Lang::Es)),
                tr_in(Lang::En, key, &args(Lang::En))
            ),
        }
    }
}

fn none<'a>(_: Lang) -> Args<'a> {
    Vec::new()
}

/// Display name on everything the desk sends.
pub const DESK_NAME: &str = "Ecolo Soporte / Support";

/// One message waiting in the outbox. `headers` holds `From`, `Reply-To`,
/// `Message-ID`, threading and auto-reply headers, and `Return-Path`, the
/// envelope sender (`<>` for auto-replies, as RFC 3834 asks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// Recipient mailbox, `Name <addr>` or a bare address.
    pub to: String,
    pub subject: String,
    pub body: String,
    pub headers: BTreeMap<String, String>,
}

impl Outgoing {
    pub fn message_id(&self) -> Option<&str> {
        self.headers.get("Message-ID").map(String::as_str)
    }
}

/// What a ticket mail is about.
#[derive(Debug, Clone)]
pub struct TicketInfo<'a> {
    pub number: u32,
    pub subject: &'a str,
    pub category: &'a str,
    pub category_es: &'a str,
    pub category_en: &'a str,
    pub requester_name: &'a str,
    pub requester_email: &'a str,
}

impl TicketInfo<'_> {
    fn category_name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Es => self.category_es,
            Lang::En => self.category_en,
        }
    }
}

/// The stable Message-ID that every mail about a ticket refers to.
pub fn ticket_root_id(number: u32, domain: &str) -> String {
    format!("<ticket-{number}@{domain}>")
}

/// The ticket a `References`/`In-Reply-To` id of ours points at
/// (`ticket-482913@domain` or `ticket-482913-m17@domain`).
pub fn ticket_from_reference(id: &str, domain: &str) -> Option<u32> {
    let id = id.trim().trim_matches(['<', '>']);
    let (local, host) = id.rsplit_once('@')?;
    if !host.eq_ignore_ascii_case(domain) {
        return None;
    }
    let rest = local.strip_prefix("ticket-")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (digits.len() >= 6).then(|| digits.parse().ok()).flatten()
}

fn mailbox(name: &str, email: &str) -> String {
    match email.parse() {
        Ok(addr) => lettre::message::Mailbox::new(Some(name.to_string()), addr).to_string(),
        Err(_) => email.to_string(),
    }
}

fn desk_from(intake: &str) -> String {
    mailbox(DESK_NAME, intake)
}

fn base_headers(from_addr: &str, message_id: String, domain: &str) -> BTreeMap<String, String> {
    let mut h = BTreeMap::new();
    h.insert("From".into(), desk_from(from_addr));
    h.insert("Reply-To".into(), from_addr.to_string());
    h.insert("Message-ID".into(), message_id);
    h.insert("Return-Path".into(), format!("<{from_addr}>"));
    // Outlook/Exchange: no out-of-office answers to the desk.
    h.insert("X-Auto-Response-Suppress".into(), "All".into());
    // Recognises our own mail if a forwarder sends it back to the intake.
    h.insert("X-Loop".into(), domain.to_string());
    h
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// Confirmation to the requester that ticket `t` was opened.
///
/// `reply_to_message_id` is the e-mail that opened it, if any: then the
/// confirmation threads under it and is marked as an auto-reply.
pub fn ticket_opened(
    t: &TicketInfo<'_>,
    reader: Reader,
    intake: &str,
    domain: &str,
    reply_to_message_id: Option<&str>,
) -> Outgoing {
    let tag = subject::tag(t.number);
    let mut headers = base_headers(intake, ticket_root_id(t.number, domain), domain);
    match reply_to_message_id {
        Some(id) => {
            let id = format!("<{}>", id.trim_matches(['<', '>']));
            headers.insert("In-Reply-To".into(), id.clone());
            headers.insert("References".into(), id);
            headers.insert("Auto-Submitted".into(), "auto-replied".into());
        }
        None => {
            headers.insert("Auto-Submitted".into(), "auto-generated".into());
        }
    }
    let name = first_name(t.requester_name);
    let body = reader.block("mail-opened", |lang| {
        vec![
            ("name", name.into()),
            ("number", t.number.to_string().into()),
            ("category", t.category_name(lang).into()),
            ("subject", t.subject.into()),
            ("tag", tag.clone().into()),
        ]
    }) + "\n";
    Outgoing {
        to: mailbox(t.requester_name, t.requester_email),
        subject: format!("{tag} {}", t.subject),
        body,
        headers,
    }
}

/// A staff answer to the requester of `t`, signed by `author` (an agent's
/// name, or "Support"), with a list of its attachments (`files`: name and
/// size) at the end; `message_id` is the stored message's id.
#[allow(clippy::too_many_arguments)]
pub fn staff_answered(
    t: &TicketInfo<'_>,
    reader: Reader,
    message_id: i64,
    author: &str,
    text: &str,
    files: &[(String, u64)],
    intake: &str,
    domain: &str,
) -> Outgoing {
    let tag = subject::tag(t.number);
    let n = t.number;
    let mut headers = base_headers(
        intake,
        format!("<ticket-{n}-m{message_id}@{domain}>"),
        domain,
    );
    let root = ticket_root_id(n, domain);
    headers.insert("In-Reply-To".into(), root.clone());
    headers.insert("References".into(), root);
    let number = || n.to_string();
    let mut body = reader.line("mail-answered", |_| {
        vec![("author", author.into()), ("number", number().into())]
    });
    body.push_str(&format!("\n\n{}\n", text.trim_end()));
    if !files.is_empty() {
        body.push('\n');
        body.push_str(&reader.line("mail-answered-files", |_| vec![("number", number().into())]));
        body.push('\n');
        for (name, size) in files {
            body.push_str(&format!("  - {name} ({size} bytes)\n"));
        }
    }
    body.push_str("\n----\n");
    body.push_str(&reader.lines("mail-answer-footer", |_| vec![("tag", tag.clone().into())]));
    body.push('\n');
    Outgoing {
        to: mailbox(t.requester_name, t.requester_email),
        subject: format!("Re: {tag} {}", t.subject),
        body,
        headers,
    }
}

/// The notice to the requester that ticket `t` was closed (by `by`, an
/// agent's name or "the desk" after `after` without a reply), optionally
/// with the last answer, and how to reopen it.
#[allow(clippy::too_many_arguments)]
pub fn ticket_closed(
    t: &TicketInfo<'_>,
    reader: Reader,
    event_id: i64,
    by: &str,
    auto_after: Option<&str>,
    last_answer: Option<&str>,
    intake: &str,
    domain: &str,
) -> Outgoing {
    let tag = subject::tag(t.number);
    let n = t.number;
    let mut headers = base_headers(intake, format!("<ticket-{n}-e{event_id}@{domain}>"), domain);
    let root = ticket_root_id(n, domain);
    headers.insert("In-Reply-To".into(), root.clone());
    headers.insert("References".into(), root);
    headers.insert("Auto-Submitted".into(), "auto-generated".into());
    // The desk words the span as "7 days", "36 hours", "90 seconds".
    let span = auto_after.map(|after| match after.split_once(' ') {
        Some((n, unit)) => (n.to_string(), unit.to_string()),
        None => (after.to_string(), String::new()),
    });
    let why = |lang: Lang| match &span {
        Some((n, unit)) => tr_in(
            lang,
            "mail-closed-auto",
            &[("n", n.as_str().into()), ("unit", unit.as_str().into())],
        ),
        None => tr_in(lang, "mail-closed-by", &[("name", by.into())]),
    };
    let mut body = String::new();
    if let Some(text) = last_answer {
        body.push_str(&format!("{by}:\n\n{}\n\n----\n\n", text.trim_end()));
    }
    body.push_str(&reader.block("mail-closed", |lang| {
        vec![
            ("number", n.to_string().into()),
            ("subject", t.subject.into()),
            ("why", why(lang).into()),
            ("tag", tag.clone().into()),
        ]
    }));
    body.push('\n');
    Outgoing {
        to: mailbox(t.requester_name, t.requester_email),
        subject: format!("Re: {tag} {}", t.subject),
        body,
        headers,
    }
}

/// Tells agent `agent_email` of a new ticket or a customer reply on `t`,
/// tagged so that answering from a mail client files a staff answer (a
/// first line `#note` makes it an internal note).
#[allow(clippy::too_many_arguments)]
pub fn agent_notice(
    t: &TicketInfo<'_>,
    reader: Reader,
    message_id: i64,
    new_ticket: bool,
    account: &str,
    author: &str,
    text: &str,
    agent_name: &str,
    agent_email: &str,
    intake: &str,
    domain: &str,
) -> Outgoing {
    let tag = subject::tag(t.number);
    let n = t.number;
    let who = hex::encode(&Sha256::digest(agent_email.to_ascii_lowercase().as_bytes())[..6]);
    let mut headers = base_headers(
        intake,
        format!("<ticket-{n}-m{message_id}-a{who}@{domain}>"),
        domain,
    );
    let root = ticket_root_id(n, domain);
    headers.insert("In-Reply-To".into(), root.clone());
    headers.insert("References".into(), root);
    let number = || n.to_string();
    let what = |lang: Lang| {
        let key = if new_ticket {
            "mail-agent-new"
        } else {
            "mail-agent-reply"
        };
        tr_in(
            lang,
            key,
            &[("number", number().into()), ("category", t.category.into())],
        )
    };
    let mut body = reader.block("mail-agent-head", |lang| {
        vec![
            ("what", what(lang).into()),
            ("account", account.into()),
            ("author", author.into()),
            ("subject", t.subject.into()),
        ]
    });
    body.push_str(&format!("\n\n{}\n\n----\n", text.trim_end()));
    body.push_str(&reader.block("mail-agent-footer", |_| {
        vec![("tag", tag.clone().into()), ("number", number().into())]
    }));
    body.push('\n');
    Outgoing {
        to: mailbox(agent_name, agent_email),
        subject: format!(
            "{}{tag} {}",
            if new_ticket { "" } else { "Re: " },
            t.subject
        ),
        body,
        headers,
    }
}

/// Why an incoming mail got no ticket, for the auto-reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No account owner or contact has this address.
    UnknownSender,
    /// The sender is a contact, but not for this category. Holds the
    /// (slug, intake address) pairs they may use.
    CategoryNotAllowed {
        category: String,
        allowed: Vec<(String, String)>,
    },
    /// The sender is a contact of several accounts that allow this
    /// category: filing it in one of them could show it to the wrong
    /// customer. (An account owner's mail goes to their own account.)
    SeveralAccounts { category: String },
    /// The mail was not addressed to any intake address. Holds all
    /// (slug, intake address) pairs.
    NoIntakeAddress { intake: Vec<(String, String)> },
    /// The tagged ticket does not exist or the sender may not use it
    /// (never says which).
    TicketNotFound(u32),
    /// The tagged ticket is closed.
    TicketClosed(u32),
    /// The desk refused the content (size limits, too many files...).
    Rejected { es: String, en: String },
}

impl Refusal {
    /// Why, and what to do, in `lang`.
    fn text(&self, lang: Lang) -> String {
        fn list(pairs: &[(String, String)]) -> String {
            pairs
                .iter()
                .map(|(slug, addr)| format!("\n  - {slug}: {addr}"))
                .collect()
        }
        let tag = |n: u32| subject::tag(n);
        match self {
            // The same words whether the address is unknown or only not
            // allowed here: a refusal never tells who is registered, nor
            // which categories anyone has.
            Refusal::UnknownSender | Refusal::CategoryNotAllowed { .. } => {
                tr_in(lang, "mail-refused-sender", &[])
            }
            Refusal::SeveralAccounts { category } => tr_in(
                lang,
                "mail-refused-several",
                &[("category", category.as_str().into())],
            ),
            Refusal::NoIntakeAddress { intake } => {
                tr_in(lang, "mail-refused-no-intake", &[]) + &list(intake)
            }
            Refusal::TicketNotFound(n) => tr_in(
                lang,
                "mail-refused-not-found",
                &[("number", n.to_string().into()), ("tag", tag(*n).into())],
            ),
            Refusal::TicketClosed(n) => tr_in(
                lang,
                "mail-refused-closed",
                &[("number", n.to_string().into()), ("tag", tag(*n).into())],
            ),
            Refusal::Rejected { es, en } => tr_in(
                lang,
                "mail-refused-rejected",
                &[(
                    "detail",
                    match lang {
                        Lang::Es => es.as_str(),
                        Lang::En => en.as_str(),
                    }
                    .into(),
                )],
            ),
        }
    }

    /// Whether the refusal may be in the sender's language: not for those
    /// a stranger gets too, whose words must not tell a registered sender
    /// apart from anyone else.
    pub fn personal(&self) -> bool {
        !matches!(
            self,
            Refusal::UnknownSender
                | Refusal::CategoryNotAllowed { .. }
                | Refusal::TicketNotFound(_)
        )
    }

    /// One line for the log.
    pub fn summary(&self) -> String {
        self.text(Lang::En)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    }
}

/// The auto-reply to a refused mail.
///
/// `original_message_id` and `original_subject` come from the refused
/// mail; `from_addr` is the intake address it was sent to (or another desk
/// address). Sent with a null envelope sender and `Auto-Submitted:
/// auto-replied`, so whatever answers it automatically is not answered again.
pub fn refusal(
    refusal: &Refusal,
    reader: Reader,
    to: &str,
    original_message_id: &str,
    original_subject: &str,
    from_addr: &str,
    domain: &str,
) -> Outgoing {
    let digest = hex::encode(Sha256::digest(original_message_id.as_bytes()));
    let mut headers = base_headers(
        from_addr,
        format!("<auto-{}@{domain}>", &digest[..24]),
        domain,
    );
    let orig = format!("<{}>", original_message_id.trim_matches(['<', '>']));
    headers.insert("In-Reply-To".into(), orig.clone());
    headers.insert("References".into(), orig);
    headers.insert("Auto-Submitted".into(), "auto-replied".into());
    headers.insert("Return-Path".into(), "<>".into());
    let reader = if refusal.personal() {
        reader
    } else {
        Reader::Stranger
    };
    let body = format!(
        "{}\n\n{}\n",
        reader.line("mail-automatic", none),
        reader.each(|lang| refusal.text(lang))
    );
    let subj = original_subject.trim();
    let subject = if subj.is_empty() {
        reader.line("mail-not-recorded", none)
    } else {
        format!("{}{}", reply_prefix(subj), subject::clean(subj))
    };
    Outgoing {
        to: to.to_string(),
        subject,
        body,
        headers,
    }
}

/// Keeps the ticket tag of a tagged subject in the auto-reply's subject.
fn reply_prefix(subject: &str) -> String {
    match subject::ticket_tag(subject) {
        Some(n) => format!("Re: {} ", subject::tag(n)),
        None => "Re: ".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> TicketInfo<'static> {
        TicketInfo {
            number: 482913,
            subject: "Factura duplicada",
            category: "billing",
            category_es: "Pagos y Cobranza",
            category_en: "Billing Issues",
            requester_name: "Olga Owner",
            requester_email: "owner@example.com",
        }
    }

    #[test]
    fn confirmation_threads_under_the_opening_mail() {
        let m = ticket_opened(
            &info(),
            Reader::Stranger,
            "billing@desk.localhost",
            "desk.localhost",
            Some("abc@example.com"),
        );
        assert_eq!(m.to, "Olga Owner <owner@example.com>");
        assert_eq!(m.subject, "[#482913] Factura duplicada");
        assert_eq!(m.headers["Reply-To"], "billing@desk.localhost");
        assert_eq!(m.headers["Message-ID"], "<ticket-482913@desk.localhost>");
        assert_eq!(m.headers["In-Reply-To"], "<abc@example.com>");
        assert_eq!(m.headers["Auto-Submitted"], "auto-replied");
        assert!(m.body.contains("Pagos y Cobranza") && m.body.contains("Billing Issues"));
        let cli = ticket_opened(
            &info(),
            Reader::Known(Lang::Es),
            "billing@desk.localhost",
            "desk.localhost",
            None,
        );
        assert!(cli
            .body
            .starts_with("Hola Olga:\n\nRecibimos su ticket #482913 en Pagos y Cobranza."));
        assert!(
            !cli.body.contains("Billing") && !cli.body.contains("----"),
            "{}",
            cli.body
        );
        assert_eq!(cli.headers["Auto-Submitted"], "auto-generated");
        assert!(!cli.headers.contains_key("In-Reply-To"));
    }

    #[test]
    fn staff_reply_is_a_human_message_in_the_thread() {
        let m = staff_answered(
            &info(),
            Reader::Known(Lang::En),
            17,
            "Laura",
            "Ya corregimos la factura.",
            &[],
            "billing@desk.localhost",
            "desk.localhost",
        );
        assert!(m
            .body
            .starts_with("Laura (support) answered your ticket #482913:\n\n"));
        assert!(
            !m.body.contains("soporte") && !m.body.contains("Responda"),
            "{}",
            m.body
        );
        assert_eq!(m.subject, "Re: [#482913] Factura duplicada");
        assert_eq!(
            m.headers["Message-ID"],
            "<ticket-482913-m17@desk.localhost>"
        );
        assert_eq!(m.headers["References"], "<ticket-482913@desk.localhost>");
        assert!(!m.headers.contains_key("Auto-Submitted"));
        assert!(m.body.contains("Ya corregimos la factura."));
    }

    #[test]
    fn refusals_are_bilingual_auto_replies_with_null_sender() {
        let m = refusal(
            &Refusal::TicketClosed(482913),
            Reader::Stranger,
            "owner@example.com",
            "abc@example.com",
            "Re: [#482913] Factura duplicada",
            "billing@desk.localhost",
            "desk.localhost",
        );
        assert_eq!(m.subject, "Re: [#482913] Factura duplicada");
        assert_eq!(m.headers["Auto-Submitted"], "auto-replied");
        assert_eq!(m.headers["Return-Path"], "<>");
        assert!(m.body.contains("ecolo ticket reopen 482913"));
        assert!(m.body.contains("está cerrado") && m.body.contains("is closed"));
        let again = refusal(
            &Refusal::TicketClosed(482913),
            Reader::Known(Lang::En),
            "owner@example.com",
            "abc@example.com",
            "x",
            "billing@desk.localhost",
            "desk.localhost",
        );
        assert_eq!(
            again.message_id(),
            m.message_id(),
            "same mail, same auto-reply id"
        );
        assert!(again.body.contains("is closed") && !again.body.contains("cerrado"));
        // What a stranger gets too stays in both languages for everyone.
        let unknown = refusal(
            &Refusal::TicketNotFound(482913),
            Reader::Known(Lang::En),
            "owner@example.com",
            "abc@example.com",
            "x",
            "billing@desk.localhost",
            "desk.localhost",
        );
        assert!(unknown.body.contains("No encontramos") && unknown.body.contains("We found no"));
    }

    #[test]
    fn references_point_back_at_tickets() {
        assert_eq!(
            ticket_from_reference("<ticket-482913@desk.localhost>", "desk.localhost"),
            Some(482913)
        );
        assert_eq!(
            ticket_from_reference("ticket-482913-m17@desk.localhost", "desk.localhost"),
            Some(482913)
        );
        assert_eq!(
            ticket_from_reference("<ticket-1234567-m3@desk.localhost>", "desk.localhost"),
            Some(1234567),
            "numbers grow past 6 digits"
        );
        assert_eq!(
            ticket_from_reference("<ticket-48291@desk.localhost>", "desk.localhost"),
            None
        );
        assert_eq!(
            ticket_from_reference("<ticket-482913@elsewhere>", "desk.localhost"),
            None
        );
        assert_eq!(
            ticket_from_reference("<abc@desk.localhost>", "desk.localhost"),
            None
        );
    }
}
