//! Issue 8's permission matrix, end to end with the real `ecolo-desk` and
//! the real `ecolo`: the support team's credentials (an agent of every
//! category, an agent of billing only, a removed agent) and the customer's
//! (owner, contact token, category-limited token) against every action of
//! an agent's day (queue, view, reply, note, assign, edit, close with a last
//! answer, close, reopen, search, the queue's filters), on a billing ticket
//! (B) and a control-panel one (P).
//!
//! Every refused cell asserts its exit code and its own hint, prints nothing
//! on stdout and changes nothing (the ticket, re-read by another agent, is
//! as before); every allowed cell asserts what was shown, or what was saved
//! by re-reading it through another credential. Customers never see a note
//! (view, --json, --search) nor another account's ticket; the billing agent
//! never sees P, and loses sight of a ticket moved out of billing.

mod cli_common;
mod common;

use std::process::Output;

use cli_common::{add_contact, as_token, ok, open, token};
use common::{code, stderr, stdout, Desk, User, OWNER_EMAIL};
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// Ana: an agent of every category.
    AgentAll,
    /// Bea: an agent of billing only.
    AgentBilling,
    /// Gus: an agent removed after logging in.
    Removed,
    /// The account owner's login.
    Owner,
    /// A token bound to Martha (billing).
    Contact,
    /// An owner token limited to billing.
    Limited,
}

impl Who {
    fn is_agent(self) -> bool {
        matches!(self, Who::AgentAll | Who::AgentBilling)
    }

    fn is_customer(self) -> bool {
        matches!(self, Who::Owner | Who::Contact | Who::Limited)
    }
}

/// The agents first, so that the customers meet every note they wrote.
const ROWS: [Who; 6] = [
    Who::AgentAll,
    Who::AgentBilling,
    Who::Removed,
    Who::Contact,
    Who::Limited,
    Who::Owner,
];

const PASSWORD: &str = "an agent's long passphrase";
const ANA: &str = "ana@desk.example";
const ANA_NAME: &str = "Ana Pérez";
const BEA: &str = "bea@desk.example";
const BEA_NAME: &str = "Bea Ruiz";
const GUS: &str = "gus@desk.example";
const MARTHA: &str = "martha@their-domain.example";
const OTHER_EMAIL: &str = "other@example.com";
const OTHER_PASSWORD: &str = "the other account's password";

const B_SUBJECT: &str = "Invoice INV7731 charged twice";
const P_SUBJECT: &str = "Panel login P-subject-marker";
const O_SUBJECT: &str = "Other account's invoice O-subject-marker";
/// In every internal note, and searched for.
const NOTE_MARKER: &str = "zebranote";
/// In B's subject, searched for.
const B_WORD: &str = "INV7731";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum T {
    B,
    P,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    /// `ticket list --status all`
    Queue,
    View(T),
    Reply(T),
    Note(T),
    Assign(T),
    Edit(T),
    /// `ticket close -m`: an agent's last answer.
    CloseWithAnswer(T),
    Close(T),
    Reopen(T),
    /// `--search` for text that is only in notes.
    SearchNotes,
    /// `--search` for text in B's subject.
    SearchMessages,
    /// `--assignee @me`
    QueueMine,
    /// `--account other@example.com`
    QueueAccount,
}

fn columns() -> Vec<Col> {
    let mut cols = vec![Col::Queue];
    for t in [T::B, T::P] {
        cols.extend([
            Col::View(t),
            Col::Reply(t),
            Col::Note(t),
            Col::Assign(t),
            Col::Edit(t),
            Col::CloseWithAnswer(t),
            Col::Close(t),
            Col::Reopen(t),
        ]);
    }
    cols.extend([
        Col::SearchNotes,
        Col::SearchMessages,
        Col::QueueMine,
        Col::QueueAccount,
    ]);
    cols
}

/// What a cell must do.
#[derive(Debug)]
enum Want {
    Ok,
    Refused { code: i32, hint: String },
}

fn refused(code: i32, hint: impl Into<String>) -> Want {
    Want::Refused {
        code,
        hint: hint.into(),
    }
}

struct Fixture {
    /// Kept running for the whole test.
    _desk: Desk,
    ana: User,
    bea: User,
    gus: User,
    owner: User,
    /// No stored login: the contact and limited tokens go in ECOLO_TOKEN.
    bare: User,
    contact: String,
    limited: String,
    b: String,
    p: String,
    o: String,
}

impl Fixture {
    fn run(&self, who: Who, args: &[&str]) -> Output {
        match who {
            Who::AgentAll => self.ana.run(args),
            Who::AgentBilling => self.bea.run(args),
            Who::Removed => self.gus.run(args),
            Who::Owner => self.owner.run(args),
            Who::Contact => as_token(&self.bare, &self.contact, args),
            Who::Limited => as_token(&self.bare, &self.limited, args),
        }
    }

    fn json(&self, who: Who, args: &[&str]) -> Value {
        let out = self.run(who, args);
        let text = ok(&out);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{who:?} {args:?}: {e}: {text}"))
    }

    fn number(&self, t: T) -> &str {
        match t {
            T::B => &self.b,
            T::P => &self.p,
        }
    }

    /// The ticket as Ana (who sees everything) reads it.
    fn as_ana(&self, t: T) -> Value {
        self.json(Who::AgentAll, &["ticket", "view", self.number(t), "--json"])
    }

    fn agent_email(who: Who) -> &'static str {
        match who {
            Who::AgentAll => ANA,
            Who::AgentBilling => BEA,
            other => panic!("{other:?} is not an agent"),
        }
    }
}

fn setup() -> Fixture {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let b = open(&owner, "billing", B_SUBJECT);
    let p = open(&owner, "control-panel", P_SUBJECT);
    add_contact(&owner, MARTHA, "Martha Díaz", &["billing"]);
    let contact = token(&owner, &["--name", "martha-laptop", "--contact", MARTHA]);
    let limited = token(&owner, &["--name", "ci-billing", "-c", "billing"]);

    desk.create_account(OTHER_EMAIL, "Otto Other", OTHER_PASSWORD);
    let other = desk.user();
    other.login(OTHER_EMAIL, OTHER_PASSWORD);
    let o = open(&other, "billing", O_SUBJECT);

    desk.add_agent(ANA, ANA_NAME, PASSWORD, &[]);
    desk.add_agent(BEA, BEA_NAME, PASSWORD, &["billing"]);
    desk.add_agent(GUS, "Gus Gone", PASSWORD, &[]);
    let (ana, bea, gus) = (desk.user(), desk.user(), desk.user());
    ana.login(ANA, PASSWORD);
    bea.login(BEA, PASSWORD);
    gus.login(GUS, PASSWORD);
    desk.remove_agent(GUS);

    // Notes exist before any customer looks.
    for n in [&b, &p] {
        ok(&ana.run(&[
            "ticket",
            "note",
            n,
            "-m",
            &format!("setup note {NOTE_MARKER}: the customer must never read this"),
        ]));
    }
    let bare = desk.user();
    Fixture {
        _desk: desk,
        ana,
        bea,
        gus,
        owner,
        bare,
        contact,
        limited,
        b,
        p,
        o,
    }
}

fn tag(who: Who) -> String {
    format!("{who:?}").to_lowercase()
}

fn args(f: &Fixture, who: Who, col: Col) -> Vec<String> {
    let tag = tag(who);
    let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match col {
        Col::Queue => s(&["ticket", "list", "--status", "all", "--json"]),
        Col::View(t) => s(&["ticket", "view", f.number(t), "--json"]),
        Col::Reply(t) => s(&["ticket", "reply", f.number(t), "-m", &reply_text(who, t)]),
        Col::Note(t) => s(&[
            "ticket",
            "note",
            f.number(t),
            "-m",
            &format!("note by {tag} on {t:?} {NOTE_MARKER}"),
        ]),
        Col::Assign(t) => s(&["ticket", "assign", f.number(t), "--to", "@me"]),
        Col::Edit(t) => s(&["ticket", "edit", f.number(t), "-p", priority(who)]),
        Col::CloseWithAnswer(t) => s(&[
            "ticket",
            "close",
            f.number(t),
            "-m",
            &format!("closing answer by {tag} on {t:?}"),
        ]),
        Col::Close(t) => s(&["ticket", "close", f.number(t)]),
        Col::Reopen(t) => s(&["ticket", "reopen", f.number(t)]),
        Col::SearchNotes => s(&[
            "ticket",
            "list",
            "--status",
            "all",
            "--search",
            NOTE_MARKER,
            "--json",
        ]),
        Col::SearchMessages => s(&[
            "ticket", "list", "--status", "all", "--search", B_WORD, "--json",
        ]),
        Col::QueueMine => s(&[
            "ticket",
            "list",
            "--status",
            "all",
            "--assignee",
            "@me",
            "--json",
        ]),
        Col::QueueAccount => s(&[
            "ticket",
            "list",
            "--status",
            "all",
            "--account",
            OTHER_EMAIL,
            "--json",
        ]),
    }
}

fn reply_text(who: Who, t: T) -> String {
    format!("reply by {} on {t:?}", tag(who))
}

fn priority(who: Who) -> &'static str {
    match who {
        Who::AgentBilling => "low",
        _ => "high",
    }
}

fn want(f: &Fixture, who: Who, col: Col) -> Want {
    if who == Who::Removed {
        return refused(3, "ecolo login");
    }
    let customer = who.is_customer();
    let staff_only = match col {
        Col::Note(_) => Some("only the support team can add internal notes"),
        Col::Assign(_) => Some("only the support team can assign tickets"),
        Col::Edit(_) => Some("only the support team can move tickets"),
        Col::CloseWithAnswer(_) => {
            Some("only the support team can close a ticket with a last answer")
        }
        Col::QueueMine => Some("only the support team can filter by --assignee"),
        Col::QueueAccount => Some("only the support team can filter by --account"),
        _ => None,
    };
    if let (true, Some(hint)) = (customer, staff_only) {
        return refused(5, hint);
    }
    let target = match col {
        Col::View(t)
        | Col::Reply(t)
        | Col::Note(t)
        | Col::Assign(t)
        | Col::Edit(t)
        | Col::CloseWithAnswer(t)
        | Col::Close(t)
        | Col::Reopen(t) => Some(t),
        _ => None,
    };
    match (target, who) {
        // Outside the billing agent's categories a ticket does not exist.
        (Some(T::P), Who::AgentBilling) => {
            refused(4, format!("no ticket {} in your categories", f.p))
        }
        (Some(T::P), Who::Contact | Who::Limited) => refused(5, "may only use: billing"),
        _ => Want::Ok,
    }
}

fn subjects(list: &Value) -> Vec<String> {
    let mut s: Vec<String> = list
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|t| t["subject"].as_str().unwrap().to_string())
        .collect();
    s.sort();
    s
}

fn sorted(v: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

fn kinds(detail: &Value) -> Vec<String> {
    detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap().to_string())
        .collect()
}

/// The last entry of `kind` in a conversation.
fn last_of<'a>(detail: &'a Value, kind: &str) -> &'a Value {
    detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|m| m["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {detail}"))
}

/// An allowed cell: what it showed, or (re-read as Ana) what it saved.
fn check_allowed(
    f: &Fixture,
    who: Who,
    col: Col,
    out: &Output,
    before: Option<&Value>,
    cell: &str,
) {
    let parsed = || -> Value {
        serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {cell}"))
    };
    match col {
        Col::Queue => {
            let want = match who {
                Who::AgentAll => sorted(&[B_SUBJECT, P_SUBJECT, O_SUBJECT]),
                Who::AgentBilling => sorted(&[B_SUBJECT, O_SUBJECT]),
                Who::Owner => sorted(&[B_SUBJECT, P_SUBJECT]),
                _ => sorted(&[B_SUBJECT]),
            };
            assert_eq!(subjects(&parsed()), want, "{cell}");
        }
        Col::View(t) => {
            let v = parsed();
            assert_eq!(v["number"].to_string(), f.number(t), "{cell}");
            assert_eq!(v["account"]["email"], OWNER_EMAIL, "{cell}");
            let notes = kinds(&v).iter().filter(|k| *k == "note").count();
            if who.is_agent() {
                assert!(notes >= 1, "an agent sees the notes: {cell}");
                assert!(stdout(out).contains(NOTE_MARKER), "{cell}");
            } else {
                assert_eq!(notes, 0, "a customer never sees a note: {cell}");
            }
        }
        Col::Reply(t) => {
            let v = f.as_ana(t);
            let m = last_of(&v, "message");
            assert_eq!(m["body"], reply_text(who, t), "{cell}");
            if who.is_agent() {
                assert_eq!(v["status"], "answered", "{cell}");
                assert_eq!(m["author"]["role"], "staff", "{cell}");
                assert_eq!(m["author"]["email"], Fixture::agent_email(who), "{cell}");
            } else {
                assert_eq!(v["status"], "customer-reply", "{cell}");
                let role = if who == Who::Contact {
                    "contact"
                } else {
                    "owner"
                };
                assert_eq!(m["author"]["role"], role, "{cell}");
            }
        }
        Col::Note(t) => {
            let v = f.as_ana(t);
            let n = last_of(&v, "note");
            assert_eq!(
                n["body"],
                format!("note by {} on {t:?} {NOTE_MARKER}", tag(who)),
                "{cell}"
            );
            assert_eq!(n["author"]["email"], Fixture::agent_email(who), "{cell}");
            let before = before.expect("a change has a before");
            assert_eq!(
                v["status"], before["status"],
                "a note keeps the status: {cell}"
            );
        }
        Col::Assign(t) => {
            let v = f.as_ana(t);
            assert_eq!(v["assignee"]["email"], Fixture::agent_email(who), "{cell}");
        }
        Col::Edit(t) => {
            let v = f.as_ana(t);
            assert_eq!(v["priority"], priority(who), "{cell}");
            assert_eq!(v["category"], before.unwrap()["category"], "{cell}");
        }
        Col::CloseWithAnswer(t) => {
            let v = f.as_ana(t);
            assert_eq!(v["status"], "closed", "{cell}");
            let m = last_of(&v, "message");
            assert_eq!(
                m["body"],
                format!("closing answer by {} on {t:?}", tag(who)),
                "{cell}"
            );
            assert_eq!(m["author"]["role"], "staff", "{cell}");
        }
        Col::Close(t) => assert_eq!(f.as_ana(t)["status"], "closed", "{cell}"),
        Col::Reopen(t) => assert_eq!(f.as_ana(t)["status"], "open", "{cell}"),
        Col::SearchNotes => {
            let want = match who {
                Who::AgentAll => sorted(&[B_SUBJECT, P_SUBJECT]),
                Who::AgentBilling => sorted(&[B_SUBJECT]),
                // Notes are never searched for a customer.
                _ => vec![],
            };
            assert_eq!(subjects(&parsed()), want, "{cell}");
        }
        Col::SearchMessages => {
            assert_eq!(subjects(&parsed()), sorted(&[B_SUBJECT]), "{cell}");
        }
        Col::QueueMine => {
            // Ana took both before Bea took B.
            let want = match who {
                Who::AgentAll => sorted(&[B_SUBJECT, P_SUBJECT]),
                _ => sorted(&[B_SUBJECT]),
            };
            let list = parsed();
            assert_eq!(subjects(&list), want, "{cell}");
            for t in list.as_array().unwrap() {
                assert_eq!(t["assignee"]["email"], Fixture::agent_email(who), "{cell}");
            }
        }
        Col::QueueAccount => {
            let list = parsed();
            assert_eq!(subjects(&list), sorted(&[O_SUBJECT]), "{cell}");
            assert_eq!(list[0]["account"]["email"], OTHER_EMAIL, "{cell}");
        }
    }
}

/// The ticket a column changes, if it changes one.
fn changes(col: Col) -> Option<T> {
    match col {
        Col::Reply(t)
        | Col::Note(t)
        | Col::Assign(t)
        | Col::Edit(t)
        | Col::CloseWithAnswer(t)
        | Col::Close(t)
        | Col::Reopen(t) => Some(t),
        _ => None,
    }
}

/// What `who` must never see, in any output.
fn never_shown(who: Who) -> Vec<&'static str> {
    let p = [P_SUBJECT];
    match who {
        Who::AgentAll => vec![],
        Who::AgentBilling => p.to_vec(),
        Who::Owner => vec![NOTE_MARKER, O_SUBJECT, "setup note"],
        Who::Contact | Who::Limited => vec![NOTE_MARKER, O_SUBJECT, "setup note", P_SUBJECT],
        Who::Removed => vec![NOTE_MARKER, O_SUBJECT, P_SUBJECT, B_SUBJECT],
    }
}

fn run_row(f: &Fixture, who: Who) {
    for col in columns() {
        let argv = args(f, who, col);
        let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
        let before = changes(col).map(|t| f.as_ana(t));
        let out = f.run(who, &argv);
        let (out_text, err_text) = (stdout(&out), stderr(&out));
        let cell = format!("{who:?} x {col:?}: {argv:?}\nstdout: {out_text}\nstderr: {err_text}");
        let both = format!("{out_text}{err_text}");
        for word in never_shown(who) {
            // What the caller typed may be echoed back; nothing else.
            if !argv.iter().any(|a| a.contains(word)) {
                assert!(!both.contains(word), "`{word}` leaked: {cell}");
            }
        }
        match want(f, who, col) {
            Want::Ok => {
                assert_eq!(code(&out), 0, "{cell}");
                check_allowed(f, who, col, &out, before.as_ref(), &cell);
            }
            Want::Refused { code: want, hint } => {
                assert!(!hint.is_empty());
                assert_eq!(code(&out), want, "{cell}");
                assert!(
                    err_text.contains(&hint),
                    "the refusal says `{hint}`: {cell}"
                );
                assert!(out_text.is_empty(), "a refusal prints no result: {cell}");
                if let (Some(t), Some(before)) = (changes(col), before) {
                    assert_eq!(f.as_ana(t), before, "a refusal changes nothing: {cell}");
                }
            }
        }
    }
}

#[test]
fn every_credential_against_every_action_of_the_day() {
    let f = setup();
    for who in ROWS {
        run_row(&f, who);
    }

    // The customer never sees a note, even those written during the matrix,
    // nor another account's ticket.
    let b = f.json(Who::Owner, &["ticket", "view", &f.b, "--json"]);
    assert!(kinds(&b).iter().all(|k| k != "note"), "{b}");
    let text = ok(&f.run(Who::Owner, &["ticket", "view", &f.b]));
    assert!(
        !text.contains(NOTE_MARKER) && !text.contains("INTERNAL NOTE"),
        "{text}"
    );
    let err = cli_common::fails(&f.run(Who::Owner, &["ticket", "view", &f.o]), 4);
    assert!(
        err.contains(&format!("no ticket {} in this account", f.o)),
        "{err}"
    );
    assert!(!err.contains(O_SUBJECT), "{err}");
    // Ana sees every note written (setup, hers, Bea's).
    let b = f.as_ana(T::B);
    let notes = kinds(&b).iter().filter(|k| *k == "note").count();
    assert_eq!(notes, 3, "{b}");
}

#[test]
fn moves_the_billing_agent_may_not_make_and_a_ticket_moved_away() {
    let f = setup();
    let (b, p) = (f.b.clone(), f.p.clone());

    // Bea may not move a ticket out of her categories: refused naming them.
    let before = f.as_ana(T::B);
    let err = cli_common::fails(
        &f.run(
            Who::AgentBilling,
            &["ticket", "edit", &b, "-c", "control-panel"],
        ),
        5,
    );
    assert!(err.contains("billing"), "{err}");
    assert_eq!(f.as_ana(T::B), before, "nothing moved");

    // Ana may not give P to Bea, who does not work control-panel.
    let err = cli_common::fails(
        &f.run(Who::AgentAll, &["ticket", "assign", &p, "--to", BEA]),
        6,
    );
    assert!(err.contains("--to"), "the hint names the flag typed: {err}");
    assert_eq!(f.as_ana(T::P)["assignee"], Value::Null);
    // A category that does not exist never reaches the desk.
    let err = cli_common::fails(
        &f.run(Who::AgentAll, &["ticket", "edit", &b, "-c", "nope"]),
        2,
    );
    assert!(
        err.contains("--category") && err.contains("billing"),
        "{err}"
    );
    let err = cli_common::fails(&f.run(Who::AgentAll, &["ticket", "edit", &b]), 2);
    assert!(
        err.contains("-c/--category") && err.contains("-p/--priority"),
        "{err}"
    );

    // Ana moves B to email: it vanishes for the billing agent and for the
    // billing-only customer credentials; the owner still has it.
    let bea_sees = |n: &str| {
        subjects(&f.json(
            Who::AgentBilling,
            &["ticket", "list", "--status", "all", "--json"],
        ))
        .contains(&n.to_string())
    };
    assert!(bea_sees(B_SUBJECT));
    let moved = f.json(
        Who::AgentAll,
        &["ticket", "edit", &b, "-c", "email", "--json"],
    );
    assert_eq!(moved["category"], "email");
    assert!(!bea_sees(B_SUBJECT), "moved away from billing");
    let err = cli_common::fails(&f.run(Who::AgentBilling, &["ticket", "view", &b]), 4);
    assert!(
        err.contains(&format!("no ticket {b} in your categories")),
        "{err}"
    );
    for who in [Who::Contact, Who::Limited] {
        let list = f.json(who, &["ticket", "list", "--status", "all", "--json"]);
        assert!(subjects(&list).is_empty(), "{who:?}: {list}");
        let err = cli_common::fails(&f.run(who, &["ticket", "view", &b]), 5);
        assert!(err.contains("may only use: billing"), "{err}");
    }
    // The move is in the conversation, for the customer too; the
    // assignment is not (assignments are internal).
    ok(&f.run(Who::AgentAll, &["ticket", "assign", &b, "--to", "@me"]));
    let theirs = f.json(Who::Owner, &["ticket", "view", &b, "--json"]);
    assert_eq!(theirs["category"], "email");
    let events: Vec<&str> = theirs["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "event")
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["moved from billing to email"], "{theirs}");
    let ours = f.as_ana(T::B);
    let ours: Vec<&str> = ours["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "event")
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        ours,
        [
            "moved from billing to email",
            &format!("assigned to {ANA_NAME}")[..]
        ]
    );
}
