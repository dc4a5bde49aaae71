//! `ecolo token ...`: personal access tokens for scripts and CI, optionally
//! bound to a contact and limited to categories. The owner's on the desk,
//! or an agent's own (at most as wide as the agent).

pub mod create;
pub mod list;
pub mod revoke;

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

/// Who a token acts as and where, for people. An agent's tokens act as the
/// agent (`staff`), never as an account's owner.
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
