//! HTTP helpers for the desk's own tests: a blocking client that speaks the
//! API with JSON values, so tests state requests and answers literally.
#![allow(dead_code)]

use reqwest::blocking::{Body, Client, RequestBuilder, Response};
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::Desk;

pub struct Api {
    pub base: String,
    pub client: Client,
}

impl Api {
    pub fn new(desk: &Desk) -> Api {
        Api {
            base: desk.url.clone(),
            // Long enough for a 50 MiB round trip on a loaded machine; a
            // desk that stops answering fails the test instead of hanging it.
            client: Client::builder()
                .timeout(std::time::Duration::from_secs(300))
                .build()
                .unwrap(),
        }
    }

    pub fn req(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.base, path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        req
    }

    pub fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Response {
        let mut req = self.req(method, path, token);
        if let Some(body) = body {
            req = req.json(body);
        }
        req.send().expect("request to the desk")
    }

    pub fn get(&self, path: &str, token: &str) -> Response {
        self.call(Method::GET, path, Some(token), None)
    }

    pub fn post(&self, path: &str, token: &str, body: &Value) -> Response {
        self.call(Method::POST, path, Some(token), Some(body))
    }

    /// Uploads `body` as the file `filename` (its name as it goes in the URL).
    pub fn upload(&self, token: &str, filename: &str, body: impl Into<Body>) -> Response {
        self.req(
            Method::POST,
            &format!("/v1/attachments?filename={filename}"),
            Some(token),
        )
        .header("content-type", "application/octet-stream")
        .body(body)
        .send()
        .expect("request to the desk")
    }

    /// Uploads a file, expecting 201; its id.
    pub fn upload_id(&self, token: &str, filename: &str, body: impl Into<Body>) -> String {
        expect(self.upload(token, filename, body), 201)["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// GET expecting 200; the JSON answer.
    pub fn get_ok(&self, path: &str, token: &str) -> Value {
        expect(self.get(path, token), 200)
    }

    pub fn open_ticket(&self, token: &str, category: &str, subject: &str) -> Value {
        expect(
            self.post(
                "/v1/tickets",
                token,
                &json!({"category": category, "subject": subject, "message": format!("about {subject}")}),
            ),
            201,
        )
    }

    pub fn add_contact(&self, token: &str, email: &str, categories: &[&str]) -> Value {
        expect(
            self.post(
                "/v1/contacts",
                token,
                &json!({"email": email, "name": format!("Contact {email}"), "categories": categories}),
            ),
            201,
        )
    }

    /// Creates a personal token; answers its secret.
    pub fn create_token(&self, owner: &str, body: Value) -> String {
        let created = expect(self.post("/v1/tokens", owner, &body), 201);
        created["token"].as_str().unwrap().to_string()
    }
}

/// Asserts the status and answers the JSON body (null when empty).
#[track_caller]
pub fn expect(resp: Response, status: u16) -> Value {
    let got = resp.status().as_u16();
    let text = resp.text().unwrap_or_default();
    assert_eq!(got, status, "unexpected status; body: {text}");
    if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    }
}

/// Asserts a problem+json answer with `status`; answers the problem.
#[track_caller]
pub fn expect_problem(resp: Response, status: u16) -> Value {
    let content_type = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let problem = expect(resp, status);
    assert_eq!(
        content_type, "application/problem+json",
        "problem: {problem}"
    );
    assert_eq!(problem["status"], status, "problem: {problem}");
    problem
}

/// The fields a 422 problem names.
pub fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["field"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The routes that act on ticket `n`: view, reply, close, reopen.
pub fn ticket_routes(n: impl std::fmt::Display) -> Vec<(Method, String, Option<Value>)> {
    vec![
        (Method::GET, format!("/v1/tickets/{n}"), None),
        (
            Method::POST,
            format!("/v1/tickets/{n}/messages"),
            Some(json!({"message": "m"})),
        ),
        (Method::POST, format!("/v1/tickets/{n}/close"), None),
        (Method::POST, format!("/v1/tickets/{n}/reopen"), None),
    ]
}

pub fn number(ticket: &Value) -> u64 {
    ticket["number"].as_u64().expect("ticket number")
}

/// Makes every write to the desk's outbox fail, as a full disk would, until
/// [`repair_outbox`].
pub fn break_outbox(desk: &Desk) {
    outbox_sql(
        desk,
        "CREATE TRIGGER outbox_broken BEFORE INSERT ON outbox
         BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    );
}

pub fn repair_outbox(desk: &Desk) {
    outbox_sql(desk, "DROP TRIGGER outbox_broken");
}

fn outbox_sql(desk: &Desk, sql: &str) {
    let conn = rusqlite::Connection::open(desk.db()).expect("open the desk's database");
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .expect("busy timeout");
    conn.execute_batch(sql).expect("change the outbox trigger");
}

/// How many mails wait in the desk's outbox.
pub fn outbox_len(desk: &Desk) -> i64 {
    let conn = rusqlite::Connection::open(desk.db()).expect("open the desk's database");
    conn.query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0))
        .expect("count the outbox")
}
