//! Issue 12 at the desk: every account, contact and agent has a language,
//! and the mail a known person gets is in that language only, delivered by
//! the real `serve` to a real SMTP server this test runs. Strangers still
//! get both languages. The defaults come from `serve --language`, kept in
//! the database so the admin commands beside it use it too.

mod common;
#[path = "mail/support.rs"]
mod support;

use serde_json::{json, Value};

use common::{code, stderr, stdout, Desk, OWNER_EMAIL};
use support::{corpus, pipe_expect, Api, Received, SmtpSink};

fn desk_with_relay(sink: &SmtpSink, extra: &[&str]) -> Desk {
    let url = sink.url();
    let mut args = vec!["--smtp-url", url.as_str(), "--outbox-retry-ms", "100"];
    args.extend_from_slice(extra);
    Desk::start_with(&args)
}

/// The mails received so far for `addr`, once there are `n` in all.
fn to(sink: &SmtpSink, n: usize, addr: &str) -> Vec<Received> {
    sink.wait_for(n)
        .into_iter()
        .filter(|m| m.rcpt_to.iter().any(|r| r == addr))
        .collect()
}

/// An HTTP call with `token`; asserts a 2xx and answers the JSON.
fn call(desk: &Desk, token: &str, method: reqwest::Method, path: &str, body: Value) -> Value {
    let resp = reqwest::blocking::Client::new()
        .request(method, format!("{}{path}", desk.url))
        .bearer_auth(token)
        .json(&body)
        .send()
        .unwrap();
    assert!(resp.status().is_success(), "{path}: {}", resp.status());
    resp.json().unwrap()
}

fn accounts(desk: &Desk) -> Value {
    let out = desk.admin(&["account", "list", "--json"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn a_spanish_account_reads_spanish_an_english_contact_english_a_stranger_both() {
    let sink = SmtpSink::start();
    let desk = desk_with_relay(&sink, &[]);
    let api = Api::owner(&desk);
    // The owner's account has the desk's default language, Spanish.
    assert_eq!(accounts(&desk)[0]["language"], "es");
    assert_eq!(api.get("/v1/me")["language"], "es");

    // A contact without a language gets the account's; Ed asks for English.
    let martha = api.post(
        "/v1/contacts",
        json!({"email": "martha@example.com", "name": "Martha", "categories": ["billing"]}),
    );
    assert_eq!(martha["language"], "es");
    let ed = api.post(
        "/v1/contacts",
        json!({"email": "ed@example.com", "name": "Ed", "categories": ["billing"], "language": "en"}),
    );
    assert_eq!(ed["language"], "en");

    // The owner's ticket: the confirmation in Spanish only.
    let n = api.open_ticket("billing", "Factura duplicada", "Me cobraron dos veces.");
    let mine = to(&sink, 1, OWNER_EMAIL);
    let text = mine[0].text();
    assert!(
        text.contains(&format!("Recibimos su ticket #{n} en Pagos y Cobranza")),
        "{text}"
    );
    assert!(
        !text.contains("We received") && !text.contains("Billing Issues"),
        "{text}"
    );

    // Ed's ticket (through a token bound to him): English only, and the
    // answer and the closing notice too.
    let token = api.post(
        "/v1/tokens",
        json!({"name": "ed-laptop", "contact": "ed@example.com"}),
    )["token"]
        .as_str()
        .unwrap()
        .to_string();
    let ticket = call(
        &desk,
        &token,
        reqwest::Method::POST,
        "/v1/tickets",
        json!({"category": "billing", "subject": "Invoice", "message": "Charged twice."}),
    );
    let number = ticket["number"].as_u64().unwrap().to_string();
    desk.staff_reply(&number, "Refunded.");
    to(&sink, 3, "ed@example.com");
    // The owner closes it: Ed, its requester, hears of it.
    api.post(&format!("/v1/tickets/{number}/close"), json!({}));
    let eds = to(&sink, 4, "ed@example.com");
    assert_eq!(eds.len(), 3, "{eds:#?}");
    for mail in &eds {
        let text = mail.text();
        assert!(
            !text.contains("Recibimos") && !text.contains("soporte"),
            "{text}"
        );
        assert!(
            !text.contains("----\n\n"),
            "one language, no second half: {text}"
        );
    }
    assert!(eds[0].text().contains("We received your ticket"));
    assert!(eds[1].text().contains("(support) answered your ticket"));
    assert!(eds[2].text().contains(&format!(
        "Your ticket #{number} (Invoice) was closed by Olga Owner"
    )));

    // Someone the desk does not know: both languages.
    pipe_expect(&desk, &corpus("unauthorized.eml", None), 0);
    let stranger = to(&sink, 5, "stranger@example.org");
    let text = stranger[0].text();
    assert!(
        text.contains("no abrimos un ticket") && text.contains("no ticket was opened"),
        "{text}"
    );
}

#[test]
fn the_owner_changes_the_language_and_the_next_mail_follows() {
    let sink = SmtpSink::start();
    let desk = desk_with_relay(&sink, &[]);
    let api = Api::owner(&desk);
    let out = desk.admin(&["account", "edit", OWNER_EMAIL, "--language", "en"], "");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(accounts(&desk)[0]["language"], "en");
    assert_eq!(api.get("/v1/me")["language"], "en");
    let n = api.open_ticket("email", "Mailbox full", "It says full.");
    let text = to(&sink, 1, OWNER_EMAIL)[0].text();
    assert!(
        text.contains(&format!("We received your ticket #{n} in E-mail Problems")),
        "{text}"
    );
    assert!(!text.contains("Recibimos"), "{text}");
}

#[test]
fn each_agent_is_told_in_their_own_language() {
    let sink = SmtpSink::start();
    let desk = desk_with_relay(&sink, &[]);
    let pw = "agent's long passphrase\n";
    for (email, name, lang) in [
        ("laura@support.example", "Laura", "es"),
        ("sam@support.example", "Sam", "en"),
    ] {
        let out = desk.admin(
            &[
                "staff",
                "add",
                "--email",
                email,
                "--name",
                name,
                "--password-stdin",
                "-c",
                "billing",
                "--language",
                lang,
            ],
            pw,
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let out = desk.admin(&["staff", "list", "--json"], "");
    let agents: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(agents[0]["language"], "es");
    assert_eq!(agents[1]["language"], "en");

    let api = Api::owner(&desk);
    let n = api.open_ticket("billing", "Double charge", "Twice on the 2nd.");
    // The owner's confirmation and one notice per agent.
    let all = sink.wait_for(3);
    let text_to = |addr: &str| {
        all.iter()
            .find(|m| m.rcpt_to.iter().any(|r| r == addr))
            .unwrap_or_else(|| panic!("no mail to {addr}: {all:#?}"))
            .text()
    };
    let laura = text_to("laura@support.example");
    assert!(
        laura.contains(&format!("Ticket nuevo #{n} en billing")) && laura.contains("Cuenta:"),
        "{laura}"
    );
    assert!(!laura.contains("New ticket"), "{laura}");
    let sam = text_to("sam@support.example");
    assert!(
        sam.contains(&format!("New ticket #{n} in billing")) && sam.contains("#note"),
        "{sam}"
    );
    assert!(!sam.contains("Ticket nuevo"), "{sam}");
}

#[test]
fn serve_language_is_the_default_of_admin_commands_and_a_bad_value_names_the_flag() {
    let sink = SmtpSink::start();
    // Desk::start_with creates the owner's account after `serve` started.
    let desk = desk_with_relay(&sink, &["--language", "en"]);
    assert_eq!(accounts(&desk)[0]["language"], "en");
    let out = desk.admin(
        &[
            "account",
            "create",
            "--email",
            "ana@example.com",
            "--name",
            "Ana",
            "--password-stdin",
            "--language",
            "es",
        ],
        "ana's long passphrase\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(accounts(&desk)[1]["language"], "es");

    let out = desk.admin(
        &[
            "account",
            "create",
            "--email",
            "fr@example.com",
            "--name",
            "Fr",
            "--password-stdin",
            "--language",
            "fr",
        ],
        "a long passphrase\n",
    );
    assert_eq!(code(&out), 2, "a usage error");
    let err = stderr(&out);
    assert!(err.contains("--language") && err.contains("fr"), "{err}");
    assert!(
        err.contains("es") && err.contains("en"),
        "says what to use: {err}"
    );
    assert_eq!(
        accounts(&desk).as_array().unwrap().len(),
        2,
        "nothing created"
    );
}
