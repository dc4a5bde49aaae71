//! `ecolo token list`: never the secret.

use std::fmt;

use serde::Serialize;

use crate::api::TokenInfo;
use crate::cli::error::Result;
use crate::cli::output::Table;
use crate::cli::Ctx;

#[derive(Debug, clap::Args)]
pub struct Args {}

/// `--json`: an array of TokenInfo.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct TokenList {
    pub tokens: Vec<TokenInfo>,
    /// An agent's own tokens (scope "agent", not "owner").
    #[serde(skip)]
    pub staff: bool,
}

impl fmt::Display for TokenList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut table = Table::new(vec!["NAME", "SCOPE", "CREATED", "LAST USED", "EXPIRES"]);
        let date = |t: &Option<chrono::DateTime<chrono::Utc>>, none: &str| match t {
            Some(t) if f.alternate() => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            Some(t) => t.format("%Y-%m-%d").to_string(),
            None => none.to_string(),
        };
        for t in &self.tokens {
            table.row(vec![
                t.name.as_str().into(),
                super::scope(t, self.staff).into(),
                date(&Some(t.created_at), "").into(),
                date(&t.last_used_at, "never").into(),
                date(&t.expires_at, "never").into(),
            ]);
        }
        fmt::Display::fmt(&table, f)
    }
}

pub fn run(_args: Args, ctx: &mut Ctx) -> Result<()> {
    let tokens: Vec<TokenInfo> = ctx.client()?.get("/v1/tokens")?;
    if tokens.is_empty() && !ctx.json && ctx.err_tty {
        ctx.note("No tokens yet; create one with `ecolo token create --name NAME`.")?;
    }
    // Whose tokens: asked of the desk only when there is a table to draw.
    let staff = !ctx.json && !tokens.is_empty() && ctx.is_staff()?;
    ctx.print(&TokenList { tokens, staff })
}
