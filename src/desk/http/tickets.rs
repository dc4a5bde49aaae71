//! Tickets: open (idempotent with a key), list, view, reply, close, reopen.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::api::{
    Channel, Message, NewMessage, NewTicket, Page, Problem, StatusFilter, Ticket, TicketDetail,
    IDEMPOTENCY_KEY_HEADER,
};
use crate::desk::error::{Error, Result};
use crate::desk::store::Confirmation;

use super::{
    created, ApiJson, ApiPath, ApiQuery, AppState, Auth, NoSuchTicket, OutsideCategories,
    Unauthorized,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `active` (default: everything but closed), `all`, or one status.
    pub status: Option<StatusFilter>,
    /// Only this category (slug).
    pub category: Option<String>,
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
        .run(move |store| match key {
            Some(key) => store.open_ticket_with_key(&actor, &new, &key),
            None => store.open_ticket(&actor, &new, Channel::Cli, None, Confirmation::Send),
        })
        .await?;
    if opened.created {
        tracing::info!(number = opened.ticket.ticket.number, "ticket opened");
        Ok(created(opened.ticket))
    } else {
        Ok((StatusCode::OK, Json(opened.ticket)).into_response())
    }
}

/// List tickets, newest first, one page at a time.
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
        Unauthorized, OutsideCategories,
        (status = 422, description = "Unknown category or bad limit", body = Problem, content_type = "application/problem+json"),
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
                query.status.unwrap_or_default(),
                query.category.as_deref(),
                query.limit,
                query.cursor.as_deref(),
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
    Ok(Json(
        state
            .run(move |store| store.ticket_detail(&actor, number))
            .await?,
    ))
}

/// Reply to a ticket; its status becomes `customer-reply`.
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
        .run(move |store| store.add_message(&actor, number, &new, Channel::Cli, None))
        .await?;
    Ok(created(message))
}

/// Close a ticket (closing a closed ticket changes nothing).
#[utoipa::path(
    post,
    path = "/v1/tickets/{number}/close",
    operation_id = "close_ticket",
    tag = "tickets",
    security(("bearer" = [])),
    params(("number" = u32, Path, description = "Six-digit ticket number")),
    responses(
        (status = 200, body = Ticket),
        Unauthorized, OutsideCategories, NoSuchTicket,
    )
)]
pub async fn close(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(number): ApiPath<u32>,
) -> Result<Json<Ticket>> {
    Ok(Json(
        state
            .run(move |store| store.close_ticket(&actor, number))
            .await?,
    ))
}

/// Reopen a closed ticket (status `open`).
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
            .run(move |store| store.reopen_ticket(&actor, number))
            .await?,
    ))
}
