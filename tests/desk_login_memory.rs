//! Password checks are queued, one per core at a time: 20 people logging
//! in at once cost the desk the memory of that many argon2 runs (19 MiB
//! each), not twenty.

mod common;

use std::sync::{Arc, Barrier};

use common::{Desk, OWNER_EMAIL, OWNER_PASSWORD};
use serde_json::json;

/// A field of /proc/PID/status, in KiB.
fn status_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in {status}"))
}

#[test]
#[cfg(target_os = "linux")]
fn twenty_concurrent_logins_stay_within_the_memory_of_one_hash_per_core() {
    let desk = Desk::start();
    desk.create_account("second@example.com", "Second", OWNER_PASSWORD);
    // One login first, so what the first one allocates for good (runtime
    // threads, the pool's connections) is in the baseline.
    desk.owner_token();
    let before = status_kib(desk.pid(), "VmHWM:");
    const LOGINS: usize = 20;
    let barrier = Arc::new(Barrier::new(LOGINS));
    let threads: Vec<_> = (0..LOGINS)
        .map(|i| {
            let (barrier, url) = (barrier.clone(), desk.url.clone());
            // Each from its own address, on two accounts: none of the
            // login limits is reached by attempts in flight.
            let email = [OWNER_EMAIL, "second@example.com"][i % 2];
            std::thread::spawn(move || {
                let req = reqwest::blocking::Client::builder()
                    .local_address(std::net::IpAddr::from([127, 0, 9, i as u8 + 1]))
                    .build()
                    .unwrap()
                    .post(format!("{url}/v1/sessions"))
                    .json(&json!({"email": email, "password": OWNER_PASSWORD}));
                barrier.wait();
                req.send().unwrap().status().as_u16()
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 201);
    }
    let peak = status_kib(desk.pid(), "VmHWM:");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    // argon2's default memory cost is 19 MiB per hash; at most `cores`
    // run at once. 16 MiB more covers request buffers and allocator slack;
    // twenty hashes at once would be 380 MiB.
    let bound = before + cores * 19 * 1024 + 16 * 1024;
    eprintln!(
        "VmHWM before {before} KiB, after {LOGINS} concurrent logins {peak} KiB \
         (bound {bound} KiB, {cores} cores)"
    );
    assert!(peak <= bound, "peak {peak} KiB over {bound} KiB");
    // And it is given back: what stays is about the baseline.
    let now = status_kib(desk.pid(), "VmRSS:");
    assert!(now <= before + 16 * 1024, "still {now} KiB resident");
}
