//! Personal access tokens, for scripts and CI, optionally bound to a
//! contact and limited to categories.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

use crate::api::{CreatedToken, NewToken, Problem, TokenInfo};
use crate::desk::error::Result;

use super::{created, ApiJson, ApiPath, AppState, Auth, TokensOwnerOnly, Unauthorized};

/// The account's personal tokens; never their secrets.
#[utoipa::path(
    get,
    path = "/v1/tokens",
    operation_id = "list_tokens",
    tag = "tokens",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<TokenInfo>),
        Unauthorized, TokensOwnerOnly,
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Auth(actor): Auth,
) -> Result<Json<Vec<TokenInfo>>> {
    Ok(Json(
        state.run(move |store| store.list_tokens(&actor)).await?,
    ))
}

/// Create a personal token; the answer is the only time its secret is shown.
#[utoipa::path(
    post,
    path = "/v1/tokens",
    operation_id = "create_token",
    tag = "tokens",
    security(("bearer" = [])),
    request_body = NewToken,
    responses(
        (status = 201, body = CreatedToken),
        Unauthorized, TokensOwnerOnly,
        (status = 409, description = "A token with this name exists", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid name, contact, categories or expiry", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiJson(new): ApiJson<NewToken>,
) -> Result<Response> {
    let token = state
        .run(move |store| store.create_token(&actor, &new))
        .await?;
    tracing::info!(name = %token.info.name, "token created");
    Ok(created(token))
}

/// Revoke a personal token by name, at once.
#[utoipa::path(
    delete,
    path = "/v1/tokens/{name}",
    operation_id = "revoke_token",
    tag = "tokens",
    security(("bearer" = [])),
    params(("name" = String, Path, description = "The token's name")),
    responses(
        (status = 204, description = "Revoked"),
        Unauthorized, TokensOwnerOnly,
        (status = 404, description = "No such token", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn revoke(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(name): ApiPath<String>,
) -> Result<StatusCode> {
    state
        .run(move |store| store.revoke_token(&actor, &name))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
