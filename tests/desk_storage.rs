//! The desk under busy storage and odd requests: reads keep answering while
//! another process holds SQLite's write lock, a write that cannot get the
//! lock answers 503 with `Retry-After` (and `ecolo` retries it), and every
//! refusal, the HTTP library's own included, is problem+json; a full
//! storage (a file-size limit the kernel enforces) answers 507.

mod cli_common;
mod common;
mod desk_common;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::Desk;
use desk_common::{expect, expect_problem, number, Api};
use reqwest::Method;
use serde_json::json;

/// Holds `BEGIN IMMEDIATE` on the desk's database for `hold` from another
/// connection (another process would do the same); returns once the lock
/// is held, and the thread to join.
fn hold_write_lock(desk: &Desk, hold: Duration) -> std::thread::JoinHandle<()> {
    let db = desk.db();
    let (held, is_held) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.busy_timeout(Duration::from_secs(10)).unwrap();
        conn.execute_batch("BEGIN IMMEDIATE").unwrap();
        held.send(()).unwrap();
        std::thread::sleep(hold);
        conn.execute_batch("ROLLBACK").unwrap();
    });
    is_held.recv().unwrap();
    thread
}

#[test]
fn reads_answer_while_another_process_holds_the_write_lock() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let n = number(&api.open_ticket(&token, "billing", "Locked out"));
    let user = desk.user();
    user.login_owner();

    let hold = Duration::from_secs(15);
    let lock = hold_write_lock(&desk, hold);
    let start = Instant::now();
    // A safe request the CLI repeats: close (idempotent). It waits out
    // the busy timeout, gets 503 + Retry-After, and tries again.
    let closer = {
        let mut cmd = user.cmd();
        cmd.args(["--verbose", "ticket", "close", &n.to_string()]);
        std::thread::spawn(move || common::run_with_stdin(cmd, ""))
    };
    for path in [
        "/v1/me".to_string(),
        "/v1/tickets".into(),
        format!("/v1/tickets/{n}"),
    ] {
        for _ in 0..3 {
            expect(api.get(&path, &token), 200);
        }
    }
    let reads = start.elapsed();
    // The lock is held for 15 s; a read that waited for it (the busy
    // timeout is 10 s) would miss this deadline by far.
    assert!(reads < Duration::from_secs(5), "9 reads took {reads:?}");

    // A write cannot get the lock: 503, Retry-After, saying what happened.
    let resp = api.post(
        &format!("/v1/tickets/{n}/messages"),
        &token,
        &json!({"message": "anyone?"}),
    );
    let retry_after = resp.headers().get("retry-after").cloned();
    let problem = expect_problem(resp, 503);
    assert!(start.elapsed() < hold, "the 503 came before the lock went");
    assert!(retry_after.is_some(), "503 without Retry-After");
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("busy") && detail.contains("locked"),
        "{detail}"
    );

    lock.join().unwrap();
    let out = closer.join().unwrap();
    let err = common::stderr(&out);
    assert_eq!(common::code(&out), 0, "{err}");
    assert!(err.contains("retrying"), "the CLI retried the 503: {err}");
    let ticket = expect(api.get(&format!("/v1/tickets/{n}"), &token), 200);
    assert_eq!(ticket["status"], "closed");
    // The opening message and the "closed by" event; not the refused reply.
    let kinds: Vec<&str> = ticket["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["message", "event"], "no reply stored");
}

#[test]
fn token_use_is_recorded_without_writing_on_each_read() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let secret = api.create_token(&owner, json!({"name": "ci"}));
    let stored = || {
        let conn = rusqlite::Connection::open(desk.db()).unwrap();
        conn.query_row(
            "SELECT last_used_at FROM tokens WHERE name = 'ci'",
            [],
            |r| r.get::<_, Option<String>>(0),
        )
        .unwrap()
    };
    api.get_ok("/v1/me", &secret);
    // The list shows the use at once, from memory...
    let listed = api.get_ok("/v1/tokens", &owner)[0]["last_used_at"].clone();
    assert!(listed.is_string(), "{listed}");
    // ...and the background writer stores it within a few seconds.
    let deadline = Instant::now() + Duration::from_secs(20);
    let first = loop {
        if let Some(t) = stored() {
            break t;
        }
        assert!(Instant::now() < deadline, "last_used_at never written");
        std::thread::sleep(Duration::from_millis(200));
    };
    // More reads within the minute do not write again.
    for _ in 0..5 {
        api.get_ok("/v1/me", &secret);
    }
    std::thread::sleep(Duration::from_secs(6));
    assert_eq!(
        stored().as_deref(),
        Some(first.as_str()),
        "written twice in a minute"
    );
}

#[test]
fn every_refusal_is_problem_json_even_from_the_http_layer() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let cases: Vec<(reqwest::blocking::RequestBuilder, u16)> = vec![
        (api.req(Method::GET, "/nowhere", None), 404),
        (api.req(Method::PUT, "/v1/tickets", Some(&token)), 405),
        (api.req(Method::GET, "/v1/tickets/abc", Some(&token)), 400),
        (
            api.req(Method::GET, "/v1/tickets?limit=x", Some(&token)),
            400,
        ),
        (
            api.req(Method::POST, "/v1/tickets", Some(&token))
                .header("content-type", "application/json")
                .body("{nope"),
            400,
        ),
        (
            api.req(Method::POST, "/v1/attachments", Some(&token))
                .body("no filename"),
            422,
        ),
    ];
    for (req, status) in cases {
        expect_problem(req.send().unwrap(), status);
    }
    // Too large, said before the body is read (on a raw socket: a client
    // still writing the body could see the connection close first).
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(desk.url.trim_start_matches("http://")).unwrap();
    s.write_all(
        b"POST /v1/sessions HTTP/1.1\r\nHost: desk\r\nContent-Type: application/json\r\n\
          Content-Length: 100000000\r\n\r\n",
    )
    .unwrap();
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("application/problem+json"), "{answer}");
}

/// The files in the desk's attachments directory (finished or partial).
fn attachment_files(desk: &Desk) -> Vec<String> {
    match std::fs::read_dir(desk.dir.path().join("attachments")) {
        Ok(dir) => dir
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn full_storage_answers_507_and_stores_nothing_half() {
    let mut desk = Desk::start();
    let token = desk.owner_token();
    // Room for every file the desk has now, and 512 KiB more each.
    let largest = std::fs::read_dir(desk.dir.path())
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .max()
        .unwrap();
    let limit = largest + 512 * 1024;
    desk.restart_with_file_size_limit(limit);
    let api = Api::new(&desk);
    let files_before = attachment_files(&desk);

    // An upload bigger than any file may grow: 507, and no file left.
    let problem = expect_problem(
        api.upload(&token, "big.bin", vec![7u8; limit as usize + 1]),
        507,
    );
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("storage is full"),
        "{problem}"
    );
    assert_eq!(attachment_files(&desk), files_before);

    // Tickets of 60 KiB each until the database cannot grow.
    let body = "x".repeat(60 * 1024);
    let mut opened = 0;
    let refusal = loop {
        let resp = api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "billing", "subject": format!("t{opened}"), "message": body}),
        );
        if resp.status() == 507 {
            break expect_problem(resp, 507);
        }
        expect(resp, 201);
        opened += 1;
        assert!(opened < 200, "the database never filled");
    };
    assert!(
        refusal["detail"]
            .as_str()
            .unwrap()
            .contains("storage is full"),
        "{refusal}"
    );
    // The refused ticket is not half there, and reads go on.
    let list = api.get_ok("/v1/tickets?limit=100", &token);
    assert_eq!(list["items"].as_array().unwrap().len(), opened, "{list}");
    expect(api.get("/v1/me", &token), 200);
}
