//! Who may do what, against the real `ecolo-desk`: the 401 matrix of every
//! authenticated route, other accounts, contacts, and personal tokens
//! (owner-full, owner-limited, contact, revoked, expired).

mod common;
mod desk_common;

use common::{Desk, OWNER_EMAIL};
use desk_common::{expect, expect_problem, fields, number, ticket_routes, Api};
use reqwest::Method;
use serde_json::{json, Value};

/// Every authenticated route with a body that would be valid. `{n}` is a
/// ticket of the owner, `{a}` one of its attachments.
fn authenticated_routes() -> Vec<(Method, &'static str, Option<Value>)> {
    vec![
        (Method::DELETE, "/v1/sessions/current", None),
        (Method::GET, "/v1/me", None),
        (Method::POST, "/v1/attachments?filename=x.txt", None),
        (Method::GET, "/v1/attachments/{a}", None),
        (
            Method::POST,
            "/v1/tickets",
            Some(json!({"category": "other", "subject": "s", "message": "m"})),
        ),
        (Method::GET, "/v1/tickets", None),
        (Method::GET, "/v1/tickets/{n}", None),
        (
            Method::POST,
            "/v1/tickets/{n}/messages",
            Some(json!({"message": "m"})),
        ),
        (Method::POST, "/v1/tickets/{n}/close", None),
        (Method::POST, "/v1/tickets/{n}/reopen", None),
        (Method::GET, "/v1/contacts", None),
        (
            Method::POST,
            "/v1/contacts",
            Some(json!({"email": "c@example.com", "name": "C", "categories": ["billing"]})),
        ),
        (
            Method::PATCH,
            "/v1/contacts/c@example.com",
            Some(json!({"name": "D"})),
        ),
        (Method::DELETE, "/v1/contacts/c@example.com", None),
        (Method::GET, "/v1/tokens", None),
        (Method::POST, "/v1/tokens", Some(json!({"name": "t"}))),
        (Method::DELETE, "/v1/tokens/t", None),
    ]
}

#[test]
fn every_authenticated_route_refuses_missing_bad_revoked_and_expired_tokens() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "mine"));
    let a = api.upload_id(&owner, "f.txt", "data");

    let revoked = desk.owner_token();
    expect(
        api.call(Method::DELETE, "/v1/sessions/current", Some(&revoked), None),
        204,
    );
    let personal_revoked = api.create_token(&owner, json!({"name": "gone"}));
    expect(
        api.call(Method::DELETE, "/v1/tokens/gone", Some(&owner), None),
        204,
    );
    let expired = api.create_token(&owner, json!({"name": "old", "expires_in_days": 1}));
    desk.expire_token("old");

    let bad = format!("ecolo_{}", "0".repeat(64));
    let credentials: [(&str, Option<&str>); 6] = [
        ("no token", None),
        ("not an ecolo token", Some("hunter2")),
        ("unknown token", Some(&bad)),
        ("logged-out session", Some(&revoked)),
        ("revoked personal token", Some(&personal_revoked)),
        ("expired token", Some(&expired)),
    ];
    for (method, path, body) in authenticated_routes() {
        let path = path.replace("{n}", &n.to_string()).replace("{a}", &a);
        for (what, token) in &credentials {
            let resp = api.call(method.clone(), &path, *token, body.as_ref());
            assert_eq!(resp.status().as_u16(), 401, "{what} on {method} {path}");
            let p = expect_problem(resp, 401);
            assert!(
                p["detail"].as_str().unwrap().contains("ecolo login"),
                "{what}: {p}"
            );
        }
    }
    let p = expect_problem(api.get("/v1/me", &expired), 401);
    assert!(p["detail"].as_str().unwrap().contains("expired"));
    // Nothing changed.
    assert_eq!(
        api.get_ok(&format!("/v1/tickets/{n}"), &owner)["messages"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(api.get_ok("/v1/contacts", &owner), json!([]));
}

#[test]
fn another_account_sees_and_touches_nothing() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "mine"));
    let a = api.upload_id(&owner, "f.txt", "data");
    api.add_contact(&owner, "c@example.com", &["billing"]);
    api.create_token(&owner, json!({"name": "t"}));

    desk.create_account("other@example.com", "Other", "other password");
    let other = desk.login_token("other@example.com", "other password");
    let attachment = (Method::GET, format!("/v1/attachments/{a}"), None);
    let management = [
        (
            Method::PATCH,
            "/v1/contacts/c@example.com".to_string(),
            Some(json!({"name": "D"})),
        ),
        (
            Method::DELETE,
            "/v1/contacts/c@example.com".to_string(),
            None,
        ),
        (Method::DELETE, "/v1/tokens/t".to_string(), None),
    ];
    let routes = std::iter::once(attachment)
        .chain(ticket_routes(n))
        .chain(management);
    for (method, path, body) in routes {
        let resp = api.call(method.clone(), &path, Some(&other), body.as_ref());
        expect_problem(resp, 404);
    }
    assert_eq!(
        api.get_ok("/v1/tickets?status=all", &other)["items"],
        json!([])
    );
    assert_eq!(api.get_ok("/v1/contacts", &other), json!([]));
    assert_eq!(api.get_ok("/v1/tokens", &other), json!([]));
    // The owner's things are intact.
    assert_eq!(
        api.get_ok(&format!("/v1/tickets/{n}"), &owner)["status"],
        "open"
    );
    assert_eq!(
        api.get_ok("/v1/contacts", &owner)[0]["name"],
        "Contact c@example.com"
    );
    assert_eq!(api.get_ok("/v1/tokens", &owner)[0]["name"], "t");
}

#[test]
fn contacts_add_list_change_remove_with_clear_refusals() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();

    let added = expect(
        api.post(
            "/v1/contacts",
            &owner,
            &json!({"email": " Martha@Example.com ", "name": "Martha", "categories": ["quotes", "billing"]}),
        ),
        201,
    );
    assert_eq!(added["email"], "martha@example.com");
    assert_eq!(added["categories"], json!(["billing", "quotes"]));
    assert_eq!(
        added["intake_addresses"],
        json!(["billing@desk.localhost", "quotes@desk.localhost"])
    );
    assert!(added["created_at"].is_string());

    let refuse =
        |body: Value, status: u16| expect_problem(api.post("/v1/contacts", &owner, &body), status);
    let p = refuse(
        json!({"email": "martha@example.com", "name": "M2", "categories": ["billing"]}),
        409,
    );
    assert!(p["detail"].as_str().unwrap().contains("martha@example.com"));
    let p = refuse(
        json!({"email": "not-an-address", "name": "X", "categories": ["billing"]}),
        422,
    );
    assert_eq!(fields(&p), ["email"]);
    let p = refuse(
        json!({"email": OWNER_EMAIL, "name": "Me", "categories": ["billing"]}),
        422,
    );
    assert_eq!(fields(&p), ["email"]);
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("owner"));
    let p = refuse(
        json!({"email": "x@example.com", "name": "X", "categories": []}),
        422,
    );
    assert_eq!(fields(&p), ["categories"]);
    let p = refuse(
        json!({"email": "x@example.com", "name": "X", "categories": ["nope"]}),
        422,
    );
    assert_eq!(fields(&p), ["categories"]);
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("nope"));
    let p = refuse(json!({"email": "bad", "name": " ", "categories": []}), 422);
    assert_eq!(fields(&p), ["email", "name", "categories"]);
    assert_eq!(
        api.get_ok("/v1/contacts", &owner).as_array().unwrap().len(),
        1
    );

    let patch = |email: &str, body: Value| {
        api.call(
            Method::PATCH,
            &format!("/v1/contacts/{email}"),
            Some(&owner),
            Some(&body),
        )
    };
    let changed = expect(
        patch(
            "martha@example.com",
            json!({"name": "Martha B.", "add_categories": ["email"], "remove_categories": ["quotes"]}),
        ),
        200,
    );
    assert_eq!(changed["name"], "Martha B.");
    assert_eq!(changed["categories"], json!(["billing", "email"]));
    let p = expect_problem(
        patch(
            "martha@example.com",
            json!({"remove_categories": ["billing", "email"]}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["categories"]);
    let p = expect_problem(
        patch("martha@example.com", json!({"add_categories": ["nope"]})),
        422,
    );
    assert_eq!(fields(&p), ["add_categories"]);
    expect_problem(patch("nobody@example.com", json!({"name": "N"})), 404);
    assert_eq!(
        api.get_ok("/v1/contacts", &owner)[0]["categories"],
        json!(["billing", "email"])
    );

    expect(
        api.call(
            Method::DELETE,
            "/v1/contacts/martha@example.com",
            Some(&owner),
            None,
        ),
        204,
    );
    expect_problem(
        api.call(
            Method::DELETE,
            "/v1/contacts/martha@example.com",
            Some(&owner),
            None,
        ),
        404,
    );
    assert_eq!(api.get_ok("/v1/contacts", &owner), json!([]));
}

#[test]
fn tokens_never_show_secrets_track_use_and_revoke() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let created = expect(
        api.post(
            "/v1/tokens",
            &owner,
            &json!({"name": "ci", "categories": ["billing"], "expires_in_days": 30}),
        ),
        201,
    );
    let secret = created["token"].as_str().unwrap().to_string();
    assert!(secret.starts_with("ecolo_") && secret.len() > 40);
    assert_eq!(created["info"]["categories"], json!(["billing"]));
    assert!(created["info"]["expires_at"].is_string());
    assert_eq!(created["info"]["last_used_at"], Value::Null);

    let listed = api.get_ok("/v1/tokens", &owner);
    assert_eq!(
        listed.as_array().unwrap().len(),
        1,
        "sessions are not listed"
    );
    assert!(
        !listed.to_string().contains(&secret[6..]),
        "no secret in the list"
    );
    assert!(listed[0].get("token").is_none());
    assert_eq!(listed[0]["last_used_at"], Value::Null);

    api.get_ok("/v1/me", &secret);
    assert!(api.get_ok("/v1/tokens", &owner)[0]["last_used_at"].is_string());

    let p = expect_problem(api.post("/v1/tokens", &owner, &json!({"name": "ci"})), 409);
    assert!(p["detail"].as_str().unwrap().contains("ci"));
    let p = expect_problem(
        api.post(
            "/v1/tokens",
            &owner,
            &json!({"name": "x", "expires_in_days": 0}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["expires_in_days"]);
    let p = expect_problem(
        api.post("/v1/tokens", &owner, &json!({"name": "", "categories": []})),
        422,
    );
    assert_eq!(fields(&p), ["name", "categories"]);
    let p = expect_problem(
        api.post(
            "/v1/tokens",
            &owner,
            &json!({"name": "x", "contact": "ghost@example.com"}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["contact"]);

    expect(
        api.call(Method::DELETE, "/v1/tokens/ci", Some(&owner), None),
        204,
    );
    expect_problem(api.get("/v1/me", &secret), 401);
    expect_problem(
        api.call(Method::DELETE, "/v1/tokens/ci", Some(&owner), None),
        404,
    );
    assert_eq!(api.get_ok("/v1/tokens", &owner), json!([]));
}

#[test]
fn permission_matrix_of_owner_limited_and_contact_credentials() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    api.add_contact(&owner, "martha@example.com", &["billing", "quotes"]);
    let full_token = api.create_token(&owner, json!({"name": "full"}));
    let limited = api.create_token(
        &owner,
        json!({"name": "limited", "categories": ["billing"]}),
    );
    let contact = api.create_token(
        &owner,
        json!({"name": "martha", "contact": "martha@example.com"}),
    );
    let contact_quotes = api.create_token(
        &owner,
        json!({"name": "martha-quotes", "contact": "martha@example.com", "categories": ["quotes"]}),
    );
    let p = expect_problem(
        api.post(
            "/v1/tokens",
            &owner,
            &json!({"name": "wide", "contact": "martha@example.com", "categories": ["email"]}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["categories"]);
    let panel = number(&api.open_ticket(&owner, "control-panel", "server down"));
    let bill = number(&api.open_ticket(&owner, "billing", "invoice"));

    // Who they are.
    let me = |t: &str| api.get_ok("/v1/me", t);
    assert_eq!(me(&full_token)["can_manage"], true);
    assert_eq!(me(&limited)["categories"], json!(["billing"]));
    assert_eq!(me(&limited)["can_manage"], false);
    assert_eq!(me(&contact)["acting_as"]["role"], "contact");
    assert_eq!(me(&contact)["acting_as"]["email"], "martha@example.com");
    assert_eq!(me(&contact)["categories"], json!(["billing", "quotes"]));
    assert_eq!(me(&contact_quotes)["categories"], json!(["quotes"]));

    // Managing contacts and tokens: owner-full only.
    for (who, token, status) in [
        ("session", owner.as_str(), 200),
        ("full token", full_token.as_str(), 200),
        ("limited token", limited.as_str(), 403),
        ("contact token", contact.as_str(), 403),
    ] {
        for path in ["/v1/contacts", "/v1/tokens"] {
            assert_eq!(
                api.get(path, token).status().as_u16(),
                status,
                "{who} GET {path}"
            );
        }
        if status == 403 {
            expect_problem(
                api.post("/v1/tokens", token, &json!({"name": "sneaky"})),
                403,
            );
            expect_problem(
                api.post(
                    "/v1/contacts",
                    token,
                    &json!({"email": "z@example.com", "name": "Z", "categories": ["other"]}),
                ),
                403,
            );
            expect_problem(
                api.call(Method::DELETE, "/v1/tokens/full", Some(token), None),
                403,
            );
            expect_problem(
                api.call(
                    Method::DELETE,
                    "/v1/contacts/martha@example.com",
                    Some(token),
                    None,
                ),
                403,
            );
        }
    }

    // Tickets: limited credentials only in their categories.
    let p = expect_problem(
        api.post(
            "/v1/tickets",
            &limited,
            &json!({"category": "control-panel", "subject": "s", "message": "m"}),
        ),
        403,
    );
    assert_eq!(p["detail"], "these credentials may only use: billing");
    let p = expect_problem(
        api.post(
            "/v1/tickets",
            &contact_quotes,
            &json!({"category": "billing", "subject": "s", "message": "m"}),
        ),
        403,
    );
    assert_eq!(p["detail"], "these credentials may only use: quotes");
    let by_limited = api.open_ticket(&limited, "billing", "from ci");
    assert_eq!(by_limited["requester"]["role"], "owner");
    let by_contact = api.open_ticket(&contact, "quotes", "need a quote");
    assert_eq!(by_contact["requester"]["role"], "contact");
    assert_eq!(by_contact["requester"]["email"], "martha@example.com");
    assert_eq!(
        by_contact["requester"]["name"],
        "Contact martha@example.com"
    );

    for token in [&limited, &contact] {
        let list = (
            Method::GET,
            "/v1/tickets?category=control-panel".to_string(),
            None,
        );
        for (method, path, body) in ticket_routes(panel).into_iter().chain([list]) {
            expect_problem(api.call(method, &path, Some(token), body.as_ref()), 403);
        }
        // Their own categories work, for tickets the owner opened too.
        api.get_ok(&format!("/v1/tickets/{bill}"), token);
        expect(
            api.post(
                &format!("/v1/tickets/{bill}/messages"),
                token,
                &json!({"message": "on it"}),
            ),
            201,
        );
    }
    let listed = |t: &str| -> Vec<String> {
        api.get_ok("/v1/tickets", t)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["category"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(listed(&limited).iter().all(|c| c == "billing"));
    assert_eq!(listed(&limited).len(), 2);
    assert_eq!(listed(&contact).len(), 3, "billing and quotes");
    assert_eq!(listed(&contact_quotes), ["quotes"]);
    assert_eq!(listed(&owner).len(), 4);

    // A contact's categories narrow at once when the owner changes them.
    expect(
        api.call(
            Method::PATCH,
            "/v1/contacts/martha@example.com",
            Some(&owner),
            Some(&json!({"remove_categories": ["billing"]})),
        ),
        200,
    );
    expect_problem(api.get(&format!("/v1/tickets/{bill}"), &contact), 403);

    // Expired: refused at once.
    desk.expire_token("limited");
    expect_problem(api.get("/v1/tickets", &limited), 401);
}

#[test]
fn removing_a_contact_revokes_its_tokens_and_keeps_its_tickets() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    api.add_contact(&owner, "it@example.com", &["control-panel"]);
    let token = api.create_token(
        &owner,
        json!({"name": "it-bot", "contact": "it@example.com"}),
    );
    let ticket = api.open_ticket(&token, "control-panel", "disk full");
    let n = number(&ticket);
    expect(
        api.post(
            &format!("/v1/tickets/{n}/messages"),
            &token,
            &json!({"message": "still full"}),
        ),
        201,
    );
    assert_eq!(
        api.get_ok("/v1/tokens", &owner)[0]["contact"],
        "it@example.com"
    );

    expect(
        api.call(
            Method::DELETE,
            "/v1/contacts/it@example.com",
            Some(&owner),
            None,
        ),
        204,
    );
    expect_problem(api.get("/v1/me", &token), 401);
    assert_eq!(api.get_ok("/v1/tokens", &owner), json!([]));
    let detail = api.get_ok(&format!("/v1/tickets/{n}"), &owner);
    assert_eq!(detail["requester"]["email"], "it@example.com");
    assert_eq!(detail["requester"]["role"], "contact");
    assert_eq!(detail["messages"].as_array().unwrap().len(), 2);
    assert_eq!(detail["messages"][1]["author"]["email"], "it@example.com");
}

#[test]
fn a_token_whose_contact_vanished_is_refused_not_promoted_to_owner() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    api.add_contact(&owner, "it@example.com", &["control-panel"]);
    let token = api.create_token(
        &owner,
        json!({"name": "it-bot", "contact": "it@example.com"}),
    );
    // The contact row disappears behind the desk's back (no cascade: a
    // plain connection has foreign keys off), leaving the token bound to
    // nobody.
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    conn.execute("DELETE FROM contacts WHERE email = 'it@example.com'", [])
        .unwrap();
    let p = expect_problem(api.get("/v1/me", &token), 401);
    assert!(p["detail"].as_str().unwrap().contains("ecolo login"));
    expect_problem(api.get("/v1/contacts", &token), 401);
    expect_problem(api.get("/v1/tickets", &token), 401);
}

#[test]
fn the_database_keeps_only_hashes_of_passwords_and_tokens() {
    use sha2::{Digest, Sha256};
    let desk = Desk::start();
    let api = Api::new(&desk);
    let session = desk.owner_token();
    let personal = api.create_token(&session, json!({"name": "ci"}));
    api.get_ok("/v1/me", &personal);

    // Not in any file the desk writes (database, WAL, attachments).
    let needles = [
        common::OWNER_PASSWORD.as_bytes(),
        session.as_bytes(),
        personal.as_bytes(),
        &personal.as_bytes()[6..],
    ];
    let mut files = vec![desk.dir.path().to_path_buf()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for needle in needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "a secret is stored in plain text in {}",
                path.display()
            );
        }
    }

    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    let phc: String = conn
        .query_row(
            "SELECT password_hash FROM accounts WHERE email = ?1",
            [OWNER_EMAIL],
            |r| r.get(0),
        )
        .unwrap();
    assert!(phc.starts_with("$argon2id$"), "{phc}");
    let hashes: Vec<String> = conn
        .prepare("SELECT token_hash FROM tokens ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let sha = |t: &str| hex::encode(Sha256::digest(t.as_bytes()));
    assert_eq!(hashes, [sha(&session), sha(&personal)]);
}
