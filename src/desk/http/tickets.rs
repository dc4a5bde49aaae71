//! Tickets: open (idempotent with a key), list (a customer's tickets or an
//! agent's queue), view, reply (an agent's is a staff answer), notes,
//! assignment, moves, close, reopen. What each credential may do is decided
//! by the store; these handlers only map HTTP onto it. After each change
//! the event log is rendered to the outbox ([`render_mail`]).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::api::{
    Assignment, Channel, CloseRequest, Message, NewMessage, NewNote, NewTicket, Page, Problem,
    StatusFilter, Ticket, TicketChange, TicketDetail, IDEMPOTENCY_KEY_HEADER,
};
use crate::desk::error::{Error, Result};
use crate::desk::mail::notify;
use crate::desk::store::{Confirmation, Store, TicketQuery};

use super::{
    created, ApiJson, ApiPath, ApiQuery, AppState, Auth, NoSuchTicket, OptionalJson,
    OutsideCategories, StaffOnly, Unauthorized,
};

/// Renders the events a change just logged into the outbox. The change is
/// committed already; if this fails, `serve`'s outbox worker catches up.
fn render_mail(store: &Store) {
    if let Err(e) = notify::render_pending(store) {
        tracing::warn!(error = %e, "mail for a change is left for the outbox worker");
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `active` (everything but closed; customers' default), `waiting`
    /// (open and customer-reply; agents' default), `all`, or one status.
    pub status: Option<StatusFilter>,
    /// Only this category (slug).
    pub category: Option<String>,
    /// Agents only: `@me`, `none`, or an agent's e-mail.
    pub assignee: Option<String>,
    /// Agents only: the account owner's e-mail.
    pub account: Option<String>,
    /// Words that must all appear in the subject or a message (agents:
    /// notes too).
    pub search: Option<String>,
    /// Page size, 1 to 100 (default 30).
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Open a ticket. With an `Idempotency-Key` header, a repeated request
/// answers the original ticket (200) instead of opening a second one.
#[utoipa::path(
    post,
    path = "/v1/tickets",
    operation_id = "open_ticket",
    tag = "tickets",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "Any unique string (a UUID); the same key returns the same ticket")),
    request_body = NewTicket,
    responses(
        (status = 201, description = "Opened", body = TicketDetail),
        (status = 200, description = "Opened earlier with this Idempotency-Key", body = TicketDetail),
        Unauthorized, OutsideCategories,
        (status = 413, description = "Request body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a reused key with another body", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn open(
    State(state): State<AppState>,
    Auth(actor): Auth,
    headers: HeaderMap,
    ApiJson(new): ApiJson<NewTicket>,
) -> Result<Response> {
    let key = match headers.get(IDEMPOTENCY_KEY_HEADER) {
        Some(v) => Some(
            v.to_str()
                .map_err(|_| {
                    Error::invalid(IDEMPOTENCY_KEY_HEADER, "must be visible ASCII characters")
                })?
                .to_string(),
        ),
        None => None,
    };
    let opened = state
        .run(move |store| {
            let opened = match key {
                Some(key) => store.open_ticket_with_key(&actor, &new, &key),
                None => store.open_ticket(&actor, &new, Channel::Cli, None, Confirmation::Send),
            }?;
            render_mail(store);
            Ok(opened)
        })
        .await?;
    if opened.created {
        tracing::info!(number = opened.ticket.ticket.number, "ticket opened");
        Ok(created(opened.ticket))
    } else {
        Ok((StatusCode::OK, Json(opened.ticket)).into_response())
    }
}

/// List tickets one page at a time. Customers: their account's, newest
/// first. Agents: every account's in their categories; `waiting`, `open`
/// and `customer-reply` longest-waiting first, other statuses newest first.
#[utoipa::path(
    get,
    path = "/v1/tickets",
    operation_id = "list_tickets",
    tag = "tickets",
    security(("bearer" = [])),
    params(ListQuery),
    responses(
        (status = 200, body = Page<Ticket>),
        (status = 400, description = "Bad query or cursor", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        (status = 403, description = "Category outside these credentials, or `assignee`/`account` from a customer", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown category, bad limit, an `assignee` or `account` that is no address, a `search` too long", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiQuery(query): ApiQuery<ListQuery>,
) -> Result<Json<Page<Ticket>>> {
    let page = state
        .run(move |store| {
            store.list_tickets(
                &actor,
                &TicketQuery {
                    status: query.status,
                    category: query.category,
                    assignee: query.assignee,
                    account: query.account,
                    search: query.search,
                    limit: query.limit,
                    cursor: query.cursor,
                },
            )
        })
        .await?;
    Ok(Json(page))
}

/// A ticket with its whole conversation, oldest message first.
#[utoipa::path(
    get,
    path = "/v1/tickets/{number}",
    operation_id = "view_ticket",
    tag = "tickets",
    security(("bearer" = [])),
    params(("number" = u32, Path, description = "Six-digit ticket number")),
    responses(
        (status = 200, body = TicketDetail),
        Unauthorized, OutsideCategories, NoSuchTicket,
    )
)]
pub async fn view(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(number): ApiPath<u32>,
) -> Result<Json<TicketDetail>> {
    let mut detail = state
        .run(move |store| store.ticket_detail(&actor, number))
        .await?;
    crate::desk::store::event_lines::annotate(&mut detail.messages);
    Ok(Json(detail))
}

/// Reply to a ticket. A customer's reply makes it `customer-reply`; an
/// agent's is a staff answer: status `answered`, mailed to the requester.
#[utoipa::path(
    post,
    path = "/v1/tickets/{number}/messages",
    operation_id = "reply_to_ticket",
    tag = "tickets",
    security(("bearer" = [])),
    params(("number" = u32, Path, description = "Six-digit ticket number")),
    request_body = NewMessage,
    responses(
        (status = 201, body = Message),
        Unauthorized, OutsideCategories, NoSuchTicket,
        (status = 409, description = "The ticket is closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn reply(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(number): ApiPath<u32>,
    ApiJson(new): ApiJson<NewMessage>,
) -> Result<Response> {
    let message = state
        .run(move |store| {
            let message = store.add_message(&actor, number, &new, Channel::Cli, None)?;
            render_mail(store);
            Ok(message)
        })
        .await?;
    Ok(created(message))
}

/// Write an internal note (agents): never shown or mailed to customers,
/// never changes the status.
#[utoipa::path(
    post,
    path = "/v1/tickets/{number}/notes",
    operation_id = "note_ticket",
    tag = "tickets",
    security(("bearer" = [])),
    params(("number" = u32, Path, description = "Six-digit ticket number")),
    request_body = NewNote,
    responses(
        (status = 201, body = Message),
        Unauthorized, StaffOnly, NoSuchTicket,
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn note(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(number): ApiPath<u32>,
    ApiJson(new): ApiJson<NewNote>,
) -> Result<Response> {
    let message = state
        .run(move |store| {
            let message = store.add_note(&actor, number, &new, Channel::Cli, None)?;
            render_mail(store);
            Ok(message)
        })
        .await?;
    Ok(created(message))
}

/// Assign a ticket to an agent (`@me`, an e-mail) or to nobody (null).
#[utoipa::path(
    put,
    path = "/v1/tickets/{number}/assignee",
    operation_id = "assign_ticket",
    tag = "tickets",
    security(("bearer" = [])),
    params(("number" = u32, Path, description = "Six-digit ticket number")),
    request_body = Assignment,
    responses(
        (status = 200, body = Ticket),
        Unauthorized, StaffOnly, NoSuchTicket,
        (status = 422, description = "Unknown agent, or one not working the ticket's category (field `assignee`)", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn assign(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(number): ApiPath<u32>,
    ApiJson(change): ApiJson<Assignment>,
) -> Result<Json<Ticket>> {
    Ok(Json(
        state
            .run(move |store| {
                let ticket = store.assign(&actor, number, &change)?;
                render_mail(store);
                Ok(ticket)
            })
            .await?,
    ))
}

/// Move a ticket to another category and/or change its priority (agents);
/// the change is recorded in the conversation.
#[utoipa::path(
    patch,
    path = "/v1/tickets/{number}",
    operation_id = "change_ticket",
    tag = "tickets",
    security(("bearer" = [])),
    params(("number" = u32, Path, description = "Six-digit ticket number")),
    request_body = TicketChange,
    responses(
        (status = 200, body = Ticket),
        Unauthorized,
        (status = 403, description = "Customer credentials, or a category the agent does not work", body = Problem, content_type = "application/problem+json"),
        NoSuchTicket,
        (status = 422, description = "Unknown category or priority", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn change(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(number): ApiPath<u32>,
    ApiJson(change): ApiJson<TicketChange>,
) -> Result<Json<Ticket>> {
    Ok(Json(
        state
            .run(move |store| {
                let ticket = store.change_ticket(&actor, number, &change)?;
                render_mail(store);
                Ok(ticket)
            })
            .await?,
    ))
}

/// Close a ticket (closing a closed ticket changes nothing). An agent may
/// give a last answer; the requester is mailed how to reopen it.
#[utoipa::path(
    post,
    path = "/v1/tickets/{number}/close",
    operation_id = "close_ticket",
    tag = "tickets",
    security(("bearer" = [])),
    params(("number" = u32, Path, description = "Six-digit ticket number")),
    request_body(content = Option<CloseRequest>, description = "Optional; `message` only from agents"),
    responses(
        (status = 200, body = Ticket),
        Unauthorized,
        (status = 403, description = "Category outside these credentials, or a last answer from a customer", body = Problem, content_type = "application/problem+json"),
        NoSuchTicket,
        (status = 422, description = "Invalid message", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn close(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(number): ApiPath<u32>,
    OptionalJson(request): OptionalJson<CloseRequest>,
) -> Result<Json<Ticket>> {
    Ok(Json(
        state
            .run(move |store| {
                let ticket = store.close_ticket(&actor, number, &request)?;
                render_mail(store);
                Ok(ticket)
            })
            .await?,
    ))
}

/// Reopen a closed ticket (status `open`); customers and agents.
#[utoipa::path(
    post,
    path = "/v1/tickets/{number}/reopen",
    operation_id = "reopen_ticket",
    tag = "tickets",
    security(("bearer" = [])),
    params(("number" = u32, Path, description = "Six-digit ticket number")),
    responses(
        (status = 200, body = Ticket),
        Unauthorized, OutsideCategories, NoSuchTicket,
    )
)]
pub async fn reopen(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(number): ApiPath<u32>,
) -> Result<Json<Ticket>> {
    Ok(Json(
        state
            .run(move |store| {
                let ticket = store.reopen_ticket(&actor, number)?;
                render_mail(store);
                Ok(ticket)
            })
            .await?,
    ))
}
