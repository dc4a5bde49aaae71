//! Issue 4's permission matrix, end to end with the real `ecolo-desk` and the
//! real `ecolo`: every kind of credential (owner login, full owner token,
//! contact token, category-limited contact token, category-limited token,
//! revoked, expired, removed contact's token, another account) against every
//! action (open, list, view, download, reply, close, reopen, contact and token
//! management). Each cell asserts the exit code; a refusal its specific
//! sentence on stderr and an empty stdout; an allowed cell what it shows (or,
//! for downloads, the file it saves). No run leaks a token or what its row may
//! not see, and the owner then checks that only allowed cells stored anything.

mod cli_common;
mod common;

use std::path::Path;
use std::process::Output;

use cli_common::{add_contact, ok, token};
use common::{code, run_with_stdin, stderr, stdout, Desk, User};
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// The owner's login (stored credentials, no ECOLO_TOKEN).
    Owner,
    /// An owner token without limits.
    Full,
    /// A token bound to Martha (billing, quotes).
    Contact,
    /// A token bound to Martha, limited to quotes.
    ContactQuotes,
    /// An owner token limited to billing.
    Limited,
    /// A contact token the owner revoked.
    Revoked,
    /// A billing-limited token past its expiry.
    Expired,
    /// The token of a contact the owner removed.
    RemovedContact,
    /// The owner of another account, on this account's things.
    Other,
}

impl Who {
    /// The categories of the owner's account it may use (`None`: all).
    fn allowed(self) -> Option<&'static [&'static str]> {
        match self {
            Who::Owner | Who::Full => None,
            Who::Contact => Some(&["billing", "quotes"]),
            Who::ContactQuotes => Some(&["quotes"]),
            Who::Limited => Some(&["billing"]),
            Who::Revoked | Who::Expired | Who::RemovedContact | Who::Other => Some(&[]),
        }
    }
}

/// Rows, in the order they run: the owner's full credentials last, so the
/// refused rows meet the account as it was set up.
const ROWS: [Who; 9] = [
    Who::Contact,
    Who::ContactQuotes,
    Who::Limited,
    Who::Revoked,
    Who::Expired,
    Who::RemovedContact,
    Who::Other,
    Who::Full,
    Who::Owner,
];

const MARTHA: &str = "martha@their-domain.example";
const IVAN: &str = "ivan@their-domain.example";
const GONE: &str = "gone@their-domain.example";
const OTHER_EMAIL: &str = "other@example.com";
const OTHER_PASSWORD: &str = "the other account's password";

const B_SUBJECT: &str = "Invoice INV-B-7731 charged twice";
const B_BODY: &str = "card ending 4242, see statement B-body-marker";
const B_FILE: &str = "b-statement.txt";
const B_FILE_CONTENT: &str = "B attachment content marker";
const P_SUBJECT: &str = "Panel password reset P-subject-marker";
const P_BODY: &str = "the old panel password was P-body-marker";
const P_FILE: &str = "p-server-notes.txt";
const P_FILE_CONTENT: &str = "P attachment content marker";

struct Fixture {
    /// Kept running for the whole test.
    _desk: Desk,
    /// Logged in as the owner.
    owner: User,
    /// Logged in as the other account's owner.
    other: User,
    /// No stored credentials: every run gives ECOLO_TOKEN.
    bare: User,
    contact: String,
    contact_quotes: String,
    full: String,
    limited: String,
    revoked: String,
    expired: String,
    removed: String,
    /// Ticket numbers: billing (B) and control-panel (P), both the owner's.
    b: String,
    p: String,
    /// Where `ticket download` saves (a fresh directory per run).
    downloads: tempfile::TempDir,
}

impl Fixture {
    fn run(&self, who: Who, args: &[&str]) -> Output {
        let (user, token) = match who {
            Who::Owner => (&self.owner, None),
            Who::Other => (&self.other, None),
            Who::Full => (&self.bare, Some(&self.full)),
            Who::Contact => (&self.bare, Some(&self.contact)),
            Who::ContactQuotes => (&self.bare, Some(&self.contact_quotes)),
            Who::Limited => (&self.bare, Some(&self.limited)),
            Who::Revoked => (&self.bare, Some(&self.revoked)),
            Who::Expired => (&self.bare, Some(&self.expired)),
            Who::RemovedContact => (&self.bare, Some(&self.removed)),
        };
        let mut cmd = user.cmd();
        if let Some(token) = token {
            cmd.env("ECOLO_TOKEN", token);
        }
        cmd.args(args);
        run_with_stdin(cmd, "")
    }

    /// `who` runs `args` (with `--json`) successfully; the parsed answer.
    fn json(&self, who: Who, args: &[&str]) -> Value {
        let out = self.run(who, args);
        assert_eq!(code(&out), 0, "{who:?} {args:?}: {}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    }

    fn owner_json(&self, args: &[&str]) -> Value {
        self.json(Who::Owner, args)
    }

    fn secrets(&self) -> [&str; 7] {
        [
            &self.full,
            &self.contact,
            &self.contact_quotes,
            &self.limited,
            &self.revoked,
            &self.expired,
            &self.removed,
        ]
    }

    /// What `who` must never see, in any output.
    fn forbidden(&self, who: Who) -> Vec<&'static str> {
        let p = [P_SUBJECT, P_BODY, P_FILE, P_FILE_CONTENT];
        let b = [B_SUBJECT, B_BODY, B_FILE, B_FILE_CONTENT];
        let account = [
            // Contacts' names and the owner's token names.
            "Martha Díaz",
            "Ivan Petrov",
            MARTHA,
            IVAN,
            "martha-laptop",
            "ci-billing",
            "spare-token",
        ];
        match who {
            Who::Owner | Who::Full => vec![],
            Who::Contact | Who::Limited => p.to_vec(),
            Who::ContactQuotes => p.iter().chain(&b).copied().collect(),
            Who::Revoked | Who::Expired | Who::RemovedContact | Who::Other => {
                p.iter().chain(&b).chain(&account).copied().collect()
            }
        }
    }
}

fn write_file(dir: &Path, name: &str, content: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_str().unwrap().to_string()
}

fn setup() -> Fixture {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let files = tempfile::tempdir().unwrap();

    let open = |category: &str, subject: &str, body: &str, file: &str, content: &str| {
        let path = write_file(files.path(), file, content);
        let out = owner.run(&[
            "ticket", "open", "-c", category, "-s", subject, "-m", body, "-a", &path,
        ]);
        ok(&out).trim().to_string()
    };
    let b = open("billing", B_SUBJECT, B_BODY, B_FILE, B_FILE_CONTENT);
    let p = open("control-panel", P_SUBJECT, P_BODY, P_FILE, P_FILE_CONTENT);

    for (email, name, cats) in [
        (MARTHA, "Martha Díaz", &["billing", "quotes"][..]),
        (IVAN, "Ivan Petrov", &["control-panel"][..]),
        (GONE, "Gone Away", &["billing"][..]),
    ] {
        add_contact(&owner, email, name, cats);
    }
    let contact = token(&owner, &["--name", "martha-laptop", "--contact", MARTHA]);
    let contact_quotes = token(
        &owner,
        &[
            "--name",
            "martha-quotes",
            "--contact",
            MARTHA,
            "-c",
            "quotes",
        ],
    );
    let full = token(&owner, &["--name", "full-access"]);
    let limited = token(&owner, &["--name", "ci-billing", "-c", "billing"]);
    let revoked = token(&owner, &["--name", "revoked-one", "--contact", MARTHA]);
    ok(&owner.run(&["token", "revoke", "revoked-one", "--yes"]));
    let expired = token(
        &owner,
        &["--name", "old", "-c", "billing", "--expires", "30d"],
    );
    desk.expire_token("old");
    let removed = token(&owner, &["--name", "gone-bot", "--contact", GONE]);
    ok(&owner.run(&["contact", "remove", GONE, "--yes"]));
    // What each row tries to remove and revoke.
    for who in ROWS {
        let tag = tag(who);
        add_contact(&owner, &spare_contact(&tag), "Spare", &["billing"]);
        token(&owner, &["--name", &spare_token(&tag)]);
    }

    desk.create_account(OTHER_EMAIL, "Otto Other", OTHER_PASSWORD);
    let other = desk.user();
    let out = other.run_stdin(
        &["login", "--email", OTHER_EMAIL, "--password-stdin"],
        &format!("{OTHER_PASSWORD}\n"),
    );
    ok(&out);

    let bare = desk.user();
    Fixture {
        _desk: desk,
        owner,
        other,
        bare,
        contact,
        contact_quotes,
        full,
        limited,
        revoked,
        expired,
        removed,
        b,
        p,
        downloads: tempfile::tempdir().unwrap(),
    }
}

/// The contact row `tag` tries to remove.
fn spare_contact(tag: &str) -> String {
    format!("spare-{tag}@their-domain.example")
}

/// The token row `tag` tries to revoke.
fn spare_token(tag: &str) -> String {
    format!("spare-{tag}")
}

/// What an action touches, which decides who may do it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Acts in the caller's own account (another account succeeds there).
    Own,
    /// Acts in the caller's own account, in one category.
    OwnIn(&'static str),
    /// The owner's ticket in this category.
    Ticket(&'static str),
    /// Managing the caller's own contacts or tokens.
    ManageOwn,
    /// Managing one of the owner's contacts or tokens.
    Manage,
}

/// One column of the matrix: its arguments for a row, what it touches, and
/// what an allowed cell shows on stdout.
struct Action {
    name: &'static str,
    args: fn(&Fixture, Who, &str) -> Vec<String>,
    scope: Scope,
    shows: fn(&Fixture, Who, &str) -> Vec<String>,
}

fn expected(action: &Action, who: Who) -> i32 {
    if matches!(who, Who::Revoked | Who::Expired | Who::RemovedContact) {
        return 3;
    }
    let allowed = |c: &str| who.allowed().is_none_or(|list| list.contains(&c));
    match action.scope {
        Scope::Own => 0,
        Scope::OwnIn(_) if who == Who::Other => 0,
        Scope::OwnIn(c) | Scope::Ticket(c) if allowed(c) => 0,
        Scope::Ticket(_) if who == Who::Other => 4,
        Scope::OwnIn(_) | Scope::Ticket(_) => 5,
        Scope::ManageOwn | Scope::Manage if who.allowed().is_none() => 0,
        Scope::ManageOwn if who == Who::Other => 0,
        Scope::Manage if who == Who::Other => 4,
        Scope::ManageOwn | Scope::Manage => 5,
    }
}

/// A category's English name, as `ecolo` shows it beside the slug.
fn english_name(slug: &str) -> &'static str {
    match slug {
        "control-panel" => "Control Panel",
        "billing" => "Billing Issues",
        "email" => "E-mail Problems",
        "website-updates" => "Website Updates",
        "other" => "Other",
        "quotes" => "Quotes",
        other => panic!("no category {other}"),
    }
}

/// The specific sentence a refused cell's stderr holds.
fn hint(f: &Fixture, action: &Action, who: Who, code: i32, tag: &str) -> String {
    match (code, who) {
        (3, Who::Expired) => "the token expired at".into(),
        (3, _) => "the token is unknown or was revoked: run `ecolo login`".into(),
        (5, _) if matches!(action.scope, Scope::Manage | Scope::ManageOwn) => {
            "only the account owner's login or an unlimited owner token may manage".into()
        }
        (5, _) => {
            let allowed = who.allowed().unwrap().join(", ");
            match action.scope {
                // `ecolo` refuses before sending, naming the category and
                // the allowed ones with their names.
                Scope::OwnIn(c) if action.name.starts_with("open") => {
                    let named: Vec<String> = who
                        .allowed()
                        .unwrap()
                        .iter()
                        .map(|slug| format!("{slug} ({})", english_name(slug)))
                        .collect();
                    format!(
                        "these credentials may not open tickets in `{c}`; they may only use: {}",
                        named.join(", ")
                    )
                }
                _ => format!("these credentials may only use: {allowed}"),
            }
        }
        (4, _) => match action.name {
            "contact edit" => format!("no contact {MARTHA} in this account"),
            "contact remove" => format!("no contact {} in this account", spare_contact(tag)),
            "token revoke" => format!("no token named `{}`", spare_token(tag)),
            _ => {
                let n = if action.name.ends_with('B') {
                    &f.b
                } else {
                    &f.p
                };
                format!("no ticket {n} in this account")
            }
        },
        _ => panic!("no hint known for exit code {code}"),
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn nothing(_: &Fixture, _: Who, _: &str) -> Vec<String> {
    vec![]
}

/// A ticket's subject and first message, as `view` shows them.
fn shows_ticket(subject: &str, body: &str) -> Vec<String> {
    strings(&[subject, body])
}

fn actions() -> Vec<Action> {
    vec![
        Action {
            name: "open in billing",
            args: |_, _, tag| open_args("billing", &format!("billing opened by {tag}")),
            scope: Scope::OwnIn("billing"),
            shows: nothing,
        },
        Action {
            name: "open in control-panel",
            args: |_, _, tag| open_args("control-panel", &format!("panel opened by {tag}")),
            scope: Scope::OwnIn("control-panel"),
            shows: nothing,
        },
        Action {
            name: "list all",
            args: |_, _, _| strings(&["ticket", "list", "--status", "all"]),
            scope: Scope::Own,
            shows: |_, who, tag| match who {
                Who::Owner | Who::Full => strings(&[B_SUBJECT, P_SUBJECT]),
                Who::Contact | Who::Limited => strings(&[B_SUBJECT]),
                Who::Other => vec![format!("billing opened by {tag}")],
                _ => vec![],
            },
        },
        Action {
            name: "list control-panel",
            args: |_, _, _| strings(&["ticket", "list", "--status", "all", "-c", "control-panel"]),
            scope: Scope::OwnIn("control-panel"),
            shows: |_, who, tag| match who {
                Who::Other => vec![format!("panel opened by {tag}")],
                _ => strings(&[P_SUBJECT]),
            },
        },
        Action {
            name: "view B",
            args: |f, _, _| strings(&["ticket", "view", &f.b]),
            scope: Scope::Ticket("billing"),
            shows: |_, _, _| shows_ticket(B_SUBJECT, B_BODY),
        },
        Action {
            name: "view P",
            args: |f, _, _| strings(&["ticket", "view", &f.p]),
            scope: Scope::Ticket("control-panel"),
            shows: |_, _, _| shows_ticket(P_SUBJECT, P_BODY),
        },
        Action {
            name: "download B",
            args: |f, _, tag| download_args(f, &f.b, tag),
            scope: Scope::Ticket("billing"),
            shows: |_, _, _| strings(&[B_FILE]),
        },
        Action {
            name: "download P",
            args: |f, _, tag| download_args(f, &f.p, tag),
            scope: Scope::Ticket("control-panel"),
            shows: |_, _, _| strings(&[P_FILE]),
        },
        Action {
            name: "reply B",
            args: |f, _, tag| strings(&["ticket", "reply", &f.b, "-m", &format!("reply by {tag}")]),
            scope: Scope::Ticket("billing"),
            shows: nothing,
        },
        Action {
            name: "reply P",
            args: |f, _, tag| strings(&["ticket", "reply", &f.p, "-m", &format!("reply by {tag}")]),
            scope: Scope::Ticket("control-panel"),
            shows: nothing,
        },
        Action {
            name: "close P",
            args: |f, _, _| strings(&["ticket", "close", &f.p]),
            scope: Scope::Ticket("control-panel"),
            shows: nothing,
        },
        Action {
            name: "reopen P",
            args: |f, _, _| strings(&["ticket", "reopen", &f.p]),
            scope: Scope::Ticket("control-panel"),
            shows: nothing,
        },
        Action {
            name: "close B",
            args: |f, _, _| strings(&["ticket", "close", &f.b]),
            scope: Scope::Ticket("billing"),
            shows: nothing,
        },
        Action {
            name: "reopen B",
            args: |f, _, _| strings(&["ticket", "reopen", &f.b]),
            scope: Scope::Ticket("billing"),
            shows: nothing,
        },
        Action {
            name: "contact list",
            args: |_, _, _| strings(&["contact", "list"]),
            scope: Scope::ManageOwn,
            shows: |_, who, _| match who {
                Who::Other => vec![],
                _ => strings(&[MARTHA, "Ivan Petrov"]),
            },
        },
        Action {
            name: "contact add",
            args: |_, _, tag| {
                strings(&[
                    "contact",
                    "add",
                    "--email",
                    &format!("added-by-{tag}@example.net"),
                    "--name",
                    "Added",
                    "-c",
                    "billing",
                ])
            },
            scope: Scope::ManageOwn,
            shows: nothing,
        },
        Action {
            name: "contact edit",
            args: |_, _, tag| {
                strings(&[
                    "contact",
                    "edit",
                    MARTHA,
                    "--name",
                    &format!("renamed by {tag}"),
                    "--add-category",
                    "control-panel",
                ])
            },
            scope: Scope::Manage,
            shows: nothing,
        },
        Action {
            name: "contact remove",
            args: |_, _, tag| strings(&["contact", "remove", &spare_contact(tag), "--yes"]),
            scope: Scope::Manage,
            shows: nothing,
        },
        Action {
            name: "token list",
            args: |_, _, _| strings(&["token", "list"]),
            scope: Scope::ManageOwn,
            shows: |_, who, _| match who {
                Who::Other => vec![],
                _ => strings(&["ci-billing", "martha-laptop"]),
            },
        },
        Action {
            name: "token create",
            args: |_, _, tag| strings(&["token", "create", "--name", &format!("made-by-{tag}")]),
            scope: Scope::ManageOwn,
            shows: |_, _, _| strings(&["ecolo_"]),
        },
        Action {
            name: "token revoke",
            args: |_, _, tag| strings(&["token", "revoke", &spare_token(tag), "--yes"]),
            scope: Scope::Manage,
            shows: nothing,
        },
    ]
}

fn open_args(category: &str, subject: &str) -> Vec<String> {
    strings(&["ticket", "open", "-c", category, "-s", subject, "-m", "m"])
}

fn download_args(f: &Fixture, number: &str, tag: &str) -> Vec<String> {
    let dir = f.downloads.path().join(format!("{number}-{tag}"));
    strings(&["ticket", "download", number, "--to", dir.to_str().unwrap()])
}

fn tag(who: Who) -> String {
    format!("{who:?}").to_lowercase()
}

/// Runs one row of the matrix, checking every cell's exit code and output.
fn run_row(f: &Fixture, who: Who) {
    let tag = tag(who);
    for action in actions() {
        let args = (action.args)(f, who, &tag);
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = f.run(who, &argv);
        let (out_text, err_text) = (stdout(&out), stderr(&out));
        let cell = format!(
            "{who:?} x {}: {argv:?}\nstdout: {out_text}\nstderr: {err_text}",
            action.name
        );
        let want = expected(&action, who);
        assert_eq!(code(&out), want, "{cell}");
        let both = format!("{out_text}{err_text}");
        for secret in f.secrets() {
            assert!(!both.contains(secret), "a token leaked: {cell}");
        }
        for word in f.forbidden(who) {
            // What the caller typed may be echoed back; nothing else.
            if !args.iter().any(|a| a.contains(word)) {
                assert!(!both.contains(word), "`{word}` leaked: {cell}");
            }
        }
        if want != 0 {
            assert!(out_text.is_empty(), "a refusal prints no result: {cell}");
            let hint = hint(f, &action, who, want, &tag);
            assert!(
                err_text.contains(&hint),
                "the refusal says `{hint}`: {cell}"
            );
        } else {
            if action.name.starts_with("open") {
                let number = out_text.trim().parse::<u32>();
                assert!(number.is_ok(), "prints the new ticket's number: {cell}");
            }
            for shown in (action.shows)(f, who, &tag) {
                assert!(out_text.contains(&shown), "shows `{shown}`: {cell}");
            }
        }
        if action.name.starts_with("download") {
            let dir = Path::new(&args[4]);
            let file = if action.name.ends_with('B') {
                (B_FILE, B_FILE_CONTENT)
            } else {
                (P_FILE, P_FILE_CONTENT)
            };
            if want == 0 {
                let saved = std::fs::read_to_string(dir.join(file.0));
                assert_eq!(saved.unwrap(), file.1, "saved whole: {cell}");
            } else {
                let saved = std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0);
                assert_eq!(saved, 0, "a refused download writes nothing: {cell}");
            }
        }
    }
}

/// `field` of every item of `list`, sorted.
fn names(list: &Value, field: &str) -> Vec<String> {
    let mut s: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t[field].as_str().unwrap().to_string())
        .collect();
    s.sort();
    s
}

/// The bodies of the messages (not the events: closing and reopening are
/// recorded in the conversation too).
fn bodies(detail: &Value) -> Vec<String> {
    detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "message")
        .map(|m| m["body"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_credential_against_every_action() {
    let f = setup();
    let (last, refused_first) = ROWS.split_last().unwrap();
    assert_eq!(*last, Who::Owner);
    for who in refused_first.iter().copied().filter(|w| *w != Who::Full) {
        run_row(&f, who);
    }

    // The owner finds only what the allowed cells did.
    let tickets = f.owner_json(&["ticket", "list", "--status", "all", "--json"]);
    let mut want = strings(&[
        "billing opened by contact",
        "billing opened by limited",
        B_SUBJECT,
        P_SUBJECT,
    ]);
    want.sort();
    assert_eq!(names(&tickets, "subject"), want);
    for t in tickets.as_array().unwrap() {
        let role = &t["requester"]["role"];
        match t["subject"].as_str().unwrap() {
            "billing opened by contact" => {
                assert_eq!(role, "contact");
                assert_eq!(t["requester"]["email"], MARTHA);
            }
            _ => assert_eq!(role, "owner", "{t}"),
        }
    }
    let p = f.owner_json(&["ticket", "view", &f.p, "--json"]);
    assert_eq!(bodies(&p), [P_BODY], "nobody else wrote on P");
    assert_eq!(
        p["messages"].as_array().unwrap().len(),
        1,
        "nor closed it: {p}"
    );
    assert_eq!(p["status"], "open");
    let b = f.owner_json(&["ticket", "view", &f.b, "--json"]);
    assert_eq!(
        bodies(&b),
        [B_BODY, "reply by contact", "reply by limited"],
        "only the allowed replies"
    );
    assert_eq!(b["status"], "open", "closed, then reopened");
    let contacts = f.owner_json(&["contact", "list", "--json"]);
    let mut want: Vec<String> = ROWS.iter().map(|w| spare_contact(&tag(*w))).collect();
    want.extend(strings(&[IVAN, MARTHA]));
    want.sort();
    assert_eq!(names(&contacts, "email"), want, "nothing added or removed");
    let martha = contacts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["email"] == MARTHA)
        .unwrap();
    assert_eq!(martha["name"], "Martha Díaz");
    assert_eq!(
        martha["categories"],
        serde_json::json!(["billing", "quotes"])
    );
    let tokens = f.owner_json(&["token", "list", "--json"]);
    let mut want: Vec<String> = ROWS.iter().map(|w| spare_token(&tag(*w))).collect();
    want.extend(strings(&[
        "ci-billing",
        "full-access",
        "martha-laptop",
        "martha-quotes",
        "old",
    ]));
    want.sort();
    assert_eq!(names(&tokens, "name"), want, "nothing created or revoked");

    // The other account's own actions stayed in its own account.
    let theirs = f.json(Who::Other, &["ticket", "list", "--status", "all", "--json"]);
    assert_eq!(
        names(&theirs, "subject"),
        ["billing opened by other", "panel opened by other"]
    );
    let theirs = f.json(Who::Other, &["contact", "list", "--json"]);
    assert_eq!(names(&theirs, "email"), ["added-by-other@example.net"]);
    let theirs = f.json(Who::Other, &["token", "list", "--json"]);
    assert_eq!(names(&theirs, "name"), ["made-by-other"]);

    // The owner's full token and login may do all of it.
    run_row(&f, Who::Full);
    run_row(&f, Who::Owner);
    let p = f.owner_json(&["ticket", "view", &f.p, "--json"]);
    assert_eq!(bodies(&p), [P_BODY, "reply by full", "reply by owner"]);
    let tickets = f.owner_json(&["ticket", "list", "--status", "all", "--json"]);
    for subject in ["panel opened by full", "panel opened by owner"] {
        assert!(names(&tickets, "subject").contains(&subject.to_string()));
    }
    let contacts = f.owner_json(&["contact", "list", "--json"]);
    let emails = names(&contacts, "email");
    for who in [Who::Full, Who::Owner] {
        let tag = tag(who);
        assert!(emails.contains(&format!("added-by-{tag}@example.net")));
        assert!(!emails.contains(&spare_contact(&tag)), "removed by {tag}");
    }
    let martha = contacts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["email"] == MARTHA)
        .unwrap();
    assert_eq!(martha["name"], "renamed by owner");
    assert_eq!(
        martha["categories"],
        serde_json::json!(["control-panel", "billing", "quotes"]),
        "in display order"
    );
    let tokens = names(&f.owner_json(&["token", "list", "--json"]), "name");
    for who in [Who::Full, Who::Owner] {
        let tag = tag(who);
        assert!(tokens.contains(&format!("made-by-{tag}")));
        assert!(!tokens.contains(&spare_token(&tag)), "revoked by {tag}");
    }
}
