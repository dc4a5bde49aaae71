//! The desk's problem details follow `Accept-Language` (the CLI sends its
//! language), against the real `ecolo-desk`: Spanish for `es*`, English for
//! anything else or nothing; `title`, `status` and field names never change.

mod common;
mod desk_common;

use common::Desk;
use desk_common::{expect_problem, fields, Api};
use reqwest::Method;
use serde_json::{json, Value};

fn problem(
    api: &Api,
    lang: Option<&str>,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Value {
    let mut req = api.req(method, path, token);
    if let Some(l) = lang {
        req = req.header("accept-language", l);
    }
    if let Some(b) = body {
        req = req.json(b);
    }
    let resp = req.send().expect("request to the desk");
    let status = resp.status().as_u16();
    expect_problem(resp, status)
}

#[test]
fn problem_details_in_the_requested_language_titles_stable() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let get = Method::GET;

    // No credentials: the same 401 in each language, only `detail` differs.
    let en = problem(&api, None, get.clone(), "/v1/tickets", None, None);
    let es = problem(
        &api,
        Some("es-MX,es;q=0.9"),
        get.clone(),
        "/v1/tickets",
        None,
        None,
    );
    let fr = problem(
        &api,
        Some("fr-FR, de;q=0.8"),
        get.clone(),
        "/v1/tickets",
        None,
        None,
    );
    assert_eq!(en["status"], 401);
    assert!(
        en["detail"].as_str().unwrap().starts_with("no credentials"),
        "{en}"
    );
    assert!(
        es["detail"]
            .as_str()
            .unwrap()
            .starts_with("sin credenciales"),
        "{es}"
    );
    assert_eq!(fr, en, "an unknown language falls back to English");
    assert_eq!(es["title"], en["title"]);
    assert_eq!(es["status"], en["status"]);
    assert_eq!(es["type"], en["type"]);

    // The fallbacks are served in the language too.
    let es = problem(&api, Some("es"), get.clone(), "/v1/nowhere", None, None);
    assert_eq!(es["status"], 404);
    assert!(
        es["detail"]
            .as_str()
            .unwrap()
            .contains("no existe esa ruta"),
        "{es}"
    );
    let en = problem(
        &api,
        Some("en-GB, es;q=0.5"),
        get,
        "/v1/nowhere",
        None,
        None,
    );
    assert!(
        en["detail"].as_str().unwrap().contains("no such route"),
        "{en}"
    );
    assert_eq!(es["title"], en["title"]);

    // A 422: the detail in Spanish, the fields named as always.
    let token = desk.owner_token();
    let bad = json!({"category": "billing", "subject": "", "message": "x"});
    let ask = |lang| {
        problem(
            &api,
            Some(lang),
            Method::POST,
            "/v1/tickets",
            Some(&token),
            Some(&bad),
        )
    };
    let (es, en) = (ask("es"), ask("en"));
    assert_eq!(es["status"], 422, "{es}");
    assert!(
        es["detail"].as_str().unwrap().contains("campos no válidos"),
        "{es}"
    );
    assert!(
        en["detail"].as_str().unwrap().contains("invalid fields"),
        "{en}"
    );
    assert_eq!(fields(&es), fields(&en));
    assert!(fields(&es).contains(&"subject".to_string()), "{es}");
    assert_eq!(es["title"], en["title"]);
}

/// The store's own refusals (no such ticket, closed, a taken name, a field
/// the store checks) are catalog messages too, rendered per request.
#[test]
fn store_refusals_follow_accept_language_with_the_same_title_and_status() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let owner = desk.owner_token();
    let ask = |lang: Option<&str>, method: Method, path: &str, body: Option<&Value>| {
        problem(&api, lang, method, path, Some(&owner), body)
    };

    let en = ask(None, Method::GET, "/v1/tickets/123456", None);
    let es = ask(Some("es"), Method::GET, "/v1/tickets/123456", None);
    assert_eq!(
        (en["status"].clone(), es["status"].clone()),
        (json!(404), json!(404))
    );
    assert_eq!(en["title"], es["title"], "titles never change");
    assert_eq!(
        en["detail"],
        "no ticket 123456 in this account: `ecolo ticket list --status all` shows them"
    );
    assert_eq!(
        es["detail"],
        "no hay un ticket 123456 en esta cuenta: `ecolo ticket list --status all` los muestra"
    );

    // A conflict with a nested role, and a field the store checks.
    let martha =
        json!({"email": "martha@example.com", "name": "Martha", "categories": ["billing"]});
    api.add_contact(&owner, "martha@example.com", &["billing"]);
    let es = ask(Some("es-ES"), Method::POST, "/v1/contacts", Some(&martha));
    assert_eq!(es["status"], 409);
    assert!(
        es["detail"]
            .as_str()
            .unwrap()
            .starts_with("martha@example.com ya es un contacto"),
        "{es}"
    );
    let owner_self = json!({"email": "owner@example.com", "name": "Me", "categories": ["billing"]});
    let en = ask(Some("en"), Method::POST, "/v1/contacts", Some(&owner_self));
    let es = ask(Some("es"), Method::POST, "/v1/contacts", Some(&owner_self));
    assert_eq!(fields(&en), fields(&es), "field names never change");
    assert_eq!(fields(&es), ["email"]);
    assert!(
        es["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("titular"),
        "{es}"
    );
    assert!(
        en["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("account owner's own address"),
        "{en}"
    );

    // The listing's own checks, a nested reason included.
    let es = ask(
        Some("es"),
        Method::GET,
        "/v1/tickets?limit=0&assignee=laura",
        None,
    );
    assert_eq!(fields(&es), ["limit", "assignee"], "{es}");
    assert_eq!(es["errors"][0]["message"], "debe estar entre 1 y 100");
    assert_eq!(
        es["errors"][1]["message"],
        "`laura` no es una dirección de correo: use la forma nombre@example.com, o use @me o none"
    );
    let en = ask(None, Method::GET, "/v1/tickets?limit=0", None);
    assert_eq!(en["errors"][0]["message"], "must be between 1 and 100");
}
