//! The OpenAPI document served at /v1/openapi.json describes exactly the
//! routes the desk serves.

mod common;
mod desk_common;

use std::collections::BTreeSet;

use common::Desk;
use desk_common::{expect, Api};
use reqwest::Method;

/// Every route of the contract in docs (method, OpenAPI path).
const ROUTES: [(&str, &str); 24] = [
    ("post", "/v1/sessions"),
    ("delete", "/v1/sessions/current"),
    ("get", "/v1/me"),
    ("get", "/v1/limits"),
    ("get", "/v1/categories"),
    ("get", "/v1/openapi.json"),
    ("post", "/v1/attachments"),
    ("get", "/v1/attachments/{id}"),
    ("post", "/v1/tickets"),
    ("get", "/v1/tickets"),
    ("get", "/v1/tickets/{number}"),
    ("patch", "/v1/tickets/{number}"),
    ("post", "/v1/tickets/{number}/messages"),
    ("post", "/v1/tickets/{number}/notes"),
    ("put", "/v1/tickets/{number}/assignee"),
    ("post", "/v1/tickets/{number}/close"),
    ("post", "/v1/tickets/{number}/reopen"),
    ("get", "/v1/contacts"),
    ("post", "/v1/contacts"),
    ("patch", "/v1/contacts/{email}"),
    ("delete", "/v1/contacts/{email}"),
    ("get", "/v1/tokens"),
    ("post", "/v1/tokens"),
    ("delete", "/v1/tokens/{name}"),
];

const PUBLIC: [&str; 4] = [
    "/v1/sessions",
    "/v1/limits",
    "/v1/categories",
    "/v1/openapi.json",
];

#[test]
fn openapi_documents_every_served_route_and_nothing_else() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let doc = expect(api.call(Method::GET, "/v1/openapi.json", None, None), 200);
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );

    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                documented.insert((method.clone(), path.clone()));
            }
        }
    }
    let expected: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented, expected);
    assert_eq!(
        doc["paths"].as_object().unwrap().len(),
        19,
        "distinct paths"
    );
    assert!(doc["components"]["schemas"]["TicketDetail"].is_object());
    for schema in [
        "NewNote",
        "Assignment",
        "TicketChange",
        "AccountRef",
        "AgentRef",
        "MessageKind",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());

    // Each documented route is really served: an unknown route would be 404,
    // a wrong method 405; authenticated routes answer 401 without a token.
    for (method, path) in ROUTES {
        let concrete = path
            .replace("{id}", "x")
            .replace("{number}", "123456")
            .replace("{email}", "a@b.c")
            .replace("{name}", "n");
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let status = api
            .call(method.clone(), &concrete, None, None)
            .status()
            .as_u16();
        if PUBLIC.contains(&path) {
            assert!(
                status != 404 && status != 405 && status != 401,
                "{method} {path}: {status}"
            );
        } else {
            assert_eq!(status, 401, "{method} {path}");
        }
    }
    // And an undocumented one is not.
    let p = api.call(Method::GET, "/v1/nothing", None, None);
    assert_eq!(p.status().as_u16(), 404);
}

/// Every `$ref` in `value`.
fn refs(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", serde_json::Value::String(r)) => out.push(r.clone()),
                    _ => refs(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn openapi_is_self_contained_with_unique_operation_ids() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let doc = expect(api.call(Method::GET, "/v1/openapi.json", None, None), 200);
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(!found.is_empty());
    for r in found {
        let name = r
            .strip_prefix("#/components/schemas/")
            .expect("local schema ref");
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "dangling $ref {r}"
        );
    }
    let mut ids = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap().to_string();
            assert!(
                ids.insert(id.clone()),
                "operationId {id} repeats ({method} {path})"
            );
            assert!(op["summary"].is_string(), "{method} {path} has no summary");
        }
    }
    assert_eq!(ids.len(), ROUTES.len());
}

#[test]
fn openapi_from_the_library_matches_the_served_document() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let served = expect(api.call(Method::GET, "/v1/openapi.json", None, None), 200);
    let built = serde_json::to_value(ecolo::desk::http::openapi()).unwrap();
    assert_eq!(served, built);
}
