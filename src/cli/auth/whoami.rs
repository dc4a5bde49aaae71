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
        if f.alternate() {
            writeln!(f, "account\t{} <{}>", me.account_name, me.account_email)?;
            writeln!(
                f,
                "acting_as\t{} <{}> ({})",
                me.acting_as.name,
                me.acting_as.email,
                me.acting_as.role.as_str()
            )?;
            writeln!(f, "categories\t{cats}")?;
            writeln!(f, "can_manage\t{}", me.can_manage)?;
            writeln!(f, "url\t{}", self.url)?;
            writeln!(f, "profile\t{}", self.profile)?;
            return writeln!(f, "credentials\t{source}");
        }
        writeln!(f, "Account:     {} <{}>", me.account_name, me.account_email)?;
        writeln!(
            f,
            "Acting as:   {} <{}> ({})",
            me.acting_as.name,
            me.acting_as.email,
            me.acting_as.role.as_str()
        )?;
        writeln!(f, "Categories:  {cats}")?;
        writeln!(
            f,
            "Manage:      {}",
            if me.can_manage {
                "contacts and tokens"
            } else {
                "no (ask the account owner)"
            }
        )?;
        writeln!(f, "Desk:        {}", self.url)?;
        writeln!(f, "Profile:     {}", self.profile)?;
        writeln!(f, "Credentials: {source}")
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
