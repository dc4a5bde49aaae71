//! Every statement the store prepares, checked with `EXPLAIN QUERY PLAN`
//! against a populated database: none may read a table that grows with
//! use (tickets, messages, outbox, events, attachments, tokens, held mail)
//! from end to end. Issue 11: each such scan made a write or a page cost
//! more with every ticket ever opened.
//!
//! The statements are found in the store's source (every string literal
//! that starts with SELECT, INSERT, UPDATE, DELETE or WITH, outside the
//! test modules), so a new one is checked without anyone listing it.
//! `{NAME}` placeholders take the value of the store's string constants or
//! the few values [`PLACEHOLDERS`] lists; the lists of `GET /v1/tickets`,
//! built piece by piece, are checked by building them for every filter.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::types::Value;
use rusqlite::Connection;

use crate::api::{Channel, NewMessage, NewNote, NewTicket, Priority, StatusFilter};
use crate::desk::auth::{Actor, AgentPrincipal, Principal};

use super::tickets::{list_statement_for_tests, TicketQuery};
use super::{Confirmation, Store};

/// Tables that grow with the desk's use (`ticket_text`: the full-text index).
const GROWING: [&str; 8] = [
    "tickets",
    "ticket_text",
    "messages",
    "outbox",
    "events",
    "attachments",
    "tokens",
    "held_mail",
];

/// Values of placeholders that are local variables, not constants: every
/// value the code can give them.
const PLACEHOLDERS: &[(&str, &[&str])] = &[
    // tokens.rs: token_owner's filters, and revoke_token's without `t.`.
    (
        "filter",
        &[
            "t.id = ?1",
            "t.account_id = ?1",
            "t.agent_id = ?1",
            "account_id = ?1",
            "agent_id = ?1",
        ],
    ),
];

/// What SQLite itself runs when a row goes (foreign-key actions), which
/// is in no literal: each needs an index on the referring column.
/// And the statements of triggers.
const FOREIGN_KEY_ACTIONS: &[&str] = &[
    "UPDATE events SET message_id = NULL WHERE message_id = ?1",
    "DELETE FROM events WHERE ticket_id = ?1",
    "DELETE FROM messages WHERE ticket_id = ?1",
    "UPDATE attachments SET message_id = NULL WHERE message_id = ?1",
    "UPDATE attachments SET token_id = NULL WHERE token_id = ?1",
    "UPDATE attachments SET agent_id = NULL WHERE agent_id = ?1",
    // (Accounts are disabled, never deleted: no DELETE FROM attachments
    // WHERE account_id, which only a partial index serves.)
    "DELETE FROM tickets WHERE account_id = ?1",
    "UPDATE tickets SET assignee_id = NULL WHERE assignee_id = ?1",
    "UPDATE tickets SET contact_id = NULL WHERE contact_id = ?1",
    "DELETE FROM tokens WHERE account_id = ?1",
    "DELETE FROM tokens WHERE agent_id = ?1",
    "DELETE FROM tokens WHERE contact_id = ?1",
    "DELETE FROM idempotency_keys WHERE ticket_id = ?1",
    // The triggers of migration 0007, keeping a ticket's search row.
    "DELETE FROM ticket_text WHERE rowid = -?1",
    "INSERT INTO ticket_text (rowid, subject, text, notes, tags) \
     SELECT -id, subject, text, notes, tags FROM ticket_text_rows WHERE id = ?1",
];

/// Statements whose scan is bounded, with why.
const BOUNDED_SCANS: &[(&str, &str)] = &[(
    "UPDATE outbox SET sent_at = ?1, attempts = attempts + 1 WHERE id IN",
    "the bench's mark_all_mail_sent: batches off the partial index of unsent mail",
)];

/// Literals with other placeholders: pieces of the list statement, which
/// [`every_list_seeks_its_index_ranges`] checks whole.
const BUILT_ELSEWHERE: &[&str] = &[
    "SELECT {TICKET_COLUMNS} FROM (SELECT rowid AS r FROM ticket_text",
    "SELECT t.id AS id, {key} AS k",
    "SELECT {TICKET_COLUMNS} FROM ({}",
];

/// The string literals of Rust source `src` (escapes resolved; raw strings
/// as written), outside `#[cfg(test)]` modules.
fn string_literals(src: &str) -> Vec<String> {
    let src = match src.find("\n#[cfg(test)]\nmod tests") {
        Some(end) => &src[..end],
        None => src,
    };
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            // A char literal ('"', '\'') or a lifetime ('a).
            b'\'' => {
                if b.get(i + 1) == Some(&b'\\') {
                    i += 4;
                    while i < b.len() && b[i - 1] != b'\'' {
                        i += 1;
                    }
                } else if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let start = i + 1 + hashes + 1;
                let end_pat = format!("\"{}", "#".repeat(hashes));
                let end = src[start..].find(&end_pat).map_or(b.len(), |e| start + e);
                out.push(src[start..end].to_string());
                i = end + end_pat.len();
            }
            b'"' => {
                let mut s = String::new();
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        match b.get(i + 1) {
                            // A line continuation: the newline and the next
                            // line's indentation go.
                            Some(b'\n') => {
                                i += 2;
                                while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                                    i += 1;
                                }
                                continue;
                            }
                            Some(b'n') => s.push('\n'),
                            Some(&c) => s.push(c as char),
                            None => {}
                        }
                        i += 2;
                    } else {
                        let ch = src[i..].chars().next().expect("in bounds");
                        s.push(ch);
                        i += ch.len_utf8();
                    }
                }
                out.push(s);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// `const NAME: &str = "...";` of `src`.
fn string_constants(src: &str, into: &mut BTreeMap<String, String>) {
    for (at, _) in src.match_indices("const ") {
        let rest = &src[at + 6..];
        let Some((name, after)) = rest.split_once(": &str =") else {
            continue;
        };
        if !name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
        {
            continue;
        }
        if let Some(value) = string_literals(after).into_iter().next() {
            into.insert(name.to_string(), value);
        }
    }
}

fn is_statement(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains(&first)
}

/// Every variant of `sql` with its placeholders filled in, or the first
/// placeholder nothing fills.
fn expand(sql: &str, constants: &BTreeMap<String, String>) -> Result<Vec<String>, String> {
    let Some(open) = sql.find('{') else {
        return Ok(vec![sql.to_string()]);
    };
    let close = sql[open..]
        .find('}')
        .map(|c| open + c)
        .ok_or_else(|| "an unclosed {".to_string())?;
    let name = &sql[open + 1..close];
    let values: Vec<String> = if let Some(v) = constants.get(name) {
        vec![v.clone()]
    } else if let Some((_, v)) = PLACEHOLDERS.iter().find(|(n, _)| *n == name) {
        v.iter().map(|s| s.to_string()).collect()
    } else {
        return Err(name.to_string());
    };
    let mut out = Vec::new();
    for v in values {
        let filled = format!("{}{}{}", &sql[..open], v, &sql[close + 1..]);
        out.extend(expand(&filled, constants)?);
    }
    Ok(out)
}

/// Every statement of the store's source, with the file it is in.
fn store_statements() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/desk/store");
    let mut sources = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("plans.rs") {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            sources.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    let mut constants = BTreeMap::new();
    for src in sources.values() {
        string_constants(src, &mut constants);
    }
    let mut out = BTreeSet::new();
    let mut unknown = Vec::new();
    for (file, src) in &sources {
        for literal in string_literals(src).into_iter().filter(|l| is_statement(l)) {
            if BUILT_ELSEWHERE.iter().any(|p| literal.starts_with(p)) {
                continue;
            }
            match expand(&literal, &constants) {
                Ok(variants) => out.extend(variants.into_iter().map(|v| (file.clone(), v))),
                Err(name) => unknown.push(format!("{file}: {{{name}}} in {literal}")),
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "statements with a placeholder this test cannot fill (add its values to \
         PLACEHOLDERS):\n{}",
        unknown.join("\n")
    );
    out.extend(
        FOREIGN_KEY_ACTIONS
            .iter()
            .map(|s| ("foreign keys".to_string(), s.to_string())),
    );
    out.into_iter().collect()
}

/// The names `sql` gives the growing tables (themselves and their aliases).
fn growing_names(sql: &str) -> BTreeSet<String> {
    let words: Vec<&str> = sql
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let keywords = [
        "WHERE", "JOIN", "ON", "SET", "LEFT", "INNER", "CROSS", "ORDER", "GROUP", "LIMIT", "AS",
        "VALUES", "USING", "UNION", "SELECT", "INDEXED", "NOT",
    ];
    let mut names = BTreeSet::new();
    for (i, w) in words.iter().enumerate() {
        if GROWING.contains(w) {
            names.insert(w.to_string());
            let mut next = words.get(i + 1).copied();
            if next == Some("AS") {
                next = words.get(i + 2).copied();
            }
            if let Some(alias) =
                next.filter(|a| !keywords.contains(&a.to_ascii_uppercase().as_str()))
            {
                names.insert(alias.to_string());
            }
        }
    }
    names
}

/// `(id, parent, detail)` of each line of `sql`'s query plan.
fn plan(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<(i64, i64, String)>> {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    // Unbound parameters are NULL: a plan does not depend on values.
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push((r.get(0)?, r.get(1)?, r.get(3)?));
    }
    Ok(out)
}

/// The plan lines of `sql` that read a growing table end to end.
fn scans(conn: &Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    let names = growing_names(sql);
    Ok(plan(conn, sql)?
        .into_iter()
        .map(|(_, _, d)| d)
        .filter(|d| reads_all_of(d, &names))
        .collect())
}

/// Whether plan line `d` reads one of the growing tables `names` from end
/// to end: a SCAN of one, unless it is the full-text index asked for a
/// MATCH (`M` in FTS5's index string) or a rowid (`=`, `<`, `>`).
fn reads_all_of(d: &str, names: &BTreeSet<String>) -> bool {
    let mut words = d.split_whitespace();
    if words.next() != Some("SCAN") || !words.next().is_some_and(|t| names.contains(t)) {
        return false;
    }
    match d.split_once("VIRTUAL TABLE INDEX ") {
        Some((_, index)) => {
            let constraints = index.split_once(':').map_or("", |(_, c)| c);
            !constraints.contains(['M', '=', '<', '>'])
        }
        None => true,
    }
}

/// A desk with a little of everything, through the store's own functions,
/// so the planner sees the schema as it is in use.
fn populated() -> (tempfile::TempDir, Store, Actor, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_path(&dir.path().join("desk.db")).unwrap();
    let account = store
        .create_account("o@example.com", "O", "a long passphrase")
        .unwrap();
    let owner = Actor::Customer(store.owner_principal(account).unwrap());
    store
        .add_agent("a@example.com", "A", "a long passphrase", &[], None)
        .unwrap();
    let agent = Actor::Agent(store.find_agent("a@example.com").unwrap().unwrap());
    for i in 0..20 {
        let new = NewTicket {
            category: ["billing", "quotes"][i % 2].into(),
            subject: format!("Refund {i}"),
            message: "Please refund the card".into(),
            priority: Priority::Low,
            attachments: vec![],
        };
        let t = store
            .open_ticket(&owner, &new, Channel::Cli, None, Confirmation::Send)
            .unwrap()
            .ticket
            .ticket
            .number;
        let reply = NewMessage {
            message: "Any news?".into(),
            attachments: vec![],
        };
        store
            .add_message(&owner, t, &reply, Channel::Cli, None)
            .unwrap();
        let note = NewNote {
            message: "Looking".into(),
            attachments: vec![],
        };
        store
            .add_note(&agent, t, &note, Channel::Staff, None)
            .unwrap();
    }
    crate::desk::mail::notify::render_pending(&store).unwrap();
    (dir, store, owner, agent)
}

#[test]
fn no_statement_of_the_store_scans_a_growing_table() {
    let statements = store_statements();
    assert!(
        statements.len() > 50,
        "only {} statements found: is the literal scanner broken?",
        statements.len()
    );
    let (_dir, store, _, _) = populated();
    let conn = store.conn().unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (file, sql) in &statements {
        if BOUNDED_SCANS.iter().any(|(p, _)| sql.starts_with(p)) {
            continue;
        }
        match scans(&conn, sql) {
            Ok(found) if found.is_empty() => checked += 1,
            Ok(found) => failures.push(format!("{file}: {sql}\n    {found:?}")),
            // A variant of a placeholder that does not fit this statement
            // (e.g. `t.` where the table has no alias) is no statement the
            // store runs; one that fits nothing is a broken statement.
            Err(e) => {
                let other_variant_ok = statements
                    .iter()
                    .any(|(f, s)| f == file && s != sql && plan(&conn, s).is_ok());
                if !other_variant_ok || !sql.contains("= ?1") {
                    failures.push(format!("{file}: {sql}\n    does not prepare: {e}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} statements scan a growing table:\n{}",
        failures.len(),
        statements.len(),
        failures.join("\n")
    );
    assert!(checked > 50, "{checked}");
}

/// Every filter of `GET /v1/tickets`, as customers (unlimited and limited
/// to categories) and agents (all categories, some, any assignee or
/// account filter) ask for it, first page and deep in the list, without
/// search and with one (a walk of the full-text index).
#[test]
fn every_list_seeks_its_index_ranges() {
    let (_dir, store, owner, agent) = populated();
    let conn = store.conn().unwrap();
    let Actor::Customer(p) = &owner else {
        unreachable!()
    };
    let limited = Actor::Customer(Principal {
        categories: Some(vec!["billing".into(), "quotes".into()]),
        ..p.clone()
    });
    let Actor::Agent(a) = &agent else {
        unreachable!()
    };
    let narrow = Actor::Agent(AgentPrincipal {
        categories: Some(vec!["billing".into()]),
        ..a.clone()
    });
    let statuses = [
        None,
        Some(StatusFilter::All),
        Some(StatusFilter::Active),
        Some(StatusFilter::Waiting),
        Some(StatusFilter::Open),
        Some(StatusFilter::Answered),
        Some(StatusFilter::CustomerReply),
        Some(StatusFilter::Closed),
    ];
    let mut checked = 0;
    for actor in [&owner, &limited, &agent, &narrow] {
        let queue_filters: &[(Option<&str>, Option<&str>)] = if actor.is_agent() {
            &[
                (None, None),
                (Some("@me"), None),
                (Some("none"), None),
                (Some("b@example.com"), None),
                (None, Some("o@example.com")),
            ]
        } else {
            &[(None, None)]
        };
        for status in statuses {
            for category in [None, Some("billing")] {
                for deep in [false, true] {
                    for (assignee, account) in queue_filters {
                        for text in [None, Some("refund card")] {
                            let cursor =
                                deep.then(|| super::tickets::cursor_for_tests(text.is_some()));
                            let q = TicketQuery {
                                status,
                                category: category.map(Into::into),
                                assignee: assignee.map(Into::into),
                                account: account.map(Into::into),
                                search: text.map(Into::into),
                                limit: Some(30),
                                cursor,
                            };
                            for (sql, args) in list_statement_for_tests(actor, &q) {
                                let lines = plan_with(&conn, &sql, &args);
                                let names = growing_names(&sql);
                                for (_, parent, d) in &lines {
                                    let scan = reads_all_of(d, &names);
                                    // Sorting in a range would sort every
                                    // match; only the page itself (top
                                    // level) is sorted. A search is walked
                                    // in the full-text index's order:
                                    // never sorted.
                                    let sort = d.contains("TEMP B-TREE")
                                        && (*parent != 0 || text.is_some());
                                    assert!(
                                        !scan && !sort,
                                        "{q:?} as {actor:?}:\n{sql}\n{lines:#?}"
                                    );
                                }
                                // A search's page comes in the order of its
                                // walk `h` only while `h` is the outer loop.
                                if sql.contains(") h ") {
                                    let loops: Vec<&str> = lines
                                        .iter()
                                        .filter(|(_, parent, _)| *parent == 0)
                                        .map(|(_, _, d)| d.as_str())
                                        .filter(|d| {
                                            d.starts_with("SCAN") || d.starts_with("SEARCH")
                                        })
                                        .collect();
                                    assert_eq!(
                                        loops.first(),
                                        Some(&"SCAN h"),
                                        "{q:?} as {actor:?}:\n{sql}\n{lines:#?}"
                                    );
                                }
                            }
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 500, "{checked}");
}

fn plan_with(conn: &Connection, sql: &str, args: &[Value]) -> Vec<(i64, i64, String)> {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(3)?))
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}
