//! When each token was last used, kept in memory and written in the
//! background: a read must never wait for (or fail on) the database's write
//! lock, which another process (an admin command, the mail channel, a
//! backup) may hold for seconds. Each token's `last_used_at` is written at
//! most once a minute; lists read the newer in-memory time meanwhile.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rusqlite::params;

use super::{now, Result, Store};

/// A token's `last_used_at` is written at most this often.
pub const WRITE_EVERY: Duration = Duration::from_secs(60);

#[derive(Default)]
pub(crate) struct TokenUses {
    uses: Mutex<HashMap<i64, Use>>,
}

struct Use {
    /// The latest use, as stored.
    at: String,
    /// Not yet in the database.
    dirty: bool,
    written: Option<Instant>,
}

impl TokenUses {
    /// Records a use of `token_id`; never touches the database.
    pub(crate) fn note(&self, token_id: i64) {
        let mut uses = self.uses.lock().unwrap_or_else(|p| p.into_inner());
        let at = now();
        uses.entry(token_id)
            .and_modify(|u| {
                u.at = at.clone();
                u.dirty = true;
            })
            .or_insert(Use {
                at,
                dirty: true,
                written: None,
            });
    }

    /// The latest use of `token_id` this process saw, if any.
    pub(crate) fn latest(&self, token_id: i64) -> Option<String> {
        let uses = self.uses.lock().unwrap_or_else(|p| p.into_inner());
        uses.get(&token_id).map(|u| u.at.clone())
    }

    /// Uses to write now: dirty and not written within `WRITE_EVERY`
    /// (every dirty one when `all`, at shutdown).
    fn due(&self, all: bool) -> Vec<(i64, String)> {
        let uses = self.uses.lock().unwrap_or_else(|p| p.into_inner());
        uses.iter()
            .filter(|(_, u)| {
                u.dirty && (all || u.written.is_none_or(|w| w.elapsed() >= WRITE_EVERY))
            })
            .map(|(id, u)| (*id, u.at.clone()))
            .collect()
    }

    fn written(&self, done: &[(i64, String)]) {
        let mut uses = self.uses.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        for (id, at) in done {
            if let Some(u) = uses.get_mut(id) {
                u.written = Some(now);
                // A use noted while writing stays dirty for the next round.
                u.dirty = u.at != *at;
            }
        }
    }
}

impl Store {
    /// Writes the token uses that are due (see [`WRITE_EVERY`]) in one
    /// transaction; run in the background by `serve`. On failure (the
    /// database busy) they stay due for the next round. Returns how many
    /// were written. `all` (at shutdown) writes every pending use.
    pub fn flush_token_uses(&self, all: bool) -> Result<usize> {
        let due = self.uses.due(all);
        if due.is_empty() {
            return Ok(0);
        }
        self.write(|tx| {
            let mut stmt = tx.prepare(
                "UPDATE tokens SET last_used_at = ?1 WHERE id = ?2 \
                 AND (last_used_at IS NULL OR last_used_at < ?1)",
            )?;
            for (id, at) in &due {
                stmt.execute(params![at, id])?;
            }
            Ok(())
        })?;
        self.uses.written(&due);
        Ok(due.len())
    }
}
