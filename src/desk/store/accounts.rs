//! Accounts (owners with a password) and looking up who an e-mail sender is.

use rusqlite::{params, OptionalExtension};

use super::super::auth::{self, ContactRef, Principal};
use super::validate::{self, Check};
use super::{is_unique_violation, now, Error, Result, Store};

/// Shorter passwords fall to guessing despite the login rate limit.
pub const MIN_PASSWORD_CHARS: usize = 8;

impl Store {
    /// Creates an account; returns its id. 422 on a bad e-mail, name or
    /// empty password, 409 when the e-mail already has an account.
    pub fn create_account(&self, email: &str, name: &str, password: &str) -> Result<i64> {
        let mut check = Check::new();
        let email = check.take("email", validate::email(email));
        let name = check.take("name", validate::name(name));
        if password.chars().count() < MIN_PASSWORD_CHARS {
            check.add(
                "password",
                format!(
                    "must be at least {MIN_PASSWORD_CHARS} characters: a few words make a good one"
                ),
            );
        }
        check.finish()?;
        let (email, name) = (email.unwrap_or_default(), name.unwrap_or_default());
        let hash = auth::hash_password(password)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO accounts (email, name, password_hash, created_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![email, name, hash, now()],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    Error::Conflict(format!("an account for {email} already exists"))
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

    /// The account id when `password` is right for `email`. Takes as long
    /// for an unknown e-mail as for a wrong password.
    pub fn verify_login(&self, email: &str, password: &str) -> Result<Option<i64>> {
        let conn = self.conn()?;
        let row: Option<(i64, String)> = conn
            .query_row(
                "SELECT id, password_hash FROM accounts WHERE email = ?1",
                [email.trim()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        drop(conn);
        Ok(match row {
            Some((id, hash)) if auth::verify_password(password, &hash) => Some(id),
            Some(_) => None,
            None => {
                auth::waste_password_check(password);
                None
            }
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
        .ok_or_else(|| Error::NotFound(format!("account {account_id} not found")))
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
                "SELECT id, name, email FROM accounts WHERE email = ?1",
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
             WHERE c.email = ?1 ORDER BY c.id",
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
