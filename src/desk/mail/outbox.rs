//! The outbox: mail is first written to the `outbox` table (in the same
//! database as the tickets, by whichever process has something to say: the
//! server, an admin command, `pipe`), and a background task of `serve`
//! delivers it to the SMTP relay, retrying with exponential backoff. A relay
//! that is down, or a desk restarted mid-send, loses nothing.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use lettre::address::Envelope;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use rusqlite::{params, Connection, OptionalExtension};

use super::outbound::Outgoing;
use crate::desk::store::Store;

/// After this many failed attempts a message stays in the table, unsent,
/// with its last error, for someone to look at.
pub const MAX_ATTEMPTS: i64 = 30;
/// Default first retry delay; doubles on each failure.
pub const DEFAULT_RETRY_BASE: Duration = Duration::from_secs(30);
/// Longest wait between two attempts.
pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(3600);

fn now() -> String {
    fmt(Utc::now())
}

fn fmt(t: chrono::DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Queues `mail` unless a message with the same Message-ID is already
/// queued or sent. Returns whether it was queued now.
pub fn enqueue(conn: &Connection, mail: &Outgoing) -> rusqlite::Result<bool> {
    let headers = serde_json::to_string(&mail.headers).expect("string map serializes");
    let id = mail.message_id().unwrap_or_default();
    let n = conn.execute(
        "INSERT INTO outbox (to_addr, subject, body, headers, attempts, next_attempt_at)
         SELECT ?1, ?2, ?3, ?4, 0, ?5
         WHERE ?6 = '' OR NOT EXISTS
            (SELECT 1 FROM outbox WHERE json_extract(headers, '$.\"Message-ID\"') = ?6)",
        params![mail.to, mail.subject, mail.body, headers, now(), id],
    )?;
    Ok(n == 1)
}

/// How many auto-replies (null sender) to `to` were queued in the last
/// `window` (or are still waiting): responders should not answer the same
/// sender again and again (RFC 3834, 2), whatever that sender is.
pub fn recent_auto_replies(conn: &Connection, to: &str, window: Duration) -> rusqlite::Result<i64> {
    let since =
        Utc::now() - chrono::Duration::from_std(window).unwrap_or(chrono::Duration::hours(1));
    conn.query_row(
        "SELECT COUNT(*) FROM outbox
         WHERE to_addr = ?1 AND json_extract(headers, '$.\"Return-Path\"') = '<>'
           AND next_attempt_at > ?2",
        params![to, fmt(since)],
        |r| r.get(0),
    )
}

/// A queued message and how often it failed so far.
#[derive(Debug, Clone)]
pub struct Queued {
    pub id: i64,
    pub attempts: i64,
    pub mail: Outgoing,
}

/// Messages due for an attempt now, oldest first.
pub fn due(conn: &Connection, limit: usize) -> rusqlite::Result<Vec<Queued>> {
    let mut stmt = conn.prepare(
        "SELECT id, attempts, to_addr, subject, body, headers FROM outbox
         WHERE sent_at IS NULL AND attempts < ?1 AND next_attempt_at <= ?2
         ORDER BY id LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![MAX_ATTEMPTS, now(), limit as i64], |r| {
        let headers: String = r.get(5)?;
        Ok(Queued {
            id: r.get(0)?,
            attempts: r.get(1)?,
            mail: Outgoing {
                to: r.get(2)?,
                subject: r.get(3)?,
                body: r.get(4)?,
                headers: serde_json::from_str::<BTreeMap<String, String>>(&headers)
                    .unwrap_or_default(),
            },
        })
    })?;
    rows.collect()
}

pub fn mark_sent(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE outbox SET sent_at = ?2, attempts = attempts + 1, last_error = NULL WHERE id = ?1",
        params![id, now()],
    )?;
    Ok(())
}

/// The wait before attempt `attempts + 1`: `base * 2^(attempts-1)`, capped.
pub fn backoff(base: Duration, attempts: i64) -> Duration {
    let exp = attempts.clamp(1, 20) as u32 - 1;
    base.saturating_mul(2u32.saturating_pow(exp))
        .min(MAX_RETRY_DELAY.max(base))
}

/// Records a failed attempt; a permanent failure (the relay refused the
/// message itself, 5xx) is not retried.
pub fn mark_failed(
    conn: &Connection,
    id: i64,
    error: &str,
    permanent: bool,
    base: Duration,
) -> rusqlite::Result<()> {
    let attempts: i64 = conn
        .query_row("SELECT attempts FROM outbox WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(0)
        + 1;
    let attempts_stored = if permanent { MAX_ATTEMPTS } else { attempts };
    let delay =
        chrono::Duration::from_std(backoff(base, attempts)).unwrap_or(chrono::Duration::hours(1));
    conn.execute(
        "UPDATE outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4 WHERE id = ?1",
        params![id, attempts_stored, fmt(Utc::now() + delay), error],
    )?;
    Ok(())
}

/// Why a queued message could not be turned into mail (never retried).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BuildError(String);

/// The internal header (never sent) listing files to attach, as JSON
/// `[{"path", "filename", "content_type"}]`: the outbox keeps references,
/// and the bytes are read from the attachments directory when sending.
pub const ATTACH_HEADER: &str = "X-Ecolo-Attach";

/// One file for [`ATTACH_HEADER`].
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AttachRef {
    pub path: std::path::PathBuf,
    pub filename: String,
    pub content_type: String,
}

/// The SMTP envelope and the RFC 5322 bytes of `mail`.
pub fn build(mail: &Outgoing) -> Result<(Envelope, Vec<u8>), BuildError> {
    let bad = |what: &str, e: &dyn std::fmt::Display| BuildError(format!("{what}: {e}"));
    let to: Mailbox = mail.to.parse().map_err(|e| bad("recipient", &e))?;
    let mut builder = lettre::Message::builder()
        .to(to.clone())
        .subject(mail.subject.clone());
    let mut reverse_path: Option<Address> = None;
    let mut raw_headers = Vec::new();
    for (name, value) in &mail.headers {
        match name.as_str() {
            "From" => builder = builder.from(value.parse().map_err(|e| bad("From", &e))?),
            "Reply-To" => {
                builder = builder.reply_to(value.parse().map_err(|e| bad("Reply-To", &e))?)
            }
            "Message-ID" => builder = builder.message_id(Some(value.clone())),
            "In-Reply-To" => builder = builder.in_reply_to(value.clone()),
            "References" => builder = builder.references(value.clone()),
            ATTACH_HEADER => {}
            "Return-Path" => {
                let addr = value.trim().trim_matches(['<', '>']);
                if !addr.is_empty() {
                    reverse_path = Some(addr.parse().map_err(|e| bad("Return-Path", &e))?);
                }
            }
            other => {
                let name = HeaderName::new_from_ascii(other.to_string())
                    .map_err(|e| bad("header name", &e))?;
                raw_headers.push(HeaderValue::new(name, value.clone()));
            }
        }
    }
    for h in raw_headers {
        builder = builder.raw_header(h);
    }
    let envelope = Envelope::new(reverse_path, vec![to.email]).map_err(|e| bad("envelope", &e))?;
    let files: Vec<AttachRef> = match mail.headers.get(ATTACH_HEADER) {
        Some(json) => serde_json::from_str(json).map_err(|e| bad("attachments", &e))?,
        None => Vec::new(),
    };
    let message = if files.is_empty() {
        builder
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|e| bad("message", &e))?
    } else {
        let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(mail.body.clone()));
        for f in files {
            let bytes = std::fs::read(&f.path).map_err(|e| bad(&f.filename, &e))?;
            let ct = ContentType::parse(&f.content_type)
                .unwrap_or(ContentType::parse("application/octet-stream").expect("valid"));
            parts = parts.singlepart(Attachment::new(f.filename).body(bytes, ct));
        }
        builder.multipart(parts).map_err(|e| bad("message", &e))?
    };
    Ok((envelope, message.formatted()))
}

/// The relay for `--smtp-url`: `smtp://HOST[:PORT]` is plain SMTP without
/// TLS (a local relay); anything else (`smtps://`, `?tls=required`,
/// credentials) goes through lettre's URL parser.
pub fn transport(url: &str) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
    let timeout = Some(Duration::from_secs(20));
    if let Some(rest) = url.strip_prefix("smtp://") {
        let hostport = rest.trim_end_matches('/');
        if !hostport.contains(['@', '?', '/']) && !hostport.is_empty() {
            let (host, port) = match hostport.rsplit_once(':') {
                Some((h, p)) => (
                    h,
                    p.parse::<u16>()
                        .map_err(|_| format!("--smtp-url: bad port `{p}`"))?,
                ),
                None => (hostport, 25),
            };
            return Ok(
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                    .port(port)
                    .timeout(timeout)
                    .build(),
            );
        }
    }
    AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .map(|b| b.timeout(timeout).build())
        // lettre's error never echoes the URL, so no password leaks here.
        .map_err(|e| format!("--smtp-url: {e} (use smtp://HOST:PORT or smtps://USER:PASS@HOST)"))
}

/// How the outbox worker runs.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// First retry delay (doubles per failure).
    pub retry_base: Duration,
    /// How often the table is checked for new mail (other processes, like
    /// `pipe`, queue mail too).
    pub poll: Duration,
}

impl WorkerConfig {
    pub fn new(retry_base: Duration) -> WorkerConfig {
        WorkerConfig {
            retry_base,
            poll: retry_base.clamp(Duration::from_millis(50), Duration::from_secs(2)),
        }
    }
}

/// Starts the worker on the current tokio runtime; it runs until the
/// process ends.
pub fn spawn(
    store: Store,
    relay: AsyncSmtpTransport<Tokio1Executor>,
    config: WorkerConfig,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match deliver_due(&store, &relay, &config).await {
                Ok(0) => tokio::time::sleep(config.poll).await,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!("outbox: {e}");
                    tokio::time::sleep(config.poll).await;
                }
            }
        }
    })
}

/// One pass: tries every due message once. Returns how many were tried.
pub async fn deliver_due(
    store: &Store,
    relay: &AsyncSmtpTransport<Tokio1Executor>,
    config: &WorkerConfig,
) -> Result<usize, String> {
    let s = store.clone();
    let batch = tokio::task::spawn_blocking(move || -> Result<Vec<Queued>, String> {
        // Catch-up: events whose mail a crash (or a failed render right
        // after the change) left unrendered.
        if let Err(e) = super::notify::render_pending(&s) {
            tracing::warn!("outbox: rendering pending events: {e}");
        }
        let conn = s.conn().map_err(|e| e.to_string())?;
        due(&conn, 20).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())??;
    let tried = batch.len();
    for q in batch {
        let outcome = match build(&q.mail) {
            Ok((envelope, bytes)) => match relay.send_raw(&envelope, &bytes).await {
                Ok(_) => Ok(()),
                Err(e) => Err((e.to_string(), e.is_permanent())),
            },
            Err(e) => Err((e.to_string(), true)),
        };
        match &outcome {
            Ok(()) => tracing::info!(id = q.id, to = %q.mail.to, "outbox: sent"),
            Err((e, permanent)) => {
                tracing::warn!(
                    id = q.id,
                    attempt = q.attempts + 1,
                    permanent,
                    "outbox: not sent: {e}"
                )
            }
        }
        let s = store.clone();
        let base = config.retry_base;
        tokio::task::spawn_blocking(move || -> Result<(), String> {
            let conn = s.conn().map_err(|e| e.to_string())?;
            match outcome {
                Ok(()) => mark_sent(&conn, q.id),
                Err((e, permanent)) => mark_failed(&conn, q.id, &e, permanent, base),
            }
            .map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())??;
    }
    Ok(tried)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::mail::outbound::{refusal, Refusal};

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE outbox (
                id INTEGER PRIMARY KEY, to_addr TEXT NOT NULL, subject TEXT NOT NULL,
                body TEXT NOT NULL, headers TEXT NOT NULL DEFAULT '{}',
                attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL,
                sent_at TEXT, last_error TEXT)",
        )
        .unwrap();
        conn
    }

    fn sample() -> Outgoing {
        refusal(
            &Refusal::UnknownSender,
            "Stranger <x@example.org>",
            "m1@example.org",
            "Hola",
            "billing@desk.localhost",
            "desk.localhost",
        )
    }

    #[test]
    fn enqueue_is_idempotent_per_message_id() {
        let conn = table();
        assert!(enqueue(&conn, &sample()).unwrap());
        assert!(!enqueue(&conn, &sample()).unwrap());
        let queued = due(&conn, 10).unwrap();
        assert_eq!(queued.len(), 1);
        assert_eq!(queued[0].mail, sample());
    }

    #[test]
    fn failures_back_off_and_permanent_ones_stop() {
        let conn = table();
        enqueue(&conn, &sample()).unwrap();
        let id = due(&conn, 10).unwrap()[0].id;
        mark_failed(
            &conn,
            id,
            "connection refused",
            false,
            Duration::from_secs(60),
        )
        .unwrap();
        assert!(
            due(&conn, 10).unwrap().is_empty(),
            "not due before the backoff"
        );
        conn.execute(
            "UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000000Z'",
            [],
        )
        .unwrap();
        assert_eq!(due(&conn, 10).unwrap()[0].attempts, 1);
        mark_failed(&conn, id, "550 no such user", true, Duration::from_secs(60)).unwrap();
        conn.execute(
            "UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000000Z'",
            [],
        )
        .unwrap();
        assert!(
            due(&conn, 10).unwrap().is_empty(),
            "permanent failures are not retried"
        );
        mark_sent(&conn, id).unwrap();
    }

    #[test]
    fn auto_replies_are_counted_per_recipient() {
        let conn = table();
        let hour = Duration::from_secs(3600);
        assert_eq!(
            recent_auto_replies(&conn, "x@example.org", hour).unwrap(),
            0
        );
        enqueue(&conn, &sample()).unwrap();
        assert_eq!(
            recent_auto_replies(&conn, "Stranger <x@example.org>", hour).unwrap(),
            1
        );
        assert_eq!(
            recent_auto_replies(&conn, "y@example.org", hour).unwrap(),
            0
        );
        conn.execute(
            "UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000000Z'",
            [],
        )
        .unwrap();
        assert_eq!(
            recent_auto_replies(&conn, "Stranger <x@example.org>", hour).unwrap(),
            0,
            "old ones do not count"
        );
    }

    #[test]
    fn backoff_doubles_and_caps() {
        let base = Duration::from_millis(100);
        assert_eq!(backoff(base, 1), Duration::from_millis(100));
        assert_eq!(backoff(base, 2), Duration::from_millis(200));
        assert_eq!(backoff(base, 4), Duration::from_millis(800));
        assert_eq!(backoff(Duration::from_secs(30), 30), MAX_RETRY_DELAY);
    }

    #[test]
    fn builds_mail_with_null_sender_and_headers() {
        let (envelope, bytes) = build(&sample()).unwrap();
        assert!(
            envelope.from().is_none(),
            "auto-replies go out with MAIL FROM:<>"
        );
        assert_eq!(envelope.to()[0].to_string(), "x@example.org");
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("Auto-Submitted: auto-replied\r\n"), "{text}");
        assert!(
            text.contains("Reply-To: billing@desk.localhost\r\n"),
            "{text}"
        );
        assert!(!text.contains("Return-Path"), "{text}");
        let parsed = mail_parser::MessageParser::default().parse(&text).unwrap();
        assert!(parsed
            .body_text(0)
            .unwrap()
            .contains("Su dirección no corresponde"));
    }

    #[test]
    fn smtp_urls() {
        assert!(transport("smtp://127.0.0.1:2525").is_ok());
        assert!(transport("smtp://127.0.0.1:notaport").is_err());
    }
}
