//! The support team's mail end to end: a real desk delivering its outbox to
//! a real SMTP server (tests/mail/support.rs), and `ecolo-desk pipe`. Agents
//! of a ticket's category (only the assignee once assigned) hear of new
//! tickets and customer replies, never an agent outside the category; an
//! agent's e-mail reply is a staff answer (`#note`: an internal note, never
//! mailed to the customer) when it is proven to come from the agent (the
//! agent's signed reply address, or authentication), never on a tag and a
//! From alone; closing and auto-closing mail the requester how to reopen.
//! Every mail about a ticket carries the reply address signed for its one
//! recipient.

mod common;
mod desk_common;
#[path = "mail/support.rs"]
mod support;

use common::{code, stderr, Desk, OWNER_EMAIL};
use desk_common::{expect, number, Api};
use mail_parser::MimeHeaders;
use reqwest::Method;
use serde_json::json;
use support::{outbox_count, pipe_as_received, pipe_expect, Received, SmtpSink, MX};

const LAURA: &str = "laura@support.example";
const BEA: &str = "bea@support.example";
const CARL: &str = "carl@support.example";
const PW: &str = "agent password 1";

/// A desk delivering to `sink`, with Laura (all categories), Bea (billing)
/// and Carl (email only).
fn desk_with_team(sink: &SmtpSink) -> Desk {
    let desk = Desk::start_with(&["--smtp-url", &sink.url(), "--outbox-retry-ms", "100"]);
    desk.add_agent(LAURA, "Laura Gómez", PW, &[]);
    desk.add_agent(BEA, "Bea Billing", PW, &["billing"]);
    desk.add_agent(CARL, "Carl Mail", PW, &["email"]);
    desk
}

fn to(mails: &[Received], addr: &str) -> Vec<Received> {
    mails
        .iter()
        .filter(|m| m.rcpt_to.iter().any(|r| r == addr))
        .cloned()
        .collect()
}

/// An agent's (or anyone's) mail answering ticket `n`.
fn reply_mail(from: &str, n: u64, id: &str, text: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: billing@desk.localhost\r\nSubject: Re: [#{n}] Double charge\r\n\
         Message-ID: <{id}@support.example>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n"
    )
    .into_bytes()
}

#[test]
fn agents_of_the_category_hear_of_new_tickets_then_only_the_assignee() {
    let sink = SmtpSink::start();
    let desk = desk_with_team(&sink);
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "Double charge"));
    let tag = format!("[#{n}]");

    // The confirmation to the owner, a notice to Laura and to Bea.
    let mails = sink.wait_for(3);
    assert_eq!(to(&mails, OWNER_EMAIL).len(), 1);
    // Each recipient's reply address is their own.
    let addresses: std::collections::BTreeSet<String> = [OWNER_EMAIL, LAURA, BEA]
        .iter()
        .map(|r| to(&mails, r)[0].header("Reply-To").unwrap())
        .collect();
    assert_eq!(addresses.len(), 3, "{addresses:?}");
    for agent in [LAURA, BEA] {
        let notice = to(&mails, agent);
        assert_eq!(notice.len(), 1, "{agent}");
        assert_eq!(notice[0].subject(), format!("{tag} Double charge"));
        let reply_to = notice[0].header("Reply-To").unwrap();
        assert!(
            reply_to.starts_with(&format!("billing+{n}.")) && reply_to.ends_with("@desk.localhost"),
            "signed for {agent}: {reply_to}"
        );
        let text = notice[0].text();
        assert!(
            text.contains("Ticket nuevo") && text.contains("Olga Owner"),
            "{text}"
        );
        assert!(text.contains("#note"), "says how to write a note: {text}");
    }

    // Assigned to Bea: the customer's reply goes to her only.
    let bea = desk.login_token(BEA, PW);
    expect(
        api.call(
            Method::PUT,
            &format!("/v1/tickets/{n}/assignee"),
            Some(&bea),
            Some(&json!({"assignee": "@me"})),
        ),
        200,
    );
    expect(
        api.post(
            &format!("/v1/tickets/{n}/messages"),
            &owner,
            &json!({"message": "Any news?"}),
        ),
        201,
    );
    let mails = sink.wait_for(4);
    let last = mails.last().unwrap();
    assert_eq!(last.rcpt_to, [BEA]);
    assert!(last.text().contains("Any news?"));
    // What was not sent is read from the outbox, which each change fills
    // before it answers: an SMTP sink can only say what arrived so far.
    assert_eq!(
        outbox_count(&desk.db(), &format!("to_addr LIKE '%{LAURA}%'")),
        1,
        "Laura only got the first notice"
    );
    // Never anything about a billing ticket to the email-only agent.
    assert_eq!(
        outbox_count(&desk.db(), &format!("to_addr LIKE '%{CARL}%'")),
        0
    );
}

#[test]
fn an_agents_mail_reply_is_a_staff_answer_and_note_stays_internal() {
    let sink = SmtpSink::start();
    let desk = desk_with_team(&sink);
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "Double charge"));
    sink.wait_for(3);

    let said = pipe_expect(
        &desk,
        &reply_mail(
            "Bea Billing <bea@support.example>",
            n,
            "note-1",
            "#note\nzebracode: check the card first",
        ),
        0,
    );
    assert!(said.contains("internal note"), "{said}");
    let said = pipe_expect(
        &desk,
        &reply_mail(
            "Bea Billing <bea@support.example>",
            n,
            "answer-1",
            "Refund issued today.",
        ),
        0,
    );
    assert!(said.contains("agent's answer"), "{said}");

    let seen = api.get_ok(&format!("/v1/tickets/{n}"), &owner);
    assert_eq!(seen["status"], "answered");
    assert!(!seen.to_string().contains("zebracode"), "{seen}");
    let answer = seen["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(answer["body"], "Refund issued today.");
    assert_eq!(answer["author"]["name"], "Bea Billing");
    assert_eq!(answer["channel"], "email");
    // Filed because the receiving server authenticated it.
    assert_eq!(answer["verified"], "dkim");
    let laura = desk.login_token(LAURA, PW);
    let agent_view = api.get_ok(&format!("/v1/tickets/{n}"), &laura);
    let note = &agent_view["messages"][1];
    assert_eq!(note["kind"], "note");
    assert_eq!(note["body"], "zebracode: check the card first");

    // The requester gets the answer, signed, and never the note.
    let mails = sink.wait_for(4);
    let to_owner = to(&mails, OWNER_EMAIL);
    assert_eq!(to_owner.len(), 2, "confirmation and answer");
    let text = to_owner[1].text();
    assert!(
        text.contains("Bea Billing (soporte)") && text.contains("Refund issued today."),
        "{text}"
    );
    assert!(mails.iter().all(|m| !m.text().contains("zebracode")));
    // The outbox holds mail as text (the answer is found there), and no
    // mail to anyone holds the note.
    assert_eq!(
        outbox_count(&desk.db(), "body LIKE '%Refund issued today.%'"),
        1
    );
    assert_eq!(
        outbox_count(&desk.db(), "body LIKE '%zebracode%'"),
        0,
        "the note is mailed to nobody"
    );

    // An agent outside the category is refused like an unknown ticket.
    pipe_expect(
        &desk,
        &reply_mail("Carl Mail <carl@support.example>", n, "carl-1", "Not mine."),
        0,
    );
    let seen = api.get_ok(&format!("/v1/tickets/{n}"), &laura);
    assert!(!seen.to_string().contains("Not mine."));
}

#[test]
fn closing_and_auto_closing_mail_the_requester_how_to_reopen() {
    let sink = SmtpSink::start();
    let desk = desk_with_team(&sink);
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let first = number(&api.open_ticket(&owner, "email", "Mailbox full"));
    let second = number(&api.open_ticket(&owner, "email", "Spam filter"));
    sink.wait_for(6);
    let laura = desk.login_token(LAURA, PW);
    expect(
        api.post(
            &format!("/v1/tickets/{first}/close"),
            &laura,
            &json!({"message": "We raised your quota."}),
        ),
        200,
    );
    let mails = sink.wait_for(7);
    let notice = mails.last().unwrap();
    assert_eq!(notice.rcpt_to, [OWNER_EMAIL]);
    let text = notice.text();
    assert!(text.contains("We raised your quota."), "{text}");
    assert!(
        text.contains(&format!("ecolo ticket reopen {first}")),
        "{text}"
    );
    assert!(text.contains("fue cerrado por Laura Gómez"), "{text}");
    let reply_to = notice.header("Reply-To").unwrap();
    assert!(
        reply_to.starts_with(&format!("email+{first}.")),
        "{reply_to}"
    );

    // Answered, and no customer reply since: one pass closes it.
    let out = desk.admin(
        &["staff", "reply", &second.to_string(), "-m", "Whitelisted."],
        "",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    sink.wait_for(8);
    let out = desk.admin(&["tickets", "auto-close", "--after", "0s"], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(support_text(&out).contains(&second.to_string()));
    let t = api.get_ok(&format!("/v1/tickets/{second}"), &owner);
    assert_eq!(t["status"], "closed");
    let last = t["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "event");
    assert_eq!(last["author"]["role"], "desk");
    assert!(last["body"]
        .as_str()
        .unwrap()
        .starts_with("closed by the desk after"));
    let mails = sink.wait_for(9);
    let notice = mails.last().unwrap();
    assert_eq!(notice.rcpt_to, [OWNER_EMAIL]);
    let text = notice.text();
    assert!(text.contains("se cerró automáticamente tras"), "{text}");
    assert!(
        text.contains(&format!("ecolo ticket reopen {second}")),
        "{text}"
    );
    // A second pass closes nothing more.
    let out = desk.admin(&["tickets", "auto-close", "--after", "0s"], "");
    assert!(support_text(&out).contains("nothing closed"));
}

#[test]
fn a_running_serve_auto_closes_by_itself() {
    let sink = SmtpSink::start();
    let desk = Desk::start_with(&[
        "--smtp-url",
        &sink.url(),
        "--outbox-retry-ms",
        "100",
        "--auto-close-after",
        "1s",
    ]);
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "other", "Question")).to_string();
    desk.staff_reply(&n, "Answered.");
    support::eventually("the desk closes the answered ticket", || {
        api.get_ok(&format!("/v1/tickets/{n}"), &owner)["status"] == "closed"
    });
    let mails = sink.wait_for(3);
    assert!(mails
        .last()
        .unwrap()
        .text()
        .contains("se cerró automáticamente tras"));
}

fn support_text(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_staff_answer_reaches_the_requester_with_its_files() {
    let sink = SmtpSink::start();
    let desk = desk_with_team(&sink);
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "Double charge"));
    sink.wait_for(3);
    let bea = desk.login_token(BEA, PW);
    let file = api.upload_id(&bea, "credit-note.txt", "CREDIT NOTE 42");
    expect(
        api.post(
            &format!("/v1/tickets/{n}/messages"),
            &bea,
            &json!({"message": "Here is the credit note.", "attachments": [file]}),
        ),
        201,
    );
    let mails = sink.wait_for(4);
    let answer = to(&mails, OWNER_EMAIL).pop().unwrap();
    let parsed = mail_parser::MessageParser::default()
        .parse(answer.data.as_bytes())
        .unwrap();
    assert!(parsed
        .body_text(0)
        .unwrap()
        .contains("Here is the credit note."));
    let files: Vec<(String, Vec<u8>)> = parsed
        .attachments()
        .map(|a| {
            (
                a.attachment_name().unwrap_or_default().to_string(),
                a.contents().to_vec(),
            )
        })
        .collect();
    assert_eq!(
        files,
        [("credit-note.txt".to_string(), b"CREDIT NOTE 42".to_vec())]
    );
    assert!(
        !answer.data.contains(super_secret_header()),
        "internal header never sent"
    );
    // The customer downloads what the agent attached.
    let bytes = api.get(&format!("/v1/attachments/{file}"), &owner);
    assert_eq!(bytes.status(), 200);
}

fn super_secret_header() -> &'static str {
    "X-Ecolo-Attach"
}

#[test]
fn a_disabled_accounts_mail_opens_nothing() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    desk.add_agent(LAURA, "Laura Gómez", PW, &[]);
    let laura = desk.login_token(LAURA, PW);
    let out = desk.admin(&["account", "disable", OWNER_EMAIL], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let said = pipe_expect(&desk, &support::corpus("gmail_alternative.eml", None), 0);
    assert!(said.contains("refused"), "{said}");
    let all = api.get_ok("/v1/tickets?status=all", &laura);
    assert_eq!(all["items"], json!([]));
    // Enabled again, the same address files tickets as before.
    desk.admin(&["account", "enable", OWNER_EMAIL], "");
    let said = pipe_expect(&desk, &support::corpus("gmail_alternative.eml", None), 0);
    assert!(said.contains("opened ticket"), "{said}");
}

#[test]
fn serve_catches_up_on_mail_a_failed_render_left() {
    let sink = SmtpSink::start();
    let desk = Desk::start_with(&["--smtp-url", &sink.url(), "--outbox-retry-ms", "100"]);
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "other", "Question")).to_string();
    sink.wait_for(1);
    // The answer commits with its event, but its mail cannot be rendered
    // (a full disk), as if the command had crashed right after the commit.
    desk_common::break_outbox(&desk);
    let out = desk.admin(
        &[
            "staff",
            "reply",
            &n,
            "-m",
            "Answered while the disk was full.",
        ],
        "",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(outbox_count(&desk.db(), "1"), 1);
    // Nobody runs anything else: serve's outbox worker renders and sends it.
    desk_common::repair_outbox(&desk);
    let mails = sink.wait_for(2);
    assert!(mails[1]
        .text()
        .contains("Answered while the disk was full."));
    assert_eq!(outbox_count(&desk.db(), "1"), 2, "rendered once");
}

/// `raw` as the receiving server passes on mail it could not authenticate
/// (a forged From): its verdict on top, which `pipe` trusts.
fn unauthenticated(raw: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "Authentication-Results: {MX}; dkim=none; spf=fail smtp.mailfrom=support.example; \
         dmarc=fail header.from=support.example\r\n"
    )
    .into_bytes();
    out.extend_from_slice(raw);
    out
}

/// Pipes `raw` exactly (no verdict added), trusting the tests' MX, with
/// `--recipient` when given; asserts exit 0 and returns stderr.
fn pipe_unauthenticated(desk: &Desk, raw: &[u8], recipient: Option<&str>) -> String {
    let mut args = vec!["--trust-auth-results", MX];
    if let Some(r) = recipient {
        args.extend(["--recipient", r]);
    }
    let out = pipe_as_received(desk, &unauthenticated(raw), &args);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{said}");
    said
}

/// A mail from `from` to `to_addr`, with `subject`.
fn mail_to(from: &str, to_addr: &str, subject: &str, id: &str, text: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to_addr}\r\nSubject: {subject}\r\n\
         Message-ID: <{id}@support.example>\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n"
    )
    .into_bytes()
}

#[test]
fn an_agents_forged_tagged_reply_files_nothing_and_mails_nobody() {
    let sink = SmtpSink::start();
    let desk = desk_with_team(&sink);
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "Double charge"));
    let mails = sink.wait_for(3);
    let laura = desk.login_token(LAURA, PW);
    let before = api.get_ok(&format!("/v1/tickets/{n}"), &laura);

    // A tag and Bea's From, unauthenticated: an answer and a note forged.
    for (id, text) in [
        ("forged-1", "Refund refused, pay again."),
        ("forged-2", "#note\nforged internal note"),
    ] {
        let said = pipe_unauthenticated(
            &desk,
            &reply_mail("Bea Billing <bea@support.example>", n, id, text),
            None,
        );
        assert!(said.contains("not filed, no reply"), "{said}");
    }
    // Bea's signed address with Laura's From is no address of Laura's.
    let bea_address = to(&mails, BEA)[0].header("Reply-To").unwrap();
    let said = pipe_unauthenticated(
        &desk,
        &mail_to(
            "Laura Gómez <laura@support.example>",
            &bea_address,
            "Re: Double charge",
            "forged-3",
            "Refund refused, pay again.",
        ),
        Some(&bea_address),
    );
    assert!(said.contains("not filed, no reply"), "{said}");

    let after = api.get_ok(&format!("/v1/tickets/{n}"), &laura);
    assert_eq!(after["messages"], before["messages"], "nothing filed");
    assert_eq!(after["status"], "open");
    // No refusal, no answer to the customer: nothing queued since.
    assert_eq!(outbox_count(&desk.db(), "1"), 3);
    assert_eq!(sink.received().len(), 3);
}

#[test]
fn an_agents_reply_to_its_signed_address_is_a_staff_answer() {
    let sink = SmtpSink::start();
    let desk = desk_with_team(&sink);
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "Double charge"));
    let mails = sink.wait_for(3);
    let bea_address = to(&mails, BEA)[0].header("Reply-To").unwrap();
    let owner_address = to(&mails, OWNER_EMAIL)[0].header("Reply-To").unwrap();

    // Bea's domain signs nothing: her answer to her own address, no tag.
    let said = pipe_unauthenticated(
        &desk,
        &mail_to(
            "Bea Billing <bea@support.example>",
            &bea_address,
            "Re: Double charge",
            "signed-1",
            "Refund issued today.",
        ),
        Some(&bea_address),
    );
    assert!(
        said.contains(&format!("added the agent's answer to ticket {n}")),
        "{said}"
    );
    let seen = api.get_ok(&format!("/v1/tickets/{n}"), &owner);
    assert_eq!(seen["status"], "answered");
    let answer = seen["messages"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(answer["body"], "Refund issued today.");
    assert_eq!(answer["author"]["name"], "Bea Billing");
    assert_eq!(answer["author"]["role"], "staff");
    assert_eq!(answer["verified"], "reply-address");

    // The requester gets it, with the owner's own signed address.
    let mails = sink.wait_for(4);
    let to_owner = to(&mails, OWNER_EMAIL);
    assert_eq!(to_owner.len(), 2, "confirmation and answer");
    assert!(to_owner[1].text().contains("Refund issued today."));
    assert_eq!(
        to_owner[1].header("Reply-To").as_deref(),
        Some(owner_address.as_str())
    );
}
