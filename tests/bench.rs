//! Benchmarks, run on demand (never in the normal test run, since timings on a
//! shared CI machine are noise):
//!
//!     cargo test --release --test bench -- --ignored --nocapture
//!
//! Each one prints what it measured and fails when a target is missed.

mod common;

use std::io::Read;
use std::time::{Duration, Instant};

use common::*;

/// A reader of `len` pseudo-random bytes that never holds more than a block.
struct Pattern {
    left: u64,
    state: u64,
}

impl Read for Pattern {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.left as usize);
        for b in &mut buf[..n] {
            self.state = self
                .state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            *b = (self.state >> 56) as u8;
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// Target: uploading a 256 MiB attachment grows the desk's peak memory by
/// less than 32 MiB (uploads stream to disk).
#[test]
#[ignore = "benchmark: cargo test --release --test bench -- --ignored"]
fn bench_upload_memory_is_constant() {
    const SIZE: u64 = 256 * 1024 * 1024;
    let desk = Desk::start_with(&["--max-attachment-bytes", &(SIZE + 1).to_string()]);
    let token = desk.owner_token();
    let before = peak_rss_kib(desk.pid());
    let started = Instant::now();
    let resp = reqwest::blocking::Client::builder()
        .timeout(None)
        .build()
        .unwrap()
        .post(format!("{}/v1/attachments?filename=big.bin", desk.url))
        .bearer_auth(&token)
        .header("content-type", "application/octet-stream")
        .body(reqwest::blocking::Body::sized(
            Pattern {
                left: SIZE,
                state: 7,
            },
            SIZE,
        ))
        .send()
        .expect("upload");
    assert_eq!(resp.status().as_u16(), 201, "upload failed");
    let elapsed = started.elapsed();
    let after = peak_rss_kib(desk.pid());
    let grown = after.saturating_sub(before);
    println!(
        "upload 256 MiB: {:.2}s ({:.0} MiB/s); desk peak RSS {} KiB -> {} KiB (+{} KiB)",
        elapsed.as_secs_f64(),
        256.0 / elapsed.as_secs_f64(),
        before,
        after,
        grown
    );
    assert!(
        grown < 32 * 1024,
        "desk memory grew by {grown} KiB during the upload"
    );
}

/// Target: with 1,000 tickets stored, `ecolo ticket list -L 100` (a process
/// start, a config read, one or more HTTP round trips and the table) has a
/// median under 100 ms.
#[test]
#[ignore = "benchmark: cargo test --release --test bench -- --ignored"]
fn bench_ticket_list_latency() {
    let desk = Desk::start();
    let token = desk.owner_token();
    let client = reqwest::blocking::Client::new();
    let fill = Instant::now();
    for i in 0..1000 {
        let resp = client
            .post(format!("{}/v1/tickets", desk.url))
            .bearer_auth(&token)
            .json(&serde_json::json!({
                "category": "billing",
                "subject": format!("Invoice question {i}"),
                "message": "Please check the last invoice.",
                "priority": "low"
            }))
            .send()
            .expect("open ticket");
        assert_eq!(resp.status().as_u16(), 201);
    }
    println!(
        "opened 1000 tickets over HTTP in {:.2}s",
        fill.elapsed().as_secs_f64()
    );

    let user = desk.user();
    user.login_owner();
    let mut times: Vec<Duration> = (0..21)
        .map(|_| {
            let t = Instant::now();
            let out = user.run(&["ticket", "list", "-L", "100"]);
            let d = t.elapsed();
            assert_eq!(code(&out), 0, "{}", stderr(&out));
            assert_eq!(stdout(&out).lines().count(), 100);
            d
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "ecolo ticket list -L 100 over 1000 tickets: median {:.1} ms, min {:.1} ms, max {:.1} ms (21 runs)",
        median.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
    assert!(
        median < Duration::from_millis(100),
        "median {median:?} over the 100 ms target"
    );
}
