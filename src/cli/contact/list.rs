//! `ecolo contact list`.

use crate::t;
use std::fmt;

use serde::Serialize;

use crate::api::Contact;
use crate::cli::error::Result;
use crate::cli::output::Table;
use crate::cli::Ctx;

#[derive(Debug, clap::Args)]
pub struct Args {}

/// `--json`: an array of contacts.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct ContactList(pub Vec<Contact>);

impl fmt::Display for ContactList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut table = Table::new(vec![
            t!("col-email"),
            t!("col-name"),
            t!("col-categories"),
            t!("col-may-email"),
        ]);
        for c in &self.0 {
            let sep = if f.alternate() { "," } else { ", " };
            table.row(vec![
                c.email.as_str().into(),
                c.name.as_str().into(),
                c.categories.join(sep).into(),
                c.intake_addresses.join(sep).into(),
            ]);
        }
        fmt::Display::fmt(&table, f)
    }
}

pub fn run(_args: Args, ctx: &mut Ctx) -> Result<()> {
    let contacts: Vec<Contact> = ctx.client()?.get("/v1/contacts")?;
    if contacts.is_empty() && !ctx.json && ctx.err_tty {
        ctx.note(t!("contacts-none"))?;
    }
    ctx.print(&ContactList(contacts))
}
