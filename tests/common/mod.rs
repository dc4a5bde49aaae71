//! Test harness: starts the real `ecolo-desk` on a loopback port with a temp
//! database, and runs the real `ecolo` binary with its own config dir.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

pub const DESK: &str = env!("CARGO_BIN_EXE_ecolo-desk");
pub const ECOLO: &str = env!("CARGO_BIN_EXE_ecolo");

pub const OWNER_EMAIL: &str = "owner@example.com";
pub const OWNER_NAME: &str = "Olga Owner";
pub const OWNER_PASSWORD: &str = "correct horse battery staple";

/// A running desk on its own temp database; killed on drop.
pub struct Desk {
    pub dir: tempfile::TempDir,
    pub url: String,
    child: Child,
    extra_args: Vec<String>,
}

impl Desk {
    /// A fresh desk with the owner account (`OWNER_*`) created.
    pub fn start() -> Desk {
        Self::start_with(&[])
    }

    /// A fresh desk whose `serve` gets `extra_args` too (limits, smtp, ...).
    pub fn start_with(extra_args: &[&str]) -> Desk {
        let dir = tempfile::tempdir().expect("temp dir");
        let extra_args: Vec<String> = extra_args.iter().map(|s| s.to_string()).collect();
        let (child, url) = spawn_serve(&dir.path().join("desk.db"), &extra_args);
        let desk = Desk {
            dir,
            url,
            child,
            extra_args,
        };
        desk.create_account(OWNER_EMAIL, OWNER_NAME, OWNER_PASSWORD);
        desk
    }

    /// The server's process id (benchmarks read its memory from /proc).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("desk.db")
    }

    /// Stops the server and starts it again on the same database.
    pub fn restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let (child, url) = spawn_serve(&self.db(), &self.extra_args);
        self.child = child;
        self.url = url;
    }

    /// Runs `ecolo-desk ARGS --db <this desk's db>`.
    pub fn admin(&self, args: &[&str], stdin: &str) -> Output {
        let mut cmd = Command::new(DESK);
        cmd.args(args).arg("--db").arg(self.db());
        run_with_stdin(cmd, stdin)
    }

    pub fn create_account(&self, email: &str, name: &str, password: &str) {
        let out = self.admin(
            &[
                "account",
                "create",
                "--email",
                email,
                "--name",
                name,
                "--password-stdin",
            ],
            &format!("{password}\n"),
        );
        assert!(
            out.status.success(),
            "account create failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A support agent (`ecolo-desk staff add`): working only `categories`,
    /// or all of them when empty.
    pub fn add_agent(&self, email: &str, name: &str, password: &str, categories: &[&str]) {
        let mut args = vec![
            "staff",
            "add",
            "--email",
            email,
            "--name",
            name,
            "--password-stdin",
        ];
        for c in categories {
            args.extend(["-c", c]);
        }
        let out = self.admin(&args, &format!("{password}\n"));
        assert!(
            out.status.success(),
            "staff add failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `ecolo-desk staff remove EMAIL --yes`: the agent's tokens stop at once.
    pub fn remove_agent(&self, email: &str) {
        let out = self.admin(&["staff", "remove", email, "--yes"], "");
        assert!(
            out.status.success(),
            "staff remove failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Staff answer ticket `number` (status becomes `answered`).
    pub fn staff_reply(&self, number: &str, message: &str) {
        let out = self.admin(&["staff", "reply", number, "--message", message], "");
        assert!(
            out.status.success(),
            "staff reply failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Makes the personal token `name` expired, as time would, by writing
    /// a past `expires_at` into the database.
    pub fn expire_token(&self, name: &str) {
        let conn = rusqlite::Connection::open(self.db()).expect("open the desk's database");
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .expect("busy timeout");
        let changed = conn
            .execute(
                "UPDATE tokens SET expires_at = '2000-01-01T00:00:00.000000Z' WHERE name = ?1",
                [name],
            )
            .expect("expire the token");
        assert_eq!(changed, 1, "no token named {name}");
    }

    /// A token for the owner, from `POST /v1/sessions`.
    pub fn login_token(&self, email: &str, password: &str) -> String {
        let resp = reqwest::blocking::Client::new()
            .post(format!("{}/v1/sessions", self.url))
            .json(&serde_json::json!({"email": email, "password": password}))
            .send()
            .expect("login request");
        assert!(
            resp.status().is_success(),
            "login failed: {}",
            resp.status()
        );
        let v: serde_json::Value = resp.json().unwrap();
        v["token"].as_str().unwrap().to_string()
    }

    pub fn owner_token(&self) -> String {
        self.login_token(OWNER_EMAIL, OWNER_PASSWORD)
    }

    /// A fresh `ecolo` user (own config dir) pointed at this desk.
    pub fn user(&self) -> User {
        User {
            config: tempfile::tempdir().expect("temp dir"),
            url: self.url.clone(),
        }
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn_serve(db: &Path, extra_args: &[String]) -> (Child, String) {
    let mut child = Command::new(DESK)
        .args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(db)
        .args(extra_args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn ecolo-desk");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("read listen line");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line from desk: {line:?}"))
        .to_string();
    (child, url)
}

/// One `ecolo` user: an isolated config dir, talking to one desk.
pub struct User {
    pub config: tempfile::TempDir,
    pub url: String,
}

impl User {
    /// `ecolo` with this user's config dir, the desk URL in `ECOLO_URL`, no
    /// terminal and `CI` unset so tests see the non-interactive defaults.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(ECOLO);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.config.path())
            .env("ECOLO_CONFIG_DIR", self.config.path())
            .env("ECOLO_URL", &self.url)
            .env("NO_COLOR", "1");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_stdin(args, "")
    }

    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Output {
        let mut cmd = self.cmd();
        cmd.args(args);
        run_with_stdin(cmd, stdin)
    }

    /// Logs in as the owner with `--password-stdin`.
    pub fn login_owner(&self) {
        self.login(OWNER_EMAIL, OWNER_PASSWORD);
    }

    /// `ecolo login --email EMAIL --password-stdin` (customers and agents alike).
    pub fn login(&self, email: &str, password: &str) {
        let out = self.run_stdin(
            &["login", "--email", email, "--password-stdin"],
            &format!("{password}\n"),
        );
        assert!(
            out.status.success(),
            "login as {email} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

pub fn run_with_stdin(mut cmd: Command, stdin: &str) -> Output {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    // A program that fails before reading its input (a usage error) may
    // be gone already: its exit code is what the test checks.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("wait")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exited by signal")
}
