//! Outgoing mail end to end: `ecolo-desk serve --smtp-url` delivers the
//! outbox to a real SMTP server over TCP (a tiny sink this test runs), and
//! a reply built from a received notification threads back into the ticket.

mod common;
#[path = "mail/support.rs"]
mod support;

use std::io::{BufReader, Write};
use std::process::{Command, Stdio};

use common::{Desk, DESK};
use support::{corpus, eventually, only_ticket, outbox_count, pipe_expect, Api, SmtpSink};

/// A desk whose outbox retries fast and delivers to `smtp_url`.
fn desk_with_relay(smtp_url: &str) -> Desk {
    Desk::start_with(&["--smtp-url", smtp_url, "--outbox-retry-ms", "100"])
}

#[test]
fn confirmation_and_staff_reply_arrive_and_a_reply_threads_back() {
    let sink = SmtpSink::start();
    let desk = desk_with_relay(&sink.url());
    let api = Api::owner(&desk);
    let number = api.open_ticket("billing", "Factura duplicada", "Me cobraron dos veces.");
    let tag = format!("[#{number}]");

    let confirmation = sink.wait_for(1)[0].clone();
    assert_eq!(confirmation.rcpt_to, ["owner@example.com"]);
    assert_eq!(confirmation.mail_from, "billing@desk.localhost");
    assert!(confirmation
        .header("To")
        .unwrap()
        .contains("owner@example.com"));
    assert_eq!(confirmation.subject(), format!("{tag} Factura duplicada"));
    // Signed for the requester: answering it continues the ticket.
    let reply_to = confirmation.header("Reply-To").unwrap();
    assert!(
        reply_to.starts_with(&format!("billing+{number}."))
            && reply_to.ends_with("@desk.localhost"),
        "{reply_to}"
    );
    assert_eq!(
        confirmation.header("Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    assert_eq!(
        confirmation.header("Message-ID").as_deref(),
        Some(format!("<ticket-{number}@desk.localhost>").as_str())
    );
    let text = confirmation.text();
    // A Spanish account (the desk's default): in Spanish only.
    assert!(
        text.contains("Pagos y Cobranza") && !text.contains("Billing Issues"),
        "{text}"
    );

    desk.staff_reply(&number.to_string(), "Ya anulamos el cargo duplicado.");
    let notification = sink.wait_for(2)[1].clone();
    assert_eq!(
        notification.subject(),
        format!("Re: {tag} Factura duplicada")
    );
    assert_eq!(notification.header("Reply-To"), Some(reply_to.clone()));
    assert_eq!(
        notification.header("In-Reply-To").as_deref(),
        Some(format!("<ticket-{number}@desk.localhost>").as_str())
    );
    assert_eq!(
        notification.header("Auto-Submitted"),
        None,
        "a person wrote it"
    );
    assert!(notification
        .text()
        .contains("Ya anulamos el cargo duplicado."));

    // The owner's mail client answers the notification, quoting it.
    let quoted: String = notification
        .text()
        .lines()
        .map(|l| format!("> {l}\r\n"))
        .collect();
    let reply = format!(
        "From: Olga Owner <owner@example.com>\r\n\
         To: {to}\r\n\
         Subject: Re: {subject}\r\n\
         Message-ID: <reply-1@example.com>\r\n\
         In-Reply-To: {id}\r\n\
         References: {id}\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\
         \r\n\
         Perfecto, gracias.\r\n\r\n\
         On Mon, 3 Mar 2025 at 10:00, Ecolo Soporte <billing@desk.localhost> wrote:\r\n{quoted}",
        to = notification.header("Reply-To").unwrap(),
        subject = notification.subject(),
        id = notification.header("Message-ID").unwrap(),
    );
    pipe_expect(&desk, reply.as_bytes(), 0);
    let t = api.ticket(number);
    assert_eq!(t["status"], "customer-reply");
    let messages = t["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[2]["channel"], "email");
    assert_eq!(messages[2]["body"], "Perfecto, gracias.");
}

#[test]
fn mail_that_opens_a_ticket_gets_a_threaded_auto_replied_confirmation() {
    let sink = SmtpSink::start();
    let desk = desk_with_relay(&sink.url());
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let number = only_ticket(&api)["number"].as_u64().unwrap();
    let got = sink.wait_for(1)[0].clone();
    assert_eq!(got.rcpt_to, ["owner@example.com"]);
    assert!(got
        .subject()
        .starts_with(&format!("[#{number}] Cobro duplicado")));
    assert_eq!(
        got.header("Auto-Submitted").as_deref(),
        Some("auto-replied")
    );
    assert_eq!(
        got.header("In-Reply-To").as_deref(),
        Some("<CAHk9fZ3q+7wq1Xw2bS=J0yQk1b4m@mail.gmail.com>")
    );
}

#[test]
fn refused_sender_gets_a_bilingual_auto_reply_but_robots_get_nothing() {
    let sink = SmtpSink::start();
    let desk = desk_with_relay(&sink.url());
    let api = Api::owner(&desk);
    for name in ["auto_reply.eml", "bounce.eml"] {
        pipe_expect(&desk, &corpus(name, None), 0);
    }
    // Queued after the robots' mail: once its answer is in, any answer to
    // them would have been sent before it (the outbox goes in order).
    pipe_expect(&desk, &corpus("unauthorized.eml", None), 0);
    let got = sink.wait_for(1);
    assert!(api.tickets().is_empty());
    let auto = &got[0];
    assert_eq!(auto.rcpt_to, ["stranger@example.org"]);
    assert_eq!(auto.mail_from, "", "auto-replies use the null sender");
    assert_eq!(
        auto.header("Auto-Submitted").as_deref(),
        Some("auto-replied")
    );
    assert_eq!(
        auto.header("In-Reply-To").as_deref(),
        Some("<stranger-0001@example.org>")
    );
    let text = auto.text();
    assert!(
        text.contains("no abrimos un ticket") && text.contains("no ticket was opened"),
        "{text}"
    );
    assert_eq!(
        sink.received().len(),
        1,
        "nothing was sent to the auto-reply, bounce or list"
    );
}

#[test]
fn relay_down_then_up_loses_nothing() {
    // Held, not listening: the relay is down and nobody else takes its port.
    let relay = common::ReservedPort::new();
    let mut desk = desk_with_relay(&format!("smtp://127.0.0.1:{}", relay.port));
    let api = Api::owner(&desk);
    let number = api.open_ticket("quotes", "Cotización", "Tres dominios, por favor.");
    // The outbox tried, failed and is waiting to retry.
    eventually("a failed delivery attempt", || {
        outbox_count(
            &desk.db(),
            "attempts > 0 AND sent_at IS NULL AND last_error IS NOT NULL",
        ) > 0
    });
    // A desk restarted meanwhile still has the mail to send.
    desk.restart();
    let sink = SmtpSink::start_on(relay.listen());
    let got = sink.wait_for(1);
    assert_eq!(got[0].subject(), format!("[#{number}] Cotización"));
    let reply_to = got[0].header("Reply-To").unwrap();
    assert!(
        reply_to.starts_with(&format!("quotes+{number}.")),
        "{reply_to}"
    );
    eventually("the outbox row marked sent", || {
        outbox_count(&desk.db(), "sent_at IS NULL") == 0
    });
}

#[test]
fn sent_mail_is_deleted_after_the_retention_unsent_mail_kept() {
    let sink = SmtpSink::start_refusing(&["stranger@example.org"]);
    let desk = Desk::start_with(&[
        "--smtp-url",
        &sink.url(),
        "--outbox-retry-ms",
        "100",
        "--mail-retention",
        "2s",
    ]);
    pipe_expect(&desk, &corpus("unauthorized.eml", None), 0);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    sink.wait_for(1);
    // Sent mail is there for the retention (2 s), then goes.
    eventually("the confirmation marked sent", || {
        outbox_count(&desk.db(), "sent_at IS NOT NULL") == 1
    });
    eventually("sent mail deleted after the retention", || {
        outbox_count(&desk.db(), "sent_at IS NOT NULL") == 0
    });
    // The ticket's events were rendered before its mail was sent: they go
    // in the same pass.
    eventually("rendered events deleted with the sent mail", || {
        rusqlite::Connection::open(desk.db())
            .unwrap()
            .query_row("SELECT COUNT(*) FROM events", [], |r| r.get::<_, i64>(0))
            .unwrap()
            == 0
    });
    assert_eq!(
        outbox_count(
            &desk.db(),
            "sent_at IS NULL AND to_addr = 'stranger@example.org'"
        ),
        1,
        "mail never sent stays for someone to look at"
    );
}

#[test]
fn a_bad_mail_retention_is_refused_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["0d", "30", "1w", "3x"] {
        let out = Command::new(DESK)
            .args(["--db"])
            .arg(dir.path().join("desk.db"))
            .args(["serve", "--listen", "127.0.0.1:0", "--mail-retention", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--mail-retention") && err.contains(bad),
            "{bad}: {err}"
        );
    }
}

#[test]
fn a_recipient_the_relay_refuses_is_not_retried_and_blocks_nothing() {
    let sink = SmtpSink::start_refusing(&["stranger@example.org"]);
    let desk = desk_with_relay(&sink.url());
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("unauthorized.eml", None), 0);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let got = sink.wait_for(1);
    assert_eq!(
        got[0].rcpt_to,
        ["owner@example.com"],
        "later mail still goes out"
    );
    assert_eq!(only_ticket(&api)["category"], "billing");
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let (attempts, sent, error): (i64, Option<String>, Option<String>) = conn
        .query_row(
            "SELECT attempts, sent_at, last_error FROM outbox WHERE to_addr = 'stranger@example.org'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(sent, None);
    assert!(error.unwrap_or_default().contains("User unknown"));
    assert_eq!(
        attempts,
        ecolo::desk::mail::outbox::MAX_ATTEMPTS,
        "given up at once"
    );
    assert_eq!(
        sink.refused.lock().unwrap().len(),
        1,
        "a 5xx is not retried"
    );
}

#[test]
fn relay_credentials_from_the_environment_are_used_and_never_logged() {
    const PASSWORD: &str = "s3cret-relay-pw";
    let sink = SmtpSink::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let log = dir.path().join("desk.log");
    let url = format!("smtp://desk-relay:{PASSWORD}@127.0.0.1:{}", sink.port);

    // The URL with its password is kept off the command line (and `ps`).
    let mut serve = Command::new(DESK)
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--outbox-retry-ms",
            "100",
        ])
        .arg("--db")
        .arg(&db)
        .env("ECOLO_DESK_SMTP_URL", &url)
        .env("ECOLO_DESK_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("spawn ecolo-desk serve");
    let (line, _) = common::read_until(
        BufReader::new(serve.stdout.take().unwrap()),
        "the desk's listening line",
        |_| true,
    );
    assert!(line.starts_with("listening on "), "{line}");
    let mut create = Command::new(DESK)
        .args([
            "account",
            "create",
            "--password-stdin",
            "--name",
            "Olga Owner",
        ])
        .args(["--email", "owner@example.com", "--db"])
        .arg(&db)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    create
        .stdin
        .take()
        .unwrap()
        .write_all(b"correct horse battery staple\n")
        .unwrap();
    assert!(create.wait().unwrap().success());
    let out = support::pipe_db(&db, &corpus("gmail_alternative.eml", None), &[]);
    assert_eq!(out.status.code(), Some(0));

    let got = sink.wait_for(1);
    assert_eq!(got[0].rcpt_to, ["owner@example.com"]);
    let login = sink.logins.lock().unwrap()[0].clone();
    let login = mail_parser::decoders::base64::base64_decode(login.as_bytes()).unwrap();
    assert_eq!(login, format!("\0desk-relay\0{PASSWORD}").as_bytes());
    eventually("the outbox row marked sent", || {
        outbox_count(&db, "sent_at IS NULL") == 0
    });
    let _ = serve.kill();
    let _ = serve.wait();

    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("outbox: sent"), "{logged}");
    assert!(!logged.contains(PASSWORD), "the relay password is logged");
    let help = Command::new(DESK)
        .args(["serve", "--help"])
        .env("ECOLO_DESK_SMTP_URL", &url)
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("ECOLO_DESK_SMTP_URL"), "{help}");
    assert!(
        !help.contains(PASSWORD),
        "--help shows the password: {help}"
    );
}
