//! The support team end to end against a real `ecolo-desk`: admin commands
//! (`staff`, `account`, `tickets auto-close`) and the agents' side of the
//! HTTP API — the queue across accounts, notes customers never see by any
//! route, 404 outside an agent's categories, assignment, moves, closing.

mod common;
mod desk_common;

use common::{code, stderr, stdout, Desk, OWNER_EMAIL};
use desk_common::{expect, expect_problem, fields, number, Api};
use reqwest::Method;
use serde_json::{json, Value};

const LAURA: &str = "laura@support.example";
const BEA: &str = "bea@support.example";
const PW: &str = "agent password 1";
const CRIS: &str = "cris@support.example";

/// A desk with two agents: Laura (all categories) and Bea (billing only).
fn desk_with_team() -> Desk {
    let desk = Desk::start();
    desk.add_agent(LAURA, "Laura Gómez", PW, &[]);
    desk.add_agent(BEA, "Bea Billing", PW, &["billing"]);
    desk
}

fn put(api: &Api, path: &str, token: &str, body: Value) -> reqwest::blocking::Response {
    api.call(Method::PUT, path, Some(token), Some(&body))
}

fn patch(api: &Api, path: &str, token: &str, body: Value) -> reqwest::blocking::Response {
    api.call(Method::PATCH, path, Some(token), Some(&body))
}

fn numbers(page: &Value) -> Vec<u64> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(number)
        .collect()
}

#[test]
fn staff_admin_commands_add_list_edit_remove() {
    let desk = desk_with_team();
    let out = desk.admin(&["staff", "list", "--json"], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(list[0]["email"], LAURA);
    assert_eq!(list[0]["categories"], Value::Null);
    assert_eq!(list[1]["categories"], json!(["billing"]));

    let out = desk.admin(
        &[
            "staff",
            "edit",
            BEA,
            "--add-category",
            "email",
            "--name",
            "Bea B.",
        ],
        "",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = desk.admin(&["staff", "list", "--json"], "");
    let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(list[1]["name"], "Bea B.");
    assert_eq!(list[1]["categories"], json!(["billing", "email"]));
    let out = desk.admin(
        &[
            "staff",
            "edit",
            BEA,
            "--remove-category",
            "billing",
            "--remove-category",
            "email",
        ],
        "",
    );
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("remove-category"), "{}", stderr(&out));

    // Tickets of a category the agent stops working are no longer its.
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "email", "Mailbox"));
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
    let out = desk.admin(&["staff", "edit", BEA, "--remove-category", "email"], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(api.get_ok(&format!("/v1/tickets/{n}"), &owner)["assignee"].is_null());

    // One address, one role: 409 naming the clash, whichever way round.
    let out = desk.admin(
        &[
            "staff",
            "add",
            "--email",
            OWNER_EMAIL,
            "--name",
            "X",
            "--password-stdin",
        ],
        &format!("{PW}\n"),
    );
    assert_ne!(code(&out), 0);
    assert!(
        stderr(&out).contains("already the owner of a customer account"),
        "{}",
        stderr(&out)
    );
    let out = desk.admin(
        &[
            "account",
            "create",
            "--email",
            LAURA,
            "--name",
            "X",
            "--password-stdin",
        ],
        &format!("{PW}\n"),
    );
    assert_ne!(code(&out), 0);
    assert!(
        stderr(&out).contains("already a support agent"),
        "{}",
        stderr(&out)
    );
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let p = expect_problem(
        api.post(
            "/v1/contacts",
            &owner,
            &json!({"email": BEA, "name": "Bea", "categories": ["billing"]}),
        ),
        409,
    );
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("already a support agent"),
        "{p}"
    );

    // Removing: asks for --yes, then its sessions stop at once.
    let bea = desk.login_token(BEA, PW);
    expect(api.get("/v1/me", &bea), 200);
    let out = desk.admin(&["staff", "remove", BEA], "");
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("--yes"));
    desk.remove_agent(BEA);
    expect_problem(api.get("/v1/me", &bea), 401);
}

#[test]
fn admin_commands_never_create_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.db");
    for args in [
        vec!["staff", "list"],
        vec!["staff", "reply", "123456", "-m", "x"],
        vec!["account", "list"],
        vec!["account", "disable", "a@b.c"],
        vec!["tickets", "auto-close", "--after", "0s"],
    ] {
        let out = std::process::Command::new(common::DESK)
            .args(&args)
            .arg("--db")
            .arg(&missing)
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("--db") && said.contains("ECOLO_DESK_DB") && said.contains("default"),
            "{args:?}: {said}"
        );
        assert!(!missing.exists(), "{args:?} created a database");
    }
}

#[test]
fn the_queue_spans_accounts_within_the_agents_categories_longest_waiting_first() {
    let desk = desk_with_team();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    desk.create_account("other@example.com", "Otto Other", "other password");
    let other = desk.login_token("other@example.com", "other password");
    let first = number(&api.open_ticket(&owner, "billing", "Double charge"));
    let second = number(&api.open_ticket(&other, "control-panel", "Panel down"));
    let third = number(&api.open_ticket(&other, "billing", "Invoice address"));

    let laura = desk.login_token(LAURA, PW);
    let me = api.get_ok("/v1/me", &laura);
    assert_eq!(me["acting_as"]["role"], "staff");
    assert_eq!(me["categories"], Value::Null);
    assert_eq!(me["can_manage"], false);
    let queue = api.get_ok("/v1/tickets", &laura);
    assert_eq!(
        numbers(&queue),
        [first, second, third],
        "waiting, oldest first"
    );
    assert_eq!(queue["items"][1]["account"]["email"], "other@example.com");
    assert!(queue["items"][0]["waiting_since"].is_string());

    // Cursor pagination in the queue order, and in newest-first order.
    let page1 = api.get_ok("/v1/tickets?limit=2", &laura);
    assert_eq!(numbers(&page1), [first, second]);
    let cursor = page1["next_cursor"].as_str().unwrap();
    let page2 = api.get_ok(&format!("/v1/tickets?limit=2&cursor={cursor}"), &laura);
    assert_eq!(numbers(&page2), [third]);
    assert!(page2["next_cursor"].is_null());
    let all1 = api.get_ok("/v1/tickets?status=all&limit=2", &laura);
    assert_eq!(numbers(&all1), [third, second], "newest first");
    let cursor = all1["next_cursor"].as_str().unwrap();
    let all2 = api.get_ok(
        &format!("/v1/tickets?status=all&limit=2&cursor={cursor}"),
        &laura,
    );
    assert_eq!(numbers(&all2), [first]);

    // The account filter; customers may not use it.
    let theirs = api.get_ok("/v1/tickets?account=other@example.com", &laura);
    assert_eq!(numbers(&theirs), [second, third]);
    expect_problem(
        api.get("/v1/tickets?account=other@example.com", &owner),
        403,
    );
    expect_problem(api.get("/v1/tickets?assignee=@me", &owner), 403);
    // Addresses compare as stored (lowercase); what is no address, or a
    // search past the limit, is refused naming the parameter.
    let theirs = api.get_ok("/v1/tickets?account=Other@Example.com", &laura);
    assert_eq!(numbers(&theirs), [second, third]);
    for (query, field) in [
        ("assignee=laura", "assignee"),
        ("account=other", "account"),
        (&*format!("search={}", "x".repeat(201)), "search"),
    ] {
        let p = expect_problem(api.get(&format!("/v1/tickets?{query}"), &laura), 422);
        assert_eq!(fields(&p), [field], "{query}: {p}");
    }
    let longest = format!("/v1/tickets?search={}", "x".repeat(200));
    assert_eq!(numbers(&api.get_ok(&longest, &laura)), Vec::<u64>::new());

    // The billing agent sees billing only, and 404 on anything else.
    let bea = desk.login_token(BEA, PW);
    assert_eq!(numbers(&api.get_ok("/v1/tickets", &bea)), [first, third]);
    // Asking for another category's tickets is refused, not answered.
    let p = expect_problem(api.get("/v1/tickets?category=control-panel", &bea), 403);
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("control-panel is not one of your categories"),
        "{p}"
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?category=billing&status=all", &bea)),
        [third, first]
    );
    let p = expect_problem(api.get(&format!("/v1/tickets/{second}"), &bea), 404);
    assert!(
        p["detail"].as_str().unwrap().contains("in your categories"),
        "{p}"
    );
    expect_problem(
        api.post(
            &format!("/v1/tickets/{second}/messages"),
            &bea,
            &json!({"message": "hi"}),
        ),
        404,
    );
    expect_problem(
        api.post(&format!("/v1/tickets/{second}/close"), &bea, &json!({})),
        404,
    );

    // An answer moves it out of the waiting queue; the customer reply back in.
    let answer = expect(
        api.post(
            &format!("/v1/tickets/{first}/messages"),
            &bea,
            &json!({"message": "Refunded."}),
        ),
        201,
    );
    assert_eq!(answer["author"]["name"], "Bea Billing");
    assert_eq!(answer["author"]["role"], "staff");
    let seen = api.get_ok(&format!("/v1/tickets/{first}"), &owner);
    assert_eq!(seen["status"], "answered");
    assert!(seen["waiting_since"].is_null());
    assert_eq!(numbers(&api.get_ok("/v1/tickets", &bea)), [third]);
    expect(
        api.post(
            &format!("/v1/tickets/{first}/messages"),
            &owner,
            &json!({"message": "Thanks, but..."}),
        ),
        201,
    );
    assert_eq!(numbers(&api.get_ok("/v1/tickets", &bea)), [third, first]);
}

#[test]
fn notes_never_reach_customers_by_any_route() {
    let desk = desk_with_team();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "Refund please"));
    let laura = desk.login_token(LAURA, PW);
    let file = api.upload_id(&laura, "internal.txt", "the customer's card was flagged");
    let note = expect(
        api.post(
            &format!("/v1/tickets/{n}/notes"),
            &laura,
            &json!({"message": "zebracode: fraud check first", "attachments": [file]}),
        ),
        201,
    );
    assert_eq!(note["kind"], "note");
    let agent_view = api.get_ok(&format!("/v1/tickets/{n}"), &laura);
    assert_eq!(
        agent_view["status"], "open",
        "a note never changes the status"
    );
    assert!(agent_view["messages"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["kind"] == "note"));

    // View, list, search, and the note's file: nothing shows it.
    let view = api.get_ok(&format!("/v1/tickets/{n}"), &owner);
    assert!(!view.to_string().contains("zebracode"), "{view}");
    assert!(!view.to_string().contains("internal.txt"), "{view}");
    let list = api.get_ok("/v1/tickets?status=all", &owner);
    assert!(!list.to_string().contains("zebracode"));
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=zebracode", &owner)),
        Vec::<u64>::new()
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=zebracode", &laura)),
        [n]
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=refund", &owner)),
        [n]
    );
    // The note's file is refused like another account's: not found.
    let p = expect_problem(api.get(&format!("/v1/attachments/{file}"), &owner), 404);
    assert_eq!(p["detail"], format!("no attachment {file}"));
    let bytes = api.get(&format!("/v1/attachments/{file}"), &laura);
    assert_eq!(bytes.status(), 200);
    // The billing-less agent... Bea works billing: she can read it too.
    let bea = desk.login_token(BEA, PW);
    assert_eq!(
        api.get(&format!("/v1/attachments/{file}"), &bea).status(),
        200
    );
    // Customers may not write notes.
    let p = expect_problem(
        api.post(
            &format!("/v1/tickets/{n}/notes"),
            &owner,
            &json!({"message": "x"}),
        ),
        403,
    );
    assert_eq!(
        p["detail"],
        "writing an internal note is for the support team: customer credentials cannot do it"
    );
}

#[test]
fn assign_move_close_and_reopen_as_an_agent() {
    let desk = desk_with_team();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let contact = api.add_contact(&owner, "martha@example.com", &["billing"]);
    assert_eq!(contact["email"], "martha@example.com");
    let martha = api.create_token(
        &owner,
        json!({"name": "martha", "contact": "martha@example.com"}),
    );
    let n = number(&api.open_ticket(&martha, "billing", "Where is my mail?"));
    let laura = desk.login_token(LAURA, PW);
    let bea = desk.login_token(BEA, PW);
    let path = format!("/v1/tickets/{n}");

    // Assign: @me, an agent's e-mail, unknown agent (422), nobody.
    let t = expect(
        put(
            &api,
            &format!("{path}/assignee"),
            &bea,
            json!({"assignee": "@me"}),
        ),
        200,
    );
    assert_eq!(t["assignee"]["email"], BEA);
    assert_eq!(numbers(&api.get_ok("/v1/tickets?assignee=@me", &bea)), [n]);
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?assignee=none", &laura)),
        Vec::<u64>::new()
    );
    let p = expect_problem(
        put(
            &api,
            &format!("{path}/assignee"),
            &bea,
            json!({"assignee": "nobody@x.y"}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["assignee"]);
    expect_problem(
        put(
            &api,
            &format!("{path}/assignee"),
            &owner,
            json!({"assignee": null}),
        ),
        403,
    );
    // The customer sees the assignee on the ticket, never the assignment event.
    let seen = api.get_ok(&path, &owner);
    assert_eq!(seen["assignee"]["name"], "Bea Billing");
    assert!(!seen.to_string().contains("assigned to"), "{seen}");
    assert!(api
        .get_ok(&path, &laura)
        .to_string()
        .contains("assigned to Bea Billing"));

    // Bea may not move it out of her categories (403); Laura may.
    let p = expect_problem(patch(&api, &path, &bea, json!({"category": "email"})), 403);
    assert!(p["detail"].as_str().unwrap().contains("billing"), "{p}");
    expect_problem(patch(&api, &path, &owner, json!({"priority": "high"})), 403);
    // A body is an object: serde would read `[category, priority]` too.
    let p = expect_problem(patch(&api, &path, &laura, json!([null, "high"])), 422);
    assert_eq!(fields(&p), ["body"], "{p}");
    let p = expect_problem(
        api.post(&format!("{path}/messages"), &laura, &json!(["hi", []])),
        422,
    );
    assert_eq!(fields(&p), ["body"], "{p}");
    let moved = expect(
        patch(
            &api,
            &path,
            &laura,
            json!({"category": "email", "priority": "high"}),
        ),
        200,
    );
    assert_eq!(moved["category"], "email");
    assert_eq!(moved["priority"], "high");
    assert!(moved["assignee"].is_null(), "Bea does not work email");
    let events: Vec<String> = api.get_ok(&path, &owner)["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "event")
        .map(|m| m["body"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        events,
        [
            "moved from billing to email",
            "priority changed from medium to high"
        ]
    );
    // It vanished for the billing agent and for the billing-only contact.
    expect_problem(api.get(&path, &bea), 404);
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?status=all", &bea)),
        Vec::<u64>::new()
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?status=all", &martha)),
        Vec::<u64>::new()
    );
    expect_problem(api.get(&path, &martha), 403);

    // Close with a last answer (agents only), then reopen as an agent.
    expect_problem(
        api.post(&format!("{path}/close"), &owner, &json!({"message": "bye"})),
        403,
    );
    let closed = expect(
        api.post(
            &format!("{path}/close"),
            &laura,
            &json!({"message": "Fixed the MX record."}),
        ),
        200,
    );
    assert_eq!(closed["status"], "closed");
    let conversation = api.get_ok(&path, &owner)["messages"].clone();
    let tail: Vec<(&str, &str)> = conversation
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .take(2)
        .map(|m| (m["kind"].as_str().unwrap(), m["body"].as_str().unwrap()))
        .collect();
    assert_eq!(
        tail,
        [
            ("event", "closed by Laura Gómez"),
            ("message", "Fixed the MX record.")
        ]
    );
    let reopened = expect(api.post(&format!("{path}/reopen"), &laura, &json!({})), 200);
    assert_eq!(reopened["status"], "open");
}

#[test]
fn agent_tokens_are_at_most_as_wide_as_the_agent() {
    let desk = desk_with_team();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let panel = number(&api.open_ticket(&owner, "control-panel", "Panel"));
    let billing = number(&api.open_ticket(&owner, "billing", "Bill"));
    let bea = desk.login_token(BEA, PW);
    let p = expect_problem(
        api.post(
            "/v1/tokens",
            &bea,
            &json!({"name": "wide", "categories": ["email"]}),
        ),
        403,
    );
    assert!(p["detail"].as_str().unwrap().contains("billing"), "{p}");
    let p = expect_problem(
        api.post(
            "/v1/tokens",
            &bea,
            &json!({"name": "c", "contact": "martha@example.com"}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["contact"]);
    let script = api.create_token(&bea, json!({"name": "script"}));
    assert_eq!(numbers(&api.get_ok("/v1/tickets", &script)), [billing]);
    let laura = desk.login_token(LAURA, PW);
    let narrow = api.create_token(
        &laura,
        json!({"name": "billing-only", "categories": ["billing"]}),
    );
    expect_problem(api.get(&format!("/v1/tickets/{panel}"), &narrow), 404);
    expect(api.get(&format!("/v1/tickets/{billing}"), &narrow), 200);
    // An agent of two categories narrows a token to one of them; and when
    // the admin later takes a category from the agent, the agent's tokens
    // lose it too (a token is the intersection, never wider).
    desk.add_agent(CRIS, "Cris", PW, &["billing", "control-panel"]);
    let cris = desk.login_token(CRIS, PW);
    let cris_billing = api.create_token(
        &cris,
        json!({"name": "billing-only", "categories": ["billing"]}),
    );
    expect_problem(api.get(&format!("/v1/tickets/{panel}"), &cris_billing), 404);
    expect(
        api.get(&format!("/v1/tickets/{billing}"), &cris_billing),
        200,
    );
    let cris_both = api.create_token(
        &cris,
        json!({"name": "both", "categories": ["billing", "control-panel"]}),
    );
    expect(api.get(&format!("/v1/tickets/{panel}"), &cris_both), 200);
    let out = desk.admin(
        &["staff", "edit", CRIS, "--remove-category", "control-panel"],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    expect_problem(api.get(&format!("/v1/tickets/{panel}"), &cris_both), 404);
    expect(api.get(&format!("/v1/tickets/{billing}"), &cris_both), 200);
    let listed = api.get_ok("/v1/tokens", &laura);
    assert_eq!(listed[0]["name"], "billing-only");
    // Contacts are the customers' business.
    expect_problem(api.get("/v1/contacts", &laura), 403);
    // A removed agent's tokens stop at once; its answers stay signed.
    expect(
        api.post(
            &format!("/v1/tickets/{billing}/messages"),
            &script,
            &json!({"message": "On it."}),
        ),
        201,
    );
    desk.remove_agent(BEA);
    expect_problem(api.get("/v1/tickets", &script), 401);
    let seen = api.get_ok(&format!("/v1/tickets/{billing}"), &owner);
    assert_eq!(seen["messages"][1]["author"]["name"], "Bea Billing");
}

#[test]
fn disabled_accounts_are_refused_at_once_and_set_password_ends_sessions() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let token = api.create_token(&owner, json!({"name": "ci"}));
    let out = desk.admin(&["account", "disable", OWNER_EMAIL], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for t in [&owner, &token] {
        let p = expect_problem(api.get("/v1/me", t), 401);
        assert!(p["detail"].as_str().unwrap().contains("disabled"), "{p}");
    }
    let p = expect_problem(
        api.call(
            Method::POST,
            "/v1/sessions",
            None,
            Some(&json!({"email": OWNER_EMAIL, "password": common::OWNER_PASSWORD})),
        ),
        401,
    );
    assert!(p["detail"].as_str().unwrap().contains("disabled"), "{p}");
    let out = desk.admin(&["account", "list", "--json"], "");
    let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(list[0]["disabled_at"].is_string());

    let out = desk.admin(&["account", "enable", OWNER_EMAIL], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    expect(api.get("/v1/me", &owner), 200);
    let out = desk.admin(
        &["account", "set-password", OWNER_EMAIL, "--password-stdin"],
        "a brand new password\n",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    expect_problem(api.get("/v1/me", &owner), 401);
    expect(api.get("/v1/me", &token), 200);
    desk.login_token(OWNER_EMAIL, "a brand new password");
}

#[test]
fn staff_reply_reads_multi_line_text_and_signs_as_an_agent() {
    let desk = desk_with_team();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let n = number(&api.open_ticket(&owner, "billing", "Two lines")).to_string();
    let out = desk.admin(
        &["staff", "reply", &n, "-F", "-", "--as", BEA],
        "First line.\nSecond line.\n",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let seen = api.get_ok(&format!("/v1/tickets/{n}"), &owner);
    assert_eq!(seen["messages"][1]["body"], "First line.\nSecond line.");
    assert_eq!(seen["messages"][1]["author"]["name"], "Bea Billing");
    let out = desk.admin(&["staff", "reply", &n, "-m", "x", "--as", "nobody@x.y"], "");
    assert_ne!(code(&out), 0);
    assert!(stderr(&out).contains("--as"), "{}", stderr(&out));
}

#[test]
fn an_agents_tokens_and_unattached_uploads_are_their_own() {
    let desk = desk_with_team();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let billing = number(&api.open_ticket(&owner, "billing", "Bill"));
    let laura = desk.login_token(LAURA, PW);
    let bea = desk.login_token(BEA, PW);

    // Bea's token, created without categories, is as wide as Bea: billing.
    expect(
        api.post("/v1/tokens", &bea, &json!({"name": "bea-script"})),
        201,
    );
    let beas = api.get_ok("/v1/tokens", &bea);
    assert_eq!(beas[0]["name"], "bea-script");
    assert_eq!(beas[0]["categories"], json!(["billing"]));
    // Laura neither sees nor revokes it.
    let narrow = api.create_token(
        &laura,
        json!({"name": "laura-billing", "categories": ["billing"]}),
    );
    let names: Vec<Value> = api
        .get_ok("/v1/tokens", &laura)
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].clone())
        .collect();
    assert_eq!(names, [json!("laura-billing")]);
    let p = expect_problem(
        api.call(Method::DELETE, "/v1/tokens/bea-script", Some(&laura), None),
        404,
    );
    assert_eq!(
        p["detail"],
        "no token named `bea-script`: `ecolo token list` shows them"
    );
    assert_eq!(api.get_ok("/v1/tokens", &bea)[0]["name"], "bea-script");
    // A token narrower than its agent may not manage tokens.
    let narrowed = "only the agent's login or an unlimited token may manage tokens";
    let p = expect_problem(api.get("/v1/tokens", &narrow), 403);
    assert_eq!(p["detail"], narrowed);
    let p = expect_problem(
        api.post("/v1/tokens", &narrow, &json!({"name": "more"})),
        403,
    );
    assert_eq!(p["detail"], narrowed);

    // Bea's upload, attached to nothing yet: Laura may neither read it nor
    // attach it.
    let file = api.upload_id(&bea, "draft.txt", "Bea's draft");
    let p = expect_problem(api.get(&format!("/v1/attachments/{file}"), &laura), 404);
    assert_eq!(p["detail"], format!("no attachment {file}"));
    let p = expect_problem(
        api.post(
            &format!("/v1/tickets/{billing}/messages"),
            &laura,
            &json!({"message": "with Bea's file", "attachments": [file]}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["attachments"]);
    // Bea may, and then her file belongs to the ticket.
    assert_eq!(
        api.get(&format!("/v1/attachments/{file}"), &bea).status(),
        200
    );
    expect(
        api.post(
            &format!("/v1/tickets/{billing}/messages"),
            &bea,
            &json!({"message": "with my file", "attachments": [file]}),
        ),
        201,
    );
    assert_eq!(
        api.get(&format!("/v1/attachments/{file}"), &owner).status(),
        200
    );
}

#[test]
fn an_agent_logs_in_only_with_its_own_password() {
    let desk = desk_with_team();
    let login = |email: &str, password: &str| {
        reqwest::blocking::Client::new()
            .post(format!("{}/v1/sessions", desk.url))
            .json(&json!({"email": email, "password": password}))
            .send()
            .unwrap()
    };
    let p = expect_problem(login(BEA, "not the password"), 401);
    assert!(p["detail"].is_string(), "{p}");
    let p = expect_problem(login(BEA, PW.trim_end_matches('1')), 401);
    assert!(p["detail"].is_string(), "{p}");
    let ok = expect(login(BEA, PW), 201);
    assert_eq!(ok["me"]["acting_as"]["role"], "staff", "{ok}");
    assert!(ok["token"].as_str().unwrap().starts_with("ecolo_"), "{ok}");
}

#[test]
fn an_agent_downloads_only_attachments_of_its_categories() {
    let desk = desk_with_team();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let mut files = Vec::new();
    for category in ["control-panel", "billing"] {
        let id = api.upload_id(&owner, "log.txt", format!("{category} log"));
        expect(
            api.post(
                "/v1/tickets",
                &owner,
                &json!({"category": category, "subject": "With a file",
                        "message": "see the log", "attachments": [id]}),
            ),
            201,
        );
        files.push(id);
    }
    let (panel_file, billing_file) = (&files[0], &files[1]);
    let bea = desk.login_token(BEA, PW);
    let p = expect_problem(api.get(&format!("/v1/attachments/{panel_file}"), &bea), 404);
    assert!(
        p["detail"].as_str().unwrap().contains(panel_file.as_str()),
        "{p}"
    );
    let resp = api.get(&format!("/v1/attachments/{billing_file}"), &bea);
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.text().unwrap(), "billing log");
    let laura = desk.login_token(LAURA, PW);
    let resp = api.get(&format!("/v1/attachments/{panel_file}"), &laura);
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.text().unwrap(), "control-panel log");
}

/// The numbers on every page of list `path`, following its cursors.
fn every_page(api: &Api, path: &str, token: &str) -> Vec<u64> {
    let mut seen = vec![];
    let mut page = api.get_ok(path, token);
    loop {
        seen.extend(numbers(&page));
        match page["next_cursor"].as_str() {
            Some(c) => page = api.get_ok(&format!("{path}&cursor={c}"), token),
            None => return seen,
        }
    }
}

/// A search is one walk of the full-text index, newest ticket first, in
/// every view: it pages by cursor without repeats, finds words spread over
/// a ticket's subject and messages, follows status and category changes,
/// and never crosses accounts or shows a customer a note.
#[test]
fn a_search_pages_newest_first_and_follows_every_change() {
    let desk = desk_with_team();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    desk.create_account("other@example.net", "Other Ltd", "other password 1");
    let other = desk.login_token("other@example.net", "other password 1");
    let laura = desk.login_token(LAURA, PW);
    let mut opened = vec![];
    for i in 0..7 {
        let t = expect(
            api.post(
                "/v1/tickets",
                &owner,
                &json!({"category": "billing", "subject": format!("Server down {i}"),
                        "message": "the mail bounced"}),
            ),
            201,
        );
        opened.push(number(&t));
    }
    // More newer matches of another account than a search reads before it
    // narrows the full-text walk to the owner's tickets.
    let mut theirs = vec![];
    for i in 0..140 {
        let t = api.open_ticket(&other, "billing", &format!("Server down too {i}"));
        theirs.push(number(&t));
    }
    let newest_first: Vec<u64> = opened.iter().rev().copied().collect();

    // Pages of 3 by cursor: every match once, newest first.
    assert_eq!(
        every_page(&api, "/v1/tickets?search=server+bounced&limit=3", &owner),
        newest_first,
        "the owner's, never the other account's"
    );
    let mut all: Vec<u64> = theirs.iter().rev().copied().collect();
    all.extend(&newest_first);
    assert_eq!(
        every_page(&api, "/v1/tickets?search=server&limit=100", &laura),
        all,
        "agents search every account, newest first (the queue's order is for lists)"
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=server", &owner)),
        newest_first,
        "the owner's few among many newer matches"
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=server+down+too+139", &other)),
        [theirs[139]],
        "a rare match"
    );
    // A list's cursor is no search's, and the reverse.
    let list = api.get_ok("/v1/tickets?limit=1", &owner);
    let c = list["next_cursor"].as_str().unwrap();
    expect_problem(
        api.get(&format!("/v1/tickets?search=server&cursor={c}"), &owner),
        400,
    );

    // A reply, a note, a move and a close are searched as they are now.
    let t = opened[2];
    expect(
        api.post(
            &format!("/v1/tickets/{t}/messages"),
            &owner,
            &json!({"message": "quasarword appeared"}),
        ),
        201,
    );
    expect(
        api.post(
            &format!("/v1/tickets/{t}/notes"),
            &laura,
            &json!({"message": "nebulaword internal"}),
        ),
        201,
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=quasarword", &owner)),
        [t]
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=quasarword+bounced", &owner)),
        [t]
    );
    assert!(numbers(&api.get_ok("/v1/tickets?search=nebulaword", &owner)).is_empty());
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=nebulaword", &laura)),
        [t]
    );
    assert_eq!(
        numbers(&api.get_ok(
            "/v1/tickets?search=quasarword&status=customer-reply",
            &laura
        )),
        [t]
    );
    expect(
        patch(
            &api,
            &format!("/v1/tickets/{t}"),
            &laura,
            json!({"category": "email"}),
        ),
        200,
    );
    assert!(
        numbers(&api.get_ok("/v1/tickets?search=quasarword&category=billing", &laura)).is_empty()
    );
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=quasarword&category=email", &laura)),
        [t]
    );
    let bea = desk.login_token(BEA, PW);
    assert!(
        numbers(&api.get_ok("/v1/tickets?search=quasarword", &bea)).is_empty(),
        "moved out of Bea's categories"
    );
    expect(
        api.post(&format!("/v1/tickets/{t}/close"), &owner, &json!({})),
        200,
    );
    assert!(numbers(&api.get_ok("/v1/tickets?search=quasarword", &owner)).is_empty());
    assert_eq!(
        numbers(&api.get_ok("/v1/tickets?search=quasarword&status=closed", &owner)),
        [t]
    );
}
