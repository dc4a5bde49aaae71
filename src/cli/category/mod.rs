//! `ecolo category ...`, plus the local check every command uses so an
//! unknown slug fails before anything is sent.

pub mod list;

use clap::Subcommand;

use crate::api::Category;
use crate::cli::error::{CliError, Result};
use crate::cli::Ctx;

#[derive(Debug, Subcommand)]
pub enum CategoryCommand {
    /// List the categories: slug, name (en / es), what belongs there, intake address
    List(list::Args),
}

pub fn run(cmd: CategoryCommand, ctx: &mut Ctx) -> Result<()> {
    match cmd {
        CategoryCommand::List(args) => list::run(args, ctx),
    }
}

/// GET /v1/categories (no login needed).
pub fn fetch(ctx: &mut Ctx) -> Result<Vec<Category>> {
    Ok(ctx.public_client()?.get("/v1/categories")?)
}

/// Usage error naming `flag` and listing the valid slugs, unless `slug` is one.
pub fn check(slug: &str, categories: &[Category], flag: &str) -> Result<()> {
    if categories.iter().any(|c| c.slug == slug) {
        return Ok(());
    }
    let valid: Vec<&str> = categories.iter().map(|c| c.slug.as_str()).collect();
    Err(CliError::usage(format!(
        "unknown category `{slug}` for {flag}: use one of {}",
        valid.join(", ")
    )))
}

/// A slug as people may type it (` Billing`): trimmed, lower case.
pub fn normalize(slug: &str) -> String {
    slug.trim().to_ascii_lowercase()
}

/// Checks every slug; returns them normalized.
pub fn check_all(slugs: &[String], categories: &[Category], flag: &str) -> Result<Vec<String>> {
    slugs
        .iter()
        .map(|s| {
            let s = normalize(s);
            check(&s, categories, flag).map(|()| s)
        })
        .collect()
}

/// One line for prompts: "Billing Issues: payments, invoices, ...".
/// A prompt's item: shown on the terminal by dialoguer, so escaped here.
pub fn label(c: &Category) -> String {
    crate::cli::terminal::escape(&format!("{} ({}): {}", c.name_en, c.slug, c.description_en))
}
