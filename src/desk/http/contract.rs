//! Makes the OpenAPI document exact where the derive macros cannot: the
//! answers any operation may get from the layers around the handlers (the
//! HTTP library's 400/408/413/431, busy or full storage 503/507, a bug's
//! 500), and the constraints the store enforces (lengths, enums, ranges,
//! patterns), written here next to each other so the document says what
//! the validation in `store::validate` does. Applied to the whole document,
//! so routes added later get the shared answers too.

use serde_json::{json, Map, Value};
use utoipa::openapi::OpenApi as OpenApiDoc;

use crate::api::{CATEGORY_SLUGS, MAX_TOKEN_DAYS};
use crate::desk::config::{
    DEFAULT_MAX_ATTACHMENTS, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_SUBJECT_CHARS,
};
use crate::desk::store::MAX_SEARCH_CHARS;

/// Characters `char::is_control` refuses (Unicode Cc).
const CONTROLS: &str = r"\u0000-\u001f\u007f-\u009f";

/// One line with something on it, as `validate::name`/`subject` accept.
fn single_line() -> String {
    format!(r"^[^{CONTROLS}]*[^\s{CONTROLS}][^{CONTROLS}]*$")
}

/// The plausible addresses `validate::email` accepts (ASCII ones),
/// unanchored.
const ADDRESS: &str =
    r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9]+(-+[A-Za-z0-9]+)*(\.[A-Za-z0-9]+(-+[A-Za-z0-9]+)*)+";

fn email_pattern() -> String {
    format!(r"^\s*{ADDRESS}\s*$")
}

/// An assignee: `@me`, `none` or an agent's address; `assignment` is the
/// body of `PUT .../assignee`, where an empty string unassigns too.
fn assignee(assignment: bool) -> Value {
    let empty = if assignment { "|" } else { "" };
    json!({"type": "string", "maxLength": 254,
        "pattern": format!(r"^\s*({empty}@me|none|{ADDRESS})\s*$")})
}

fn category() -> Value {
    json!({"type": "string", "enum": CATEGORY_SLUGS})
}

fn categories(min_items: u64) -> Value {
    json!({"type": "array", "items": category(), "minItems": min_items})
}

/// Upload ids (32 hex digits), each once.
fn attachment_ids() -> Value {
    json!({"type": "array", "uniqueItems": true, "maxItems": DEFAULT_MAX_ATTACHMENTS,
        "items": {"type": "string", "pattern": "^[0-9a-f]{32}$"}})
}

fn email() -> Value {
    json!({"type": "string", "pattern": email_pattern(), "maxLength": 254})
}

/// `rule` or null (an `Option` the desk reads null as absent).
fn nullable(mut rule: Value) -> Value {
    let ty = rule["type"].clone();
    rule["type"] = json!([ty, "null"]);
    // An enum applies to every type: null must be one of its values.
    if let Some(values) = rule.get_mut("enum").and_then(Value::as_array_mut) {
        values.push(Value::Null);
    }
    rule
}

fn name() -> Value {
    json!({"type": "string", "pattern": single_line(), "minLength": 1, "maxLength": 100})
}

/// (schema, property, what it must be). Merged into what the derive says.
fn properties() -> Vec<(&'static str, &'static str, Value)> {
    let subject = json!({"type": "string", "pattern": single_line(), "minLength": 1,
        "maxLength": DEFAULT_MAX_SUBJECT_CHARS});
    // The limit is in bytes (JSON Schema counts characters): exact for
    // ASCII, which is what a boundary test sends.
    let message = json!({"type": "string", "pattern": r"\S", "minLength": 1,
        "maxLength": DEFAULT_MAX_MESSAGE_BYTES});
    vec![
        ("NewTicket", "category", category()),
        ("NewTicket", "subject", subject),
        ("NewTicket", "message", message.clone()),
        ("NewMessage", "message", message.clone()),
        ("NewNote", "message", message.clone()),
        ("NewNote", "attachments", attachment_ids()),
        ("CloseRequest", "message", nullable(message)),
        ("Assignment", "assignee", nullable(assignee(true))),
        ("TicketChange", "category", nullable(category())),
        ("NewContact", "email", email()),
        ("NewContact", "name", name()),
        ("NewContact", "categories", categories(1)),
        ("ContactChange", "name", nullable(name())),
        ("ContactChange", "add_categories", categories(0)),
        ("ContactChange", "remove_categories", categories(0)),
        ("NewToken", "name", name()),
        ("NewToken", "contact", nullable(email())),
        ("NewToken", "categories", nullable(categories(1))),
        ("NewTicket", "attachments", attachment_ids()),
        ("NewMessage", "attachments", attachment_ids()),
        (
            "NewToken",
            "expires_in_days",
            json!({"type": ["integer", "null"], "minimum": 1, "maximum": MAX_TOKEN_DAYS}),
        ),
    ]
}

/// (operation id, parameter, what it must be).
fn parameters() -> Vec<(&'static str, &'static str, Value)> {
    vec![
        (
            "list_tickets",
            "limit",
            json!({"type": "integer", "minimum": 1, "maximum": 100}),
        ),
        ("list_tickets", "category", category()),
        ("list_tickets", "assignee", assignee(false)),
        ("list_tickets", "account", email()),
        (
            "list_tickets",
            "search",
            json!({"type": "string", "maxLength": MAX_SEARCH_CHARS}),
        ),
        (
            "upload_attachment",
            "filename",
            json!({"type": "string", "pattern": format!(r#"[^/\\\s."{CONTROLS}][^/\\]*$"#)}),
        ),
        (
            "list_tickets",
            "cursor",
            json!({"type": "string", "pattern": "^([0-9a-f]{2})+$"}),
        ),
        (
            "open_ticket",
            "Idempotency-Key",
            json!({"type": "string", "pattern": "^[!-~]{1,255}$"}),
        ),
    ]
}

/// Answers every operation may get, whatever its handler does.
fn shared_responses(has_body: bool, writes: bool) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![
        ("400", "The request could not be read (path, query, headers or body)"),
        ("431", "The request's headers are too large"),
        ("500", "A bug; the desk's log has the details"),
        ("503", "Busy: the database is locked by another writer, or too many connections; see Retry-After"),
    ];
    if has_body {
        out.push(("408", "The request body arrived too slowly and was dropped"));
        out.push((
            "422",
            "A field of the body has the wrong type or value; see `errors`",
        ));
        out.push(("413", "The request body is larger than this desk accepts"));
    }
    if writes {
        out.push(("507", "The desk's storage is full; nothing was stored"));
    }
    out
}

/// The document with the shared answers and the constraints added.
pub fn exact(doc: OpenApiDoc) -> OpenApiDoc {
    let mut value = serde_json::to_value(&doc).expect("the OpenAPI document serializes");
    tighten(&mut value);
    serde_json::from_value(value).expect("the tightened document is still OpenAPI")
}

fn tighten(doc: &mut Value) {
    for (schema, property, rule) in properties() {
        if let Some(p) = doc.pointer_mut(&format!(
            "/components/schemas/{schema}/properties/{property}"
        )) {
            merge(p, &rule);
        }
    }
    let problem =
        json!({"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}});
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            let Some(op) = op.as_object_mut() else {
                continue;
            };
            let id = op
                .get("operationId")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
                for param in params.iter_mut() {
                    let pname = param
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string();
                    for (op_id, p, rule) in parameters() {
                        if op_id == id && p == pname {
                            if let Some(s) = param.get_mut("schema") {
                                merge(s, &rule);
                            }
                            if p == "filename" {
                                // Without it the upload is refused.
                                param["required"] = json!(true);
                            }
                        }
                    }
                    // Ticket numbers are u32 in the path.
                    if pname == "number" {
                        if let Some(s) = param.get_mut("schema") {
                            merge(s, &json!({"minimum": 0, "maximum": u32::MAX}));
                        }
                    }
                }
            }
            let has_body = op.contains_key("requestBody");
            let writes = method != "get";
            let responses = op
                .entry("responses")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Some(responses) = responses.as_object_mut() {
                for (status, description) in shared_responses(has_body, writes) {
                    responses
                        .entry(status)
                        .or_insert_with(|| json!({"description": description, "content": problem}));
                }
            }
        }
    }
}

/// `rule`'s keys over `target`'s, dropping a `$ref` or type union the rule
/// replaces.
fn merge(target: &mut Value, rule: &Value) {
    let (Some(t), Some(r)) = (target.as_object_mut(), rule.as_object()) else {
        return;
    };
    if r.contains_key("type") {
        // `Option<T>` derives as a type union; an absent value stays allowed
        // through `required`, null is not sent by our clients.
        t.remove("type");
        t.remove("oneOf");
        t.remove("$ref");
    }
    for (k, v) in r {
        t.insert(k.clone(), v.clone());
    }
}
