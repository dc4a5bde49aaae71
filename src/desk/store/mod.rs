//! The desk's SQLite store: the one owner of the database and the
//! attachments directory. Every entry point (HTTP routes, admin commands,
//! the e-mail channel) goes through these functions, so permissions,
//! validation and transactions are enforced in one place.
//!
//! The store is synchronous (rusqlite); async callers run it on
//! `tokio::task::spawn_blocking`. It is cheap to clone (a pool handle for
//! reads and the one writer connection, see [`Store::write`]).
//!
//! Every call is checked against one [`Actor`](super::auth::Actor): a
//! customer (owner or contact, possibly through a category-limited token)
//! or an agent (possibly category-limited, possibly through a narrower
//! token). The permission rules live here, nowhere else.
//!
//! Entry points by resource:
//! - accounts and senders: [`Store::create_account`], [`Store::verify_login`],
//!   [`Store::login_actor`], [`Store::find_sender`], [`Store::owner_principal`],
//!   [`Store::list_accounts`], [`Store::set_account_disabled`],
//!   [`Store::set_account_password`]
//! - the support team: [`Store::add_agent`], [`Store::list_agents`],
//!   [`Store::change_agent`], [`Store::remove_agent`], [`Store::find_agent`]
//! - tickets: [`Store::open_ticket`], [`Store::open_ticket_with_key`],
//!   [`Store::add_message`], [`Store::staff_reply`], [`Store::add_note`],
//!   [`Store::assign`], [`Store::change_ticket`], [`Store::list_tickets`],
//!   [`Store::ticket_detail`], [`Store::close_ticket`], [`Store::reopen_ticket`],
//!   [`Store::auto_close`]
//! - the events log: [`Store::render_events`] (the mailer's only door)
//! - attachments: [`Store::save_attachment`], [`Store::attachment`]
//! - contacts: [`Store::list_contacts`], [`Store::add_contact`],
//!   [`Store::change_contact`], [`Store::remove_contact`]
//! - tokens: [`Store::create_session`], [`Store::authenticate`],
//!   [`Store::revoke_token_id`], [`Store::list_tokens`], [`Store::create_token`],
//!   [`Store::revoke_token`]
//! - the outbox: [`Store::queue_mail`], [`Store::due_mail`],
//!   [`Store::mark_mail_sent`], [`Store::mark_mail_failed`],
//!   [`Store::recent_auto_replies`], [`Store::prune_delivered`] (with the events log)

mod accounts;
mod agents;
pub(crate) mod attachments;
mod categories;
mod contacts;
pub mod event_lines;
mod languages;
mod mail_auth;
pub mod outbox;
#[cfg(test)]
mod plans;
mod tickets;
mod token_use;
mod tokens;
mod validate;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use parking_lot::FairMutex;
use r2d2::{Pool, PooledConnection};
use r2d2_sqlite::SqliteConnectionManager;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

pub use accounts::{AccountSummary, Login};
pub use agents::{Agent, AgentChange};
pub use attachments::PendingUpload;
pub use categories::category_names;
pub(crate) use languages::{agent_language, requester_language};
pub(crate) use mail_auth::reply_address_secret;
pub use mail_auth::HeldMail;
pub use tickets::{Confirmation, DomainEvent, FromMail, Opened, TicketQuery, MAX_SEARCH_CHARS};
pub(crate) use validate::strip_controls;

use super::config::StoreConfig;
use super::error::{Error, Result};

/// How long a writer waits for another process (the server, an admin
/// command, `pipe`) before giving up with "database is locked". Writers of
/// one process never get there: they queue on [`Store::write`]'s fair lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Page cache of the writer connection (KiB, as SQLite's negative
/// `cache_size`): the indexes every write touches stay in memory at a
/// million tickets. Readers keep a smaller one each.
const WRITER_CACHE_KIB: i64 = 64 * 1024;
const READER_CACHE_KIB: i64 = 16 * 1024;
/// Statements each connection keeps prepared.
const STATEMENT_CACHE: usize = 256;
/// How much of the file each connection reads through a memory map. In WAL
/// mode a connection drops its whole page cache whenever another one has
/// written since its last read, so under writes the readers' caches stay
/// cold: mapped pages are shared through the OS instead of read and copied
/// again for every request. (SQLite caps it at 2 GiB.)
const MMAP_BYTES: i64 = 1 << 31;

/// Schema migrations, applied in order; `PRAGMA user_version` counts how
/// many a database has.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_support_team.sql"),
    include_str!("migrations/0003_mail_authentication.sql"),
    include_str!("migrations/0004_outbox_indexes.sql"),
    include_str!("migrations/0005_languages.sql"),
    include_str!("migrations/0006_ticket_listing_and_numbers.sql"),
    include_str!("migrations/0007_ticket_search.sql"),
    include_str!("migrations/0008_all_category_lists.sql"),
];

pub type Conn = PooledConnection<SqliteConnectionManager>;

/// Handle on one desk's database and attachment files.
#[derive(Clone)]
pub struct Store {
    pool: Pool<SqliteConnectionManager>,
    /// The one connection this process writes through. SQLite's busy
    /// handler is unfair (a waiter sleeps and polls, a newcomer can win), so
    /// under load some writes waited seconds and some failed with "database
    /// is locked"; a FIFO lock in front of one connection makes writers of
    /// this process take turns in arrival order instead.
    writer: Arc<FairMutex<Connection>>,
    config: Arc<StoreConfig>,
    uses: Arc<token_use::TokenUses>,
}

impl Store {
    /// Opens (creating if needed) the database at `config.db_path`, applies
    /// pending migrations and seeds the categories.
    pub fn open(config: StoreConfig) -> Result<Store> {
        if let Some(dir) = config.db_path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        create_private_dir(&config.attachments_dir)?;
        create_private_file(&config.db_path)?;
        // WAL lets admin commands and the e-mail channel write while the
        // server runs; the mode is stored in the file, set it before the
        // pool opens any connection. (The writer is this first connection:
        // closing a second one would cost a checkpoint and its fsyncs for
        // every `pipe`.)
        let writer = Connection::open(&config.db_path)?;
        writer.busy_timeout(BUSY_TIMEOUT)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        init_connection(&writer, WRITER_CACHE_KIB)?;
        let manager = SqliteConnectionManager::file(&config.db_path)
            .with_init(|c| init_connection(c, READER_CACHE_KIB));
        let pool = Pool::builder()
            .max_size(8)
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(30))
            .build(manager)?;
        let store = Store {
            pool,
            writer: Arc::new(FairMutex::new(writer)),
            config: Arc::new(config),
            uses: Arc::default(),
        };
        store.migrate()?;
        store.seed_categories()?;
        Ok(store)
    }

    /// Opens the store at `db_path` with default settings.
    pub fn open_path(db_path: &Path) -> Result<Store> {
        Store::open(StoreConfig::new(db_path))
    }

    /// Paths, limits and mail domain this store was opened with.
    pub fn config(&self) -> &StoreConfig {
        &self.config
    }

    /// A pooled connection for reads (tests and the store's own queries);
    /// writes go through [`Store::write`].
    pub fn conn(&self) -> Result<Conn> {
        Ok(self.pool.get()?)
    }

    /// Runs `f` in a transaction that takes the write lock at once, so two
    /// writers queue up instead of failing on upgrade: writers of this
    /// process in arrival order on the writer connection, other processes
    /// on SQLite's busy timeout. `f` must not call `write` itself (it would
    /// wait for itself); reads through [`Store::conn`] are fine.
    /// The busy timeout counts from the call, queueing included: a write
    /// queued behind others that wait for another process's lock gives up
    /// (busy, 503) when the timeout has passed, never later.
    pub fn write<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let started = std::time::Instant::now();
        let mut conn = self.writer.try_lock_for(BUSY_TIMEOUT).ok_or_else(|| {
            Error::Db(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                Some("the writers of this process waited past the busy timeout".into()),
            ))
        })?;
        let left = BUSY_TIMEOUT.saturating_sub(started.elapsed());
        conn.busy_timeout(left.max(Duration::from_millis(1)))?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx).map_err(|e| full_storage(&tx, e))?;
        // COMMIT by hand, not `tx.commit()`: that rolls back before
        // returning its error, and the rollback would hide the errno.
        tx.execute_batch("COMMIT")
            .map_err(|e| full_storage(&tx, e.into()))?;
        Ok(value)
    }

    /// For a long-running server: moves WAL checkpoints off the write
    /// path. By default the commit that fills 1000 WAL pages copies them
    /// into the database and fsyncs while holding the write lock, so every
    /// writer queued behind it waits (the p99 of concurrent opens). Here
    /// the writer never checkpoints; a thread of its own does a passive
    /// checkpoint (which never blocks writers or readers) every `every`.
    pub fn checkpoint_in_background(&self, every: Duration) -> Result<()> {
        let conn = Connection::open(&self.config.db_path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        self.writer
            .lock()
            .pragma_update(None, "wal_autocheckpoint", 0)?;
        std::thread::Builder::new()
            .name("wal-checkpoint".into())
            .spawn(move || loop {
                std::thread::sleep(every);
                if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                    tracing::warn!("WAL checkpoint failed: {e}");
                }
            })?;
        Ok(())
    }

    /// Copies the whole WAL into the database and empties it: for a server
    /// stopping, whose checkpoint thread never closes its connection (so
    /// no "last close" does this), so that the next process to open the
    /// database has no WAL to recover.
    pub fn checkpoint_now(&self) -> Result<()> {
        self.writer
            .lock()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Applies pending migrations in one transaction. Foreign keys are off
    /// meanwhile (SQLite's documented way to rebuild a table: dropping the
    /// old one would otherwise fire the ON DELETE actions of the tables
    /// referring to it) and checked before committing.
    fn migrate(&self) -> Result<()> {
        let mut conn = self.conn()?;
        // Up to date (every start of `pipe` and the admin commands): done,
        // without `foreign_key_check`, which reads every table.
        let version: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == MIGRATIONS.len() {
            return Ok(());
        }
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        let result = (|| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let version: usize = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version > MIGRATIONS.len() {
                return Err(Error::Internal(format!(
                    "the database has schema version {version}, newer than this desk ({}): \
                     upgrade ecolo-desk",
                    MIGRATIONS.len()
                )));
            }
            for sql in &MIGRATIONS[version..] {
                tx.execute_batch(sql)?;
            }
            let broken: Option<String> = tx
                .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
                .optional()?;
            if let Some(table) = broken {
                return Err(Error::Internal(format!(
                    "migrating left a dangling reference in table {table}"
                )));
            }
            tx.pragma_update(None, "user_version", MIGRATIONS.len())?;
            tx.commit()?;
            Ok(())
        })();
        conn.pragma_update(None, "foreign_keys", "ON")?;
        result
    }
}

/// SQLite reports "disk full" (SQLITE_FULL) only for ENOSPC; a write
/// refused by a disk quota (EDQUOT) or a file-size limit (EFBIG) comes back
/// as a plain I/O error. All three mean the storage is full, not that the
/// desk is broken: they become the I/O error they are, which answers 507.
fn full_storage(conn: &Connection, e: Error) -> Error {
    if let Error::Db(rusqlite::Error::SqliteFailure(f, _)) = &e {
        if f.code == rusqlite::ffi::ErrorCode::SystemIoFailure {
            // SAFETY: the handle is the live connection's; the call only
            // reads the errno SQLite kept from its last failed I/O.
            let errno = unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) };
            if [libc::ENOSPC, libc::EDQUOT, libc::EFBIG].contains(&errno) {
                return Error::Io(std::io::Error::from_raw_os_error(errno));
            }
        }
    }
    e
}

/// Settings every connection needs; they are not stored in the file.
fn init_connection(c: &Connection, cache_kib: i64) -> rusqlite::Result<()> {
    c.busy_timeout(BUSY_TIMEOUT)?;
    // A write path runs more distinct statements than rusqlite's default
    // cache of 16 holds; each one prepared again is parsed again, with the
    // programs of its table's triggers.
    c.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // synchronous=NORMAL is durable in WAL mode up to the last checkpoint
    // and saves an fsync per commit; the default autocheckpoint (1000
    // pages) keeps the WAL small.
    c.execute_batch(&format!(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
         PRAGMA cache_size = -{cache_kib}; PRAGMA temp_store = MEMORY; \
         PRAGMA mmap_size = {MMAP_BYTES};"
    ))
}

/// The database holds password and token hashes and the customers' tickets:
/// only the desk's user may read it (SQLite gives its -wal and -shm files
/// the same mode).
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop)
}

fn create_private_dir(path: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path)
}

/// Now, as stored: RFC 3339 UTC with microseconds, so text order is time order.
pub(crate) fn now() -> String {
    fmt_time(Utc::now())
}

pub(crate) fn fmt_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub(crate) fn parse_time(s: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })
}

pub(crate) fn parse_opt_time(s: Option<String>) -> rusqlite::Result<Option<DateTime<Utc>>> {
    s.as_deref().map(parse_time).transpose()
}

/// Whether a rusqlite error is a UNIQUE constraint violation.
pub(crate) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    )
}
