//! `ecolo contact add`.

use dialoguer::MultiSelect;

use crate::api::{Contact, NewContact};
use crate::cli::error::{CliError, Result};
use crate::cli::{category, prompt, Ctx};
use crate::client::FieldFlags;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The contact's e-mail address (they may write to the desk from it)
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,

    /// The contact's name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// A category the contact may use (repeat for several)
    #[arg(short, long = "category", value_name = "CATEGORY")]
    pub categories: Vec<String>,
}

/// The flag behind each field of `POST /v1/contacts`, for the desk's errors.
const FIELDS: FieldFlags = &[
    ("email", "--email"),
    ("name", "--name"),
    ("categories", "-c/--category"),
];

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    prompt::require(ctx, args.name.is_some(), "name", "--name NAME")?;
    prompt::require(ctx, args.email.is_some(), "e-mail", "--email EMAIL")?;
    prompt::require(
        ctx,
        !args.categories.is_empty(),
        "categories",
        "--category CATEGORY (repeat for several)",
    )?;
    ctx.client()?;
    let cats = category::fetch(ctx)?;
    let name = prompt::or_ask(ctx, args.name, "name", "--name NAME", || {
        prompt::text("Name")
    })?;
    let email = prompt::or_ask(ctx, args.email, "e-mail", "--email EMAIL", || {
        prompt::text("E-mail")
    })?;
    let email = email.trim().to_string();
    if !looks_like_email(&email) {
        return Err(CliError::usage(format!(
            "`{email}` is not an e-mail address (--email)"
        )));
    }
    let categories = if args.categories.is_empty() {
        prompt::or_ask(
            ctx,
            None,
            "categories",
            "--category CATEGORY (repeat for several)",
            || loop {
                let items: Vec<String> = cats.iter().map(category::label).collect();
                let picked = MultiSelect::with_theme(&prompt::theme())
                    .with_prompt("Categories (Space to toggle, Enter to accept)")
                    .items(&items)
                    .interact()?;
                if picked.is_empty() {
                    eprintln!("Pick at least one category.");
                    continue;
                }
                return Ok(picked.into_iter().map(|i| cats[i].slug.clone()).collect());
            },
        )?
    } else {
        category::check_all(&args.categories, &cats, "--category")?
    };
    let body = NewContact {
        email,
        name: name.trim().to_string(),
        categories,
    };
    let contact: Contact = ctx
        .client()?
        .post("/v1/contacts", &body, None)
        .map_err(|e| e.naming_flags(FIELDS))?;
    ctx.done(format!("Added contact {}", contact.email))?;
    ctx.print(&super::ContactCard(contact))
}

/// A light check so a typo fails here, naming the flag; the desk decides.
fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}
