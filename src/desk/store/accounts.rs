//! Accounts (owners with a password) and looking up who an e-mail sender is.

use crate::msg;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::api::Language;

use super::super::auth::{self, Actor, ContactRef, Principal};
use super::validate::{self, Check};
use super::{is_unique_violation, now, parse_opt_time, parse_time, Error, Result, Store};
use crate::desk::error::Msg;

/// Shorter passwords fall to guessing despite the login rate limit.
pub const MIN_PASSWORD_CHARS: usize = 8;

pub(crate) fn check_password(check: &mut Check, password: &str) {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        check.add(
            "password",
            msg!("field-password-short", min = MIN_PASSWORD_CHARS),
        );
    }
}

/// Who a right password logs in as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Login {
    Account(i64),
    Agent(i64),
}

/// A customer account as `ecolo-desk account list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountSummary {
    pub email: String,
    pub name: String,
    pub contacts: i64,
    /// The language of the desk's mail to the owner.
    pub language: Language,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub disabled_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl std::fmt::Display for AccountSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}\t{}\t{}\t{} contacts\t{}",
            self.email,
            self.name,
            self.language,
            self.contacts,
            if self.disabled_at.is_some() {
                "disabled"
            } else {
                "active"
            }
        )
    }
}

/// The 401 of a disabled account's credentials and the refusal of its mail.
pub(crate) fn disabled_error(email: &str) -> Error {
    Error::Unauthorized(msg!("problem-account-disabled", email = email))
}

impl Store {
    /// Creates an account in the desk's default language; returns its id.
    pub fn create_account(&self, email: &str, name: &str, password: &str) -> Result<i64> {
        self.create_account_in(email, name, password, None)
    }

    /// Creates an account whose mail is in `language` (the desk's default
    /// when `None`); returns its id. 422 on a bad e-mail, name or empty
    /// password, 409 when the e-mail already has an account.
    pub fn create_account_in(
        &self,
        email: &str,
        name: &str,
        password: &str,
        language: Option<Language>,
    ) -> Result<i64> {
        let mut check = Check::new();
        let email = check.take("email", validate::email(email));
        let name = check.take("name", validate::name(name));
        check_password(&mut check, password);
        check.finish()?;
        let (email, name) = (email.unwrap_or_default(), name.unwrap_or_default());
        let hash = auth::hash_password(password)?;
        self.write(|tx| {
            if let Some(role) = super::agents::address_role(tx, &email)? {
                if !matches!(
                    &role,
                    Msg::Key {
                        key: "role-owner",
                        ..
                    }
                ) {
                    return Err(Error::Conflict(
                        msg!("problem-second-role", email = email, wanted = "account")
                            .with("role", role),
                    ));
                }
            }
            let language = match language {
                Some(l) => l,
                None => super::languages::desk_language(tx)?,
            };
            tx.execute(
                "INSERT INTO accounts (email, name, password_hash, created_at, language)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![email, name, hash, now(), language.as_str()],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    Error::Conflict(msg!("problem-account-exists", email = email))
                } else {
                    e.into()
                }
            })?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Whether an account logs in with `email`.
    pub fn account_exists(&self, email: &str) -> Result<bool> {
        let conn = self.conn()?;
        Ok(conn
            .query_row(
                "SELECT 1 FROM accounts WHERE email = ?1",
                [email.trim()],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Who logs in when `password` is right for `email` (an account owner
    /// or an agent). Takes as long for an unknown e-mail as for a wrong
    /// password. A disabled account answers 401 saying so, but only after
    /// the right password (so it reveals nothing to a guesser).
    pub fn verify_login(&self, email: &str, password: &str) -> Result<Option<Login>> {
        let conn = self.conn()?;
        let email = email.trim();
        let account: Option<(i64, String, Option<String>)> = conn
            .query_row(
                "SELECT id, password_hash, disabled_at FROM accounts WHERE email = ?1",
                [email],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let agent: Option<(i64, String)> = conn
            .query_row(
                "SELECT id, password_hash FROM agents WHERE email = ?1",
                [email],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        drop(conn);
        if let Some((id, hash, disabled)) = account {
            if !auth::verify_password(password, &hash) {
                return Ok(None);
            }
            if disabled.is_some() {
                return Err(disabled_error(email));
            }
            return Ok(Some(Login::Account(id)));
        }
        Ok(match agent {
            Some((id, hash)) if auth::verify_password(password, &hash) => Some(Login::Agent(id)),
            Some(_) => None,
            None => {
                auth::waste_password_check(password);
                None
            }
        })
    }

    /// Who a fresh login session acts as.
    pub fn login_actor(&self, login: Login) -> Result<Actor> {
        match login {
            Login::Account(id) => Ok(Actor::Customer(self.owner_principal(id)?)),
            Login::Agent(id) => Ok(Actor::Agent(super::agents::agent_principal(
                &*self.conn()?,
                id,
            )?)),
        }
    }

    /// Every customer account, oldest first, with its number of contacts.
    pub fn list_accounts(&self) -> Result<Vec<AccountSummary>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare(
            "SELECT a.email, a.name, a.created_at, a.disabled_at,
                    (SELECT count(*) FROM contacts c WHERE c.account_id = a.id), a.language
             FROM accounts a ORDER BY a.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(AccountSummary {
                email: r.get(0)?,
                name: r.get(1)?,
                created_at: parse_time(&r.get::<_, String>(2)?)?,
                disabled_at: parse_opt_time(r.get(3)?)?,
                contacts: r.get(4)?,
                language: Language::parse(&r.get::<_, String>(5)?).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn account_id(tx: &rusqlite::Connection, email: &str) -> Result<i64> {
        tx.query_row(
            "SELECT id FROM accounts WHERE email = ?1",
            [email.trim()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(msg!("problem-no-account", email = email.trim())))
    }

    /// Disables (or enables again) the account `email`: its logins, tokens
    /// and contacts' tokens answer 401 at once and its mail is refused; its
    /// tickets stay. Answers whether anything changed.
    pub fn set_account_disabled(&self, email: &str, disabled: bool) -> Result<bool> {
        self.write(|tx| {
            let id = Self::account_id(tx, email)?;
            let changed = if disabled {
                tx.execute(
                    "UPDATE accounts SET disabled_at = ?1 WHERE id = ?2 AND disabled_at IS NULL",
                    params![now(), id],
                )?
            } else {
                tx.execute(
                    "UPDATE accounts SET disabled_at = NULL WHERE id = ?1 AND disabled_at IS NOT NULL",
                    [id],
                )?
            };
            Ok(changed > 0)
        })
    }

    /// Sets the owner's password and ends every login session of the
    /// account (personal tokens stay: they are not the password's).
    pub fn set_account_password(&self, email: &str, password: &str) -> Result<usize> {
        let mut check = Check::new();
        check_password(&mut check, password);
        check.finish()?;
        let hash = auth::hash_password(password)?;
        self.write(|tx| {
            let id = Self::account_id(tx, email)?;
            tx.execute(
                "UPDATE accounts SET password_hash = ?1 WHERE id = ?2",
                params![hash, id],
            )?;
            Ok(tx.execute(
                "DELETE FROM tokens WHERE account_id = ?1 AND kind = 'session'",
                [id],
            )?)
        })
    }

    /// The owner of `account_id`, with full rights.
    pub fn owner_principal(&self, account_id: i64) -> Result<Principal> {
        let conn = self.conn()?;
        conn.query_row(
            "SELECT name, email FROM accounts WHERE id = ?1",
            [account_id],
            |r| {
                Ok(Principal {
                    account_id,
                    account_name: r.get(0)?,
                    account_email: r.get(1)?,
                    contact: None,
                    categories: None,
                    token_id: None,
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(msg!("problem-no-account-id", id = account_id)))
    }

    /// Everyone `email` may act as: the owner of the account with that
    /// e-mail (full rights) first, then each contact with that e-mail
    /// (limited to the contact's categories), oldest first. Empty when the
    /// address is unknown. The e-mail channel uses this to authorize senders.
    pub fn find_sender(&self, email: &str) -> Result<Vec<Principal>> {
        let email = email.trim();
        let conn = self.conn()?;
        let mut found: Vec<Principal> = conn
            .query_row(
                "SELECT id, name, email FROM accounts WHERE email = ?1 AND disabled_at IS NULL",
                [email],
                |r| {
                    Ok(Principal {
                        account_id: r.get(0)?,
                        account_name: r.get(1)?,
                        account_email: r.get(2)?,
                        contact: None,
                        categories: None,
                        token_id: None,
                    })
                },
            )
            .optional()?
            .into_iter()
            .collect();
        let mut stmt = conn.prepare(
            "SELECT c.id, c.name, c.email, a.id, a.name, a.email
             FROM contacts c JOIN accounts a ON a.id = c.account_id
             WHERE c.email = ?1 AND a.disabled_at IS NULL ORDER BY c.id",
        )?;
        let contacts = stmt
            .query_map([email], |r| {
                Ok(Principal {
                    contact: Some(ContactRef {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        email: r.get(2)?,
                    }),
                    account_id: r.get(3)?,
                    account_name: r.get(4)?,
                    account_email: r.get(5)?,
                    categories: None,
                    token_id: None,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for mut p in contacts {
            let contact_id = p.contact.as_ref().map(|c| c.id).unwrap_or_default();
            p.categories = Some(super::contacts::contact_categories(&conn, contact_id)?);
            found.push(p);
        }
        Ok(found)
    }
}
