//! Contacts: people the owner authorizes to open tickets in some categories.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use crate::api::{Contact, ContactChange, NewContact, Problem};
use crate::desk::error::Result;

use super::{blocking, created, ApiJson, ApiPath, AppState, Auth};

/// The account's contacts (owner-full credentials only).
#[utoipa::path(
    get,
    path = "/v1/contacts",
    operation_id = "list_contacts",
    tag = "contacts",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<Contact>),
        (status = 401, description = "Missing or rejected token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the owner's full credentials manage contacts", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(State(state): State<AppState>, Auth(actor): Auth) -> Result<Json<Vec<Contact>>> {
    let store = state.store.clone();
    Ok(Json(blocking(move || store.list_contacts(&actor)).await?))
}

/// Authorize a contact for some categories.
#[utoipa::path(
    post,
    path = "/v1/contacts",
    operation_id = "add_contact",
    tag = "contacts",
    security(("bearer" = [])),
    request_body = NewContact,
    responses(
        (status = 201, body = Contact),
        (status = 401, description = "Missing or rejected token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the owner's full credentials manage contacts", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already a contact", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid e-mail, name or categories", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn add(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiJson(new): ApiJson<NewContact>,
) -> Result<Response> {
    let store = state.store.clone();
    Ok(created(
        blocking(move || store.add_contact(&actor, &new)).await?,
    ))
}

/// Rename a contact, grant or withdraw categories.
#[utoipa::path(
    patch,
    path = "/v1/contacts/{email}",
    operation_id = "change_contact",
    tag = "contacts",
    security(("bearer" = [])),
    params(("email" = String, Path, description = "The contact's e-mail")),
    request_body = ContactChange,
    responses(
        (status = 200, body = Contact),
        (status = 401, description = "Missing or rejected token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the owner's full credentials manage contacts", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid name or categories", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn change(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(email): ApiPath<String>,
    ApiJson(change): ApiJson<ContactChange>,
) -> Result<Json<Contact>> {
    let store = state.store.clone();
    Ok(Json(
        blocking(move || store.change_contact(&actor, &email, &change)).await?,
    ))
}

/// Remove a contact; its tokens stop working at once, its tickets stay.
#[utoipa::path(
    delete,
    path = "/v1/contacts/{email}",
    operation_id = "remove_contact",
    tag = "contacts",
    security(("bearer" = [])),
    params(("email" = String, Path, description = "The contact's e-mail")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Missing or rejected token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Only the owner's full credentials manage contacts", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn remove(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(email): ApiPath<String>,
) -> Result<StatusCode> {
    let store = state.store.clone();
    blocking(move || store.remove_contact(&actor, &email)).await?;
    Ok(StatusCode::NO_CONTENT)
}
