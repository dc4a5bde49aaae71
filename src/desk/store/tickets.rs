//! Tickets and their conversations, seen by a customer (their account,
//! their categories, never internal notes) or an agent (every account, the
//! agent's categories, 404 outside them). Every change writes its row in
//! `events` in the same transaction; the e-mail channel renders mail from
//! those rows after the commit (see [`Store::render_events`]), so no change
//! is stored whose mail could be lost and the store knows nothing of mail.

use crate::msg;
use rand::Rng;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, Transaction};
use sha2::{Digest, Sha256};

use crate::api::{
    AccountRef, AgentRef, Assignment, AuthorRole, Channel, CloseRequest, Message, MessageKind,
    NewMessage, NewNote, NewTicket, Page, Person, StatusFilter, Ticket, TicketChange, TicketDetail,
    TicketStatus, IDEMPOTENCY_KEY_HEADER,
};

use super::super::auth::{Actor, AgentPrincipal, Principal};
use super::agents::{agent_categories, agent_id_by_email};
use super::attachments::{attachment_from_row, load_attachment, ATTACHMENT_COLUMNS};
use super::validate::{self, Check};
use super::{now, parse_opt_time, parse_time, Error, Result, Store};

pub const DEFAULT_PAGE_SIZE: u32 = 30;

/// Answered tickets untouched since ?1, for auto-close.
const AUTO_CLOSE_DUE: &str = "SELECT id, number FROM tickets
     WHERE status = 'answered' AND updated_at <= ?1 ORDER BY updated_at";
/// Events whose mail is not rendered yet, oldest first.
const PENDING_EVENTS: &str =
    "SELECT id, ticket_id, kind, message_id, data, actor_name, actor_email, actor_role
     FROM events WHERE rendered_at IS NULL ORDER BY id LIMIT ?1";
/// Marks one event rendered (its mail, if any, is in the outbox).
const MARK_RENDERED: &str = "UPDATE events SET rendered_at = ?1 WHERE id = ?2";
/// One batch of events rendered before ?1 (`serve --mail-retention`): they
/// walk `events_unrendered` from its first rendered row, never the table.
const PRUNE_EVENTS: &str = "DELETE FROM events WHERE id IN
    (SELECT id FROM events WHERE rendered_at IS NOT NULL AND rendered_at < ?1 LIMIT ?2)";
pub const MAX_PAGE_SIZE: u32 = 100;
/// The longest `search` text of a ticket list, in characters: enough for
/// any phrase a person types, short of a query that would scan for pages.
pub const MAX_SEARCH_CHARS: usize = 200;

/// Whether opening a ticket mails the confirmation to its requester.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    Send,
    /// The mail that opened it asked for no automatic answer.
    Skip,
}

/// Digits of the first ticket numbers (100000 to 999999).
const FIRST_NUMBER_DIGITS: u32 = 6;
/// Random numbers of one width tried before a ticket gets one more digit:
/// with 8 misses in a row the width is about 3/4 taken (0.75^8 = 1 in 10),
/// so numbers stay random over a range a few times the tickets in it.
const NUMBER_TRIES: usize = 8;

/// A free random ticket number, of as many digits as the widest number so
/// far (6 at first), one more when [`NUMBER_TRIES`] random ones of that
/// width are all taken. `taken` says whether a number is in use.
fn pick_number(
    rng: &mut impl Rng,
    first_digits: u32,
    widest: Option<u32>,
    mut taken: impl FnMut(u32) -> Result<bool>,
) -> Result<u32> {
    let digits_of = |n: u32| n.checked_ilog10().map_or(1, |l| l + 1);
    let mut digits = widest.map_or(first_digits, digits_of).max(first_digits);
    loop {
        let low = 10u32.pow(digits - 1);
        let high = 10u32.checked_pow(digits).map_or(u32::MAX, |p| p - 1);
        for _ in 0..NUMBER_TRIES {
            let candidate = rng.gen_range(low..=high);
            if !taken(candidate)? {
                return Ok(candidate);
            }
        }
        // The widest u32 range (10 digits) holds 3 billion: keep trying it.
        if high < u32::MAX {
            digits += 1;
        }
    }
}

/// [`pick_number`] over the tickets table (index seeks only: the widest
/// number is the unique index's last entry).
fn new_ticket_number(conn: &Connection) -> Result<u32> {
    let widest: Option<u32> = conn
        .prepare_cached(WIDEST_NUMBER)?
        .query_row([], |r| r.get(0))?;
    let mut is_taken = conn.prepare_cached(NUMBER_TAKEN)?;
    pick_number(
        &mut rand::thread_rng(),
        FIRST_NUMBER_DIGITS,
        widest,
        |candidate| Ok(is_taken.exists([candidate])?),
    )
}

const WIDEST_NUMBER: &str = "SELECT max(number) FROM tickets";
const NUMBER_TAKEN: &str = "SELECT 1 FROM tickets WHERE number = ?1";

/// A ticket from [`Store::open_ticket`]: `created` is false when an earlier
/// request (same idempotency key, same e-mail Message-ID) already made it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub ticket: TicketDetail,
    pub created: bool,
}

/// The filters of `GET /v1/tickets`.
#[derive(Debug, Clone, Default)]
pub struct TicketQuery {
    /// `None`: `active` for customers, `waiting` for agents.
    pub status: Option<StatusFilter>,
    pub category: Option<String>,
    /// Agents only: `@me`, `none` or an agent's e-mail.
    pub assignee: Option<String>,
    /// Agents only: the owner's e-mail.
    pub account: Option<String>,
    pub search: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// One change of the event log, with what a renderer needs to know.
#[derive(Debug, Clone)]
pub struct DomainEvent {
    pub id: i64,
    /// opened, replied, answered, noted, assigned, moved, closed, reopened,
    /// auto-closed.
    pub kind: String,
    pub ticket: Ticket,
    /// The message the event is about (the answer, the note, the last
    /// answer given when closing), with its attachments.
    pub message: Option<Message>,
    /// Extra facts: `confirm` and `email_message_id` (opened), `from`/`to`
    /// (moved), `after_days` (auto-closed).
    pub data: serde_json::Value,
    /// Who to tell on the support side: the ticket's assignee, or else
    /// every agent of its category.
    pub agents: Vec<AgentRef>,
    pub actor: Person,
}

/// Matches a search reads before it asks the full-text index to narrow
/// them to the list's (see [`ListPlan::Search`]).
const SEARCH_WALK: i64 = 128;

/// The columns [`ticket_from_row`] reads, over [`TICKET_FROM`].
const TICKET_COLUMNS: &str = "t.id, t.number, t.category, t.subject, t.status, t.priority, \
                              t.requester_name, t.requester_email, t.requester_role, \
                              t.created_at, t.updated_at, a.name, a.email, g.name, g.email, \
                              t.waiting_since, t.account_id";
const TICKET_FROM: &str = "tickets t JOIN accounts a ON a.id = t.account_id \
                           LEFT JOIN agents g ON g.id = t.assignee_id";
/// [`TICKET_FROM`] after an ordered walk `h`, which stays the outer loop,
/// so rows come in its order. (An `ORDER BY h.r` would sort: SQLite does not
/// carry a subquery's order out of it. The subquery's LIMIT, even -1, keeps
/// it from being flattened into the join. `plans.rs` checks the loop order.)
const TICKET_IN_ORDER: &str = "tickets t CROSS JOIN accounts a ON a.id = t.account_id \
                               LEFT JOIN agents g ON g.id = t.assignee_id";
/// [`TICKET_FROM`] joined to the ids of a page, `p.id`.
const TICKET_BY_ID: &str = "tickets t ON t.id = p.id JOIN accounts a ON a.id = t.account_id \
                            LEFT JOIN agents g ON g.id = t.assignee_id";

/// An `events` row as [`PENDING_EVENTS`] reads it: id, ticket id, kind,
/// message id, data, actor name, e-mail and role.
type EventRow = (
    i64,
    i64,
    String,
    Option<i64>,
    String,
    String,
    String,
    String,
);

/// A ticket row: its id, its account's id and the ticket.
type TicketRow = (i64, i64, Ticket);

fn ticket_from_row(r: &Row<'_>) -> rusqlite::Result<TicketRow> {
    let text = |i: usize| r.get::<_, String>(i);
    let assignee = match (
        r.get::<_, Option<String>>(13)?,
        r.get::<_, Option<String>>(14)?,
    ) {
        (Some(name), Some(email)) => Some(AgentRef { name, email }),
        _ => None,
    };
    Ok((
        r.get(0)?,
        r.get(16)?,
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
            account: AccountRef {
                name: text(11)?,
                email: text(12)?,
            },
            assignee,
            waiting_since: parse_opt_time(r.get(15)?)?,
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
    Error::NotFound(msg!("problem-no-ticket", number = number))
}

/// An agent's 404: the same whether the ticket is outside the agent's
/// categories or does not exist.
fn agent_ticket_not_found(number: u32) -> Error {
    Error::NotFound(msg!("problem-no-ticket-in-categories", number = number))
}

fn closed_conflict(number: u32) -> Error {
    Error::Conflict(msg!("problem-ticket-closed", number = number))
}

/// Ticket `number` as `actor` may see it. A customer: 404 when it is
/// another account's (never revealing it exists), 403 outside the
/// customer's categories. An agent: any account's, 404 outside the agent's
/// categories (so a billing agent cannot tell a control-panel ticket exists).
fn access(conn: &Connection, actor: &Actor, number: u32) -> Result<TicketRow> {
    match actor {
        Actor::Customer(p) => {
            let found = conn
                .query_row(
                    &format!(
                        "SELECT {TICKET_COLUMNS} FROM {TICKET_FROM} \
                         WHERE t.number = ?1 AND t.account_id = ?2"
                    ),
                    params![number, p.account_id],
                    ticket_from_row,
                )
                .optional()?;
            let row = found.ok_or_else(|| ticket_not_found(number))?;
            p.check_category(&row.2.category)?;
            Ok(row)
        }
        Actor::Agent(a) => {
            let row = match any_ticket(conn, number) {
                Err(Error::NotFound(_)) => return Err(agent_ticket_not_found(number)),
                other => other?,
            };
            if !a.allows(&row.2.category) {
                return Err(agent_ticket_not_found(number));
            }
            Ok(row)
        }
    }
}

/// Ticket `number` whoever it belongs to (admin commands, the e-mail
/// channel); 404 when none.
fn any_ticket(conn: &Connection, number: u32) -> Result<TicketRow> {
    conn.query_row(
        &format!("SELECT {TICKET_COLUMNS} FROM {TICKET_FROM} WHERE t.number = ?1"),
        [number],
        ticket_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(msg!("problem-no-such-ticket", number = number)))
}

fn ticket_by_id(conn: &Connection, id: i64) -> Result<Ticket> {
    Ok(conn
        .query_row(
            &format!("SELECT {TICKET_COLUMNS} FROM {TICKET_FROM} WHERE t.id = ?1"),
            [id],
            ticket_from_row,
        )?
        .2)
}

fn message_from_row(r: &Row<'_>) -> rusqlite::Result<Message> {
    Ok(Message {
        id: r.get(0)?,
        kind: parse_enum(&r.get::<_, String>(7)?)?,
        author: Person {
            name: r.get(1)?,
            email: r.get(2)?,
            role: parse_enum(&r.get::<_, String>(3)?)?,
        },
        channel: parse_enum(&r.get::<_, String>(4)?)?,
        body: r.get(5)?,
        attachments: Vec::new(),
        created_at: parse_time(&r.get::<_, String>(6)?)?,
        verified: r.get(8)?,
        event: None,
    })
}

const MESSAGE_COLUMNS: &str =
    "id, author_name, author_email, author_role, channel, body, created_at, kind, verified";

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

/// The conversation of a ticket; customers never get internal entries
/// (notes, assignment events): filtered here, in SQL, for every route.
fn detail(conn: &Connection, ticket_id: i64, ticket: Ticket, agent: bool) -> Result<TicketDetail> {
    let sql = if agent {
        format!("SELECT {MESSAGE_COLUMNS} FROM messages WHERE ticket_id = ?1 ORDER BY id")
    } else {
        format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages WHERE ticket_id = ?1 AND internal = 0 ORDER BY id"
        )
    };
    let mut stmt = conn.prepare_cached(&sql)?;
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
            crate::msg!("field-attachments-too-many", n = ids.len(), max = max),
        );
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = ids.iter().find(|id| !seen.insert(id.as_str())) {
        check.add(
            "attachments",
            crate::msg!("field-attachment-twice", id = dup),
        );
    }
}

/// Attaches uploaded files to `message_id` of a ticket of `account_id`:
/// each must be the actor's upload (the account's, or the agent's) and not
/// yet attached elsewhere. An agent's file joins the ticket's account.
fn link_attachments(
    tx: &Transaction<'_>,
    actor: &Actor,
    account_id: i64,
    message_id: i64,
    ids: &[String],
) -> Result<()> {
    let mut check = Check::new();
    for id in ids {
        let holder = load_attachment(tx, id)?.map(|(h, _)| h);
        let mine = holder.is_some_and(|h| match actor {
            Actor::Customer(p) => h.account_id == Some(p.account_id),
            Actor::Agent(a) => h.agent_id == Some(a.agent_id),
        });
        match holder {
            Some(h) if mine && h.message_id.is_none() => {
                tx.execute(
                    "UPDATE attachments SET message_id = ?1, account_id = ?2 WHERE id = ?3",
                    params![message_id, account_id, id],
                )?;
            }
            Some(_) if mine => check.add(
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

/// A new conversation entry.
struct Entry<'a> {
    kind: MessageKind,
    /// Hidden from customers (notes, assignment events).
    internal: bool,
    author: &'a Person,
    channel: Channel,
    body: &'a str,
    email_message_id: Option<&'a str>,
    /// How the sender of an e-mail was proven (`FromMail::verified`).
    verified: Option<&'a str>,
}

impl<'a> Entry<'a> {
    /// A message everyone on the ticket sees, from `email` when it came by
    /// mail.
    fn message(
        author: &'a Person,
        channel: Channel,
        body: &'a str,
        email: Option<FromMail<'a>>,
    ) -> Entry<'a> {
        Entry {
            kind: MessageKind::Message,
            internal: false,
            author,
            channel,
            body,
            email_message_id: email.map(|m| m.message_id),
            verified: email.and_then(|m| m.verified),
        }
    }
}

/// Where an e-mail entry came from: its Message-ID (a redelivery is
/// recognised by it) and how its sender was shown to be who From says
/// (`dkim`, `spf`, `arc`, `reply-address`, `confirmation`), stored with the
/// message in the same transaction.
#[derive(Debug, Clone, Copy)]
pub struct FromMail<'a> {
    pub message_id: &'a str,
    pub verified: Option<&'a str>,
}

impl<'a> From<&'a str> for FromMail<'a> {
    /// A Message-ID whose sender's proof is not recorded.
    fn from(message_id: &'a str) -> FromMail<'a> {
        FromMail {
            message_id,
            verified: None,
        }
    }
}

fn insert_message(tx: &Transaction<'_>, ticket_id: i64, e: &Entry<'_>, at: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO messages
            (ticket_id, kind, internal, author_name, author_email, author_role, channel, body,
             email_message_id, created_at, verified)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            ticket_id,
            e.kind.as_str(),
            e.internal,
            e.author.name,
            e.author.email,
            e.author.role.as_str(),
            e.channel.as_str(),
            e.body,
            e.email_message_id,
            at,
            e.verified
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A change recorded in the conversation as one short sentence.
fn insert_event_line(
    tx: &Transaction<'_>,
    ticket_id: i64,
    author: &Person,
    internal: bool,
    body: &str,
    at: &str,
) -> Result<i64> {
    insert_message(
        tx,
        ticket_id,
        &Entry {
            kind: MessageKind::Event,
            internal,
            author,
            channel: Channel::Staff,
            body,
            email_message_id: None,
            verified: None,
        },
        at,
    )
}

/// Writes the event-log row of a change, in the change's transaction.
fn log_event(
    tx: &Transaction<'_>,
    ticket_id: i64,
    kind: &str,
    message_id: Option<i64>,
    actor: &Person,
    data: serde_json::Value,
    at: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO events
            (ticket_id, kind, message_id, actor_name, actor_email, actor_role, data, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            ticket_id,
            kind,
            message_id,
            actor.name,
            actor.email,
            actor.role.as_str(),
            data.to_string(),
            at
        ],
    )?;
    Ok(())
}

/// Deletes up to `limit` events rendered before `before`; returns how many.
/// Their mail is in the outbox and the conversation in `messages`, so once
/// rendered an event is only history: the retention pass drops it with the
/// sent mail, so the log grows with tickets, not with every change ever made.
pub(super) fn prune_events_batch(conn: &Connection, before: &str, limit: i64) -> Result<usize> {
    Ok(conn
        .prepare_cached(PRUNE_EVENTS)?
        .execute(params![before, limit])?)
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

fn encode_cursor(at: chrono::DateTime<chrono::Utc>, number: u32) -> String {
    hex::encode(format!("{}|{}", super::fmt_time(at), number))
}

/// Where the next page starts: after a ticket in the list's order (its
/// time key and number), or, in a search (newest first), below a ticket id.
enum Cursor {
    After(String, u32),
    BelowId(i64),
}

fn encode_search_cursor(id: i64) -> String {
    hex::encode(format!("#{id}"))
}

fn decode_cursor(cursor: &str) -> Result<Cursor> {
    let bad = || Error::BadRequest(msg!("problem-bad-cursor"));
    let bytes = hex::decode(cursor).map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    if let Some(id) = text.strip_prefix('#') {
        return Ok(Cursor::BelowId(id.parse().map_err(|_| bad())?));
    }
    let (at, number) = text.split_once('|').ok_or_else(bad)?;
    parse_time(at).map_err(|_| bad())?;
    Ok(Cursor::After(
        at.to_string(),
        number.parse().map_err(|_| bad())?,
    ))
}

/// A search text as an FTS5 query: every word must appear (each quoted, so
/// no operator syntax can be injected or fail).
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Who `ecolo-desk staff reply` signs as without `--as`.
fn desk_support(store: &Store) -> Person {
    Person {
        name: "Support".to_string(),
        email: format!("support@{}", store.config.mail_domain),
        role: AuthorRole::Staff,
    }
}

fn desk_itself(store: &Store) -> Person {
    Person {
        name: "the desk".to_string(),
        email: format!("support@{}", store.config.mail_domain),
        role: AuthorRole::Desk,
    }
}

/// Changes the status; `waiting_since` is kept while the ticket keeps
/// waiting for support, set when it starts waiting, cleared otherwise.
fn set_status(tx: &Transaction<'_>, ticket_id: i64, status: TicketStatus, at: &str) -> Result<()> {
    tx.execute(
        "UPDATE tickets SET status = ?1, updated_at = ?2,
             waiting_since = CASE WHEN ?1 IN ('open', 'customer-reply')
                                  THEN COALESCE(CASE WHEN status IN ('open', 'customer-reply')
                                                     THEN waiting_since END, ?2)
                                  ELSE NULL END
         WHERE id = ?3",
        params![status.as_str(), at, ticket_id],
    )?;
    Ok(())
}

/// The agents to tell about ticket `ticket_id`: its assignee, or else
/// every agent working its category.
fn agents_to_tell(conn: &Connection, ticket_id: i64, category: &str) -> Result<Vec<AgentRef>> {
    let assignee: Option<(i64, AgentRef)> = conn
        .query_row(
            "SELECT g.id, g.name, g.email FROM tickets t JOIN agents g ON g.id = t.assignee_id
             WHERE t.id = ?1",
            [ticket_id],
            |r| {
                Ok((
                    r.get(0)?,
                    AgentRef {
                        name: r.get(1)?,
                        email: r.get(2)?,
                    },
                ))
            },
        )
        .optional()?;
    if let Some((id, a)) = assignee {
        // An assignee who no longer works the category hears nothing of it.
        if agent_categories(conn, id)?.is_none_or(|list| list.iter().any(|c| c == category)) {
            return Ok(vec![a]);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT name, email FROM agents WHERE all_categories = 1
         UNION
         SELECT g.name, g.email FROM agent_categories ac JOIN agents g ON g.id = ac.agent_id
         WHERE ac.category = ?1
         ORDER BY 2",
    )?;
    let rows = stmt.query_map([category], |r| {
        Ok(AgentRef {
            name: r.get(0)?,
            email: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How a page of [`Store::list_tickets`] is ordered, so its last ticket
/// gives the next cursor.
#[derive(Clone, Copy)]
enum PageOrder {
    /// Newest first: `created_at`, number.
    Newest,
    /// Longest-waiting first: `waiting_since`, number.
    Waiting,
    /// A search, newest first by ticket id.
    Search,
}

/// A statement and its arguments.
type Statement = (String, Vec<Value>);

/// The statements of one page of [`Store::list_tickets`].
enum ListPlan {
    /// A list: a merge of index ranges.
    Ranges(Statement),
    /// A search: `walk` reads the first [`SEARCH_WALK`] matches, newest
    /// first, a row each, with the ticket only if it is in the list; when
    /// they were that many and do not fill the page, the list's tickets are
    /// few among the matches and `narrowed` asks the full-text index for
    /// them alone, its `tags` words standing for the list's account,
    /// categories and statuses. (Always narrowing would cost a search that
    /// matches most tickets five times more: FTS5 then intersects several
    /// long doclists.)
    Search {
        walk: Statement,
        narrowed: Statement,
    },
}

/// The SQL and arguments of one page of [`Store::list_tickets`]; its
/// order; the page size. Separate so the tests can check its query plan.
fn list_statement(actor: &Actor, query: &TicketQuery) -> Result<(ListPlan, PageOrder, u32)> {
    let limit = query.limit.unwrap_or(DEFAULT_PAGE_SIZE);
    let mut check = Check::new();
    if !(1..=MAX_PAGE_SIZE).contains(&limit) {
        check.add(
            "limit",
            crate::msg!("field-limit-range", max = MAX_PAGE_SIZE),
        );
    }
    let category = match &query.category {
        Some(c) => check.take("category", validate::category(c)),
        None => None,
    };
    // `@me`, `none`, or an agent's address (compared as stored: lowercase).
    let assignee = match query.assignee.as_deref().map(str::trim) {
        None => None,
        Some(word @ ("@me" | "none")) => Some(word.to_string()),
        Some(email) => check.take(
            "assignee",
            validate::email(email).map_err(|e| crate::msg!("field-assignee").with("reason", e)),
        ),
    };
    let account = match &query.account {
        Some(owner) => check.take("account", validate::email(owner)),
        None => None,
    };
    if let Some(text) = &query.search {
        let chars = text.chars().count();
        if chars > MAX_SEARCH_CHARS {
            check.add(
                "search",
                crate::msg!("field-search-too-long", n = chars, max = MAX_SEARCH_CHARS),
            );
        }
    }
    check.finish()?;
    let after = query.cursor.as_deref().map(decode_cursor).transpose()?;
    let search = query.search.as_deref().and_then(fts_query);
    let bad_cursor = || Error::BadRequest(msg!("problem-bad-cursor"));

    // `sql` and `args`: the conditions every row of the page meets. Each
    // list filter (categories, statuses) is also kept in `splits`: the page
    // is a merge of one index range per combination of their values (see
    // the end), since SQLite walks an index in order only below equality
    // constraints, never across the values of an `IN`.
    let mut sql = String::new();
    let mut args: Vec<Value> = Vec::new();
    let mut splits: Vec<(&'static str, Vec<String>)> = Vec::new();
    let mut in_list =
        |sql: &mut String, args: &mut Vec<Value>, col: &'static str, list: &[String]| {
            if list.is_empty() {
                sql.push_str(" AND 0");
            } else {
                // `+`: a filter only, never the index to walk (that is each
                // range's equality; SQLite walking the `IN` values would sort).
                let marks = vec!["?"; list.len()].join(", ");
                sql.push_str(&format!(" AND +{col} IN ({marks})"));
                args.extend(list.iter().map(|c| Value::Text(c.clone())));
                splits.push((col, list.to_vec()));
            }
        };
    let status = match actor {
        Actor::Customer(p) => {
            if query.assignee.is_some() || query.account.is_some() {
                return Err(Error::Forbidden(msg!("problem-queue-filters")));
            }
            sql.push_str(" AND t.account_id = ?");
            args.push(Value::Integer(p.account_id));
            match &category {
                Some(c) => {
                    p.check_category(c)?;
                    in_list(&mut sql, &mut args, "t.category", std::slice::from_ref(c));
                }
                None => {
                    if let Some(allowed) = &p.categories {
                        in_list(&mut sql, &mut args, "t.category", allowed);
                    }
                }
            }
            query.status.unwrap_or(StatusFilter::Active)
        }
        Actor::Agent(a) => {
            // A category list for an agent limited to some, so the
            // category indexes apply; none for one who works them all
            // (the status indexes apply: one range per status).
            match &category {
                Some(c) if !a.allows(c) => {
                    return Err(Error::Forbidden(
                        msg!("problem-not-your-category", category = c)
                            .with("why", a.category_refusal()),
                    ))
                }
                Some(c) => in_list(&mut sql, &mut args, "t.category", std::slice::from_ref(c)),
                None => {
                    if let Some(list) = &a.categories {
                        in_list(&mut sql, &mut args, "t.category", list);
                    }
                }
            }
            // By id, looked up once: the ranges walk `tickets` alone.
            match assignee.as_deref() {
                None => {}
                Some("none") => sql.push_str(" AND t.assignee_id IS NULL"),
                Some("@me") => {
                    sql.push_str(" AND t.assignee_id = ?");
                    args.push(Value::Integer(a.agent_id));
                }
                Some(email) => {
                    sql.push_str(" AND t.assignee_id = (SELECT id FROM agents WHERE email = ?)");
                    args.push(Value::Text(email.to_string()));
                }
            }
            if let Some(owner) = account {
                sql.push_str(" AND t.account_id = (SELECT id FROM accounts WHERE email = ?)");
                args.push(Value::Text(owner));
            }
            query.status.unwrap_or(StatusFilter::Waiting)
        }
    };
    let statuses: &[&str] = match status {
        // Every status, as a list too: each range then has the status
        // equality the indexes lead with.
        StatusFilter::All => &["open", "answered", "customer-reply", "closed"],
        StatusFilter::Active => &["open", "answered", "customer-reply"],
        StatusFilter::Waiting => &["open", "customer-reply"],
        single => &[single.as_str()],
    };
    let statuses: Vec<String> = statuses.iter().map(|s| s.to_string()).collect();
    in_list(&mut sql, &mut args, "t.status", &statuses);
    let by_waiting = actor.is_agent()
        && matches!(
            status,
            StatusFilter::Waiting | StatusFilter::Open | StatusFilter::CustomerReply
        );
    let (key, order) = if by_waiting {
        ("t.waiting_since", "k ASC, n ASC")
    } else {
        ("t.created_at", "k DESC, n DESC")
    };
    let page_size = Value::Integer(i64::from(limit) + 1);

    if let Some(words) = search {
        let columns = if actor.is_agent() {
            "{subject text notes}"
        } else {
            "{subject text}"
        };
        let plain = format!("{columns} : ({words})");
        let mut tagged = plain.clone();
        if let Actor::Customer(p) = actor {
            tagged.push_str(&format!(" AND {{tags}} : a{}", p.account_id));
        }
        for (col, values) in &splits {
            let (prefix, every) = match *col {
                "t.category" => ("c", crate::api::CATEGORY_SLUGS.len()),
                _ => ("s", 4),
            };
            if values.len() < every {
                let words: Vec<String> = values
                    .iter()
                    .map(|v| format!("{prefix}{}", v.replace('-', "")))
                    .collect();
                tagged.push_str(&format!(" AND {{tags}} : ({})", words.join(" OR ")));
            }
        }
        // `ticket_text`'s rowids are the tickets' ids negated: ascending
        // is newest first.
        let (below, below_args) = match after {
            None => (String::new(), vec![]),
            Some(Cursor::BelowId(id)) => (" AND rowid > ?".to_string(), vec![Value::Integer(-id)]),
            Some(Cursor::After(..)) => return Err(bad_cursor()),
        };
        // Every one of the first matches, with the ticket's columns only
        // when it is in the list (NULL otherwise), so the caller counts
        // how many matches the page took.
        let mut walk_args = vec![Value::Text(plain)];
        walk_args.extend(below_args.iter().cloned());
        walk_args.extend(args.iter().cloned());
        let walk = (
            format!(
                "SELECT {TICKET_COLUMNS} FROM (SELECT rowid AS r FROM ticket_text \
                 WHERE ticket_text MATCH ?{below} ORDER BY rowid LIMIT {SEARCH_WALK}) h \
                 LEFT JOIN tickets t ON t.id = -h.r{sql} \
                 LEFT JOIN accounts a ON a.id = t.account_id \
                 LEFT JOIN agents g ON g.id = t.assignee_id"
            ),
            walk_args,
        );
        let mut narrowed_args = vec![Value::Text(tagged)];
        narrowed_args.extend(below_args);
        narrowed_args.extend(args);
        narrowed_args.push(page_size);
        let narrowed = (
            format!(
                "SELECT {TICKET_COLUMNS} FROM (SELECT rowid AS r FROM ticket_text \
                 WHERE ticket_text MATCH ?{below} ORDER BY rowid LIMIT -1) h \
                 CROSS JOIN {TICKET_IN_ORDER} WHERE t.id = -h.r{sql} LIMIT ?"
            ),
            narrowed_args,
        );
        return Ok((
            ListPlan::Search { walk, narrowed },
            PageOrder::Search,
            limit,
        ));
    }
    // A row-value comparison, which SQLite turns into the start of the
    // index range (a page deep in the list costs what the first one does).
    let mut cursor_sql = String::new();
    let mut cursor_args = Vec::new();
    match after {
        None => {}
        Some(Cursor::After(at, number)) => {
            let cmp = if by_waiting { ">" } else { "<" };
            cursor_sql = format!(" AND ({key}, t.number) {cmp} (?, ?)");
            cursor_args = vec![Value::Text(at), Value::Integer(i64::from(number))];
        }
        Some(Cursor::BelowId(_)) => return Err(bad_cursor()),
    }
    let mut all = Vec::new();

    // One range per combination of the split lists' values, merged in
    // order by SQLite (MERGE (UNION ALL)): each range yields rows only as
    // the merge takes them, so a page costs about its size plus one seek
    // per range, whatever the desk's size. Each range repeats the list
    // conditions above (redundant with its equalities, so still right on
    // its own) and the shared arguments.
    let mut ranges: Vec<Vec<(&str, &String)>> = vec![vec![]];
    for (col, values) in &splits {
        ranges = ranges
            .into_iter()
            .flat_map(|r| {
                values.iter().map(move |v| {
                    let mut r = r.clone();
                    r.push((*col, v));
                    r
                })
            })
            .collect();
    }
    let mut arms = Vec::with_capacity(ranges.len());
    for range in &ranges {
        let mut arm =
            format!("SELECT t.id AS id, {key} AS k, t.number AS n FROM tickets t WHERE 1{sql}");
        all.extend(args.iter().cloned());
        for (col, value) in range {
            arm.push_str(&format!(" AND {col} = ?"));
            all.push(Value::Text((*value).clone()));
        }
        arm.push_str(&cursor_sql);
        all.extend(cursor_args.iter().cloned());
        arms.push(arm);
    }
    all.push(page_size);
    let sql = format!(
        "SELECT {TICKET_COLUMNS} FROM ({} ORDER BY {order} LIMIT ?) p \
         JOIN {TICKET_BY_ID} ORDER BY p.{}",
        arms.join(" UNION ALL "),
        order.replace(", ", ", p.")
    );
    let order = if by_waiting {
        PageOrder::Waiting
    } else {
        PageOrder::Newest
    };
    Ok((ListPlan::Ranges((sql, all)), order, limit))
}

/// [`list_statement`] for the query-plan test (`super::plans`).
#[cfg(test)]
pub(super) fn list_statement_for_tests(actor: &Actor, query: &TicketQuery) -> Vec<Statement> {
    match list_statement(actor, query).unwrap().0 {
        ListPlan::Ranges(statement) => vec![statement],
        ListPlan::Search { walk, narrowed } => vec![walk, narrowed],
    }
}

/// A cursor as a page ends with, for the query-plan test.
#[cfg(test)]
pub(super) fn cursor_for_tests(search: bool) -> String {
    if search {
        encode_search_cursor(123456)
    } else {
        encode_cursor(chrono::Utc::now(), 123456)
    }
}

/// What [`insert_ticket`] stores: a validated ticket and where it came from.
struct NewRows<'a> {
    category: &'a str,
    subject: &'a str,
    body: &'a str,
    new: &'a NewTicket,
    channel: Channel,
    email: Option<FromMail<'a>>,
    /// The idempotency key and the request's hash.
    key: Option<(&'a str, &'a str)>,
    confirmation: Confirmation,
}

/// The rows of a new ticket (ticket, first message, its attachments, the
/// idempotency key, the `opened` event) in `tx`; answers the ticket's id.
fn insert_ticket(tx: &Transaction<'_>, actor: &Actor, rows: &NewRows<'_>) -> Result<i64> {
    let customer = actor.customer("opening a ticket")?;
    let NewRows {
        category,
        subject,
        body,
        new,
        channel,
        email,
        key,
        confirmation,
    } = *rows;
    // The write lock is held, so a number seen free stays free.
    let number = new_ticket_number(tx)?;
    let at = now();
    let requester = customer.person();
    tx.execute(
        "INSERT INTO tickets
            (number, account_id, category, subject, status, priority, requester_name,
             requester_email, requester_role, contact_id, created_at, updated_at,
             waiting_since)
         VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?10)",
        params![
            number,
            customer.account_id,
            category,
            subject,
            new.priority.as_str(),
            requester.name,
            requester.email,
            requester.role.as_str(),
            customer.contact.as_ref().map(|c| c.id),
            at
        ],
    )?;
    let ticket_id = tx.last_insert_rowid();
    let message_id = insert_message(
        tx,
        ticket_id,
        &Entry::message(&requester, channel, body, email),
        &at,
    )?;
    link_attachments(tx, actor, customer.account_id, message_id, &new.attachments)?;
    if let Some((key, request_hash)) = key {
        tx.execute(
            "INSERT INTO idempotency_keys (account_id, key, request_hash, ticket_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![customer.account_id, key, request_hash, ticket_id, at],
        )?;
    }
    log_event(
        tx,
        ticket_id,
        "opened",
        Some(message_id),
        &requester,
        serde_json::json!({
            "confirm": confirmation == Confirmation::Send,
            "email_message_id": email.map(|m| m.message_id),
        }),
        &at,
    )?;
    Ok(ticket_id)
}

impl Store {
    /// Opens a ticket as `actor` (a customer; agents get 403), with its
    /// confirmation e-mail unless `confirmation` is `Skip`. With
    /// `email` (the e-mail channel), a Message-ID seen before
    /// returns the ticket it opened with `created: false` instead of a
    /// second ticket, and the confirmation threads under that mail.
    pub fn open_ticket(
        &self,
        actor: &Actor,
        new: &NewTicket,
        channel: Channel,
        email: Option<FromMail<'_>>,
        confirmation: Confirmation,
    ) -> Result<Opened> {
        self.create_ticket(actor, new, channel, email, None, confirmation)
    }

    /// Opens a ticket through the API under an idempotency key: the first
    /// request with `key` creates it; later ones (even racing) get the same
    /// ticket with `created: false`; a different body is refused (422).
    pub fn open_ticket_with_key(
        &self,
        actor: &Actor,
        new: &NewTicket,
        key: &str,
    ) -> Result<Opened> {
        if key.is_empty() || key.len() > 255 || !key.chars().all(|c| c.is_ascii_graphic()) {
            return Err(Error::invalid(
                IDEMPOTENCY_KEY_HEADER,
                crate::msg!("field-idempotency-key"),
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

    /// The category, subject and message of `new` as stored, or 422
    /// naming each bad field; 403 outside the customer's categories.
    fn validated_ticket(
        &self,
        customer: &Principal,
        new: &NewTicket,
    ) -> Result<(String, String, String)> {
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
        customer.check_category(&category)?;
        Ok((category, subject, body))
    }

    /// Opens `batch` tickets as `actor` in one transaction, each as
    /// [`Store::open_ticket`] would (same checks, rows, events and
    /// numbers), answering their numbers. For `ecolo-bench`, which builds a
    /// desk of a million tickets through the store: one commit per batch
    /// instead of one per ticket.
    pub fn open_tickets_in_bulk(
        &self,
        actor: &Actor,
        batch: &[NewTicket],
        confirmation: Confirmation,
    ) -> Result<Vec<u32>> {
        let customer = actor.customer("opening a ticket")?;
        let checked = batch
            .iter()
            .map(|new| self.validated_ticket(customer, new))
            .collect::<Result<Vec<_>>>()?;
        self.write(|tx| {
            let mut numbers = Vec::with_capacity(batch.len());
            let mut number = tx.prepare_cached("SELECT number FROM tickets WHERE id = ?1")?;
            for (new, (category, subject, body)) in batch.iter().zip(&checked) {
                let rows = NewRows {
                    category,
                    subject,
                    body,
                    new,
                    channel: Channel::Cli,
                    email: None,
                    key: None,
                    confirmation,
                };
                let id = insert_ticket(tx, actor, &rows)?;
                numbers.push(number.query_row([id], |r| r.get(0))?);
            }
            Ok(numbers)
        })
    }

    fn create_ticket(
        &self,
        actor: &Actor,
        new: &NewTicket,
        channel: Channel,
        email: Option<FromMail<'_>>,
        key: Option<&str>,
        confirmation: Confirmation,
    ) -> Result<Opened> {
        let customer = actor.customer("opening a ticket")?;
        let (category, subject, body) = self.validated_ticket(customer, new)?;
        let request_hash = hex::encode(Sha256::digest(
            serde_json::to_vec(new).map_err(|e| Error::Internal(e.to_string()))?,
        ));

        self.write(|tx| {
            if let Some(key) = key {
                let earlier: Option<(String, i64)> = tx
                    .query_row(
                        "SELECT request_hash, ticket_id FROM idempotency_keys
                         WHERE account_id = ?1 AND key = ?2",
                        params![customer.account_id, key],
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
                        ticket: detail(tx, ticket_id, ticket, false)?,
                        created: false,
                    });
                }
            }
            if let Some((ticket_id, _)) = by_email_message_id(tx, email.map(|m| m.message_id))? {
                let ticket = ticket_by_id(tx, ticket_id)?;
                return Ok(Opened {
                    ticket: detail(tx, ticket_id, ticket, false)?,
                    created: false,
                });
            }
            let ticket_id = insert_ticket(
                tx,
                actor,
                &NewRows {
                    category: &category,
                    subject: &subject,
                    body: &body,
                    new,
                    channel,
                    email,
                    key: key.map(|k| (k, request_hash.as_str())),
                    confirmation,
                },
            )?;
            let ticket = ticket_by_id(tx, ticket_id)?;
            Ok(Opened {
                ticket: detail(tx, ticket_id, ticket, false)?,
                created: true,
            })
        })
    }

    /// Adds the actor's message to ticket `number`. A customer's reply makes
    /// the status `customer-reply`; an agent's is a staff answer (status
    /// `answered`, mailed to the requester). 409 when the ticket is closed.
    /// With `email`, a Message-ID seen before returns the message
    /// it stored instead of a second one.
    pub fn add_message(
        &self,
        actor: &Actor,
        number: u32,
        new: &NewMessage,
        channel: Channel,
        email: Option<FromMail<'_>>,
    ) -> Result<Message> {
        let body = self.check_body(&new.message, &new.attachments)?;
        self.write(|tx| {
            if let Some((_, message_id)) = by_email_message_id(tx, email.map(|m| m.message_id))? {
                return message_by_id(tx, message_id);
            }
            let (ticket_id, account_id, ticket) = access(tx, actor, number)?;
            if ticket.status == TicketStatus::Closed {
                return Err(closed_conflict(number));
            }
            let at = now();
            let author = actor.person();
            let message_id = insert_message(
                tx,
                ticket_id,
                &Entry::message(&author, channel, &body, email),
                &at,
            )?;
            link_attachments(tx, actor, account_id, message_id, &new.attachments)?;
            let (status, event) = if actor.is_agent() {
                (TicketStatus::Answered, "answered")
            } else {
                (TicketStatus::CustomerReply, "replied")
            };
            set_status(tx, ticket_id, status, &at)?;
            log_event(
                tx,
                ticket_id,
                event,
                Some(message_id),
                &author,
                serde_json::json!({}),
                &at,
            )?;
            message_by_id(tx, message_id)
        })
    }

    fn check_body(&self, body: &str, attachments: &[String]) -> Result<String> {
        let limits = &self.config.limits;
        let mut check = Check::new();
        let body = check.take("message", validate::message(body, limits));
        check_attachment_list(&mut check, attachments, limits.max_attachments_per_message);
        check.finish()?;
        Ok(body.unwrap_or_default())
    }

    /// `ecolo-desk staff reply`: answers ticket `number` (any account) as
    /// `agent` when given (`--as`), else as the desk's "Support". The
    /// status becomes `answered` and the requester is mailed. 409 when the
    /// ticket is closed.
    pub fn staff_reply(
        &self,
        number: u32,
        body: &str,
        agent: Option<&AgentPrincipal>,
    ) -> Result<Message> {
        let body = self.check_body(body, &[])?;
        let author = match agent {
            Some(a) => a.person(),
            None => desk_support(self),
        };
        self.write(|tx| {
            let (ticket_id, _, ticket) = match agent {
                Some(a) => access(tx, &Actor::Agent(a.clone()), number)?,
                None => any_ticket(tx, number)?,
            };
            if ticket.status == TicketStatus::Closed {
                return Err(Error::Conflict(msg!(
                    "problem-ticket-closed-reopen",
                    number = number
                )));
            }
            let at = now();
            let message_id = insert_message(
                tx,
                ticket_id,
                &Entry::message(&author, Channel::Staff, &body, None),
                &at,
            )?;
            set_status(tx, ticket_id, TicketStatus::Answered, &at)?;
            log_event(
                tx,
                ticket_id,
                "answered",
                Some(message_id),
                &author,
                serde_json::json!({}),
                &at,
            )?;
            message_by_id(tx, message_id)
        })
    }

    /// An agent's internal note on ticket `number`: never shown or mailed to
    /// a customer, never changes the status. Customers: 403.
    pub fn add_note(
        &self,
        actor: &Actor,
        number: u32,
        note: &NewNote,
        channel: Channel,
        email: Option<FromMail<'_>>,
    ) -> Result<Message> {
        let agent = actor.agent("writing an internal note")?;
        let body = self.check_body(&note.message, &note.attachments)?;
        self.write(|tx| {
            if let Some((_, message_id)) = by_email_message_id(tx, email.map(|m| m.message_id))? {
                return message_by_id(tx, message_id);
            }
            let (ticket_id, account_id, _) = access(tx, actor, number)?;
            let at = now();
            let author = agent.person();
            let message_id = insert_message(
                tx,
                ticket_id,
                &Entry {
                    kind: MessageKind::Note,
                    internal: true,
                    ..Entry::message(&author, channel, &body, email)
                },
                &at,
            )?;
            link_attachments(tx, actor, account_id, message_id, &note.attachments)?;
            tx.execute(
                "UPDATE tickets SET updated_at = ?1 WHERE id = ?2",
                params![at, ticket_id],
            )?;
            log_event(
                tx,
                ticket_id,
                "noted",
                Some(message_id),
                &author,
                serde_json::json!({}),
                &at,
            )?;
            message_by_id(tx, message_id)
        })
    }

    /// Assigns ticket `number` to an agent (`@me`, an e-mail) or to nobody
    /// (`None`). 422 `assignee` for an unknown agent or one not working the
    /// ticket's category. Customers: 403.
    pub fn assign(&self, actor: &Actor, number: u32, change: &Assignment) -> Result<Ticket> {
        let agent = actor.agent("assigning tickets")?;
        self.write(|tx| {
            let (ticket_id, _, ticket) = access(tx, actor, number)?;
            let target = match change.assignee.as_deref().map(str::trim) {
                None | Some("") | Some("none") => None,
                Some("@me") => Some(agent.agent_id),
                Some(email) => Some(agent_id_by_email(tx, email)?.ok_or_else(|| {
                    Error::invalid("assignee", msg!("problem-no-agent", email = email))
                })?),
            };
            if let Some(id) = target {
                let works =
                    agent_categories(tx, id)?.is_none_or(|list| list.contains(&ticket.category));
                if !works {
                    return Err(Error::invalid(
                        "assignee",
                        format!(
                            "that agent does not work the category {}: pick one who does",
                            ticket.category
                        ),
                    ));
                }
            }
            let current: Option<i64> = tx.query_row(
                "SELECT assignee_id FROM tickets WHERE id = ?1",
                [ticket_id],
                |r| r.get(0),
            )?;
            if current == target {
                return Ok(ticket);
            }
            let at = now();
            tx.execute(
                "UPDATE tickets SET assignee_id = ?1, updated_at = ?2 WHERE id = ?3",
                params![target, at, ticket_id],
            )?;
            let ticket = ticket_by_id(tx, ticket_id)?;
            let line = match &ticket.assignee {
                Some(a) => format!("assigned to {}", a.name),
                None => "unassigned".to_string(),
            };
            let author = agent.person();
            let message_id = insert_event_line(tx, ticket_id, &author, true, &line, &at)?;
            log_event(
                tx,
                ticket_id,
                "assigned",
                Some(message_id),
                &author,
                serde_json::json!({ "to": ticket.assignee.as_ref().map(|a| &a.email) }),
                &at,
            )?;
            Ok(ticket)
        })
    }

    /// Moves ticket `number` to another category and/or changes its
    /// priority; each change is recorded in the conversation. Moving to a
    /// category the agent does not work: 403 naming the agent's. An
    /// assignee who does not work the new category is unassigned.
    /// Customers: 403.
    pub fn change_ticket(
        &self,
        actor: &Actor,
        number: u32,
        change: &TicketChange,
    ) -> Result<Ticket> {
        let agent = actor.agent("changing a ticket's category or priority")?;
        let mut check = Check::new();
        let category = match &change.category {
            Some(c) => check.take("category", validate::category(c)),
            None => None,
        };
        check.finish()?;
        if let Some(c) = &category {
            if !agent.allows(c) {
                return Err(Error::Forbidden(
                    msg!("problem-may-not-move", category = c)
                        .with("why", agent.category_refusal()),
                ));
            }
        }
        self.write(|tx| {
            let (ticket_id, _, ticket) = access(tx, actor, number)?;
            let at = now();
            let author = agent.person();
            if let Some(to) = category.as_deref().filter(|c| *c != ticket.category) {
                tx.execute(
                    "UPDATE tickets SET category = ?1, updated_at = ?2 WHERE id = ?3",
                    params![to, at, ticket_id],
                )?;
                let line = format!("moved from {} to {to}", ticket.category);
                let message_id = insert_event_line(tx, ticket_id, &author, false, &line, &at)?;
                log_event(
                    tx,
                    ticket_id,
                    "moved",
                    Some(message_id),
                    &author,
                    serde_json::json!({ "from": ticket.category, "to": to }),
                    &at,
                )?;
                let assignee: Option<i64> = tx.query_row(
                    "SELECT assignee_id FROM tickets WHERE id = ?1",
                    [ticket_id],
                    |r| r.get(0),
                )?;
                if let Some(id) = assignee {
                    if agent_categories(tx, id)?.is_some_and(|list| !list.iter().any(|c| c == to)) {
                        tx.execute(
                            "UPDATE tickets SET assignee_id = NULL WHERE id = ?1",
                            [ticket_id],
                        )?;
                        insert_event_line(
                            tx,
                            ticket_id,
                            &author,
                            true,
                            &format!("unassigned: the assignee does not work {to}"),
                            &at,
                        )?;
                    }
                }
            }
            if let Some(p) = change.priority.filter(|p| *p != ticket.priority) {
                tx.execute(
                    "UPDATE tickets SET priority = ?1, updated_at = ?2 WHERE id = ?3",
                    params![p.as_str(), at, ticket_id],
                )?;
                let line = format!("priority changed from {} to {p}", ticket.priority);
                insert_event_line(tx, ticket_id, &author, false, &line, &at)?;
            }
            ticket_by_id(tx, ticket_id)
        })
    }

    /// Ticket `number` with its conversation, whoever it belongs to: for
    /// admin commands and the e-mail channel (internal entries included).
    pub fn staff_ticket_detail(&self, number: u32) -> Result<(i64, TicketDetail)> {
        let conn = self.conn()?;
        let (ticket_id, account_id, ticket) = any_ticket(&conn, number)?;
        Ok((account_id, detail(&conn, ticket_id, ticket, true)?))
    }

    /// One page of the tickets `actor` may see. Customers: their account,
    /// newest first, default `active`. Agents: every account within their
    /// categories, default `waiting`; waiting statuses longest-waiting
    /// first, others newest first.
    pub fn list_tickets(&self, actor: &Actor, query: &TicketQuery) -> Result<Page<Ticket>> {
        let (plan, order, limit) = list_statement(actor, query)?;
        let conn = self.conn()?;
        let page = |(sql, args): Statement| -> Result<Vec<(i64, Ticket)>> {
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt
                .query_map(params_from_iter(args), |r| {
                    ticket_from_row(r).map(|(id, _, t)| (id, t))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        };
        let mut rows = match plan {
            ListPlan::Ranges(statement) => page(statement)?,
            ListPlan::Search { walk, narrowed } => {
                let mut stmt = conn.prepare_cached(&walk.0)?;
                let mut matches = stmt.query(params_from_iter(walk.1))?;
                let (mut rows, mut seen) = (Vec::new(), 0);
                while let Some(r) = matches.next()? {
                    seen += 1;
                    if r.get::<_, Option<i64>>(0)?.is_some() {
                        let (id, _, t) = ticket_from_row(r)?;
                        rows.push((id, t));
                        if rows.len() > limit as usize {
                            break;
                        }
                    }
                }
                if rows.len() > limit as usize || seen < SEARCH_WALK {
                    rows
                } else {
                    page(narrowed)?
                }
            }
        };
        let next_cursor = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|(id, t)| match order {
                PageOrder::Search => encode_search_cursor(*id),
                PageOrder::Waiting => {
                    encode_cursor(t.waiting_since.unwrap_or(t.created_at), t.number)
                }
                PageOrder::Newest => encode_cursor(t.created_at, t.number),
            })
        } else {
            None
        };
        let items = rows.into_iter().map(|(_, t)| t).collect();
        Ok(Page { items, next_cursor })
    }

    /// Ticket `number` with its conversation, oldest entry first; internal
    /// entries only for agents.
    pub fn ticket_detail(&self, actor: &Actor, number: u32) -> Result<TicketDetail> {
        let conn = self.conn()?;
        let (id, _, ticket) = access(&conn, actor, number)?;
        detail(&conn, id, ticket, actor.is_agent())
    }

    /// Closes ticket `number`, with an optional last answer (agents only:
    /// a customer's is 403); closing a closed ticket changes nothing. The
    /// conversation records who closed it and the requester is mailed how
    /// to reopen it.
    pub fn close_ticket(&self, actor: &Actor, number: u32, close: &CloseRequest) -> Result<Ticket> {
        let last = match close.message.as_deref() {
            Some(text) => {
                actor.agent("closing with a last answer")?;
                Some(self.check_body(text, &[])?)
            }
            None => None,
        };
        self.write(|tx| {
            let (id, _, ticket) = access(tx, actor, number)?;
            if ticket.status == TicketStatus::Closed {
                return Ok(ticket);
            }
            let at = now();
            let author = actor.person();
            let answer = match &last {
                Some(body) => Some(insert_message(
                    tx,
                    id,
                    &Entry::message(&author, Channel::Cli, body, None),
                    &at,
                )?),
                None => None,
            };
            set_status(tx, id, TicketStatus::Closed, &at)?;
            let line = format!("closed by {}", author.name);
            let event_line = insert_event_line(tx, id, &author, false, &line, &at)?;
            log_event(
                tx,
                id,
                "closed",
                Some(answer.unwrap_or(event_line)),
                &author,
                serde_json::json!({ "last_answer": answer.is_some() }),
                &at,
            )?;
            ticket_by_id(tx, id)
        })
    }

    /// Reopens a closed ticket (status `open`); others stay as they are.
    pub fn reopen_ticket(&self, actor: &Actor, number: u32) -> Result<Ticket> {
        self.write(|tx| {
            let (id, _, ticket) = access(tx, actor, number)?;
            if ticket.status != TicketStatus::Closed {
                return Ok(ticket);
            }
            let at = now();
            let author = actor.person();
            set_status(tx, id, TicketStatus::Open, &at)?;
            let line = format!("reopened by {}", author.name);
            let message_id = insert_event_line(tx, id, &author, false, &line, &at)?;
            log_event(
                tx,
                id,
                "reopened",
                Some(message_id),
                &author,
                serde_json::json!({}),
                &at,
            )?;
            ticket_by_id(tx, id)
        })
    }

    /// Closes every `answered` ticket whose last change is older than
    /// `after` (no customer reply since the answer), recording "closed by
    /// the desk after N days without a reply"; answers their numbers.
    pub fn auto_close(&self, after: chrono::Duration) -> Result<Vec<u32>> {
        let cutoff = super::fmt_time(chrono::Utc::now() - after);
        let desk = desk_itself(self);
        let days = after.num_days();
        let span = if days >= 1 {
            format!("{days} day{}", if days == 1 { "" } else { "s" })
        } else {
            let hours = after.num_hours();
            if hours >= 1 {
                format!("{hours} hour{}", if hours == 1 { "" } else { "s" })
            } else {
                format!("{} seconds", after.num_seconds())
            }
        };
        self.write(|tx| {
            let due: Vec<(i64, u32)> = tx
                .prepare_cached(AUTO_CLOSE_DUE)?
                .query_map([&cutoff], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let at = now();
            for (id, _) in &due {
                set_status(tx, *id, TicketStatus::Closed, &at)?;
                let line = format!("closed by the desk after {span} without a reply");
                let message_id = insert_event_line(tx, *id, &desk, false, &line, &at)?;
                log_event(
                    tx,
                    *id,
                    "auto-closed",
                    Some(message_id),
                    &desk,
                    serde_json::json!({ "after": span }),
                    &at,
                )?;
            }
            Ok(due.into_iter().map(|(_, n)| n).collect())
        })
    }

    /// The number of the ticket an earlier delivery of the e-mail with
    /// this Message-ID went to (`pipe` answers a redelivery with it).
    pub fn ticket_of_email(&self, message_id: &str) -> Result<Option<u32>> {
        Ok(self
            .conn()?
            .query_row(
                "SELECT t.number FROM messages m JOIN tickets t ON t.id = m.ticket_id
                 WHERE m.email_message_id = ?1",
                [message_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Hands each event not yet rendered, oldest first, to `render` in one
    /// transaction with marking it rendered: whatever `render` writes (the
    /// outbox) commits with the mark, or neither does. Runs right after each
    /// change and as a catch-up pass of `serve` for events a crash left.
    /// Answers how many were rendered.
    pub fn render_events(
        &self,
        limit: usize,
        mut render: impl FnMut(&Connection, &DomainEvent) -> Result<()>,
    ) -> Result<usize> {
        self.write(|tx| {
            let rows: Vec<EventRow> = tx
                .prepare_cached(PENDING_EVENTS)?
                .query_map([limit as i64], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let at = now();
            for (id, ticket_id, kind, message_id, data, name, email, role) in &rows {
                let ticket = ticket_by_id(tx, *ticket_id)?;
                let event = DomainEvent {
                    id: *id,
                    kind: kind.clone(),
                    agents: agents_to_tell(tx, *ticket_id, &ticket.category)?,
                    ticket,
                    message: message_id.map(|m| message_by_id(tx, m)).transpose()?,
                    data: serde_json::from_str(data).unwrap_or_default(),
                    actor: Person {
                        name: name.clone(),
                        email: email.clone(),
                        role: parse_enum(role)?,
                    },
                };
                render(tx, &event)?;
                tx.prepare_cached(MARK_RENDERED)?.execute(params![at, id])?;
            }
            Ok(rows.len())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Priority;

    /// A fresh desk (kept while the `TempDir` lives), its owner, and a
    /// billing ticket to open.
    fn owner_desk() -> (tempfile::TempDir, Store, Actor, crate::api::NewTicket) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_path(&dir.path().join("desk.db")).unwrap();
        let account = store
            .create_account("o@example.com", "O", "a long passphrase")
            .unwrap();
        let owner = Actor::Customer(store.owner_principal(account).unwrap());
        let new = crate::api::NewTicket {
            category: "billing".into(),
            subject: "Refund".into(),
            message: "Please".into(),
            priority: Priority::Low,
            attachments: vec![],
        };
        (dir, store, owner, new)
    }

    #[test]
    fn only_events_rendered_before_the_retention_are_pruned() {
        let (_dir, store, owner, new) = owner_desk();
        store
            .open_ticket(
                &owner,
                &new,
                crate::api::Channel::Cli,
                None,
                Confirmation::Send,
            )
            .unwrap();
        const BATCH: i64 = 1000;
        let conn = store.conn().unwrap();
        // BATCH + 5 events of that ticket: BATCH + 2 rendered long ago, one
        // just now, two never rendered.
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
             INSERT INTO events (ticket_id, kind, actor_name, actor_email, actor_role, created_at)
             SELECT ticket_id, kind, actor_name, actor_email, actor_role, created_at
             FROM events, n WHERE events.id = 1",
            [BATCH + 4],
        )
        .unwrap();
        conn.execute(
            "UPDATE events SET rendered_at = NULL WHERE id > ?1",
            [BATCH + 3],
        )
        .unwrap();
        conn.execute(
            "UPDATE events SET rendered_at = '2000-01-01T00:00:00.000000Z' WHERE id <= ?1",
            [BATCH + 2],
        )
        .unwrap();
        conn.execute(
            "UPDATE events SET rendered_at = ?1 WHERE id = ?2",
            params![now(), BATCH + 3],
        )
        .unwrap();
        let before = super::super::fmt_time(chrono::Utc::now() - chrono::Duration::days(30));
        assert_eq!(
            prune_events_batch(&conn, &before, BATCH).unwrap(),
            BATCH as usize
        );
        assert_eq!(prune_events_batch(&conn, &before, BATCH).unwrap(), 2);
        assert_eq!(prune_events_batch(&conn, &before, BATCH).unwrap(), 0);
        let left: Vec<(i64, Option<String>)> = conn
            .prepare("SELECT id, rendered_at FROM events ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            left.iter().map(|l| l.0).collect::<Vec<_>>(),
            vec![BATCH + 3, BATCH + 4, BATCH + 5],
            "recently rendered and unrendered events stay"
        );
        assert!(left[0].1.is_some() && left[1].1.is_none() && left[2].1.is_none());
        // Unrendered events are still rendered afterwards.
        assert_eq!(store.render_events(50, |_, _| Ok(())).unwrap(), 2);
    }

    #[test]
    fn numbers_grow_a_digit_when_their_width_is_crowded() {
        use rand::SeedableRng;
        let mut rng = rand::rngs::StdRng::seed_from_u64(11);
        // A 1-digit "desk" with every number taken: the next has 2 digits.
        let mut taken: std::collections::HashSet<u32> = (1..=9).collect();
        let n = pick_number(&mut rng, 1, Some(9), |c| Ok(taken.contains(&c))).unwrap();
        assert!((10..=99).contains(&n), "{n}");
        // Filling on: numbers stay random and unique, and widen only once
        // the width is mostly taken (never before a quarter of it).
        let mut widened_at = None;
        for _ in 0..2000 {
            let widest = taken.iter().max().copied();
            let n = pick_number(&mut rng, 1, widest, |c| Ok(taken.contains(&c))).unwrap();
            assert!(taken.insert(n), "{n} given twice");
            if n >= 100 && widened_at.is_none() {
                widened_at = Some(taken.iter().filter(|&&t| (10..=99).contains(&t)).count());
            }
        }
        let two_digits = widened_at.expect("2000 numbers cannot fit in 2 digits");
        assert!(
            two_digits > 22,
            "widened when only {two_digits} of 90 were taken"
        );
        // The 6-digit start of a real desk, and a desk already at 7 digits.
        let n = pick_number(&mut rng, 6, None, |_| Ok(false)).unwrap();
        assert!((100_000..=999_999).contains(&n), "{n}");
        let n = pick_number(&mut rng, 6, Some(1_234_567), |_| Ok(false)).unwrap();
        assert!((1_000_000..=9_999_999).contains(&n), "{n}");
        // The widest u32 width keeps trying instead of overflowing.
        let mut calls = 0;
        let n = pick_number(&mut rng, 6, Some(u32::MAX), |_| {
            calls += 1;
            Ok(calls < 20)
        })
        .unwrap();
        assert!(n >= 1_000_000_000 && calls == 20, "{n} after {calls}");
    }

    #[test]
    fn a_desk_past_six_digits_opens_lists_and_finds_seven_digit_tickets() {
        let (_dir, store, owner, new) = owner_desk();
        let first = store
            .open_ticket(&owner, &new, Channel::Cli, None, Confirmation::Skip)
            .unwrap();
        // As if 6 digits were crowded: the schema takes a 7-digit number...
        store
            .write(|tx| {
                tx.execute(
                    "UPDATE tickets SET number = 1234567 WHERE number = ?1",
                    [first.ticket.ticket.number],
                )?;
                Ok(())
            })
            .unwrap();
        // ... and the next ticket gets 7 digits too.
        let next = store
            .open_ticket(&owner, &new, Channel::Cli, None, Confirmation::Skip)
            .unwrap();
        let n = next.ticket.ticket.number;
        assert!((1_000_000..=9_999_999).contains(&n) && n != 1234567, "{n}");
        assert_eq!(
            store.ticket_detail(&owner, 1234567).unwrap().ticket.number,
            1234567
        );
        let page = store
            .list_tickets(
                &owner,
                &TicketQuery {
                    limit: Some(1),
                    ..Default::default()
                },
            )
            .unwrap();
        let rest = store
            .list_tickets(
                &owner,
                &TicketQuery {
                    cursor: page.next_cursor.clone(),
                    ..Default::default()
                },
            )
            .unwrap();
        let numbers: Vec<u32> = page
            .items
            .iter()
            .chain(&rest.items)
            .map(|t| t.number)
            .collect();
        assert_eq!(numbers, vec![n, 1234567], "newest first, over two pages");
    }

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
            account: AccountRef {
                name: "n".into(),
                email: "e@x.y".into(),
            },
            assignee: None,
            waiting_since: None,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
        };
        let Cursor::After(at, number) =
            decode_cursor(&encode_cursor(t.created_at, t.number)).unwrap()
        else {
            panic!("a list cursor")
        };
        assert_eq!(number, 123456);
        assert_eq!(
            parse_time(&at).unwrap(),
            parse_time(&super::super::fmt_time(t.created_at)).unwrap()
        );
        assert!(matches!(
            decode_cursor(&encode_search_cursor(42)).unwrap(),
            Cursor::BelowId(42)
        ));
        assert!(decode_cursor(&hex::encode("#x")).is_err());
        assert!(decode_cursor("zz").is_err());
        assert!(decode_cursor(&hex::encode("nope")).is_err());
    }
}
