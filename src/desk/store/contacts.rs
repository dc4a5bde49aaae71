//! Authorized contacts of an account: people the owner lets open tickets in
//! some categories, through tokens bound to them or by e-mail.

use crate::msg;
use rusqlite::{params, Connection, OptionalExtension};

use crate::api::{Contact, ContactChange, Language, NewContact};

use super::super::auth::Actor;
use super::validate::{self, Check};
use super::{is_unique_violation, now, parse_time, Error, Result, Store};

/// The contact's categories, in display order.
pub(crate) fn contact_categories(conn: &Connection, contact_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT cc.category FROM contact_categories cc
         JOIN categories c ON c.slug = cc.category
         WHERE cc.contact_id = ?1 ORDER BY c.position",
    )?;
    let rows = stmt.query_map([contact_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn contact_id_by_email(
    conn: &Connection,
    account_id: i64,
    email: &str,
) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM contacts WHERE account_id = ?1 AND email = ?2",
            params![account_id, email.trim()],
            |r| r.get(0),
        )
        .optional()?)
}

fn not_found(email: &str) -> Error {
    Error::NotFound(msg!("problem-no-contact", email = email.trim()))
}

impl Store {
    fn load_contact(&self, conn: &Connection, contact_id: i64) -> Result<Contact> {
        let (email, name, created, language): (String, String, String, String) = conn.query_row(
            "SELECT email, name, created_at, language FROM contacts WHERE id = ?1",
            [contact_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        let categories = contact_categories(conn, contact_id)?;
        Ok(Contact {
            email,
            name,
            intake_addresses: categories.iter().map(|c| self.intake_address(c)).collect(),
            categories,
            language: Language::parse(&language).unwrap_or_default(),
            created_at: parse_time(&created)?,
        })
    }

    /// The account's contacts, in the order they were added.
    pub fn list_contacts(&self, actor: &Actor) -> Result<Vec<Contact>> {
        let actor = actor.customer("managing contacts")?;
        actor.require_manage()?;
        let conn = self.conn()?;
        let mut stmt = conn.prepare("SELECT id FROM contacts WHERE account_id = ?1 ORDER BY id")?;
        let ids = stmt
            .query_map([actor.account_id], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids.into_iter()
            .map(|id| self.load_contact(&conn, id))
            .collect()
    }

    /// Authorizes a contact for some categories. 422 naming `email`,
    /// `name` or `categories`; 409 when the e-mail is already a contact.
    pub fn add_contact(&self, actor: &Actor, new: &NewContact) -> Result<Contact> {
        let actor = actor.customer("managing contacts")?;
        actor.require_manage()?;
        let mut check = Check::new();
        let email = check.take("email", validate::email(&new.email));
        if email
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(&actor.account_email))
        {
            check.add("email", msg!("field-contact-is-owner"));
        }
        let name = check.take("name", validate::name(&new.name));
        let categories = check.take("categories", validate::categories(&new.categories));
        check.finish()?;
        let (email, name, categories) = (
            email.unwrap_or_default(),
            name.unwrap_or_default(),
            categories.unwrap_or_default(),
        );
        let id = self.write(|tx| {
            if super::agents::agent_id_by_email(tx, &email)?.is_some() {
                return Err(Error::Conflict(
                    msg!("problem-second-role", email = email, wanted = "contact")
                        .with("role", msg!("role-agent")),
                ));
            }
            let language = match new.language {
                Some(l) => l,
                None => super::languages::account_language_by_id(tx, actor.account_id)?,
            };
            tx.execute(
                "INSERT INTO contacts (account_id, email, name, created_at, language)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![actor.account_id, email, name, now(), language.as_str()],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    Error::Conflict(msg!("problem-contact-exists", email = email))
                } else {
                    e.into()
                }
            })?;
            let id = tx.last_insert_rowid();
            for c in &categories {
                tx.execute(
                    "INSERT INTO contact_categories (contact_id, category) VALUES (?1, ?2)",
                    params![id, c],
                )?;
            }
            Ok(id)
        })?;
        self.load_contact(&*self.conn()?, id)
    }

    /// Renames a contact and/or grants and withdraws categories; a contact
    /// keeps at least one category.
    pub fn change_contact(
        &self,
        actor: &Actor,
        email: &str,
        change: &ContactChange,
    ) -> Result<Contact> {
        let actor = actor.customer("managing contacts")?;
        actor.require_manage()?;
        let mut check = Check::new();
        let name = match &change.name {
            Some(n) => check.take("name", validate::name(n)),
            None => None,
        };
        for (field, list) in [
            ("add_categories", &change.add_categories),
            ("remove_categories", &change.remove_categories),
        ] {
            if !list.is_empty() {
                check.take(field, validate::categories(list));
            }
        }
        check.finish()?;
        let id = self.write(|tx| {
            let id = contact_id_by_email(tx, actor.account_id, email)?.ok_or_else(|| not_found(email))?;
            if let Some(name) = &name {
                tx.execute("UPDATE contacts SET name = ?1 WHERE id = ?2", params![name, id])?;
            }
            if let Some(language) = change.language {
                tx.execute(
                    "UPDATE contacts SET language = ?1 WHERE id = ?2",
                    params![language.as_str(), id],
                )?;
            }
            for c in &change.add_categories {
                tx.execute(
                    "INSERT OR IGNORE INTO contact_categories (contact_id, category) VALUES (?1, ?2)",
                    params![id, c],
                )?;
            }
            for c in &change.remove_categories {
                tx.execute(
                    "DELETE FROM contact_categories WHERE contact_id = ?1 AND category = ?2",
                    params![id, c],
                )?;
            }
            if contact_categories(tx, id)?.is_empty() {
                return Err(Error::invalid(
                    "categories",
                    msg!("field-contact-needs-category"),
                ));
            }
            Ok(id)
        })?;
        self.load_contact(&*self.conn()?, id)
    }

    /// Removes a contact and, at once, every token bound to it. Its tickets
    /// and messages stay: names and e-mails were copied onto them.
    pub fn remove_contact(&self, actor: &Actor, email: &str) -> Result<()> {
        let actor = actor.customer("managing contacts")?;
        actor.require_manage()?;
        self.write(|tx| {
            let id = contact_id_by_email(tx, actor.account_id, email)?
                .ok_or_else(|| not_found(email))?;
            tx.execute("DELETE FROM tokens WHERE contact_id = ?1", [id])?;
            tx.execute("DELETE FROM contacts WHERE id = ?1", [id])?;
            Ok(())
        })
    }
}
