//! An agent's day through the real `ecolo` against the real desk: the queue
//! (the longest waiting first, every account), view, reply (the customer
//! sees "NAME (support)"), an internal note the customer never sees,
//! assign to oneself and to nobody, move to another category, close with a
//! last answer; and the message text read from standard input with
//! `--message -` / `-F -` for reply, note and close.

mod cli_common;
mod common;

use cli_common::{json, ok, open};
use common::{Desk, User, OWNER_EMAIL};
use serde_json::Value;

const LAURA: &str = "laura@desk.example";
const LAURA_NAME: &str = "Laura Gómez";
const PASSWORD: &str = "laura's long passphrase";

fn agent(desk: &Desk, categories: &[&str]) -> User {
    desk.add_agent(LAURA, LAURA_NAME, PASSWORD, categories);
    let user = desk.user();
    user.login(LAURA, PASSWORD);
    user
}

fn view(user: &User, n: &str) -> Value {
    json(&user.run(&["ticket", "view", n, "--json"]))
}

/// The tab-separated lines of a piped `ticket list`, split into fields.
fn rows(out: &str) -> Vec<Vec<String>> {
    out.lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn last<'a>(detail: &'a Value, kind: &str) -> &'a Value {
    detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|m| m["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {detail}"))
}

#[test]
fn an_agents_day_from_the_queue_to_closing() {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    // Opened first, but answered and then replied to: it has waited the
    // least.
    let t3 = open(&owner, "email", "Mailbox full");
    let t1 = open(&owner, "billing", "Invoice 2026-11 charged twice");
    let t2 = open(&owner, "control-panel", "Panel is slow");
    desk.staff_reply(&t3, "Emptied the trash.");
    ok(&owner.run(&["ticket", "reply", &t3, "-m", "Full again."]));

    let laura = agent(&desk, &[]);
    let me = ok(&laura.run(&["whoami"]));
    assert!(me.contains("role\tstaff"), "{me}");
    assert!(me.contains("categories\tall"), "{me}");
    assert!(
        me.contains(&format!("acting_as\t{LAURA_NAME} <{LAURA}> (staff)")),
        "{me}"
    );

    // The queue: what waits for support, the longest waiting first; the
    // customer's list is newest first.
    let queue = rows(&ok(&laura.run(&["ticket", "list"])));
    let numbers: Vec<&str> = queue.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, [&t1, &t2, &t3], "{queue:?}");
    let first = &queue[0];
    assert_eq!(
        first.len(),
        8,
        "NUMBER STATUS WAITED ACCOUNT REQUESTER ASSIGNEE CATEGORY SUBJECT: {first:?}"
    );
    assert_eq!(first[1], "open");
    assert!(
        first[2].ends_with('Z') && first[2].contains('T'),
        "waited since: {first:?}"
    );
    assert_eq!(
        &first[3..],
        [
            OWNER_EMAIL,
            OWNER_EMAIL,
            "-",
            "billing",
            "Invoice 2026-11 charged twice"
        ]
    );
    assert_eq!(queue[2][1], "customer-reply");
    let theirs = rows(&ok(&owner.run(&["ticket", "list"])));
    assert_eq!(
        theirs[0].len(),
        6,
        "a customer's table is unchanged: {theirs:?}"
    );
    assert_ne!(
        theirs.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        numbers
    );
    let listed = json(&laura.run(&["ticket", "list", "--json"]));
    assert_eq!(listed[0]["account"]["email"], OWNER_EMAIL);
    assert_eq!(listed[0]["assignee"], Value::Null);
    assert!(listed[0]["waiting_since"].is_string(), "{listed}");

    // View: account, requester and assignee in the header.
    let text = ok(&laura.run(&["ticket", "view", &t1]));
    for needle in [
        "Account: Olga Owner <owner@example.com>",
        "Requester: Olga Owner <owner@example.com> (owner)",
        "Assignee: nobody",
        "Waiting since",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }

    // Take it.
    let line = ok(&laura.run(&["ticket", "assign", &t1, "--to", "@me"]));
    assert_eq!(line.trim(), format!("{t1}\topen"));
    let text = ok(&laura.run(&["ticket", "view", &t1]));
    assert!(
        text.contains(&format!("Assignee: {LAURA_NAME} <{LAURA}>")),
        "{text}"
    );
    let mine = rows(&ok(&laura.run(&["ticket", "list", "--assignee", "@me"])));
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0][0], t1);
    assert_eq!(mine[0][5], LAURA);

    // An internal note: marked for the team, invisible to the customer.
    ok(&laura.run(&[
        "ticket",
        "note",
        &t1,
        "-m",
        "Refund R-5521 approved by Ana.\nBank takes 3 days.",
    ]));
    let text = ok(&laura.run(&["ticket", "view", &t1]));
    assert!(
        text.contains("INTERNAL NOTE by Laura Gómez (support)"),
        "{text}"
    );
    assert!(
        text.contains("│ Refund R-5521 approved by Ana.\n│ Bank takes 3 days."),
        "{text}"
    );
    assert_eq!(
        view(&laura, &t1)["status"],
        "open",
        "a note keeps the status"
    );
    let seen = ok(&owner.run(&["ticket", "view", &t1]));
    assert!(
        !seen.contains("R-5521") && !seen.contains("INTERNAL NOTE"),
        "{seen}"
    );

    // The answer: signed with her name, status answered.
    ok(&laura.run(&["ticket", "reply", &t1, "-m", "Refunded the second charge."]));
    let v = view(&owner, &t1);
    assert_eq!(v["status"], "answered");
    let m = last(&v, "message");
    assert_eq!(m["body"], "Refunded the second charge.");
    assert_eq!(m["author"]["name"], LAURA_NAME);
    assert_eq!(m["author"]["role"], "staff");
    let seen = ok(&owner.run(&["ticket", "view", &t1]));
    assert!(
        seen.contains(&format!("── {LAURA_NAME} (support)")),
        "{seen}"
    );
    let queue = rows(&ok(&laura.run(&["ticket", "list"])));
    assert!(
        queue.iter().all(|r| r[0] != t1),
        "answered: out of the queue"
    );
    let answered = rows(&ok(&laura.run(&["ticket", "list", "--status", "answered"])));
    assert_eq!(answered[0][0], t1);
    assert_eq!(answered[0][2], "-", "an answered ticket waits for nobody");

    // Unassign, then the customer chose the wrong department: move it.
    let line = ok(&laura.run(&["ticket", "assign", &t1, "--to", "none"]));
    assert_eq!(line.trim(), format!("{t1}\tanswered"));
    assert_eq!(view(&laura, &t1)["assignee"], Value::Null);
    let nobody = rows(&ok(&laura.run(&[
        "ticket",
        "list",
        "--assignee",
        "none",
        "--status",
        "all",
    ])));
    assert!(nobody.iter().any(|r| r[0] == t1), "{nobody:?}");
    ok(&laura.run(&["ticket", "edit", &t1, "-c", "email", "-p", "high"]));
    let v = view(&owner, &t1);
    assert_eq!(
        (v["category"].as_str(), v["priority"].as_str()),
        (Some("email"), Some("high"))
    );
    let text = ok(&laura.run(&["ticket", "view", &t1]));
    assert!(
        text.contains(&format!("· moved from billing to email — {LAURA_NAME}, ")),
        "{text}"
    );

    // Close with a last answer.
    let line = ok(&laura.run(&[
        "ticket",
        "close",
        &t1,
        "-m",
        "Closing: the refund is on its way.",
    ]));
    assert_eq!(line.trim(), format!("{t1}\tclosed"));
    let v = view(&owner, &t1);
    assert_eq!(v["status"], "closed");
    assert_eq!(
        last(&v, "message")["body"],
        "Closing: the refund is on its way."
    );
    assert_eq!(last(&v, "event")["body"], format!("closed by {LAURA_NAME}"));
    let seen = ok(&owner.run(&["ticket", "view", &t1]));
    assert!(
        seen.contains(&format!("\n· closed by {LAURA_NAME}, ")),
        "{seen}"
    );
    assert!(
        seen.contains(&format!("── {LAURA_NAME} (support) <{LAURA}> via cli")),
        "{seen}"
    );
    let queue = rows(&ok(&laura.run(&["ticket", "list"])));
    let numbers: Vec<&str> = queue.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, [&t2, &t3]);

    // A note (with a file) still lands on a closed ticket, for the team.
    let log = laura.config.path().join("refund.log");
    std::fs::write(&log, "refund R-5521 settled").unwrap();
    let log = log.to_str().unwrap();
    ok(&laura.run(&["ticket", "note", &t1, "-m", "Settled.", "-a", log]));
    let v = view(&laura, &t1);
    assert_eq!(v["status"], "closed");
    let note = last(&v, "note");
    assert_eq!(note["body"], "Settled.");
    assert_eq!(note["attachments"][0]["filename"], "refund.log");
    let theirs = view(&owner, &t1);
    assert!(!theirs.to_string().contains("refund.log"), "{theirs}");
}

#[test]
fn message_text_from_standard_input() {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let n = open(&owner, "billing", "Stdin everywhere");
    let laura = agent(&desk, &["billing"]);
    let text = "First line.\n\nSecond paragraph, with a - dash.\n";
    for (args, kind) in [
        (&["ticket", "reply", &n, "--message", "-"][..], "message"),
        (&["ticket", "reply", &n, "-F", "-"], "message"),
        (&["ticket", "note", &n, "-m", "-"], "note"),
        (&["ticket", "note", &n, "--message-file", "-"], "note"),
        (&["ticket", "close", &n, "-m", "-"], "message"),
    ] {
        ok(&laura.run_stdin(args, text));
        let v = view(&laura, &n);
        assert_eq!(last(&v, kind)["body"], text.trim_end(), "{args:?}");
    }
    assert_eq!(view(&laura, &n)["status"], "closed");
    // A closed ticket takes no answer (409, exit 6) until it is reopened,
    // and the hint says how; agents may reopen too.
    let err = cli_common::fails(&laura.run(&["ticket", "reply", &n, "-m", "late"]), 6);
    assert!(err.contains(&format!("ecolo ticket reopen {n}")), "{err}");
    ok(&laura.run(&["ticket", "reopen", &n]));
    assert_eq!(view(&owner, &n)["status"], "open");
    ok(&laura.run(&["ticket", "close", &n]));
    // A customer's reply reads stdin the same way (after reopening).
    ok(&owner.run(&["ticket", "reopen", &n]));
    ok(&owner.run_stdin(&["ticket", "reply", &n, "-m", "-"], "From a pipe.\n"));
    assert_eq!(last(&view(&owner, &n), "message")["body"], "From a pipe.");
    // Empty standard input is refused naming the flags; nothing is sent.
    let before = view(&laura, &n);
    let err = cli_common::fails(
        &laura.run_stdin(&["ticket", "note", &n, "-m", "-"], "  \n"),
        2,
    );
    assert!(err.contains("--message"), "{err}");
    assert_eq!(view(&laura, &n), before);
    // Without a message and without a terminal: exit 2 naming the flag.
    let err = cli_common::fails(&laura.run(&["ticket", "note", &n]), 2);
    assert!(
        err.contains("missing internal note: pass --message"),
        "{err}"
    );
    let err = cli_common::fails(&laura.run(&["ticket", "assign", &n]), 2);
    assert!(err.contains("missing assignee: pass --to"), "{err}");
}

#[test]
fn an_agents_tokens_are_at_most_as_wide_as_the_agent() {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let n = open(&owner, "billing", "Token scope");
    let laura = agent(&desk, &["billing"]);

    let secret = cli_common::token(&laura, &["--name", "laura-script"]);
    let bare = desk.user();
    let me = ok(&cli_common::as_token(&bare, &secret, &["whoami"]));
    assert!(
        me.contains("role\tstaff") && me.contains("categories\tbilling"),
        "{me}"
    );
    // The token works the queue like its agent.
    let out = ok(&cli_common::as_token(
        &bare,
        &secret,
        &["ticket", "note", &n, "-m", "from a script"],
    ));
    assert_eq!(out, "");
    assert_eq!(last(&view(&laura, &n), "note")["body"], "from a script");
    let listed = ok(&laura.run(&["token", "list"]));
    assert!(
        listed.starts_with("laura-script\tagent: billing\t"),
        "{listed}"
    );

    let err = cli_common::fails(
        &laura.run(&["token", "create", "--name", "wide", "-c", "email"]),
        5,
    );
    assert!(err.contains("billing"), "names her categories: {err}");
    let err = cli_common::fails(
        &laura.run(&[
            "token",
            "create",
            "--name",
            "as-owner",
            "--contact",
            OWNER_EMAIL,
        ]),
        6,
    );
    assert!(err.contains("--contact"), "{err}");
    let names: Vec<String> = json(&laura.run(&["token", "list", "--json"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["laura-script"], "nothing refused was stored");

    // Removed from the team: her login and her token stop at once.
    ok(&laura.run(&["ticket", "reply", &n, "-m", "Answered before leaving."]));
    desk.remove_agent(LAURA);
    let err = cli_common::fails(
        &cli_common::as_token(&bare, &secret, &["ticket", "list"]),
        3,
    );
    assert!(err.contains("ecolo login"), "{err}");
    let err = cli_common::fails(&laura.run(&["ticket", "view", &n]), 3);
    assert!(err.contains("ecolo login"), "{err}");
    // Her answer stays, signed with her name.
    let m = last(&view(&owner, &n), "message").clone();
    assert_eq!(m["body"], "Answered before leaving.");
    assert_eq!(m["author"]["name"], LAURA_NAME);
    assert_eq!(m["author"]["role"], "staff");
}

#[test]
fn idle_answered_tickets_close_by_themselves() {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let answered = open(&owner, "billing", "Answered, then silence");
    let waiting = open(&owner, "billing", "Still waiting for support");
    let laura = agent(&desk, &[]);
    ok(&laura.run(&["ticket", "reply", &answered, "-m", "Done, tell us if not."]));

    let out = desk.admin(&["tickets", "auto-close", "--after", "0s"], "");
    assert!(out.status.success(), "{}", common::stderr(&out));
    let v = view(&owner, &answered);
    assert_eq!(v["status"], "closed");
    let event = last(&v, "event");
    assert_eq!(event["author"]["role"], "desk");
    let body = event["body"].as_str().unwrap();
    assert!(body.starts_with("closed by the desk after"), "{body}");
    let text = ok(&owner.run(&["ticket", "view", &answered]));
    assert!(text.contains(&format!("\n· {body}")), "{text}");
    // Only answered tickets: one waiting for support stays open.
    assert_eq!(view(&owner, &waiting)["status"], "open");
    // The customer may reopen it.
    ok(&owner.run(&["ticket", "reopen", &answered]));
    assert_eq!(view(&laura, &answered)["status"], "open");
}
