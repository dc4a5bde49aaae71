//! The outbox table: mail written by whichever process has something to say
//! (the server, an admin command, `pipe`) and drained by the mailer of
//! `serve` (src/desk/mail/outbox.rs), which only calls these functions.
//!
//! Every statement seeks an index (migration 0004): the outbox grows with
//! every mail ever queued until the retention pass prunes sent mail, so a
//! scan here would make every ticket opened slower than the one before.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension};

use super::{fmt_time, now, Result, Store};
use crate::desk::mail::outbound::Outgoing;

/// After this many failed attempts a message stays in the table, unsent,
/// with its last error, for someone to look at. The due index of migration
/// 0004 has the same number.
pub const MAX_ATTEMPTS: i64 = 30;
/// Longest wait between two attempts.
pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(3600);
/// How long sent mail is kept by default (`serve --mail-retention`).
pub const DEFAULT_RETENTION: Duration = Duration::from_secs(30 * 24 * 3600);
/// Rows deleted per transaction when pruning, so the pass never holds the
/// write lock for long.
const PRUNE_BATCH: i64 = 1000;

// The statements that run as the outbox grows; a test checks each seeks an
// index. `attempts < 30` is spelled out so the planner can use the partial
// due index.
const ENQUEUE: &str = "INSERT INTO outbox
        (to_addr, subject, body, headers, attempts, next_attempt_at, message_id, auto_reply)
     VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6, ?7)
     ON CONFLICT (message_id) DO NOTHING";
const AUTO_REPLIES: &str = "SELECT COUNT(*) FROM outbox
     WHERE to_addr = ?1 AND auto_reply = 1 AND next_attempt_at > ?2";
const DUE: &str = "SELECT id, attempts, to_addr, subject, body, headers FROM outbox
     WHERE sent_at IS NULL AND attempts < 30 AND next_attempt_at <= ?1
     ORDER BY next_attempt_at, id LIMIT ?2";
const PRUNE: &str = "DELETE FROM outbox WHERE id IN
    (SELECT id FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?1 LIMIT ?2)";
const MARK_ALL_SENT: &str = "UPDATE outbox SET sent_at = ?1, attempts = attempts + 1 WHERE id IN
    (SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < 30 LIMIT ?2)";
const MARK_SENT: &str =
    "UPDATE outbox SET sent_at = ?2, attempts = attempts + 1, last_error = NULL WHERE id = ?1";
const MARK_FAILED: &str =
    "UPDATE outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4 WHERE id = ?1";

/// What [`Store::prune_delivered`] deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    pub mail: usize,
    pub events: usize,
}

/// A queued message and how often it failed so far.
#[derive(Debug, Clone)]
pub struct Queued {
    pub id: i64,
    pub attempts: i64,
    pub mail: Outgoing,
}

/// Queues `mail` unless a message with the same Message-ID is already
/// queued or sent (and not yet pruned). Returns whether it was queued now.
/// Runs on the caller's connection, so a ticket and its mail share one
/// transaction.
pub fn enqueue(conn: &Connection, mail: &Outgoing) -> rusqlite::Result<bool> {
    let headers = serde_json::to_string(&mail.headers).expect("string map serializes");
    let id = mail.message_id().filter(|id| !id.is_empty());
    let auto_reply = mail.headers.get("Return-Path").map(String::as_str) == Some("<>");
    let n = conn.prepare_cached(ENQUEUE)?.execute(params![
        mail.to,
        mail.subject,
        mail.body,
        headers,
        now(),
        id,
        auto_reply
    ])?;
    Ok(n == 1)
}

/// How many auto-replies (null sender) to `to` were queued in the last
/// `window` (or are still waiting): responders should not answer the same
/// sender again and again (RFC 3834, 2), whatever that sender is.
pub fn recent_auto_replies(conn: &Connection, to: &str, window: Duration) -> rusqlite::Result<i64> {
    let since =
        Utc::now() - chrono::Duration::from_std(window).unwrap_or(chrono::Duration::hours(1));
    conn.prepare_cached(AUTO_REPLIES)?
        .query_row(params![to, fmt_time(since)], |r| r.get(0))
}

/// Messages due for an attempt now, longest waiting first.
pub fn due(conn: &Connection, limit: usize) -> rusqlite::Result<Vec<Queued>> {
    let mut stmt = conn.prepare_cached(DUE)?;
    let rows = stmt.query_map(params![now(), limit as i64], |r| {
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
    conn.execute(MARK_SENT, params![id, now()])?;
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
        MARK_FAILED,
        params![id, attempts_stored, fmt_time(Utc::now() + delay), error],
    )?;
    Ok(())
}

/// Deletes up to one batch of mail sent before `before`; returns how many.
fn prune_batch(conn: &Connection, before: &str) -> rusqlite::Result<usize> {
    conn.execute(PRUNE, params![before, PRUNE_BATCH])
}

impl Store {
    /// Queues `mail` in a transaction of its own (mail that follows no
    /// stored change, like auto-replies); once per Message-ID.
    pub fn queue_mail(&self, mail: &Outgoing) -> Result<bool> {
        self.write(|tx| Ok(enqueue(tx, mail)?))
    }

    /// See [`recent_auto_replies`].
    pub fn recent_auto_replies(&self, to: &str, window: Duration) -> Result<i64> {
        Ok(recent_auto_replies(&*self.conn()?, to, window)?)
    }

    /// Up to `limit` messages due for an attempt now.
    pub fn due_mail(&self, limit: usize) -> Result<Vec<Queued>> {
        Ok(due(&*self.conn()?, limit)?)
    }

    /// Records that message `id` reached the relay.
    pub fn mark_mail_sent(&self, id: i64) -> Result<()> {
        self.write(|tx| Ok(mark_sent(tx, id)?))
    }

    /// Records a failed attempt at message `id` (see [`mark_failed`]).
    pub fn mark_mail_failed(
        &self,
        id: i64,
        error: &str,
        permanent: bool,
        base: Duration,
    ) -> Result<()> {
        self.write(|tx| Ok(mark_failed(tx, id, error, permanent, base)?))
    }

    /// Marks every message still to send as sent now, a batch per
    /// transaction: what the mailer would record after delivering them
    /// all (ecolo-bench builds a desk of sent mail this way).
    pub fn mark_all_mail_sent(&self) -> Result<usize> {
        let mut total = 0;
        loop {
            let n = self.write(|tx| Ok(tx.execute(MARK_ALL_SENT, params![now(), PRUNE_BATCH])?))?;
            total += n;
            if n < PRUNE_BATCH as usize {
                return Ok(total);
            }
        }
    }

    /// Deletes mail sent, and events rendered, more than `retention` ago
    /// (an event is rendered before its mail is sent, so no sent mail
    /// outlives its event), a batch per transaction so writers never wait
    /// long; returns how many of each.
    pub fn prune_delivered(&self, retention: Duration) -> Result<Pruned> {
        let before = fmt_time(
            Utc::now() - chrono::Duration::from_std(retention).unwrap_or(chrono::Duration::MAX),
        );
        let mut pruned = Pruned::default();
        loop {
            let n = self.write(|tx| Ok(prune_batch(tx, &before)?))?;
            pruned.mail += n;
            if n < PRUNE_BATCH as usize {
                break;
            }
        }
        loop {
            let n =
                self.write(|tx| super::tickets::prune_events_batch(tx, &before, PRUNE_BATCH))?;
            pruned.events += n;
            if n < PRUNE_BATCH as usize {
                return Ok(pruned);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::mail::outbound::{refusal, Refusal};

    /// An in-memory database with the real schema.
    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        for sql in super::super::MIGRATIONS {
            conn.execute_batch(sql).unwrap();
        }
        conn
    }

    fn sample() -> Outgoing {
        refusal(
            &Refusal::UnknownSender,
            crate::desk::mail::outbound::Reader::Stranger,
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
        let mut without_id = sample();
        without_id.headers.remove("Message-ID");
        assert!(enqueue(&conn, &without_id).unwrap());
        assert!(
            enqueue(&conn, &without_id).unwrap(),
            "mail without a Message-ID is never a duplicate"
        );
        let queued = due(&conn, 10).unwrap();
        assert_eq!(queued.len(), 3);
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
        let mut not_auto = sample();
        not_auto.headers.remove("Return-Path");
        not_auto
            .headers
            .insert("Message-ID".into(), "<other@x>".into());
        enqueue(&conn, &not_auto).unwrap();
        assert_eq!(
            recent_auto_replies(&conn, "Stranger <x@example.org>", hour).unwrap(),
            1,
            "only null-sender mail counts"
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
    fn only_sent_mail_older_than_the_retention_is_pruned() {
        let conn = table();
        for i in 0..(PRUNE_BATCH + 5) {
            let mut m = sample();
            m.headers.insert("Message-ID".into(), format!("<{i}@x>"));
            enqueue(&conn, &m).unwrap();
        }
        conn.execute(
            "UPDATE outbox SET sent_at = '2000-01-01T00:00:00.000000Z' WHERE id <= ?1",
            [PRUNE_BATCH + 2],
        )
        .unwrap();
        conn.execute(
            "UPDATE outbox SET sent_at = ?1 WHERE id = ?2",
            params![now(), PRUNE_BATCH + 3],
        )
        .unwrap();
        let before = fmt_time(Utc::now() - chrono::Duration::days(30));
        assert_eq!(prune_batch(&conn, &before).unwrap(), PRUNE_BATCH as usize);
        assert_eq!(prune_batch(&conn, &before).unwrap(), 2);
        assert_eq!(prune_batch(&conn, &before).unwrap(), 0);
        let left: Vec<(i64, Option<String>)> = conn
            .prepare("SELECT id, sent_at FROM outbox ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(left.len(), 3, "recently sent and unsent mail stay");
        assert!(left[0].1.is_some() && left[1].1.is_none() && left[2].1.is_none());
    }

    /// The statements above seek an index, whatever the outbox holds.
    #[test]
    fn no_statement_scans_the_outbox() {
        let conn = table();
        let plans = [
            ENQUEUE,
            AUTO_REPLIES,
            DUE,
            PRUNE,
            // (MARK_ALL_SENT walks the pending index on purpose: it is for
            // building benchmark desks, never on a hot path.)
            MARK_SENT,
            MARK_FAILED,
        ];
        for sql in plans {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
            let plan: Vec<String> = stmt
                .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(
                plan.iter().all(|step| !step.starts_with("SCAN")),
                "{sql}: {plan:?}"
            );
        }
    }
}
