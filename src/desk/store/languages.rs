//! Who reads which language (issue 12): every account, contact and agent
//! has one, `es` or `en`, and the desk has a default for new accounts and
//! agents, kept in the database so the admin commands that run beside
//! `serve` use the one `serve --language` set. The mailer asks here in
//! which language to write to a ticket's requester or an agent; mail to a
//! stranger stays bilingual.

use rusqlite::{params, Connection, OptionalExtension};

use crate::api::{AuthorRole, Language, Ticket};

use super::super::auth::Actor;
use super::{Error, Result, Store};

fn parse(value: String) -> Result<Language> {
    Language::parse(&value)
        .ok_or_else(|| Error::Internal(format!("bad language {value:?} in the database")))
}

/// The desk's default language (of new accounts and agents).
pub(crate) fn desk_language(conn: &Connection) -> Result<Language> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM desk_settings WHERE name = 'language'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    value.map_or(Ok(Language::Es), parse)
}

/// The language of the account whose owner logs in with `account_email`.
pub(crate) fn account_language(conn: &Connection, account_email: &str) -> Result<Language> {
    let value: Option<String> = conn
        .query_row(
            "SELECT language FROM accounts WHERE email = ?1",
            [account_email.trim()],
            |r| r.get(0),
        )
        .optional()?;
    value.map_or(Ok(Language::Es), parse)
}

pub(crate) fn account_language_by_id(conn: &Connection, account_id: i64) -> Result<Language> {
    parse(conn.query_row(
        "SELECT language FROM accounts WHERE id = ?1",
        [account_id],
        |r| r.get(0),
    )?)
}

pub(crate) fn contact_language(conn: &Connection, contact_id: i64) -> Result<Language> {
    parse(conn.query_row(
        "SELECT language FROM contacts WHERE id = ?1",
        [contact_id],
        |r| r.get(0),
    )?)
}

/// The language of agent `email`, if there is one.
pub(crate) fn agent_language(conn: &Connection, email: &str) -> Result<Option<Language>> {
    conn.query_row(
        "SELECT language FROM agents WHERE email = ?1",
        [email.trim()],
        |r| r.get::<_, String>(0),
    )
    .optional()?
    .map(parse)
    .transpose()
}

/// The language of a ticket's requester: the owner's account's, the
/// contact's (while the contact exists; else the account's), an agent's.
pub(crate) fn requester_language(conn: &Connection, ticket: &Ticket) -> Result<Language> {
    let r = &ticket.requester;
    match r.role {
        AuthorRole::Contact => {
            let value: Option<String> = conn
                .query_row(
                    "SELECT c.language FROM contacts c JOIN accounts a ON a.id = c.account_id
                     WHERE a.email = ?1 AND c.email = ?2",
                    params![ticket.account.email, r.email],
                    |row| row.get(0),
                )
                .optional()?;
            match value {
                Some(v) => parse(v),
                None => account_language(conn, &ticket.account.email),
            }
        }
        AuthorRole::Staff => Ok(agent_language(conn, &r.email)?.unwrap_or(Language::Es)),
        AuthorRole::Owner | AuthorRole::Desk => account_language(conn, &ticket.account.email),
    }
}

/// The language of whoever `actor` acts as.
pub(crate) fn actor_language(conn: &Connection, actor: &Actor) -> Result<Language> {
    match actor {
        Actor::Customer(p) => match &p.contact {
            Some(c) => contact_language(conn, c.id),
            None => account_language_by_id(conn, p.account_id),
        },
        Actor::Agent(a) => Ok(agent_language(conn, &a.email)?.unwrap_or(Language::Es)),
    }
}

impl Store {
    /// The default language of new accounts and agents.
    pub fn desk_language(&self) -> Result<Language> {
        desk_language(&*self.conn()?)
    }

    /// Sets the default language of new accounts and agents (`serve
    /// --language`); existing people keep theirs.
    pub fn set_desk_language(&self, language: Language) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO desk_settings (name, value) VALUES ('language', ?1)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                [language.as_str()],
            )?;
            Ok(())
        })
    }

    /// Changes the language of the account whose owner is `email`.
    pub fn set_account_language(&self, email: &str, language: Language) -> Result<()> {
        self.write(|tx| {
            let id = Store::account_id(tx, email)?;
            tx.execute(
                "UPDATE accounts SET language = ?1 WHERE id = ?2",
                params![language.as_str(), id],
            )?;
            Ok(())
        })
    }

    /// The language of whoever writes from `email`, if the desk knows
    /// them: an account's owner first, then a contact (the first added),
    /// then an agent. `None` for a stranger.
    pub fn sender_language(&self, email: &str) -> Result<Option<Language>> {
        let conn = self.conn()?;
        let email = email.trim();
        for sql in [
            "SELECT language FROM accounts WHERE email = ?1",
            "SELECT language FROM contacts WHERE email = ?1 ORDER BY id LIMIT 1",
            "SELECT language FROM agents WHERE email = ?1",
        ] {
            let found: Option<String> = conn.query_row(sql, [email], |r| r.get(0)).optional()?;
            if let Some(v) = found {
                return parse(v).map(Some);
            }
        }
        Ok(None)
    }

    /// The language of whoever `actor` acts as (`GET /v1/me`).
    pub fn actor_language(&self, actor: &Actor) -> Result<Language> {
        actor_language(&*self.conn()?, actor)
    }

    /// The language of the requester of a ticket, and of agent `email`
    /// (for mail rendered outside the event log).
    pub fn requester_language(&self, ticket: &Ticket) -> Result<Language> {
        requester_language(&*self.conn()?, ticket)
    }
}
