//! Desk data never drives the terminal: an escape-sequence corpus in a
//! message and a subject goes through `ticket view` and `ticket list` on a
//! real pseudo-terminal (rexpect) and arrives visibly escaped, with and
//! without colour; a pipe gets one line per ticket even with a tab inside.

mod cli_common;
mod common;

use cli_common::{json, ok};
use common::{Desk, User};
use rexpect::process::wait::WaitStatus;

/// OSC 52 (clipboard write), CSI 2J (clear screen), a C1 CSI (U+009B), a
/// bidi override and isolate, DEL, BEL.
const CORPUS: &str = "pwn\x1b]52;c;ZWNobyBoaQ==\x07 clear\x1b[2J c1\u{9b}31m \u{202e}gnp.exe\u{2066}x\u{2069} del\x7f end";

/// `ecolo ARGS` on a pseudo-terminal; all its output as raw bytes and the
/// exit code.
fn on_pty(user: &User, args: &[&str], colour: bool) -> (Vec<u8>, i32) {
    let mut cmd = user.cmd();
    cmd.env("TERM", "xterm").args(args);
    if colour {
        cmd.env_remove("NO_COLOR");
    }
    // The timeout only stops a hung test; nothing asserts on timing.
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).expect("spawn on a pty");
    let out = p.exp_eof().unwrap();
    let code = match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("ecolo ended by {other:?}; output: {out}"),
    };
    // rexpect hands back each byte as one char.
    let bytes = if out.chars().all(|c| (c as u32) < 0x100) {
        out.chars().map(|c| c as u32 as u8).collect()
    } else {
        out.into_bytes()
    };
    (bytes, code)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// No byte of the corpus's controls reached the terminal; our own colour
/// (SGR `ESC [ ... m`) is the only escape sequence allowed.
fn assert_inert(out: &[u8], what: &str) {
    let text = String::from_utf8_lossy(out);
    for bad in [
        &b"\x1b]"[..],
        b"\x1b[2J",
        b"\x07",
        b"\x7f",
        "\u{9b}".as_bytes(),
        "\u{202e}".as_bytes(),
        "\u{2066}".as_bytes(),
    ] {
        assert!(
            !contains(out, bad),
            "{what}: {bad:?} reached the terminal: {text:?}"
        );
    }
    let mut rest = out;
    while let Some(i) = rest.iter().position(|b| *b == 0x1b) {
        let seq = &rest[i + 1..];
        let n = seq
            .iter()
            .skip(1)
            .take_while(|b| b.is_ascii_digit() || **b == b';')
            .count();
        assert!(
            seq.first() == Some(&b'[') && seq.get(1 + n) == Some(&b'm'),
            "{what}: an escape that is not a colour: {text:?}"
        );
        rest = &seq[1..];
    }
}

/// Writes the corpus into the ticket's messages of `kind` as stored text.
fn plant_corpus(conn: &rusqlite::Connection, number: &str, kind: &str) {
    let changed = conn
        .execute(
            "UPDATE messages SET body = ?1 WHERE kind = ?2
             AND ticket_id = (SELECT id FROM tickets WHERE number = ?3)",
            rusqlite::params![CORPUS, kind, number.parse::<i64>().unwrap()],
        )
        .unwrap();
    assert!(changed > 0, "no {kind} on ticket {number}");
}

#[test]
fn the_desk_stores_no_control_characters_of_a_message() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let number = ok(&user.run(&["ticket", "open", "-c", "billing", "-s", "s", "-m", CORPUS]))
        .trim()
        .to_string();
    let v = json(&user.run(&["ticket", "view", &number, "--json"]));
    let body = v["messages"][0]["body"].as_str().unwrap();
    assert!(
        !body
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{body:?}"
    );
    assert!(
        body.contains("pwn]52;c;ZWNobyBoaQ=="),
        "what follows is kept: {body:?}"
    );
}

#[test]
fn escape_sequences_from_the_desk_reach_the_terminal_escaped() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let number = ok(&user.run(&[
        "ticket",
        "open",
        "-c",
        "billing",
        "-s",
        "Invoice \u{202e}fdp.exe",
        "-m",
        CORPUS,
    ]))
    .trim()
    .to_string();
    // A subject with a tab and an escape, as an older desk or a mail
    // could have stored it (the API refuses them today).
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    conn.execute(
        "UPDATE tickets SET subject = 'tab\there \x1b[2J\\path' WHERE number = ?1",
        [number.parse::<i64>().unwrap()],
    )
    .unwrap();
    // The desk strips control characters from what it stores; the body is
    // planted as an older desk could have stored it, to reach the CLI.
    plant_corpus(&conn, &number, "message");
    drop(conn);

    for colour in [false, true] {
        let (out, code) = on_pty(&user, &["ticket", "view", &number], colour);
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
        assert_inert(&out, "ticket view");
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains(r"pwn\x1b]52;c;ZWNobyBoaQ==\x07"), "{text}");
        assert!(
            text.contains(r"clear\x1b[2J c1\u{9b}31m \u{202e}gnp.exe"),
            "{text}"
        );
        assert!(text.contains(r"del\x7f end"), "{text}");

        let (out, code) = on_pty(&user, &["ticket", "list"], colour);
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
        assert_inert(&out, "ticket list");
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains(r"tab here \x1b[2J\path"), "{text}");
    }

    // A pipe: one line per ticket, the tab escaped so columns split right.
    let second = cli_common::open(&user, "billing", "second");
    let piped = ok(&user.run(&["ticket", "list"]));
    let lines: Vec<&str> = piped.lines().collect();
    assert_eq!(lines.len(), 2, "{piped:?}");
    let row = lines.iter().find(|l| l.starts_with(&number)).unwrap();
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(cols.len(), 6, "{row:?}");
    assert_eq!(cols[5], "tab\\there \x1b[2J\\\\path");
    assert!(lines.iter().any(|l| l.starts_with(&second)));

    // --json stays exact.
    let v = json(&user.run(&["ticket", "view", &number, "--json"]));
    assert_eq!(v["messages"][0]["body"], CORPUS);
    assert_eq!(v["subject"], "tab\there \x1b[2J\\path");
}

/// An agent reads the same corpus in a customer's message and in an
/// internal note, with an event line and the queue table's requester and
/// subject carrying escapes too (as an older desk or a mail could have
/// stored them): on the terminal all of it arrives escaped.
#[test]
fn an_agents_view_and_queue_escape_desk_data() {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let number = ok(&owner.run(&[
        "ticket", "open", "-c", "billing", "-s", "Refund", "-m", CORPUS,
    ]))
    .trim()
    .to_string();
    desk.add_agent("laura@desk.example", "Laura Gómez", "agent-password-1", &[]);
    let agent = desk.user();
    agent.login("laura@desk.example", "agent-password-1");
    ok(&agent.run(&["ticket", "note", &number, "-m", CORPUS]));
    ok(&agent.run(&["ticket", "assign", &number, "--to", "@me"]));
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let n = number.parse::<i64>().unwrap();
    plant_corpus(&conn, &number, "message");
    plant_corpus(&conn, &number, "note");
    conn.execute(
        "UPDATE messages SET body = body || ' \x1b]0;title\x07'
         WHERE kind = 'event' AND ticket_id = (SELECT id FROM tickets WHERE number = ?1)",
        [n],
    )
    .unwrap();
    conn.execute(
        "UPDATE tickets SET subject = 'queue \x1b[2J\u{202e}cod',
             requester_name = 'Ana \x1b]52;c;eA==\x07'
         WHERE number = ?1",
        [n],
    )
    .unwrap();
    drop(conn);

    for colour in [false, true] {
        let (out, code) = on_pty(&agent, &["ticket", "view", &number], colour);
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
        assert_inert(&out, "an agent's ticket view");
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("INTERNAL NOTE"), "{text}");
        // The message and the note: each line of the note is marked.
        assert_eq!(
            text.matches(r"pwn\x1b]52;c;ZWNobyBoaQ==\x07").count(),
            2,
            "{text}"
        );
        assert!(
            text.contains(r"assigned to Laura Gómez \x1b]0;title\x07"),
            "{text}"
        );
        assert!(text.contains(r"Ana \x1b]52;c;eA==\x07"), "{text}");

        let (out, code) = on_pty(&agent, &["ticket", "list"], colour);
        assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
        assert_inert(&out, "the agent's queue");
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains(r"queue \x1b[2J\u{202e}cod"), "{text}");
        assert!(text.contains(r"Ana \x1b]52;c;eA==\x07"), "{text}");
    }
}
