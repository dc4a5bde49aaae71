//! `ecolo whoami`: the account, who acts, which categories, which desk.

use std::fmt;

use serde::Serialize;

use crate::api::{AuthorRole, Me};
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
        let staff = me.acting_as.role == AuthorRole::Staff;
        let manage = match (f.alternate(), me.can_manage) {
            (true, can) => can.to_string(),
            (false, true) => "contacts and tokens".to_string(),
            (false, false) if staff => "your own tokens".to_string(),
            (false, false) => "no (ask the account owner)".to_string(),
        };
        // An agent has no customer account (the desk puts the agent there):
        // a person reads the role instead; a pipe gets both keys.
        let account = format!("{} <{}>", me.account_name, me.account_email);
        let (account_label, role_label) = if staff {
            ("", "Role:")
        } else {
            ("Account:", "")
        };
        let role = if staff && !f.alternate() {
            "staff (the support team: every account's tickets in these categories)".to_string()
        } else {
            me.acting_as.role.as_str().to_string()
        };
        // (key for `NAME<TAB>value` on a pipe, label for a person (none:
        // only piped), value)
        let rows = [
            ("account", account_label, account),
            ("role", role_label, role),
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
            } else if !label.is_empty() {
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
