//! Issue 4's permission matrix, end to end with the real `ecolo-desk` and the
//! real `ecolo`: every kind of credential (owner, contact token,
//! category-limited token, revoked, expired, removed contact's token, another
//! account) against every action (open, list, view, download, reply, close,
//! reopen, contact and token management). Each cell asserts the exit code;
//! every run asserts that nothing leaked into its output, and the owner then
//! checks that nothing refused was stored.

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
    /// A token bound to Martha (billing, quotes).
    Contact,
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

/// Rows, in the order they run: the owner last, so the refused rows meet
/// the account as it was set up.
const ROWS: [Who; 7] = [
    Who::Contact,
    Who::Limited,
    Who::Revoked,
    Who::Expired,
    Who::RemovedContact,
    Who::Other,
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
            Who::Contact => (&self.bare, Some(&self.contact)),
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

    fn secrets(&self) -> [&str; 5] {
        [
            &self.contact,
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
            Who::Owner => vec![],
            Who::Contact | Who::Limited => p.to_vec(),
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
    token(&owner, &["--name", "spare-token"]);

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
        limited,
        revoked,
        expired,
        removed,
        b,
        p,
        downloads: tempfile::tempdir().unwrap(),
    }
}

/// One column of the matrix: its arguments for a row, and each row's exit code.
struct Action {
    name: &'static str,
    args: fn(&Fixture, Who, &str) -> Vec<String>,
    /// Exit codes for Owner, Contact, Limited, Revoked, Expired,
    /// RemovedContact, Other.
    codes: [i32; 7],
}

fn expected(action: &Action, who: Who) -> i32 {
    let i = match who {
        Who::Owner => 0,
        Who::Contact => 1,
        Who::Limited => 2,
        Who::Revoked => 3,
        Who::Expired => 4,
        Who::RemovedContact => 5,
        Who::Other => 6,
    };
    action.codes[i]
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn actions() -> Vec<Action> {
    //                 Owner Contact Limited Revoked Expired Removed Other
    const ALL_OWN: [i32; 7] = [0, 0, 0, 3, 3, 3, 0];
    const IN_SCOPE: [i32; 7] = [0, 0, 0, 3, 3, 3, 4];
    const OUT_OF_SCOPE: [i32; 7] = [0, 5, 5, 3, 3, 3, 4];
    const OUT_OF_SCOPE_OWN: [i32; 7] = [0, 5, 5, 3, 3, 3, 0];
    vec![
        Action {
            name: "open in billing",
            args: |_, _, tag| open_args("billing", &format!("billing opened by {tag}")),
            codes: ALL_OWN,
        },
        Action {
            name: "open in control-panel",
            args: |_, _, tag| open_args("control-panel", &format!("panel opened by {tag}")),
            codes: OUT_OF_SCOPE_OWN,
        },
        Action {
            name: "list all",
            args: |_, _, _| strings(&["ticket", "list", "--status", "all"]),
            codes: ALL_OWN,
        },
        Action {
            name: "list control-panel",
            args: |_, _, _| strings(&["ticket", "list", "--status", "all", "-c", "control-panel"]),
            codes: OUT_OF_SCOPE_OWN,
        },
        Action {
            name: "view B",
            args: |f, _, _| strings(&["ticket", "view", &f.b]),
            codes: IN_SCOPE,
        },
        Action {
            name: "view P",
            args: |f, _, _| strings(&["ticket", "view", &f.p]),
            codes: OUT_OF_SCOPE,
        },
        Action {
            name: "download B",
            args: |f, _, tag| download_args(f, &f.b, tag),
            codes: IN_SCOPE,
        },
        Action {
            name: "download P",
            args: |f, _, tag| download_args(f, &f.p, tag),
            codes: OUT_OF_SCOPE,
        },
        Action {
            name: "reply B",
            args: |f, _, tag| strings(&["ticket", "reply", &f.b, "-m", &format!("reply by {tag}")]),
            codes: IN_SCOPE,
        },
        Action {
            name: "reply P",
            args: |f, _, tag| strings(&["ticket", "reply", &f.p, "-m", &format!("reply by {tag}")]),
            codes: OUT_OF_SCOPE,
        },
        Action {
            name: "close P",
            args: |f, _, _| strings(&["ticket", "close", &f.p]),
            codes: OUT_OF_SCOPE,
        },
        Action {
            name: "reopen P",
            args: |f, _, _| strings(&["ticket", "reopen", &f.p]),
            codes: OUT_OF_SCOPE,
        },
        Action {
            name: "close B",
            args: |f, _, _| strings(&["ticket", "close", &f.b]),
            codes: IN_SCOPE,
        },
        Action {
            name: "reopen B",
            args: |f, _, _| strings(&["ticket", "reopen", &f.b]),
            codes: IN_SCOPE,
        },
        Action {
            name: "contact list",
            args: |_, _, _| strings(&["contact", "list"]),
            codes: OUT_OF_SCOPE_OWN,
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
            codes: OUT_OF_SCOPE_OWN,
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
            codes: OUT_OF_SCOPE,
        },
        Action {
            name: "contact remove",
            args: |_, _, _| strings(&["contact", "remove", IVAN, "--yes"]),
            codes: OUT_OF_SCOPE,
        },
        Action {
            name: "token list",
            args: |_, _, _| strings(&["token", "list"]),
            codes: OUT_OF_SCOPE_OWN,
        },
        Action {
            name: "token create",
            args: |_, _, tag| strings(&["token", "create", "--name", &format!("made-by-{tag}")]),
            codes: OUT_OF_SCOPE_OWN,
        },
        Action {
            name: "token revoke",
            args: |_, _, _| strings(&["token", "revoke", "spare-token", "--yes"]),
            codes: OUT_OF_SCOPE,
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
            let manage = action.name.starts_with("contact") || action.name.starts_with("token");
            let hint = match (want, who) {
                (3, _) => "ecolo login",
                (5, _) if manage => "owner",
                (5, Who::Contact) => "billing, quotes",
                (5, _) => "billing",
                _ => "",
            };
            assert!(err_text.contains(hint), "the refusal says why: {cell}");
        }
        if action.name.starts_with("download") && want != 0 {
            let dir = Path::new(&args[4]);
            let saved = std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0);
            assert_eq!(saved, 0, "a refused download writes nothing: {cell}");
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
    for who in ROWS.into_iter().filter(|w| *w != Who::Owner) {
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
    assert_eq!(names(&contacts, "email"), [IVAN, MARTHA]);
    assert_eq!(names(&contacts, "name"), ["Ivan Petrov", "Martha Díaz"]);
    assert_eq!(
        contacts[0]["categories"],
        serde_json::json!(["billing", "quotes"])
    );
    let tokens = f.owner_json(&["token", "list", "--json"]);
    assert_eq!(
        names(&tokens, "name"),
        ["ci-billing", "martha-laptop", "old", "spare-token"]
    );

    // The other account's own actions stayed in its own account.
    let theirs = f.json(Who::Other, &["ticket", "list", "--status", "all", "--json"]);
    assert_eq!(
        names(&theirs, "subject"),
        ["billing opened by other", "panel opened by other"]
    );
    let theirs = f.json(Who::Other, &["contact", "list", "--json"]);
    assert_eq!(names(&theirs, "email"), ["added-by-other@example.net"]);

    // The owner may do all of it.
    run_row(&f, Who::Owner);
    let p = f.owner_json(&["ticket", "view", &f.p, "--json"]);
    assert_eq!(bodies(&p), [P_BODY, "reply by owner"]);
    let contacts = f.owner_json(&["contact", "list", "--json"]);
    assert_eq!(
        names(&contacts, "email"),
        ["added-by-owner@example.net", MARTHA]
    );
    let martha = contacts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["email"] == MARTHA)
        .unwrap();
    assert_eq!(martha["name"], "renamed by owner");
    let tokens = f.owner_json(&["token", "list", "--json"]);
    assert_eq!(
        names(&tokens, "name"),
        ["ci-billing", "made-by-owner", "martha-laptop", "old"]
    );
    let saved = f
        .downloads
        .path()
        .join(format!("{}-owner", f.p))
        .join(P_FILE);
    assert_eq!(std::fs::read_to_string(saved).unwrap(), P_FILE_CONTENT);
}
