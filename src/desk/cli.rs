//! The `ecolo-desk` command line: `serve`, and the admin commands that work
//! on the same database while the server runs (WAL + busy timeout). The
//! support team's and accounts' commands live in [`staff`], [`account`] and
//! [`tickets`]; every one of them goes through the store.

mod account;
mod staff;
mod tickets;

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use rand::distributions::{Alphanumeric, DistString};

use super::config::{self, Limits, StoreConfig};
use super::error::Error;
use super::http::conn;
use super::store::Store;
use crate::api::Language;

#[derive(Debug, Parser)]
#[command(
    name = "ecolo-desk",
    version,
    about = "The ecolo support desk: HTTP API, ticket store and admin commands"
)]
pub struct Cli {
    /// SQLite database file; attachments are kept in `attachments/` beside it
    /// [default: desk.db in the user's data directory]
    #[arg(long, global = true, env = "ECOLO_DESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the HTTP API until Ctrl-C or SIGTERM
    Serve(ServeArgs),
    /// Manage customer accounts
    #[command(subcommand)]
    Account(AccountCommand),
    /// Manage the support team and answer as it
    #[command(subcommand)]
    Staff(staff::StaffCommand),
    /// Work on tickets in bulk (auto-close)
    #[command(subcommand)]
    Tickets(tickets::TicketsCommand),
    /// File one e-mail read from stdin (for the MTA's pipe transport)
    Pipe(super::mail::pipe::PipeArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port
    #[arg(long, value_name = "ADDR", default_value = config::DEFAULT_LISTEN)]
    pub listen: SocketAddr,
    /// Create a demo account (demo@ecolo.test) and print how to log in
    #[arg(long)]
    pub demo: bool,
    /// Largest attachment accepted, in bytes
    #[arg(long, value_name = "N", default_value_t = config::DEFAULT_MAX_ATTACHMENT_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_attachment_bytes: u64,
    /// Most attachments on one message
    #[arg(long, value_name = "N", default_value_t = config::DEFAULT_MAX_ATTACHMENTS)]
    pub max_attachments: u32,
    /// Longest ticket subject, in characters
    #[arg(long, value_name = "N", default_value_t = config::DEFAULT_MAX_SUBJECT_CHARS,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_subject_chars: u32,
    /// Longest message, in bytes
    #[arg(long, value_name = "N", default_value_t = config::DEFAULT_MAX_MESSAGE_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_message_bytes: u64,
    /// Domain of the intake addresses (`<category>@DOMAIN`)
    #[arg(long, value_name = "DOMAIN", env = "ECOLO_DESK_MAIL_DOMAIN", default_value = config::DEFAULT_MAIL_DOMAIN)]
    pub mail_domain: String,
    /// Behind a reverse proxy on this machine: limit failed logins by the
    /// client address the proxy puts last in X-Forwarded-For
    #[arg(long)]
    pub trust_forwarded_for: bool,
    /// SMTP relay for outgoing notifications (e.g. smtp://localhost:25); a URL
    /// with a password belongs in the environment, not on the command line
    #[arg(
        long,
        value_name = "URL",
        env = "ECOLO_DESK_SMTP_URL",
        hide_env_values = true
    )]
    pub smtp_url: Option<String>,
    /// First retry delay of the outbox in milliseconds; doubles per failure
    #[arg(long, value_name = "MS", default_value_t = 30_000, hide = true)]
    pub outbox_retry_ms: u64,
    /// Seconds a client has to send a request's headers (slow clients are
    /// disconnected)
    #[arg(long, value_name = "SECS", default_value_t = conn::DEFAULT_HEADER_TIMEOUT_SECS,
          value_parser = positive_secs)]
    pub header_timeout: f64,
    /// Seconds an idle keep-alive connection stays open
    #[arg(long, value_name = "SECS", default_value_t = conn::DEFAULT_IDLE_TIMEOUT_SECS,
          value_parser = positive_secs)]
    pub idle_timeout: f64,
    /// Slowest upload accepted, in bytes a second over 10 s (0: no minimum);
    /// a stalled body is dropped with 408
    #[arg(long, value_name = "N", default_value_t = conn::DEFAULT_MIN_UPLOAD_BYTES_PER_SEC)]
    pub min_upload_rate: u64,
    /// Connections open at once, in all; past it, 503
    #[arg(long, value_name = "N", default_value_t = conn::DEFAULT_MAX_CONNECTIONS,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub max_connections: usize,
    /// Connections open at once from one client address; past it, 503
    #[arg(long, value_name = "N", default_value_t = conn::DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    pub max_connections_per_address: usize,
    /// Delete sent mail from the outbox, and rendered events from the
    /// events log, this long after (e.g. 30d, 12h, 90m, 45s); mail not yet
    /// sent is always kept
    #[arg(long, value_name = "DURATION", default_value = "30d", value_parser = parse_retention)]
    pub mail_retention: std::time::Duration,
    /// Close `answered` tickets with no customer reply for this long
    /// (e.g. 7d, 36h, 90m; `off` never)
    #[arg(long, value_name = "DURATION", default_value = "7d", value_parser = parse_auto_close)]
    pub auto_close_after: AutoClose,
    /// The desk's default language: of new accounts and agents, also those
    /// the admin commands create (kept in the database; until first set, es)
    #[arg(long, value_enum, value_name = "LANG")]
    pub language: Option<Language>,
}

/// A number of seconds above zero (fractions allowed: `0.5`).
fn positive_secs(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v <= 86_400.0 => Ok(v),
        _ => Err(format!(
            "`{s}` is not a number of seconds between 0 and 86400"
        )),
    }
}

/// `--auto-close-after`: a duration, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoClose {
    Off,
    After(chrono::Duration),
}

fn parse_auto_close(s: &str) -> Result<AutoClose, String> {
    if s.trim().eq_ignore_ascii_case("off") {
        return Ok(AutoClose::Off);
    }
    parse_duration(s).map(AutoClose::After)
}

/// `7d`, `36h`, `90m`, `45s`, or several (`1d12h`).
pub(crate) fn parse_duration(s: &str) -> Result<chrono::Duration, String> {
    let bad = || format!("`{s}` is not a duration: use e.g. 7d, 36h, 90m or 0s");
    let text = s.trim();
    if text.is_empty() {
        return Err(bad());
    }
    let mut total = chrono::Duration::zero();
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = digits.parse().map_err(|_| bad())?;
        digits.clear();
        let part = match c {
            'd' => chrono::Duration::try_days(n),
            'h' => chrono::Duration::try_hours(n),
            'm' => chrono::Duration::try_minutes(n),
            's' => chrono::Duration::try_seconds(n),
            _ => return Err(bad()),
        };
        total = part
            .and_then(|part| total.checked_add(&part))
            .ok_or_else(bad)?;
    }
    if !digits.is_empty() {
        return Err(bad());
    }
    Ok(total)
}

/// `--mail-retention`: a duration longer than zero.
fn parse_retention(s: &str) -> Result<std::time::Duration, String> {
    let d = parse_duration(s)?;
    if d <= chrono::Duration::zero() {
        return Err(format!("`{s}`: the retention must be longer than zero"));
    }
    d.to_std().map_err(|e| format!("`{s}`: {e}"))
}

/// How often `serve` deletes sent mail and rendered events past the
/// retention; a retention shorter than this is checked as often as it lasts.
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Deletes mail sent and events rendered more than `retention` ago now and
/// then every hour, so the database grows with tickets, not with mail.
fn spawn_mail_pruning(store: Store, retention: std::time::Duration) {
    let every = PRUNE_EVERY.min(retention);
    tokio::spawn(async move {
        loop {
            let s = store.clone();
            match tokio::task::spawn_blocking(move || s.prune_delivered(retention)).await {
                Ok(Ok(p)) if p.mail == 0 && p.events == 0 => {}
                Ok(Ok(p)) => tracing::info!(
                    "outbox: deleted {} mails sent and {} events rendered over {retention:?} ago",
                    p.mail,
                    p.events
                ),
                Ok(Err(e)) => tracing::warn!("outbox: could not delete old mail and events: {e}"),
                Err(e) => tracing::warn!("outbox: pruning stopped: {e}"),
            }
            tokio::time::sleep(every).await;
        }
    });
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Create a customer account (the owner logs in with this e-mail)
    Create {
        /// The owner's e-mail, used to log in
        #[arg(long)]
        email: String,
        /// The owner's name, shown on tickets
        #[arg(long)]
        name: String,
        /// Read the password from the first line of standard input
        #[arg(long, required = true)]
        password_stdin: bool,
        /// The language of the desk's mail to the owner (and the default of
        /// their contacts) [default: the desk's, set by `serve --language`]
        #[arg(long, value_enum, value_name = "LANG")]
        language: Option<Language>,
    },
    /// List the customer accounts
    List(account::ListArgs),
    /// Refuse an account's credentials and mail at once (its tickets stay)
    Disable(account::EmailArgs),
    /// Let a disabled account in again
    Enable(account::EmailArgs),
    /// Set an owner's password (read from stdin); ends the account's sessions
    SetPassword(account::SetPasswordArgs),
    /// Change an account: the language of the desk's mail to its owner
    Edit(account::EditArgs),
}

/// Uploads not attached to a ticket or reply within this many days were
/// abandoned; `serve` deletes them at start.
const UNATTACHED_DAYS: i64 = 7;

pub const DEMO_EMAIL: &str = "demo@ecolo.test";
const DEMO_NAME: &str = "Demo Customer";

/// Runs `ecolo-desk`; the process exits with the returned code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(matches!(cli.command, Command::Serve(_)));
    if let Command::Pipe(args) = cli.command {
        // The MTA acts on the exit status (sysexits), not just success.
        let db = cli.db.unwrap_or_else(config::default_db_path);
        return super::mail::pipe::main(db, args);
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(serving: bool) {
    let default = if serving { "info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_env("ECOLO_DESK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(filter)
        .try_init();
}

/// The database of an admin command that must not create one: with no
/// database at `db`, fail naming --db, ECOLO_DESK_DB and the default path.
pub(crate) fn existing_db(db: &std::path::Path) -> anyhow::Result<()> {
    if db.exists() {
        return Ok(());
    }
    anyhow::bail!(
        "no desk database at {}: pass --db PATH or set ECOLO_DESK_DB to the database of \
         `ecolo-desk serve` (the default is {})",
        db.display(),
        config::default_db_path().display()
    )
}

/// Opens an existing desk database for an admin command.
pub(crate) fn open_existing(
    db: &std::path::Path,
    mail_domain: Option<&str>,
) -> anyhow::Result<Store> {
    existing_db(db)?;
    let mut config = StoreConfig::new(db);
    if let Some(domain) = mail_domain {
        config.mail_domain = domain.to_string();
    }
    Ok(Store::open(config)?)
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let db = cli.db.unwrap_or_else(config::default_db_path);
    match cli.command {
        Command::Serve(args) => serve(db, args),
        Command::Account(AccountCommand::Create {
            email,
            name,
            password_stdin: _,
            language,
        }) => {
            let password = read_password_line()?;
            let store = Store::open_path(&db)?;
            store.create_account_in(&email, &name, &password, language)?;
            println!("created account {}", email.trim().to_lowercase());
            Ok(())
        }
        Command::Account(command) => account::run(&db, command),
        Command::Staff(command) => staff::run(&db, command),
        Command::Tickets(command) => tickets::run(&db, command),
        Command::Pipe(_) => unreachable!("handled in main"),
    }
}

/// The first line of stdin, without its line ending.
pub(crate) fn read_password_line() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\n', '\r']).to_string();
    if password.is_empty() {
        anyhow::bail!("no password on standard input: pipe it in, e.g. `printf '%s\\n' \"$PW\" | ecolo-desk account create ... --password-stdin`");
    }
    Ok(password)
}

fn serve(db: PathBuf, args: ServeArgs) -> anyhow::Result<()> {
    super::auth::give_big_allocations_back();
    let mut config = StoreConfig::new(&db);
    config.mail_domain = args.mail_domain.clone();
    config.limits = Limits {
        max_subject_chars: args.max_subject_chars,
        max_message_bytes: args.max_message_bytes,
        max_attachment_bytes: args.max_attachment_bytes,
        max_attachments_per_message: args.max_attachments,
    };
    let store = Store::open(config)?;
    if let Some(language) = args.language {
        store.set_desk_language(language)?;
    }
    match store.remove_stale_partials(super::maintenance::PARTIAL_MAX_AGE) {
        Ok(0) => {}
        Ok(n) => tracing::info!("removed {n} partial uploads left by a crash"),
        Err(e) => tracing::warn!("could not clean partial uploads: {e}"),
    }
    super::maintenance::reconcile(&store);
    match store.remove_unattached(chrono::Duration::days(UNATTACHED_DAYS)) {
        Ok(0) => {}
        Ok(n) => tracing::info!("removed {n} uploads never attached within {UNATTACHED_DAYS} days"),
        Err(e) => tracing::warn!("could not clean unattached uploads: {e}"),
    }
    store.checkpoint_in_background(std::time::Duration::from_millis(500))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let at_exit = store.clone();
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", args.listen))?;
        let addr = listener.local_addr()?;
        let url = format!("http://{addr}");
        if let Some(smtp_url) = &args.smtp_url {
            use super::mail::outbox;
            let relay = outbox::transport(smtp_url).map_err(anyhow::Error::msg)?;
            let retry = std::time::Duration::from_millis(args.outbox_retry_ms.max(1));
            outbox::spawn(store.clone(), relay, outbox::WorkerConfig::new(retry));
        }
        spawn_mail_pruning(store.clone(), args.mail_retention);
        if args.demo {
            seed_demo(&store, &url)?;
        }
        if let AutoClose::After(after) = args.auto_close_after {
            tickets::spawn_auto_close(store.clone(), after);
        }
        let shutdown = super::http::shutdown_signal()?;
        tracing::info!(db = %db.display(), "desk ready");
        {
            // Scripts wait for exactly this line.
            let mut out = std::io::stdout().lock();
            writeln!(out, "listening on {url}")?;
            out.flush()?;
        }
        super::maintenance::spawn(store.clone());
        let state = super::http::AppState::new(store.clone(), args.trust_forwarded_for);
        let limits = conn::ConnLimits {
            header_timeout: std::time::Duration::from_secs_f64(args.header_timeout),
            idle_timeout: std::time::Duration::from_secs_f64(args.idle_timeout),
            min_upload_bytes_per_sec: args.min_upload_rate,
            max_connections: args.max_connections,
            max_connections_per_address: args.max_connections_per_address,
        };
        super::http::serve(state, listener, limits, shutdown).await?;
        if let Err(e) = store.flush_token_uses(true) {
            tracing::warn!("could not record the last token uses: {e}");
        }
        Ok::<_, anyhow::Error>(())
    })?;
    if let Err(e) = at_exit.checkpoint_now() {
        tracing::warn!("could not checkpoint the WAL at exit: {e}");
    }
    Ok(())
}

/// Creates the demo account once and tells (on stderr) how to log in.
fn seed_demo(store: &Store, url: &str) -> anyhow::Result<()> {
    if store.account_exists(DEMO_EMAIL)? {
        eprintln!(
            "demo account {DEMO_EMAIL} exists already; log in with the password printed when it \
             was created:\n  ecolo login --url {url} --email {DEMO_EMAIL}"
        );
        return Ok(());
    }
    let password = Alphanumeric.sample_string(&mut rand::rngs::OsRng, 20);
    match store.create_account(DEMO_EMAIL, DEMO_NAME, &password) {
        Ok(_) => {}
        // Another process created it meanwhile: just as good.
        Err(Error::Conflict(_)) => return Ok(()),
        Err(e) => return Err(e.into()),
    }
    eprintln!(
        "demo account created: {DEMO_EMAIL} (password shown only this once)\n\
         log in with:\n  printf '%s\\n' '{password}' | ecolo login --url {url} --email {DEMO_EMAIL} --password-stdin"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_durations() {
        assert_eq!(
            parse_retention("30d").unwrap(),
            std::time::Duration::from_secs(30 * 86_400)
        );
        assert_eq!(
            parse_retention("90m").unwrap(),
            std::time::Duration::from_secs(5_400)
        );
        assert_eq!(
            parse_retention("45s").unwrap(),
            std::time::Duration::from_secs(45)
        );
        for bad in [
            "",
            "d",
            "0h",
            "30",
            "1w",
            "-3h",
            "99999999999999999999d",
            "9999999999999999d",
        ] {
            assert!(parse_retention(bad).is_err(), "{bad}");
        }
    }
}
