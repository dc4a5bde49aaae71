//! Tickets and their conversations. A ticket, its first message, its
//! attachment links and its confirmation e-mail are written in one
//! transaction; so are a reply, its links and the status change, and a staff
//! answer with its notification: no ticket or answer is stored whose mail
//! was lost, and no mail is queued for one that was not stored.

use rand::Rng;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, Transaction};
use sha2::{Digest, Sha256};

use crate::api::{
    AuthorRole, Channel, Message, NewMessage, NewTicket, Page, Person, StatusFilter, Ticket,
    TicketDetail, TicketStatus, IDEMPOTENCY_KEY_HEADER,
};

use super::super::auth::Principal;
use super::super::mail::notify;
use super::attachments::{attachment_from_row, load_attachment, ATTACHMENT_COLUMNS};
use super::validate::{self, Check};
use super::{now, parse_time, Error, Result, Store};

pub const DEFAULT_PAGE_SIZE: u32 = 30;
pub const MAX_PAGE_SIZE: u32 = 100;

/// Whether opening a ticket queues the confirmation e-mail to its requester.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    Send,
    /// The mail that opened it asked for no automatic answer.
    Skip,
}

/// The change is rolled back with its mail, and the error says so.
fn mail_not_queued(what: &str, mail: &str, e: Error) -> Error {
    Error::Internal(format!(
        "{what} was not saved: {mail} could not be queued ({e}); try again"
    ))
}

/// A ticket from [`Store::open_ticket`]: `created` is false when an earlier
/// request (same idempotency key, same e-mail Message-ID) already made it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub ticket: TicketDetail,
    pub created: bool,
}

const TICKET_COLUMNS: &str = "id, number, category, subject, status, priority, requester_name, \
                              requester_email, requester_role, created_at, updated_at";

fn ticket_from_row(r: &Row<'_>) -> rusqlite::Result<(i64, Ticket)> {
    let text = |i: usize| r.get::<_, String>(i);
    Ok((
        r.get(0)?,
        Ticket {
            number: r.get(1)?,
            category: text(2)?,
            subject: text(3)?,
            status: parse_enum(&text(4)?)?,
            priority: parse_enum(&text(5)?)?,
            requester: Person {
                name: text(6)?,
                email: text(7)?,
                role: parse_enum(&text(8)?)?,
            },
            created_at: parse_time(&text(9)?)?,
            updated_at: parse_time(&text(10)?)?,
        },
    ))
}

/// Our enums are stored as their serde names.
fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

fn ticket_not_found(number: u32) -> Error {
    Error::NotFound(format!(
        "no ticket {number} in this account: `ecolo ticket list --status all` shows them"
    ))
}

fn closed_conflict(number: u32) -> Error {
    Error::Conflict(format!(
        "ticket {number} is closed: reopen it with `ecolo ticket reopen {number}` or open a new ticket"
    ))
}

/// The actor's ticket `number`: 404 when it is another account's (never
/// revealing it exists), 403 outside the actor's categories.
fn access(conn: &Connection, actor: &Principal, number: u32) -> Result<(i64, Ticket)> {
    let found = conn
        .query_row(
            &format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE number = ?1 AND account_id = ?2"),
            params![number, actor.account_id],
            ticket_from_row,
        )
        .optional()?;
    let (id, ticket) = found.ok_or_else(|| ticket_not_found(number))?;
    actor.check_category(&ticket.category)?;
    Ok((id, ticket))
}

/// Ticket `number` whoever it belongs to (staff tools, the e-mail
/// channel): its id, its account's id and the ticket; 404 when none.
fn any_ticket(conn: &Connection, number: u32) -> Result<(i64, i64, Ticket)> {
    let (id, account_id) = conn
        .query_row(
            "SELECT id, account_id FROM tickets WHERE number = ?1",
            [number],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no ticket {number}")))?;
    Ok((id, account_id, ticket_by_id(conn, id)?))
}

fn ticket_by_id(conn: &Connection, id: i64) -> Result<Ticket> {
    Ok(conn
        .query_row(
            &format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE id = ?1"),
            [id],
            ticket_from_row,
        )?
        .1)
}

fn message_from_row(r: &Row<'_>) -> rusqlite::Result<Message> {
    Ok(Message {
        id: r.get(0)?,
        author: Person {
            name: r.get(1)?,
            email: r.get(2)?,
            role: parse_enum(&r.get::<_, String>(3)?)?,
        },
        channel: parse_enum(&r.get::<_, String>(4)?)?,
        body: r.get(5)?,
        attachments: Vec::new(),
        created_at: parse_time(&r.get::<_, String>(6)?)?,
        verified: r.get(7)?,
    })
}

const MESSAGE_COLUMNS: &str =
    "id, author_name, author_email, author_role, channel, body, created_at, verified";

fn message_attachments(conn: &Connection, message: &mut Message) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE message_id = ?1 ORDER BY rowid"
    ))?;
    message.attachments = stmt
        .query_map([message.id], attachment_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

fn message_by_id(conn: &Connection, id: i64) -> Result<Message> {
    let mut message = conn.query_row(
        &format!("SELECT {MESSAGE_COLUMNS} FROM messages WHERE id = ?1"),
        [id],
        message_from_row,
    )?;
    message_attachments(conn, &mut message)?;
    Ok(message)
}

fn detail(conn: &Connection, ticket_id: i64, ticket: Ticket) -> Result<TicketDetail> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MESSAGE_COLUMNS} FROM messages WHERE ticket_id = ?1 ORDER BY id"
    ))?;
    let mut messages = stmt
        .query_map([ticket_id], message_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for m in &mut messages {
        message_attachments(conn, m)?;
    }
    Ok(TicketDetail { ticket, messages })
}

/// Count and duplicate checks that need no database.
fn check_attachment_list(check: &mut Check, ids: &[String], max: u32) {
    if ids.len() > max as usize {
        check.add(
            "attachments",
            format!("{} files given; at most {max} per message", ids.len()),
        );
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = ids.iter().find(|id| !seen.insert(id.as_str())) {
        check.add("attachments", format!("attachment {dup} is listed twice"));
    }
}

/// Attaches uploaded files to `message_id`: each must be the account's and
/// not yet attached elsewhere.
fn link_attachments(
    tx: &Transaction<'_>,
    actor: &Principal,
    message_id: i64,
    ids: &[String],
) -> Result<()> {
    let mut check = Check::new();
    for id in ids {
        match load_attachment(tx, id)? {
            Some((account, None, _)) if account == actor.account_id => {
                tx.execute(
                    "UPDATE attachments SET message_id = ?1 WHERE id = ?2",
                    params![message_id, id],
                )?;
            }
            Some((account, Some(_), _)) if account == actor.account_id => check.add(
                "attachments",
                format!(
                    "attachment {id} is already attached to another message: upload the file again"
                ),
            ),
            _ => check.add(
                "attachments",
                format!(
                    "no uploaded attachment {id}: upload files with POST /v1/attachments first"
                ),
            ),
        }
    }
    check.finish()
}

fn insert_message(
    tx: &Transaction<'_>,
    ticket_id: i64,
    author: &Person,
    channel: Channel,
    body: &str,
    email_message_id: Option<&str>,
    at: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO messages
            (ticket_id, author_name, author_email, author_role, channel, body, email_message_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            ticket_id,
            author.name,
            author.email,
            author.role.as_str(),
            channel.as_str(),
            body,
            email_message_id,
            at
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The ticket and message a stored e-mail Message-ID belongs to.
fn by_email_message_id(conn: &Connection, mid: Option<&str>) -> Result<Option<(i64, i64)>> {
    let Some(mid) = mid else { return Ok(None) };
    Ok(conn
        .query_row(
            "SELECT ticket_id, id FROM messages WHERE email_message_id = ?1",
            [mid],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

fn encode_cursor(t: &Ticket) -> String {
    hex::encode(format!("{}|{}", super::fmt_time(t.created_at), t.number))
}

fn decode_cursor(cursor: &str) -> Result<(String, u32)> {
    let bad = || {
        Error::BadRequest(
            "the `cursor` is not one this desk gave out: start again without it".into(),
        )
    };
    let bytes = hex::decode(cursor).map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let (at, number) = text.split_once('|').ok_or_else(bad)?;
    parse_time(at).map_err(|_| bad())?;
    Ok((at.to_string(), number.parse().map_err(|_| bad())?))
}

/// Who staff replies are shown as.
fn staff_person(store: &Store) -> Person {
    Person {
        name: "Support".to_string(),
        email: format!("support@{}", store.config.mail_domain),
        role: AuthorRole::Staff,
    }
}

impl Store {
    /// Opens a ticket as `actor`, with its confirmation e-mail unless
    /// `confirmation` is `Skip`. With `email_message_id` (the e-mail
    /// channel), a Message-ID seen before returns the ticket it opened with
    /// `created: false` instead of a second ticket (and queues nothing), and
    /// the confirmation threads under that mail.
    pub fn open_ticket(
        &self,
        actor: &Principal,
        new: &NewTicket,
        channel: Channel,
        email_message_id: Option<&str>,
        confirmation: Confirmation,
    ) -> Result<Opened> {
        self.create_ticket(actor, new, channel, email_message_id, None, confirmation)
    }

    /// Opens a ticket through the API under an idempotency key: the first
    /// request with `key` creates it; later ones (even racing) get the same
    /// ticket with `created: false`; a different body is refused (422).
    pub fn open_ticket_with_key(
        &self,
        actor: &Principal,
        new: &NewTicket,
        key: &str,
    ) -> Result<Opened> {
        if key.is_empty() || key.len() > 255 || !key.chars().all(|c| c.is_ascii_graphic()) {
            return Err(Error::invalid(
                IDEMPOTENCY_KEY_HEADER,
                "must be 1 to 255 visible ASCII characters, such as a UUID",
            ));
        }
        self.create_ticket(
            actor,
            new,
            Channel::Cli,
            None,
            Some(key),
            Confirmation::Send,
        )
    }

    fn create_ticket(
        &self,
        actor: &Principal,
        new: &NewTicket,
        channel: Channel,
        email_message_id: Option<&str>,
        key: Option<&str>,
        confirmation: Confirmation,
    ) -> Result<Opened> {
        let limits = &self.config.limits;
        let mut check = Check::new();
        let category = check.take("category", validate::category(&new.category));
        let subject = check.take("subject", validate::subject(&new.subject, limits));
        let body = check.take("message", validate::message(&new.message, limits));
        check_attachment_list(
            &mut check,
            &new.attachments,
            limits.max_attachments_per_message,
        );
        check.finish()?;
        let (category, subject, body) = (
            category.unwrap_or_default(),
            subject.unwrap_or_default(),
            body.unwrap_or_default(),
        );
        actor.check_category(&category)?;
        let request_hash = hex::encode(Sha256::digest(
            serde_json::to_vec(new).map_err(|e| Error::Internal(e.to_string()))?,
        ));

        self.write(|tx| {
            if let Some(key) = key {
                let earlier: Option<(String, i64)> = tx
                    .query_row(
                        "SELECT request_hash, ticket_id FROM idempotency_keys
                         WHERE account_id = ?1 AND key = ?2",
                        params![actor.account_id, key],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                if let Some((hash, ticket_id)) = earlier {
                    if hash != request_hash {
                        return Err(Error::invalid(
                            IDEMPOTENCY_KEY_HEADER,
                            "this key was used for a different request: use a new key for a new ticket",
                        ));
                    }
                    let ticket = ticket_by_id(tx, ticket_id)?;
                    return Ok(Opened {
                        ticket: detail(tx, ticket_id, ticket)?,
                        created: false,
                    });
                }
            }
            if let Some((ticket_id, _)) = by_email_message_id(tx, email_message_id)? {
                let ticket = ticket_by_id(tx, ticket_id)?;
                return Ok(Opened {
                    ticket: detail(tx, ticket_id, ticket)?,
                    created: false,
                });
            }
            // The write lock is held, so a number seen free stays free.
            let number = loop {
                let candidate: u32 = rand::thread_rng().gen_range(100_000..=999_999);
                let taken = tx
                    .query_row("SELECT 1 FROM tickets WHERE number = ?1", [candidate], |_| Ok(()))
                    .optional()?
                    .is_some();
                if !taken {
                    break candidate;
                }
            };
            let at = now();
            let requester = actor.person();
            tx.execute(
                "INSERT INTO tickets
                    (number, account_id, category, subject, status, priority, requester_name,
                     requester_email, requester_role, contact_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                params![
                    number,
                    actor.account_id,
                    category,
                    subject,
                    new.priority.as_str(),
                    requester.name,
                    requester.email,
                    requester.role.as_str(),
                    actor.contact.as_ref().map(|c| c.id),
                    at
                ],
            )?;
            let ticket_id = tx.last_insert_rowid();
            let message_id =
                insert_message(tx, ticket_id, &requester, channel, &body, email_message_id, &at)?;
            link_attachments(tx, actor, message_id, &new.attachments)?;
            if let Some(key) = key {
                tx.execute(
                    "INSERT INTO idempotency_keys (account_id, key, request_hash, ticket_id, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![actor.account_id, key, request_hash, ticket_id, at],
                )?;
            }
            let ticket = ticket_by_id(tx, ticket_id)?;
            let ticket = detail(tx, ticket_id, ticket)?;
            if confirmation == Confirmation::Send {
                notify::ticket_opened(tx, &self.config, &ticket, email_message_id).map_err(
                    |e| mail_not_queued("the ticket", "its confirmation e-mail", e),
                )?;
            }
            Ok(Opened {
                ticket,
                created: true,
            })
        })
    }

    /// Adds the actor's reply to ticket `number`; the status becomes
    /// `customer-reply`. 409 when the ticket is closed. With
    /// `email_message_id`, a Message-ID seen before returns the message it
    /// stored instead of a second one.
    pub fn add_message(
        &self,
        actor: &Principal,
        number: u32,
        new: &NewMessage,
        channel: Channel,
        email_message_id: Option<&str>,
    ) -> Result<Message> {
        let limits = &self.config.limits;
        let mut check = Check::new();
        let body = check.take("message", validate::message(&new.message, limits));
        check_attachment_list(
            &mut check,
            &new.attachments,
            limits.max_attachments_per_message,
        );
        check.finish()?;
        let body = body.unwrap_or_default();
        self.write(|tx| {
            if let Some((_, message_id)) = by_email_message_id(tx, email_message_id)? {
                return message_by_id(tx, message_id);
            }
            let (ticket_id, ticket) = access(tx, actor, number)?;
            if ticket.status == TicketStatus::Closed {
                return Err(closed_conflict(number));
            }
            let at = now();
            let message_id = insert_message(
                tx,
                ticket_id,
                &actor.person(),
                channel,
                &body,
                email_message_id,
                &at,
            )?;
            link_attachments(tx, actor, message_id, &new.attachments)?;
            tx.execute(
                "UPDATE tickets SET status = ?1, updated_at = ?2 WHERE id = ?3",
                params![TicketStatus::CustomerReply.as_str(), at, ticket_id],
            )?;
            message_by_id(tx, message_id)
        })
    }

    /// The support team answers ticket `number` (any account); the status
    /// becomes `answered` and the requester's notification is queued. 409
    /// when the ticket is closed.
    pub fn staff_reply(&self, number: u32, body: &str) -> Result<Message> {
        let mut check = Check::new();
        let body = check.take("message", validate::message(body, &self.config.limits));
        check.finish()?;
        let body = body.unwrap_or_default();
        let staff = staff_person(self);
        self.write(|tx| {
            let (ticket_id, _, ticket) = any_ticket(tx, number)?;
            if ticket.status == TicketStatus::Closed {
                return Err(Error::Conflict(format!(
                    "ticket {number} is closed: the customer has to reopen it first"
                )));
            }
            let at = now();
            let message_id =
                insert_message(tx, ticket_id, &staff, Channel::Staff, &body, None, &at)?;
            tx.execute(
                "UPDATE tickets SET status = ?1, updated_at = ?2 WHERE id = ?3",
                params![TicketStatus::Answered.as_str(), at, ticket_id],
            )?;
            let message = message_by_id(tx, message_id)?;
            notify::staff_replied(tx, &self.config, &ticket_by_id(tx, ticket_id)?, &message)
                .map_err(|e| {
                    mail_not_queued(
                        &format!("the answer to ticket {number}"),
                        "the e-mail to the requester",
                        e,
                    )
                })?;
            Ok(message)
        })
    }

    /// Ticket `number` with its conversation and the id of its account,
    /// whoever it belongs to: for staff tools and the e-mail channel.
    pub fn staff_ticket_detail(&self, number: u32) -> Result<(i64, TicketDetail)> {
        let conn = self.conn()?;
        let (ticket_id, account_id, ticket) = any_ticket(&conn, number)?;
        Ok((account_id, detail(&conn, ticket_id, ticket)?))
    }

    /// One page of the actor's tickets, newest first. Limited credentials
    /// see only their categories.
    pub fn list_tickets(
        &self,
        actor: &Principal,
        status: StatusFilter,
        category: Option<&str>,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<Page<Ticket>> {
        let limit = limit.unwrap_or(DEFAULT_PAGE_SIZE);
        let mut check = Check::new();
        if !(1..=MAX_PAGE_SIZE).contains(&limit) {
            check.add("limit", format!("must be between 1 and {MAX_PAGE_SIZE}"));
        }
        let category = match category {
            Some(c) => check.take("category", validate::category(c)),
            None => None,
        };
        check.finish()?;
        if let Some(c) = &category {
            actor.check_category(c)?;
        }
        let after = cursor.map(decode_cursor).transpose()?;

        let mut sql = format!("SELECT {TICKET_COLUMNS} FROM tickets WHERE account_id = ?");
        let mut args: Vec<Value> = vec![Value::Integer(actor.account_id)];
        match status {
            StatusFilter::All => {}
            StatusFilter::Active => sql.push_str(" AND status != 'closed'"),
            single => {
                sql.push_str(" AND status = ?");
                args.push(Value::Text(single.as_str().to_string()));
            }
        }
        if let Some(c) = category {
            sql.push_str(" AND category = ?");
            args.push(Value::Text(c));
        } else if let Some(allowed) = &actor.categories {
            if allowed.is_empty() {
                sql.push_str(" AND 0");
            } else {
                let marks = vec!["?"; allowed.len()].join(", ");
                sql.push_str(&format!(" AND category IN ({marks})"));
                args.extend(allowed.iter().map(|c| Value::Text(c.clone())));
            }
        }
        if let Some((at, number)) = after {
            sql.push_str(" AND (created_at < ? OR (created_at = ? AND number < ?))");
            args.push(Value::Text(at.clone()));
            args.push(Value::Text(at));
            args.push(Value::Integer(i64::from(number)));
        }
        sql.push_str(" ORDER BY created_at DESC, number DESC LIMIT ?");
        args.push(Value::Integer(i64::from(limit) + 1));

        let conn = self.conn()?;
        let mut stmt = conn.prepare(&sql)?;
        let mut items = stmt
            .query_map(params_from_iter(args), |r| {
                ticket_from_row(r).map(|(_, t)| t)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let next_cursor = if items.len() > limit as usize {
            items.truncate(limit as usize);
            items.last().map(encode_cursor)
        } else {
            None
        };
        Ok(Page { items, next_cursor })
    }

    /// Ticket `number` with its whole conversation, oldest message first.
    pub fn ticket_detail(&self, actor: &Principal, number: u32) -> Result<TicketDetail> {
        let conn = self.conn()?;
        let (id, ticket) = access(&conn, actor, number)?;
        detail(&conn, id, ticket)
    }

    /// Closes ticket `number`; closing a closed ticket changes nothing.
    pub fn close_ticket(&self, actor: &Principal, number: u32) -> Result<Ticket> {
        self.set_status(actor, number, TicketStatus::Closed, |s| {
            s != TicketStatus::Closed
        })
    }

    /// Reopens a closed ticket (status `open`); other tickets stay as they are.
    pub fn reopen_ticket(&self, actor: &Principal, number: u32) -> Result<Ticket> {
        self.set_status(actor, number, TicketStatus::Open, |s| {
            s == TicketStatus::Closed
        })
    }

    fn set_status(
        &self,
        actor: &Principal,
        number: u32,
        to: TicketStatus,
        applies: impl Fn(TicketStatus) -> bool,
    ) -> Result<Ticket> {
        self.write(|tx| {
            let (id, ticket) = access(tx, actor, number)?;
            if !applies(ticket.status) {
                return Ok(ticket);
            }
            tx.execute(
                "UPDATE tickets SET status = ?1, updated_at = ?2 WHERE id = ?3",
                params![to.as_str(), now(), id],
            )?;
            ticket_by_id(tx, id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Priority;

    #[test]
    fn cursors_round_trip_and_refuse_garbage() {
        let t = Ticket {
            number: 123456,
            subject: "s".into(),
            category: "other".into(),
            status: TicketStatus::Open,
            priority: Priority::Low,
            requester: Person {
                name: "n".into(),
                email: "e@x.y".into(),
                role: AuthorRole::Owner,
            },
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
        };
        let (at, number) = decode_cursor(&encode_cursor(&t)).unwrap();
        assert_eq!(number, 123456);
        assert_eq!(
            parse_time(&at).unwrap(),
            parse_time(&super::super::fmt_time(t.created_at)).unwrap()
        );
        assert!(decode_cursor("zz").is_err());
        assert!(decode_cursor(&hex::encode("nope")).is_err());
    }
}
