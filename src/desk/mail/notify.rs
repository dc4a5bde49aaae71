//! Renders the desk's event log into mail. The store writes one `events`
//! row in the transaction of each change and knows nothing of mail; right
//! after the commit the caller runs [`render_pending`], and `serve`'s outbox
//! worker runs it again as a catch-up for events a crash left unrendered.
//! Each event's mail goes to the outbox in one transaction with marking the
//! event rendered, and Message-IDs are derived from the ticket, message and
//! recipient (the outbox keeps one message per Message-ID), so a change's
//! mail is never lost nor sent twice.
//!
//! Everyone here is known to the desk, so each mail is in its reader's
//! language only (issue 12).
//!
//! Who gets what: the requester gets the confirmation, staff answers,
//! closing and auto-close notices; the agents of the ticket's category
//! (only its assignee once assigned) get new tickets and customer replies.
//! Notes, assignments and moves mail nobody.

use rusqlite::Connection;

use crate::api::{AuthorRole, MessageKind};
use crate::desk::error::Result;
use crate::desk::store::{self, category_names, DomainEvent, Store};

use super::outbound::{self, Outgoing, Reader, TicketInfo};
use super::outbox;
use super::reply_address::{self, Target};

/// Events rendered per transaction.
const BATCH: usize = 50;

/// A staff answer's files travel with its mail up to this many bytes in
/// all; past it the mail lists them and how to download them instead
/// (`ecolo ticket download N`), so it passes common mailbox limits.
pub const MAX_MAIL_ATTACHMENT_BYTES: u64 = 10 * 1024 * 1024;

/// Writes `mail` to the outbox (once per Message-ID) in a transaction of
/// its own: for mail that follows no stored change (auto-replies).
pub fn enqueue(store: &Store, mail: &Outgoing) -> Result<bool> {
    store.write(|tx| Ok(outbox::enqueue(tx, mail)?))
}

/// Renders every pending event to the outbox; answers how many events.
pub fn render_pending(store: &Store) -> Result<usize> {
    let config = store.config().clone();
    let mut total = 0;
    loop {
        let n = store.render_events(BATCH, |conn, event| render(conn, &config, event))?;
        total += n;
        if n < BATCH {
            return Ok(total);
        }
    }
}

fn render(
    conn: &Connection,
    config: &crate::desk::config::StoreConfig,
    event: &DomainEvent,
) -> Result<()> {
    let t = &event.ticket;
    let (es, en) = category_names(conn, &t.category)?;
    let info = TicketInfo {
        number: t.number,
        subject: &t.subject,
        category: &t.category,
        category_es: &es,
        category_en: &en,
        requester_name: &t.requester.name,
        requester_email: &t.requester.email,
    };
    let intake = config.intake_address(&t.category);
    let domain = &config.mail_domain;
    // The requester is always someone the desk knows: their language only.
    let requester = Reader::of(store::requester_language(conn, t)?);
    let mut mails = Vec::new();
    let message = event.message.as_ref();
    match event.kind.as_str() {
        "opened" => {
            if event.data["confirm"].as_bool().unwrap_or(true) {
                mails.push(outbound::ticket_opened(
                    &info,
                    requester,
                    &intake,
                    domain,
                    event.data["email_message_id"].as_str(),
                ));
            }
            mails.extend(agent_notices(conn, &info, event, true, &intake, domain)?);
        }
        "replied" => mails.extend(agent_notices(conn, &info, event, false, &intake, domain)?),
        "answered" => {
            // Never a note: only a public message reaches the requester.
            if let Some(m) = message.filter(|m| m.kind == MessageKind::Message) {
                let total: u64 = m.attachments.iter().map(|a| a.size).sum();
                let attach = total <= MAX_MAIL_ATTACHMENT_BYTES;
                let files: Vec<(String, u64)> = if attach {
                    Vec::new()
                } else {
                    m.attachments
                        .iter()
                        .map(|a| (a.filename.clone(), a.size))
                        .collect()
                };
                let mut mail = outbound::staff_answered(
                    &info,
                    requester,
                    m.id,
                    &m.author.name,
                    &m.body,
                    &files,
                    &intake,
                    domain,
                );
                if attach && !m.attachments.is_empty() {
                    let refs: Vec<outbox::AttachRef> = m
                        .attachments
                        .iter()
                        .map(|a| outbox::AttachRef {
                            path: config.attachments_dir.join(&a.id),
                            filename: a.filename.clone(),
                            content_type: a.content_type.clone(),
                        })
                        .collect();
                    mail.headers.insert(
                        outbox::ATTACH_HEADER.to_string(),
                        serde_json::to_string(&refs).unwrap_or_default(),
                    );
                }
                mails.push(mail);
            }
        }
        "closed" | "auto-closed" => {
            let auto = event.kind == "auto-closed";
            // A requester who closed it needs no notice of it.
            let by_requester = !auto
                && event.actor.role != AuthorRole::Staff
                && event.actor.email.eq_ignore_ascii_case(&t.requester.email);
            if !by_requester {
                let last = message
                    .filter(|m| m.kind == MessageKind::Message)
                    .map(|m| m.body.as_str());
                mails.push(outbound::ticket_closed(
                    &info,
                    requester,
                    event.id,
                    &event.actor.name,
                    if auto {
                        event.data["after"].as_str()
                    } else {
                        None
                    },
                    last,
                    &intake,
                    domain,
                ));
            }
        }
        // noted, assigned, moved, reopened: nothing to mail.
        _ => {}
    }
    // Every mail about a ticket carries the address signed for its one
    // recipient: an answer to it continues the ticket even when the
    // recipient's domain does not sign its mail, and nobody else can know
    // it (issue 9). For agents too: their answers by mail are verified
    // like anyone's.
    let secret = store::reply_address_secret(conn)?;
    for mail in &mut mails {
        let recipient = recipient_address(&mail.to);
        let reply_to = reply_address::sign(
            &secret,
            &t.category,
            domain,
            Target::Ticket(t.number),
            &recipient,
        );
        mail.headers.insert("Reply-To".into(), reply_to);
        outbox::enqueue(conn, mail)?;
    }
    Ok(())
}

/// The bare address of a `To` mailbox (`Name <addr>` or `addr`).
fn recipient_address(to: &str) -> String {
    match to.parse::<lettre::message::Mailbox>() {
        Ok(mailbox) => mailbox.email.to_string(),
        Err(_) => to.trim().to_string(),
    }
}

/// The notices to the agents of a ticket (its assignee, or every agent of
/// its category) about the customer's message of `event`.
fn agent_notices(
    conn: &Connection,
    info: &TicketInfo<'_>,
    event: &DomainEvent,
    new_ticket: bool,
    intake: &str,
    domain: &str,
) -> Result<Vec<Outgoing>> {
    let Some(m) = event.message.as_ref() else {
        return Ok(Vec::new());
    };
    let account = format!(
        "{} <{}>",
        event.ticket.account.name, event.ticket.account.email
    );
    let author = format!("{} <{}>", m.author.name, m.author.email);
    event
        .agents
        .iter()
        .map(|a| {
            // Each agent in their own language (an agent removed meanwhile:
            // in both).
            let reader =
                store::agent_language(conn, &a.email)?.map_or(Reader::Stranger, Reader::of);
            Ok(outbound::agent_notice(
                info, reader, m.id, new_ticket, &account, &author, &m.body, &a.name, &a.email,
                intake, domain,
            ))
        })
        .collect()
}
