//! `ecolo whoami`: the account, who acts, which categories, which desk.

use std::fmt;

use serde::Serialize;

use crate::api::Me;
use crate::cli::ctx::TokenSource;
use crate::cli::error::Result;
use crate::cli::Ctx;

#[derive(Debug, clap::Args)]
pub struct Args {}

/// `--json`: the fields of GET /v1/me plus `url`, `profile`, `credentials`.
#[derive(Debug, Serialize)]
pub struct Whoami {
    #[serde(flatten)]
    pub me: Me,
    pub url: String,
    pub profile: String,
    /// `env` (ECOLO_TOKEN) or `stored`.
    pub credentials: TokenSource,
}

impl fmt::Display for Whoami {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let me = &self.me;
        let cats = match &me.categories {
            None => "all".to_string(),
            Some(c) => c.join(", "),
        };
        let source = match self.credentials {
            TokenSource::Env => "ECOLO_TOKEN",
            TokenSource::Stored => "stored login",
        };
        let manage = match (f.alternate(), me.can_manage) {
            (true, can) => can.to_string(),
            (false, true) => "contacts and tokens".to_string(),
            (false, false) => "no (ask the account owner)".to_string(),
        };
        // (key for `NAME<TAB>value` on a pipe, label for a person, value)
        let rows = [
            (
                "account",
                "Account:",
                format!("{} <{}>", me.account_name, me.account_email),
            ),
            (
                "acting_as",
                "Acting as:",
                format!(
                    "{} <{}> ({})",
                    me.acting_as.name,
                    me.acting_as.email,
                    me.acting_as.role.as_str()
                ),
            ),
            ("categories", "Categories:", cats),
            ("can_manage", "Manage:", manage),
            ("url", "Desk:", self.url.clone()),
            ("profile", "Profile:", self.profile.clone()),
            ("credentials", "Credentials:", source.to_string()),
        ];
        for (key, label, value) in rows {
            if f.alternate() {
                writeln!(f, "{key}\t{value}")?;
            } else {
                writeln!(f, "{label:<13}{value}")?;
            }
        }
        Ok(())
    }
}

pub fn run(_args: Args, ctx: &mut Ctx) -> Result<()> {
    let client = ctx.client()?;
    let me: Me = client.get("/v1/me")?;
    let url = client.base_url().to_string();
    let view = Whoami {
        me,
        url,
        profile: ctx.profile.clone(),
        credentials: ctx.token_source().unwrap_or(TokenSource::Stored),
    };
    ctx.print(&view)
}
