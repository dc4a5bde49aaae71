//! `ecolo whoami`: the account, who acts, which categories, which desk.

use crate::t;
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
        // A pipe reads `NAME<TAB>value` with the API's words; people read
        // theirs.
        let pipe = f.alternate();
        let cats = match &me.categories {
            None if pipe => "all".to_string(),
            None => t!("whoami-all-categories"),
            Some(c) => c.join(", "),
        };
        let source = match (self.credentials, pipe) {
            (TokenSource::Env, _) => "ECOLO_TOKEN".to_string(),
            (TokenSource::Stored, true) => "stored login".to_string(),
            (TokenSource::Stored, false) => t!("whoami-stored-login"),
        };
        let staff = me.acting_as.role == AuthorRole::Staff;
        let manage = match (pipe, me.can_manage) {
            (true, can) => can.to_string(),
            (false, true) => t!("whoami-manage-yes"),
            (false, false) if staff => t!("whoami-manage-own-tokens"),
            (false, false) => t!("whoami-manage-no"),
        };
        // An agent has no customer account (the desk puts the agent there):
        // a person reads the role instead; a pipe gets both keys.
        let account = format!("{} <{}>", me.account_name, me.account_email);
        let (account_label, role_label) = if staff {
            (String::new(), t!("whoami-role"))
        } else {
            (t!("whoami-account"), String::new())
        };
        let role = if staff && !pipe {
            t!("whoami-role-staff")
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
                t!("whoami-acting-as"),
                format!(
                    "{} <{}> ({})",
                    me.acting_as.name,
                    me.acting_as.email,
                    if pipe {
                        me.acting_as.role.as_str().to_string()
                    } else {
                        crate::cli::output::role_word(me.acting_as.role)
                    }
                ),
            ),
            ("categories", t!("whoami-categories"), cats),
            ("can_manage", t!("whoami-manage"), manage),
            ("url", t!("whoami-desk"), self.url.clone()),
            ("profile", t!("whoami-profile"), self.profile.clone()),
            ("credentials", t!("whoami-credentials"), source),
        ];
        let width = rows
            .iter()
            .map(|(_, l, _)| console::measure_text_width(l))
            .max()
            .unwrap_or(0)
            + 1;
        for (key, label, value) in rows {
            if pipe {
                writeln!(f, "{key}\t{value}")?;
            } else if !label.is_empty() {
                let pad = width - console::measure_text_width(&label);
                writeln!(f, "{label}{}{value}", " ".repeat(pad))?;
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
