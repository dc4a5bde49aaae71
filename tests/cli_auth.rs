//! `ecolo login / logout / whoami`, profiles, credentials storage and the
//! errors every command shares (not logged in, desk down), end to end
//! against the real desk.

mod cli_common;
mod common;

use cli_common::{add_contact, as_token, closed_port, fails, json, keys, ok, token};
use common::{code, stderr, stdout, Desk, OWNER_EMAIL, OWNER_PASSWORD};

fn stored_token(user: &common::User) -> String {
    let text = std::fs::read_to_string(user.config.path().join("credentials.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["profiles"]["default"]["token"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn login_stores_private_credentials_and_never_prints_the_token() {
    let desk = Desk::start();
    let user = desk.user();
    let login = user.run_stdin(
        &[
            "login",
            "--email",
            OWNER_EMAIL,
            "--password-stdin",
            "--verbose",
        ],
        &format!("{OWNER_PASSWORD}\n"),
    );
    ok(&login);
    assert!(
        stderr(&login).contains("Logged in to"),
        "{}",
        stderr(&login)
    );

    // The credentials live in ECOLO_CONFIG_DIR, readable by the owner only.
    let path = user.config.path().join("credentials.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "credentials file mode {mode:o}");
    }
    let token = stored_token(&user);
    assert!(token.starts_with("ecolo_"));

    let whoami = user.run(&["whoami", "--verbose"]);
    let human = ok(&whoami);
    assert!(human.contains(OWNER_EMAIL), "{human}");
    assert!(human.contains(&desk.url), "{human}");
    for out in [&login, &whoami] {
        assert!(!stdout(out).contains(&token) && !stderr(out).contains(&token));
        assert!(!stdout(out).contains(OWNER_PASSWORD) && !stderr(out).contains(OWNER_PASSWORD));
    }
    // --verbose shows request lines, not secrets.
    assert!(stderr(&whoami).contains("> GET"), "{}", stderr(&whoami));

    let v = json(&user.run(&["whoami", "--json"]));
    assert_eq!(
        keys(&v),
        [
            "account_email",
            "account_name",
            "acting_as",
            "can_manage",
            "categories",
            "credentials",
            "language",
            "profile",
            "url"
        ]
    );
    assert_eq!(v["language"], "es", "the desk mails this owner in Spanish");
    assert_eq!(v["account_email"], OWNER_EMAIL);
    assert_eq!(v["acting_as"]["role"], "owner");
    assert_eq!(v["categories"], serde_json::Value::Null);
    assert_eq!(v["can_manage"], true);
    assert_eq!(v["url"], desk.url.as_str());
    assert_eq!(v["profile"], "default");
    assert_eq!(v["credentials"], "stored");

    // `login --json` answers with the same shape, for scripts.
    let again = user.run_stdin(
        &[
            "login",
            "--json",
            "--email",
            OWNER_EMAIL,
            "--password-stdin",
        ],
        &format!("{OWNER_PASSWORD}\n"),
    );
    let l = json(&again);
    assert_eq!(keys(&l), keys(&v));
    assert_eq!(l["account_email"], OWNER_EMAIL);
    assert!(
        !stdout(&again).contains("ecolo_"),
        "no token in login --json"
    );
    // The session replaced by the new login is revoked, not left alive.
    fails(&as_token(&user, &token, &["whoami"]), 3);
}

#[test]
fn wrong_password_exits_3_and_stores_nothing() {
    let desk = Desk::start();
    let user = desk.user();
    let out = user.run_stdin(
        &["login", "--email", OWNER_EMAIL, "--password-stdin"],
        "not the password\n",
    );
    let err = fails(&out, 3);
    insta::assert_snapshot!("wrong_password", err);
    assert!(!user.config.path().join("credentials.json").exists());
    // An unknown e-mail gets the same answer.
    let out = user.run_stdin(
        &["login", "--email", "nobody@example.com", "--password-stdin"],
        "whatever\n",
    );
    assert_eq!(fails(&out, 3), err);
}

/// Every leaf command of the clap definitions, as its path of names.
fn leaf_commands() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        let subs: Vec<_> = cmd
            .get_subcommands()
            .filter(|s| s.get_name() != "help")
            .collect();
        if subs.is_empty() {
            out.push(path.clone());
        }
        for sub in subs {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(
        &<ecolo::cli::Cli as clap::CommandFactory>::command(),
        &mut Vec::new(),
        &mut out,
    );
    out
}

#[test]
fn without_credentials_every_command_says_run_ecolo_login() {
    let desk = Desk::start();
    let user = desk.user();
    // Commands that need no credentials, each with why.
    let public: [(&str, &str); 5] = [
        ("login", "it makes them"),
        ("logout", "with none there is nothing to forget"),
        ("category list", "the categories are public"),
        ("config set", "a local setting"),
        ("config get", "a local setting"),
    ];
    // Valid arguments for the rest, so each gets as far as asking the desk.
    let samples: [(&str, &[&str]); 18] = [
        ("whoami", &[]),
        ("ticket open", &["-c", "billing", "-s", "x", "-m", "y"]),
        ("ticket list", &[]),
        ("ticket view", &["123456"]),
        ("ticket reply", &["123456", "-m", "y"]),
        ("ticket close", &["123456"]),
        ("ticket reopen", &["123456"]),
        ("ticket note", &["123456", "-m", "y"]),
        ("ticket assign", &["123456", "--to", "@me"]),
        ("ticket edit", &["123456", "-p", "high"]),
        ("ticket download", &["123456", "--to", "out"]),
        (
            "contact add",
            &["--email", "a@b.example", "--name", "A", "-c", "billing"],
        ),
        ("contact edit", &["a@b.example", "--name", "B"]),
        ("contact list", &[]),
        ("contact remove", &["a@b.example", "--yes"]),
        ("token create", &["--name", "t"]),
        ("token list", &[]),
        ("token revoke", &["t", "--yes"]),
    ];
    let leaves = leaf_commands();
    assert!(leaves.len() >= 18, "{leaves:?}");
    for leaf in leaves {
        let name = leaf.join(" ");
        if public.iter().any(|(p, _)| *p == name) {
            continue;
        }
        let (_, extra) = samples
            .iter()
            .find(|(s, _)| *s == name)
            .unwrap_or_else(|| panic!("`ecolo {name}` is new: add valid arguments for it here"));
        let mut args: Vec<&str> = leaf.iter().map(String::as_str).collect();
        args.extend_from_slice(extra);
        let err = fails(&user.run(&args), 3);
        assert!(err.contains("run `ecolo login`"), "{args:?}: {err}");
    }
    insta::assert_snapshot!("not_logged_in", fails(&user.run(&["whoami"]), 3));
    // Another user's login (own config dir) does not leak into this one.
    let other = desk.user();
    other.login_owner();
    fails(&user.run(&["whoami"]), 3);
}

#[test]
fn ecolo_token_beats_stored_credentials() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    add_contact(&user, "it@example.com", "Ivan IT", &["control-panel"]);
    let secret = token(&user, &["--name", "it-ci", "--contact", "it@example.com"]);

    let v = json(&as_token(&user, &secret, &["whoami", "--json"]));
    assert_eq!(v["acting_as"]["email"], "it@example.com");
    assert_eq!(v["acting_as"]["role"], "contact");
    assert_eq!(v["credentials"], "env");

    // A bad ECOLO_TOKEN fails even though the stored login is fine.
    let err = fails(&as_token(&user, "ecolo_not_a_real_token", &["whoami"]), 3);
    assert!(err.contains("ecolo login"), "{err}");
    assert!(!err.contains("ecolo_not_a_real_token"), "{err}");
}

#[test]
fn login_with_token_verifies_it_first() {
    let desk = Desk::start();
    let user = desk.user();
    let bad = user.run_stdin(&["login", "--with-token"], "ecolo_wrong\n");
    fails(&bad, 3);
    assert!(!user.config.path().join("credentials.json").exists());
    let not_ours = user.run_stdin(&["login", "--with-token"], "hunter2\n");
    assert!(fails(&not_ours, 2).contains("ecolo_"));

    let secret = desk.owner_token();
    ok(&user.run_stdin(&["login", "--with-token"], &format!("{secret}\n")));
    assert_eq!(stored_token(&user), secret);
    assert!(ok(&user.run(&["whoami"])).contains(OWNER_EMAIL));
}

/// What `credentials.json` says the profile's token came from.
fn stored_kind(user: &common::User) -> serde_json::Value {
    let text = std::fs::read_to_string(user.config.path().join("credentials.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["profiles"]["default"]["kind"].clone()
}

fn whoami_with(user: &common::User, token: &str) -> std::process::Output {
    as_token(user, token, &["whoami"])
}

#[test]
fn logout_revokes_the_session_on_the_desk() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    assert_eq!(stored_kind(&user), "session");
    let old = stored_token(&user);
    let out = user.run(&["logout"]);
    ok(&out);
    assert!(stderr(&out).contains("Logged out"));
    fails(&user.run(&["whoami"]), 3);
    fails(&as_token(&user, &old, &["whoami"]), 3);
    // Logging out twice is fine.
    ok(&user.run(&["logout"]));
    // With ECOLO_TOKEN set, logout says that token still works.
    user.login_owner();
    let out = as_token(&user, &desk.owner_token(), &["logout"]);
    ok(&out);
    assert!(
        stderr(&out).contains("ECOLO_TOKEN is set"),
        "{}",
        stderr(&out)
    );
}

/// A token given with `--with-token` (CI, a personal token) may be in use
/// elsewhere: logout forgets it here and says it still works, and a new
/// login over it does not revoke it either.
#[test]
fn logout_after_login_with_token_only_forgets_the_token() {
    let desk = Desk::start();
    let owner = desk.user();
    owner.login_owner();
    let secret = token(&owner, &["--name", "laptop"]);

    let user = desk.user();
    ok(&user.run_stdin(&["login", "--with-token"], &format!("{secret}\n")));
    assert_eq!(stored_kind(&user), "token");
    let out = user.run(&["logout"]);
    ok(&out);
    let note = stderr(&out);
    assert!(note.contains("Logged out"), "{note}");
    assert!(note.contains("still works"), "{note}");
    assert!(note.contains("ecolo token revoke NAME"), "{note}");
    assert!(note.contains("ecolo token list"), "{note}");
    assert!(!note.contains(&secret), "{note}");
    insta::assert_snapshot!("logout_keeps_the_token", note);
    // Forgotten here, still working on the desk.
    fails(&user.run(&["whoami"]), 3);
    assert!(ok(&whoami_with(&user, &secret)).contains(OWNER_EMAIL));
    let tokens = json(&owner.run(&["token", "list", "--json"]));
    assert_eq!(tokens[0]["name"], "laptop");

    // Logging in with a password over it replaces it without revoking it.
    ok(&user.run_stdin(&["login", "--with-token"], &format!("{secret}\n")));
    let out = user.run_stdin(
        &["login", "--email", OWNER_EMAIL, "--password-stdin"],
        &format!("{OWNER_PASSWORD}\n"),
    );
    ok(&out);
    assert!(stderr(&out).contains("still works"), "{}", stderr(&out));
    assert_eq!(stored_kind(&user), "session");
    ok(&whoami_with(&user, &secret));
    // That session is the login's own: logout revokes it.
    let session = stored_token(&user);
    ok(&user.run(&["logout"]));
    fails(&whoami_with(&user, &session), 3);
    ok(&whoami_with(&user, &secret));
}

/// A credentials file from before the kind was recorded still works; since
/// it cannot tell a session from a token, logout does not revoke it.
#[test]
fn credentials_stored_by_an_older_ecolo_still_read() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let old = stored_token(&user);
    let path = user.config.path().join("credentials.json");
    std::fs::write(
        &path,
        serde_json::json!({"profiles": {"default": {"token": old}}}).to_string(),
    )
    .unwrap();
    assert!(ok(&user.run(&["whoami"])).contains(OWNER_EMAIL));
    let out = user.run(&["logout"]);
    ok(&out);
    let note = stderr(&out);
    assert!(note.contains("without revoking it"), "{note}");
    assert!(note.contains("ecolo token list"), "{note}");
    fails(&user.run(&["whoami"]), 3);
    ok(&whoami_with(&user, &old));
}

#[test]
fn profiles_keep_separate_logins() {
    let desk = Desk::start();
    desk.create_account("second@example.com", "Sam Second", "another good password");
    let user = desk.user();
    user.login_owner();
    ok(&user.run_stdin(
        &[
            "--profile",
            "work",
            "login",
            "--email",
            "second@example.com",
            "--password-stdin",
        ],
        "another good password\n",
    ));
    assert!(ok(&user.run(&["whoami"])).contains(OWNER_EMAIL));
    assert!(ok(&user.run(&["whoami", "--profile", "work"])).contains("second@example.com"));
    let mut cmd = user.cmd();
    cmd.env("ECOLO_PROFILE", "work").arg("whoami");
    assert!(ok(&common::run_with_stdin(cmd, "")).contains("second@example.com"));
    let err = fails(&user.run(&["whoami", "--profile", "nobody"]), 3);
    assert!(err.contains("profile `nobody`"), "{err}");

    // The profile remembers its URL: no ECOLO_URL needed afterwards.
    let mut cmd = user.cmd();
    cmd.env_remove("ECOLO_URL").arg("whoami");
    assert!(ok(&common::run_with_stdin(cmd, "")).contains(OWNER_EMAIL));
}

#[test]
fn desk_down_exits_7_naming_the_url() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let dead = closed_port();
    let url = dead.url();
    let out = as_token(
        &user,
        &desk.owner_token(),
        &["--url", &url, "ticket", "list"],
    );
    let err = fails(&out, 7);
    assert!(err.contains(&url), "{err}");
    insta::assert_snapshot!("desk_down", err.replace(&url, "[URL]"));
    // Login to a dead desk: the same, and nothing stored for it.
    let fresh = desk.user();
    let out = fresh.run_stdin(
        &[
            "--url",
            &url,
            "login",
            "--email",
            OWNER_EMAIL,
            "--password-stdin",
        ],
        &format!("{OWNER_PASSWORD}\n"),
    );
    fails(&out, 7);
    assert!(!fresh.config.path().join("credentials.json").exists());
}

#[test]
fn scripts_get_usage_errors_naming_the_flag() {
    let desk = Desk::start();
    let user = desk.user();
    // No terminal: never prompts, fails at once.
    let err = fails(&user.run(&["login"]), 2);
    assert!(err.contains("--email"), "{err}");
    let err = fails(&user.run(&["login", "--email", OWNER_EMAIL]), 2);
    assert!(err.contains("--password-stdin"), "{err}");
    let err = fails(
        &user.run(&["--url", "ftp://desk", "login", "--email", "a@b.c"]),
        2,
    );
    assert!(err.contains("ftp://desk"), "{err}");
    // A password in the URL is refused, and never echoed.
    let err = fails(
        &user.run(&[
            "--url",
            "http://me:hunter2@127.0.0.1:1",
            "login",
            "--email",
            "a@b.c",
        ]),
        2,
    );
    assert!(err.contains("--url") && !err.contains("hunter2"), "{err}");
    let mut cmd = user.cmd();
    cmd.env_remove("ECOLO_URL")
        .args(["login", "--email", OWNER_EMAIL, "--password-stdin"]);
    let err = fails(&common::run_with_stdin(cmd, "pw\n"), 2);
    assert!(err.contains("--url"), "{err}");
    // clap's own errors are usage errors too.
    assert_eq!(code(&user.run(&["ticket", "view", "12"])), 2);
    assert_eq!(code(&user.run(&["ticket", "list", "--status", "bogus"])), 2);
    assert_eq!(code(&user.run(&["bogus"])), 2);
}

#[test]
fn a_stored_token_goes_only_to_the_desk_that_issued_it() {
    let desk = Desk::start();
    let user = desk.user();
    user.login_owner();
    let token = stored_token(&user);

    // Another URL, where a listener would take any connection: exit 3
    // naming the fix, and not even a connection, so the token never left.
    let trap = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    trap.set_nonblocking(true).unwrap();
    let elsewhere = format!("http://{}", trap.local_addr().unwrap());
    for args in [&["ticket", "list"][..], &["whoami"]] {
        let mut all = vec!["--url", elsewhere.as_str()];
        all.extend_from_slice(args);
        let err = fails(&user.run(&all), 3);
        assert!(err.contains("ecolo login --url"), "{err}");
        assert!(!err.contains(&token));
    }
    let mut cmd = user.cmd();
    cmd.env("ECOLO_URL", &elsewhere).arg("whoami");
    fails(&common::run_with_stdin(cmd, ""), 3);
    // Logout revokes at the issuing desk even when pointed elsewhere.
    let mut cmd = user.cmd();
    cmd.env("ECOLO_URL", &elsewhere).arg("logout");
    ok(&common::run_with_stdin(cmd, ""));
    fails(&as_token(&user, &token, &["whoami"]), 3);
    user.login_owner();
    let token = stored_token(&user);
    assert!(
        trap.accept().is_err(),
        "a stored token's request went to another desk"
    );

    // Logging this profile in to another desk revokes the old session at
    // the old desk (not by sending it to the new one).
    let other = Desk::start();
    ok(&user.run_stdin(
        &[
            "--url",
            &other.url,
            "login",
            "--email",
            OWNER_EMAIL,
            "--password-stdin",
        ],
        &format!("{OWNER_PASSWORD}\n"),
    ));
    fails(&as_token(&user, &token, &["whoami"]), 3);
}

#[test]
fn too_many_wrong_passwords_are_rate_limited_exit_1() {
    let desk = Desk::start();
    let user = desk.user();
    let mut last = None;
    for _ in 0..30 {
        let out = user.run_stdin(
            &["login", "--email", OWNER_EMAIL, "--password-stdin"],
            "not the password\n",
        );
        if code(&out) != 3 {
            last = Some(out);
            break;
        }
    }
    let out = last.expect("the desk never rate-limited 30 wrong passwords");
    let err = fails(&out, 1);
    assert!(err.contains("rate limiting"), "{err}");
    // The wait is said once, in the desk's words, with a number of seconds
    // within the login window (15 minutes).
    assert_eq!(err.matches("retry after").count(), 0, "{err}");
    assert_eq!(err.matches("try again in ").count(), 1, "{err}");
    let secs: u64 = err
        .split("try again in ")
        .nth(1)
        .and_then(|rest| rest.split(" seconds").next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no wait in seconds stated: {err}"));
    assert!((1..=15 * 60).contains(&secs), "{err}");
    assert!(!user.config.path().join("credentials.json").exists());
}
