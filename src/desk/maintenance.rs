//! Housekeeping a running `serve` does in the background, off every
//! request's path: writing token uses (`last_used_at`, at most once a
//! minute each) and removing upload leftovers (files a killed process
//! left without a row, `.partial-*` files older than an hour).

use std::time::Duration;

use super::store::Store;

/// How often pending token uses are written.
const FLUSH_EVERY: Duration = Duration::from_secs(5);
/// How often, and past what age, partial upload files are removed.
const PARTIALS_EVERY: Duration = Duration::from_secs(10 * 60);
pub const PARTIAL_MAX_AGE: Duration = Duration::from_secs(3600);

/// Removes what a killed process left among the attachments (see
/// `Store::reconcile_attachments`), saying so in the log.
pub fn reconcile(store: &Store) {
    match store.reconcile_attachments() {
        Ok((0, 0)) => {}
        Ok((files, rows)) => tracing::info!(
            "removed {files} attachment files and {rows} rows a crash left without each other"
        ),
        Err(e) => tracing::warn!("could not check attachments against the database: {e}"),
    }
}

/// Starts the housekeeping; it runs until the runtime stops.
pub fn spawn(store: Store) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut flush = tokio::time::interval(FLUSH_EVERY);
        let mut partials = tokio::time::interval(PARTIALS_EVERY);
        flush.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        partials.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            let store = store.clone();
            tokio::select! {
                _ = flush.tick() => {
                    let done = tokio::task::spawn_blocking(move || store.flush_token_uses(false)).await;
                    if let Ok(Err(e)) = done {
                        tracing::warn!("could not record token uses yet: {e}");
                    }
                }
                _ = partials.tick() => {
                    let done = tokio::task::spawn_blocking(move || {
                        reconcile(&store);
                        store.remove_stale_partials(PARTIAL_MAX_AGE)
                    })
                    .await;
                    match done {
                        Ok(Ok(0)) => {}
                        Ok(Ok(n)) => tracing::info!("removed {n} partial uploads older than an hour"),
                        Ok(Err(e)) => tracing::warn!("could not clean partial uploads: {e}"),
                        Err(_) => {}
                    }
                }
            }
        }
    })
}
