//! Queues the mail that follows a ticket event: the confirmation when a
//! ticket is opened and the notification when staff answer. The store calls
//! these inside the transaction that records the event, so a ticket or
//! reply and its mail are committed together or not at all. The Message-ID
//! is derived from the ticket and message, and the outbox keeps one message
//! per Message-ID.

use rusqlite::{Connection, OptionalExtension};

use crate::api::{Message, Ticket, TicketDetail};
use crate::desk::config::StoreConfig;
use crate::desk::error::Result;
use crate::desk::store::Store;

use super::outbound::{self, Outgoing, TicketInfo};
use super::outbox;

/// Writes `mail` to the outbox (once per Message-ID) in a transaction of
/// its own: for mail that follows no stored change (auto-replies).
pub fn enqueue(store: &Store, mail: &Outgoing) -> Result<bool> {
    store.write(|tx| Ok(outbox::enqueue(tx, mail)?))
}

/// Builds the mail about ticket `t` and queues it on `conn`.
fn queue(
    conn: &Connection,
    config: &StoreConfig,
    t: &Ticket,
    build: impl FnOnce(&TicketInfo<'_>, &str, &str) -> Outgoing,
) -> Result<()> {
    let names: Option<(String, String)> = conn
        .query_row(
            "SELECT name_es, name_en FROM categories WHERE slug = ?1",
            [&t.category],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (es, en) = names.unwrap_or_else(|| (t.category.clone(), t.category.clone()));
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
    let mut mail = build(&info, &intake, &config.mail_domain);
    // Answers to it continue the ticket even when the requester's domain
    // does not sign its mail (issue 9).
    let reply_to = super::reply_address::reply_to(
        conn,
        &t.category,
        &config.mail_domain,
        t.number,
        &t.requester.email,
    )?;
    mail.headers.insert("Reply-To".into(), reply_to);
    outbox::enqueue(conn, &mail)?;
    Ok(())
}

/// Queues the confirmation of the newly opened ticket `detail` to its
/// requester. `opening_message_id` is the e-mail that opened it, if any.
pub(crate) fn ticket_opened(
    conn: &Connection,
    config: &StoreConfig,
    detail: &TicketDetail,
    opening_message_id: Option<&str>,
) -> Result<()> {
    queue(conn, config, &detail.ticket, |info, intake, domain| {
        outbound::ticket_opened(info, intake, domain, opening_message_id)
    })
}

/// Queues the notification of staff's answer `message` on ticket `t`.
pub(crate) fn staff_replied(
    conn: &Connection,
    config: &StoreConfig,
    t: &Ticket,
    message: &Message,
) -> Result<()> {
    queue(conn, config, t, |info, intake, domain| {
        outbound::staff_replied(info, message.id, &message.body, intake, domain)
    })
}
