//! A real DNS server on 127.0.0.1 (UDP, a port from binding :0) that
//! answers TXT queries from a table the test fills (DKIM keys, SPF and
//! DMARC records) and NXDOMAIN for everything else, so `ecolo-desk pipe
//! --dns` verifies mail exactly as it would against the Internet. The
//! wire format is hickory-proto's (the resolver mail-auth uses), so only
//! the answering policy is ours.
#![allow(dead_code)]

use std::collections::HashMap;
use std::net::UdpSocket;
use std::sync::{Arc, Mutex};

use mail_auth::hickory_resolver::proto::op::{Message, ResponseCode};
use mail_auth::hickory_resolver::proto::rr::rdata::TXT;
use mail_auth::hickory_resolver::proto::rr::{RData, Record, RecordType};

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

    /// Answers every query for `name` with SERVFAIL, as a broken
    /// authoritative server or a failing DNSSEC validation does.
    pub fn servfail(&self, name: &str) {
        self.txt(name, SERVFAIL);
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

/// The record values that stand for "do not answer" and "SERVFAIL".
const UNREACHABLE: &str = "\u{0}unreachable";
const SERVFAIL: &str = "\u{0}servfail";

/// The reply to one query packet, or `None` when it is malformed or the
/// name is to stay unanswered.
fn answer(
    query: &[u8],
    table: &Mutex<HashMap<String, Vec<String>>>,
    log: &Mutex<Vec<String>>,
) -> Option<Vec<u8>> {
    let request = Message::from_vec(query).ok()?;
    let question = request.queries().first()?.clone();
    let name = question
        .name()
        .to_ascii()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    log.lock().unwrap().push(name.clone());
    let records = table.lock().unwrap().get(&name).cloned();
    let mut response = Message::response(request.id(), request.op_code());
    response
        .set_recursion_desired(request.recursion_desired())
        .set_recursion_available(true)
        .set_authoritative(true)
        .add_query(question.clone());
    match records {
        Some(values) if values.iter().any(|v| v == UNREACHABLE) => return None,
        Some(values) if values.iter().any(|v| v == SERVFAIL) => {
            response.set_response_code(ResponseCode::ServFail);
        }
        Some(values) => {
            if question.query_type() == RecordType::TXT {
                for value in values {
                    // One string of at most 255 bytes each (RFC 1035 3.3.14).
                    let chunks = value.as_bytes().chunks(255).collect();
                    response.add_answer(Record::from_rdata(
                        question.name().clone(),
                        60,
                        RData::TXT(TXT::from_bytes(chunks)),
                    ));
                }
            }
        }
        None => {
            response.set_response_code(ResponseCode::NXDomain);
        }
    }
    response.to_vec().ok()
}
