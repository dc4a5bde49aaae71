//! The e-mail channel as `ecolo` shows it (issue 5): each category's intake
//! address, the addresses a contact may write to, and by which channel each
//! message of a conversation came (cli, email, staff). Against a desk with
//! its own `--mail-domain`, so the addresses shown are the desk's, not a
//! default the client made up.

mod cli_common;
mod common;
#[path = "mail/support.rs"]
mod support;

use cli_common::{json, ok};
use common::{Desk, User};
use rexpect::process::wait::WaitStatus;

const DOMAIN: &str = "desk.example.com";

fn desk() -> Desk {
    Desk::start_with(&["--mail-domain", DOMAIN])
}

/// `ecolo ARGS` on a pseudo-terminal: what a person sees, and the exit code.
fn on_terminal(user: &User, args: &[&str]) -> (String, i32) {
    let mut cmd = user.cmd();
    cmd.env("TERM", "xterm").args(args);
    // The timeout only stops a hung test; nothing asserts on timing.
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).expect("spawn on a pty");
    let out = p.exp_eof().unwrap();
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => (console::strip_ansi_codes(&out).into_owned(), code),
        other => panic!("ecolo ended by {other:?}; output: {out}"),
    }
}

#[test]
fn category_list_shows_each_intake_address() {
    let desk = desk();
    let user = desk.user();
    let out = ok(&user.run(&["category", "list"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), ecolo::api::CATEGORY_SLUGS.len(), "{out}");
    for (line, slug) in lines.iter().zip(ecolo::api::CATEGORY_SLUGS) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields[0], slug);
        assert_eq!(
            fields.last().unwrap(),
            &format!("{slug}@{DOMAIN}"),
            "{line}"
        );
    }
    for c in json(&user.run(&["category", "list", "--json"]))
        .as_array()
        .unwrap()
    {
        assert_eq!(
            c["intake_address"],
            format!("{}@{DOMAIN}", c["slug"].as_str().unwrap())
        );
    }
    let (screen, code) = on_terminal(&user, &["category", "list"]);
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains(&format!("e-mail: quotes@{DOMAIN}")),
        "{screen}"
    );
}

#[test]
fn contacts_show_the_addresses_they_may_write_to() {
    let desk = desk();
    let user = desk.user();
    user.login_owner();
    let add = [
        "contact",
        "add",
        "--email",
        "martha@example.com",
        "--name",
        "Martha Gómez",
        "-c",
        "billing",
        "-c",
        "email",
    ];
    let (screen, code) = on_terminal(&user, &add);
    assert_eq!(code, 0, "{screen}");
    assert!(
        screen.contains(&format!("May e-mail: billing@{DOMAIN}, email@{DOMAIN}")),
        "{screen}"
    );

    // Piped: the last field lists the addresses, comma-separated.
    let list = ok(&user.run(&["contact", "list"]));
    let fields: Vec<&str> = list.trim_end().split('\t').collect();
    assert_eq!(
        fields.last().unwrap(),
        &format!("billing@{DOMAIN},email@{DOMAIN}"),
        "{list}"
    );
    let (screen, code) = on_terminal(&user, &["contact", "list"]);
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains(&format!("billing@{DOMAIN}")), "{screen}");

    // Granting a category grants its address.
    let v = json(&user.run(&[
        "contact",
        "edit",
        "martha@example.com",
        "--add-category",
        "quotes",
        "--remove-category",
        "email",
        "--json",
    ]));
    assert_eq!(
        v["intake_addresses"],
        serde_json::json!([format!("billing@{DOMAIN}"), format!("quotes@{DOMAIN}")])
    );
    let listed = json(&user.run(&["contact", "list", "--json"]));
    assert_eq!(listed[0]["intake_addresses"], v["intake_addresses"]);
}

#[test]
fn ticket_view_shows_each_messages_channel() {
    let desk = desk();
    let user = desk.user();
    user.login_owner();
    // Opened by e-mail to the billing intake address of this desk.
    let raw = String::from_utf8(support::corpus("gmail_alternative.eml", None))
        .unwrap()
        .replace("desk.localhost", DOMAIN);
    let out = support::pipe(&desk, raw.as_bytes(), &["--mail-domain", DOMAIN]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let number = ok(&user.run(&["ticket", "list"]))
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    desk.staff_reply(&number, "¿Nos envía el comprobante?");
    ok(&user.run(&["ticket", "reply", &number, "-m", "Lo subo hoy."]));

    let view = ok(&user.run(&["ticket", "view", &number]));
    let headers: Vec<&str> = view.lines().filter(|l| l.starts_with("──")).collect();
    assert_eq!(headers.len(), 3, "{view}");
    for (line, who_and_channel) in headers.iter().zip([
        &["<owner@example.com> (owner) via email"][..],
        &["(support) <", "> via staff"],
        &["<owner@example.com> (owner) via cli"],
    ]) {
        for needle in who_and_channel {
            assert!(line.contains(needle), "{line}");
        }
    }
    let (screen, code) = on_terminal(&user, &["ticket", "view", &number]);
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("(owner) via email"), "{screen}");

    let v = json(&user.run(&["ticket", "view", &number, "--json"]));
    let channels: Vec<&str> = v["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["channel"].as_str().unwrap())
        .collect();
    assert_eq!(channels, ["email", "staff", "cli"]);
}
