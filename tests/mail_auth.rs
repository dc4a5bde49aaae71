//! Issue 9 end to end, through the real `ecolo-desk pipe`: only the real
//! sender gets in by e-mail, and nothing of a mail that is not filed stays
//! on the desk.
//!
//! The corpus is made here: mails DKIM-signed (and ARC-sealed) with keys
//! generated per test, whose public halves, SPF and DMARC records a real
//! DNS server on loopback serves to `pipe --dns`.

mod common;
#[path = "desk_common/mod.rs"]
mod desk_common;
#[path = "mail/dns.rs"]
mod dns;
#[path = "mail/support.rs"]
mod support;

use common::{Desk, OWNER_EMAIL};
use mail_auth::arc::ArcSealer;
use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;
use mail_auth::dmarc::verify::DmarcParameters;
use mail_auth::hickory_resolver::config::{NameServerConfigGroup, ResolverConfig, ResolverOpts};
use mail_auth::{AuthenticatedMessage, AuthenticationResults, MessageAuthenticator};
use serde_json::json;
use support::{corpus, only_ticket, outbox, pipe, pipe_as_received, pipe_expect, Api};

/// The owner's domain: signs with DKIM, publishes SPF and DMARC p=reject.
const OWNER_DOMAIN: &str = "example.com";
/// The owner's outgoing server, the one address SPF allows.
const OWNER_MX_IP: &str = "192.0.2.10";
/// Where forgeries come from.
const ATTACKER_IP: &str = "203.0.113.66";
/// A contact whose domain neither signs nor publishes DMARC.
const LUCIA: &str = "lucia@sinfirma.example";
/// A mailing list / forwarder that re-seals what it changes (ARC).
const LIST_DOMAIN: &str = "lists.example.org";
const LIST_IP: &str = "198.51.100.7";

/// A loopback DNS with the owner's domain and the list's keys and policies.
struct World {
    dns: dns::DnsServer,
    owner_key: Vec<u8>,
    list_key: Vec<u8>,
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

impl World {
    fn new() -> World {
        let dns = dns::DnsServer::start();
        let owner_key = Ed25519Key::generate_pkcs8().unwrap();
        let public = Ed25519Key::from_pkcs8_der(&owner_key).unwrap().public_key();
        dns.txt(
            &format!("sel._domainkey.{OWNER_DOMAIN}"),
            &format!("v=DKIM1; k=ed25519; p={}", base64(&public)),
        );
        let list_key = Ed25519Key::generate_pkcs8().unwrap();
        let public = Ed25519Key::from_pkcs8_der(&list_key).unwrap().public_key();
        dns.txt(
            &format!("arc._domainkey.{LIST_DOMAIN}"),
            &format!("v=DKIM1; k=ed25519; p={}", base64(&public)),
        );
        dns.txt(OWNER_DOMAIN, &format!("v=spf1 ip4:{OWNER_MX_IP} -all"));
        dns.txt(&format!("_dmarc.{OWNER_DOMAIN}"), "v=DMARC1; p=reject");
        dns.txt(LIST_DOMAIN, &format!("v=spf1 ip4:{LIST_IP} -all"));
        World {
            dns,
            owner_key,
            list_key,
        }
    }

    /// `raw` with a DKIM-Signature of the owner's domain on top.
    fn signed(&self, raw: &str) -> String {
        self.sign(OWNER_DOMAIN, raw)
    }

    /// `raw` with a DKIM-Signature of domain `d` (selector `sel`) made with
    /// the owner's key.
    fn sign(&self, d: &str, raw: &str) -> String {
        let key = Ed25519Key::from_pkcs8_der(&self.owner_key).unwrap();
        let signature = DkimSigner::from_key(key)
            .domain(d)
            .selector("sel")
            .headers(["From", "To", "Subject", "Message-ID"])
            .sign(raw.as_bytes())
            .unwrap();
        format!("{}{raw}", signature.to_header())
    }

    /// `raw` signed with the owner's key as another domain `d`, whose DNS
    /// gets the same public key.
    fn signed_as(&self, d: &str, raw: &str) -> String {
        let public = Ed25519Key::from_pkcs8_der(&self.owner_key)
            .unwrap()
            .public_key();
        self.dns.txt(
            &format!("sel._domainkey.{d}"),
            &format!("v=DKIM1; k=ed25519; p={}", base64(&public)),
        );
        self.sign(d, raw)
    }

    /// `pipe` verifying for itself, as Postfix would run it for a client.
    fn pipe(&self, desk: &Desk, raw: &str, client_ip: &str, sender: &str) -> String {
        self.pipe_with(desk, raw, client_ip, sender, &[])
    }

    fn pipe_with(
        &self,
        desk: &Desk,
        raw: &str,
        client_ip: &str,
        sender: &str,
        extra: &[&str],
    ) -> String {
        let mut args = vec![
            "--dns",
            &self.dns.addr,
            "--client-ip",
            client_ip,
            "--helo",
            "mail.client.test",
            "--sender",
            sender,
        ];
        args.extend_from_slice(extra);
        let out = pipe_as_received(desk, raw.as_bytes(), &args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        stderr
    }

    /// What the list does to a mail it forwards: a tag in the subject (the
    /// author's DKIM signature breaks) and an ARC set vouching for what it
    /// saw when the mail arrived.
    fn list_forward(&self, original: &str) -> String {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let addr: std::net::SocketAddr = self.dns.addr.parse().unwrap();
            let resolver = MessageAuthenticator::new(
                ResolverConfig::from_parts(
                    None,
                    vec![],
                    NameServerConfigGroup::from_ips_clear(&[addr.ip()], addr.port(), true),
                ),
                ResolverOpts::default(),
            )
            .unwrap();
            let received = AuthenticatedMessage::parse(original.as_bytes()).unwrap();
            let dkim = resolver.verify_dkim(&received).await;
            assert!(
                dkim.iter()
                    .all(|d| d.result() == &mail_auth::DkimResult::Pass),
                "the original passes at the list: {dkim:?}"
            );
            let spf = mail_auth::SpfOutput::default();
            let dmarc = resolver
                .verify_dmarc(DmarcParameters::new(&received, &dkim, OWNER_DOMAIN, &spf))
                .await;
            let results = AuthenticationResults::new(LIST_DOMAIN)
                .with_dkim_results(&dkim, OWNER_DOMAIN)
                .with_dmarc_result(&dmarc);

            let changed = format!(
                "List-Id: Clientes <clientes.{LIST_DOMAIN}>\r\n\
                 List-Post: <mailto:clientes@{LIST_DOMAIN}>\r\n{}",
                original.replace("Subject: ", "Subject: [clientes] ")
            );
            let forwarded = AuthenticatedMessage::parse(changed.as_bytes()).unwrap();
            let arc = resolver.verify_arc(&forwarded).await;
            let key = Ed25519Key::from_pkcs8_der(&self.list_key).unwrap();
            let set = ArcSealer::from_key(key)
                .domain(LIST_DOMAIN)
                .selector("arc")
                .headers(["From", "To", "Subject", "DKIM-Signature"])
                .seal(&forwarded, &results, &arc)
                .unwrap();
            format!("{}{changed}", set.to_header())
        })
    }
}

/// A plain text mail.
fn mail(from: &str, to: &str, subject: &str, id: &str, body: &str) -> String {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{id}@client.test>\r\n\
         Date: Tue, 1 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
}

/// Outbox rows as (to, headers JSON).
fn outbox_headers(desk: &Desk) -> Vec<(String, serde_json::Value)> {
    let conn = rusqlite::Connection::open(desk.db()).expect("open db");
    let mut stmt = conn
        .prepare("SELECT to_addr, headers FROM outbox ORDER BY id")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap();
    rows.map(|r| {
        let (to, headers) = r.unwrap();
        (to, serde_json::from_str(&headers).unwrap())
    })
    .collect()
}

fn held_rows(desk: &Desk) -> i64 {
    let conn = rusqlite::Connection::open(desk.db()).expect("open db");
    conn.query_row("SELECT count(*) FROM held_mail", [], |r| r.get(0))
        .unwrap()
}

fn add_lucia(api: &Api) {
    api.post(
        "/v1/contacts",
        json!({"email": LUCIA, "name": "Lucía Pérez", "categories": ["billing", "email"]}),
    );
}

/// Names in the desk's attachments directory, sorted.
fn attachment_files(desk: &Desk) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(desk.dir.path().join("attachments"))
        .map(|dir| {
            dir.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn attachment_rows(desk: &Desk) -> i64 {
    let conn = rusqlite::Connection::open(desk.db()).expect("open db");
    conn.query_row("SELECT count(*) FROM attachments", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_refused_mail_with_attachments_leaves_no_file_and_no_row() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    // One filed mail first, so "unchanged" is not just "empty".
    pipe_expect(&desk, &corpus("attachments.eml", None), 0);
    let files_before = attachment_files(&desk);
    let rows_before = attachment_rows(&desk);
    assert_eq!(files_before.len(), 2, "{files_before:?}");
    assert_eq!(rows_before, 2);

    // The same files in a mail the store refuses after they were saved
    // (its text is over the limit) ...
    let again = String::from_utf8(corpus("attachments.eml", None))
        .unwrap()
        .replace("CAHk9fZ7attach0001", "CAHk9fZ7attach0002");
    let out = pipe(&desk, again.as_bytes(), &["--max-message-bytes", "10"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("refused"), "{stderr}");
    // ... and in a mail from a stranger.
    let stranger = again
        .replace("CAHk9fZ7attach0002", "CAHk9fZ7attach0003")
        .replace("owner@example.com", "stranger@example.net");
    pipe_expect(&desk, stranger.as_bytes(), 0);

    assert_eq!(attachment_files(&desk), files_before, "no file left behind");
    assert_eq!(attachment_rows(&desk), rows_before, "no row left behind");
    assert_eq!(api.tickets().len(), 1);
}

#[test]
fn text_after_nul_and_control_characters_is_stored() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = b"From: Olga Owner <owner@example.com>\r\n\
        To: billing@desk.localhost\r\n\
        Subject: Factura\x07 con NUL\r\n\
        Message-ID: <nul-1@example.com>\r\n\
        Content-Type: text/plain; charset=utf-8\r\n\r\n\
        Antes del NUL\x00 y despu\xc3\xa9s\x1b[31m del escape.\r\n\
        Segunda\tl\xc3\xadnea.\r\n";
    pipe_expect(&desk, raw, 0);
    let t = only_ticket(&api);
    assert_eq!(t["subject"], "Factura con NUL");
    assert_eq!(
        t["messages"][0]["body"],
        "Antes del NUL y después[31m del escape.\nSegunda\tlínea."
    );
}

#[test]
fn base64_with_stray_characters_is_decoded_leniently() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    // "Hola, necesito ayuda con la factura." and a tiny PDF, each with a
    // character base64 does not use, as broken gateways add.
    let raw = "From: Olga Owner <owner@example.com>\r\n\
        To: billing@desk.localhost\r\n\
        Subject: Base64 roto\r\n\
        Message-ID: <b64-1@example.com>\r\n\
        MIME-Version: 1.0\r\n\
        Content-Type: multipart/mixed; boundary=\"sep\"\r\n\r\n\
        --sep\r\n\
        Content-Type: text/plain; charset=utf-8\r\n\
        Content-Transfer-Encoding: base64\r\n\r\n\
        SG9sYSwgbmVjZXNp!dG8gYXl1ZGEgY29u\r\n\
        IGxhIGZhY3R1cmEu.\r\n\
        --sep\r\n\
        Content-Type: application/pdf; name=\"f.pdf\"\r\n\
        Content-Disposition: attachment; filename=\"f.pdf\"\r\n\
        Content-Transfer-Encoding: base64\r\n\r\n\
        JVBERi0x*LjQK\r\n\
        --sep--\r\n";
    pipe_expect(&desk, raw.as_bytes(), 0);
    let t = only_ticket(&api);
    let m = &t["messages"][0];
    assert_eq!(m["body"], "Hola, necesito ayuda con la factura.");
    let files = m["attachments"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{files:?}");
    let id = files[0]["id"].as_str().unwrap();
    assert_eq!(
        api.get_bytes(&format!("/v1/attachments/{id}")),
        b"%PDF-1.4\n"
    );
    assert_eq!(outbox(&desk).len(), 1, "the confirmation");
}

#[test]
fn dkim_signed_mail_of_the_owner_is_filed_and_shown_verified() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = world.signed(&mail(
        "Olga Owner <owner@example.com>",
        "billing@desk.localhost",
        "Factura de marzo",
        "signed-1",
        "Hola, me cobraron dos veces.",
    ));
    // From a server SPF does not list: DKIM alone carries DMARC.
    let stderr = world.pipe(&desk, &raw, ATTACKER_IP, OWNER_EMAIL);
    assert!(stderr.contains("opened ticket"), "{stderr}");
    assert!(
        stderr.contains("dkim=pass(example.com) spf=fail dmarc=pass"),
        "{stderr}"
    );
    let t = only_ticket(&api);
    assert_eq!(t["messages"][0]["verified"], "dkim");
    assert!(
        world
            .dns
            .queries
            .lock()
            .unwrap()
            .iter()
            .any(|q| q == "sel._domainkey.example.com"),
        "the key came from the loopback DNS"
    );

    // `ecolo ticket view` says how the sender was verified.
    let user = desk.user();
    user.login_owner();
    let number = t["number"].to_string();
    let out = user.run(&["ticket", "view", &number]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("via email (verified: dkim)"), "{shown}");
    let out = user.run(&["ticket", "view", &number, "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["messages"][0]["verified"], "dkim");
}

#[test]
fn a_subdomain_signature_aligns_with_the_organizational_domain() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    // The owner's mail service signs as mail.example.com; DMARC (relaxed,
    // the default) is published at example.com with p=reject.
    let raw = world.signed_as(
        "mail.example.com",
        &mail(
            "Olga Owner <owner@example.com>",
            "billing@desk.localhost",
            "Firmado por un subdominio",
            "subdomain-1",
            "Desde el servicio de correo.",
        ),
    );
    let stderr = world.pipe(&desk, &raw, ATTACKER_IP, OWNER_EMAIL);
    assert!(
        stderr.contains("dkim=pass(mail.example.com) spf=fail dmarc=pass"),
        "{stderr}"
    );
    assert!(stderr.contains("opened ticket"), "{stderr}");
    assert_eq!(only_ticket(&api)["messages"][0]["verified"], "dkim");

    // Another registrable domain under the same public suffix is not the
    // owner's, however alike.
    let raw = world.signed_as(
        "example-com.example.org",
        &mail(
            "Olga Owner <owner@example.com>",
            "billing@desk.localhost",
            "Firma ajena",
            "subdomain-2",
            "x",
        ),
    );
    let stderr = world.pipe(&desk, &raw, ATTACKER_IP, OWNER_EMAIL);
    assert!(stderr.contains("p=reject"), "{stderr}");
    assert_eq!(api.tickets().len(), 1);
}

#[test]
fn a_servfail_for_the_senders_policy_makes_the_mail_server_retry() {
    let world = World::new();
    // Lucia's domain publishes no DMARC record; today its name server
    // fails instead of saying so.
    world.dns.servfail("_dmarc.sinfirma.example");
    let desk = Desk::start();
    let api = Api::owner(&desk);
    add_lucia(&api);
    let raw = mail(LUCIA, "billing@desk.localhost", "Hola", "servfail-1", "x");
    let out = pipe_as_received(
        &desk,
        raw.as_bytes(),
        &["--dns", &world.dns.addr, "--client-ip", ATTACKER_IP],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(
        stderr.contains("_dmarc.sinfirma.example: Server Failure"),
        "{stderr}"
    );
    // Not taken for "no DMARC record": nothing held, nobody asked.
    assert_eq!(held_rows(&desk), 0);
    assert!(outbox(&desk).is_empty());
    assert!(api.tickets().is_empty());
}

#[test]
fn unsigned_mail_from_a_server_spf_allows_is_filed_as_spf() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = mail(
        "owner@example.com",
        "billing@desk.localhost",
        "Sin firma",
        "spf-1",
        "Desde el servidor de la empresa.",
    );
    let stderr = world.pipe(&desk, &raw, OWNER_MX_IP, "bounces@example.com");
    assert!(stderr.contains("opened ticket"), "{stderr}");
    assert_eq!(only_ticket(&api)["messages"][0]["verified"], "spf");
}

#[test]
fn forged_from_of_a_domain_with_dmarc_reject_is_dropped_without_a_word() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let forged = mail(
        "Olga Owner <owner@example.com>",
        "billing@desk.localhost",
        "Cambio de datos bancarios",
        "forged-1",
        "Depositen a esta cuenta nueva.",
    );
    let stderr = world.pipe(&desk, &forged, ATTACKER_IP, "victim@elsewhere.test");
    assert!(stderr.contains("p=reject"), "{stderr}");
    assert!(stderr.contains("not filed, no reply"), "{stderr}");
    assert!(api.tickets().is_empty());
    assert_eq!(held_rows(&desk), 0, "nothing held either");
    assert!(outbox(&desk).is_empty(), "no mail to anyone");
}

#[test]
fn forged_from_of_a_contact_without_dmarc_is_held_and_confirmed_by_reply() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    add_lucia(&api);
    let files_before = attachment_files(&desk);
    // Lucía's domain signs nothing: her real mail looks like a forgery,
    // and carries a file.
    let held = String::from_utf8(corpus("attachments.eml", None))
        .unwrap()
        .replace(
            "Olga Owner <owner@example.com>",
            "Lucía <lucia@sinfirma.example>",
        )
        .replace("website-updates@desk.localhost", "billing@desk.localhost");
    let stderr = world.pipe(&desk, &held, ATTACKER_IP, "attacker@evil.test");
    assert!(stderr.contains("held as mail"), "{stderr}");
    assert!(api.tickets().is_empty(), "not filed");
    assert_eq!(held_rows(&desk), 1, "kept as one row");
    assert_eq!(
        attachment_files(&desk),
        files_before,
        "its files are not on disk"
    );
    assert_eq!(attachment_rows(&desk), 0);

    // The note goes to the registered address, never the envelope sender.
    let queued = outbox_headers(&desk);
    assert_eq!(queued.len(), 1, "{queued:?}");
    assert_eq!(queued[0].0, LUCIA);
    assert_eq!(queued[0].1["Return-Path"], "<>");
    let note = &outbox(&desk)[0].2;
    // Lucía is a contact of a Spanish account: Spanish only.
    assert!(
        note.contains("en su nombre") && !note.contains("in your name"),
        "{note}"
    );
    let reply_to = queued[0].1["Reply-To"].as_str().unwrap().to_string();
    assert!(reply_to.starts_with("billing+h"), "{reply_to}");

    // Someone else cannot confirm it, even knowing the address.
    let intruder = mail(
        "owner@example.com",
        &reply_to,
        "Re: confirm",
        "confirm-0",
        "sí",
    );
    world.pipe(&desk, &intruder, ATTACKER_IP, "x@evil.test");
    assert_eq!(held_rows(&desk), 1);

    // Lucía replies (unsigned, as always): the held mail is filed as it was.
    let confirm = mail(
        LUCIA,
        &reply_to,
        "Re: Confirme su mensaje",
        "confirm-1",
        "Sí, lo envié yo.",
    );
    let stderr = world.pipe(&desk, &confirm, ATTACKER_IP, LUCIA);
    assert!(stderr.contains("opened ticket"), "{stderr}");
    let t = only_ticket(&api);
    assert_eq!(t["subject"], "Texto final e imagen para la portada");
    assert_eq!(t["requester"]["email"], LUCIA);
    let m = &t["messages"][0];
    assert_eq!(m["verified"], "confirmation");
    assert!(m["body"]
        .as_str()
        .unwrap()
        .starts_with("Les envío el texto final"));
    assert_eq!(m["attachments"].as_array().unwrap().len(), 2);
    assert_eq!(held_rows(&desk), 0);
    // Confirming twice files nothing twice.
    world.pipe(
        &desk,
        &confirm.replace("confirm-1", "confirm-2"),
        ATTACKER_IP,
        LUCIA,
    );
    assert_eq!(only_ticket(&api)["messages"].as_array().unwrap().len(), 1);
}

#[test]
fn held_mail_expires_after_seven_days() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    add_lucia(&api);
    let held = mail(LUCIA, "billing@desk.localhost", "Viejo", "old-1", "texto");
    world.pipe(&desk, &held, ATTACKER_IP, LUCIA);
    assert_eq!(held_rows(&desk), 1);
    let reply_to = outbox_headers(&desk)[0].1["Reply-To"]
        .as_str()
        .unwrap()
        .to_string();
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    conn.execute(
        "UPDATE held_mail SET received_at = '2026-11-23T09:00:00.000000Z'",
        [],
    )
    .unwrap();
    drop(conn);
    let confirm = mail(LUCIA, &reply_to, "Re: confirm", "old-confirm", "sí");
    let stderr = world.pipe(&desk, &confirm, ATTACKER_IP, LUCIA);
    assert!(stderr.contains("expired"), "{stderr}");
    assert_eq!(held_rows(&desk), 0, "deleted");
    assert!(api.tickets().is_empty());
}

#[test]
fn a_spoofed_authentication_results_beside_the_trusted_one_is_ignored() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let body = mail(
        "owner@example.com",
        "billing@desk.localhost",
        "Urgente",
        "spoof-1",
        "texto",
    );
    // The MTA's own header is on top; the sender wrote the two below.
    let raw = format!(
        "Authentication-Results: mx.desk.test; spf=fail smtp.mailfrom=example.com;\r\n \
         dmarc=fail (p=reject dis=none) header.from=example.com\r\n\
         Authentication-Results: mx.desk.test; dmarc=pass header.from=example.com\r\n\
         Authentication-Results: evil.test; dkim=pass header.d=example.com; dmarc=pass header.from=example.com\r\n{body}"
    );
    let out = pipe_as_received(
        &desk,
        raw.as_bytes(),
        &["--trust-auth-results", "mx.desk.test"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("p=reject"), "{stderr}");
    assert!(api.tickets().is_empty());
    assert!(outbox(&desk).is_empty());

    // The same mail with the MTA's pass on top is filed.
    let raw = format!(
        "Authentication-Results: mx.desk.test; dkim=pass header.d=example.com; dmarc=pass header.from=example.com\r\n\
         Authentication-Results: evil.test; dmarc=fail header.from=example.com\r\n{}",
        body.replace("spoof-1", "spoof-2")
    );
    let out = pipe_as_received(
        &desk,
        raw.as_bytes(),
        &["--trust-auth-results", "mx.desk.test"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(only_ticket(&api)["messages"][0]["verified"], "dkim");
}

#[test]
fn a_forged_ticket_tag_never_adds_a_reply() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    api.add_martha();
    add_lucia(&api);
    let number = api.open_ticket("billing", "Factura", "Texto original");
    let subject = format!("Re: [#{number}] Factura");
    // Martha's domain rejects forgeries: dropped.
    let forged = mail(
        "martha@example.com",
        "billing@desk.localhost",
        &subject,
        "tag-1",
        "pagado",
    );
    world.pipe(&desk, &forged, ATTACKER_IP, "martha@example.com");
    // Lucía's does not: held for her to confirm, not appended.
    let forged = mail(LUCIA, "billing@desk.localhost", &subject, "tag-2", "pagado");
    let stderr = world.pipe(&desk, &forged, ATTACKER_IP, LUCIA);
    assert!(stderr.contains("held"), "{stderr}");
    let t = api.ticket(number);
    assert_eq!(t["messages"].as_array().unwrap().len(), 1, "{t:#}");
    assert_eq!(t["status"], "open");
}

#[test]
fn a_reply_to_the_signed_address_continues_the_ticket_without_dkim() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    add_lucia(&api);
    // Lucía's confirmed mail opens a ticket; its confirmation carries her
    // signed reply address.
    let first = mail(LUCIA, "billing@desk.localhost", "Factura", "sig-1", "hola");
    world.pipe(&desk, &first, ATTACKER_IP, LUCIA);
    let note_reply_to = outbox_headers(&desk)[0].1["Reply-To"]
        .as_str()
        .unwrap()
        .to_string();
    world.pipe(
        &desk,
        &mail(LUCIA, &note_reply_to, "Re: confirm", "sig-confirm", "sí"),
        ATTACKER_IP,
        LUCIA,
    );
    let t = only_ticket(&api);
    let number = t["number"].as_u64().unwrap();
    let queued = outbox_headers(&desk);
    let confirmation = queued.last().unwrap();
    assert_eq!(confirmation.0, "Lucía Pérez <lucia@sinfirma.example>");
    let reply_to = confirmation.1["Reply-To"].as_str().unwrap().to_string();
    assert!(
        reply_to.starts_with(&format!("billing+{number}.")),
        "{reply_to}"
    );

    // Her answer to that address, no tag in the subject, is her reply.
    let answer = mail(
        LUCIA,
        &reply_to,
        "Re: Factura",
        "sig-2",
        "Adjunto el comprobante.",
    );
    let stderr = world.pipe(&desk, &answer, ATTACKER_IP, LUCIA);
    assert!(
        stderr.contains(&format!("added the reply to ticket {number}")),
        "{stderr}"
    );
    let t = api.ticket(number);
    let messages = t["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[1]["verified"], "reply-address");

    // The address is Lucía's alone: the owner's forged mail to it is not.
    let forged = mail(
        "owner@example.com",
        &reply_to,
        "Re: Factura",
        "sig-3",
        "forged",
    );
    world.pipe(&desk, &forged, ATTACKER_IP, OWNER_EMAIL);
    assert_eq!(api.ticket(number)["messages"].as_array().unwrap().len(), 2);
}

#[test]
fn an_arc_sealed_list_forward_is_filed_when_the_list_is_trusted() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let original = world.signed(&mail(
        "Olga Owner <owner@example.com>",
        "clientes@lists.example.org",
        "Consulta por la lista",
        "arc-1",
        "Pregunta enviada a la lista.",
    ));
    // The list delivers it to the desk's billing address, a subscriber.
    let forwarded = world.list_forward(&original);
    let bounces = "clientes-bounces@lists.example.org";
    let to_billing = ["--recipient", "billing@desk.localhost"];
    // Not trusted: the broken signature and the list's SPF fail DMARC.
    let stderr = world.pipe_with(&desk, &forwarded, LIST_IP, bounces, &to_billing);
    assert!(
        stderr.contains("arc=pass (first sealer lists.example.org), not a trusted sealer"),
        "{stderr}"
    );
    assert!(stderr.contains("not filed, no reply"), "{stderr}");
    assert!(api.tickets().is_empty());

    // A registered contact's post (her domain has no DMARC policy, so it
    // is not rejected) is not held either: holding would ask her to confirm
    // a list post, an automatic answer to list mail.
    add_lucia(&api);
    let post = world.list_forward(&mail(
        LUCIA,
        "clientes@lists.example.org",
        "Otra consulta",
        "arc-2",
        "Desde la lista.",
    ));
    let stderr = world.pipe_with(&desk, &post, LIST_IP, bounces, &to_billing);
    assert!(
        stderr.contains("not filed, no reply: mailing-list mail from lucia@sinfirma.example"),
        "{stderr}"
    );
    assert_eq!(held_rows(&desk), 0);
    assert!(outbox_headers(&desk).is_empty());
    assert!(api.tickets().is_empty());
    // Trusted: the list's seal vouches for what it saw.
    let stderr = world.pipe_with(
        &desk,
        &forwarded,
        LIST_IP,
        bounces,
        &[
            "--recipient",
            "billing@desk.localhost",
            "--trusted-arc-sealer",
            LIST_DOMAIN,
        ],
    );
    assert!(stderr.contains("opened ticket"), "{stderr}");
    assert_eq!(only_ticket(&api)["messages"][0]["verified"], "arc");
    assert!(
        outbox_headers(&desk).is_empty(),
        "no confirmation is sent back to list mail"
    );
}

#[test]
fn fifty_forged_senders_get_no_mail_from_the_desk() {
    let world = World::new();
    let desk = Desk::start();
    let api = Api::owner(&desk);
    add_lucia(&api);
    for i in 0..50 {
        let raw = mail(
            &format!("victim{i}@victims{}.test", i % 7),
            "billing@desk.localhost",
            "Hola",
            &format!("flood-{i}"),
            "spam",
        );
        world.pipe(&desk, &raw, ATTACKER_IP, &format!("victim{i}@victims.test"));
    }
    assert!(outbox(&desk).is_empty(), "no backscatter");
    // Ten forgeries of a registered address: held, and she is asked at
    // most five times an hour.
    for i in 0..10 {
        let raw = mail(
            LUCIA,
            "billing@desk.localhost",
            "Hola",
            &format!("lucia-{i}"),
            "x",
        );
        world.pipe(&desk, &raw, ATTACKER_IP, LUCIA);
    }
    let queued = outbox(&desk);
    assert_eq!(queued.len(), 5, "{queued:?}");
    assert!(queued.iter().all(|(to, _, _)| to == LUCIA));
    assert!(api.tickets().is_empty());
}

#[test]
fn refusals_go_only_to_authenticated_senders_and_have_a_global_cap() {
    let desk = Desk::start();
    // Authenticated strangers (the receiving server says DMARC passed)
    // are refused, three at most per hour altogether here.
    for i in 0..5 {
        let raw = mail(
            &format!("someone{i}@domain{i}.test"),
            "billing@desk.localhost",
            "Hola",
            &format!("stranger-{i}"),
            "x",
        );
        let out = pipe(&desk, raw.as_bytes(), &["--max-auto-replies-per-hour", "3"]);
        assert_eq!(out.status.code(), Some(0));
    }
    let queued = outbox(&desk);
    assert_eq!(queued.len(), 3, "{queued:?}");
}

#[test]
fn a_dns_failure_makes_the_mail_server_retry() {
    let world = World::new();
    // Its DMARC record cannot be looked up (the resolver gives up after
    // its timeouts, some seconds).
    world.dns.unreachable("_dmarc.broken-dns.example");
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = mail(
        "someone@broken-dns.example",
        "billing@desk.localhost",
        "Hola",
        "dns-1",
        "x",
    );
    let out = pipe_as_received(
        &desk,
        raw.as_bytes(),
        &["--dns", &world.dns.addr, "--client-ip", ATTACKER_IP],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(stderr.contains("cannot verify the sender now"), "{stderr}");
    assert!(api.tickets().is_empty());
    assert_eq!(held_rows(&desk), 0);
    assert!(outbox(&desk).is_empty());
}
