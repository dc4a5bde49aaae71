//! What a client needs before anything else: who it is, the limits, the
//! categories, and the API description itself.

use std::sync::Arc;

use axum::extract::State;
use axum::{Extension, Json};
use utoipa::openapi::OpenApi as OpenApiDoc;

use crate::api::{Category, Limits, Me};

use super::{AppState, Auth, Unauthorized};
use crate::desk::error::Result;

/// Who the presented credentials act as, and what they may do.
#[utoipa::path(
    get,
    path = "/v1/me",
    operation_id = "get_me",
    tag = "meta",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Me),
        Unauthorized,
    )
)]
pub async fn me(State(state): State<AppState>, Auth(actor): Auth) -> Result<Json<Me>> {
    let mut me = actor.to_me();
    me.language = Some(state.run(move |store| store.actor_language(&actor)).await?);
    Ok(Json(me))
}

/// The desk's limits, so clients can refuse bad input before sending it.
#[utoipa::path(get, path = "/v1/limits", operation_id = "get_limits", tag = "meta", responses((status = 200, body = Limits)))]
pub async fn limits(State(state): State<AppState>) -> Json<Limits> {
    Json(state.store.config().limits.to_api())
}

/// The categories tickets are opened in, in display order.
#[utoipa::path(get, path = "/v1/categories", operation_id = "list_categories", tag = "meta", responses((status = 200, body = Vec<Category>)))]
pub async fn categories(State(state): State<AppState>) -> Result<Json<Vec<Category>>> {
    Ok(Json(state.run(move |store| store.categories()).await?))
}

/// This document (OpenAPI 3.1), generated from the routes themselves.
#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    operation_id = "get_openapi",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json"))
)]
pub async fn openapi_json(Extension(doc): Extension<Arc<OpenApiDoc>>) -> Json<OpenApiDoc> {
    Json(doc.as_ref().clone())
}
