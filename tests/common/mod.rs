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

    /// Restarts the server with the kernel refusing to grow any of its
    /// files past `bytes` (RLIMIT_FSIZE, with SIGXFSZ ignored so a write
    /// fails with EFBIG instead of killing it), as a disk quota does: how
    /// tests fill the desk's storage for real.
    pub fn restart_with_file_size_limit(&mut self, bytes: u64) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let (child, url) = spawn_serve_limited(&self.db(), &self.extra_args, Some(bytes));
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
    spawn_serve_limited(db, extra_args, None)
}

fn spawn_serve_limited(db: &Path, extra_args: &[String], fsize: Option<u64>) -> (Child, String) {
    let mut cmd = Command::new(DESK);
    cmd.args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(db)
        .args(extra_args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if let Some(bytes) = fsize {
        use std::os::unix::process::CommandExt;
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let limit = libc::rlimit {
                    rlim_cur: bytes,
                    rlim_max: bytes,
                };
                if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let mut child = cmd.spawn().expect("spawn ecolo-desk");
    let (line, _) = read_until(
        BufReader::new(child.stdout.take().unwrap()),
        "the desk's listening line",
        |_| true,
    );
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

/// How long one program a test runs may take before the test fails (and
/// the program is killed): a hang, not slowness.
const RUN_DEADLINE: std::time::Duration = std::time::Duration::from_secs(120);

pub fn run_with_stdin(mut cmd: Command, stdin: &str) -> Output {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let what = format!("{cmd:?}");
    let mut child = cmd.spawn().expect("spawn");
    // A program that fails before reading its input (a usage error) may
    // be gone already: its exit code is what the test checks.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output().expect("wait"));
    });
    match rx.recv_timeout(RUN_DEADLINE) {
        Ok(out) => out,
        Err(_) => {
            // SAFETY: the child is ours and not yet reaped (waiter still waits).
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            let _ = waiter.join();
            panic!("still running after {RUN_DEADLINE:?}, killed (waiting on a prompt?): {what}")
        }
    }
}

/// Reads lines from `reader` until `done` holds for all read so far; fails
/// naming `what` after 30 s or at end of input. Hands the reader back.
#[track_caller]
pub fn read_until<R: BufRead + Send + 'static>(
    mut reader: R,
    what: &str,
    done: impl Fn(&str) -> bool + Send + 'static,
) -> (String, R) {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut text = String::new();
        let result = loop {
            match reader.read_line(&mut text) {
                Ok(0) => break Err(format!("end of output after: {text:?}")),
                Ok(_) if done(&text) => break Ok(()),
                Ok(_) => {}
                Err(e) => break Err(format!("{e} after: {text:?}")),
            }
        };
        let _ = tx.send((result, text, reader));
    });
    match rx.recv_timeout(std::time::Duration::from_secs(30)) {
        Ok((Ok(()), text, reader)) => (text, reader),
        Ok((Err(e), _, _)) => panic!("waiting for {what}: {e}"),
        Err(_) => panic!("timed out after 30 s waiting for {what}"),
    }
}

/// Peak resident memory of a process, from /proc (Linux), in KiB.
pub fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("read /proc status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc status")
}

/// Polls `done` until it holds; fails naming `what` after 30 s, so a state
/// that never comes fails the test instead of hanging it.
#[track_caller]
pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done() {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out after 30 s waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// A loopback port bound but not listening: connecting is refused, and no
/// other program can take the port while this lives. [`ReservedPort::listen`]
/// hands the same socket to a server that comes up later.
pub struct ReservedPort {
    socket: socket2::Socket,
    pub port: u16,
}

impl ReservedPort {
    pub fn new() -> ReservedPort {
        use socket2::{Domain, Socket, Type};
        let socket = Socket::new(Domain::IPV4, Type::STREAM, None).expect("a TCP socket");
        let any: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
        socket.bind(&any.into()).expect("bind 127.0.0.1:0");
        let port = socket
            .local_addr()
            .unwrap()
            .as_socket()
            .expect("an IP address")
            .port();
        ReservedPort { socket, port }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts listening on the reserved port.
    pub fn listen(self) -> std::net::TcpListener {
        self.socket
            .listen(128)
            .expect("listen on the reserved port");
        self.socket.into()
    }
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
