//! `ecolo ticket ...` end to end: what scripts see on stdout, the `--json`
//! shapes, local checks that fail before anything is sent, and the ticket
//! lifecycle against the real desk.

mod cli_common;
mod common;

use std::collections::HashSet;
use std::process::{Command, Stdio};

use cli_common::{fails, is_number, json, keys, ok, open};
use common::{code, stderr, Desk};

const TICKET_KEYS: [&str; 11] = [
    "account",
    "assignee",
    "category",
    "created_at",
    "number",
    "priority",
    "requester",
    "status",
    "subject",
    "updated_at",
    "waiting_since",
];

fn ticket_keys_and(extra: &str) -> Vec<String> {
    let mut k: Vec<String> = TICKET_KEYS.iter().map(|s| s.to_string()).collect();
    k.push(extra.to_string());
    k.sort();
    k
}

/// Files the desk holds in `<db dir>/attachments/` (uploads land there).
fn uploads(desk: &Desk) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    let mut dirs = vec![desk.dir.path().join("attachments")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn all_tickets(user: &common::User) -> Vec<serde_json::Value> {
    json(&user.run(&["ticket", "list", "--status", "all", "--json"]))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn open_prints_only_the_number_and_json_is_stable() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let out = user.run(&[
        "ticket",
        "open",
        "-c",
        "billing",
        "-s",
        "Invoice 1234 charged twice",
        "-m",
        "We were charged twice.",
        "-p",
        "high",
    ]);
    let printed = ok(&out);
    assert!(printed.ends_with('\n'));
    let number = printed.trim();
    assert!(
        is_number(number),
        "stdout must be the number only: {printed:?}"
    );

    let v = json(&user.run(&[
        "ticket",
        "open",
        "--json",
        "-c",
        "Email",
        "-s",
        "Mailbox full",
        "-m",
        "Help",
    ]));
    assert_eq!(keys(&v), ticket_keys_and("messages"));
    assert_eq!(v["category"], "email");
    assert_eq!(v["status"], "open");
    assert_eq!(v["priority"], "medium");
    assert_eq!(v["requester"]["role"], "owner");
    assert_eq!(v["messages"][0]["body"], "Help");

    let view = json(&user.run(&["ticket", "view", number, "--json"]));
    assert_eq!(keys(&view), ticket_keys_and("messages"));
    assert_eq!(view["subject"], "Invoice 1234 charged twice");
    assert_eq!(view["priority"], "high");
    assert_eq!(
        keys(&view["messages"][0]),
        [
            "attachments",
            "author",
            "body",
            "channel",
            "created_at",
            "id",
            "kind",
            "verified"
        ]
    );
    assert_eq!(view["messages"][0]["channel"], "cli");
    // Only e-mail messages say how their sender was verified.
    assert!(view["messages"][0]["verified"].is_null());
    assert_eq!(view["messages"][0]["kind"], "message");
    assert_eq!(view["account"]["email"], common::OWNER_EMAIL);
    assert_eq!(view["assignee"], serde_json::Value::Null);
    assert!(
        view["waiting_since"].is_string(),
        "an open ticket waits: {view}"
    );

    let list = all_tickets(&user);
    assert_eq!(list.len(), 2);
    for t in &list {
        assert_eq!(keys(t), TICKET_KEYS);
    }
}

#[test]
fn message_from_file_or_stdin() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let file = user.config.path().join("msg.txt");
    std::fs::write(&file, "From a file\nsecond line\n").unwrap();
    let n = ok(&user.run(&[
        "ticket",
        "open",
        "-c",
        "other",
        "-s",
        "File",
        "-F",
        file.to_str().unwrap(),
    ]));
    let v = json(&user.run(&["ticket", "view", n.trim(), "--json"]));
    assert_eq!(v["messages"][0]["body"], "From a file\nsecond line");

    let n = ok(&user.run_stdin(
        &["ticket", "open", "-c", "other", "-s", "Stdin", "-F", "-"],
        "piped text\n",
    ));
    let v = json(&user.run(&["ticket", "view", n.trim(), "--json"]));
    assert_eq!(v["messages"][0]["body"], "piped text");

    let err = fails(
        &user.run(&[
            "ticket",
            "open",
            "-c",
            "other",
            "-s",
            "x",
            "-F",
            "/nonexistent/msg",
        ]),
        2,
    );
    assert!(err.contains("--message-file"), "{err}");
    let err = fails(
        &user.run(&[
            "ticket", "open", "-c", "other", "-s", "x", "-m", "a", "-F", "-",
        ]),
        2,
    );
    assert!(err.contains("--message"), "{err}");
}

#[test]
fn bad_input_fails_before_anything_is_sent() {
    let desk = Desk::start_with(&["--max-attachment-bytes", "100", "--max-attachments", "2"]);
    let user = desk.user();
    user.login_owner();
    let dir = user.config.path();
    let small = dir.join("small.txt");
    std::fs::write(&small, "tiny").unwrap();
    let big = dir.join("big.bin");
    std::fs::write(&big, vec![7u8; 101]).unwrap();
    let s = small.to_str().unwrap();
    // `ecolo ticket open FLAGS...` must fail with exit 2; returns stderr.
    let refused = |flags: &[&str]| {
        let mut args = vec!["ticket", "open"];
        args.extend_from_slice(flags);
        fails(&user.run(&args), 2)
    };
    // The same, with a valid subject and message before `extra`.
    let refused_with =
        |extra: &[&str]| refused(&[&["-c", "billing", "-s", "x", "-m", "y"][..], extra].concat());
    let to_dir = |err: String| err.replace(dir.to_str().unwrap(), "[DIR]");

    let err = refused(&["-c", "nope", "-s", "x", "-m", "y"]);
    insta::assert_snapshot!("unknown_category", err);
    let err = refused(&["-s", "x", "-m", "y"]);
    assert!(err.contains("--category"), "{err}");
    let err = refused(&["-c", "billing", "-m", "y"]);
    assert!(err.contains("--subject"), "{err}");
    let err = refused(&["-c", "billing", "-s", "x"]);
    insta::assert_snapshot!("missing_message", err);
    let err = refused(&["-c", "billing", "-s", "  ", "-m", "y"]);
    assert!(err.contains("subject"), "{err}");
    let err = refused(&["-c", "billing", "-s", "two\nlines", "-m", "y", "-a", s]);
    assert!(err.contains("--subject"), "{err}");
    refused_with(&["-p", "urgent"]);

    let missing = dir.join("missing.png");
    let err = refused_with(&["-a", s, "-a", missing.to_str().unwrap()]);
    assert!(err.contains("missing.png"), "{err}");
    insta::assert_snapshot!("missing_attachment", to_dir(err));
    let err = refused_with(&["-a", big.to_str().unwrap()]);
    assert!(
        err.contains("big.bin") && err.contains("100 bytes"),
        "{err}"
    );
    insta::assert_snapshot!("attachment_too_big", to_dir(err));
    let long = "x".repeat(201);
    let err = refused(&["-c", "billing", "-s", &long, "-m", "y"]);
    insta::assert_snapshot!("subject_too_long", err);
    let err = refused(&["-c", "billing", "-s", "x", "-m", &"y".repeat(65_537)]);
    insta::assert_snapshot!("message_too_long", err);
    let err = refused_with(&["-a", s, "-a", s, "-a", s]);
    assert!(err.contains("at most 2"), "{err}");
    let err = refused_with(&["-a", dir.to_str().unwrap()]);
    assert!(err.contains("not a regular file"), "{err}");
    assert!(
        all_tickets(&user).is_empty(),
        "a bad command created a ticket"
    );
    assert!(
        uploads(&desk).is_empty(),
        "a bad command uploaded a file: {:?}",
        uploads(&desk)
    );
    // A good one with an attachment still works under the same limits.
    let out = user.run(&[
        "ticket", "open", "-c", "billing", "-s", "ok", "-m", "y", "-a", s,
    ]);
    assert!(is_number(ok(&out).trim()));
    assert_eq!(stderr(&out), "", "no progress or hints in a pipe");
    assert_eq!(uploads(&desk).len(), 1, "uploads are where we look");
}

#[test]
fn website_updates_without_attachment_get_a_reminder() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let out = user.run(&[
        "ticket",
        "open",
        "-c",
        "website-updates",
        "-s",
        "New prices",
        "-m",
        "see text",
    ]);
    ok(&out);
    assert!(
        stderr(&out).contains("final text and the final images"),
        "{}",
        stderr(&out)
    );
    let file = user.config.path().join("prices.txt");
    std::fs::write(&file, "Prices: ...").unwrap();
    let out = user.run(&[
        "ticket",
        "open",
        "-c",
        "website-updates",
        "-s",
        "New prices",
        "-m",
        "attached",
        "-a",
        file.to_str().unwrap(),
    ]);
    ok(&out);
    assert!(!stderr(&out).contains("Reminder"), "{}", stderr(&out));
    let out = user.run(&["ticket", "open", "-c", "billing", "-s", "x", "-m", "y"]);
    assert!(!stderr(&out).contains("Reminder"));
}

#[test]
fn the_same_idempotency_key_never_opens_a_second_ticket() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let args = [
        "ticket",
        "open",
        "-c",
        "quotes",
        "-s",
        "Quote for 3 sites",
        "-m",
        "please",
        "--idempotency-key",
        "ci-run-42",
    ];
    let first = ok(&user.run(&args));
    let second = ok(&user.run(&args));
    assert_eq!(first, second);
    assert_eq!(all_tickets(&user).len(), 1);
    // Without a key each run is a new ticket (each run has its own key).
    open(&user, "quotes", "Another");
    open(&user, "quotes", "Another");
    assert_eq!(all_tickets(&user).len(), 3);
    // The same key with a different body is refused by the desk.
    let err = fails(
        &user.run(&[
            "ticket",
            "open",
            "-c",
            "quotes",
            "-s",
            "Changed",
            "-m",
            "please",
            "--idempotency-key",
            "ci-run-42",
        ]),
        6,
    );
    assert!(err.contains("\n  --idempotency-key: "), "{err}");
    insta::assert_snapshot!("idempotency_key_reused", err);
}

#[test]
fn list_filters_pages_and_pipes() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let a = open(&user, "billing", "First");
    let b = open(&user, "email", "Second");
    let c = open(&user, "billing", "Third");

    // Piped: tab-separated, no header, no colour, newest first.
    let out = ok(&user.run(&["ticket", "list"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let numbers: Vec<&str> = lines
        .iter()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(numbers, [c.as_str(), b.as_str(), a.as_str()]);
    let fields: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(fields.len(), 6, "{:?}", fields);
    assert_eq!(&fields[1..4], ["open", "medium", "billing"]);
    assert_eq!(fields[5], "Third");
    assert!(!out.contains('\x1b'));

    assert_eq!(
        ok(&user.run(&["ticket", "list", "-L", "2"]))
            .lines()
            .count(),
        2
    );
    let billing = ok(&user.run(&["ticket", "list", "-c", "Billing"]));
    assert_eq!(billing.lines().count(), 2);
    assert!(!billing.contains(&b));
    let err = fails(&user.run(&["ticket", "list", "-c", "nope"]), 2);
    assert!(err.contains("billing"), "{err}");
    fails(&user.run(&["ticket", "list", "-L", "0"]), 2);

    ok(&user.run(&["ticket", "close", &a]));
    let active = ok(&user.run(&["ticket", "list"]));
    assert!(!active.contains(&a));
    let closed = ok(&user.run(&["ticket", "list", "--status", "closed"]));
    assert_eq!(closed.lines().count(), 1);
    assert!(closed.starts_with(&a));
    assert_eq!(
        ok(&user.run(&["ticket", "list", "--status", "all"]))
            .lines()
            .count(),
        3
    );
    desk.staff_reply(&b, "On it");
    let answered = ok(&user.run(&["ticket", "list", "--status", "answered"]));
    assert!(
        answered.starts_with(&b) && answered.lines().count() == 1,
        "{answered}"
    );
    assert_eq!(
        json(&user.run(&["ticket", "list", "--json", "--status", "closed"]))[0]["status"],
        "closed"
    );
}

#[test]
fn list_follows_the_cursor_past_one_page() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    // 105 tickets straight over HTTP (faster than 105 processes).
    let token = desk.owner_token();
    let http = reqwest::blocking::Client::new();
    for i in 0..105 {
        let resp = http
            .post(format!("{}/v1/tickets", desk.url))
            .bearer_auth(&token)
            .json(&serde_json::json!({"category": "other", "subject": format!("t{i}"), "message": "m"}))
            .send()
            .unwrap();
        assert!(resp.status().is_success());
    }
    let v = json(&user.run(&["ticket", "list", "-L", "104", "--json"]));
    let numbers: HashSet<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["number"].to_string())
        .collect();
    assert_eq!(v.as_array().unwrap().len(), 104);
    assert_eq!(numbers.len(), 104, "duplicates across pages");
    assert_eq!(
        ok(&user.run(&["ticket", "list", "-L", "500"]))
            .lines()
            .count(),
        105
    );
    assert_eq!(
        ok(&user.run(&["ticket", "list"])).lines().count(),
        30,
        "default limit"
    );
}

#[test]
fn view_shows_who_wrote_what_when_and_how() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let file = user.config.path().join("screenshot.png");
    std::fs::write(&file, [0x89, b'P', b'N', b'G', 0, 1, 2, 3]).unwrap();
    let n = ok(&user.run(&[
        "ticket",
        "open",
        "-c",
        "control-panel",
        "-s",
        "Disk full",
        "-m",
        "The disk is full.",
        "-a",
        file.to_str().unwrap(),
    ]));
    let n = n.trim();
    desk.staff_reply(n, "We added 10 GB.");
    let out = ok(&user.run(&["ticket", "view", &format!("#{n}")]));
    for needle in [
        &format!("#{n} Disk full")[..],
        "[answered]",
        "Category: Control Panel (control-panel)",
        "Olga Owner <owner@example.com> (owner) via cli",
        "The disk is full.",
        "(support) <",
        "via staff",
        "We added 10 GB.",
        "screenshot.png (8 B, image/png)",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
    assert!(out.find("The disk is full.").unwrap() < out.find("We added 10 GB.").unwrap());
    // When: each message's line ends with its time, to the minute, in the
    // local time zone with its offset.
    let detail = json(&user.run(&["ticket", "view", n, "--json"]));
    for (m, channel) in detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .zip(["cli", "staff"])
    {
        let at: chrono::DateTime<chrono::Utc> = m["created_at"].as_str().unwrap().parse().unwrap();
        let local = at.with_timezone(&chrono::Local);
        let line = format!("via {channel}, {}", local.format("%Y-%m-%d %H:%M %:z"));
        assert!(out.contains(&line), "missing {line:?} in:\n{out}");
    }

    let err = fails(&user.run(&["ticket", "view", "100000"]), 4);
    assert!(err.contains("100000"), "{err}");
    fails(&user.run(&["ticket", "view", "12"]), 2);
}

#[test]
fn reply_close_reopen() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let n = open(&user, "email", "Cannot send mail");
    desk.staff_reply(&n, "Try again now?");

    let out = user.run(&["ticket", "reply", &n, "-m", "Works now, thanks"]);
    assert_eq!(
        ok(&out),
        "",
        "reply prints nothing on stdout without --json"
    );
    assert_eq!(stderr(&out), "", "the confirmation is for a terminal only");
    let v = json(&user.run(&["ticket", "view", &n, "--json"]));
    assert_eq!(v["status"], "customer-reply");
    assert_eq!(v["messages"].as_array().unwrap().len(), 3);
    assert_eq!(v["messages"][2]["body"], "Works now, thanks");

    let m = json(&user.run_stdin(
        &["ticket", "reply", &n, "-F", "-", "--json"],
        "from stdin\n",
    ));
    assert_eq!(
        keys(&m),
        [
            "attachments",
            "author",
            "body",
            "channel",
            "created_at",
            "id",
            "kind",
            "verified"
        ]
    );
    assert_eq!(m["body"], "from stdin");
    assert_eq!(m["kind"], "message");
    fails(&user.run(&["ticket", "reply", &n]), 2);

    let closed = json(&user.run(&["ticket", "close", &n, "--json"]));
    assert_eq!(keys(&closed), TICKET_KEYS);
    assert_eq!(closed["status"], "closed");
    // Closing again is fine (idempotent). Piped: `NUMBER<TAB>status` and
    // no confirmation on stderr (that is for a person at a terminal).
    let out = user.run(&["ticket", "close", &n]);
    assert_eq!(ok(&out), format!("{n}\tclosed\n"));
    assert_eq!(stderr(&out), "");

    let err = fails(
        &user.run(&["ticket", "reply", &n, "-m", "one more thing"]),
        6,
    );
    assert!(err.contains(&format!("ecolo ticket reopen {n}")), "{err}");
    insta::assert_snapshot!("reply_to_closed", err.replace(&n, "[NUMBER]"));
    // With a file, the same answer before the file is sent.
    let note = user.config.path().join("note.txt");
    std::fs::write(&note, "late").unwrap();
    let before = uploads(&desk).len();
    let err = fails(
        &user.run(&[
            "ticket",
            "reply",
            &n,
            "-m",
            "with a file",
            "-a",
            note.to_str().unwrap(),
        ]),
        6,
    );
    assert!(err.contains(&format!("ecolo ticket reopen {n}")), "{err}");
    assert_eq!(
        uploads(&desk).len(),
        before,
        "a file went to a closed ticket"
    );

    let out = user.run(&["ticket", "reopen", &n]);
    assert_eq!(ok(&out), format!("{n}\topen\n"));
    assert_eq!(stderr(&out), "");
    let reopened = json(&user.run(&["ticket", "reopen", &n, "--json"]));
    assert_eq!(keys(&reopened), TICKET_KEYS);
    assert_eq!(reopened["status"], "open");
    let log = user.config.path().join("smtp.log");
    std::fs::write(&log, "550 relay denied").unwrap();
    let m = json(&user.run(&[
        "ticket",
        "reply",
        &n,
        "-m",
        "log attached",
        "-a",
        log.to_str().unwrap(),
        "--json",
    ]));
    assert_eq!(m["attachments"][0]["filename"], "smtp.log");
    assert_eq!(m["attachments"][0]["size"], 16);
    let err = fails(
        &user.run(&[
            "ticket",
            "reply",
            &n,
            "-m",
            "x",
            "-a",
            "/nonexistent/file.txt",
        ]),
        2,
    );
    assert!(err.contains("/nonexistent/file.txt"), "{err}");
    ok(&user.run(&["ticket", "reply", &n, "-m", "one more thing"]));
    fails(&user.run(&["ticket", "close", "100000"]), 4);
    fails(&user.run(&["ticket", "reply", "100000", "-m", "x"]), 4);
}

#[test]
fn download_saves_every_attachment_inside_the_directory() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let dir = user.config.path();
    let text = dir.join("notes.txt");
    std::fs::write(&text, "final text").unwrap();
    let bin = dir.join("logo.png");
    // Many of the client's 64 KiB upload chunks (more than its pool keeps),
    // the last one partial.
    const SIZE: u32 = 2 * 1024 * 1024 + 70_000;
    let bytes: Vec<u8> = (0..SIZE).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&bin, &bytes).unwrap();
    let n = ok(&user.run(&[
        "ticket",
        "open",
        "-c",
        "website-updates",
        "-s",
        "Logo",
        "-m",
        "new logo",
        "-a",
        text.to_str().unwrap(),
        "-a",
        bin.to_str().unwrap(),
    ]));
    let n = n.trim();

    // A hostile name from the desk side must not escape the directory.
    let token = desk.owner_token();
    let http = reqwest::blocking::Client::new();
    let att: serde_json::Value = http
        .post(format!("{}/v1/attachments", desk.url))
        .query(&[("filename", "../../escape.txt")])
        .bearer_auth(&token)
        .header("content-type", "text/plain")
        .body("gotcha")
        .send()
        .unwrap()
        .json()
        .unwrap();
    let resp = http
        .post(format!("{}/v1/tickets/{n}/messages", desk.url))
        .bearer_auth(&token)
        .json(&serde_json::json!({"message": "one more", "attachments": [att["id"]]}))
        .send()
        .unwrap();
    assert!(resp.status().is_success());

    let to = dir.join("out").join("deep");
    let run = user.run(&["ticket", "download", n, "--to", to.to_str().unwrap()]);
    let out = ok(&run);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert_eq!(stderr(&run), "", "no progress in a pipe");
    assert_eq!(std::fs::read(to.join("notes.txt")).unwrap(), b"final text");
    assert_eq!(std::fs::read(to.join("logo.png")).unwrap(), bytes);
    #[cfg(unix)]
    {
        // Saved like any new file of the user's (umask), not private 0600.
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode();
        let fresh = to.join("fresh");
        std::fs::File::create(&fresh).unwrap();
        assert_eq!(mode(&to.join("logo.png")), mode(&fresh));
        std::fs::remove_file(&fresh).unwrap();
    }
    assert!(!dir.join("out").join("escape.txt").exists());
    assert!(!dir.join("escape.txt").exists());
    let inside: Vec<_> = std::fs::read_dir(&to)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(inside.len(), 3, "{inside:?}");

    // Existing files are kept unless --force.
    std::fs::write(to.join("notes.txt"), "mine").unwrap();
    let err = fails(
        &user.run(&["ticket", "download", n, "--to", to.to_str().unwrap()]),
        2,
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(to.join("notes.txt")).unwrap(), b"mine");
    let v = json(&user.run(&[
        "ticket",
        "download",
        n,
        "--to",
        to.to_str().unwrap(),
        "--force",
        "--json",
    ]));
    assert_eq!(keys(&v[0]), ["filename", "path", "sha256", "size"]);
    assert_eq!(v[1]["size"], SIZE);
    assert_eq!(std::fs::read(to.join("notes.txt")).unwrap(), b"final text");

    let plain = open(&user, "other", "No files");
    let out = user.run(&["ticket", "download", &plain, "--to", to.to_str().unwrap()]);
    assert_eq!(ok(&out), "");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    for i in 0..3 {
        open(&user, "other", &format!("ticket {i}"));
    }
    // The reader goes away before we write: writing gets EPIPE.
    let mut cmd: Command = user.cmd();
    cmd.args(["ticket", "list", "--json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn category_list_for_scripts_and_json() {
    let desk = Desk::start();
    let user = desk.user();
    // No login needed to see the categories.
    let out = ok(&user.run(&["category", "list"]));
    let lines: Vec<&str> = out.lines().collect();
    let slugs: Vec<&str> = lines
        .iter()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(slugs, ecolo::api::CATEGORY_SLUGS);
    let billing: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(billing[1..3], ["Billing Issues", "Pagos y Cobranza"]);
    assert!(billing[3].contains("invoices"));
    assert!(billing[4].starts_with("billing@"));
    let v = json(&user.run(&["category", "list", "--json"]));
    assert_eq!(v.as_array().unwrap().len(), 6);
    assert_eq!(
        keys(&v[0]),
        [
            "description_en",
            "description_es",
            "intake_address",
            "name_en",
            "name_es",
            "slug"
        ]
    );
}

#[test]
fn another_accounts_ticket_is_not_found_and_untouched() {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let n = open(&owner, "billing", "Private: card ending 4242");
    desk.create_account("eve@example.com", "Eve", "eve's own password");
    let eve = desk.user();
    ok(&eve.run_stdin(
        &["login", "--email", "eve@example.com", "--password-stdin"],
        "eve's own password\n",
    ));
    let to = eve.config.path().join("loot");
    let to = to.to_str().unwrap();
    for args in [
        &["ticket", "view", &n][..],
        &["ticket", "reply", &n, "-m", "hello"],
        &["ticket", "close", &n],
        &["ticket", "reopen", &n],
        &["ticket", "download", &n, "--to", to],
    ] {
        let out = eve.run(args);
        let err = fails(&out, 4);
        assert!(err.contains(&n), "{args:?}: {err}");
        for text in [common::stdout(&out), err] {
            assert!(!text.contains("4242"), "{args:?} leaked: {text}");
        }
    }
    insta::assert_snapshot!(
        "another_accounts_ticket",
        fails(&eve.run(&["ticket", "view", &n]), 4).replace(&n, "[NUMBER]")
    );
    assert!(ok(&eve.run(&["ticket", "list", "--status", "all"])).is_empty());
    let v = json(&owner.run(&["ticket", "view", &n, "--json"]));
    assert_eq!(v["status"], "open");
    assert_eq!(v["messages"].as_array().unwrap().len(), 1);
}

#[test]
fn missing_values_fail_at_once_before_any_request() {
    // No login and no desk: a request would fail with 3 or 7; a script
    // missing a flag must hear about the flag first.
    let desk = Desk::start();
    let user = desk.user();
    let closed = cli_common::closed_port();
    let dead = closed.url();
    for (args, flag) in [
        (&["ticket", "open", "-s", "x", "-m", "y"][..], "--category"),
        (&["ticket", "open", "-c", "billing", "-m", "y"], "--subject"),
        (&["ticket", "open", "-c", "billing", "-s", "x"], "--message"),
        (&["ticket", "reply", "123456"], "--message"),
        (
            &["contact", "add", "--email", "a@b.com", "-c", "billing"],
            "--name",
        ),
        (
            &["contact", "add", "--name", "A", "-c", "billing"],
            "--email",
        ),
        (
            &["contact", "add", "--name", "A", "--email", "a@b.com"],
            "--category",
        ),
        (&["token", "create"], "--name"),
    ] {
        let mut all = vec!["--url", dead.as_str()];
        all.extend_from_slice(args);
        let err = fails(&user.run(&all), 2);
        assert!(err.contains(flag), "{args:?} should name {flag}: {err}");
    }
}
