//! Hostile connections against the real desk: slowloris clients are cut at
//! the header deadline while others are served, idle keep-alive connections
//! are closed, a stalled upload is dropped, and past the per-address cap a
//! client gets 503 problem+json; bytes that are not HTTP get problem+json
//! from the HTTP layer itself.

mod common;
mod desk_common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::Desk;
use desk_common::{expect, expect_problem, Api};

fn addr(desk: &Desk) -> String {
    desk.url.trim_start_matches("http://").to_string()
}

/// Waits until the desk closes `s` (EOF or reset), up to `limit`; how long
/// that took from `since`. Whatever the desk sent before is returned too.
fn closed_after(s: &mut TcpStream, since: Instant, limit: Duration) -> (Duration, String) {
    s.set_read_timeout(Some(limit)).unwrap();
    let mut got = vec![];
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(e) => panic!(
                "still open after {:?} ({e}); got {:?}",
                since.elapsed(),
                String::from_utf8_lossy(&got)
            ),
        }
    }
    (since.elapsed(), String::from_utf8_lossy(&got).into_owned())
}

#[test]
fn slowloris_connections_are_closed_at_the_header_deadline_while_others_are_served() {
    let desk = Desk::start_with(&[
        "--header-timeout",
        "1",
        "--max-connections-per-address",
        "300",
        "--max-connections",
        "300",
    ]);
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let start = Instant::now();
    let mut slow: Vec<TcpStream> = (0..200)
        .map(|_| {
            let mut s = TcpStream::connect(addr(&desk)).unwrap();
            s.write_all(b"GET /v1/me HTTP/1.1\r\nHost: desk\r\nX-Slow: ")
                .unwrap();
            s
        })
        .collect();
    // One more byte each, as a slowloris keeps its headers "in progress".
    for s in &mut slow {
        s.write_all(b"a").unwrap();
    }
    // Meanwhile another client is served.
    let served = Instant::now();
    expect(api.get("/v1/me", &token), 200);
    assert!(
        served.elapsed() < Duration::from_secs(2),
        "{:?}",
        served.elapsed()
    );

    let mut slowest = Duration::ZERO;
    for s in &mut slow {
        let (after, _) = closed_after(s, start, Duration::from_secs(10));
        slowest = slowest.max(after);
    }
    eprintln!("200 slowloris connections closed, the last {slowest:?} after they opened");
    // The deadline is 1 s; opening 200 connections and a busy machine
    // take some of the margin.
    assert!(
        slowest < Duration::from_secs(5),
        "slowest close: {slowest:?}"
    );
    expect(api.get("/v1/me", &token), 200);
}

#[test]
fn idle_keep_alive_connections_are_closed() {
    let desk = Desk::start_with(&["--idle-timeout", "1"]);
    let mut s = TcpStream::connect(addr(&desk)).unwrap();
    s.write_all(b"GET /v1/categories HTTP/1.1\r\nHost: desk\r\n\r\n")
        .unwrap();
    let answered = Instant::now();
    let (after, got) = closed_after(&mut s, answered, Duration::from_secs(10));
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    assert!(after < Duration::from_secs(4), "idle close after {after:?}");
}

#[test]
fn a_stalled_upload_is_dropped() {
    let desk = Desk::start_with(&["--min-upload-rate", "1000"]);
    let token = desk.owner_token();
    let mut s = TcpStream::connect(addr(&desk)).unwrap();
    let head = format!(
        "POST /v1/attachments?filename=a.txt HTTP/1.1\r\nHost: desk\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: text/plain\r\nContent-Length: 1000000\r\n\r\nonly a few bytes"
    );
    s.write_all(head.as_bytes()).unwrap();
    let sent = Instant::now();
    // Judged over 10 s windows: 16 bytes is far below 1000 a second.
    let (after, got) = closed_after(&mut s, sent, Duration::from_secs(25));
    assert!(got.starts_with("HTTP/1.1 408"), "{got}");
    assert!(got.contains("application/problem+json"), "{got}");
    assert!(after < Duration::from_secs(20), "dropped after {after:?}");
}

#[test]
fn past_the_per_address_cap_a_client_gets_503_problem_json() {
    let desk = Desk::start_with(&["--max-connections-per-address", "2"]);
    let api = Api::new(&desk);
    let token = desk.owner_token();
    // The login's connection may still be open: count it out.
    let held: Vec<TcpStream> = (0..2)
        .map(|_| TcpStream::connect(addr(&desk)).unwrap())
        .collect();
    let resp = reqwest::blocking::Client::new()
        .get(format!("{}/v1/me", desk.url))
        .bearer_auth(&token)
        .send()
        .unwrap();
    assert!(resp.headers().contains_key("retry-after"));
    let problem = expect_problem(resp, 503);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("too many connections"),
        "{problem}"
    );
    drop(held);
    // The slots come back once the desk sees the connections close.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let status = api.get("/v1/me", &token).status();
        if status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "still {status} after closing");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// What the desk answers to `bytes` sent on a fresh connection, read until
/// it closes: status line, headers and body.
fn raw_answer(desk: &Desk, bytes: &[u8]) -> (String, String, serde_json::Value) {
    let mut s = TcpStream::connect(addr(desk)).unwrap();
    s.write_all(bytes).unwrap();
    let (_, got) = closed_after(&mut s, Instant::now(), Duration::from_secs(10));
    let (head, body) = got
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no complete answer: {got:?}"));
    let status = head.lines().next().unwrap_or_default().to_string();
    let json = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {got:?}"));
    (status, head.to_ascii_lowercase(), json)
}

#[test]
fn bytes_that_are_not_http_get_problem_json_from_the_http_layer() {
    let desk = Desk::start();
    let cases: [(&[u8], &str, u16); 4] = [
        (
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
            "400 Bad Request",
            400,
        ),
        (
            b"GET /v1/me HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n",
            "400 Bad Request",
            400,
        ),
        (b"HELLO\r\n\r\n", "400 Bad Request", 400),
        (
            b"GET /v1/me HTTP/9.9\r\nHost: x\r\n\r\n",
            "400 Bad Request",
            400,
        ),
    ];
    for (bytes, line, status) in cases {
        let (got_line, head, problem) = raw_answer(&desk, bytes);
        assert_eq!(got_line, format!("HTTP/1.1 {line}"), "{bytes:?}");
        assert!(
            head.contains("content-type: application/problem+json"),
            "{head}"
        );
        assert_eq!(problem["status"], status, "{problem}");
        assert_eq!(problem["title"], "Bad Request");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .contains("send a well-formed HTTP request"),
            "{problem}"
        );
    }
    // A head past hyper's buffer (well over the desk's own 431 limits).
    let mut huge = b"GET /v1/me HTTP/1.1\r\nHost: x\r\n".to_vec();
    for i in 0..4000 {
        huge.extend_from_slice(format!("X-Filler-{i}: {}\r\n", "a".repeat(60)).as_bytes());
    }
    huge.extend_from_slice(b"\r\n");
    let (line, head, problem) = raw_answer(&desk, &huge);
    assert_eq!(line, "HTTP/1.1 431 Request Header Fields Too Large");
    assert!(head.contains("application/problem+json"), "{head}");
    assert_eq!(problem["status"], 431);
    // The desk still serves well-formed requests afterwards.
    let resp = reqwest::blocking::get(format!("{}/v1/categories", desk.url)).unwrap();
    assert_ne!(resp.status().as_u16(), 400);
}
