//! Login sessions and personal access tokens: issuing, checking, listing,
//! revoking. Secrets are returned once and only their SHA-256 is stored.

use crate::msg;
use chrono::{Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::api::{CreatedToken, NewToken, TokenInfo, MAX_TOKEN_DAYS};

use super::super::auth::{self, Actor, AgentPrincipal, ContactRef, Principal};
use super::accounts::{disabled_error, Login};
use super::agents::agent_principal;
use super::contacts::{contact_categories, contact_id_by_email};
use super::token_use::TokenUses;
use super::validate::{self, Check};
use super::{fmt_time, is_unique_violation, now, parse_opt_time, parse_time, Error, Result, Store};
/// A login lasts this long; a forgotten laptop does not stay logged in forever.
pub(crate) const SESSION_DAYS: i64 = 90;

impl Store {
    /// A new login session for `login` (an account's owner or an agent),
    /// valid for 90 days; returns the secret.
    pub fn create_session(&self, login: Login) -> Result<String> {
        let (account_id, agent_id) = match login {
            Login::Account(id) => (Some(id), None),
            Login::Agent(id) => (None, Some(id)),
        };
        let token = auth::generate_token();
        let conn = self.conn()?;
        conn.execute(
            "INSERT INTO tokens (account_id, agent_id, kind, token_hash, created_at, expires_at)
             VALUES (?1, ?2, 'session', ?3, ?4, ?5)",
            params![
                account_id,
                agent_id,
                auth::token_hash(&token),
                now(),
                fmt_time(Utc::now() + Duration::days(SESSION_DAYS))
            ],
        )?;
        Ok(token)
    }

    /// Who `token` acts as: a customer (owner or contact) or an agent. 401
    /// when unknown, revoked or expired, or when its account is disabled.
    /// Notes the use for `last_used_at` in memory only (`token_use`): a read
    /// never writes.
    pub fn authenticate(&self, token: &str) -> Result<Actor> {
        if !token.starts_with(crate::api::TOKEN_PREFIX) {
            return Err(Error::Unauthorized(msg!("problem-not-a-token")));
        }
        let unknown = || Error::Unauthorized(msg!("problem-token-unknown"));
        let conn = self.conn()?;
        type TokenRow = (
            i64,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<String>,
            Option<String>,
        );
        let found: Option<TokenRow> = conn
            .query_row(
                "SELECT id, account_id, agent_id, contact_id, categories, expires_at
                 FROM tokens WHERE token_hash = ?1",
                [auth::token_hash(token)],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?;
        let (id, account_id, agent_id, contact_id, categories, expires) =
            found.ok_or_else(unknown)?;
        if let Some(expires) = parse_opt_time(expires)? {
            if expires <= Utc::now() {
                return Err(Error::Unauthorized(msg!(
                    "problem-token-expired",
                    at = expires.format("%Y-%m-%d %H:%M UTC")
                )));
            }
        }
        let mut categories = parse_categories(categories)?;
        let actor = match (account_id, agent_id) {
            (_, Some(agent_id)) => {
                let mut agent = agent_principal(&conn, agent_id)?;
                // A token narrows the agent, never widens it.
                if let Some(limit) = categories {
                    agent.categories = Some(match agent.categories {
                        None => limit,
                        Some(own) => own.into_iter().filter(|c| limit.contains(c)).collect(),
                    });
                }
                agent.token_id = Some(id);
                Actor::Agent(agent)
            }
            (Some(account_id), None) => {
                let (account_name, account_email, disabled): (String, String, Option<String>) =
                    conn.query_row(
                        "SELECT name, email, disabled_at FROM accounts WHERE id = ?1",
                        [account_id],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )?;
                if disabled.is_some() {
                    return Err(disabled_error(&account_email));
                }
                let contact = match contact_id {
                    None => None,
                    Some(cid) => {
                        // Bound to a contact that is gone: never fall back to the owner.
                        let (name, email) = conn
                            .query_row(
                                "SELECT name, email FROM contacts WHERE id = ?1",
                                [cid],
                                |r| Ok((r.get(0)?, r.get(1)?)),
                            )
                            .optional()?
                            .ok_or_else(unknown)?;
                        // A contact's token: the contact's categories, narrowed by the token's.
                        let mut allowed = contact_categories(&conn, cid)?;
                        if let Some(limit) = &categories {
                            allowed.retain(|c| limit.contains(c));
                        }
                        categories = Some(allowed);
                        Some(ContactRef {
                            id: cid,
                            name,
                            email,
                        })
                    }
                };
                Actor::Customer(Principal {
                    account_id,
                    account_name,
                    account_email,
                    contact,
                    categories,
                    token_id: Some(id),
                })
            }
            (None, None) => return Err(unknown()),
        };
        self.uses.note(id);
        Ok(actor)
    }

    /// Revokes one token (a session at logout) by id.
    pub fn revoke_token_id(&self, token_id: i64) -> Result<()> {
        self.conn()?
            .execute("DELETE FROM tokens WHERE id = ?1", [token_id])?;
        Ok(())
    }

    /// The account's personal tokens, oldest first; never a secret.
    pub fn list_tokens(&self, actor: &Actor) -> Result<Vec<TokenInfo>> {
        let (filter, owner) = token_owner(actor)?;
        token_infos(
            &*self.conn()?,
            &self.uses,
            &format!("{filter} AND t.kind = 'personal'"),
            owner,
        )
    }

    /// Creates a personal token; the answer holds the secret, once.
    pub fn create_token(&self, actor: &Actor, new: &NewToken) -> Result<CreatedToken> {
        let actor = match actor {
            Actor::Customer(p) => p,
            Actor::Agent(agent) => return self.create_agent_token(agent, new),
        };
        actor.require_manage()?;
        let mut check = Check::new();
        let name = check.take("name", validate::name(&new.name));
        let categories = match &new.categories {
            Some(list) => check
                .take("categories", validate::categories(list))
                .map(Some),
            None => Some(None),
        };
        if let Some(days) = new.expires_in_days {
            if days == 0 || days > MAX_TOKEN_DAYS {
                check.add(
                    "expires_in_days",
                    crate::msg!("field-token-days", max = MAX_TOKEN_DAYS),
                );
            }
        }
        let contact_email = match &new.contact {
            Some(email) => check.take("contact", validate::email(email)).map(Some),
            None => Some(None),
        };
        check.finish()?;
        let (name, categories, contact_email) = (
            name.unwrap_or_default(),
            categories.unwrap_or_default(),
            contact_email.unwrap_or_default(),
        );
        let token = auth::generate_token();
        let id = self.write(|tx| {
            let contact_id = match &contact_email {
                Some(email) => {
                    let id = contact_id_by_email(tx, actor.account_id, email)?.ok_or_else(|| {
                        Error::invalid(
                            "contact",
                            format!("no contact {email} in this account: add it first with `ecolo contact add`"),
                        )
                    })?;
                    if let Some(limit) = &categories {
                        let allowed = contact_categories(tx, id)?;
                        let outside: Vec<&String> =
                            limit.iter().filter(|c| !allowed.contains(c)).collect();
                        if !outside.is_empty() {
                            return Err(Error::invalid(
                                "categories",
                                format!(
                                    "the contact may only use {}; {} is outside that",
                                    allowed.join(", "),
                                    outside.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                                ),
                            ));
                        }
                    }
                    Some(id)
                }
                None => None,
            };
            let expires_at = new
                .expires_in_days
                .map(|days| fmt_time(Utc::now() + Duration::days(i64::from(days))));
            let cats_json = categories
                .as_ref()
                .map(|c| serde_json::to_string(c).unwrap_or_default());
            tx.execute(
                "INSERT INTO tokens
                    (account_id, kind, name, contact_id, categories, token_hash, created_at, expires_at)
                 VALUES (?1, 'personal', ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    actor.account_id,
                    name,
                    contact_id,
                    cats_json,
                    auth::token_hash(&token),
                    now(),
                    expires_at
                ],
            )
            .map_err(|e| name_taken(e, &name))?;
            Ok(tx.last_insert_rowid())
        })?;
        let info = token_infos(&*self.conn()?, &self.uses, "t.id = ?1", id)?
            .pop()
            .ok_or_else(|| Error::Internal("a token vanished as it was created".into()))?;
        Ok(CreatedToken { token, info })
    }

    /// Revokes the personal token `name` at once.
    pub fn revoke_token(&self, actor: &Actor, name: &str) -> Result<()> {
        let (filter, owner) = token_owner(actor)?;
        let filter = filter.replace("t.", "");
        let deleted = self.conn()?.execute(
            &format!("DELETE FROM tokens WHERE {filter} AND kind = 'personal' AND name = ?2"),
            params![owner, name.trim()],
        )?;
        if deleted == 0 {
            return Err(Error::NotFound(msg!(
                "problem-no-token",
                name = name.trim()
            )));
        }
        Ok(())
    }
}

/// The SQL filter (over `t`, parameter ?1) of the actor's own tokens. 403
/// for a customer who may not manage tokens.
fn token_owner(actor: &Actor) -> Result<(&'static str, i64)> {
    match actor {
        Actor::Customer(p) => {
            p.require_manage()?;
            Ok(("t.account_id = ?1", p.account_id))
        }
        Actor::Agent(a) => {
            // A narrowed token may not mint or revoke others.
            if a.categories != a.agent_categories {
                return Err(Error::Forbidden(msg!("problem-agent-tokens")));
            }
            Ok(("t.agent_id = ?1", a.agent_id))
        }
    }
}

impl Store {
    /// An agent's token: never bound to a contact (422 `contact`), limited
    /// at most to the agent's own categories (403 outside them).
    fn create_agent_token(&self, agent: &AgentPrincipal, new: &NewToken) -> Result<CreatedToken> {
        token_owner(&Actor::Agent(agent.clone()))?;
        let mut check = Check::new();
        let name = check.take("name", validate::name(&new.name));
        if new.contact.is_some() {
            check.add(
                "contact",
                "agents' tokens act as the agent: leave `contact` out",
            );
        }
        let categories = match &new.categories {
            Some(list) => check
                .take("categories", validate::categories(list))
                .map(Some),
            None => Some(None),
        };
        if let Some(days) = new.expires_in_days {
            if days == 0 || days > MAX_TOKEN_DAYS {
                check.add(
                    "expires_in_days",
                    crate::msg!("field-token-days", max = MAX_TOKEN_DAYS),
                );
            }
        }
        check.finish()?;
        let (name, categories) = (name.unwrap_or_default(), categories.unwrap_or_default());
        if let Some(list) = &categories {
            if let Some(outside) = list.iter().find(|c| !agent.allows(c)) {
                return Err(Error::Forbidden(msg!(
                    "problem-token-too-wide",
                    category = outside,
                    list = agent.category_list().join(", ")
                )));
            }
        }
        // An unlimited token of a limited agent is limited like the agent.
        let categories = categories.or_else(|| agent.agent_categories.clone());
        let token = auth::generate_token();
        let expires_at = new
            .expires_in_days
            .map(|days| fmt_time(Utc::now() + Duration::days(i64::from(days))));
        let cats_json = categories
            .as_ref()
            .map(|c| serde_json::to_string(c).unwrap_or_default());
        let conn = self.conn()?;
        conn.execute(
            "INSERT INTO tokens
                (agent_id, kind, name, categories, token_hash, created_at, expires_at)
             VALUES (?1, 'personal', ?2, ?3, ?4, ?5, ?6)",
            params![
                agent.agent_id,
                name,
                cats_json,
                auth::token_hash(&token),
                now(),
                expires_at
            ],
        )
        .map_err(|e| name_taken(e, &name))?;
        let id = conn.last_insert_rowid();
        let info = token_infos(&conn, &self.uses, "t.id = ?1", id)?
            .pop()
            .ok_or_else(|| Error::Internal("a token vanished as it was created".into()))?;
        Ok(CreatedToken { token, info })
    }
}

fn parse_categories(json: Option<String>) -> Result<Option<Vec<String>>> {
    json.map(|s| {
        serde_json::from_str(&s)
            .map_err(|e| Error::Internal(format!("bad token categories in the database: {e}")))
    })
    .transpose()
}

/// The tokens matching `filter` (SQL over `t`, one parameter), oldest first.
fn token_infos(
    conn: &Connection,
    uses: &TokenUses,
    filter: &str,
    param: i64,
) -> Result<Vec<TokenInfo>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT t.name, c.email, t.categories, t.created_at, t.last_used_at, t.expires_at, t.id
         FROM tokens t LEFT JOIN contacts c ON c.id = t.contact_id
         WHERE {filter} ORDER BY t.id"
    ))?;
    let rows = stmt.query_map([param], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get(5)?,
            r.get::<_, i64>(6)?,
        ))
    })?;
    rows.map(|row| {
        let (name, contact, categories, created, used, expires, id) = row?;
        // Text order is time order; the in-memory use may be newer.
        let used: Option<String> = used.into_iter().chain(uses.latest(id)).max();
        Ok(TokenInfo {
            name: name.unwrap_or_default(),
            contact,
            categories: parse_categories(categories)?,
            created_at: parse_time(&created)?,
            last_used_at: parse_opt_time(used)?,
            expires_at: parse_opt_time(expires)?,
        })
    })
    .collect()
}

/// A token insert refused: the name is taken (409), or the database's own error.
fn name_taken(e: rusqlite::Error, name: &str) -> Error {
    if is_unique_violation(&e) {
        Error::Conflict(msg!("problem-token-exists", name = name))
    } else {
        e.into()
    }
}
