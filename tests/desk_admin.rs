//! The `ecolo-desk` command line: admin commands beside a running server,
//! `--demo`, and a graceful stop.

mod common;
mod desk_common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{code, stderr, stdout, Desk, DESK};
use desk_common::{break_outbox, expect, number, outbox_len, repair_outbox, Api};
use reqwest::Method;
use serde_json::json;

#[test]
fn account_create_validates_and_refuses_duplicates() {
    let desk = Desk::start();
    let create = |email: &str, password: &str| {
        desk.admin(
            &[
                "account",
                "create",
                "--email",
                email,
                "--name",
                "Someone",
                "--password-stdin",
            ],
            password,
        )
    };
    let out = create("second@example.com", "a fine password\n");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("second@example.com"));
    assert!(!stdout(&out).contains("a fine password") && !stderr(&out).contains("a fine password"));
    desk.login_token("second@example.com", "a fine password");

    let out = create("Second@Example.com", "another password\n");
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));

    let out = create("not-an-email", "pw\n");
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("email"), "{}", stderr(&out));

    let out = create("third@example.com", "");
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("password"), "{}", stderr(&out));
    let out = create("third@example.com", "short\n");
    assert_ne!(code(&out), 0);
    assert!(
        stderr(&out).contains("password: must be at least 8"),
        "{}",
        stderr(&out)
    );

    let out = desk.admin(
        &[
            "account",
            "create",
            "--email",
            "x@example.com",
            "--name",
            "X",
        ],
        "pw\n",
    );
    assert_eq!(code(&out), 2, "--password-stdin is required");
}

#[test]
fn staff_reply_works_while_the_server_runs() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let n = number(&api.open_ticket(&token, "email", "bounce"));

    let out = desk.admin(
        &[
            "staff",
            "reply",
            &n.to_string(),
            "--message",
            "Fixed the MX record.",
        ],
        "",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let detail = api.get_ok(&format!("/v1/tickets/{n}"), &token);
    assert_eq!(detail["status"], "answered");
    assert_eq!(detail["messages"][1]["body"], "Fixed the MX record.");
    assert_eq!(detail["messages"][1]["author"]["role"], "staff");

    let out = desk.admin(&["staff", "reply", "999999", "--message", "x"], "");
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("999999"));
    expect(
        api.post(&format!("/v1/tickets/{n}/close"), &token, &json!({})),
        200,
    );
    let out = desk.admin(&["staff", "reply", &n.to_string(), "--message", "late"], "");
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("closed"));
}

#[test]
fn staff_reply_whose_notification_cannot_be_queued_yet_is_mailed_once_later() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let n = number(&api.open_ticket(&token, "billing", "refund")).to_string();
    assert_eq!(outbox_len(&desk), 1, "the confirmation");

    // The answer and its event commit together; a full outbox only delays
    // the mail, which a later pass renders from the event.
    break_outbox(&desk);
    let out = desk.admin(&["staff", "reply", &n, "--message", "Refunded."], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let detail = api.get_ok(&format!("/v1/tickets/{n}"), &token);
    assert_eq!(detail["status"], "answered");
    assert_eq!(outbox_len(&desk), 1);

    repair_outbox(&desk);
    let out = desk.admin(&["tickets", "auto-close", "--after", "30d"], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(outbox_len(&desk), 2, "the confirmation and the answer");
    let out = desk.admin(&["tickets", "auto-close", "--after", "30d"], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(outbox_len(&desk), 2, "rendered once");
}

/// `ecolo-desk serve` on a free port with database `db` (and `extra`
/// arguments), stdout piped for its listening line.
fn serve_cmd(db: &std::path::Path, extra: &[&str]) -> Command {
    let mut cmd = Command::new(DESK);
    cmd.args(["serve", "--listen", "127.0.0.1:0"])
        .args(extra)
        .arg("--db")
        .arg(db)
        .stdin(Stdio::null())
        .stdout(Stdio::piped());
    cmd
}

/// Spawns `cmd` and reads the one line it prints when ready; answers the
/// URL it listens on and the child.
fn spawn_listening(cmd: &mut Command) -> (String, std::process::Child) {
    let mut child = cmd.spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("first line: {line:?}"))
        .to_string();
    (url, child)
}

/// Starts `serve --demo` on `db`; answers (url, everything it said on
/// stderr up to the login hint) and the child.
fn serve_demo(db: &std::path::Path) -> (String, String, std::process::Child) {
    let (url, mut child) = spawn_listening(
        serve_cmd(db, &["--demo"])
            .env("ECOLO_DESK_LOG", "off")
            .stderr(Stdio::piped()),
    );
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains("ecolo login") {
        assert_ne!(err.read_line(&mut said).unwrap(), 0, "desk stopped: {said}");
    }
    (url, said, child)
}

#[test]
fn demo_seeds_an_account_once_and_says_how_to_log_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let (url, said, mut child) = serve_demo(&db);
    assert!(said.contains("demo@ecolo.test"), "{said}");
    let hint = format!("ecolo login --url {url} --email demo@ecolo.test --password-stdin");
    assert!(said.contains(&hint), "{said}");
    let password = said
        .split("printf '%s\\n' '")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("password in the hint")
        .to_string();
    // Follow the hint with the real `ecolo`.
    let config = tempfile::tempdir().unwrap();
    let mut login = Command::new(common::ECOLO);
    login
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", config.path())
        .env("ECOLO_CONFIG_DIR", config.path())
        .env("NO_COLOR", "1")
        .args([
            "login",
            "--url",
            &url,
            "--email",
            "demo@ecolo.test",
            "--password-stdin",
        ]);
    let out = common::run_with_stdin(login, &format!("{password}\n"));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let _ = child.kill();
    let _ = child.wait();

    let (_, said, mut child) = serve_demo(&db);
    assert!(said.contains("exists already"), "{said}");
    assert!(!said.contains(&password));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn sigterm_and_ctrl_c_stop_the_server_cleanly_after_one_stdout_line() {
    use std::io::Read;
    for signal in ["-TERM", "-INT"] {
        let dir = tempfile::tempdir().unwrap();
        let mut child = serve_cmd(&dir.path().join("desk.db"), &[])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let url = line
            .trim()
            .strip_prefix("listening on http://127.0.0.1:")
            .map(|port| format!("http://127.0.0.1:{port}"))
            .unwrap_or_else(|| panic!("first line: {line:?}"));
        assert_ne!(url, "http://127.0.0.1:0", "a real port was picked");
        if signal == "-TERM" {
            let resp = reqwest::blocking::get(format!("{url}/v1/limits")).unwrap();
            assert_eq!(resp.status().as_u16(), 200);
        }
        // For SIGINT, signal at once: the handlers must be in place by the
        // time the listening line is printed.
        let killed = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(
            status.code(),
            Some(0),
            "{signal}: graceful shutdown exits 0"
        );
        let mut rest = String::new();
        stdout.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "", "stdout holds exactly the one listening line");
    }
}

#[test]
fn default_database_is_in_the_data_dir_in_wal_mode_and_migrated() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let admin = |args: &[&str], stdin: &str| {
        let mut cmd = Command::new(DESK);
        cmd.env_clear()
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", &data)
            .args(args);
        common::run_with_stdin(cmd, stdin)
    };
    let create = |email: &str| {
        admin(
            &[
                "account",
                "create",
                "--email",
                email,
                "--name",
                "N",
                "--password-stdin",
            ],
            "a long password\n",
        )
    };
    let out = create("first@example.com");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let db = data.join("ecolo-desk").join("desk.db");
    assert!(db.is_file(), "README: desk.db in the user's data directory");
    assert!(data.join("ecolo-desk").join("attachments").is_dir());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(version >= 1, "migrations applied");

    // A database from a newer desk is refused, not damaged.
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let out = create("second@example.com");
    assert_ne!(code(&out), 0);
    assert!(
        stderr(&out).contains("upgrade ecolo-desk"),
        "{}",
        stderr(&out)
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let accounts: i64 = conn
        .query_row("SELECT count(*) FROM accounts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(accounts, 1);
}

#[test]
fn unknown_routes_and_methods_are_refused() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let resp = api.call(Method::GET, "/v2/tickets", None, None);
    assert_eq!(resp.status().as_u16(), 404);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
    let resp = api.call(Method::PUT, "/v1/tickets", None, None);
    assert_eq!(resp.status().as_u16(), 405);
    assert_eq!(resp.headers()["content-type"], "application/problem+json");
}

#[test]
fn logs_never_show_passwords_or_tokens_even_at_trace_level() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let log_path = dir.path().join("desk.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let (url, mut child) = spawn_listening(
        serve_cmd(&db, &[])
            .env("ECOLO_DESK_LOG", "trace")
            .stderr(Stdio::from(log)),
    );

    const PASSWORD: &str = "very-secret-password-4711";
    let mut create = Command::new(DESK);
    create
        .args([
            "account",
            "create",
            "--email",
            "log@example.com",
            "--name",
            "Log",
        ])
        .args(["--password-stdin", "--db"])
        .arg(&db);
    let out = common::run_with_stdin(create, &format!("{PASSWORD}\n"));
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let client = reqwest::blocking::Client::new();
    let login = |password: &str| {
        client
            .post(format!("{url}/v1/sessions"))
            .json(&json!({"email": "log@example.com", "password": password}))
            .send()
            .unwrap()
    };
    assert_eq!(login("wrong-password-0815").status().as_u16(), 401);
    let session: serde_json::Value = login(PASSWORD).json().unwrap();
    let token = session["token"].as_str().unwrap().to_string();
    let created: serde_json::Value = client
        .post(format!("{url}/v1/tokens"))
        .bearer_auth(&token)
        .json(&json!({"name": "ci"}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let personal = created["token"].as_str().unwrap().to_string();
    let me = client
        .get(format!("{url}/v1/me"))
        .bearer_auth(&personal)
        .send()
        .unwrap();
    assert_eq!(me.status().as_u16(), 200);

    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let logged = std::fs::read_to_string(&log_path).unwrap();
    assert!(logged.contains("logged in"), "the log is written: {logged}");
    for secret in [PASSWORD, "wrong-password-0815", &token[6..], &personal[6..]] {
        assert!(!logged.contains(secret), "a secret leaked into the log");
    }
    assert!(
        !logged.to_lowercase().contains("authorization"),
        "no auth header in the log"
    );
}

/// A request body fed by the test, one chunk per message, ending when the
/// sender is dropped.
struct ChannelReader {
    rx: std::sync::mpsc::Receiver<Vec<u8>>,
    pending: Vec<u8>,
}

impl std::io::Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            match self.rx.recv() {
                Ok(chunk) => self.pending = chunk,
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

#[test]
fn sigterm_lets_an_upload_in_flight_finish() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let mut create = Command::new(DESK);
    create
        .args([
            "account",
            "create",
            "--email",
            "up@example.com",
            "--name",
            "Up",
        ])
        .args(["--password-stdin", "--db"])
        .arg(&db);
    assert_eq!(
        code(&common::run_with_stdin(create, "upload password\n")),
        0
    );
    let (url, mut child) = spawn_listening(serve_cmd(&db, &[]).stderr(Stdio::null()));
    let session: serde_json::Value = reqwest::blocking::Client::new()
        .post(format!("{url}/v1/sessions"))
        .json(&json!({"email": "up@example.com", "password": "upload password"}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let token = session["token"].as_str().unwrap().to_string();

    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let upload = std::thread::spawn(move || {
        let body = reqwest::blocking::Body::new(ChannelReader {
            rx,
            pending: Vec::new(),
        });
        let resp = reqwest::blocking::Client::new()
            .post(format!("{url}/v1/attachments?filename=slow.bin"))
            .bearer_auth(&token)
            .body(body)
            .send()
            .unwrap();
        (resp.status().as_u16(), resp.text().unwrap())
    });
    tx.send(vec![1u8; 1000]).unwrap();
    // Wait until the desk is writing the upload.
    let attachments = dir.path().join("attachments");
    while std::fs::read_dir(&attachments).unwrap().count() == 0 {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    tx.send(vec![2u8; 1000]).unwrap();
    drop(tx);
    let (status, body) = upload.join().unwrap();
    assert_eq!(status, 201, "{body}");
    let attachment: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(attachment["size"], 2000);
    let id = attachment["id"].as_str().unwrap();
    assert_eq!(
        std::fs::metadata(attachments.join(id)).unwrap().len(),
        2000,
        "stored whole"
    );
    assert_eq!(child.wait().unwrap().code(), Some(0), "then the desk stops");
}

#[test]
fn serve_refuses_limits_that_would_refuse_everything() {
    let dir = tempfile::tempdir().unwrap();
    for flag in [
        "--max-subject-chars",
        "--max-message-bytes",
        "--max-attachment-bytes",
    ] {
        let mut cmd = Command::new(DESK);
        cmd.args(["serve", "--listen", "127.0.0.1:0", flag, "0", "--db"])
            .arg(dir.path().join("desk.db"));
        let out = common::run_with_stdin(cmd, "");
        assert_eq!(code(&out), 2, "{flag} 0");
        assert!(stderr(&out).contains(flag), "{}", stderr(&out));
        assert_eq!(stdout(&out), "", "never listening");
    }
}
