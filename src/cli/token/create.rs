//! `ecolo token create`: the secret goes to stdout only, once.

use std::fmt;

use serde::Serialize;

use crate::api::{CreatedToken, NewToken, MAX_TOKEN_DAYS};
use crate::cli::error::{CliError, Result};
use crate::cli::{category, prompt, Ctx};
use crate::client::FieldFlags;

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

    /// Lifetime: Nd (days), Nw (weeks), Ny (years), at most 10y; or `never` [default: never]
    #[arg(long, value_name = "DURATION", value_parser = parse_expires)]
    pub expires: Option<Expires>,
}

/// The flag behind each field of `POST /v1/tokens`, for the desk's errors.
const FIELDS: FieldFlags = &[
    ("name", "--name"),
    ("contact", "--contact"),
    ("categories", "-c/--category"),
    ("expires_in_days", "--expires"),
];

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
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`{s}` is not a lifetime: use e.g. 90d, 12w, 1y or never"
        ));
    }
    // The desk refuses the same range; checked here so nothing is sent.
    let days = num.parse::<u64>().ok().and_then(|n| n.checked_mul(mult));
    match days {
        Some(d) if (1..=u64::from(MAX_TOKEN_DAYS)).contains(&d) => Ok(Expires(Some(d as u32))),
        _ => Err(format!(
            "`{s}` is {} days: a token lives 1 to {MAX_TOKEN_DAYS} days (at most {}y), or `never`",
            days.map_or_else(|| "too many".to_string(), |d| d.to_string()),
            MAX_TOKEN_DAYS / 365
        )),
    }
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
    let created: CreatedToken = ctx
        .client()?
        .post("/v1/tokens", &body, None)
        .map_err(|e| e.naming_flags(FIELDS))?;
    if !ctx.json {
        // Only a label: the secret is printed even if this question fails.
        let staff = ctx.is_staff().unwrap_or(false);
        ctx.note(format!(
            "Created token {} ({}). It is shown only now: store it safely.",
            created.info.name,
            super::scope(&created.info, staff)
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
        assert_eq!(parse_expires("10y").unwrap().0, Some(3650));
        assert_eq!(parse_expires("3650d").unwrap().0, Some(3650));
        let err = parse_expires("4000d").unwrap_err();
        assert!(err.contains("1 to 3650 days"), "{err}");
        assert!(parse_expires("3651").is_err());
        assert!(parse_expires("4294967295y").is_err());
    }
}
