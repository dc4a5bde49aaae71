//! The OpenAPI document served at /v1/openapi.json describes exactly the
//! routes the desk serves: the served routes come from the router's own
//! list and the running desk's answers, not from a list in this test.

mod common;
mod desk_common;

use std::collections::BTreeSet;

use common::Desk;
use desk_common::{expect, Api};
use reqwest::Method;

/// The routes of the contract in /work/shared/design.md and issue 8's
/// support-team routes (method, OpenAPI path): the document must not lose
/// or gain one unnoticed.
const CONTRACT: [(&str, &str); 24] = [
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

/// A concrete URL for an OpenAPI path template.
fn concrete(path: &str) -> String {
    path.replace("{id}", "x")
        .replace("{number}", "123456")
        .replace("{email}", "a@b.c")
        .replace("{name}", "n")
}

/// `(method, path)` of every operation in `doc`.
fn documented(doc: &serde_json::Value) -> BTreeSet<(String, String)> {
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                documented.insert((method.clone(), path.clone()));
            }
        }
    }
    documented
}

#[test]
fn the_document_lists_exactly_the_routes_the_router_serves() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let doc = expect(api.call(Method::GET, "/v1/openapi.json", None, None), 200);
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );

    // Served: each path the router registers, with each method the running
    // desk does not answer 405 (no such method) or 404 (no such route).
    let paths = ecolo::desk::http::served_paths();
    assert!(!paths.is_empty());
    let mut served = BTreeSet::new();
    for path in &paths {
        for method in [
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ] {
            let status = api
                .call(method.clone(), &concrete(path), None, None)
                .status()
                .as_u16();
            assert_ne!(status, 404, "{method} {path} is registered but not found");
            if status != 405 {
                served.insert((method.as_str().to_lowercase(), path.clone()));
            }
        }
    }
    assert_eq!(documented(&doc), served, "documented vs served");
    let contract: BTreeSet<(String, String)> = CONTRACT
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(served, contract, "served vs the design's contract");

    // Documented as needing a token exactly when the desk asks for one.
    for (method, path) in &served {
        let op = &doc["paths"][path][method];
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let status = api
            .call(method.clone(), &concrete(path), None, None)
            .status()
            .as_u16();
        assert_eq!(
            op.get("security").is_some(),
            status == 401,
            "{method} {path} answered {status} without a token"
        );
    }
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
    // A route the router does not have is the fallback's 404.
    let p = expect(api.call(Method::GET, "/v1/nothing", None, None), 404);
    assert!(
        p["detail"].as_str().unwrap().contains("no such route"),
        "{p}"
    );
}

#[test]
fn no_route_is_added_outside_the_routers_list() {
    // `served_paths` sees only `route_list`; a route added any other way
    // (axum's own `.route`, `.nest`, `.merge`) would be served undocumented.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/desk/http");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let code = std::fs::read_to_string(&path).unwrap();
        files += 1;
        for call in [
            ".route(",
            ".nest(",
            ".merge(",
            ".route_service(",
            ".nest_service(",
        ] {
            assert!(
                !code.contains(call),
                "{} adds a route with `{call}`: add it to route_list() instead",
                path.display()
            );
        }
    }
    assert!(files >= 7, "read the http modules in {}", dir.display());
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
    assert_eq!(ids.len(), CONTRACT.len());
}

#[test]
fn the_library_openapi_function_returns_the_served_document() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let served = expect(api.call(Method::GET, "/v1/openapi.json", None, None), 200);
    let built = serde_json::to_value(ecolo::desk::http::openapi()).unwrap();
    assert_eq!(served, built);
}
