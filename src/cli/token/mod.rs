//! `ecolo token ...`: personal access tokens for scripts and CI, optionally
//! bound to a contact and limited to categories. The owner's on the desk,
//! or an agent's own (at most as wide as the agent).

pub mod create;
pub mod list;
pub mod revoke;

use crate::t;
use clap::Subcommand;

use crate::cli::error::Result;
use crate::cli::Ctx;

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token; prints only the token (shown this once)
    Create(create::Args),
    /// List tokens: name, scope, created, last used, expires (never the secret)
    List(list::Args),
    /// Revoke a token at once
    Revoke(revoke::Args),
}

pub fn run(cmd: TokenCommand, ctx: &mut Ctx) -> Result<()> {
    match cmd {
        TokenCommand::Create(args) => create::run(args, ctx),
        TokenCommand::List(args) => list::run(args, ctx),
        TokenCommand::Revoke(args) => revoke::run(args, ctx),
    }
}

/// Who a token acts as and where, in the person's language. An agent's
/// tokens act as the agent (`staff`), never as an account's owner.
pub fn scope_for_people(info: &crate::api::TokenInfo, staff: bool) -> String {
    let cats = info.categories.as_ref().map(|c| c.join(", "));
    match (&info.contact, cats) {
        (Some(c), Some(cats)) => t!(
            "token-scope-contact",
            contact = c.as_str(),
            categories = cats
        ),
        (Some(c), None) => t!("token-scope-contact-own", contact = c.as_str()),
        (None, Some(cats)) if staff => t!("token-scope-agent", categories = cats),
        (None, None) if staff => t!("token-scope-agent-all"),
        (None, Some(cats)) => t!("token-scope-owner", categories = cats),
        (None, None) => t!("token-scope-owner-all"),
    }
}

/// Who a token acts as and where, in the words of the tab-separated
/// output (the same in every language).
pub fn scope(info: &crate::api::TokenInfo, staff: bool) -> String {
    let who = match &info.contact {
        Some(c) => format!("contact {c}"),
        None if staff => "agent".to_string(),
        None => "owner".to_string(),
    };
    match &info.categories {
        Some(c) => format!("{who}: {}", c.join(", ")),
        None if info.contact.is_some() => format!("{who}: contact's categories"),
        None => format!("{who}: all categories"),
    }
}
