//! What the e-mail channel keeps to tell real senders from forged ones:
//! the desk's reply-address secret, mail held until its registered sender
//! confirms it, and the global count of automatic answers. (How each filed
//! mail was verified is stored with the message: `FromMail`.)

use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension};

use super::{fmt_time, now, Result, Store};

/// Held mail waiting for its confirmation.
#[derive(Debug, Clone)]
pub struct HeldMail {
    pub id: i64,
    pub from_addr: String,
    pub category: Option<String>,
    pub raw: Vec<u8>,
}

/// This desk's key for signed reply addresses, created on first use. On
/// `conn`, so the mail queued inside a store transaction can sign too.
pub(crate) fn reply_address_secret(conn: &Connection) -> Result<Vec<u8>> {
    let mut fresh = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut fresh);
    conn.execute(
        "INSERT OR IGNORE INTO desk_secrets (name, value) VALUES ('reply-address', ?1)",
        [&fresh[..]],
    )?;
    Ok(conn.query_row(
        "SELECT value FROM desk_secrets WHERE name = 'reply-address'",
        [],
        |r| r.get(0),
    )?)
}

impl Store {
    /// The key of this desk's signed reply addresses.
    pub fn reply_address_secret(&self) -> Result<Vec<u8>> {
        self.write(|tx| reply_address_secret(tx))
    }

    /// Keeps `raw` until `from_addr` confirms it; answers its id and whether
    /// it is new (a redelivery of the same Message-ID is held once).
    pub fn hold_mail(
        &self,
        from_addr: &str,
        category: Option<&str>,
        message_id: &str,
        raw: &[u8],
    ) -> Result<(i64, bool)> {
        self.write(|tx| {
            if let Some(id) = tx
                .query_row(
                    "SELECT id FROM held_mail WHERE message_id = ?1",
                    [message_id],
                    |r| r.get(0),
                )
                .optional()?
            {
                return Ok((id, false));
            }
            tx.execute(
                "INSERT INTO held_mail (from_addr, category, message_id, raw, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![from_addr, category, message_id, raw, now()],
            )?;
            Ok((tx.last_insert_rowid(), true))
        })
    }

    /// Takes (reads and deletes) held mail `id` of `from_addr`, if it is
    /// still there.
    pub fn take_held_mail(&self, id: i64, from_addr: &str) -> Result<Option<HeldMail>> {
        self.write(|tx| {
            let held = tx
                .query_row(
                    "SELECT id, from_addr, category, raw FROM held_mail
                     WHERE id = ?1 AND from_addr = ?2",
                    params![id, from_addr],
                    |r| {
                        Ok(HeldMail {
                            id: r.get(0)?,
                            from_addr: r.get(1)?,
                            category: r.get(2)?,
                            raw: r.get(3)?,
                        })
                    },
                )
                .optional()?;
            if held.is_some() {
                tx.execute("DELETE FROM held_mail WHERE id = ?1", [id])?;
            }
            Ok(held)
        })
    }

    /// Deletes held mail older than `max_age`; answers how many.
    pub fn expire_held_mail(&self, max_age: chrono::Duration) -> Result<usize> {
        let cutoff = fmt_time(chrono::Utc::now() - max_age);
        self.write(|tx| Ok(tx.execute("DELETE FROM held_mail WHERE received_at < ?1", [cutoff])?))
    }

    /// Automatic answers (null envelope sender) queued to anyone in the
    /// last `window`: the global cap on refusals and notes.
    pub fn recent_auto_replies_total(&self, window: chrono::Duration) -> Result<i64> {
        let since = fmt_time(chrono::Utc::now() - window);
        let conn = self.conn()?;
        Ok(conn.query_row(
            // The window's range of outbox_auto_replies_by_time (0006),
            // not every mail ever queued.
            "SELECT COUNT(*) FROM outbox WHERE auto_reply = 1 AND next_attempt_at > ?1",
            [since],
            |r| r.get(0),
        )?)
    }
}
