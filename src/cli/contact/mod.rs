//! `ecolo contact ...`: people the owner allows to open tickets in some
//! categories (by token or e-mail). Owner-only on the desk.

pub mod add;
pub mod edit;
pub mod list;
pub mod remove;

use crate::t;
use std::fmt;

use clap::Subcommand;
use serde::Serialize;

use crate::api::Contact;
use crate::cli::error::Result;
use crate::cli::Ctx;
use crate::client::encode_segment;

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Allow someone to open tickets in some categories
    Add(add::Args),
    /// List contacts, their categories and the addresses they may write to
    List(list::Args),
    /// Change a contact's name or categories
    Edit(edit::Args),
    /// Remove a contact (their tokens stop working; their tickets stay)
    Remove(remove::Args),
}

pub fn run(cmd: ContactCommand, ctx: &mut Ctx) -> Result<()> {
    match cmd {
        ContactCommand::Add(args) => add::run(args, ctx),
        ContactCommand::List(args) => list::run(args, ctx),
        ContactCommand::Edit(args) => edit::run(args, ctx),
        ContactCommand::Remove(args) => remove::run(args, ctx),
    }
}

pub fn path(email: &str) -> String {
    format!("/v1/contacts/{}", encode_segment(email.trim()))
}

/// One contact after add/edit: `--json` is the Contact.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ContactCard(pub Contact);

impl fmt::Display for ContactCard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.0;
        if f.alternate() {
            return writeln!(
                f,
                "{}\t{}\t{}\t{}",
                c.email,
                c.name,
                c.categories.join(","),
                c.intake_addresses.join(",")
            );
        }
        writeln!(f, "{} <{}>", c.name, c.email)?;
        writeln!(
            f,
            "{}",
            t!("contact-card-categories", list = c.categories.join(", "))
        )?;
        writeln!(
            f,
            "{}",
            t!("contact-card-language", language = c.language.as_str())
        )?;
        if !c.intake_addresses.is_empty() {
            writeln!(
                f,
                "{}",
                t!(
                    "contact-card-may-email",
                    list = c.intake_addresses.join(", ")
                )
            )?;
        }
        Ok(())
    }
}
