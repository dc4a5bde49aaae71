//! Prompts in a real pseudo-terminal (rexpect): arrow keys in a Select, Space
//! in a MultiSelect, a hidden password, $EDITOR for the message, Ctrl-C at a
//! prompt (exit 130, nothing sent), and `--no-input` / CI never prompting
//! even on a terminal.

mod cli_common;
mod common;

use std::time::Duration;

use cli_common::{add_contact, json, ok};
use common::{Desk, User, OWNER_EMAIL, OWNER_PASSWORD};
use rexpect::process::wait::WaitStatus;
use rexpect::session::PtySession;

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

/// An executable `$EDITOR` in the user's config dir running `body` (after
/// `#!/bin/sh`); it gets the file to edit as `$1`.
fn editor_script(user: &User, body: &str) -> std::path::PathBuf {
    let editor = user.config.path().join("editor.sh");
    std::fs::write(&editor, format!("#!/bin/sh\n{body}")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    editor
}

/// `ecolo ARGS` on a pseudo-terminal (stdin, stdout and stderr).
fn pty(user: &User, args: &[&str], env: &[(&str, &str)], unset: &[&str]) -> PtySession {
    let mut cmd = user.cmd();
    cmd.env("TERM", "xterm").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    for k in unset {
        cmd.env_remove(k);
    }
    // The timeout only stops a hung test; nothing asserts on timing.
    rexpect::session::spawn_command(cmd, Some(30_000)).expect("spawn on a pty")
}

/// Like `pty`, without $EDITOR/$VISUAL, so a message is typed at the prompt.
fn pty_typed(user: &User, args: &[&str]) -> PtySession {
    pty(user, args, &[], &["EDITOR", "VISUAL"])
}

/// Like `pty`, with the terminal echoing input the way a person's does
/// (rexpect turns echo off), so a test can see whether a secret shows.
fn pty_echo(user: &User, args: &[&str], unset: &[&str]) -> PtySession {
    let mut cmd = user.cmd();
    let mut sh = std::process::Command::new("sh");
    sh.env_clear()
        .envs(cmd.get_envs().filter_map(|(k, v)| {
            let keep = !unset.iter().any(|u| k == std::ffi::OsStr::new(u));
            v.filter(|_| keep).map(|v| (k, v))
        }))
        .env("TERM", "xterm")
        .arg("-c")
        .arg("stty echo && exec \"$0\" \"$@\"")
        .arg(cmd.get_program())
        .args(args);
    cmd.args(args);
    rexpect::session::spawn_command(sh, Some(30_000)).expect("spawn on a pty")
}

/// Sends keys one write each, so an escape sequence arrives whole. Keys
/// that arrive early wait in the terminal's buffer (raw mode is entered with
/// TCSADRAIN, which keeps pending input).
fn keys(p: &mut PtySession, keys: &[&str]) {
    for k in keys {
        p.send(k).unwrap();
        p.flush().unwrap();
    }
}

/// The hidden-password prompt turns echo off with TCSAFLUSH, which drops
/// input typed before it starts reading; a person waits for the prompt, and
/// so do we, a little longer than the prompt takes to get there.
fn type_secret(p: &mut PtySession, line: &str) {
    std::thread::sleep(Duration::from_millis(1000));
    p.send_line(line).unwrap();
}

/// Waits for the end; returns all remaining output and the exit code.
fn finish(p: &mut PtySession) -> (String, i32) {
    let rest = p.exp_eof().unwrap();
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => (rest, code),
        other => panic!("ecolo ended by {other:?}; output: {rest}"),
    }
}

/// rexpect hands back each byte as one char; this reads them as UTF-8
/// again (for "✓").
fn utf8(out: &str) -> String {
    if out.chars().any(|c| c as u32 > 0xff) {
        return out.to_string();
    }
    let bytes: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The `error: ...` line of a terminal's output, without colour codes.
fn error_line(out: &str) -> String {
    let plain = console::strip_ansi_codes(out).into_owned();
    plain
        .lines()
        .find_map(|l| l.find("error:").map(|i| l[i..].trim_end().to_string()))
        .unwrap_or_else(|| panic!("no error line in: {plain:?}"))
}

fn tickets(user: &User) -> Vec<serde_json::Value> {
    json(&user.run(&["ticket", "list", "--status", "all", "--json"]))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn login_asks_url_email_and_a_hidden_password() {
    let desk = Desk::start();
    let user = desk.user();
    let mut p = pty_echo(&user, &["login"], &["ECOLO_URL"]);
    let mut seen = p.exp_string("Desk URL").unwrap();
    p.send_line(&desk.url).unwrap();
    seen += &p.exp_string("E-mail").unwrap();
    p.send_line(OWNER_EMAIL).unwrap();
    seen += &p.exp_string("Password").unwrap();
    type_secret(&mut p, OWNER_PASSWORD);
    let (rest, code) = finish(&mut p);
    seen += &rest;
    assert_eq!(code, 0, "{seen}");
    assert!(utf8(&seen).contains("✓ Logged in to"), "{seen}");
    assert!(
        !seen.contains(OWNER_PASSWORD),
        "the password was echoed: {seen}"
    );
    // The profile now remembers the URL.
    let mut cmd = user.cmd();
    cmd.env_remove("ECOLO_URL").arg("whoami");
    assert!(ok(&common::run_with_stdin(cmd, "")).contains(OWNER_EMAIL));
}

#[test]
fn ctrl_c_at_the_password_prompt_exits_130_and_stores_nothing() {
    let desk = Desk::start();
    let user = desk.user();
    let mut p = pty(&user, &["login", "--email", OWNER_EMAIL], &[], &[]);
    p.exp_string("Password").unwrap();
    // Ctrl-C here is a SIGINT from the terminal (the prompt reads a cooked
    // line), whenever it arrives.
    p.send_control('c').unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 130, "{out}");
    assert_eq!(error_line(&out), "error: cancelled: nothing was sent");
    assert!(!user.config.path().join("credentials.json").exists());
}

#[test]
fn ticket_open_with_arrow_keys_editor_and_attachment() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let dir = user.config.path();
    let editor = editor_script(
        &user,
        "printf 'Charged twice for invoice 1234.\\nPlease refund.\\n' > \"$1\"\n",
    );
    let receipt = dir.join("receipt.txt");
    std::fs::write(&receipt, "receipt").unwrap();

    let mut p = pty(
        &user,
        &["ticket", "open"],
        &[("EDITOR", editor.to_str().unwrap())],
        &["VISUAL"],
    );
    p.exp_string("Category").unwrap();
    // The list shows what belongs in each category.
    p.exp_string("invoices").unwrap();
    keys(&mut p, &[DOWN, ENTER]);
    p.exp_string("Subject").unwrap();
    p.send_line("Double charge").unwrap();
    p.exp_string("Priority").unwrap();
    keys(&mut p, &[DOWN, ENTER]);
    p.exp_string("Attach a file").unwrap();
    p.send_line(receipt.to_str().unwrap()).unwrap();
    p.exp_string("Attach a file").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Open this ticket?").unwrap();
    keys(&mut p, &["y"]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");

    let all = tickets(&user);
    assert_eq!(all.len(), 1);
    let t = &all[0];
    let number = t["number"].to_string();
    assert!(out.contains(&number), "{out}");
    let v = json(&user.run(&["ticket", "view", &number, "--json"]));
    assert_eq!(v["category"], "billing");
    assert_eq!(v["subject"], "Double charge");
    assert_eq!(v["priority"], "high");
    assert_eq!(
        v["messages"][0]["body"],
        "Charged twice for invoice 1234.\nPlease refund."
    );
    assert_eq!(
        v["messages"][0]["attachments"][0]["filename"],
        "receipt.txt"
    );
}

#[test]
fn ticket_open_typed_message_and_website_reminder() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let mut p = pty_typed(&user, &["ticket", "open", "-s", "New prices page"]);
    p.exp_string("Category").unwrap();
    keys(&mut p, &[DOWN, DOWN, DOWN, ENTER]);
    p.exp_string("Message").unwrap();
    p.send_line("Please publish the new prices").unwrap();
    p.exp_string("Priority").unwrap();
    keys(&mut p, &[ENTER]);
    // Reminded before the attachment prompt, and again if none came.
    p.exp_string("final text and the final images: attach them now")
        .unwrap();
    p.exp_string("Attach a file").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Reminder: website updates need").unwrap();
    p.exp_string("Open this ticket?").unwrap();
    keys(&mut p, &["y"]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    let all = tickets(&user);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["category"], "website-updates");
    assert_eq!(all[0]["priority"], "medium");
}

#[test]
fn ctrl_c_or_no_at_a_prompt_sends_nothing() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();

    let mut p = pty_typed(&user, &["ticket", "open"]);
    p.exp_string("Category").unwrap();
    p.send_control('c').unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 130, "{out}");
    insta::assert_snapshot!("ctrl_c_at_a_prompt", error_line(&out));

    let mut p = pty_typed(&user, &["ticket", "open", "-c", "other"]);
    p.exp_string("Subject").unwrap();
    p.send_line("Half written").unwrap();
    p.exp_string("Message").unwrap();
    p.send_control('c').unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 130, "{out}");

    let mut p = pty_typed(&user, &["ticket", "open", "-c", "other", "-s", "Maybe"]);
    p.exp_string("Message").unwrap();
    p.send_line("not sure").unwrap();
    p.exp_string("Priority").unwrap();
    keys(&mut p, &[ENTER]);
    p.exp_string("Attach a file").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Open this ticket?").unwrap();
    keys(&mut p, &["n"]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 130, "{out}");

    assert!(
        tickets(&user).is_empty(),
        "a cancelled prompt created a ticket"
    );

    // --yes skips the summary confirmation.
    let mut p = pty_typed(
        &user,
        &["ticket", "open", "-c", "other", "-s", "Sure", "--yes"],
    );
    p.exp_string("Message").unwrap();
    p.send_line("certain").unwrap();
    p.exp_string("Priority").unwrap();
    keys(&mut p, &[ENTER]);
    p.exp_string("Attach a file").unwrap();
    p.send_line("").unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("Open this ticket?"), "{out}");
    assert_eq!(tickets(&user).len(), 1);
}

#[test]
fn contact_add_with_multiselect_and_remove_with_confirm() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let mut p = pty(&user, &["contact", "add"], &[], &[]);
    p.exp_string("Name").unwrap();
    p.send_line("Martha").unwrap();
    p.exp_string("E-mail").unwrap();
    p.send_line("martha@their-domain.com").unwrap();
    p.exp_string("Categories").unwrap();
    p.exp_string("invoices").unwrap();
    // billing (2nd) and quotes (6th): Space toggles, Enter accepts.
    keys(&mut p, &[DOWN, " ", DOWN, DOWN, DOWN, DOWN, " ", ENTER]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    let contacts = json(&user.run(&["contact", "list", "--json"]));
    assert_eq!(contacts[0]["email"], "martha@their-domain.com");
    assert_eq!(contacts[0]["name"], "Martha");
    assert_eq!(
        contacts[0]["categories"],
        serde_json::json!(["billing", "quotes"])
    );

    // On a terminal remove asks; "no" keeps the contact.
    let mut p = pty(
        &user,
        &["contact", "remove", "martha@their-domain.com"],
        &[],
        &[],
    );
    p.exp_string("Remove contact").unwrap();
    keys(&mut p, &["n"]);
    let (_, code) = finish(&mut p);
    assert_eq!(code, 130);
    assert_eq!(
        json(&user.run(&["contact", "list", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let mut p = pty(
        &user,
        &["contact", "remove", "martha@their-domain.com"],
        &[],
        &[],
    );
    p.exp_string("Remove contact").unwrap();
    keys(&mut p, &["y"]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert!(json(&user.run(&["contact", "list", "--json"]))
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn no_input_and_ci_never_prompt_even_on_a_terminal() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 10] = [
        (&["ticket", "open", "--no-input"], &[], "--category"),
        (
            &["ticket", "reply", "123456"],
            &[("CI", "true")],
            "--message",
        ),
        (&["contact", "add"], &[("CI", "true")], "--name"),
        (&["token", "create", "--no-input"], &[], "--name"),
        (&["token", "revoke", "ci"], &[("CI", "true")], "--yes"),
        (
            &["login", "--email", OWNER_EMAIL],
            &[("CI", "true")],
            "--password-stdin",
        ),
        (&["ticket", "open"], &[("CI", "true")], "--category"),
        (
            &["ticket", "open", "-c", "billing", "-s", "x"],
            &[("CI", "1")],
            "--message",
        ),
        (&["login", "--no-input"], &[], "--email"),
        (
            &["contact", "remove", "a@b.com", "--no-input"],
            &[],
            "--yes",
        ),
    ];
    for (args, env, flag) in cases {
        let mut p = pty(&user, args, env, &["EDITOR", "VISUAL"]);
        let (out, code) = finish(&mut p);
        assert_eq!(code, 2, "{args:?}: {out}");
        assert!(out.contains(flag), "{args:?} should name {flag}: {out}");
    }
    assert!(tickets(&user).is_empty());
}

#[test]
fn terminal_output_is_an_aligned_table_coloured_unless_no_color() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let n = cli_common::open(&user, "billing", "Aligned subject");

    let mut p = pty(&user, &["ticket", "list"], &[], &["NO_COLOR"]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("NUMBER"), "header on a terminal: {out}");
    assert!(out.contains("\x1b["), "colour on a terminal: {out:?}");
    assert!(out.contains(&n) && out.contains("Aligned subject"), "{out}");

    let mut p = pty(&user, &["ticket", "list"], &[("NO_COLOR", "1")], &[]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0);
    assert!(
        !out.contains("\x1b[3") && !out.contains("\x1b[1m"),
        "NO_COLOR: {out:?}"
    );
    let header = out.lines().find(|l| l.starts_with("NUMBER")).unwrap();
    let row = out.lines().find(|l| l.starts_with(&n)).unwrap();
    assert!(
        !row.contains('\t'),
        "aligned with spaces, not tabs: {row:?}"
    );
    assert!(row.contains("just now"), "updated, for people: {row:?}");
    assert_eq!(
        header.find("SUBJECT"),
        row.find("Aligned subject"),
        "{header}\n{row}"
    );

    let mut p = pty(&user, &["category", "list"], &[], &[]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0);
    assert!(
        out.contains("billing  Billing Issues / Pagos y Cobranza"),
        "{out}"
    );
    assert!(out.contains("e-mail: billing@"), "{out}");
}

#[test]
fn transfers_show_progress_on_a_terminal() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let file = user.config.path().join("site.zip");
    std::fs::write(&file, vec![42u8; 2 * 1024 * 1024]).unwrap();
    let args = [
        "ticket",
        "open",
        "-c",
        "other",
        "-s",
        "Site",
        "-m",
        "zip",
        "-a",
        file.to_str().unwrap(),
    ];
    let mut p = pty(&user, &args, &[], &[]);
    p.exp_string("site.zip [").unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    let number = tickets(&user)[0]["number"].to_string();

    let to = user.config.path().join("dl");
    let mut p = pty(
        &user,
        &["ticket", "download", &number, "--to", to.to_str().unwrap()],
        &[],
        &[],
    );
    p.exp_string("site.zip [").unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        std::fs::metadata(to.join("site.zip")).unwrap().len(),
        2 * 1024 * 1024
    );

    // --json on a terminal: no bar mixed into the output.
    let mut p = pty(
        &user,
        &[
            "ticket",
            "open",
            "--json",
            "-c",
            "other",
            "-s",
            "Site",
            "-m",
            "zip",
            "-a",
            file.to_str().unwrap(),
        ],
        &[],
        &[],
    );
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("site.zip ["), "{out}");
}

#[test]
fn a_person_sees_each_change_confirmed_once() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();

    let mut p = pty(
        &user,
        &[
            "ticket",
            "open",
            "-c",
            "billing",
            "-s",
            "Charged twice",
            "-m",
            "x",
        ],
        &[],
        &[],
    );
    let (out, code) = finish(&mut p);
    let out = utf8(&out);
    assert_eq!(code, 0, "{out}");
    let n = tickets(&user)[0]["number"].to_string();
    assert!(
        out.contains(&format!("✓ Opened ticket {n} in billing")),
        "{out}"
    );
    // The number alone on its own line, for a person to copy.
    assert!(out.lines().any(|l| l.trim() == n), "{out}");

    for (args, want, once) in [
        (
            vec!["ticket", "reply", n.as_str(), "-m", "More details"],
            format!("✓ Replied to ticket {n}; see the conversation with `ecolo ticket view {n}`"),
            "Replied",
        ),
        (
            vec!["ticket", "close", n.as_str()],
            format!("✓ Closed ticket {n} (Charged twice)"),
            "Closed",
        ),
        (
            vec!["ticket", "reopen", n.as_str()],
            format!("✓ Reopened ticket {n} (Charged twice)"),
            "Reopened",
        ),
    ] {
        let mut p = pty(&user, &args, &[], &[]);
        let (out, code) = finish(&mut p);
        let out = utf8(&out);
        assert_eq!(code, 0, "{args:?}: {out}");
        assert!(out.contains(&want), "{args:?}: {out:?}");
        assert_eq!(out.matches(once).count(), 1, "said once: {out:?}");
        assert!(
            !out.contains('\t'),
            "the pipe form is not for people: {out:?}"
        );
    }
    let v = json(&user.run(&["ticket", "view", &n, "--json"]));
    let kinds: Vec<&str> = v["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    // Closing and reopening are recorded in the conversation.
    assert_eq!(kinds, ["message", "message", "event", "event"]);
    assert_eq!(v["status"], "open");
}

#[test]
fn reply_asks_for_the_message_and_ctrl_c_sends_nothing() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let n = cli_common::open(&user, "email", "Mailbox full");

    let mut p = pty_typed(&user, &["ticket", "reply", &n]);
    p.exp_string("Reply").unwrap();
    p.send_control('c').unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 130, "{out}");
    assert_eq!(error_line(&out), "error: cancelled: nothing was sent");
    let v = json(&user.run(&["ticket", "view", &n, "--json"]));
    assert_eq!(v["messages"].as_array().unwrap().len(), 1);

    let mut p = pty_typed(&user, &["ticket", "reply", &n]);
    p.exp_string("Reply").unwrap();
    p.send_line("Deleted old mail, fine now").unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert!(
        utf8(&out).contains(&format!("✓ Replied to ticket {n}")),
        "{out}"
    );
    let v = json(&user.run(&["ticket", "view", &n, "--json"]));
    assert_eq!(v["messages"][1]["body"], "Deleted old mail, fine now");
}

#[test]
fn ctrl_c_inside_the_editor_belongs_to_the_editor() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let n = cli_common::open(&user, "email", "Mailbox full");
    // The terminal sends Ctrl-C to the whole foreground group: the editor
    // and `ecolo`. This editor takes it (as vim does) and goes on.
    let editor = editor_script(
        &user,
        "trap '' INT\nkill -INT 0\nprintf 'Written after a Ctrl-C\\n' > \"$1\"\n",
    );
    let mut p = pty(
        &user,
        &["ticket", "reply", &n],
        &[("EDITOR", editor.to_str().unwrap())],
        &["VISUAL"],
    );
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    let v = json(&user.run(&["ticket", "view", &n, "--json"]));
    assert_eq!(v["messages"][1]["body"], "Written after a Ctrl-C");
}

#[test]
fn password_stdin_typed_at_a_terminal_is_not_echoed() {
    let desk = Desk::start();
    let user = desk.user();
    let mut p = pty_echo(
        &user,
        &["login", "--email", OWNER_EMAIL, "--password-stdin"],
        &[],
    );
    let mut seen = p.exp_string("not shown").unwrap();
    p.send_line(OWNER_PASSWORD).unwrap();
    let (rest, code) = finish(&mut p);
    seen += &rest;
    assert_eq!(code, 0, "{seen}");
    assert!(!seen.contains(OWNER_PASSWORD), "echoed: {seen}");
    assert!(ok(&user.run(&["whoami"])).contains(OWNER_EMAIL));
}

#[test]
fn a_contact_picks_only_from_their_categories() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    add_contact(
        &user,
        "martha@their-domain.com",
        "Martha",
        &["billing", "quotes"],
    );
    let token = cli_common::token(
        &user,
        &["--name", "martha", "--contact", "martha@their-domain.com"],
    );
    let mut p = pty(
        &user,
        &[
            "ticket",
            "open",
            "-s",
            "Quote please",
            "-m",
            "3 sites",
            "-y",
        ],
        &[("ECOLO_TOKEN", token.as_str())],
        &[],
    );
    let mut seen = p.exp_string("Category").unwrap();
    seen += &p.exp_string("date changes").unwrap();
    assert!(
        seen.contains("Billing Issues") && seen.contains("Quotes"),
        "{seen}"
    );
    for other in [
        "Control Panel",
        "E-mail Problems",
        "Website Updates",
        "Other (other)",
    ] {
        assert!(
            !seen.contains(other),
            "{other} offered to a contact: {seen}"
        );
    }
    // Down once from billing: quotes, the second of her two.
    keys(&mut p, &[DOWN, ENTER]);
    p.exp_string("Priority").unwrap();
    keys(&mut p, &[ENTER]);
    p.exp_string("Attach a file").unwrap();
    p.send_line("").unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    let all = tickets(&user);
    assert_eq!(all[0]["category"], "quotes");
    assert_eq!(all[0]["requester"]["email"], "martha@their-domain.com");
}

#[test]
fn an_agent_replies_through_the_editor_or_at_the_prompt() {
    const LAURA: &str = "laura@desk.example";
    const PASSWORD: &str = "laura's long passphrase";
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let n = cli_common::open(&owner, "billing", "Refund please");
    desk.add_agent(LAURA, "Laura Gómez", PASSWORD, &["billing"]);
    let laura = desk.user();
    laura.login(LAURA, PASSWORD);
    let view = |user: &User| json(&user.run(&["ticket", "view", &n, "--json"]));
    let last_body = |v: &serde_json::Value, kind: &str| {
        v["messages"]
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|m| m["kind"] == kind)
            .map(|m| m["body"].as_str().unwrap().to_string())
    };

    // $EDITOR: a multi-line answer, the customer's to read.
    let editor = editor_script(
        &laura,
        "printf 'Refunded today.\\n# not sent\\nIt shows in 3 days.\\n' > \"$1\"\n",
    );
    let mut p = pty(
        &laura,
        &["ticket", "reply", &n],
        &[("EDITOR", editor.to_str().unwrap())],
        &["VISUAL"],
    );
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert!(
        utf8(&out).contains(&format!("✓ Replied to ticket {n}")),
        "{out}"
    );
    let theirs = view(&owner);
    assert_eq!(theirs["status"], "answered");
    assert_eq!(
        last_body(&theirs, "message").as_deref(),
        Some("Refunded today.\nIt shows in 3 days.")
    );

    // No editor: typed at the prompt, a note and then a reply.
    let mut p = pty_typed(&laura, &["ticket", "note", &n]);
    p.exp_string("Internal note (one line").unwrap();
    p.send_line("Checked with the bank").unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        last_body(&view(&laura), "note").as_deref(),
        Some("Checked with the bank")
    );
    assert_eq!(
        last_body(&view(&owner), "note"),
        None,
        "never for the customer"
    );
    let mut p = pty_typed(&laura, &["ticket", "reply", &n]);
    p.exp_string("Reply (one line").unwrap();
    p.send_line("One more thing: keep the receipt.").unwrap();
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        last_body(&view(&owner), "message").as_deref(),
        Some("One more thing: keep the receipt.")
    );

    // The queue on a terminal: the support team's columns.
    let mut p = pty(&laura, &["ticket", "list", "--status", "all"], &[], &[]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 0, "{out}");
    for needle in [
        "WAITED",
        "ACCOUNT",
        "ASSIGNEE",
        OWNER_EMAIL,
        "Refund please",
    ] {
        assert!(out.contains(needle), "missing {needle} in {out}");
    }

    // A customer is refused before being asked anything.
    let mut p = pty_typed(&owner, &["ticket", "note", &n]);
    let (out, code) = finish(&mut p);
    assert_eq!(code, 5, "{out}");
    assert!(
        error_line(&out).contains("only the support team can add internal notes"),
        "{out}"
    );
    assert!(!out.contains("Internal note (one line"), "{out}");
}
