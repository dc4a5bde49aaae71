//! Contacts: people the owner authorizes to open tickets in some categories.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use crate::api::{Contact, ContactChange, NewContact, Problem};
use crate::desk::error::Result;

use super::{
    created, ApiJson, ApiPath, AppState, Auth, ContactsOwnerOnly, NoSuchContact, Unauthorized,
};

/// The account's contacts (owner-full credentials only).
#[utoipa::path(
    get,
    path = "/v1/contacts",
    operation_id = "list_contacts",
    tag = "contacts",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<Contact>),
        Unauthorized, ContactsOwnerOnly,
    )
)]
pub async fn list(State(state): State<AppState>, Auth(actor): Auth) -> Result<Json<Vec<Contact>>> {
    Ok(Json(
        state.run(move |store| store.list_contacts(&actor)).await?,
    ))
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
        Unauthorized, ContactsOwnerOnly,
        (status = 409, description = "Already a contact", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid e-mail, name or categories", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn add(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiJson(new): ApiJson<NewContact>,
) -> Result<Response> {
    Ok(created(
        state
            .run(move |store| store.add_contact(&actor, &new))
            .await?,
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
        Unauthorized, ContactsOwnerOnly, NoSuchContact,
        (status = 422, description = "Invalid name or categories", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn change(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(email): ApiPath<String>,
    ApiJson(change): ApiJson<ContactChange>,
) -> Result<Json<Contact>> {
    Ok(Json(
        state
            .run(move |store| store.change_contact(&actor, &email, &change))
            .await?,
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
        Unauthorized, ContactsOwnerOnly, NoSuchContact,
    )
)]
pub async fn remove(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(email): ApiPath<String>,
) -> Result<StatusCode> {
    state
        .run(move |store| store.remove_contact(&actor, &email))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
