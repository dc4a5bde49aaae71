//! ApiClient: the one way the command line talks to the desk.
//!
//! It owns the things every request needs and no command should repeat: the
//! bearer token, timeouts, retries with backoff for requests that are safe to
//! repeat, turning problem documents into typed errors, and `--verbose`
//! request lines (never headers or bodies, so never a secret).

mod error;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use error::{ApiError, FieldFlags};

use crate::api::{self, Problem};
use crate::t;

/// How often and how patiently a request is repeated.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Total attempts, the first included.
    pub tries: u32,
    /// Delay before the second attempt; doubled for each further one.
    pub base_delay: Duration,
    /// A Retry-After longer than this is not waited for: the error is shown.
    pub max_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            tries: 3,
            base_delay: Duration::from_millis(200),
            max_wait: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// Delay after failed attempt number `attempt` (1-based): 200ms, 400ms, 800ms...
    pub fn backoff(&self, attempt: u32) -> Duration {
        self.base_delay * 2u32.saturating_pow(attempt.saturating_sub(1))
    }
}

/// Whether a request may be sent again after a failure that could have
/// happened after the desk acted on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// GET, DELETE, or a POST carrying an idempotency key.
    Safe,
    /// Only retried when the connection was never made.
    Unsafe,
}

/// Set once a request that may change something (anything but GET) has
/// been sent, so an interrupt can say honestly whether nothing was sent.
/// An atomic, because the SIGINT handler reads it.
pub static CHANGE_SENT: AtomicBool = AtomicBool::new(false);

const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

pub struct ApiClient {
    http: Client,
    base: String,
    token: Option<String>,
    verbose: bool,
    pub retry: RetryPolicy,
}

impl std::fmt::Debug for ApiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiClient")
            .field("base", &self.base)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Checks a desk URL and returns it without a trailing slash.
pub fn normalize_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let parsed = reqwest::Url::parse(url)
        .map_err(|e| t!("url-invalid", url = url, reason = e.to_string()))?;
    // Never echo such a URL: the secret in it would land in errors and logs.
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(t!("url-with-credentials"));
    }
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(t!("url-not-a-desk", url = url));
    }
    Ok(url.trim_end_matches('/').to_string())
}

const USER_AGENT: &str = concat!("ecolo/", env!("CARGO_PKG_VERSION"));

/// Headers of every request, blocking or async: the desk answers problems
/// in the person's language.
fn language_headers() -> reqwest::header::HeaderMap {
    reqwest::header::HeaderMap::from_iter([(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static(crate::i18n::current().code()),
    )])
}

impl ApiClient {
    /// `base` must come from [`normalize_url`].
    pub fn new(base: &str, token: Option<String>, verbose: bool) -> Result<ApiClient, ApiError> {
        let http = Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(None)
            .user_agent(USER_AGENT)
            .default_headers(language_headers())
            .build()
            .map_err(|e| ApiError::BadResponse {
                url: base.to_string(),
                reason: format!("cannot build the HTTP client: {e}"),
            })?;
        Ok(ApiClient {
            http,
            base: base.to_string(),
            token,
            verbose,
            retry: RetryPolicy::default(),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    pub fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let resp = self.send(Method::GET, path, Repeat::Safe, &|rb| {
            Ok(rb.timeout(REQUEST_TIMEOUT))
        })?;
        self.decode(resp)
    }

    pub fn get_query<T: DeserializeOwned, Q: Serialize + ?Sized>(
        &self,
        path: &str,
        query: &Q,
    ) -> Result<T, ApiError> {
        let resp = self.send(Method::GET, path, Repeat::Safe, &|rb| {
            Ok(rb.query(query).timeout(REQUEST_TIMEOUT))
        })?;
        self.decode(resp)
    }

    /// POST a JSON body. With an idempotency key the request is safe to
    /// repeat, so it is retried like a GET.
    pub fn post<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiError> {
        let repeat = if idempotency_key.is_some() {
            Repeat::Safe
        } else {
            Repeat::Unsafe
        };
        let resp = self.send(Method::POST, path, repeat, &|rb| {
            let mut rb = rb.json(body).timeout(REQUEST_TIMEOUT);
            if let Some(key) = idempotency_key {
                rb = rb.header(api::IDEMPOTENCY_KEY_HEADER, key);
            }
            Ok(rb)
        })?;
        self.decode(resp)
    }

    /// POST to an action the API defines as idempotent (close, reopen):
    /// repeating it changes nothing, so it is retried like a GET.
    pub fn post_idempotent<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let resp = self.send(Method::POST, path, Repeat::Safe, &|rb| {
            Ok(rb.json(&serde_json::json!({})).timeout(REQUEST_TIMEOUT))
        })?;
        self.decode(resp)
    }

    pub fn patch<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let resp = self.send(Method::PATCH, path, Repeat::Unsafe, &|rb| {
            Ok(rb.json(body).timeout(REQUEST_TIMEOUT))
        })?;
        self.decode(resp)
    }

    /// PUT a JSON body: setting a value is idempotent, so retried like a GET.
    pub fn put<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let resp = self.send(Method::PUT, path, Repeat::Safe, &|rb| {
            Ok(rb.json(body).timeout(REQUEST_TIMEOUT))
        })?;
        self.decode(resp)
    }

    /// DELETE; the answer body (204) is ignored.
    pub fn delete(&self, path: &str) -> Result<(), ApiError> {
        self.send(Method::DELETE, path, Repeat::Safe, &|rb| {
            Ok(rb.timeout(REQUEST_TIMEOUT))
        })?;
        Ok(())
    }

    /// Streams `file` to `POST /v1/attachments`, reading it through `wrap`
    /// (a progress bar on a terminal). The file is opened anew for each
    /// attempt, so a retry sends it whole again.
    ///
    /// This one request goes through reqwest's async client on a runtime of
    /// its own: the blocking client hands a body to its runtime thread in
    /// 8 KiB pieces (a gigabyte took 240k context switches and 10x the CPU
    /// of `curl -T`); here the file is read in 64 KiB chunks, into a few
    /// reused buffers, on the thread that sends them, with the length
    /// known up front.
    pub fn upload(
        &self,
        file: &Path,
        filename: &str,
        content_type: &str,
        wrap: &dyn Fn(std::fs::File) -> Box<dyn Read + Send>,
    ) -> Result<api::Attachment, ApiError> {
        let cannot = |source| ApiError::File {
            context: t!("file-cannot-read", path = file.display().to_string()),
            source,
        };
        let (runtime, http) = self.async_client()?;
        let url = format!("{}/v1/attachments", self.base);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let f = std::fs::File::open(file).map_err(cannot)?;
            let len = f.metadata().map_err(cannot)?.len();
            let mut rb = http
                .post(&url)
                .query(&[("filename", filename)])
                .header(reqwest::header::CONTENT_TYPE, content_type)
                .header(reqwest::header::CONTENT_LENGTH, len)
                .body(reqwest::Body::wrap_stream(chunks(wrap(f))));
            if let Some(token) = &self.token {
                rb = rb.bearer_auth(token);
            }
            self.log(format_args!("> POST {url}"));
            let started = Instant::now();
            CHANGE_SENT.store(true, Ordering::SeqCst);
            let outcome = runtime.block_on(async {
                let resp = rb.send().await?;
                let status = resp.status();
                let wait = retry_after(resp.headers());
                let text = resp.text().await?;
                Ok::<_, reqwest::Error>((status, wait, text))
            });
            match outcome {
                Ok((status, wait, text)) => {
                    self.log(format_args!(
                        "< {} ({} ms)",
                        status,
                        started.elapsed().as_millis()
                    ));
                    if !status.is_success() {
                        return Err(error_from_parts(status, wait, &text));
                    }
                    return serde_json::from_str(&text).map_err(|e| ApiError::BadResponse {
                        url: url.clone(),
                        reason: e.to_string(),
                    });
                }
                // Nothing reached the desk: safe to send again.
                Err(e) if e.is_connect() && attempt < self.retry.tries => {
                    let wait = self.retry.backoff(attempt);
                    self.wait_to_retry(Some(&root_cause(&e)), wait, attempt);
                }
                Err(e) => return Err(self.request_error(&e)),
            }
        }
    }

    /// A single-threaded runtime and an async client on it, for the
    /// requests whose bodies are big (see [`ApiClient::upload`]).
    fn async_client(&self) -> Result<(tokio::runtime::Runtime, reqwest::Client), ApiError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| ApiError::BadResponse {
                url: self.base.clone(),
                reason: format!("cannot start the transfer: {e}"),
            })?;
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .user_agent(USER_AGENT)
            .default_headers(language_headers())
            .build()
            .map_err(|e| ApiError::BadResponse {
                url: self.base.clone(),
                reason: format!("cannot build the HTTP client: {e}"),
            })?;
        Ok((runtime, http))
    }

    /// Streams attachment `id` into `out`; returns the bytes written.
    ///
    /// Like [`ApiClient::upload`], through the async client on a runtime of
    /// its own: the blocking client's reader hands the body over between
    /// two threads in 8 KiB pieces (70k context switches and 33k writes for
    /// 256 MiB, twice the CPU of `curl -o`); here each piece hyper read is
    /// written on the thread that read it, in writes of 64 KiB or more.
    /// Retried like any GET while nothing has been written.
    pub fn download(&self, id: &str, out: &mut dyn Write) -> Result<u64, ApiError> {
        let url = format!("{}/v1/attachments/{}", self.base, encode_segment(id));
        let (runtime, http) = self.async_client()?;
        let interrupted = |reason: String| ApiError::Unreachable {
            url: self.base.clone(),
            reason: t!("download-interrupted", reason = reason),
        };
        let mut attempt = 0;
        loop {
            attempt += 1;
            let last = attempt >= self.retry.tries;
            let mut rb = http.get(&url);
            if let Some(token) = &self.token {
                rb = rb.bearer_auth(token);
            }
            self.log(format_args!("> GET {url}"));
            let started = Instant::now();
            let mut resp = match runtime.block_on(rb.send()) {
                Ok(resp) => resp,
                Err(e) => {
                    let retryable = e.is_connect() || e.is_timeout() || e.is_request();
                    if retryable && !last {
                        let wait = self.retry.backoff(attempt);
                        self.wait_to_retry(Some(&root_cause(&e)), wait, attempt);
                        continue;
                    }
                    return Err(self.request_error(&e));
                }
            };
            let status = resp.status();
            self.log(format_args!(
                "< {} ({} ms)",
                status,
                started.elapsed().as_millis()
            ));
            if !status.is_success() {
                let wait = retry_after(resp.headers());
                if let Some(delay) = self.retry_delay(status, wait, attempt).filter(|_| !last) {
                    self.wait_to_retry(None, delay, attempt);
                    continue;
                }
                let text = runtime.block_on(resp.text()).unwrap_or_default();
                return Err(error_from_parts(status, wait, &text));
            }
            let mut sink = std::io::BufWriter::with_capacity(DOWNLOAD_WRITE, &mut *out);
            let mut written = 0u64;
            let copied = runtime.block_on(async {
                while let Some(piece) = resp.chunk().await.map_err(|e| root_cause(&e))? {
                    sink.write_all(&piece).map_err(|e| e.to_string())?;
                    written += piece.len() as u64;
                    // A small piece means the body trickles in: reading it
                    // the moment a few KiB arrive makes both sides wake for
                    // each (the desk spent 1.4x the CPU it spends on curl).
                    // A moment's wait lets the next read take what came
                    // meanwhile; a fast body (big pieces) never waits.
                    if piece.len() < DOWNLOAD_WRITE {
                        tokio::time::sleep(DOWNLOAD_PAUSE).await;
                    }
                }
                sink.flush().map_err(|e| e.to_string())
            });
            return copied.map(|()| written).map_err(interrupted);
        }
    }

    fn decode<T: DeserializeOwned>(&self, resp: Response) -> Result<T, ApiError> {
        let url = resp.url().to_string();
        let bytes = resp.bytes().map_err(|e| ApiError::Unreachable {
            url: self.base.clone(),
            reason: root_cause(&e),
        })?;
        serde_json::from_slice(&bytes).map_err(|e| ApiError::BadResponse {
            url,
            reason: e.to_string(),
        })
    }

    /// Sends one request with retries. `build` adds body, headers and
    /// timeout; it is called again for each attempt.
    pub fn send(
        &self,
        method: Method,
        path: &str,
        repeat: Repeat,
        build: &dyn Fn(RequestBuilder) -> Result<RequestBuilder, ApiError>,
    ) -> Result<Response, ApiError> {
        let url = format!("{}{}", self.base, path);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut rb = self.http.request(method.clone(), &url);
            if let Some(token) = &self.token {
                rb = rb.bearer_auth(token);
            }
            let rb = build(rb)?;
            self.log(format_args!("> {method} {url}"));
            let started = Instant::now();
            let last = attempt >= self.retry.tries;
            if method != Method::GET {
                CHANGE_SENT.store(true, Ordering::SeqCst);
            }
            match rb.send() {
                Ok(resp) => {
                    let status = resp.status();
                    self.log(format_args!(
                        "< {} ({} ms)",
                        status,
                        started.elapsed().as_millis()
                    ));
                    if status.is_success() {
                        return Ok(resp);
                    }
                    if repeat == Repeat::Safe && !last {
                        let asked = retry_after(resp.headers());
                        if let Some(wait) = self.retry_delay(status, asked, attempt) {
                            self.wait_to_retry(None, wait, attempt);
                            continue;
                        }
                    }
                    return Err(error_from(resp));
                }
                Err(e) => {
                    // A connect error means nothing reached the desk, so any
                    // request may be repeated; a timeout or a connection
                    // dropped mid-answer only a safe one.
                    let retryable = e.is_connect()
                        || (repeat == Repeat::Safe && (e.is_timeout() || e.is_request()));
                    if retryable && !last {
                        let wait = self.retry.backoff(attempt);
                        self.wait_to_retry(Some(&root_cause(&e)), wait, attempt);
                        continue;
                    }
                    return Err(self.request_error(&e));
                }
            }
        }
    }

    /// What a request that got no answer means for the user.
    fn request_error(&self, e: &reqwest::Error) -> ApiError {
        if let Some(file_err) = find_io_error(e) {
            if e.is_body() || e.is_request() && !e.is_connect() {
                // The body reader failed: a local file problem.
                if file_err.kind() != std::io::ErrorKind::BrokenPipe {
                    return ApiError::File {
                        context: t!("file-cannot-send"),
                        source: std::io::Error::new(file_err.kind(), file_err.to_string()),
                    };
                }
            }
        }
        ApiError::Unreachable {
            url: self.base.clone(),
            reason: if e.is_timeout() {
                t!("timed-out")
            } else {
                root_cause(e)
            },
        }
    }

    /// How long to wait before repeating a request the desk answered with
    /// `status` after attempt `attempt` (`Retry-After` seconds `asked`, at
    /// least the backoff), when it is worth repeating (429, 5xx) and the
    /// wait is within the retry policy's bound.
    fn retry_delay(
        &self,
        status: StatusCode,
        asked: Option<u64>,
        attempt: u32,
    ) -> Option<Duration> {
        let retryable = status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
        let wait = asked
            .map(Duration::from_secs)
            .unwrap_or_default()
            .max(self.retry.backoff(attempt));
        (retryable && wait <= self.retry.max_wait).then_some(wait)
    }

    /// Says (with `--verbose`) why and how long before attempt
    /// `attempt + 1`, then waits that long.
    fn wait_to_retry(&self, cause: Option<&str>, wait: Duration, attempt: u32) {
        let cause = cause.map(|c| format!("{c}; ")).unwrap_or_default();
        self.log(format_args!(
            "{cause}retrying in {} ms (attempt {} of {})",
            wait.as_millis(),
            attempt + 1,
            self.retry.tries
        ));
        std::thread::sleep(wait);
    }

    fn log(&self, line: std::fmt::Arguments<'_>) {
        if self.verbose {
            let _ = writeln!(std::io::stderr(), "{line}");
        }
    }
}

/// Smallest write of a download into its file (hyper's pieces are
/// whatever one socket read gave, often a few KiB).
const DOWNLOAD_WRITE: usize = 64 << 10;

/// How long a download waits after a small piece (see [`ApiClient::download`]).
const DOWNLOAD_PAUSE: Duration = Duration::from_millis(1);

/// Size of the pieces an upload is read and sent in: like curl's, small
/// enough that the few buffers in use stay in the CPU's cache between the
/// file's read and the socket's write (reused 1 MiB ones took 1.7x the CPU).
const UPLOAD_CHUNK: usize = 64 << 10;

/// Buffers an upload is read into. Each goes to hyper as [`bytes::Bytes`]
/// without a copy and comes back here once it has been written, so a big
/// file costs a few buffers in all, not a fresh one per chunk (a new
/// buffer is zeroed and page-faulted in: a third of the client's CPU).
#[derive(Clone, Default)]
struct BufferPool(std::sync::Arc<std::sync::Mutex<Vec<Vec<u8>>>>);

/// At most this many idle buffers are kept (hyper queues up to ~400 KiB).
const POOL_KEEP: usize = 8;

impl BufferPool {
    fn take(&self) -> Vec<u8> {
        let idle = self.0.lock().unwrap_or_else(|e| e.into_inner()).pop();
        idle.unwrap_or_else(|| vec![0u8; UPLOAD_CHUNK])
    }
}

/// A filled pool buffer (its first `len` bytes); back to the pool on drop.
struct Pooled {
    buf: Vec<u8>,
    len: usize,
    pool: BufferPool,
}

impl AsRef<[u8]> for Pooled {
    fn as_ref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        let mut idle = self.pool.0.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < POOL_KEEP {
            idle.push(std::mem::take(&mut self.buf));
        }
    }
}

/// `reader` as a stream of chunks of up to [`UPLOAD_CHUNK`] bytes; a read
/// error ends it (reqwest then fails the request with that error).
fn chunks(
    reader: Box<dyn Read + Send>,
) -> impl futures_util::Stream<Item = std::io::Result<bytes::Bytes>> + Send {
    let pool = BufferPool::default();
    futures_util::stream::unfold(Some(reader), move |state| {
        let pool = pool.clone();
        async move {
            let mut reader = state?;
            let mut buf = pool.take();
            let mut filled = 0;
            while filled < buf.len() {
                match reader.read(&mut buf[filled..]) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Some((Err(e), None)),
                }
            }
            if filled == 0 {
                return None;
            }
            let chunk = bytes::Bytes::from_owner(Pooled {
                buf,
                len: filled,
                pool,
            });
            Some((Ok(chunk), Some(reader)))
        }
    })
}

fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<u64> {
    headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Turns an error answer into the typed error for its status.
fn error_from(resp: Response) -> ApiError {
    let status = resp.status();
    let wait = retry_after(resp.headers());
    let text = resp.text().unwrap_or_default();
    error_from_parts(status, wait, &text)
}

fn error_from_parts(status: StatusCode, wait: Option<u64>, text: &str) -> ApiError {
    let problem = serde_json::from_str::<Problem>(text).unwrap_or_else(|_| {
        let text = text.trim();
        Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("error").to_lowercase(),
            status: status.as_u16(),
            detail: (!text.is_empty()).then(|| text.chars().take(300).collect()),
            errors: vec![],
        }
    });
    match status.as_u16() {
        401 => ApiError::Unauthorized(problem),
        403 => ApiError::Forbidden(problem),
        404 => ApiError::NotFound(problem),
        429 => ApiError::RateLimited {
            problem,
            retry_after: wait,
        },
        400..=499 => ApiError::Rejected(problem),
        503 => ApiError::Busy(problem),
        _ => ApiError::Server(problem),
    }
}

/// The innermost cause, e.g. "Connection refused (os error 111)", which says
/// more than reqwest's "error sending request".
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

fn find_io_error<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a std::io::Error> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        cur = err.source();
    }
    None
}

/// Percent-encodes one path segment (e-mail addresses, token names).
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles() {
        let r = RetryPolicy::default();
        assert_eq!(r.backoff(1), Duration::from_millis(200));
        assert_eq!(r.backoff(2), Duration::from_millis(400));
        assert_eq!(r.backoff(3), Duration::from_millis(800));
    }

    #[test]
    fn urls_are_checked() {
        assert_eq!(
            normalize_url("http://127.0.0.1:8765/").unwrap(),
            "http://127.0.0.1:8765"
        );
        assert!(normalize_url("ftp://x").is_err());
        assert!(normalize_url("desk.example.com").is_err());
        let err = normalize_url("https://me:hunter2@desk.example.com").unwrap_err();
        assert!(!err.contains("hunter2"), "{err}");
    }

    #[test]
    fn upload_chunks_keep_every_byte_and_reuse_their_buffers() {
        use futures_util::StreamExt;
        let data: Vec<u8> = (0..3 * UPLOAD_CHUNK + 1234)
            .map(|i| (i % 251) as u8)
            .collect();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut stream = Box::pin(chunks(Box::new(std::io::Cursor::new(data.clone()))));
        let (mut seen, mut lens, mut places) = (vec![], vec![], vec![]);
        while let Some(piece) = runtime.block_on(stream.next()) {
            let piece = piece.unwrap();
            seen.extend_from_slice(&piece);
            lens.push(piece.len());
            places.push(piece.as_ptr());
            // Written and dropped before the next is read: back in the pool.
            drop(piece);
        }
        assert_eq!(lens, [UPLOAD_CHUNK, UPLOAD_CHUNK, UPLOAD_CHUNK, 1234]);
        assert!(seen == data, "the bytes changed on the way");
        assert!(places.iter().all(|p| *p == places[0]), "{places:?}");
    }

    #[test]
    fn segments_are_encoded() {
        assert_eq!(encode_segment("a b/c@d.e"), "a%20b%2Fc@d.e");
    }

    /// A scripted HTTP/1.1 server standing in for a flaky desk: answers
    /// each connection with the next canned response and records what it got.
    struct Script {
        url: String,
        seen: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
        scripted: usize,
        done: std::sync::mpsc::Receiver<()>,
        handle: Option<std::thread::JoinHandle<()>>,
    }

    impl Script {
        fn new(responses: Vec<&'static str>) -> Script {
            use std::io::{BufRead, BufReader};
            let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let url = format!("http://{}", listener.local_addr().unwrap());
            let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
            let log = seen.clone();
            let scripted = responses.len();
            let (finished, done) = std::sync::mpsc::channel();
            let handle = std::thread::spawn(move || {
                for resp in responses {
                    let (mut stream, _) = listener.accept().unwrap();
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut head = String::new();
                    let mut len = 0usize;
                    loop {
                        let mut line = String::new();
                        reader.read_line(&mut line).unwrap();
                        if line == "\r\n" || line.is_empty() {
                            break;
                        }
                        let lower = line.to_ascii_lowercase();
                        if let Some(v) = lower.strip_prefix("content-length:") {
                            len = v.trim().parse().unwrap();
                        }
                        head.push_str(&line);
                    }
                    let mut body = vec![0; len];
                    reader.read_exact(&mut body).unwrap();
                    log.lock().unwrap().push(head);
                    stream.write_all(resp.as_bytes()).unwrap();
                }
                let _ = finished.send(());
            });
            Script {
                url,
                seen,
                scripted,
                done,
                handle: Some(handle),
            }
        }

        fn client(&self) -> ApiClient {
            let mut c = ApiClient::new(&self.url, Some("ecolo_secret".into()), false).unwrap();
            c.retry.base_delay = Duration::from_millis(1);
            c
        }

        /// The recorded request heads, once the script has run out; fails
        /// (instead of waiting for ever) when the client stopped short of it.
        fn finish(mut self) -> Vec<String> {
            use std::sync::mpsc::RecvTimeoutError;
            match self.done.recv_timeout(Duration::from_secs(30)) {
                // Done, or the server thread failed: joining says which.
                Ok(()) | Err(RecvTimeoutError::Disconnected) => {}
                Err(RecvTimeoutError::Timeout) => panic!(
                    "after 30 s the client had made {} of the {} scripted requests: {:?}",
                    self.seen.lock().unwrap().len(),
                    self.scripted,
                    self.seen.lock().unwrap()
                ),
            }
            self.handle.take().unwrap().join().unwrap();
            self.seen.lock().unwrap().clone()
        }
    }

    const OK_JSON: &str =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}";
    const CREATED_JSON: &str =
        "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}";
    const UNAVAILABLE: &str =
        "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
    const BAD_GATEWAY: &str =
        "HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
    /// The desk went away after reading the request.
    const HANG_UP: &str = "";
    const SLOW_DOWN: &str =
        "HTTP/1.1 429 Too Many Requests\r\nretry-after: 1\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
    const GO_AWAY: &str =
        "HTTP/1.1 429 Too Many Requests\r\nretry-after: 3600\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";
    fn invalid() -> &'static str {
        let body = r#"{"type":"about:blank","title":"invalid","status":422,"errors":[{"field":"subject","message":"empty"}]}"#;
        let resp = format!(
            "HTTP/1.1 422 Unprocessable Entity\r\ncontent-type: application/problem+json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        Box::leak(resp.into_boxed_str())
    }

    #[test]
    fn requests_say_the_persons_language() {
        for lang in crate::i18n::Lang::ALL {
            crate::i18n::set(lang);
            let s = Script::new(vec![OK_JSON]);
            let _: serde_json::Value = s.client().get("/v1/me").unwrap();
            let head = s.finish().remove(0).to_ascii_lowercase();
            assert!(
                head.contains(&format!("accept-language: {}\r\n", lang.code())),
                "{head}"
            );
        }
        crate::i18n::set(crate::i18n::Lang::En);
    }

    #[test]
    fn a_busy_desk_is_retried_then_said_busy() {
        let s = Script::new(vec![UNAVAILABLE, UNAVAILABLE, UNAVAILABLE]);
        let e = s.client().get::<serde_json::Value>("/v1/me").unwrap_err();
        assert!(matches!(e, ApiError::Busy(_)), "{e:?}");
        assert!(e.to_string().starts_with("the desk is busy"), "{e}");
        assert_eq!(s.finish().len(), 3);
    }

    #[test]
    fn safe_requests_retry_server_errors() {
        let s = Script::new(vec![UNAVAILABLE, BAD_GATEWAY, OK_JSON]);
        let v: serde_json::Value = s.client().get("/v1/me").unwrap();
        assert_eq!(v, serde_json::json!({}));
        let seen = s.finish();
        assert_eq!(seen.len(), 3);
        assert!(seen.iter().all(|h| h.starts_with("GET /v1/me ")));
    }

    #[test]
    fn a_dropped_connection_is_retried_for_safe_requests_only() {
        let s = Script::new(vec![HANG_UP, OK_JSON]);
        let _: serde_json::Value = s.client().get("/v1/tickets").unwrap();
        assert_eq!(s.finish().len(), 2);

        let s = Script::new(vec![HANG_UP]);
        let err = s
            .client()
            .post::<_, serde_json::Value>(
                "/v1/tickets/123456/messages",
                &serde_json::json!({}),
                None,
            )
            .unwrap_err();
        assert!(matches!(err, ApiError::Unreachable { .. }), "{err:?}");
        assert_eq!(s.finish().len(), 1, "a reply must not be sent twice");
    }

    #[test]
    fn retries_give_up_after_three_tries() {
        let s = Script::new(vec![UNAVAILABLE, UNAVAILABLE, UNAVAILABLE]);
        let err = s.client().get::<serde_json::Value>("/v1/me").unwrap_err();
        assert!(
            matches!(err, ApiError::Busy(ref p) if p.status == 503),
            "{err:?}"
        );
        assert_eq!(s.finish().len(), 3);
    }

    #[test]
    fn a_post_with_an_idempotency_key_is_retried_with_the_same_key() {
        let s = Script::new(vec![BAD_GATEWAY, CREATED_JSON]);
        let _: serde_json::Value = s
            .client()
            .post("/v1/tickets", &serde_json::json!({}), Some("key-123"))
            .unwrap();
        let seen = s.finish();
        assert_eq!(seen.len(), 2);
        for head in &seen {
            assert!(
                head.to_ascii_lowercase()
                    .contains("idempotency-key: key-123"),
                "{head}"
            );
        }
    }

    #[test]
    fn closing_is_idempotent_so_it_is_retried() {
        let s = Script::new(vec![BAD_GATEWAY, OK_JSON]);
        let _: serde_json::Value = s
            .client()
            .post_idempotent("/v1/tickets/123456/close")
            .unwrap();
        let seen = s.finish();
        assert_eq!(seen.len(), 2);
        assert!(seen
            .iter()
            .all(|h| h.starts_with("POST /v1/tickets/123456/close ")));
    }

    #[test]
    fn a_post_without_a_key_is_not_repeated() {
        let s = Script::new(vec![UNAVAILABLE]);
        let err = s
            .client()
            .post::<_, serde_json::Value>("/v1/contacts", &serde_json::json!({}), None)
            .unwrap_err();
        assert!(matches!(err, ApiError::Busy(_)), "{err:?}");
        assert_eq!(s.finish().len(), 1);
    }

    #[test]
    fn retry_after_is_honoured_unless_too_long() {
        let s = Script::new(vec![SLOW_DOWN, OK_JSON]);
        let started = std::time::Instant::now();
        let _: serde_json::Value = s.client().get("/v1/tickets").unwrap();
        // Retry-After: 1 is waited for, though the policy's own delay is 1 ms.
        assert!(
            started.elapsed() >= Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(s.finish().len(), 2);

        let s = Script::new(vec![GO_AWAY]);
        let err = s
            .client()
            .get::<serde_json::Value>("/v1/tickets")
            .unwrap_err();
        assert!(
            matches!(
                err,
                ApiError::RateLimited {
                    retry_after: Some(3600),
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(s.finish().len(), 1);
    }

    #[test]
    fn problems_become_typed_errors_without_secrets() {
        let s = Script::new(vec![invalid()]);
        let err = s
            .client()
            .post::<_, serde_json::Value>("/v1/tickets", &serde_json::json!({}), None)
            .unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, ApiError::Rejected(_)), "{err:?}");
        assert!(text.contains("subject: empty"), "{text}");
        assert!(!text.contains("ecolo_secret"));
        let seen = s.finish();
        assert!(seen[0]
            .to_ascii_lowercase()
            .contains("authorization: bearer ecolo_secret"));
    }

    #[test]
    fn connection_refused_is_unreachable_naming_the_url() {
        // Bound but not listening: refused, and held so nothing else takes it.
        use socket2::{Domain, Socket, Type};
        let socket = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
        let any: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
        socket.bind(&any.into()).unwrap();
        let addr = socket.local_addr().unwrap().as_socket().unwrap();
        let url = format!("http://{addr}");
        let mut c = ApiClient::new(&url, None, false).unwrap();
        c.retry.base_delay = Duration::from_millis(1);
        let err = c.get::<serde_json::Value>("/v1/me").unwrap_err();
        assert!(matches!(err, ApiError::Unreachable { .. }), "{err:?}");
        assert!(err.to_string().contains(&url), "{err}");
    }
}
