//! The support team: agents (who log in like customers but belong to no
//! account), the categories they work, and the rule that one address is
//! either an agent or a customer, never both.

use crate::msg;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::api::Language;

use super::super::auth::{self, AgentPrincipal};
use super::validate::{self, Check};
use super::{is_unique_violation, now, parse_time, Error, Result, Store};
use crate::desk::error::Msg;

/// An agent as the admin commands list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agent {
    pub email: String,
    pub name: String,
    /// `None`: every category.
    pub categories: Option<Vec<String>>,
    /// The language of the desk's mail to the agent.
    pub language: Language,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl std::fmt::Display for Agent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cats = match &self.categories {
            None => "all categories".to_string(),
            Some(list) => list.join(", "),
        };
        write!(
            f,
            "{}\t{}\t{}\t{}",
            self.email, self.name, self.language, cats
        )
    }
}

/// What `staff edit` changes; absent fields stay.
#[derive(Debug, Clone, Default)]
pub struct AgentChange {
    pub name: Option<String>,
    pub add_categories: Vec<String>,
    pub remove_categories: Vec<String>,
    pub language: Option<Language>,
}

/// What else `email` already is, if anything: "the owner of an account",
/// "a contact of the account of X", "an agent". The store refuses a second
/// role for one address (409) when creating accounts, contacts and agents.
pub(crate) fn address_role(conn: &Connection, email: &str) -> Result<Option<Msg>> {
    let email = email.trim();
    if conn
        .query_row("SELECT 1 FROM agents WHERE email = ?1", [email], |_| Ok(()))
        .optional()?
        .is_some()
    {
        return Ok(Some(msg!("role-agent")));
    }
    if conn
        .query_row("SELECT 1 FROM accounts WHERE email = ?1", [email], |_| {
            Ok(())
        })
        .optional()?
        .is_some()
    {
        return Ok(Some(msg!("role-owner")));
    }
    let owner: Option<String> = conn
        .query_row(
            "SELECT a.email FROM contacts c JOIN accounts a ON a.id = c.account_id
             WHERE c.email = ?1 LIMIT 1",
            [email],
            |r| r.get(0),
        )
        .optional()?;
    Ok(owner.map(|o| msg!("role-contact", owner = o)))
}

/// 409 when `email` already has another role.
pub(crate) fn refuse_second_role(conn: &Connection, email: &str, wanted: &str) -> Result<()> {
    match address_role(conn, email)? {
        Some(role) => Err(Error::Conflict(
            msg!("problem-second-role", email = email.trim(), wanted = wanted).with("role", role),
        )),
        None => Ok(()),
    }
}

pub(crate) fn agent_categories(conn: &Connection, agent_id: i64) -> Result<Option<Vec<String>>> {
    let all: bool = conn.query_row(
        "SELECT all_categories FROM agents WHERE id = ?1",
        [agent_id],
        |r| r.get(0),
    )?;
    if all {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT ac.category FROM agent_categories ac JOIN categories c ON c.slug = ac.category
         WHERE ac.agent_id = ?1 ORDER BY c.position",
    )?;
    let rows = stmt.query_map([agent_id], |r| r.get(0))?;
    Ok(Some(rows.collect::<rusqlite::Result<_>>()?))
}

pub(crate) fn agent_id_by_email(conn: &Connection, email: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM agents WHERE email = ?1",
            [email.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

/// The agent `agent_id` acting with all of its own rights.
pub(crate) fn agent_principal(conn: &Connection, agent_id: i64) -> Result<AgentPrincipal> {
    let (name, email): (String, String) = conn.query_row(
        "SELECT name, email FROM agents WHERE id = ?1",
        [agent_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let categories = agent_categories(conn, agent_id)?;
    Ok(AgentPrincipal {
        agent_id,
        name,
        email,
        agent_categories: categories.clone(),
        categories,
        token_id: None,
    })
}

fn not_found(email: &str) -> Error {
    Error::NotFound(msg!("problem-no-agent", email = email.trim()))
}

fn load_agent(conn: &Connection, id: i64) -> Result<Agent> {
    let (email, name, created, language): (String, String, String, String) = conn.query_row(
        "SELECT email, name, created_at, language FROM agents WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    Ok(Agent {
        email,
        name,
        categories: agent_categories(conn, id)?,
        language: Language::parse(&language).unwrap_or_default(),
        created_at: parse_time(&created)?,
    })
}

impl Store {
    /// Adds a support agent; `categories` empty means every category. 422
    /// naming the field, 409 when the address is taken (by an agent or a
    /// customer).
    pub fn add_agent(
        &self,
        email: &str,
        name: &str,
        password: &str,
        categories: &[String],
        language: Option<Language>,
    ) -> Result<Agent> {
        let mut check = Check::new();
        let email = check.take("email", validate::email(email));
        let name = check.take("name", validate::name(name));
        super::accounts::check_password(&mut check, password);
        let categories = if categories.is_empty() {
            Some(Vec::new())
        } else {
            check.take("category", validate::categories(categories))
        };
        check.finish()?;
        let (email, name, categories) = (
            email.unwrap_or_default(),
            name.unwrap_or_default(),
            categories.unwrap_or_default(),
        );
        let hash = auth::hash_password(password)?;
        let id = self.write(|tx| {
            refuse_second_role(tx, &email, "agent")?;
            let language = match language {
                Some(l) => l,
                None => super::languages::desk_language(tx)?,
            };
            tx.execute(
                "INSERT INTO agents (email, name, password_hash, all_categories, created_at, language)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![email, name, hash, categories.is_empty(), now(), language.as_str()],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    Error::Conflict(msg!("problem-agent-exists", email = email))
                } else {
                    e.into()
                }
            })?;
            let id = tx.last_insert_rowid();
            for c in &categories {
                tx.execute(
                    "INSERT INTO agent_categories (agent_id, category) VALUES (?1, ?2)",
                    params![id, c],
                )?;
            }
            Ok(id)
        })?;
        load_agent(&*self.conn()?, id)
    }

    /// Every agent, in the order they were added.
    pub fn list_agents(&self) -> Result<Vec<Agent>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare("SELECT id FROM agents ORDER BY id")?;
        let ids = stmt
            .query_map([], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids.into_iter().map(|id| load_agent(&conn, id)).collect()
    }

    /// Renames an agent and/or changes the categories it works. Adding to an
    /// agent of all categories changes nothing; removing from one limits it
    /// to the others, and unassigns its tickets there. Removing the last
    /// category is refused (422): remove the agent instead.
    pub fn change_agent(&self, email: &str, change: &AgentChange) -> Result<Agent> {
        let mut check = Check::new();
        let name = match &change.name {
            Some(n) => check.take("name", validate::name(n)),
            None => None,
        };
        for (field, list) in [
            ("add-category", &change.add_categories),
            ("remove-category", &change.remove_categories),
        ] {
            if !list.is_empty() {
                check.take(field, validate::categories(list));
            }
        }
        check.finish()?;
        let id = self.write(|tx| {
            let id = agent_id_by_email(tx, email)?.ok_or_else(|| not_found(email))?;
            if let Some(name) = &name {
                tx.execute("UPDATE agents SET name = ?1 WHERE id = ?2", params![name, id])?;
            }
            if let Some(language) = change.language {
                tx.execute(
                    "UPDATE agents SET language = ?1 WHERE id = ?2",
                    params![language.as_str(), id],
                )?;
            }
            let current = agent_categories(tx, id)?;
            if current.is_some() {
                for c in &change.add_categories {
                    tx.execute(
                        "INSERT OR IGNORE INTO agent_categories (agent_id, category) VALUES (?1, ?2)",
                        params![id, c],
                    )?;
                }
            }
            if !change.remove_categories.is_empty() {
                if current.is_none() {
                    // From "all" to all but these.
                    for c in crate::api::CATEGORY_SLUGS {
                        tx.execute(
                            "INSERT OR IGNORE INTO agent_categories (agent_id, category) VALUES (?1, ?2)",
                            params![id, c],
                        )?;
                    }
                    tx.execute("UPDATE agents SET all_categories = 0 WHERE id = ?1", [id])?;
                }
                for c in &change.remove_categories {
                    tx.execute(
                        "DELETE FROM agent_categories WHERE agent_id = ?1 AND category = ?2",
                        params![id, c],
                    )?;
                }
                let left = agent_categories(tx, id)?.unwrap_or_default();
                if left.is_empty() {
                    return Err(Error::invalid(
                        "remove-category",
                        msg!("field-agent-needs-category"),
                    ));
                }
                // Tickets it may no longer see are no longer its.
                for c in &change.remove_categories {
                    tx.execute(
                        "UPDATE tickets SET assignee_id = NULL
                         WHERE assignee_id = ?1 AND category = ?2",
                        params![id, c],
                    )?;
                }
            }
            Ok(id)
        })?;
        load_agent(&*self.conn()?, id)
    }

    /// Removes an agent: its sessions and tokens stop at once (they go with
    /// the row), its tickets become unassigned, its answers stay signed with
    /// its name (copied onto each message).
    pub fn remove_agent(&self, email: &str) -> Result<Agent> {
        self.write(|tx| {
            let id = agent_id_by_email(tx, email)?.ok_or_else(|| not_found(email))?;
            let agent = load_agent(tx, id)?;
            tx.execute("DELETE FROM tokens WHERE agent_id = ?1", [id])?;
            tx.execute("DELETE FROM agents WHERE id = ?1", [id])?;
            Ok(agent)
        })
    }

    /// The agent with address `email`, acting with its own rights: for the
    /// e-mail channel and `staff reply --as`. Issue 9 gates the mail path
    /// on sender authentication; this is the one function it goes through.
    pub fn find_agent(&self, email: &str) -> Result<Option<AgentPrincipal>> {
        let conn = self.conn()?;
        match agent_id_by_email(&conn, email)? {
            Some(id) => Ok(Some(agent_principal(&conn, id)?)),
            None => Ok(None),
        }
    }
}
