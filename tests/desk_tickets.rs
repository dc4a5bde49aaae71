//! Tickets over HTTP against the real `ecolo-desk`: categories, sessions,
//! the ticket lifecycle, listing, validation, idempotency, persistence.

mod common;
mod desk_common;

use std::collections::HashSet;
use std::sync::{Arc, Barrier};

use common::{Desk, OWNER_EMAIL, OWNER_PASSWORD};
use desk_common::{
    break_outbox, expect, expect_problem, fields, number, outbox_len, repair_outbox, ticket_routes,
    Api,
};
use reqwest::Method;
use serde_json::{json, Value};

#[test]
fn categories_are_seeded_bilingual_in_display_order() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let resp = api.call(Method::GET, "/v1/categories", None, None);
    let cats = expect(resp, 200);
    let slugs: Vec<&str> = cats
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ecolo::api::CATEGORY_SLUGS);
    let billing = &cats[1];
    assert_eq!(billing["name_es"], "Pagos y Cobranza");
    assert_eq!(billing["name_en"], "Billing Issues");
    assert!(billing["description_en"]
        .as_str()
        .unwrap()
        .contains("invoices"));
    assert!(billing["description_es"]
        .as_str()
        .unwrap()
        .contains("facturas"));
    assert_eq!(billing["intake_address"], "billing@desk.localhost");
    assert_eq!(cats[0]["name_es"], "Panel de Control");
    assert_eq!(cats[2]["name_es"], "Correo Electrónico");
}

#[test]
fn limits_follow_the_serve_flags() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let limits = expect(api.call(Method::GET, "/v1/limits", None, None), 200);
    assert_eq!(
        limits,
        json!({"max_subject_chars": 200, "max_message_bytes": 65536,
               "max_attachment_bytes": 20 * 1024 * 1024, "max_attachments_per_message": 10}),
        "the README's defaults"
    );

    let desk = Desk::start_with(&[
        "--max-attachment-bytes",
        "12345",
        "--max-attachments",
        "3",
        "--max-subject-chars",
        "10",
        "--max-message-bytes",
        "20",
    ]);
    let api = Api::new(&desk);
    let limits = expect(api.call(Method::GET, "/v1/limits", None, None), 200);
    assert_eq!(
        limits,
        json!({"max_subject_chars": 10, "max_message_bytes": 20,
               "max_attachment_bytes": 12345, "max_attachments_per_message": 3})
    );
    // And they are enforced, not just shown.
    let token = desk.owner_token();
    let p = expect_problem(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "other", "subject": "eleven char", "message": "x".repeat(21)}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["subject", "message"]);
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("10"));
    let n = number(&expect(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "other", "subject": "ten chars!", "message": "x".repeat(20)}),
        ),
        201,
    ));
    let p = expect_problem(
        api.post(
            &format!("/v1/tickets/{n}/messages"),
            &token,
            &json!({"message": "y".repeat(21)}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["message"]);
}

#[test]
fn login_me_and_logout() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let login = api.call(
        Method::POST,
        "/v1/sessions",
        None,
        Some(&json!({"email": OWNER_EMAIL, "password": OWNER_PASSWORD})),
    );
    let session = expect(login, 201);
    let token = session["token"].as_str().unwrap().to_string();
    assert!(token.starts_with("ecolo_"));
    assert_eq!(session["me"]["account_email"], OWNER_EMAIL);
    assert_eq!(session["me"]["can_manage"], true);

    let me = api.get_ok("/v1/me", &token);
    assert_eq!(me["acting_as"]["role"], "owner");
    assert_eq!(me["categories"], Value::Null);
    for scheme in ["bearer", "BEARER"] {
        let resp = api
            .req(Method::GET, "/v1/me", None)
            .header("authorization", format!("{scheme} {token}"))
            .send()
            .unwrap();
        expect(resp, 200);
    }
    let resp = api
        .req(Method::GET, "/v1/me", None)
        .header("authorization", format!("Basic {token}"))
        .send()
        .unwrap();
    expect_problem(resp, 401);

    expect(
        api.call(Method::DELETE, "/v1/sessions/current", Some(&token), None),
        204,
    );
    let problem = expect_problem(api.get("/v1/me", &token), 401);
    assert!(problem["detail"].as_str().unwrap().contains("ecolo login"));
}

/// `POST /v1/sessions` from the loopback address `from` (all of 127/8 is
/// this machine), so tests can play several clients.
fn login_from(
    desk: &Desk,
    from: [u8; 4],
    email: &str,
    password: &str,
) -> reqwest::blocking::Response {
    reqwest::blocking::Client::builder()
        .local_address(std::net::IpAddr::from(from))
        .build()
        .unwrap()
        .post(format!("{}/v1/sessions", desk.url))
        .json(&json!({"email": email, "password": password}))
        .send()
        .unwrap()
}

#[test]
fn wrong_password_and_unknown_email_answer_alike() {
    let desk = Desk::start();
    let wrong = expect_problem(login_from(&desk, [127, 0, 0, 1], OWNER_EMAIL, "nope"), 401);
    let unknown = expect_problem(
        login_from(&desk, [127, 0, 0, 1], "nobody@example.com", "nope"),
        401,
    );
    assert_eq!(wrong["detail"], unknown["detail"]);
    assert!(
        !wrong.to_string().contains("nope"),
        "the password must not be echoed"
    );
}

#[test]
fn failed_logins_are_limited_per_account_and_per_client_address() {
    let desk = Desk::start();
    desk.create_account("second@example.com", "Second", "second password");

    // Five failures for one account, from five addresses: the account
    // waits, from anywhere, even with the right password.
    for i in 0..5 {
        expect_problem(login_from(&desk, [127, 0, 1, i], OWNER_EMAIL, "guess"), 401);
    }
    let resp = login_from(&desk, [127, 0, 2, 1], OWNER_EMAIL, OWNER_PASSWORD);
    assert_eq!(resp.status().as_u16(), 429);
    let retry: u64 = resp.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 15 * 60, "{retry}");
    let p = expect_problem(resp, 429);
    assert!(p["detail"].as_str().unwrap().contains("try again"));
    // Other accounts are not affected.
    expect(
        login_from(
            &desk,
            [127, 0, 2, 1],
            "second@example.com",
            "second password",
        ),
        201,
    );

    // Five failures from one address, on five e-mails: that address waits,
    // others do not.
    for i in 0..5 {
        let email = format!("nobody{i}@example.com");
        expect_problem(login_from(&desk, [127, 0, 3, 1], &email, "guess"), 401);
    }
    expect_problem(
        login_from(
            &desk,
            [127, 0, 3, 1],
            "second@example.com",
            "second password",
        ),
        429,
    );
    expect(
        login_from(
            &desk,
            [127, 0, 3, 2],
            "second@example.com",
            "second password",
        ),
        201,
    );
}

/// `POST /v1/sessions` as a proxy on this machine would send it for `client`.
fn login_via_proxy(desk: &Desk, client: &str, email: &str, password: &str) -> u16 {
    reqwest::blocking::Client::new()
        .post(format!("{}/v1/sessions", desk.url))
        .header("x-forwarded-for", format!("198.51.100.99, {client}"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .unwrap()
        .status()
        .as_u16()
}

#[test]
fn behind_a_proxy_failed_logins_are_limited_per_forwarded_client() {
    // Trusted: each client the proxy names has its own five failures.
    let desk = Desk::start_with(&["--trust-forwarded-for"]);
    for i in 0..5 {
        let email = format!("nobody{i}@example.com");
        assert_eq!(login_via_proxy(&desk, "203.0.113.7", &email, "guess"), 401);
    }
    assert_eq!(
        login_via_proxy(&desk, "203.0.113.7", OWNER_EMAIL, OWNER_PASSWORD),
        429
    );
    assert_eq!(
        login_via_proxy(&desk, "203.0.113.8", OWNER_EMAIL, OWNER_PASSWORD),
        201,
        "another client behind the same proxy is not locked out"
    );

    // Not trusted (the default): the header is the client's own word and
    // changing it dodges nothing.
    let desk = Desk::start();
    for i in 0..5 {
        let email = format!("nobody{i}@example.com");
        let client = format!("203.0.113.{i}");
        assert_eq!(login_via_proxy(&desk, &client, &email, "guess"), 401);
    }
    assert_eq!(
        login_via_proxy(&desk, "203.0.113.200", OWNER_EMAIL, OWNER_PASSWORD),
        429
    );
}

#[test]
fn parallel_guesses_cannot_outrun_the_login_limit() {
    let desk = Desk::start();
    const GUESSES: usize = 20;
    let barrier = Arc::new(Barrier::new(GUESSES));
    let threads: Vec<_> = (0..GUESSES)
        .map(|i| {
            let barrier = barrier.clone();
            let url = desk.url.clone();
            std::thread::spawn(move || {
                let req = reqwest::blocking::Client::new()
                    .post(format!("{url}/v1/sessions"))
                    .json(&json!({"email": OWNER_EMAIL, "password": format!("guess {i}")}));
                barrier.wait();
                req.send().unwrap().status().as_u16()
            })
        })
        .collect();
    let mut statuses: Vec<u16> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    statuses.sort();
    let mut want = vec![401; 5];
    want.resize(GUESSES, 429);
    assert_eq!(statuses, want, "five guesses, however fast they come");
    expect_problem(
        login_from(&desk, [127, 0, 0, 1], OWNER_EMAIL, OWNER_PASSWORD),
        429,
    );
}

#[test]
fn ticket_lifecycle_open_reply_answer_close_reopen() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();

    let opened = expect(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "billing", "subject": "  Invoice 42 twice  ",
                    "message": "I was charged twice.", "priority": "high"}),
        ),
        201,
    );
    let n = number(&opened);
    assert!((100_000..=999_999).contains(&n));
    assert_eq!(opened["subject"], "Invoice 42 twice", "subject is trimmed");
    assert_eq!(opened["status"], "open");
    assert_eq!(opened["priority"], "high");
    assert_eq!(opened["requester"]["email"], OWNER_EMAIL);
    assert_eq!(opened["messages"].as_array().unwrap().len(), 1);
    assert_eq!(opened["messages"][0]["channel"], "cli");

    let reply = expect(
        api.post(
            &format!("/v1/tickets/{n}/messages"),
            &token,
            &json!({"message": "Any news?"}),
        ),
        201,
    );
    assert_eq!(reply["body"], "Any news?");
    assert_eq!(
        api.get_ok(&format!("/v1/tickets/{n}"), &token)["status"],
        "customer-reply"
    );

    desk.staff_reply(&n.to_string(), "Refunded.");
    let detail = api.get_ok(&format!("/v1/tickets/{n}"), &token);
    assert_eq!(detail["status"], "answered");
    let bodies: Vec<&str> = detail["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["I was charged twice.", "Any news?", "Refunded."]);
    assert_eq!(detail["messages"][2]["author"]["role"], "staff");
    assert_eq!(detail["messages"][2]["channel"], "staff");

    let closed = expect(
        api.post(&format!("/v1/tickets/{n}/close"), &token, &json!({})),
        200,
    );
    assert_eq!(closed["status"], "closed");
    let again = expect(
        api.post(&format!("/v1/tickets/{n}/close"), &token, &json!({})),
        200,
    );
    assert_eq!(again["status"], "closed", "closing is idempotent");

    let problem = expect_problem(
        api.post(
            &format!("/v1/tickets/{n}/messages"),
            &token,
            &json!({"message": "hello?"}),
        ),
        409,
    );
    assert_eq!(
        problem["detail"],
        format!(
            "ticket {n} is closed: reopen it with `ecolo ticket reopen {n}` or open a new ticket"
        )
    );
    let conversation = api.get_ok(&format!("/v1/tickets/{n}"), &token)["messages"].clone();
    let said: Vec<&Value> = conversation
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "message")
        .collect();
    assert_eq!(said.len(), 3);
    let last = conversation.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "event");
    assert_eq!(last["body"], "closed by Olga Owner");

    let reopened = expect(
        api.post(&format!("/v1/tickets/{n}/reopen"), &token, &json!({})),
        200,
    );
    assert_eq!(reopened["status"], "open");
    expect(
        api.post(
            &format!("/v1/tickets/{n}/messages"),
            &token,
            &json!({"message": "thanks"}),
        ),
        201,
    );

    expect_problem(api.get("/v1/tickets/999999", &token), 404);
    expect_problem(api.get("/v1/tickets/12", &token), 404);
    expect_problem(api.get("/v1/tickets/abc", &token), 400);
}

#[test]
fn listing_filters_and_walks_pages_newest_first() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let mut opened = Vec::new();
    for (i, cat) in [
        "billing", "email", "billing", "quotes", "other", "billing", "email",
    ]
    .iter()
    .enumerate()
    {
        opened.push(number(&api.open_ticket(
            &token,
            cat,
            &format!("ticket {i}"),
        )));
    }
    let closed = opened[1];
    expect(
        api.post(&format!("/v1/tickets/{closed}/close"), &token, &json!({})),
        200,
    );

    let numbers = |page: &Value| -> Vec<u64> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(number)
            .collect()
    };

    let active = api.get_ok("/v1/tickets", &token);
    let mut expected: Vec<u64> = opened
        .iter()
        .rev()
        .copied()
        .filter(|n| *n != closed)
        .collect();
    assert_eq!(numbers(&active), expected, "default: active, newest first");
    assert_eq!(active["next_cursor"], Value::Null);

    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?status=closed", &token)),
        vec![closed]
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?status=all", &token)).len(),
        7
    );
    let billing = api.get_ok("/v1/tickets?category=billing", &token);
    assert_eq!(numbers(&billing), vec![opened[5], opened[2], opened[0]]);

    // Walk all tickets two at a time.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/v1/tickets?status=all&limit=2&cursor={c}"),
            None => "/v1/tickets?status=all&limit=2".to_string(),
        };
        let page = api.get_ok(&path, &token);
        let items = numbers(&page);
        assert!(items.len() <= 2);
        seen.extend(items);
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    expected = opened.iter().rev().copied().collect();
    assert_eq!(seen, expected);

    expect_problem(api.get("/v1/tickets?cursor=not-a-cursor", &token), 400);
    expect_problem(api.get("/v1/tickets?status=bogus", &token), 400);
    let p = expect_problem(api.get("/v1/tickets?category=nope", &token), 422);
    assert_eq!(fields(&p), ["category"]);
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("control-panel"));
    let p = expect_problem(api.get("/v1/tickets?limit=0", &token), 422);
    assert_eq!(fields(&p), ["limit"]);
    let p = expect_problem(api.get("/v1/tickets?limit=101", &token), 422);
    assert_eq!(fields(&p), ["limit"]);
}

#[test]
fn validation_errors_name_every_field_and_store_nothing() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();

    let p = expect_problem(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "nope", "subject": "   ", "message": ""}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["category", "subject", "message"]);
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("billing"));

    let long_subject = "x".repeat(201);
    let p = expect_problem(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "other", "subject": long_subject, "message": "m"}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["subject"]);

    let big = "y".repeat(64 * 1024 + 1);
    let p = expect_problem(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "other", "subject": "s", "message": big}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["message"]);

    let p = expect_problem(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "other", "subject": "s", "message": "m", "priority": "urgent"}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["priority"]);
    for wrong in [Value::Null, json!(3)] {
        let p = expect_problem(
            api.post(
                "/v1/tickets",
                &token,
                &json!({"category": "other", "subject": "s", "message": "m", "priority": wrong}),
            ),
            422,
        );
        assert_eq!(fields(&p), ["priority"], "{wrong}");
    }

    let p = expect_problem(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "other", "message": "m"}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["subject"]);

    let ids: Vec<String> = (0..11).map(|i| format!("id{i}")).collect();
    let p = expect_problem(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "other", "subject": "s", "message": "m", "attachments": ids}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["attachments"]);

    let p = expect_problem(
        api.post("/v1/tickets", &token, &json!({"category": "other", "subject": "s", "message": "m", "attachments": ["missing"]})),
        422,
    );
    assert_eq!(fields(&p), ["attachments"]);

    // Not JSON at all: 400; far too large: 413 before being read whole.
    let resp = api
        .req(Method::POST, "/v1/tickets", Some(&token))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .unwrap();
    expect_problem(resp, 400);
    let huge = "z".repeat(2 * 1024 * 1024);
    let resp = api
        .req(Method::POST, "/v1/tickets", Some(&token))
        .header("content-type", "application/json")
        .body(format!(
            "{{\"category\":\"other\",\"subject\":\"s\",\"message\":\"{huge}\"}}"
        ))
        .send()
        .unwrap();
    expect_problem(resp, 413);

    let all = api.get_ok("/v1/tickets?status=all", &token);
    assert_eq!(
        all["items"].as_array().unwrap().len(),
        0,
        "nothing was stored"
    );
}

#[test]
fn idempotency_key_returns_the_original_ticket() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let body = json!({"category": "email", "subject": "Mailbox full", "message": "help"});
    let send = |key: &str, body: &Value| {
        api.req(Method::POST, "/v1/tickets", Some(&token))
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .unwrap()
    };
    let first = expect(send("key-1", &body), 201);
    let second = expect(send("key-1", &body), 200);
    assert_eq!(first, second);
    let other = json!({"category": "email", "subject": "Something else", "message": "help"});
    let p = expect_problem(send("key-1", &other), 422);
    assert_eq!(fields(&p), ["Idempotency-Key"]);
    let third = expect(send("key-2", &body), 201);
    assert_ne!(number(&third), number(&first));
    assert_eq!(
        api.get_ok("/v1/tickets", &token)["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Keys belong to an account: another account's same key is its own.
    desk.create_account("other@example.com", "Other", "other password");
    let other_token = desk.login_token("other@example.com", "other password");
    let theirs = api
        .req(Method::POST, "/v1/tickets", Some(&other_token))
        .header("Idempotency-Key", "key-1")
        .json(&body)
        .send()
        .unwrap();
    assert_ne!(number(&expect(theirs, 201)), number(&first));
}

#[test]
fn a_ticket_whose_confirmation_cannot_be_queued_yet_gets_it_once_later() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let send = || {
        api.req(Method::POST, "/v1/tickets", Some(&token))
            .header("Idempotency-Key", "key-1")
            .json(&json!({"category": "email", "subject": "Mailbox full", "message": "help"}))
            .send()
            .unwrap()
    };
    // The ticket and its event commit together; the mail is rendered from
    // the event after the commit, and a full outbox only delays it.
    break_outbox(&desk);
    let opened = expect(send(), 201);
    assert_eq!(outbox_len(&desk), 0);
    let all = api.get_ok("/v1/tickets?status=all", &token);
    assert_eq!(all["items"].as_array().unwrap().len(), 1);

    // The next change (here the client's retry with the same key) renders
    // what was left, once.
    repair_outbox(&desk);
    let again = expect(send(), 200);
    assert_eq!(again["number"], opened["number"]);
    assert_eq!(outbox_len(&desk), 1);
    expect(send(), 200);
    assert_eq!(outbox_len(&desk), 1);
}

#[test]
fn racing_requests_with_one_key_open_one_ticket() {
    let desk = Desk::start();
    let token = desk.owner_token();
    const RACERS: usize = 8;
    let barrier = Arc::new(Barrier::new(RACERS));
    let threads: Vec<_> = (0..RACERS)
        .map(|_| {
            let barrier = barrier.clone();
            let url = desk.url.clone();
            let token = token.clone();
            std::thread::spawn(move || {
                let client = reqwest::blocking::Client::new();
                let req = client
                    .post(format!("{url}/v1/tickets"))
                    .bearer_auth(&token)
                    .header("Idempotency-Key", "the-one-key")
                    .json(&json!({"category": "other", "subject": "race", "message": "m"}));
                barrier.wait();
                let resp = req.send().unwrap();
                let status = resp.status().as_u16();
                let body: Value = resp.json().unwrap();
                (status, number(&body))
            })
        })
        .collect();
    let results: Vec<(u16, u64)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let created = results.iter().filter(|(s, _)| *s == 201).count();
    let replayed = results.iter().filter(|(s, _)| *s == 200).count();
    assert_eq!((created, replayed), (1, RACERS - 1), "{results:?}");
    let numbers: HashSet<u64> = results.iter().map(|(_, n)| *n).collect();
    assert_eq!(numbers.len(), 1);
    let api = Api::new(&desk);
    assert_eq!(
        api.get_ok("/v1/tickets?status=all", &token)["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn another_accounts_ticket_is_not_found() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "private"));
    desk.create_account("intruder@example.com", "Intruder", "intruder password");
    let intruder = desk.login_token("intruder@example.com", "intruder password");

    for (method, path, body) in ticket_routes(n) {
        let p = expect_problem(api.call(method, &path, Some(&intruder), body.as_ref()), 404);
        assert!(!p.to_string().contains("private"), "never the content: {p}");
    }
    assert_eq!(
        api.get_ok("/v1/tickets?status=all", &intruder)["items"],
        json!([])
    );
    assert_eq!(
        api.get_ok(&format!("/v1/tickets/{n}"), &owner)["status"],
        "open",
        "untouched"
    );
}

#[test]
fn everything_survives_a_restart() {
    let mut desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    let upload = expect(
        api.req(
            Method::POST,
            "/v1/attachments?filename=notes.txt",
            Some(&token),
        )
        .header("content-type", "text/plain")
        .body("kept across restarts")
        .send()
        .unwrap(),
        201,
    );
    let ticket = expect(
        api.post(
            "/v1/tickets",
            &token,
            &json!({"category": "quotes", "subject": "Quote", "message": "m", "attachments": [upload["id"]]}),
        ),
        201,
    );
    api.add_contact(&token, "martha@example.com", &["billing"]);
    let personal = api.create_token(&token, json!({"name": "ci"}));

    desk.restart();
    let api = Api::new(&desk);
    let detail = api.get_ok(&format!("/v1/tickets/{}", number(&ticket)), &token);
    assert_eq!(detail["subject"], "Quote");
    assert_eq!(
        detail["messages"][0]["attachments"][0]["filename"],
        "notes.txt"
    );
    let bytes = api
        .get(
            &format!("/v1/attachments/{}", upload["id"].as_str().unwrap()),
            &token,
        )
        .bytes()
        .unwrap();
    assert_eq!(&bytes[..], b"kept across restarts");
    assert_eq!(
        api.get_ok("/v1/contacts", &token)[0]["email"],
        "martha@example.com"
    );
    assert_eq!(
        api.get_ok("/v1/me", &personal)["account_email"],
        OWNER_EMAIL
    );
    assert_eq!(
        api.get_ok("/v1/categories", &token)
            .as_array()
            .unwrap()
            .len(),
        6,
        "seeded once"
    );
}
