//! Attachments against the real `ecolo-desk`: a 50 MiB round trip (byte for
//! byte, the desk's peak memory growing far less than the file), size and
//! count limits, ownership and file names.

mod common;
mod desk_common;

use std::io::{self, Read, Write};

use common::Desk;
use desk_common::{expect, expect_problem, fields, number, Api};
use reqwest::blocking::Body;
use reqwest::Method;
use serde_json::json;
use sha2::{Digest, Sha256};

/// A deterministic byte stream (xorshift), so the test never holds the
/// data: the same seed yields the same bytes for upload and checksum.
struct Pattern {
    state: u64,
    left: u64,
}

impl Pattern {
    fn new(seed: u64, len: u64) -> Pattern {
        Pattern {
            state: seed | 1,
            left: len,
        }
    }
}

impl Read for Pattern {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(self.left as usize);
        for b in &mut buf[..n] {
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            *b = self.state as u8;
        }
        self.left -= n as u64;
        Ok(n)
    }
}

struct HashWriter(Sha256, u64);

impl Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        self.1 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn sha256_of(mut reader: impl Read) -> (String, u64) {
    let mut w = HashWriter(Sha256::new(), 0);
    io::copy(&mut reader, &mut w).unwrap();
    (hex::encode(w.0.finalize()), w.1)
}

/// Files in the attachments directory (partial ones included).
fn stored_files(desk: &Desk) -> usize {
    match std::fs::read_dir(desk.dir.path().join("attachments")) {
        Ok(dir) => dir.count(),
        Err(_) => 0,
    }
}

#[test]
fn fifty_mib_round_trip_is_byte_identical_and_the_desk_never_holds_it() {
    const LEN: u64 = 50 * 1024 * 1024;
    let desk = Desk::start_with(&["--max-attachment-bytes", "60000000"]);
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let (expected_sha, _) = sha256_of(Pattern::new(42, LEN));
    // The desk's peak memory once warmed up (a login and a request done).
    api.get_ok("/v1/me", &token);
    let peak_before = common::peak_rss_kib(desk.pid());

    let resp = api.upload(
        &token,
        "backup.bin",
        Body::sized(Pattern::new(42, LEN), LEN),
    );
    let attachment = expect(resp, 201);
    assert_eq!(attachment["size"], LEN);
    assert_eq!(attachment["sha256"], expected_sha);
    assert_eq!(attachment["filename"], "backup.bin");
    let id = attachment["id"].as_str().unwrap();

    let ticket = expect(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "website-updates", "subject": "Site backup",
                    "message": "attached", "attachments": [id]}),
        ),
        201,
    );
    assert_eq!(ticket["messages"][0]["attachments"][0]["id"], id);

    let resp = api.get(&format!("/v1/attachments/{id}"), &token);
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(resp.headers()["content-type"], "application/octet-stream");
    let disposition = resp.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.starts_with("attachment; filename=\"backup.bin\""),
        "{disposition}"
    );
    let (got_sha, got_len) = sha256_of(resp);
    assert_eq!(got_len, LEN);
    assert_eq!(got_sha, expected_sha);
    // Streamed both ways: the peak grew by far less than the file (holding
    // it once would add 50 MiB).
    let grown_kib = common::peak_rss_kib(desk.pid()).saturating_sub(peak_before);
    assert!(
        grown_kib < 16 * 1024,
        "the desk's peak memory grew by {grown_kib} KiB over a 50 MiB round trip"
    );
}

#[test]
fn over_limit_uploads_are_413_and_leave_nothing() {
    let desk = Desk::start_with(&["--max-attachment-bytes", "1000"]);
    let api = Api::new(&desk);
    let token = desk.owner_token();

    // Declared too large: refused from Content-Length.
    let p = expect_problem(
        api.upload(&token, "a.bin", Body::sized(Pattern::new(1, 5000), 5000)),
        413,
    );
    assert!(p["detail"].as_str().unwrap().contains("1000"));
    // Streamed without a length: refused once past the limit.
    let api = Api::new(&desk);
    expect_problem(
        api.upload(&token, "b.bin", Body::new(Pattern::new(2, 5000))),
        413,
    );
    assert_eq!(stored_files(&desk), 0, "no partial or stored file is left");

    // Exactly at the limit is fine.
    let api = Api::new(&desk);
    let ok = expect(
        api.upload(&token, "c.bin", Body::sized(Pattern::new(3, 1000), 1000)),
        201,
    );
    assert_eq!(ok["size"], 1000);
    assert_eq!(stored_files(&desk), 1);
}

/// Sends only the head of a request that declares `length` body bytes and
/// answers the status line the desk sends back without waiting for them.
fn declare_only(desk: &Desk, head: &str, length: u64) -> String {
    use std::io::{BufRead, BufReader};
    let addr = desk.url.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    // Only so a regression fails instead of hanging: the desk answers at once.
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .unwrap();
    write!(
        stream,
        "{head}\r\nHost: {addr}\r\nContent-Length: {length}\r\n\r\n"
    )
    .unwrap();
    let mut status = String::new();
    BufReader::new(stream).read_line(&mut status).unwrap();
    status.trim_end().to_string()
}

#[test]
fn bodies_declared_too_large_are_refused_before_they_are_sent() {
    let desk = Desk::start();
    let token = desk.owner_token();
    let auth = format!("Authorization: Bearer {token}");
    let gib = 1 << 30;
    let upload = format!("POST /v1/attachments?filename=big.bin HTTP/1.1\r\n{auth}");
    assert_eq!(
        declare_only(&desk, &upload, gib),
        "HTTP/1.1 413 Payload Too Large"
    );
    let ticket = format!("POST /v1/tickets HTTP/1.1\r\n{auth}\r\nContent-Type: application/json");
    assert_eq!(
        declare_only(&desk, &ticket, gib),
        "HTTP/1.1 413 Payload Too Large"
    );
    let reply = format!(
        "POST /v1/tickets/123456/messages HTTP/1.1\r\n{auth}\r\nContent-Type: application/json"
    );
    assert_eq!(
        declare_only(&desk, &reply, gib),
        "HTTP/1.1 413 Payload Too Large"
    );
    // Without credentials nothing is even considered.
    assert_eq!(
        declare_only(&desk, "POST /v1/attachments?filename=big.bin HTTP/1.1", gib),
        "HTTP/1.1 401 Unauthorized"
    );
    assert_eq!(stored_files(&desk), 0);
}

#[test]
fn attachments_belong_to_one_account_and_one_message() {
    let desk = Desk::start_with(&["--max-attachments", "2"]);
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    desk.create_account("other@example.com", "Other", "other password");
    let other = desk.login_token("other@example.com", "other password");
    let up = |token: &str, name: &str| -> String {
        let a = expect(
            api.upload(token, name, Body::from(format!("content of {name}"))),
            201,
        );
        a["id"].as_str().unwrap().to_string()
    };

    let theirs = up(&other, "theirs.txt");
    let new_ticket = |attachments: Vec<&str>| {
        api.post(
            "/v1/tickets",
            &owner,
            &json!({"category": "other", "subject": "s", "message": "m", "attachments": attachments}),
        )
    };
    let p = expect_problem(new_ticket(vec![&theirs]), 422);
    assert_eq!(fields(&p), ["attachments"]);
    expect_problem(api.get(&format!("/v1/attachments/{theirs}"), &owner), 404);

    let (a, b, c) = (
        up(&owner, "a.txt"),
        up(&owner, "b.txt"),
        up(&owner, "c.txt"),
    );
    let p = expect_problem(new_ticket(vec![&a, &b, &c]), 422);
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("at most 2"));
    let p = expect_problem(new_ticket(vec![&a, &a]), 422);
    assert_eq!(fields(&p), ["attachments"]);

    let ticket = expect(new_ticket(vec![&a, &b]), 201);
    let files: Vec<&str> = ticket["messages"][0]["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["filename"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["a.txt", "b.txt"]);
    // Already attached: cannot be reused on a reply.
    let n = number(&ticket);
    let p = expect_problem(
        api.post(
            &format!("/v1/tickets/{n}/messages"),
            &owner,
            &json!({"message": "again", "attachments": [a]}),
        ),
        422,
    );
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("already attached"));
    // The refused reply left nothing: no message, no status change.
    let detail = api.get_ok(&format!("/v1/tickets/{n}"), &owner);
    assert_eq!(detail["messages"].as_array().unwrap().len(), 1);
    assert_eq!(detail["status"], "open");
    let reply = expect(
        api.post(
            &format!("/v1/tickets/{n}/messages"),
            &owner,
            &json!({"message": "one more", "attachments": [c]}),
        ),
        201,
    );
    assert_eq!(reply["attachments"][0]["filename"], "c.txt");
    let body = api
        .get(&format!("/v1/attachments/{c}"), &owner)
        .text()
        .unwrap();
    assert_eq!(body, "content of c.txt");
}

#[test]
fn uploads_never_attached_are_capped_per_credential() {
    const MAX_PENDING: usize = 100;
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let ids: Vec<String> = (0..MAX_PENDING)
        .map(|i| {
            let a = expect(api.upload(&owner, "f.txt", Body::from(format!("{i}"))), 201);
            a["id"].as_str().unwrap().to_string()
        })
        .collect();
    let p = expect_problem(api.upload(&owner, "one-more.txt", Body::from("x")), 409);
    assert!(p["detail"].as_str().unwrap().contains("attach them"), "{p}");
    assert_eq!(
        stored_files(&desk),
        MAX_PENDING,
        "the refused file is not kept"
    );

    // A contact's token has a quota of its own: filling it never makes the
    // owner's other credentials fail, and the owner's full one does not
    // block the contact.
    api.add_contact(&owner, "martha@example.com", &["billing"]);
    let martha = api.create_token(
        &owner,
        json!({"name": "martha", "contact": "martha@example.com"}),
    );
    for i in 0..MAX_PENDING {
        expect(
            api.upload(&martha, "m.txt", Body::from(format!("{i}"))),
            201,
        );
    }
    expect_problem(api.upload(&martha, "m-more.txt", Body::from("x")), 409);
    let second_owner = desk.owner_token();
    expect(api.upload(&second_owner, "mine.txt", Body::from("o")), 201);

    // Another account is not affected; attaching frees room.
    desk.create_account("other@example.com", "Other", "other password");
    let other = desk.login_token("other@example.com", "other password");
    expect(api.upload(&other, "theirs.txt", Body::from("y")), 201);
    expect(
        api.post(
            "/v1/tickets",
            &owner,
            &json!({"category": "other", "subject": "s", "message": "m", "attachments": [ids[0]]}),
        ),
        201,
    );
    expect(api.upload(&owner, "now-fits.txt", Body::from("z")), 201);
}

#[test]
fn file_names_are_sanitized_and_required() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let a = expect(
        api.upload(&token, "..%2F..%2Fetc%2Fpasswd", Body::from("x")),
        201,
    );
    assert_eq!(a["filename"], "passwd");
    let id = a["id"].as_str().unwrap();
    assert!(!id.contains('/') && !id.contains('.'));
    let resp = api
        .req(
            Method::POST,
            "/v1/attachments?filename=r%C3%A9sum%C3%A9.txt",
            Some(&token),
        )
        .header("content-type", "text/plain; charset=utf-8")
        .body("hola")
        .send()
        .unwrap();
    let a = expect(resp, 201);
    assert_eq!(a["filename"], "résumé.txt");
    assert_eq!(a["content_type"], "text/plain; charset=utf-8");
    let resp = api.get(
        &format!("/v1/attachments/{}", a["id"].as_str().unwrap()),
        &token,
    );
    assert_eq!(resp.headers()["content-type"], "text/plain; charset=utf-8");
    assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
    assert!(resp.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("UTF-8''r%C3%A9sum%C3%A9.txt"));

    let resp = api
        .req(Method::POST, "/v1/attachments", Some(&token))
        .body("x")
        .send()
        .unwrap();
    let p = expect_problem(resp, 422);
    assert_eq!(fields(&p), ["filename"]);
    let p = expect_problem(api.upload(&token, "dir%2F", Body::from("x")), 422);
    assert_eq!(fields(&p), ["filename"]);
    expect_problem(api.get("/v1/attachments/nope", &token), 404);
}
