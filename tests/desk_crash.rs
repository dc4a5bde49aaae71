//! `kill -9` during uploads and ticket opens: after a restart every
//! attachment file has its row and every row its file, with no partial
//! files left.

mod common;
mod desk_common;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::Desk;
use serde_json::json;

/// Uploads (some then attached to a new ticket) as fast as it can until
/// `stop`; counts the uploads the desk confirmed.
fn client(url: String, token: String, stop: Arc<AtomicBool>, done: Arc<AtomicUsize>) {
    let http = reqwest::blocking::Client::new();
    let body = vec![b'x'; 1 << 20];
    let mut i = 0u32;
    while !stop.load(Ordering::Relaxed) {
        i += 1;
        let up = http
            .post(format!("{url}/v1/attachments?filename=f{i}.bin"))
            .bearer_auth(&token)
            .header("content-type", "application/octet-stream")
            .body(body.clone())
            .send();
        let Ok(resp) = up else { continue };
        if resp.status() != 201 {
            continue;
        }
        done.fetch_add(1, Ordering::Relaxed);
        let Ok(v) = resp.json::<serde_json::Value>() else {
            continue;
        };
        if i % 2 == 0 {
            let _ = http
                .post(format!("{url}/v1/tickets"))
                .bearer_auth(&token)
                .json(
                    &json!({"category": "billing", "subject": format!("crash {i}"),
                    "message": "with a file", "attachments": [v["id"]]}),
                )
                .send();
        }
    }
}

fn files(desk: &Desk) -> (BTreeSet<String>, Vec<String>) {
    let (mut whole, mut partial) = (BTreeSet::new(), vec![]);
    for e in std::fs::read_dir(desk.dir.path().join("attachments")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with(".partial-") {
            partial.push(name);
        } else {
            whole.insert(name);
        }
    }
    (whole, partial)
}

fn rows(desk: &Desk) -> BTreeSet<String> {
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let mut stmt = conn.prepare("SELECT id FROM attachments").unwrap();
    let ids = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    ids
}

#[test]
fn kill_9_during_uploads_and_opens_leaves_files_and_rows_matching() {
    let mut desk = Desk::start();
    let token = desk.owner_token();
    let done = Arc::new(AtomicUsize::new(0));
    for round in 0..6u64 {
        let stop = Arc::new(AtomicBool::new(false));
        let clients: Vec<_> = (0..4)
            .map(|_| {
                let (url, token, stop, done) =
                    (desk.url.clone(), token.clone(), stop.clone(), done.clone());
                std::thread::spawn(move || client(url, token, stop, done))
            })
            .collect();
        // Let work get under way, at a different point each round.
        std::thread::sleep(Duration::from_millis(300 + 170 * round));
        // The clients stop after the request in flight, which the kill
        // cuts: `restart` kills with SIGKILL, then starts the desk again.
        stop.store(true, Ordering::Relaxed);
        desk.restart();
        for c in clients {
            c.join().unwrap();
        }
        let (whole, partial) = files(&desk);
        assert!(
            partial.is_empty(),
            "round {round}: partial files left: {partial:?}"
        );
        assert_eq!(whole, rows(&desk), "round {round}: files and rows differ");
    }
    let confirmed = done.load(Ordering::Relaxed);
    assert!(
        confirmed > 0,
        "no upload ever finished: the test proved nothing"
    );
    eprintln!("{confirmed} uploads confirmed across 6 kills");
}
