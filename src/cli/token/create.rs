//! `ecolo token create`: the secret goes to stdout only, once.

use std::fmt;

use serde::Serialize;

use crate::api::{CreatedToken, NewToken};
use crate::cli::error::{CliError, Result};
use crate::cli::{category, prompt, Ctx};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Use the token with `ECOLO_TOKEN=... ecolo ...` or `ecolo login --with-token`."
)]
pub struct Args {
    /// A name to recognize (and revoke) the token by
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Act as this contact (their categories at most)
    #[arg(long, value_name = "EMAIL")]
    pub contact: Option<String>,

    /// Limit the token to a category (repeat for several)
    #[arg(short, long = "category", value_name = "CATEGORY")]
    pub categories: Vec<String>,

    /// Lifetime: Nd (days), Nw (weeks), Ny (years) or `never` [default: never]
    #[arg(long, value_name = "DURATION", value_parser = parse_expires)]
    pub expires: Option<Expires>,
}

#[derive(Debug, Clone, Copy)]
pub struct Expires(Option<u32>);

/// `90d`, `12w`, `1y`, `30` (days) or `never`.
pub fn parse_expires(s: &str) -> std::result::Result<Expires, String> {
    let s = s.trim().to_ascii_lowercase();
    if s == "never" {
        return Ok(Expires(None));
    }
    let (num, mult) = match s.chars().last() {
        Some('d') => (&s[..s.len() - 1], 1),
        Some('w') => (&s[..s.len() - 1], 7),
        Some('y') => (&s[..s.len() - 1], 365),
        _ => (s.as_str(), 1),
    };
    let n: u32 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a lifetime: use e.g. 90d, 12w, 1y or never"))?;
    if n == 0 {
        return Err("the lifetime must be at least one day".into());
    }
    n.checked_mul(mult)
        .map(|d| Expires(Some(d)))
        .ok_or_else(|| "that lifetime is too long".into())
}

/// People and scripts get the token alone; `--json` gets token and info.
#[derive(Serialize)]
#[serde(transparent)]
pub struct Created(pub CreatedToken);

impl fmt::Display for Created {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.0.token)
    }
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    prompt::require(ctx, args.name.is_some(), "token name", "--name NAME")?;
    ctx.client()?;
    let name = prompt::or_ask(ctx, args.name, "token name", "--name NAME", || {
        prompt::text("Token name")
    })?;
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err(CliError::usage("the token name is empty (--name)"));
    }
    let categories = if args.categories.is_empty() {
        None
    } else {
        let cats = category::fetch(ctx)?;
        Some(category::check_all(&args.categories, &cats, "--category")?)
    };
    let body = NewToken {
        name,
        contact: args.contact.map(|c| c.trim().to_string()),
        categories,
        expires_in_days: args.expires.and_then(|e| e.0),
    };
    let created: CreatedToken = ctx.client()?.post("/v1/tokens", &body, None)?;
    if !ctx.json {
        ctx.note(format!(
            "Created token {} ({}). It is shown only now: store it safely.",
            created.info.name,
            super::scope(&created.info)
        ))?;
    }
    ctx.print(&Created(created))
}

#[cfg(test)]
mod tests {
    use super::parse_expires;

    #[test]
    fn lifetimes_parse() {
        assert_eq!(parse_expires("90d").unwrap().0, Some(90));
        assert_eq!(parse_expires("2w").unwrap().0, Some(14));
        assert_eq!(parse_expires("1y").unwrap().0, Some(365));
        assert_eq!(parse_expires("30").unwrap().0, Some(30));
        assert_eq!(parse_expires("never").unwrap().0, None);
        assert!(parse_expires("0d").is_err());
        assert!(parse_expires("soon").is_err());
    }
}
