//! Who may do what, against the real `ecolo-desk`: every authenticated route
//! (the document's list) refuses missing, bad, revoked and expired tokens
//! with the hint of each; and every route against every credential kind
//! (owner session, full owner token, category-limited token, contact token,
//! category-limited contact token, another account), each refusal with its
//! status and whole detail, each allowed cell with what it showed or saved.
//! The support team's routes (notes, assignee, PATCH, close with a last
//! answer, the queue's filters) are refused to every customer credential;
//! agents' own matrix is tests/staff_permissions.rs.

mod common;
mod desk_common;

use common::{Desk, OWNER_EMAIL};
use desk_common::{expect, expect_problem, fields, number, Api};
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
        (
            Method::PATCH,
            "/v1/tickets/{n}",
            Some(json!({"priority": "high"})),
        ),
        (
            Method::POST,
            "/v1/tickets/{n}/notes",
            Some(json!({"message": "m"})),
        ),
        (
            Method::PUT,
            "/v1/tickets/{n}/assignee",
            Some(json!({"assignee": null})),
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
    let unknown = "the token is unknown or was revoked: run `ecolo login`";
    // Each refusal names its own cause, then the way out.
    let credentials: [(&str, Option<&str>, &str); 6] = [
        ("no token", None, "no credentials: run `ecolo login`"),
        (
            "not an ecolo token",
            Some("hunter2"),
            "that is not an ecolo token: run `ecolo login`",
        ),
        ("unknown token", Some(&bad), unknown),
        ("logged-out session", Some(&revoked), unknown),
        ("revoked personal token", Some(&personal_revoked), unknown),
        ("expired token", Some(&expired), "the token expired at "),
    ];
    // The list is the document's: every operation that asks for a bearer token.
    let doc = expect(api.call(Method::GET, "/v1/openapi.json", None, None), 200);
    let mut documented = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if op.get("security").is_some() {
                documented.push(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    let mut listed: Vec<String> = authenticated_routes()
        .iter()
        .map(|(m, p, _)| {
            let p = p.split('?').next().unwrap();
            let p = p.replace("{n}", "{number}").replace("{a}", "{id}");
            let p = p
                .replace("/c@example.com", "/{email}")
                .replace("/tokens/t", "/tokens/{name}");
            format!("{m} {p}")
        })
        .collect();
    documented.sort();
    listed.sort();
    assert_eq!(
        listed, documented,
        "authenticated_routes() is every authenticated route"
    );

    for (method, path, body) in authenticated_routes() {
        let path = path.replace("{n}", &n.to_string()).replace("{a}", &a);
        for (what, token, hint) in &credentials {
            let resp = api.call(method.clone(), &path, *token, body.as_ref());
            let p = expect_problem(resp, 401);
            let detail = p["detail"].as_str().unwrap();
            assert!(detail.starts_with(hint), "{what} on {method} {path}: {p}");
            assert!(detail.contains("ecolo login"), "{what}: {p}");
        }
    }
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

/// The credentials of the matrix, each against the owner's account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cred {
    /// The owner's login session.
    Session,
    /// An owner token without limits.
    Full,
    /// An owner token limited to billing.
    Limited,
    /// A token bound to Martha (billing, quotes).
    Contact,
    /// A token bound to Martha, limited to quotes.
    ContactQuotes,
    /// The login session of another account's owner.
    Other,
}

const CREDS: [Cred; 6] = [
    Cred::Session,
    Cred::Full,
    Cred::Limited,
    Cred::Contact,
    Cred::ContactQuotes,
    Cred::Other,
];

const CATEGORIES: [&str; 3] = ["control-panel", "billing", "quotes"];
const MARTHA: &str = "martha@example.com";
const MANAGE_REFUSAL: &str = "only the account owner's login or an unlimited owner token may \
                              manage contacts and tokens";
const LAURA: &str = "laura@support.example";

/// The 403 a customer credential meets on a support-team route, checked
/// before the ticket is looked up (so the same for another account).
fn staff_only(what: &str) -> String {
    format!("{what} is for the support team: customer credentials cannot do it")
}

impl Cred {
    fn tag(self) -> String {
        format!("{self:?}").to_lowercase()
    }

    /// The categories of the owner's account these credentials may use.
    fn allowed(self) -> &'static [&'static str] {
        match self {
            Cred::Session | Cred::Full => &CATEGORIES,
            Cred::Limited => &["billing"],
            Cred::Contact => &["billing", "quotes"],
            Cred::ContactQuotes => &["quotes"],
            Cred::Other => &[],
        }
    }

    fn can_manage(self) -> bool {
        matches!(self, Cred::Session | Cred::Full)
    }

    /// The 403 a category outside [`Cred::allowed`] meets.
    fn category_refusal(self) -> String {
        format!(
            "these credentials may only use: {}",
            self.allowed().join(", ")
        )
    }
}

/// What a cell must answer: a success status, or a refusal's status and
/// its whole `detail`.
enum Want {
    Ok(u16),
    No(u16, String),
}

/// The owner's ticket in one category, with the file attached to it.
struct OwnedTicket {
    category: &'static str,
    number: u64,
    subject: String,
    attachment: String,
    content: String,
}

/// Sends one cell and checks its answer; the JSON of an allowed cell.
#[track_caller]
fn cell(
    api: &Api,
    who: Cred,
    token: &str,
    (method, path, body): (Method, String, Option<Value>),
    want: Want,
) -> Value {
    let name = format!("{who:?} {method} {path}");
    let resp = api.call(method, &path, Some(token), body.as_ref());
    match want {
        Want::Ok(status) => {
            let got = resp.status().as_u16();
            let text = resp.text().unwrap();
            assert_eq!(got, status, "{name}: {text}");
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        }
        Want::No(status, detail) => {
            let p = expect_problem(resp, status);
            assert_eq!(p["detail"], detail.as_str(), "{name}");
            Value::Null
        }
    }
}

#[test]
fn every_route_for_every_credential_kind_reaches_its_check() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    // The owner's own view, never logged out by the matrix.
    let admin = desk.owner_token();
    api.add_contact(&admin, MARTHA, &["billing", "quotes"]);
    let full = api.create_token(&admin, json!({"name": "full"}));
    let limited = api.create_token(
        &admin,
        json!({"name": "limited", "categories": ["billing"]}),
    );
    let contact = api.create_token(&admin, json!({"name": "martha", "contact": MARTHA}));
    let contact_quotes = api.create_token(
        &admin,
        json!({"name": "martha-quotes", "contact": MARTHA, "categories": ["quotes"]}),
    );
    desk.create_account("other@example.com", "Otto Other", "other password");
    let tokens = [
        desk.owner_token(),
        full,
        limited,
        contact,
        contact_quotes,
        desk.login_token("other@example.com", "other password"),
    ];
    let owned: Vec<OwnedTicket> = CATEGORIES
        .iter()
        .map(|&category| {
            let content = format!("the {category} file");
            let attachment = api.upload_id(&admin, &format!("{category}.txt"), content.clone());
            let subject = format!("{category} ticket");
            let ticket = expect(
                api.post(
                    "/v1/tickets",
                    &admin,
                    &json!({"category": category, "subject": subject, "message": "m",
                            "attachments": [attachment]}),
                ),
                201,
            );
            OwnedTicket {
                category,
                number: number(&ticket),
                subject,
                attachment,
                content,
            }
        })
        .collect();

    for (who, token) in CREDS.into_iter().zip(&tokens) {
        let tag = who.tag();
        let call = |route: (Method, String, Option<Value>), want: Want| {
            cell(&api, who, token, route, want)
        };
        let get = |path: String| (Method::GET, path, None);
        let post = |path: String, body: Value| (Method::POST, path, Some(body));

        // Who they are.
        let me = call(get("/v1/me".into()), Want::Ok(200));
        let (account, manages) = match who {
            Cred::Other => ("other@example.com", true),
            _ => (OWNER_EMAIL, who.can_manage()),
        };
        assert_eq!(me["account_email"], account, "{who:?}: {me}");
        assert_eq!(me["can_manage"], manages, "{who:?}: {me}");
        let acting = if matches!(who, Cred::Contact | Cred::ContactQuotes) {
            "contact"
        } else {
            "owner"
        };
        assert_eq!(me["acting_as"]["role"], acting, "{who:?}: {me}");
        let categories = match who {
            Cred::Session | Cred::Full | Cred::Other => Value::Null,
            _ => json!(who.allowed()),
        };
        assert_eq!(me["categories"], categories, "{who:?}: {me}");

        // Uploads: anyone may, into the account they act for, and may
        // fetch what they uploaded while it is attached to nothing.
        let upload = |name: &str| {
            let up = expect(api.upload(token, name, format!("{name} by {tag}")), 201);
            up["id"].as_str().unwrap().to_string()
        };
        let mine = upload("mine.txt");
        let bytes = api.get(&format!("/v1/attachments/{mine}"), token);
        assert_eq!(expect(bytes, 200), json!(format!("mine.txt by {tag}")));

        for t in &owned {
            let n = t.number;
            let want = |ok: u16| -> Want {
                if who == Cred::Other {
                    Want::No(
                        404,
                        format!("no ticket {n} in this account: `ecolo ticket list --status all` shows them"),
                    )
                } else if who.allowed().contains(&t.category) {
                    Want::Ok(ok)
                } else {
                    Want::No(403, who.category_refusal())
                }
            };
            let allowed = matches!(want(200), Want::Ok(_));
            let seen = call(get(format!("/v1/tickets/{n}")), want(200));
            if allowed {
                assert_eq!(seen["subject"], t.subject.as_str());
            }
            // The attachment route has a check of its own: asked directly,
            // not through the ticket.
            let a = &t.attachment;
            let attachment_want = match want(200) {
                Want::No(404, _) => Want::No(404, format!("no attachment {a}")),
                other => other,
            };
            let file = call(get(format!("/v1/attachments/{a}")), attachment_want);
            if allowed {
                assert_eq!(file, json!(t.content));
            }
            let attached = upload("reply.txt");
            let reply = call(
                post(
                    format!("/v1/tickets/{n}/messages"),
                    json!({"message": format!("reply by {tag}"), "attachments": [attached]}),
                ),
                want(201),
            );
            if allowed {
                assert_eq!(reply["author"]["role"], acting);
                assert_eq!(reply["attachments"][0]["id"], attached.as_str());
            }
            let closed = call(
                (Method::POST, format!("/v1/tickets/{n}/close"), None),
                want(200),
            );
            let reopened = call(
                (Method::POST, format!("/v1/tickets/{n}/reopen"), None),
                want(200),
            );
            if allowed {
                assert_eq!(closed["status"], "closed");
                assert_eq!(reopened["status"], "open");
            }
            // The support team's routes: refused to every customer
            // credential, whatever the ticket.
            let staff = |what: &str| Want::No(403, staff_only(what));
            call(
                post(
                    format!("/v1/tickets/{n}/notes"),
                    json!({"message": format!("note by {tag}")}),
                ),
                staff("writing an internal note"),
            );
            call(
                (
                    Method::PUT,
                    format!("/v1/tickets/{n}/assignee"),
                    Some(json!({"assignee": LAURA})),
                ),
                staff("assigning tickets"),
            );
            call(
                (
                    Method::PATCH,
                    format!("/v1/tickets/{n}"),
                    Some(json!({"category": "email", "priority": "high"})),
                ),
                staff("changing a ticket's category or priority"),
            );
            call(
                post(
                    format!("/v1/tickets/{n}/close"),
                    json!({"message": format!("last answer by {tag}")}),
                ),
                staff("closing with a last answer"),
            );
        }
        // The queue's filters are the support team's too.
        let queue_only = "`assignee` and `account` filter the support team's queue: customers \
                          see their own account's tickets";
        for filter in [
            "assignee=@me".to_string(),
            "assignee=none".to_string(),
            format!("account={OWNER_EMAIL}"),
        ] {
            call(
                get(format!("/v1/tickets?status=all&{filter}")),
                Want::No(403, queue_only.to_string()),
            );
        }

        // Opening and listing, per category.
        for category in CATEGORIES {
            let in_scope = who == Cred::Other || who.allowed().contains(&category);
            let want = |ok: u16| {
                if in_scope {
                    Want::Ok(ok)
                } else {
                    Want::No(403, who.category_refusal())
                }
            };
            let subject = format!("{category} opened by {tag}");
            let opened = call(
                post(
                    "/v1/tickets".into(),
                    json!({"category": category, "subject": subject, "message": "m"}),
                ),
                want(201),
            );
            let listed = call(
                get(format!("/v1/tickets?status=all&category={category}")),
                want(200),
            );
            if in_scope {
                assert_eq!(opened["requester"]["role"], acting);
                let subjects: Vec<&str> = listed["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t["subject"].as_str().unwrap())
                    .collect();
                assert!(subjects.contains(&subject.as_str()), "{who:?}: {listed}");
                assert!(
                    listed["items"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .all(|t| t["category"] == category),
                    "{who:?}: {listed}"
                );
            }
        }
        let everything = call(
            get("/v1/tickets?status=all&limit=100".into()),
            Want::Ok(200),
        );
        let mut seen: Vec<&str> = everything["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["category"].as_str().unwrap())
            .collect();
        seen.sort();
        seen.dedup();
        let mut expected: Vec<&str> = if who == Cred::Other {
            CATEGORIES.to_vec()
        } else {
            who.allowed().to_vec()
        };
        expected.sort();
        assert_eq!(seen, expected, "{who:?} lists only its categories");

        // Contacts and tokens: owner-full credentials only; another
        // account manages its own and finds none of the owner's.
        let spare = format!("spare-{tag}@example.com");
        api.add_contact(&admin, &spare, &["billing"]);
        api.create_token(&admin, json!({"name": format!("spare-{tag}")}));
        let manage = |ok: u16, missing: String| {
            if who.can_manage() {
                Want::Ok(ok)
            } else if who == Cred::Other {
                Want::No(404, missing)
            } else {
                Want::No(403, MANAGE_REFUSAL.to_string())
            }
        };
        let own = |ok: u16| {
            if who.can_manage() || who == Cred::Other {
                Want::Ok(ok)
            } else {
                Want::No(403, MANAGE_REFUSAL.to_string())
            }
        };
        let no_contact = |email: &str| {
            format!("no contact {email} in this account: `ecolo contact list` shows them")
        };
        let contacts = call(get("/v1/contacts".into()), own(200));
        let added = call(
            post(
                "/v1/contacts".into(),
                json!({"email": format!("added-by-{tag}@example.com"), "name": "Added",
                       "categories": ["billing"]}),
            ),
            own(201),
        );
        let renamed = call(
            (
                Method::PATCH,
                format!("/v1/contacts/{MARTHA}"),
                Some(json!({"name": format!("renamed by {tag}")})),
            ),
            manage(200, no_contact(MARTHA)),
        );
        call(
            (Method::DELETE, format!("/v1/contacts/{spare}"), None),
            manage(204, no_contact(&spare)),
        );
        let token_list = call(get("/v1/tokens".into()), own(200));
        let made = call(
            post(
                "/v1/tokens".into(),
                json!({"name": format!("made-by-{tag}")}),
            ),
            own(201),
        );
        call(
            (Method::DELETE, format!("/v1/tokens/spare-{tag}"), None),
            manage(
                204,
                format!("no token named `spare-{tag}`: `ecolo token list` shows them"),
            ),
        );
        if who.can_manage() {
            assert!(contacts.to_string().contains(MARTHA), "{contacts}");
            assert!(token_list.to_string().contains("limited"), "{token_list}");
            assert_eq!(renamed["name"], format!("renamed by {tag}"));
        }
        if who == Cred::Other {
            assert_eq!(contacts, json!([]), "none of the owner's contacts");
            assert_eq!(token_list, json!([]), "none of the owner's tokens");
        }
        if who.can_manage() || who == Cred::Other {
            assert_eq!(added["email"], format!("added-by-{tag}@example.com"));
            assert!(made["token"].as_str().unwrap().starts_with("ecolo_"));
        }

        // Logging out revokes exactly the credentials presented.
        call(
            (Method::DELETE, "/v1/sessions/current".into(), None),
            Want::Ok(204),
        );
        let p = expect_problem(api.get("/v1/me", token), 401);
        assert!(
            p["detail"]
                .as_str()
                .unwrap()
                .starts_with("the token is unknown or was revoked"),
            "{who:?}: {p}"
        );
    }

    // What the owner and the support team find: only the allowed cells' writes.
    desk.add_agent(LAURA, "Laura Gómez", "laura's long passphrase", &[]);
    let laura = desk.login_token(LAURA, "laura's long passphrase");
    for t in &owned {
        let detail = api.get_ok(&format!("/v1/tickets/{}", t.number), &admin);
        let authors: Vec<&str> = detail["messages"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["body"].as_str().unwrap().strip_prefix("reply by "))
            .collect();
        let expected: Vec<String> = CREDS
            .into_iter()
            .filter(|c| *c != Cred::Other && c.allowed().contains(&t.category))
            .map(Cred::tag)
            .collect();
        assert_eq!(authors, expected, "replies on {}", t.category);
        assert_eq!(detail["status"], "open");
        // The refused support-team calls changed nothing: no note (as the
        // support team sees it), no assignee, category and priority kept,
        // and no last answer.
        let seen = api.get_ok(&format!("/v1/tickets/{}", t.number), &laura);
        assert_eq!(seen["category"], t.category);
        assert_ne!(seen["priority"], "high", "{seen}");
        assert_eq!(seen["assignee"], Value::Null);
        let bodies = seen["messages"].to_string();
        assert!(!bodies.contains("note by "), "{seen}");
        assert!(!bodies.contains("last answer by "), "{seen}");
        assert!(
            seen["messages"]
                .as_array()
                .unwrap()
                .iter()
                .all(|m| m["kind"] != "note"),
            "{seen}"
        );
    }
    let contacts = api.get_ok("/v1/contacts", &admin);
    let mut emails: Vec<&str> = contacts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["email"].as_str().unwrap())
        .collect();
    emails.sort();
    let mut want = vec![
        "added-by-full@example.com",
        "added-by-session@example.com",
        MARTHA,
        "spare-contact@example.com",
        "spare-contactquotes@example.com",
        "spare-limited@example.com",
        "spare-other@example.com",
    ];
    want.sort();
    assert_eq!(emails, want, "the refused adds and removes changed nothing");
    let martha = contacts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["email"] == MARTHA)
        .unwrap();
    assert_eq!(martha["name"], "renamed by full");
    let mut names: Vec<String> = api
        .get_ok("/v1/tokens", &admin)
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    // `full`, `limited` and the contact tokens logged themselves out.
    assert_eq!(
        names,
        [
            "made-by-full",
            "made-by-session",
            "spare-contact",
            "spare-contactquotes",
            "spare-limited",
            "spare-other",
        ]
    );
    // An upload of another account cannot be attached here.
    let theirs = {
        let other = desk.login_token("other@example.com", "other password");
        api.upload_id(&other, "theirs.txt", "not yours")
    };
    let p = expect_problem(
        api.post(
            &format!("/v1/tickets/{}/messages", owned[0].number),
            &admin,
            &json!({"message": "m", "attachments": [theirs]}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["attachments"]);
}

#[test]
fn a_contacts_tokens_narrow_at_once_when_its_categories_do() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    api.add_contact(&owner, MARTHA, &["billing", "quotes"]);
    let contact = api.create_token(&owner, json!({"name": "martha", "contact": MARTHA}));
    // A contact token cannot be wider than its contact.
    let p = expect_problem(
        api.post(
            "/v1/tokens",
            &owner,
            &json!({"name": "wide", "contact": MARTHA, "categories": ["email"]}),
        ),
        422,
    );
    assert_eq!(fields(&p), ["categories"]);
    let bill = number(&api.open_ticket(&owner, "billing", "invoice"));
    api.get_ok(&format!("/v1/tickets/{bill}"), &contact);

    expect(
        api.call(
            Method::PATCH,
            &format!("/v1/contacts/{MARTHA}"),
            Some(&owner),
            Some(&json!({"remove_categories": ["billing"]})),
        ),
        200,
    );
    let p = expect_problem(api.get(&format!("/v1/tickets/{bill}"), &contact), 403);
    assert_eq!(p["detail"], "these credentials may only use: quotes");
    assert_eq!(
        api.get_ok("/v1/me", &contact)["categories"],
        json!(["quotes"])
    );
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
    // The contact row disappears behind the desk's back with foreign keys
    // off (so nothing cascades), leaving the token bound to nobody.
    let conn = rusqlite::Connection::open(desk.db()).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    conn.execute("DELETE FROM contacts WHERE email = 'it@example.com'", [])
        .unwrap();
    let kept: i64 = conn
        .query_row(
            "SELECT count(*) FROM tokens WHERE name = 'it-bot' AND contact_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        kept, 1,
        "the token outlives its contact, as this test needs"
    );
    let p = expect_problem(api.get("/v1/me", &token), 401);
    let detail = p["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("the token is unknown or was revoked: run `ecolo login`"),
        "{p}"
    );
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
