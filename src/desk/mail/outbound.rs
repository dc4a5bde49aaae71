//! The mail the desk sends: confirmations, staff-reply notifications and
//! the bilingual auto-replies that tell a refused sender why and what to do.
//!
//! Every message carries the ticket tag in its subject and Reply-To the
//! category's intake address, which `notify` replaces on every mail about a
//! ticket with the address signed for its recipient (`reply_address`), so
//! answering it threads back into the ticket;
//! Message-IDs are derived from what they are about, so queuing the same
//! notification twice (a redelivered mail, a retried command) sends it once.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::subject;

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
    let n = t.number;
    let body = format!(
        "Hola {name}:\n\n\
         Recibimos su ticket #{n} en {cat_es}.\n\
         Asunto: {subj}\n\n\
         Para agregar información, responda a este correo conservando {tag} en el asunto,\n\
         o use: ecolo ticket reply {n}\n\n\
         ----\n\n\
         Hello {name},\n\n\
         We received your ticket #{n} in {cat_en}.\n\
         Subject: {subj}\n\n\
         To add information, reply to this e-mail keeping {tag} in the subject,\n\
         or run: ecolo ticket reply {n}\n",
        cat_es = t.category_es,
        cat_en = t.category_en,
        subj = t.subject,
    );
    Outgoing {
        to: mailbox(t.requester_name, t.requester_email),
        subject: format!("{tag} {}", t.subject),
        body,
        headers,
    }
}

/// Notification to the requester that staff answered ticket `t`;
/// `message_id` is the stored message's id, `text` what staff wrote.
pub fn staff_replied(
    t: &TicketInfo<'_>,
    message_id: i64,
    text: &str,
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
    let body = format!(
        "Soporte respondió a su ticket #{n} / Support answered your ticket #{n}:\n\n\
         {text}\n\n\
         ----\n\
         Responda a este correo para contestar (conserve {tag} en el asunto).\n\
         Reply to this e-mail to answer (keep {tag} in the subject).\n",
        text = text.trim_end(),
    );
    Outgoing {
        to: mailbox(t.requester_name, t.requester_email),
        subject: format!("Re: {tag} {}", t.subject),
        body,
        headers,
    }
}

/// A staff answer signed by `author` (an agent's name, or "Support"),
/// with a list of its attachments (`files`: name and size) at the end.
pub fn staff_answered(
    t: &TicketInfo<'_>,
    message_id: i64,
    author: &str,
    text: &str,
    files: &[(String, u64)],
    intake: &str,
    domain: &str,
) -> Outgoing {
    let mut m = staff_replied(t, message_id, text, intake, domain);
    let n = t.number;
    let mut body = format!(
        "{author} (soporte) respondió a su ticket #{n} / {author} (support) answered your ticket #{n}:\n\n{}\n",
        text.trim_end()
    );
    if !files.is_empty() {
        body.push_str("\nArchivos adjuntos / Attached files");
        body.push_str(&format!(" (ecolo ticket download {n}):\n"));
        for (name, size) in files {
            body.push_str(&format!("  - {name} ({size} bytes)\n"));
        }
    }
    body.push_str(&format!(
        "\n----\n\
         Responda a este correo para contestar (conserve {tag} en el asunto).\n\
         Reply to this e-mail to answer (keep {tag} in the subject).\n",
        tag = subject::tag(n)
    ));
    m.body = body;
    m
}

/// The notice to the requester that ticket `t` was closed (by `by`, an
/// agent's name or "the desk" after `after` without a reply), optionally
/// with the last answer, and how to reopen it.
pub fn ticket_closed(
    t: &TicketInfo<'_>,
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
    let (why_es, why_en) = match auto_after {
        Some(after) => (
            format!("se cerró automáticamente tras {after} sin respuesta"),
            format!("was closed by the desk after {after} without a reply"),
        ),
        None => (
            format!("fue cerrado por {by}"),
            format!("was closed by {by}"),
        ),
    };
    let mut body = String::new();
    if let Some(text) = last_answer {
        body.push_str(&format!("{by}:\n\n{}\n\n----\n\n", text.trim_end()));
    }
    body.push_str(&format!(
        "Su ticket #{n} ({subj}) {why_es}.\n\
         Si el asunto no quedó resuelto, reábralo con: ecolo ticket reopen {n}\n\
         o responda a este correo conservando {tag} en el asunto.\n\n\
         ----\n\n\
         Your ticket #{n} ({subj}) {why_en}.\n\
         If the matter is not solved, reopen it with: ecolo ticket reopen {n}\n\
         or reply to this e-mail keeping {tag} in the subject.\n",
        subj = t.subject
    ));
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
    let what = if new_ticket {
        format!("New ticket #{n} in {}", t.category)
    } else {
        format!("Customer reply on ticket #{n} ({})", t.category)
    };
    let body = format!(
        "{what}\n\
         Account: {account}\n\
         From: {author}\n\
         Subject: {subj}\n\n\
         {text}\n\n\
         ----\n\
         Reply to this e-mail to answer the customer (keep {tag} in the subject).\n\
         Start your reply with a line `#note` to write an internal note instead.\n\
         Or: ecolo ticket view {n}\n",
        subj = t.subject,
        text = text.trim_end(),
    );
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
    fn texts(&self) -> (String, String) {
        fn list(pairs: &[(String, String)]) -> String {
            pairs
                .iter()
                .map(|(slug, addr)| format!("  - {slug}: {addr}\n"))
                .collect()
        }
        match self {
            // The same words whether the address is unknown or only not
            // allowed here: a refusal never tells who is registered, nor
            // which categories anyone has.
            Refusal::UnknownSender | Refusal::CategoryNotAllowed { .. } => (
                "Su dirección no corresponde al titular de una cuenta ni a un contacto \
                 autorizado para esta categoría, así que no abrimos un ticket.\n\
                 Escriba desde la dirección registrada a la dirección de una categoría que pueda \
                 usar (ecolo category list), o pida acceso al titular de la cuenta."
                    .into(),
                "Your address does not belong to an account owner or to an authorized contact \
                 of this category, so no ticket was opened.\n\
                 Write from the registered address to the address of a category you may use \
                 (ecolo category list), or ask the account owner for access."
                    .into(),
            ),
            Refusal::SeveralAccounts { category } => (
                format!(
                    "Su dirección es contacto autorizado de varias cuentas en la categoría \
                     {category}, así que no sabemos a cuál corresponde y no abrimos un ticket.\n\
                     Ábralo con `ecolo ticket open` usando un token de la cuenta que \
                     corresponda (pídalo a su titular)."
                ),
                format!(
                    "Your address is an authorized contact of several accounts in the category \
                     {category}, so we cannot tell which one this is for and no ticket was \
                     opened.\nOpen it with `ecolo ticket open` using a token of the right \
                     account (ask its owner for one)."
                ),
            ),
            Refusal::NoIntakeAddress { intake } => (
                format!(
                    "Este correo no llegó a ninguna dirección de categoría, así que no abrimos \
                     un ticket.\nEscriba a la dirección de la categoría que corresponda:\n{}",
                    list(intake)
                ),
                format!(
                    "This e-mail was not sent to a category's address, so no ticket was \
                     opened.\nWrite to the address of the right category:\n{}",
                    list(intake)
                ),
            ),
            Refusal::TicketNotFound(n) => (
                format!(
                    "No encontramos el ticket #{n} para su dirección, así que su mensaje no se \
                     agregó.\nPara abrir un ticket nuevo, escriba sin [#{n}] en el asunto."
                ),
                format!(
                    "We found no ticket #{n} for your address, so your message was not \
                     added.\nTo open a new ticket, write without [#{n}] in the subject."
                ),
            ),
            Refusal::TicketClosed(n) => (
                format!(
                    "El ticket #{n} está cerrado, así que su mensaje no se agregó.\n\
                     Reábralo con `ecolo ticket reopen {n}` y responda de nuevo, o abra un \
                     ticket nuevo escribiendo sin [#{n}] en el asunto."
                ),
                format!(
                    "Ticket #{n} is closed, so your message was not added.\n\
                     Reopen it with `ecolo ticket reopen {n}` and reply again, or open a new \
                     ticket by writing without [#{n}] in the subject."
                ),
            ),
            Refusal::Rejected { es, en } => (
                format!("No pudimos registrar su mensaje: {es}"),
                format!("We could not record your message: {en}"),
            ),
        }
    }

    /// One line for the log.
    pub fn summary(&self) -> String {
        self.texts()
            .1
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
    let (es, en) = refusal.texts();
    let body = format!(
        "Este es un mensaje automático / This is an automatic message.\n\n\
         {es}\n\n----\n\n{en}\n"
    );
    let subj = original_subject.trim();
    let subject = if subj.is_empty() {
        "Mensaje no registrado / Message not recorded".to_string()
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
        let cli = ticket_opened(&info(), "billing@desk.localhost", "desk.localhost", None);
        assert_eq!(cli.headers["Auto-Submitted"], "auto-generated");
        assert!(!cli.headers.contains_key("In-Reply-To"));
    }

    #[test]
    fn staff_reply_is_a_human_message_in_the_thread() {
        let m = staff_replied(
            &info(),
            17,
            "Ya corregimos la factura.",
            "billing@desk.localhost",
            "desk.localhost",
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
