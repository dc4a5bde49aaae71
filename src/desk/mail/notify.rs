//! Queues the mail that follows a ticket event, whichever channel caused it
//! (HTTP, `staff reply`, `pipe`): the confirmation when a ticket is opened
//! and the notification when staff answer. Queuing is idempotent (the
//! Message-ID is derived from the ticket and message), so callers may retry.

use crate::api::{Message, TicketDetail};
use crate::desk::error::Result;
use crate::desk::store::Store;

use super::outbound::{self, Outgoing, TicketInfo};
use super::outbox;

/// Writes `mail` to the outbox (once per Message-ID).
pub fn enqueue(store: &Store, mail: &Outgoing) -> Result<bool> {
    store.write(|tx| Ok(outbox::enqueue(tx, mail)?))
}

fn with_info<T>(
    store: &Store,
    detail: &TicketDetail,
    f: impl FnOnce(&TicketInfo<'_>) -> T,
) -> Result<T> {
    let t = &detail.ticket;
    let categories = store.categories()?;
    let cat = categories.iter().find(|c| c.slug == t.category);
    let info = TicketInfo {
        number: t.number,
        subject: &t.subject,
        category: &t.category,
        category_es: cat.map_or(t.category.as_str(), |c| c.name_es.as_str()),
        category_en: cat.map_or(t.category.as_str(), |c| c.name_en.as_str()),
        requester_name: &t.requester.name,
        requester_email: &t.requester.email,
    };
    Ok(f(&info))
}

/// Queues the confirmation of a newly opened ticket to its requester.
/// `opening_message_id` is the e-mail that opened it, if any.
pub fn ticket_opened(
    store: &Store,
    detail: &TicketDetail,
    opening_message_id: Option<&str>,
) -> Result<()> {
    let domain = &store.config().mail_domain;
    let intake = store.intake_address(&detail.ticket.category);
    let mail = with_info(store, detail, |info| {
        outbound::ticket_opened(info, &intake, domain, opening_message_id)
    })?;
    enqueue(store, &mail)?;
    Ok(())
}

/// Queues the notification of staff's answer `message` on ticket `number`.
pub fn staff_replied(store: &Store, number: u32, message: &Message) -> Result<()> {
    let (_, detail) = store.staff_ticket_detail(number)?;
    let domain = &store.config().mail_domain;
    let intake = store.intake_address(&detail.ticket.category);
    let mail = with_info(store, &detail, |info| {
        outbound::staff_replied(info, message.id, &message.body, &intake, domain)
    })?;
    enqueue(store, &mail)?;
    Ok(())
}
