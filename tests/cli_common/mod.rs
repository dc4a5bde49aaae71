//! Helpers for the `ecolo` end-to-end tests (on top of tests/common): exit
//! code assertions with the output shown on failure, and ticket shortcuts.
#![allow(dead_code)]

use std::process::Output;

use crate::common::{code, run_with_stdin, stderr, stdout, User};

/// Asserts success and returns stdout.
pub fn ok(out: &Output) -> String {
    assert_eq!(
        code(out),
        0,
        "expected success\nstdout: {}\nstderr: {}",
        stdout(out),
        stderr(out)
    );
    stdout(out)
}

/// Asserts exit `want` and returns stderr.
pub fn fails(out: &Output, want: i32) -> String {
    assert_eq!(
        code(out),
        want,
        "expected exit {want}\nstdout: {}\nstderr: {}",
        stdout(out),
        stderr(out)
    );
    stderr(out)
}

/// Opens a ticket with flags only; returns its number.
pub fn open(user: &User, category: &str, subject: &str) -> String {
    let out = user.run(&[
        "ticket", "open", "-c", category, "-s", subject, "-m", "details",
    ]);
    let number = ok(&out).trim().to_string();
    assert!(is_number(&number), "not a ticket number: {number:?}");
    number
}

pub fn is_number(s: &str) -> bool {
    s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit())
}

pub fn json(out: &Output) -> serde_json::Value {
    let text = ok(out);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Sorted keys of a JSON object.
pub fn keys(v: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect();
    k.sort();
    k
}

/// A port where nothing listens, held for as long as the answer lives (its
/// URL: `.url()`).
pub fn closed_port() -> crate::common::ReservedPort {
    crate::common::ReservedPort::new()
}

/// Creates a token with the CLI (as the logged-in owner); returns the secret.
pub fn token(user: &User, args: &[&str]) -> String {
    let mut all = vec!["token", "create"];
    all.extend_from_slice(args);
    let out = user.run(&all);
    let t = ok(&out).trim().to_string();
    assert!(t.starts_with("ecolo_"), "not a token: {t:?}");
    t
}

/// Adds a contact with the CLI (as the logged-in owner); returns stdout.
pub fn add_contact(user: &User, email: &str, name: &str, categories: &[&str]) -> String {
    let mut args = vec!["contact", "add", "--email", email, "--name", name];
    for c in categories {
        args.extend(["-c", c]);
    }
    ok(&user.run(&args))
}

/// `ecolo ARGS` with `ECOLO_TOKEN` set (beats any stored login); empty stdin.
pub fn as_token(user: &User, token: &str, args: &[&str]) -> Output {
    let mut cmd = user.cmd();
    cmd.env("ECOLO_TOKEN", token).args(args);
    run_with_stdin(cmd, "")
}
