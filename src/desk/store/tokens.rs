//! Login sessions and personal access tokens: issuing, checking, listing,
//! revoking. Secrets are returned once and only their SHA-256 is stored.

use chrono::{Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::api::{CreatedToken, NewToken, TokenInfo, MAX_TOKEN_DAYS};

use super::super::auth::{self, ContactRef, Principal};
use super::contacts::{contact_categories, contact_id_by_email};
use super::validate::{self, Check};
use super::{fmt_time, is_unique_violation, now, parse_opt_time, parse_time, Error, Result, Store};

const LOGIN_HINT: &str = "run `ecolo login` (or use a valid token in ECOLO_TOKEN)";
/// A login lasts this long; a forgotten laptop does not stay logged in forever.
pub(crate) const SESSION_DAYS: i64 = 90;
/// `last_used_at` is refreshed at most this often.
const LAST_USED_PRECISION_SECS: i64 = 60;

impl Store {
    /// A new login session for the owner of `account_id` (valid for 90
    /// days); returns the secret.
    pub fn create_session(&self, account_id: i64) -> Result<String> {
        let token = auth::generate_token();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO tokens (account_id, kind, token_hash, created_at, expires_at)
                 VALUES (?1, 'session', ?2, ?3, ?4)",
                params![
                    account_id,
                    auth::token_hash(&token),
                    now(),
                    fmt_time(Utc::now() + Duration::days(SESSION_DAYS))
                ],
            )?;
            Ok(())
        })?;
        Ok(token)
    }

    /// Who `token` acts as. 401 when unknown, revoked or expired. Records
    /// the use in `last_used_at`, to the minute: a write per request would
    /// make every read wait for the write lock.
    pub fn authenticate(&self, token: &str) -> Result<Principal> {
        if !token.starts_with(crate::api::TOKEN_PREFIX) {
            return Err(Error::Unauthorized(format!(
                "that is not an ecolo token: {LOGIN_HINT}"
            )));
        }
        let unknown =
            || Error::Unauthorized(format!("the token is unknown or was revoked: {LOGIN_HINT}"));
        let conn = self.conn()?;
        type TokenRow = (
            i64,
            i64,
            Option<i64>,
            Option<String>,
            Option<String>,
            String,
            String,
            Option<String>,
        );
        let found: Option<TokenRow> = conn
            .query_row(
                "SELECT t.id, t.account_id, t.contact_id, t.categories, t.expires_at, a.name, a.email,
                        t.last_used_at
                 FROM tokens t JOIN accounts a ON a.id = t.account_id
                 WHERE t.token_hash = ?1",
                [auth::token_hash(token)],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                    ))
                },
            )
            .optional()?;
        let (id, account_id, contact_id, categories, expires, account_name, account_email, used) =
            found.ok_or_else(unknown)?;
        if let Some(expires) = parse_opt_time(expires)? {
            if expires <= Utc::now() {
                return Err(Error::Unauthorized(format!(
                    "the token expired at {}: {LOGIN_HINT}",
                    expires.format("%Y-%m-%d %H:%M UTC")
                )));
            }
        }
        let mut categories = parse_categories(categories)?;
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
        drop(conn);
        let stale = fmt_time(Utc::now() - Duration::seconds(LAST_USED_PRECISION_SECS));
        if used.is_none_or(|u| u < stale) {
            self.write(|tx| {
                tx.execute(
                    "UPDATE tokens SET last_used_at = ?1 WHERE id = ?2",
                    params![now(), id],
                )?;
                Ok(())
            })?;
        }
        Ok(Principal {
            account_id,
            account_name,
            account_email,
            contact,
            categories,
            token_id: Some(id),
        })
    }

    /// Revokes one token (a session at logout) by id.
    pub fn revoke_token_id(&self, token_id: i64) -> Result<()> {
        self.write(|tx| Ok(tx.execute("DELETE FROM tokens WHERE id = ?1", [token_id])?))?;
        Ok(())
    }

    /// The account's personal tokens, oldest first; never a secret.
    pub fn list_tokens(&self, actor: &Principal) -> Result<Vec<TokenInfo>> {
        actor.require_manage()?;
        token_infos(
            &*self.conn()?,
            "t.account_id = ?1 AND t.kind = 'personal'",
            actor.account_id,
        )
    }

    /// Creates a personal token; the answer holds the secret, once.
    pub fn create_token(&self, actor: &Principal, new: &NewToken) -> Result<CreatedToken> {
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
                    format!("must be between 1 and {MAX_TOKEN_DAYS} days, or absent for no expiry"),
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
            .map_err(|e| {
                if is_unique_violation(&e) {
                    Error::Conflict(format!(
                        "a token named `{name}` already exists: pick another name or revoke it first"
                    ))
                } else {
                    e.into()
                }
            })?;
            Ok(tx.last_insert_rowid())
        })?;
        let info = token_infos(&*self.conn()?, "t.id = ?1", id)?
            .pop()
            .ok_or_else(|| Error::Internal("a token vanished as it was created".into()))?;
        Ok(CreatedToken { token, info })
    }

    /// Revokes the personal token `name` at once.
    pub fn revoke_token(&self, actor: &Principal, name: &str) -> Result<()> {
        actor.require_manage()?;
        let deleted = self.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM tokens WHERE account_id = ?1 AND kind = 'personal' AND name = ?2",
                params![actor.account_id, name.trim()],
            )?)
        })?;
        if deleted == 0 {
            return Err(Error::NotFound(format!(
                "no token named `{}`: `ecolo token list` shows them",
                name.trim()
            )));
        }
        Ok(())
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
fn token_infos(conn: &Connection, filter: &str, param: i64) -> Result<Vec<TokenInfo>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT t.name, c.email, t.categories, t.created_at, t.last_used_at, t.expires_at
         FROM tokens t LEFT JOIN contacts c ON c.id = t.contact_id
         WHERE {filter} ORDER BY t.id"
    ))?;
    let rows = stmt.query_map([param], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get::<_, String>(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })?;
    rows.map(|row| {
        let (name, contact, categories, created, used, expires) = row?;
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
