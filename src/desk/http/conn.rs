//! Accepting connections so that no client can hold the desk: a deadline
//! for a request's headers (slowloris), for idle keep-alive connections and
//! for an upload that stalls (a minimum rate), and caps on connections per
//! client address and in all, so file descriptors never run out. Over a
//! cap, a client gets `503` problem+json and the connection is closed.
//!
//! This drives hyper directly (axum's `serve` has no such knobs); graceful
//! shutdown stops accepting, lets requests in flight finish and closes idle
//! connections.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future as _;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use axum::Router;
use http_body::{Body as HttpBody, Frame};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tower::ServiceExt;

use super::super::error::problem;

/// Default limits, documented in the README and `ecolo-desk serve --help`.
pub const DEFAULT_HEADER_TIMEOUT_SECS: f64 = 10.0;
pub const DEFAULT_IDLE_TIMEOUT_SECS: f64 = 60.0;
pub const DEFAULT_MIN_UPLOAD_BYTES_PER_SEC: u64 = 1024;
pub const DEFAULT_MAX_CONNECTIONS: usize = 512;
pub const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS: usize = 64;

/// Headers a request may carry, in number and in bytes; past them, 431.
const MAX_HEADERS: usize = 100;
const MAX_HEADER_BYTES: usize = 32 * 1024;
/// Connections being told "503, too many" at once; past these the
/// connection is closed without an answer, so refusing costs no more
/// descriptors than this.
const MAX_REFUSING: usize = 64;
/// An upload's rate is judged over windows this long.
const RATE_WINDOW: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct ConnLimits {
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    /// A request body slower than this over a window is dropped (408).
    pub min_upload_bytes_per_sec: u64,
    pub max_connections: usize,
    pub max_connections_per_address: usize,
}

impl Default for ConnLimits {
    fn default() -> Self {
        ConnLimits {
            header_timeout: Duration::from_secs_f64(DEFAULT_HEADER_TIMEOUT_SECS),
            idle_timeout: Duration::from_secs_f64(DEFAULT_IDLE_TIMEOUT_SECS),
            min_upload_bytes_per_sec: DEFAULT_MIN_UPLOAD_BYTES_PER_SEC,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            max_connections_per_address: DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
        }
    }
}

/// Open connections, in all and per client address.
#[derive(Default)]
struct Counts {
    total: usize,
    refusing: usize,
    per_address: HashMap<IpAddr, usize>,
}

/// A held connection slot; given back on drop.
struct Slot {
    counts: Arc<Mutex<Counts>>,
    ip: Option<IpAddr>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut c = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        match self.ip {
            Some(ip) => {
                c.total -= 1;
                if let Some(n) = c.per_address.get_mut(&ip) {
                    *n -= 1;
                    if *n == 0 {
                        c.per_address.remove(&ip);
                    }
                }
            }
            None => c.refusing -= 1,
        }
    }
}

enum Admission {
    Serve(Slot),
    Refuse(Slot, &'static str),
    Drop,
}

fn admit(counts: &Arc<Mutex<Counts>>, limits: &ConnLimits, ip: IpAddr) -> Admission {
    let mut c = counts.lock().unwrap_or_else(|p| p.into_inner());
    let mine = c.per_address.get(&ip).copied().unwrap_or(0);
    let why = if mine >= limits.max_connections_per_address {
        "too many connections from your address: close some and try again"
    } else if c.total >= limits.max_connections {
        "the desk has too many connections open: try again in a moment"
    } else {
        c.total += 1;
        *c.per_address.entry(ip).or_default() += 1;
        return Admission::Serve(Slot {
            counts: counts.clone(),
            ip: Some(ip),
        });
    };
    if c.refusing >= MAX_REFUSING {
        return Admission::Drop;
    }
    c.refusing += 1;
    Admission::Refuse(
        Slot {
            counts: counts.clone(),
            ip: None,
        },
        why,
    )
}

/// Serves `app` on `listener` until `shutdown` resolves; requests in flight
/// finish, idle connections are closed.
pub async fn serve(
    app: Router,
    listener: TcpListener,
    limits: ConnLimits,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = Arc::new(limits);
    let counts = Arc::new(Mutex::new(Counts::default()));
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let tracker = tokio_util::task::TaskTracker::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of descriptors (EMFILE) or a connection reset
                    // before it was accepted: keep serving the others.
                    tracing::warn!("accept error: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        match admit(&counts, &limits, peer.ip()) {
            Admission::Drop => drop(stream),
            Admission::Refuse(slot, why) => {
                let limits = limits.clone();
                tracker.spawn(async move {
                    refuse(stream, &limits, why).await;
                    drop(slot);
                });
            }
            Admission::Serve(slot) => {
                let (app, limits, stop) = (app.clone(), limits.clone(), stop_rx.clone());
                tracker.spawn(async move {
                    connection(stream, peer, app, &limits, stop).await;
                    drop(slot);
                });
            }
        }
    }
    drop(listener);
    let _ = stop_tx.send(true);
    tracker.close();
    tracker.wait().await;
    Ok(())
}

/// Answers the connection's request with 503 and closes it.
async fn refuse(stream: tokio::net::TcpStream, limits: &ConnLimits, why: &'static str) {
    let service = hyper::service::service_fn(move |_req: Request<Incoming>| async move {
        let mut response = problem(StatusCode::SERVICE_UNAVAILABLE, why);
        response.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from_static("1"),
        );
        Ok::<_, Infallible>(response)
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(false)
        .serve_connection(
            TokioIo::new(Watched {
                inner: stream,
                activity: Arc::default(),
                replacing: None,
            }),
            service,
        );
    let _ = tokio::time::timeout(limits.header_timeout * 2, conn).await;
}

async fn connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    app: Router,
    limits: &ConnLimits,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let activity = Arc::new(Activity::default());
    let io = TokioIo::new(Watched {
        inner: stream,
        activity: activity.clone(),
        replacing: None,
    });
    let min_rate = limits.min_upload_bytes_per_sec;
    let in_flight = activity.clone();
    let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
        let app = app.clone();
        let guard = InFlight::start(in_flight.clone());
        async move {
            let _guard = guard;
            if let Some(refusal) = header_refusal(&req) {
                return Ok::<_, Infallible>(refusal);
            }
            req.extensions_mut()
                .insert(axum::extract::ConnectInfo(peer));
            let req = req.map(|body| Body::new(MinRate::new(body, min_rate)));
            Ok(app.oneshot(req).await.unwrap_or_else(|e| match e {}))
        }
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_headers(MAX_HEADERS * 4)
        .max_buf_size(MAX_HEADER_BYTES * 8)
        .serve_connection(io, service)
        .with_upgrades();
    tokio::pin!(conn);
    let mut tick = tokio::time::interval(limits.idle_timeout.min(Duration::from_secs(1)));
    let mut closing = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => break,
            _ = stop.changed(), if !closing => {
                closing = true;
                conn.as_mut().graceful_shutdown();
            }
            _ = tick.tick(), if !closing => {
                if activity.idle_for() >= limits.idle_timeout {
                    closing = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
}

/// 431 as problem+json when the headers are over the limits (hyper's own
/// limits are set looser, so the answer is ours and says what to fix).
fn header_refusal<B>(req: &Request<B>) -> Option<Response<Body>> {
    let headers = req.headers();
    let bytes: usize = headers
        .iter()
        .map(|(k, v)| k.as_str().len() + v.len() + 4)
        .sum();
    (headers.len() > MAX_HEADERS || bytes > MAX_HEADER_BYTES).then(|| {
        problem(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            format!(
                "the request's headers are too large: at most {MAX_HEADERS} headers and \
                 {MAX_HEADER_BYTES} bytes"
            ),
        )
    })
}

/// When the connection last moved a byte, and whether a request is being
/// answered: idle means neither, for `idle_timeout`.
#[derive(Default)]
struct Activity {
    epoch: std::sync::OnceLock<Instant>,
    last_ms: AtomicU64,
    in_flight: AtomicUsize,
}

impl Activity {
    fn base(&self) -> Instant {
        *self.epoch.get_or_init(Instant::now)
    }

    fn touch(&self) {
        let ms = self.base().elapsed().as_millis() as u64;
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    fn idle_for(&self) -> Duration {
        if self.in_flight.load(Ordering::Relaxed) > 0 {
            return Duration::ZERO;
        }
        let now = self.base().elapsed().as_millis() as u64;
        Duration::from_millis(now.saturating_sub(self.last_ms.load(Ordering::Relaxed)))
    }
}

struct InFlight(Arc<Activity>);

impl InFlight {
    fn start(activity: Arc<Activity>) -> InFlight {
        activity.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(activity)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The socket, noting each byte moved in `Activity`, and putting a
/// problem+json body on the answers hyper writes by itself.
struct Watched {
    inner: tokio::net::TcpStream,
    activity: Arc<Activity>,
    /// Our answer being written in place of hyper's, and how many bytes of
    /// hyper's to report written once it is.
    replacing: Option<(Vec<u8>, usize, usize)>,
}

/// hyper answers bytes it cannot parse as a request (a bad request line or
/// header, a head past its buffer, a URI too long) itself, before any
/// service runs, with an empty body: exactly `HTTP/1.1 400 Bad Request`,
/// `connection: close`, `content-length: 0` and `date`, alone in one write (it only does so
/// between responses, and closes the connection after). Such a write is
/// replaced by the same status as problem+json. Bytes of a response of ours
/// never match: ours always carry `content-type` or a body, and a download
/// ending in those very bytes would also need today's date to the second.
fn automatic_response(buf: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(buf).ok()?;
    let head = text.strip_suffix("\r\n\r\n")?;
    let mut lines = head.split("\r\n");
    let status = match lines.next()? {
        "HTTP/1.1 400 Bad Request" | "HTTP/1.0 400 Bad Request" => StatusCode::BAD_REQUEST,
        "HTTP/1.1 414 URI Too Long" | "HTTP/1.0 414 URI Too Long" => StatusCode::URI_TOO_LONG,
        "HTTP/1.1 431 Request Header Fields Too Large"
        | "HTTP/1.0 431 Request Header Fields Too Large" => {
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE
        }
        _ => return None,
    };
    let (mut length, mut date) = (false, None);
    for line in lines {
        let (name, value) = line.split_once(": ")?;
        match name.to_ascii_lowercase().as_str() {
            "content-length" if value == "0" => length = true,
            "connection" if value == "close" => {}
            "date" => date = Some(value),
            _ => return None,
        }
    }
    let date_text = date?;
    let date = chrono::DateTime::parse_from_rfc2822(date_text).ok()?;
    let age = chrono::Utc::now().signed_duration_since(date).num_seconds();
    if !length || !(-5..=5).contains(&age) {
        return None;
    }
    let detail = match status {
        StatusCode::BAD_REQUEST => {
            "the request is not HTTP/1.1 the desk can read (a malformed request line or \
             header): send a well-formed HTTP request"
        }
        StatusCode::URI_TOO_LONG => "the request's URI is too long: shorten the path and query",
        _ => "the request's headers are too large: send fewer and shorter headers",
    };
    let body = serde_json::to_vec(&crate::api::Problem {
        kind: "about:blank".into(),
        title: status.canonical_reason().unwrap_or("Error").into(),
        status: status.as_u16(),
        detail: Some(detail.into()),
        errors: Vec::new(),
    })
    .ok()?;
    let mut out = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: {}\r\ncontent-length: {}\r\nconnection: close\r\n\
         date: {}\r\n\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error"),
        crate::api::PROBLEM_JSON,
        body.len(),
        date_text,
    )
    .into_bytes();
    out.extend_from_slice(&body);
    Some(out)
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.touch();
        }
        result
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        if self.replacing.is_none() && buf.len() < 512 {
            if let Some(ours) = automatic_response(buf) {
                self.replacing = Some((ours, 0, buf.len()));
            }
        }
        let this = &mut *self;
        if let Some((ours, at, reported)) = this.replacing.as_mut() {
            while *at < ours.len() {
                match Pin::new(&mut this.inner).poll_write(cx, &ours[*at..]) {
                    Poll::Ready(Ok(0)) => return Poll::Ready(Ok(0)),
                    Poll::Ready(Ok(n)) => *at += n,
                    other => return other,
                }
            }
            let reported = *reported;
            this.replacing = None;
            this.activity.touch();
            return Poll::Ready(Ok(reported));
        }
        let result = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(result, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        result
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// A request body that fails when, over a `RATE_WINDOW`, fewer than
/// `min_rate` bytes a second arrive: a stalled upload does not hold its
/// connection (and a handler) forever.
struct MinRate {
    inner: Incoming,
    min_rate: u64,
    window_bytes: u64,
    /// The end of the current window; the first starts when the handler
    /// first reads, not when the request came in.
    deadline: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl MinRate {
    fn new(inner: Incoming, min_rate: u64) -> MinRate {
        MinRate {
            inner,
            min_rate,
            window_bytes: 0,
            deadline: None,
        }
    }
}

/// The error a stalled body ends with; the upload handler answers 408.
#[derive(Debug, thiserror::Error)]
#[error("the request body arrived slower than {0} bytes a second: the upload was dropped")]
pub struct TooSlow(pub u64);

impl HttpBody for MinRate {
    type Data = hyper::body::Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = &mut *self;
        let deadline = this
            .deadline
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(RATE_WINDOW)));
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    this.window_bytes += data.len() as u64;
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(other) => Poll::Ready(other.map(|r| r.map_err(Into::into))),
            Poll::Pending => {
                if this.min_rate > 0 && deadline.as_mut().poll(cx).is_ready() {
                    if this.window_bytes < this.min_rate * RATE_WINDOW.as_secs() {
                        return Poll::Ready(Some(Err(Box::new(TooSlow(this.min_rate)))));
                    }
                    this.window_bytes = 0;
                    deadline
                        .as_mut()
                        .reset(tokio::time::Instant::now() + RATE_WINDOW);
                    // Registers the new deadline's waker.
                    let _ = deadline.as_mut().poll(cx);
                }
                Poll::Pending
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::automatic_response;

    fn head(lines: &str, date: chrono::DateTime<chrono::Utc>) -> Vec<u8> {
        format!(
            "{lines}\r\ndate: {}\r\n\r\n",
            date.format("%a, %d %b %Y %H:%M:%S GMT")
        )
        .into_bytes()
    }

    #[test]
    fn only_hypers_own_empty_error_answers_are_replaced() {
        let now = chrono::Utc::now();
        let hyper = head(
            "HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0",
            now,
        );
        let ours = String::from_utf8(automatic_response(&hyper).unwrap()).unwrap();
        assert!(ours.starts_with("HTTP/1.1 400 Bad Request\r\n"), "{ours}");
        assert!(ours.contains("content-type: application/problem+json"));
        assert!(ours.ends_with('}'), "{ours}");

        // A response of the desk's own, a body chunk, an old date: untouched.
        for other in [
            head(
                "HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\ncontent-length: 0",
                now,
            ),
            head("HTTP/1.1 200 OK\r\ncontent-length: 0", now),
            head(
                "HTTP/1.1 400 Bad Request\r\ncontent-length: 0",
                now - chrono::Duration::minutes(5),
            ),
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n".to_vec(),
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\ndate: x\r\n\r\nbody".to_vec(),
        ] {
            assert!(
                automatic_response(&other).is_none(),
                "{}",
                String::from_utf8_lossy(&other)
            );
        }
    }
}
