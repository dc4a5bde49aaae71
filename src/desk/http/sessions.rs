//! Logging in (a password for a session token) and out.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use crate::api::{LoginRequest, Problem, Session};

use super::{created, ApiJson, AppState, Auth, Unauthorized};
use crate::desk::error::{Error, Result};

/// Log in with an account owner's or a support agent's e-mail and
/// password; answers a session token. A disabled account: 401 saying so.
#[utoipa::path(
    post,
    path = "/v1/sessions",
    operation_id = "login",
    tag = "sessions",
    request_body = LoginRequest,
    responses(
        (status = 201, description = "Logged in; the token is shown once", body = Session),
        (status = 401, description = "Wrong e-mail or password", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<Response> {
    let client = state.client_ip(peer, &headers);
    let email = request.email.trim().to_lowercase();
    let account = format!("email:{email}");
    let pair = format!("addr+email:{client} {email}");
    let address = format!("addr:{client}");
    state.limiter.attempt(&[
        (
            pair.clone(),
            super::LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
        ),
        (account.clone(), super::LOGIN_MAX_FAILURES_PER_ACCOUNT),
        (address.clone(), super::LOGIN_MAX_FAILURES_PER_ADDRESS),
    ])?;
    // Queued, so memory stays bounded however many log in at once.
    let _permit = state
        .hashing
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| Error::Internal(format!("password check queue closed: {e}")))?;
    let session = state
        .run(move |store| {
            let Some(login) = store.verify_login(&email, &request.password)? else {
                return Ok(None);
            };
            let token = store.create_session(login)?;
            let actor = store.login_actor(login)?;
            let mut me = actor.to_me();
            me.language = Some(store.actor_language(&actor)?);
            Ok(Some(Session { token, me }))
        })
        .await?;
    match session {
        Some(session) => {
            state.limiter.succeeded(&[&pair, &account], &[&address]);
            tracing::info!(account = %session.me.account_email, "logged in");
            Ok(created(session))
        }
        None => {
            tracing::warn!(%client, "failed login");
            Err(Error::Unauthorized(
                "wrong e-mail or password: check both and try again".into(),
            ))
        }
    }
}

/// Log out: revokes the token this request presents.
#[utoipa::path(
    delete,
    path = "/v1/sessions/current",
    operation_id = "logout",
    tag = "sessions",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "The token is revoked"),
        Unauthorized,
    )
)]
pub async fn logout(State(state): State<AppState>, Auth(actor): Auth) -> Result<StatusCode> {
    if let Some(id) = actor.token_id() {
        state.run(move |store| store.revoke_token_id(id)).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}
