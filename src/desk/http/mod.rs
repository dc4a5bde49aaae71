//! The desk's HTTP API: one module per resource, each mapping routes onto
//! store calls. The router and the OpenAPI document are built from the same
//! `routes!` list ([`route_list`]), so the document cannot drift from what
//! is served.

mod attachments;
pub mod conn;
mod contacts;
mod contract;
mod meta;
mod sessions;
mod tickets;
mod tokens;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use serde::de::DeserializeOwned;
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::{IntoResponses, Modify, OpenApi};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};
use utoipa_axum::routes;

use crate::api::Problem;
use crate::desk::i18n;

use super::auth::{Actor, RateLimiter};
use super::error::{Error, Result};
use super::store::Store;

/// Failed logins allowed in the window: per account from one address
/// (someone's typos), per account from anywhere (guessing from many
/// addresses), and per address over all accounts (spraying). The address
/// alone is much looser, so one person's typos never lock out the others
/// behind the same address (an office behind one NAT).
pub const LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS: usize = 5;
pub const LOGIN_MAX_FAILURES_PER_ACCOUNT: usize = 20;
pub const LOGIN_MAX_FAILURES_PER_ADDRESS: usize = 100;
pub const LOGIN_WINDOW: Duration = Duration::from_secs(15 * 60);

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub limiter: Arc<RateLimiter>,
    /// Password checks running at once (argon2 takes 19 MiB each): at
    /// most one per core, the rest wait their turn.
    pub hashing: Arc<tokio::sync::Semaphore>,
    /// Whether a proxy on this machine names the client in `X-Forwarded-For`.
    pub trust_forwarded_for: bool,
}

impl AppState {
    pub fn new(store: Store, trust_forwarded_for: bool) -> AppState {
        AppState {
            store,
            limiter: Arc::new(RateLimiter::new(LOGIN_WINDOW)),
            hashing: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(1, |n| n.get()),
            )),
            trust_forwarded_for,
        }
    }

    /// The client's address, for the login limiter. Behind a reverse proxy
    /// every request comes from the proxy, so with `trust_forwarded_for` a
    /// request from loopback is taken to be from the last address the proxy
    /// added to `X-Forwarded-For`; anyone else's header is ignored, so it
    /// cannot be forged to dodge the limit.
    pub fn client_ip(&self, peer: SocketAddr, headers: &axum::http::HeaderMap) -> IpAddr {
        if self.trust_forwarded_for && peer.ip().is_loopback() {
            let forwarded = headers
                .get_all("x-forwarded-for")
                .iter()
                .next_back()
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .and_then(|ip| ip.trim().parse().ok());
            if let Some(ip) = forwarded {
                return ip;
            }
        }
        peer.ip()
    }

    /// Runs store work off the async threads.
    pub(crate) async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || f(&store))
            .await
            .map_err(|e| Error::Internal(format!("store task failed: {e}")))?
    }
}

/// A problem-details refusal shared by several routes, documented once:
/// handlers list it by name in `responses(...)`. Never built, only described.
macro_rules! problem_response {
    ($name:ident, $status:tt, $description:tt) => {
        #[derive(IntoResponses)]
        #[response(status = $status, description = $description, content_type = "application/problem+json")]
        #[allow(dead_code)]
        pub(crate) struct $name(Problem);
    };
}

problem_response!(Unauthorized, 401, "Missing or rejected token");
problem_response!(OutsideCategories, 403, "Category outside these credentials");
problem_response!(
    NoSuchTicket,
    404,
    "No such ticket in this account (or, for an agent, in the agent's categories)"
);
problem_response!(StaffOnly, 403, "Only support agents may do this");
problem_response!(
    ContactsOwnerOnly,
    403,
    "Only the owner's full credentials manage contacts"
);
problem_response!(NoSuchContact, 404, "No such contact");
problem_response!(
    TokensOwnerOnly,
    403,
    "Only the owner's full credentials manage tokens"
);

#[derive(OpenApi)]
#[openapi(
    info(
        title = "ecolo desk API",
        description = "Support tickets of a hosting company: categories, tickets, attachments, \
                       contacts and tokens. Errors are RFC 9457 problem details."
    ),
    modifiers(&BearerAuth),
    components(schemas(crate::api::StatusFilter)),
    tags(
        (name = "sessions", description = "Log in and out"),
        (name = "meta", description = "Who am I, limits, categories, this document"),
        (name = "tickets", description = "Tickets and their conversations"),
        (name = "attachments", description = "Files uploaded for tickets and replies"),
        (name = "contacts", description = "People authorized to open tickets"),
        (name = "tokens", description = "Personal access tokens")
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Every route, each with its documentation. The router registers these
/// and nothing else (see [`api_router`]); [`served_paths`] reads the same
/// list, so a test can compare what is served with what is documented.
fn route_list() -> Vec<UtoipaMethodRouter<AppState>> {
    vec![
        routes!(sessions::login),
        routes!(sessions::logout),
        routes!(meta::me),
        routes!(meta::limits),
        routes!(meta::categories),
        routes!(meta::openapi_json),
        routes!(attachments::upload),
        routes!(attachments::download),
        routes!(tickets::open, tickets::list),
        routes!(tickets::view, tickets::change),
        routes!(tickets::reply),
        routes!(tickets::note),
        routes!(tickets::assign),
        routes!(tickets::close),
        routes!(tickets::reopen),
        routes!(contacts::list, contacts::add),
        routes!(contacts::change, contacts::remove),
        routes!(tokens::list, tokens::create),
        routes!(tokens::revoke),
    ]
}

/// The router of [`route_list`]. Routes are added only here, never with
/// axum's own route methods, so none is served without being in the list.
fn api_router() -> OpenApiRouter<AppState> {
    route_list().into_iter().fold(
        OpenApiRouter::with_openapi(ApiDoc::openapi()),
        |router, route| router.routes(route),
    )
}

/// The paths the router serves: for each entry of [`route_list`], the
/// paths `OpenApiRouter::routes` registers it on. Which methods each path
/// takes is up to the router; a test asks the running desk.
pub fn served_paths() -> Vec<String> {
    route_list()
        .into_iter()
        .flat_map(|(_, paths, _)| paths.paths.into_keys())
        .collect()
}

/// The OpenAPI 3.1 document of the API.
pub fn openapi() -> OpenApiDoc {
    contract::exact(api_router().split_for_parts().1)
}

/// The whole application: routes, limits, tracing.
pub fn app(state: AppState) -> Router {
    let json_limit = state.store.config().limits.max_json_body_bytes();
    let (router, doc) = api_router().split_for_parts();
    let doc = contract::exact(doc);
    router
        .fallback(|| async { Error::NotFound(i18n::tr("problem-no-route", &[]).into()) })
        .method_not_allowed_fallback(|| async {
            Error::MethodNotAllowed(i18n::tr("problem-wrong-method", &[]).into())
        })
        .layer(Extension(Arc::new(doc)))
        // JSON bodies are refused past the limit before being read whole;
        // uploads stream and enforce their own limit.
        .layer(axum::extract::DefaultBodyLimit::max(json_limit))
        .layer(axum::middleware::map_response(
            super::error::problems_everywhere,
        ))
        // Outside the body limit and the routes: every refusal, the
        // fallbacks' too, is built knowing the request's language.
        .layer(axum::middleware::from_fn(i18n::language))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves on `listener` until `shutdown` resolves; requests in flight
/// finish. `limits` bound what each connection may hold (see `conn`).
pub async fn serve(
    state: AppState,
    listener: TcpListener,
    limits: conn::ConnLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    conn::serve(app(state), listener, limits, shutdown).await
}

/// Resolves on Ctrl-C or SIGTERM. The handlers are installed when this is
/// called, not when the future is first polled, so a signal sent right after
/// the desk says it is listening is never met by the default action (which
/// would kill the process mid-request).
pub fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()> + Send> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut terminate = signal(SignalKind::terminate())?;
        Ok(async move {
            tokio::select! {
                _ = interrupt.recv() => {},
                _ = terminate.recv() => {},
            }
            tracing::info!("shutting down: finishing requests in flight");
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("shutting down: finishing requests in flight");
        })
    }
}

/// The credentials of the request (`Authorization: Bearer ecolo_...`).
pub struct Auth(pub Actor);

impl FromRequestParts<AppState> for Auth {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self> {
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or_else(|| Error::Unauthorized(i18n::tr("problem-no-credentials", &[]).into()))?
            .to_str()
            .map_err(|_| Error::Unauthorized(i18n::tr("problem-auth-not-text", &[]).into()))?;
        // The scheme is case-insensitive (RFC 9110).
        let token = value
            .split_once(' ')
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .ok_or_else(|| Error::Unauthorized(i18n::tr("problem-auth-not-bearer", &[]).into()))?
            .1
            .trim()
            .to_string();
        let principal = state.run(move |store| store.authenticate(&token)).await?;
        Ok(Auth(principal))
    }
}

/// A JSON body whose refusals are problem details: 413 past the limit,
/// 400 when it is not JSON, 422 naming the field when a value is wrong.
pub struct ApiJson<T>(pub T);

/// The length a request declares, if it declares one.
pub(crate) fn content_length(headers: &axum::http::HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = Error;

    async fn from_request(req: Request, state: &AppState) -> Result<Self> {
        let too_large = || Error::TooLarge(i18n::tr("problem-too-large", &[]).into());
        // A declared length over the limit is refused before any of the
        // body is read; an undeclared one stops at the limit (DefaultBodyLimit).
        let limit = state.store.config().limits.max_json_body_bytes() as u64;
        if content_length(req.headers()).is_some_and(|len| len > limit) {
            return Err(too_large());
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                Error::BadRequest(rejection.body_text().into())
            }
        })?;
        // Every body is an object: serde would also fill a struct from an
        // array of its fields in order (`[null, null]`), which the schema
        // does not allow and no client means.
        if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
            return Err(Error::invalid(
                "body",
                "must be a JSON object ({...}), not an array",
            ));
        }
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        let value = serde_path_to_error::deserialize(&mut de).map_err(|e| json_error(e, &bytes))?;
        de.end()
            .map_err(|e| Error::BadRequest(format!("malformed JSON body: {e}").into()))?;
        Ok(ApiJson(value))
    }
}

/// Like [`ApiJson`], but an empty body is `T::default()`: for routes whose
/// body is optional (`POST /v1/tickets/{number}/close`).
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default> FromRequest<AppState> for OptionalJson<T> {
    type Rejection = Error;

    async fn from_request(req: Request, state: &AppState) -> Result<Self> {
        let empty = content_length(req.headers()) == Some(0)
            || (req.headers().get(header::CONTENT_TYPE).is_none()
                && req.headers().get(header::TRANSFER_ENCODING).is_none()
                && content_length(req.headers()).is_none());
        if empty {
            return Ok(OptionalJson(T::default()));
        }
        // `null` counts as no body too.
        ApiJson::<Option<T>>::from_request(req, state)
            .await
            .map(|j| OptionalJson(j.0.unwrap_or_default()))
    }
}

fn json_error(e: serde_path_to_error::Error<serde_json::Error>, body: &[u8]) -> Error {
    let path = e.path().to_string();
    let inner = e.into_inner();
    // serde_json reports some wrong types (`null` for an enum) as syntax
    // errors; only a body that is not JSON at all is malformed.
    let malformed = serde_json::from_slice::<serde::de::IgnoredAny>(body).is_err();
    if malformed {
        return Error::BadRequest(format!("malformed JSON body: {inner}").into());
    }
    let message = if inner.is_syntax() || inner.is_eof() {
        "has a value of the wrong type".to_string()
    } else {
        let message = inner.to_string();
        message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string()
    };
    let field = if path == "." {
        message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .unwrap_or("body")
            .to_string()
    } else {
        path.split(['.', '[']).next().unwrap_or("body").to_string()
    };
    Error::invalid(&field, message)
}

/// A query string whose refusals are problem details (400).
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|e| Error::BadRequest(e.body_text().into()))
    }
}

/// Path parameters whose refusals are problem details (400).
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|e| Error::BadRequest(e.body_text().into()))
    }
}

/// `201 Created` with a JSON body.
pub(crate) fn created<T: serde::Serialize>(value: T) -> Response {
    (StatusCode::CREATED, axum::Json(value)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::NewTicket;

    fn parse(json: &str) -> Result<NewTicket> {
        let mut de = serde_json::Deserializer::from_slice(json.as_bytes());
        serde_path_to_error::deserialize(&mut de).map_err(|e| json_error(e, json.as_bytes()))
    }

    fn field_of(result: Result<NewTicket>) -> String {
        match result {
            Err(Error::Invalid(errors)) => {
                let [crate::desk::error::Field { field, .. }] = errors.as_slice() else {
                    panic!("one error expected: {errors:?}")
                };
                field.clone()
            }
            other => panic!("expected 422, got {other:?}"),
        }
    }

    #[test]
    fn json_errors_name_the_field() {
        let ok = r#"{"category":"other","subject":"s","message":"m"}"#;
        assert!(parse(ok).is_ok());
        assert_eq!(
            field_of(parse(r#"{"category":"other","message":"m"}"#)),
            "subject"
        );
        assert_eq!(
            field_of(parse(
                r#"{"category":"other","subject":"s","message":"m","priority":"urgent"}"#
            )),
            "priority"
        );
        assert_eq!(
            field_of(parse(
                r#"{"category":"other","subject":"s","message":"m","attachments":[1]}"#
            )),
            "attachments"
        );
        assert_eq!(field_of(parse("[]")), "body");
        assert_eq!(
            field_of(parse(
                r#"{"category":"other","subject":"s","message":"m","priority":null}"#
            )),
            "priority"
        );
        assert!(matches!(parse("{nope"), Err(Error::BadRequest(_))));
    }
}
