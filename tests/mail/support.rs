//! Helpers for the e-mail channel's end-to-end tests: piping corpus files
//! through the real `ecolo-desk pipe`, reading results over the HTTP API,
//! and a tiny SMTP server the desk's outbox delivers to.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::common::{Desk, DESK};

/// Bytes of `tests/mail/NAME`, with `{{TICKET}}` replaced by `ticket`.
pub fn corpus(name: &str, ticket: Option<u32>) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/mail")
        .join(name);
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match ticket {
        Some(n) => replace(&raw, b"{{TICKET}}", n.to_string().as_bytes()),
        None => raw,
    }
}

fn replace(hay: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(needle) {
            out.extend_from_slice(with);
            i += needle.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// The authserv-id of the tests' receiving server: `pipe` trusts its
/// Authentication-Results (`--trust-auth-results`) unless a test asks for
/// its own verification.
pub const MX: &str = "mx.desk.test";

/// `raw` as the receiving server passes it on after DMARC passed for its
/// From domain: with that verdict on top. Input without a From address
/// (the unreadable corpus) is left as it is.
pub fn authenticated(raw: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(raw);
    let domain = text
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .find(|l| l.to_ascii_lowercase().starts_with("from:"))
        .and_then(|l| l.rsplit_once('@'))
        .map(|(_, rest)| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|d| !d.is_empty());
    let Some(domain) = domain else {
        return raw.to_vec();
    };
    let header = format!(
        "Authentication-Results: {MX}; dkim=pass header.d={domain}; dmarc=pass header.from={domain}\r\n"
    );
    // An mbox `From ` line stays first.
    let at = if raw.starts_with(b"From ") {
        raw.iter()
            .position(|b| *b == b'\n')
            .map_or(raw.len(), |i| i + 1)
    } else {
        0
    };
    let mut out = raw[..at].to_vec();
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(&raw[at..]);
    out
}

/// Runs `ecolo-desk pipe --db <desk's db> ARGS` with `raw` on stdin, as
/// mail from a sender the receiving server authenticated.
pub fn pipe(desk: &Desk, raw: &[u8], args: &[&str]) -> Output {
    pipe_db(&desk.db(), raw, args)
}

pub fn pipe_db(db: &Path, raw: &[u8], args: &[&str]) -> Output {
    let mut child = spawn_pipe(db, args);
    feed(&mut child, &authenticated(raw));
    child.wait_with_output().expect("wait")
}

/// Runs `ecolo-desk pipe --db <desk's db> ARGS` with exactly `raw`: the
/// tests of sender verification give their own flags.
pub fn pipe_as_received(desk: &Desk, raw: &[u8], args: &[&str]) -> Output {
    let mut child = Command::new(DESK)
        .arg("pipe")
        .arg("--db")
        .arg(desk.db())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ecolo-desk pipe");
    feed(&mut child, raw);
    child.wait_with_output().expect("wait")
}

/// Starts `ecolo-desk pipe --db DB --trust-auth-results MX ARGS`, waiting
/// for its message on stdin (give it [`authenticated`] mail).
pub fn spawn_pipe(db: &Path, args: &[&str]) -> Child {
    Command::new(DESK)
        .arg("pipe")
        .arg("--db")
        .arg(db)
        .args(["--trust-auth-results", MX])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ecolo-desk pipe")
}

/// Writes `raw` to the child's stdin and closes it.
pub fn feed(child: &mut Child, raw: &[u8]) {
    child
        .stdin
        .take()
        .unwrap()
        .write_all(raw)
        .expect("write stdin");
}

/// Delivers `raw` to two `pipe` processes at once, as two MX hosts (or a
/// retry racing the first try) would; returns both outputs.
pub fn pipe_twice_at_once(desk: &Desk, raw: &[u8]) -> [Output; 2] {
    let mut a = spawn_pipe(&desk.db(), &[]);
    let mut b = spawn_pipe(&desk.db(), &[]);
    let raw = authenticated(raw);
    feed(&mut a, &raw);
    feed(&mut b, &raw);
    [a, b].map(|c| c.wait_with_output().expect("wait"))
}

/// Pipes and asserts the exit code; returns stderr for messages.
pub fn pipe_expect(desk: &Desk, raw: &[u8], code: i32) -> String {
    let out = pipe(desk, raw, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "pipe exit code; stderr: {stderr}"
    );
    stderr
}

/// The owner's side of the HTTP API.
pub struct Api {
    pub url: String,
    token: String,
    http: reqwest::blocking::Client,
}

impl Api {
    pub fn owner(desk: &Desk) -> Api {
        Api {
            url: desk.url.clone(),
            token: desk.owner_token(),
            http: reqwest::blocking::Client::new(),
        }
    }

    /// Another account's owner, created now.
    pub fn new_account(desk: &Desk, email: &str, name: &str) -> Api {
        const PASSWORD: &str = "another good passphrase";
        desk.create_account(email, name, PASSWORD);
        Api {
            url: desk.url.clone(),
            token: desk.login_token(email, PASSWORD),
            http: reqwest::blocking::Client::new(),
        }
    }

    /// Sends `method path` as the owner, with `body` as JSON if any;
    /// asserts a 2xx answer.
    fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
    ) -> reqwest::blocking::Response {
        let mut req = self
            .http
            .request(method.clone(), format!("{}{path}", self.url))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            req = req.json(body);
        }
        let resp = req
            .send()
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = resp.status();
        assert!(
            status.is_success(),
            "{method} {path}: {status} {}",
            resp.text().unwrap_or_default()
        );
        resp
    }

    /// The JSON answer (null when empty) to a request with a JSON body.
    fn send_json(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let text = self.send(method, path, Some(&body)).text();
        serde_json::from_str(&text.unwrap_or_default()).unwrap_or(Value::Null)
    }

    pub fn get(&self, path: &str) -> Value {
        self.send(reqwest::Method::GET, path, None)
            .json()
            .expect("json")
    }

    pub fn get_bytes(&self, path: &str) -> Vec<u8> {
        self.send(reqwest::Method::GET, path, None)
            .bytes()
            .expect("bytes")
            .to_vec()
    }

    pub fn post(&self, path: &str, body: Value) -> Value {
        self.send_json(reqwest::Method::POST, path, body)
    }

    pub fn patch(&self, path: &str, body: Value) -> Value {
        self.send_json(reqwest::Method::PATCH, path, body)
    }

    pub fn delete(&self, path: &str) {
        self.send(reqwest::Method::DELETE, path, None);
    }

    /// Every ticket of the account, whatever its status.
    pub fn tickets(&self) -> Vec<Value> {
        self.get("/v1/tickets?status=all&limit=100")["items"]
            .as_array()
            .unwrap()
            .clone()
    }

    pub fn ticket(&self, number: u64) -> Value {
        self.get(&format!("/v1/tickets/{number}"))
    }

    /// Martha, allowed to use billing and e-mail.
    pub fn add_martha(&self) {
        self.post(
            "/v1/contacts",
            json!({"email": "martha@example.com", "name": "Martha Gómez", "categories": ["billing", "email"]}),
        );
    }

    pub fn open_ticket(&self, category: &str, subject: &str, message: &str) -> u64 {
        let t = self.post(
            "/v1/tickets",
            json!({"category": category, "subject": subject, "message": message}),
        );
        t["number"].as_u64().expect("ticket number")
    }
}

/// The one ticket of the account (panics unless there is exactly one).
pub fn only_ticket(api: &Api) -> Value {
    let tickets = api.tickets();
    assert_eq!(tickets.len(), 1, "tickets: {tickets:#?}");
    api.ticket(tickets[0]["number"].as_u64().unwrap())
}

/// Rows in the desk's outbox, as (to, subject, body).
pub fn outbox(desk: &Desk) -> Vec<(String, String, String)> {
    let conn = rusqlite::Connection::open(desk.db()).expect("open db");
    let mut stmt = conn
        .prepare("SELECT to_addr, subject, body FROM outbox ORDER BY id")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

/// Outbox rows of the database at `db` that meet the SQL `condition`.
pub fn outbox_count(db: &Path, condition: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open db");
    conn.query_row(
        &format!("SELECT COUNT(*) FROM outbox WHERE {condition}"),
        [],
        |r| r.get(0),
    )
    .unwrap()
}

/// One message as an SMTP server received it.
#[derive(Debug, Clone)]
pub struct Received {
    /// `MAIL FROM` address (empty for the null sender).
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    pub data: String,
}

impl Received {
    /// First value of header `name` (unfolded), if any.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or_default();
        let mut value: Option<String> = None;
        for line in head.split("\r\n") {
            if let Some(v) = value.as_mut() {
                if line.starts_with([' ', '\t']) {
                    v.push(' ');
                    v.push_str(line.trim());
                    continue;
                }
                break;
            }
            if let Some((n, v)) = line.split_once(':') {
                if n.eq_ignore_ascii_case(name) {
                    value = Some(v.trim().to_string());
                }
            }
        }
        value
    }

    /// The decoded text body (via mail-parser, so QP/base64 are undone).
    pub fn text(&self) -> String {
        let msg = mail_parser::MessageParser::default()
            .parse(self.data.as_bytes())
            .expect("parse received mail");
        msg.body_text(0).map(|t| t.into_owned()).unwrap_or_default()
    }

    pub fn subject(&self) -> String {
        let msg = mail_parser::MessageParser::default()
            .parse(self.data.as_bytes())
            .expect("parse received mail");
        msg.subject().unwrap_or_default().to_string()
    }
}

/// A minimal SMTP server on 127.0.0.1 that accepts every message (EHLO,
/// AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps it.
pub struct SmtpSink {
    pub port: u16,
    inbox: Arc<(Mutex<Vec<Received>>, Condvar)>,
    /// RCPT TO addresses answered with `550 User unknown`, one per try.
    pub refused: Arc<Mutex<Vec<String>>>,
    /// The base64 argument of each `AUTH PLAIN` (every login succeeds).
    pub logins: Arc<Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        Self::on(TcpListener::bind("127.0.0.1:0").expect("bind sink"), &[])
    }

    /// A sink that refuses (550) the recipients in `unknown`.
    pub fn start_refusing(unknown: &[&str]) -> SmtpSink {
        Self::on(
            TcpListener::bind("127.0.0.1:0").expect("bind sink"),
            unknown,
        )
    }

    /// A sink on a listener the test already holds (for "relay down, then
    /// up": the port reserved while the relay was down).
    pub fn start_on(listener: TcpListener) -> SmtpSink {
        Self::on(listener, &[])
    }

    fn on(listener: TcpListener, unknown: &[&str]) -> SmtpSink {
        let port = listener.local_addr().unwrap().port();
        let inbox: Arc<(Mutex<Vec<Received>>, Condvar)> = Arc::default();
        let refused: Arc<Mutex<Vec<String>>> = Arc::default();
        let logins: Arc<Mutex<Vec<String>>> = Arc::default();
        let unknown: Arc<Vec<String>> = Arc::new(unknown.iter().map(|s| s.to_string()).collect());
        let (shared, shared_refused, shared_logins) =
            (inbox.clone(), refused.clone(), logins.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (shared, refused, logins, unknown) = (
                    shared.clone(),
                    shared_refused.clone(),
                    shared_logins.clone(),
                    unknown.clone(),
                );
                std::thread::spawn(move || {
                    let _ = session(stream, &shared, &unknown, &refused, &logins);
                });
            }
        });
        SmtpSink {
            port,
            inbox,
            refused,
            logins,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Waits (at most 30 s) until `n` messages arrived; returns them all.
    pub fn wait_for(&self, n: usize) -> Vec<Received> {
        let (lock, cvar) = &*self.inbox;
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut got = lock.lock().unwrap();
        while got.len() < n {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "SMTP sink got {} of {n} messages in 30 s: {got:#?}",
                got.len()
            );
            got = cvar.wait_timeout(got, left).unwrap().0;
        }
        got.clone()
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.0.lock().unwrap().clone()
    }
}

fn session(
    stream: TcpStream,
    inbox: &(Mutex<Vec<Received>>, Condvar),
    unknown: &[String],
    refused: &Mutex<Vec<String>>,
    logins: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    out.write_all(b"220 sink.test ESMTP ready\r\n")?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end().to_string();
        let upper = cmd.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            out.write_all(b"250-sink.test\r\n250-8BITMIME\r\n250-AUTH PLAIN\r\n250 SMTPUTF8\r\n")?;
        } else if upper.starts_with("AUTH PLAIN ") {
            // base64 of "\0user\0password"; kept for the test to compare.
            logins.lock().unwrap().push(cmd[11..].trim().to_string());
            out.write_all(b"235 2.7.0 Authentication successful\r\n")?;
        } else if upper.starts_with("HELO") {
            out.write_all(b"250 sink.test\r\n")?;
        } else if upper.starts_with("MAIL FROM:") {
            from = angle(&cmd[10..]);
            to.clear();
            out.write_all(b"250 2.1.0 Ok\r\n")?;
        } else if upper.starts_with("RCPT TO:") {
            let rcpt = angle(&cmd[8..]);
            if unknown.contains(&rcpt) {
                refused.lock().unwrap().push(rcpt);
                out.write_all(b"550 5.1.1 User unknown\r\n")?;
            } else {
                to.push(rcpt);
                out.write_all(b"250 2.1.5 Ok\r\n")?;
            }
        } else if upper == "DATA" {
            out.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
            let mut data = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                let l = line.strip_prefix('.').unwrap_or(&line);
                data.push_str(l);
            }
            let (lock, cvar) = inbox;
            lock.lock().unwrap().push(Received {
                mail_from: from.clone(),
                rcpt_to: to.clone(),
                data,
            });
            cvar.notify_all();
            out.write_all(b"250 2.0.0 Ok: queued\r\n")?;
        } else if upper == "QUIT" {
            out.write_all(b"221 2.0.0 Bye\r\n")?;
            return Ok(());
        } else if upper == "RSET" || upper == "NOOP" {
            out.write_all(b"250 2.0.0 Ok\r\n")?;
        } else {
            out.write_all(b"502 5.5.2 Command not recognized\r\n")?;
        }
    }
}

/// `<addr> BODY=8BITMIME` -> `addr`.
fn angle(s: &str) -> String {
    let s = s.trim();
    match (s.find('<'), s.find('>')) {
        (Some(a), Some(b)) if a < b => s[a + 1..b].to_string(),
        _ => s.split_whitespace().next().unwrap_or_default().to_string(),
    }
}

/// Polls `f` until it is true (at most 30 s).
pub fn eventually(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !f() {
        assert!(
            Instant::now() < deadline,
            "timed out after 30 s waiting for: {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
