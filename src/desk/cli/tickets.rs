//! `ecolo-desk tickets auto-close`: one pass closing `answered` tickets
//! nobody answered for a while (for cron and tests), and the periodic pass
//! a running `serve` does (`--auto-close-after`).

use std::path::Path;

use clap::{Args, Subcommand};

use super::super::mail::notify;
use super::super::store::Store;
use super::{open_existing, parse_duration};

#[derive(Debug, Subcommand)]
pub enum TicketsCommand {
    /// Close `answered` tickets with no customer reply for DURATION now,
    /// mailing each requester how to reopen
    AutoClose(AutoCloseArgs),
}

#[derive(Debug, Args)]
pub struct AutoCloseArgs {
    /// How long an answered ticket waits for the customer (7d, 36h, 0s)
    #[arg(long, value_name = "DURATION", default_value = "7d", value_parser = parse_duration)]
    pub after: chrono::Duration,
    /// Domain of the intake addresses, for the notices' Reply-To (the same
    /// as `serve --mail-domain`)
    #[arg(long, value_name = "DOMAIN", env = "ECOLO_DESK_MAIL_DOMAIN", default_value = super::config::DEFAULT_MAIL_DOMAIN)]
    pub mail_domain: String,
}

pub fn run(db: &Path, command: TicketsCommand) -> anyhow::Result<()> {
    match command {
        TicketsCommand::AutoClose(args) => {
            let store = open_existing(db, Some(&args.mail_domain))?;
            let closed = pass(&store, args.after)?;
            if closed.is_empty() {
                println!("no answered ticket waited that long: nothing closed");
            } else {
                let list: Vec<String> = closed.iter().map(u32::to_string).collect();
                println!("closed {} ticket(s): {}", closed.len(), list.join(", "));
            }
            Ok(())
        }
    }
}

/// One auto-close pass and its notices. The render also catches up on any
/// event whose mail an earlier failure left (a cron run heals it too).
fn pass(store: &Store, after: chrono::Duration) -> anyhow::Result<Vec<u32>> {
    let closed = store.auto_close(after)?;
    // Committed already; serve's outbox worker renders what fails here.
    if let Err(e) = notify::render_pending(store) {
        tracing::warn!("mail left for the outbox worker: {e}");
    }
    Ok(closed)
}

/// `serve`'s periodic pass: every tenth of the delay, between once a
/// second and once a minute (a pass is one indexed query).
pub fn spawn_auto_close(store: Store, after: chrono::Duration) {
    let every = (after / 10).to_std().unwrap_or_default().clamp(
        std::time::Duration::from_secs(1),
        std::time::Duration::from_secs(60),
    );
    tokio::spawn(async move {
        loop {
            let s = store.clone();
            match tokio::task::spawn_blocking(move || pass(&s, after)).await {
                Ok(Ok(closed)) if !closed.is_empty() => {
                    tracing::info!(count = closed.len(), "auto-closed answered tickets")
                }
                Ok(Ok(_)) => {}
                Ok(Err(e)) => tracing::warn!("auto-close: {e}"),
                Err(e) => tracing::warn!("auto-close task: {e}"),
            }
            tokio::time::sleep(every).await;
        }
    });
}
