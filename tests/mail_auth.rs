//! Issue 9 end to end, through the real `ecolo-desk pipe`: nothing of a
//! mail that is not filed stays on the desk, stored text keeps what follows
//! a NUL, and base64 with stray characters is decoded as mail clients do.

mod common;
#[path = "desk_common/mod.rs"]
mod desk_common;
#[path = "mail/support.rs"]
mod support;

use common::Desk;
use support::{corpus, only_ticket, outbox, pipe, pipe_expect, Api};

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
