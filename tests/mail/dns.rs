//! A real DNS server on 127.0.0.1 (UDP, a port from binding :0) that
//! answers TXT queries from a table the test fills (DKIM keys, SPF and
//! DMARC records) and NXDOMAIN for everything else, so `ecolo-desk pipe
//! --dns` verifies mail exactly as it would against the Internet.
#![allow(dead_code)]

use std::collections::HashMap;
use std::net::UdpSocket;
use std::sync::{Arc, Mutex};

pub struct DnsServer {
    pub addr: String,
    records: Arc<Mutex<HashMap<String, Vec<String>>>>,
    /// Every name asked about, lowercased, without the final dot.
    pub queries: Arc<Mutex<Vec<String>>>,
}

impl DnsServer {
    pub fn start() -> DnsServer {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("bind dns");
        let addr = socket.local_addr().unwrap().to_string();
        let records: Arc<Mutex<HashMap<String, Vec<String>>>> = Arc::default();
        let queries: Arc<Mutex<Vec<String>>> = Arc::default();
        let (table, log) = (records.clone(), queries.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 1500];
            while let Ok((n, peer)) = socket.recv_from(&mut buf) {
                if let Some(answer) = answer(&buf[..n], &table, &log) {
                    let _ = socket.send_to(&answer, peer);
                }
            }
        });
        DnsServer {
            addr,
            records,
            queries,
        }
    }

    /// Leaves every query for `name` unanswered, as an unreachable
    /// authoritative server does (the resolver times out).
    pub fn unreachable(&self, name: &str) {
        self.txt(name, UNREACHABLE);
    }

    /// Adds a TXT record for `name`.
    pub fn txt(&self, name: &str, value: &str) {
        self.records
            .lock()
            .unwrap()
            .entry(name.trim_end_matches('.').to_ascii_lowercase())
            .or_default()
            .push(value.to_string());
    }
}

const TYPE_TXT: u16 = 16;
/// The record value that stands for "do not answer".
const UNREACHABLE: &str = "\u{0}unreachable";

/// The reply to one query packet (RFC 1035 4.1), or `None` if malformed.
fn answer(
    query: &[u8],
    table: &Mutex<HashMap<String, Vec<String>>>,
    log: &Mutex<Vec<String>>,
) -> Option<Vec<u8>> {
    if query.len() < 12 {
        return None;
    }
    // Question: labels, then type and class.
    let mut at = 12;
    let mut labels = Vec::new();
    loop {
        let len = *query.get(at)? as usize;
        at += 1;
        if len == 0 {
            break;
        }
        labels.push(String::from_utf8_lossy(query.get(at..at + len)?).to_ascii_lowercase());
        at += len;
    }
    let qtype = u16::from_be_bytes([*query.get(at)?, *query.get(at + 1)?]);
    let question_end = at + 4;
    let name = labels.join(".");
    log.lock().unwrap().push(name.clone());
    let records = table.lock().unwrap().get(&name).cloned();

    let mut out = Vec::with_capacity(512);
    out.extend_from_slice(&query[0..2]); // id
    let rd = query[2] & 0x01;
    out.push(0x80 | 0x04 | rd); // QR, AA, RD as asked
    let found = records.is_some();
    let answers: Vec<String> = match (&records, qtype) {
        (Some(values), TYPE_TXT) => values.clone(),
        _ => Vec::new(),
    };
    if records
        .as_ref()
        .is_some_and(|r| r.iter().any(|v| v == UNREACHABLE))
    {
        return None;
    }
    out.push(if found { 0x80 } else { 0x83 }); // RA; NXDOMAIN when unknown
    out.extend_from_slice(&1u16.to_be_bytes()); // QDCOUNT
    out.extend_from_slice(&(answers.len() as u16).to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(query.get(12..question_end)?);
    for value in answers {
        out.extend_from_slice(&[0xc0, 0x0c]); // the question's name
        out.extend_from_slice(&TYPE_TXT.to_be_bytes());
        out.extend_from_slice(&1u16.to_be_bytes()); // IN
        out.extend_from_slice(&60u32.to_be_bytes());
        let mut rdata = Vec::new();
        for chunk in value.as_bytes().chunks(255) {
            rdata.push(chunk.len() as u8);
            rdata.extend_from_slice(chunk);
        }
        out.extend_from_slice(&(rdata.len() as u16).to_be_bytes());
        out.extend_from_slice(&rdata);
    }
    Some(out)
}
