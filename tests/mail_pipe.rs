//! E-mail intake end to end: each realistic message of `tests/mail/` is
//! piped through the real `ecolo-desk pipe --db <the test desk's db>`, and
//! what was stored is read back over the HTTP API.

mod common;
#[path = "desk_common/mod.rs"]
mod desk_common;
#[path = "mail/support.rs"]
mod support;

use common::Desk;
use sha2::{Digest, Sha256};
use support::{corpus, only_ticket, outbox, pipe, pipe_expect, pipe_twice_at_once, Api};

fn number_of(ticket: &serde_json::Value) -> u32 {
    ticket["number"].as_u64().unwrap() as u32
}

#[test]
fn gmail_message_from_the_owner_opens_a_ticket() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let t = only_ticket(&api);
    assert_eq!(t["category"], "billing");
    assert_eq!(t["subject"], "Cobro duplicado en la factura de marzo");
    assert_eq!(t["status"], "open");
    assert_eq!(t["requester"]["email"], "owner@example.com");
    assert_eq!(t["requester"]["role"], "owner");
    let m = &t["messages"][0];
    assert_eq!(m["channel"], "email");
    assert_eq!(
        m["body"],
        "Hola:\n\nEn la factura de marzo me cobraron dos veces el plan Básico.\n\
         ¿Pueden revisarlo y devolver el cargo duplicado?\n\nGracias,\nOlga"
    );
    // The confirmation waits in the outbox for `serve` to send it.
    let queued = outbox(&desk);
    assert_eq!(queued.len(), 1, "{queued:?}");
    assert!(queued[0].0.contains("owner@example.com"));
    assert!(queued[0].1.starts_with(&format!("[#{}]", number_of(&t))));
}

#[test]
fn outlook_reply_with_original_message_threads_into_the_ticket() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let number = number_of(&only_ticket(&api));
    desk.staff_reply(
        &number.to_string(),
        "¿Podría enviarnos el comprobante del cargo?",
    );
    pipe_expect(&desk, &corpus("outlook_reply.eml", Some(number)), 0);
    let t = only_ticket(&api);
    assert_eq!(t["status"], "customer-reply");
    let messages = t["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[2]["channel"], "email");
    assert_eq!(messages[2]["author"]["email"], "owner@example.com");
    assert_eq!(
        messages[2]["body"],
        "Buenos días:\n\nAdjunté el comprobante en el portal; el cargo aparece el 2 de marzo.\n\
         Quedo atenta a su revisión.\n\nOlga Owner\nGerente de Administración"
    );
}

#[test]
fn contact_mail_opens_a_ticket_and_its_quoted_reply_is_stripped() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    api.add_martha();
    pipe_expect(&desk, &corpus("thunderbird_flowed.eml", None), 0);
    let t = only_ticket(&api);
    assert_eq!(t["category"], "email");
    assert_eq!(t["subject"], "Crear cuenta de correo facturación");
    assert_eq!(t["requester"]["role"], "contact");
    assert_eq!(t["requester"]["name"], "Martha Gómez");
    let body = t["messages"][0]["body"].as_str().unwrap();
    assert!(
        body.contains(
            "con una cuota de 2 GB y reenvío automático a contabilidad@ejemplo.mx, por favor."
        ),
        "format=flowed lines are joined: {body}"
    );
    let number = number_of(&t);
    pipe_expect(&desk, &corpus("reply_quoted_es.eml", Some(number)), 0);
    let t = api.ticket(number as u64);
    let reply = &t["messages"][1];
    assert_eq!(reply["author"]["role"], "contact");
    assert_eq!(
        reply["body"],
        "Ya quedó, muchas gracias. La cuenta funciona en el celular también."
    );
}

#[test]
fn iso_8859_1_mail_delivered_by_delivered_to() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("latin1_qp.eml", None), 0);
    let t = only_ticket(&api);
    assert_eq!(t["category"], "control-panel");
    assert_eq!(t["subject"], "Error de conexión a la base de datos");
    let body = t["messages"][0]["body"].as_str().unwrap();
    assert!(
        body.contains("El espacio en disco está al 98% y no sé qué archivos borrar."),
        "{body}"
    );
}

#[test]
fn attachments_are_stored_like_api_attachments() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("attachments.eml", None), 0);
    let t = only_ticket(&api);
    assert_eq!(t["category"], "website-updates");
    let files = t["messages"][0]["attachments"].as_array().unwrap();
    let names: Vec<&str> = files
        .iter()
        .map(|a| a["filename"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["comprobante-3341.pdf", "encabezado.png"]);
    assert_eq!(files[0]["content_type"], "application/pdf");
    assert_eq!(files[1]["content_type"], "image/png");
    for (file, sha) in files.iter().zip([
        "63597b2f34b4909964b752eb438d251790777dda7edffa8b62e20f5c45dddc64",
        "4371149be76808ede2e39736bd07c9a9209f1d6207cfb3a530c7a2e84ab1a5a2",
    ]) {
        assert_eq!(file["sha256"], sha);
        let bytes = api.get_bytes(&format!("/v1/attachments/{}", file["id"].as_str().unwrap()));
        assert_eq!(
            hex::encode(Sha256::digest(&bytes)),
            sha,
            "downloaded bytes match what was mailed"
        );
    }
}

#[test]
fn attachment_over_the_limit_refuses_the_whole_mail() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let out = pipe(
        &desk,
        &corpus("attachments.eml", None),
        &["--max-attachment-bytes", "100"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(api.tickets().is_empty(), "nothing stored");
    let queued = outbox(&desk);
    assert_eq!(queued.len(), 1);
    assert!(
        queued[0].2.contains("comprobante-3341.pdf") && queued[0].2.contains("100 bytes"),
        "{}",
        queued[0].2
    );
}

#[test]
fn html_only_mail_becomes_text() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("html_only.eml", None), 0);
    let t = only_ticket(&api);
    assert_eq!(t["category"], "quotes");
    assert_eq!(
        t["messages"][0]["body"],
        "Buenas tardes,\nQuisiera una cotización para 3 dominios adicionales y el plan Profesional.\n\
         - ejemplo.mx\n- ejemplo.com.mx\n¿Incluye certificado SSL?"
    );
}

#[test]
fn the_same_message_delivered_twice_is_stored_once() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = corpus("gmail_alternative.eml", None);
    pipe_expect(&desk, &raw, 0);
    let stderr = pipe_expect(&desk, &raw, 0);
    assert!(stderr.contains("already stored"), "{stderr}");
    let t = only_ticket(&api);
    assert_eq!(t["messages"].as_array().unwrap().len(), 1);
    assert_eq!(outbox(&desk).len(), 1, "one confirmation");

    let number = number_of(&t);
    let reply = corpus("outlook_reply.eml", Some(number));
    pipe_expect(&desk, &reply, 0);
    pipe_expect(&desk, &reply, 0);
    assert_eq!(
        api.ticket(number as u64)["messages"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_mail_whose_confirmation_cannot_be_queued_yet_is_stored_and_confirmed_once_later() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = corpus("gmail_alternative.eml", None);
    desk_common::break_outbox(&desk);
    // Stored with its event; the confirmation waits for a later render.
    let stderr = pipe_expect(&desk, &raw, 0);
    assert!(
        stderr.contains("mail left for the outbox worker"),
        "{stderr}"
    );
    assert_eq!(api.tickets().len(), 1);
    assert!(outbox(&desk).is_empty());

    // The MTA's redelivery (or any later pass) renders it, once.
    desk_common::repair_outbox(&desk);
    pipe_expect(&desk, &raw, 0);
    pipe_expect(&desk, &raw, 0);
    let t = only_ticket(&api);
    let queued = outbox(&desk);
    assert_eq!(queued.len(), 1, "{queued:?}");
    assert!(queued[0].1.starts_with(&format!("[#{}]", number_of(&t))));
}

#[test]
fn unparseable_input_exits_65_and_stores_nothing() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let stderr = pipe_expect(&desk, &corpus("unparseable.eml", None), 65);
    assert!(stderr.contains("not an RFC 5322 message"), "{stderr}");
    pipe_expect(&desk, b"", 65);
    // Refused before any database is opened or created.
    let fresh = desk.dir.path().join("never").join("desk.db");
    let out = support::pipe_db(&fresh, &corpus("unparseable.eml", None), &[]);
    assert_eq!(out.status.code(), Some(65));
    assert!(!fresh.exists());
    assert!(api.tickets().is_empty());
    assert!(outbox(&desk).is_empty());
}

#[test]
fn a_wrong_db_path_keeps_the_mail_queued_instead_of_creating_an_empty_desk() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = corpus("gmail_alternative.eml", None);
    let wrong = desk.dir.path().join("typo").join("desk.db");
    let out = support::pipe_db(&wrong, &raw, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(
        stderr.contains(&format!("no desk database at {}", wrong.display())),
        "{stderr}"
    );
    assert!(!wrong.exists() && !wrong.parent().unwrap().exists());
    // The mail server retries once the path is fixed.
    pipe_expect(&desk, &raw, 0);
    assert_eq!(only_ticket(&api)["category"], "billing");
}

#[test]
fn unknown_sender_gets_an_auto_reply_and_no_ticket() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("unauthorized.eml", None), 0);
    assert!(api.tickets().is_empty());
    let queued = outbox(&desk);
    assert_eq!(queued.len(), 1);
    let (to, _, body) = &queued[0];
    assert_eq!(to, "stranger@example.org");
    assert!(
        body.contains("contacto autorizado") && body.contains("authorized contact"),
        "{body}"
    );
}

#[test]
fn contact_writing_to_another_category_is_refused_like_a_stranger() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    api.add_martha();
    pipe_expect(&desk, &corpus("contact_wrong_category.eml", None), 0);
    assert!(api.tickets().is_empty());
    pipe_expect(&desk, &corpus("unauthorized.eml", None), 0);
    let queued = outbox(&desk);
    assert_eq!(queued.len(), 2);
    let (contact, stranger) = (&queued[0].2, &queued[1].2);
    // The refusal never lists anyone's categories, and reads the same as
    // a stranger's: it does not tell who is registered.
    assert!(!contact.contains("billing@desk.localhost"), "{contact}");
    assert!(!contact.contains("email@desk.localhost"), "{contact}");
    assert_eq!(contact, stranger);
}

#[test]
fn automatic_mail_gets_no_ticket_and_no_reply() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    for name in ["auto_reply.eml", "bounce.eml"] {
        let stderr = pipe_expect(&desk, &corpus(name, None), 0);
        assert!(stderr.contains("ignored, no reply"), "{name}: {stderr}");
    }
    assert!(api.tickets().is_empty());
    assert!(outbox(&desk).is_empty(), "never answer robots");
}

#[test]
fn an_authenticated_list_post_of_the_owner_is_filed_but_never_answered() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let stderr = pipe_expect(&desk, &corpus("mailing_list.eml", None), 0);
    assert!(stderr.contains("opened ticket"), "{stderr}");
    let tickets = api.tickets();
    assert_eq!(tickets.len(), 1);
    let subject = tickets[0]["subject"].as_str().unwrap();
    assert!(subject.contains("Cambios de precios 2025"), "{subject}");
    assert!(
        outbox(&desk).is_empty(),
        "no confirmation goes back to list mail (RFC 3834)"
    );
}

#[test]
fn null_envelope_sender_from_the_mta_is_a_bounce() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let out = pipe(&desk, &corpus("unauthorized.eml", None), &["--sender", ""]);
    assert_eq!(out.status.code(), Some(0));
    assert!(api.tickets().is_empty());
    assert!(outbox(&desk).is_empty());
}

#[test]
fn recipient_flag_chooses_the_category() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    // Postfix passes ${recipient}, perhaps rewritten to another domain.
    let out = pipe(
        &desk,
        &corpus("gmail_alternative.eml", None),
        &["--recipient", "quotes@mx.internal"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(only_ticket(&api)["category"], "quotes");
}

#[test]
fn reply_to_a_closed_ticket_is_refused_with_how_to_reopen() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let number = number_of(&only_ticket(&api));
    api.post(
        &format!("/v1/tickets/{number}/close"),
        serde_json::Value::Null,
    );
    pipe_expect(&desk, &corpus("outlook_reply.eml", Some(number)), 0);
    let t = api.ticket(number as u64);
    assert_eq!(t["status"], "closed");
    let kinds: Vec<&str> = t["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["message", "event"],
        "nothing appended after the close"
    );
    let queued = outbox(&desk);
    let refusal = queued.last().unwrap();
    assert!(refusal.1.contains(&format!("[#{number}]")), "{refusal:?}");
    assert!(
        refusal.2.contains(&format!("ecolo ticket reopen {number}")),
        "{}",
        refusal.2
    );
}

#[test]
fn reply_to_someone_elses_ticket_is_refused_without_saying_it_exists() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let number = number_of(&only_ticket(&api));
    // Martha may use billing, but the ticket is the owner's... and Martha is
    // not yet a contact: an unknown address.
    let raw = corpus("reply_quoted_es.eml", Some(number));
    pipe_expect(&desk, &raw, 0);
    assert_eq!(
        api.ticket(number as u64)["messages"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let body = outbox(&desk).last().unwrap().2.clone();
    assert!(
        body.contains(&format!("No encontramos el ticket #{number}")),
        "{body}"
    );
}

#[test]
fn locked_database_exits_75_and_the_retry_stores_the_mail() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = corpus("gmail_alternative.eml", None);
    {
        let lock = rusqlite::Connection::open(desk.db()).unwrap();
        lock.execute_batch("BEGIN EXCLUSIVE").unwrap();
        let stderr = pipe_expect(&desk, &raw, 75);
        assert!(stderr.contains("temporary failure"), "{stderr}");
        lock.execute_batch("ROLLBACK").unwrap();
    }
    assert!(api.tickets().is_empty());
    pipe_expect(&desk, &raw, 0);
    assert_eq!(only_ticket(&api)["messages"].as_array().unwrap().len(), 1);
}

#[test]
fn a_flood_from_one_address_gets_a_few_auto_replies_not_one_each() {
    let desk = Desk::start();
    let raw = String::from_utf8(corpus("unauthorized.eml", None)).unwrap();
    for i in 0..7 {
        let mail = raw.replace(
            "<stranger-0001@example.org>",
            &format!("<stranger-{i}@example.org>"),
        );
        pipe_expect(&desk, mail.as_bytes(), 0);
    }
    let queued = outbox(&desk);
    assert_eq!(
        queued.len(),
        5,
        "at most 5 auto-replies per address per hour"
    );
    assert!(queued.iter().all(|(to, _, _)| to == "stranger@example.org"));
}

#[test]
fn exchange_suppression_header_files_the_mail_but_sends_no_auto_reply() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let suppress = |name: &str| {
        let raw = String::from_utf8(corpus(name, None)).unwrap();
        format!("X-Auto-Response-Suppress: All\r\n{raw}")
    };
    pipe_expect(&desk, suppress("gmail_alternative.eml").as_bytes(), 0);
    pipe_expect(&desk, suppress("unauthorized.eml").as_bytes(), 0);
    assert_eq!(only_ticket(&api)["category"], "billing");
    assert!(outbox(&desk).is_empty(), "no confirmation, no refusal");
}

#[test]
fn a_reply_whose_subject_lost_the_tag_threads_by_its_references() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let number = number_of(&only_ticket(&api));
    let raw = String::from_utf8(corpus("outlook_reply.eml", Some(number))).unwrap();
    let untagged = raw.replace(&format!("Subject: RE: [#{number}] "), "Subject: RE: ");
    assert_ne!(raw, untagged);
    pipe_expect(&desk, untagged.as_bytes(), 0);
    let t = only_ticket(&api);
    assert_eq!(
        t["messages"].as_array().unwrap().len(),
        2,
        "threaded by In-Reply-To"
    );
}

#[test]
fn the_same_message_piped_twice_at_once_is_stored_once() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = String::from_utf8(corpus("attachments.eml", None)).unwrap();
    // Several rounds with distinct Message-IDs, so the two deliveries of
    // one message really overlap in some of them.
    const ROUNDS: usize = 4;
    for i in 0..ROUNDS {
        let mail = raw.replace(
            "<CAHk9fZ7attach0001@mail.gmail.com>",
            &format!("<race-{i}@mail.gmail.com>"),
        );
        for out in pipe_twice_at_once(&desk, mail.as_bytes()) {
            assert_eq!(
                out.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let tickets = api.tickets();
    assert_eq!(tickets.len(), ROUNDS, "one ticket per message");
    for t in &tickets {
        let t = api.ticket(t["number"].as_u64().unwrap());
        let messages = t["messages"].as_array().unwrap();
        assert_eq!(messages.len(), 1);
        assert_eq!(messages[0]["attachments"].as_array().unwrap().len(), 2);
    }
    assert_eq!(outbox(&desk).len(), ROUNDS, "one confirmation per ticket");

    // A reply delivered twice at once is appended once.
    let number = number_of(&tickets[0]);
    let reply = corpus("outlook_reply.eml", Some(number));
    for out in pipe_twice_at_once(&desk, &reply) {
        assert_eq!(out.status.code(), Some(0));
    }
    let messages = api.ticket(number as u64)["messages"].clone();
    assert_eq!(messages.as_array().unwrap().len(), 2, "{messages:#}");
}

#[test]
fn every_kind_of_automatic_mail_is_ignored_alone() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    // Each header alone would turn this unknown sender's mail (which gets a
    // refusal otherwise, see above) into mail that must never be answered.
    let raw = String::from_utf8(corpus("unauthorized.eml", None)).unwrap();
    let headers = [
        "Auto-Submitted: auto-generated",
        "Auto-Submitted: auto-replied; owner-email=\"x@example.org\"",
        "Precedence: bulk",
        "Precedence: junk",
        "Return-Path: <>",
        "X-Autoreply: yes",
        "X-Loop: desk.localhost",
    ];
    for (i, header) in headers.iter().enumerate() {
        let mail = raw.replace(
            "<stranger-0001@example.org>",
            &format!("<robot-{i}@example.org>"),
        );
        let stderr = pipe_expect(&desk, format!("{header}\r\n{mail}").as_bytes(), 0);
        assert!(stderr.contains("ignored, no reply"), "{header}: {stderr}");
    }
    // A list is not a robot, but its mail is never answered: the same
    // stranger's post through a list is refused without the refusal.
    let list_headers = [
        "Precedence: list",
        "List-Id: <announce.example.org>",
        "List-Unsubscribe: <mailto:leave@example.org>",
        "List-Post: <mailto:announce@example.org>",
        "List-Archive: <https://lists.example.org/announce/>",
        "Mailing-List: contact announce-help@example.org",
    ];
    for (i, header) in list_headers.iter().enumerate() {
        let mail = raw.replace(
            "<stranger-0001@example.org>",
            &format!("<list-{i}@example.org>"),
        );
        let stderr = pipe_expect(&desk, format!("{header}\r\n{mail}").as_bytes(), 0);
        assert!(stderr.contains("refused"), "{header}: {stderr}");
        assert!(outbox(&desk).is_empty(), "{header}: answered a list");
    }
    // The null sender as the MTA passes it: empty, `<>`, or Postfix's
    // `${sender}` expansion of it, MAILER-DAEMON.
    for sender in ["", "<>", "MAILER-DAEMON"] {
        let out = pipe(
            &desk,
            &corpus("unauthorized.eml", None),
            &["--sender", sender],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(stderr.contains("ignored, no reply"), "{sender:?}: {stderr}");
    }
    // A bounce without the usual headers: From MAILER-DAEMON or postmaster,
    // or a multipart/report.
    for from in ["MAILER-DAEMON@mx.example.org", "postmaster@example.org"] {
        let mail = raw
            .replace("Mallory Stranger <stranger@example.org>", from)
            .replace("stranger-0001", &format!("daemon-{from}"));
        let stderr = pipe_expect(&desk, mail.as_bytes(), 0);
        assert!(stderr.contains("ignored, no reply"), "{from}: {stderr}");
    }
    let report = raw
        .replace(
            "Content-Type: text/plain; charset=utf-8",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
        )
        .replace("stranger-0001", "report-1")
        .replace(
            "Devuélvanme el dinero.",
            "--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--b--",
        );
    let stderr = pipe_expect(&desk, report.as_bytes(), 0);
    assert!(stderr.contains("ignored, no reply"), "{stderr}");

    assert!(api.tickets().is_empty());
    assert!(outbox(&desk).is_empty(), "no auto-reply to any of them");
    // Auto-Submitted: no is a person's mail: it is answered.
    pipe_expect(&desk, format!("Auto-Submitted: no\r\n{raw}").as_bytes(), 0);
    assert_eq!(outbox(&desk).len(), 1);
}

#[test]
fn windows_1252_mail_keeps_its_quotes_dashes_and_euro_signs() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("outlook_cp1252.eml", None), 0);
    let t = only_ticket(&api);
    assert_eq!(t["subject"], "Cargo doble “Hosting Básico” – 12,50 €");
    assert_eq!(
        t["messages"][0]["body"],
        "Hola:\n\nEl cargo de “Hosting Básico” aparece dos veces – 2 × 12,50 €.\n\
         ¿Pueden devolver uno?\n\nOlga"
    );
}

#[test]
fn a_latin1_labelled_outlook_web_reply_is_read_as_windows_1252_and_its_quote_cut() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let number = number_of(&only_ticket(&api));
    desk.staff_reply(&number.to_string(), "Could you send us the receipt?");
    pipe_expect(
        &desk,
        &corpus("outlook_web_reply_latin1.eml", Some(number)),
        0,
    );
    let messages = only_ticket(&api)["messages"].clone();
    assert_eq!(
        messages[2]["body"],
        "Thanks – I’ve uploaded the “receipt” to the portal."
    );
}

#[test]
fn thunderbird_flowed_reply_loses_signature_and_quote() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    api.add_martha();
    pipe_expect(&desk, &corpus("thunderbird_flowed.eml", None), 0);
    let number = number_of(&only_ticket(&api));
    desk.staff_reply(&number.to_string(), "The account is ready.");
    pipe_expect(
        &desk,
        &corpus("thunderbird_reply_flowed.eml", Some(number)),
        0,
    );
    let t = only_ticket(&api);
    assert_eq!(t["status"], "customer-reply");
    assert_eq!(
        t["messages"][2]["body"],
        "Thanks, the mailbox works now. Could you also raise its quota to 5 GB when you have a moment?"
    );
    assert_eq!(t["messages"][2]["author"]["email"], "martha@example.com");
}

#[test]
fn forwarded_and_replied_prefixes_leave_the_new_tickets_subject() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let raw = String::from_utf8(corpus("gmail_alternative.eml", None)).unwrap();
    let forwarded = raw.replace(
        "Subject: Cobro duplicado",
        "Subject: RV: Fwd: RE: Cobro duplicado",
    );
    assert_ne!(raw, forwarded);
    pipe_expect(&desk, forwarded.as_bytes(), 0);
    assert_eq!(
        only_ticket(&api)["subject"],
        "Cobro duplicado en la factura de marzo"
    );
}

#[test]
fn outlook_html_only_reply_keeps_only_the_answer() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let number = number_of(&only_ticket(&api));
    desk.staff_reply(&number.to_string(), "Falta pagar la diferencia.");
    pipe_expect(&desk, &corpus("outlook_html_reply_es.eml", Some(number)), 0);
    let t = only_ticket(&api);
    assert_eq!(
        t["messages"][2]["body"],
        "Listo, ya pagué la diferencia.\n\nSaludos,\nOlga"
    );
}

#[test]
fn a_contact_may_not_reply_by_mail_outside_their_categories() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    api.post(
        "/v1/contacts",
        serde_json::json!({"email": "martha@example.com", "name": "Martha Gómez", "categories": ["quotes"]}),
    );
    pipe_expect(&desk, &corpus("gmail_alternative.eml", None), 0);
    let number = number_of(&only_ticket(&api));
    // The owner's billing ticket; Martha may only use quotes.
    pipe_expect(&desk, &corpus("reply_quoted_es.eml", Some(number)), 0);
    assert_eq!(
        api.ticket(number as u64)["messages"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "nothing appended"
    );
    let (to, _, body) = outbox(&desk).last().unwrap().clone();
    assert_eq!(to, "martha@example.com");
    assert!(
        body.contains(&format!("No encontramos el ticket #{number}"))
            && body.contains(&format!("We found no ticket #{number}")),
        "{body}"
    );

    // Once allowed in billing, the same mail is appended.
    api.patch(
        "/v1/contacts/martha@example.com",
        serde_json::json!({"add_categories": ["billing"]}),
    );
    pipe_expect(&desk, &corpus("reply_quoted_es.eml", Some(number)), 0);
    let messages = api.ticket(number as u64)["messages"].clone();
    assert_eq!(messages.as_array().unwrap().len(), 2, "{messages:#}");
    assert_eq!(messages[1]["author"]["role"], "contact");
}

#[test]
fn a_removed_contacts_mail_opens_nothing() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    api.add_martha();
    api.delete("/v1/contacts/martha@example.com");
    pipe_expect(&desk, &corpus("thunderbird_flowed.eml", None), 0);
    assert!(api.tickets().is_empty());
    let queued = outbox(&desk);
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].0, "martha@example.com");
    assert!(
        queued[0].2.contains("authorized contact"),
        "{}",
        queued[0].2
    );
}

#[test]
fn an_owner_on_the_desks_own_domain_is_served_but_the_desks_addresses_are_not() {
    // An in-house desk: intake addresses and the owner share example.com.
    let desk = Desk::start_with(&["--mail-domain", "example.com"]);
    let api = Api::owner(&desk);
    let raw = String::from_utf8(corpus("gmail_alternative.eml", None))
        .unwrap()
        .replace("billing@desk.localhost", "billing@example.com");
    let out = pipe(&desk, raw.as_bytes(), &["--mail-domain", "example.com"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("opened ticket"), "{stderr}");
    assert_eq!(only_ticket(&api)["category"], "billing");

    // Mail from an intake address or the support address (the desk's own,
    // forwarded back) is never answered.
    for from in ["quotes@example.com", "support@example.com"] {
        let mail = String::from_utf8(corpus("unauthorized.eml", None))
            .unwrap()
            .replace("stranger@example.org", from)
            .replace("stranger-0001", &format!("own-{from}"))
            .replace("billing@desk.localhost", "billing@example.com");
        let out = pipe(&desk, mail.as_bytes(), &["--mail-domain", "example.com"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(stderr.contains("ignored, no reply"), "{from}: {stderr}");
    }
    assert_eq!(api.tickets().len(), 1);
    assert_eq!(outbox(&desk).len(), 1, "only the owner's confirmation");
}

#[test]
fn a_contact_of_two_accounts_is_not_guessed_into_one_of_them() {
    let desk = Desk::start();
    let api = Api::owner(&desk);
    let other = Api::new_account(&desk, "boss@other.example", "Other Co");
    api.add_martha(); // billing and email
    other.post(
        "/v1/contacts",
        serde_json::json!({"email": "martha@example.com", "name": "Martha", "categories": ["email", "quotes"]}),
    );
    // Both accounts allow Martha in `email`: which customer is it for?
    pipe_expect(&desk, &corpus("thunderbird_flowed.eml", None), 0);
    assert!(api.tickets().is_empty() && other.tickets().is_empty());
    let (to, _, body) = outbox(&desk).last().unwrap().clone();
    assert_eq!(to, "martha@example.com");
    assert!(
        // Martha is known (Spanish): her language only.
        body.contains("varias cuentas") && !body.contains("several accounts"),
        "{body}"
    );
    // Only the first account allows her in billing: no doubt there.
    let billing = String::from_utf8(corpus("thunderbird_flowed.eml", None))
        .unwrap()
        .replace("To: email@desk.localhost", "To: billing@desk.localhost");
    pipe_expect(&desk, billing.as_bytes(), 0);
    assert_eq!(only_ticket(&api)["category"], "billing");
    assert!(other.tickets().is_empty());
}
