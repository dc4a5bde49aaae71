//! `ecolo contact add`.

use crate::t;
use dialoguer::MultiSelect;

use crate::api::{Contact, Language, NewContact};
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

    /// The language of the desk's mail to the contact [default: the account's]
    #[arg(long, value_enum, value_name = "LANG")]
    pub language: Option<Language>,
}

/// The flag behind each field of `POST /v1/contacts`, for the desk's errors.
const FIELDS: FieldFlags = &[
    ("email", "--email"),
    ("name", "--name"),
    ("categories", "-c/--category"),
    ("language", "--language"),
];

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    prompt::require(ctx, args.name.is_some(), &t!("what-name"), "--name NAME")?;
    prompt::require(
        ctx,
        args.email.is_some(),
        &t!("what-email"),
        "--email EMAIL",
    )?;
    prompt::require(
        ctx,
        !args.categories.is_empty(),
        &t!("what-categories"),
        &t!("contact-category-flags"),
    )?;
    ctx.client()?;
    let cats = category::fetch(ctx)?;
    let name = prompt::or_ask(ctx, args.name, &t!("what-name"), "--name NAME", || {
        prompt::text(&t!("contact-prompt-name"))
    })?;
    let email = prompt::or_ask(ctx, args.email, &t!("what-email"), "--email EMAIL", || {
        prompt::text(&t!("login-prompt-email"))
    })?;
    let email = email.trim().to_string();
    if !looks_like_email(&email) {
        return Err(CliError::usage(t!(
            "contact-bad-email",
            email = email.as_str()
        )));
    }
    let categories = if args.categories.is_empty() {
        prompt::or_ask(
            ctx,
            None,
            &t!("what-categories"),
            &t!("contact-category-flags"),
            || loop {
                let items: Vec<String> = cats.iter().map(category::label).collect();
                let picked = MultiSelect::with_theme(&prompt::theme())
                    .with_prompt(t!("contact-prompt-categories"))
                    .items(&items)
                    .interact()?;
                if picked.is_empty() {
                    eprintln!("{}", t!("contact-pick-one"));
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
        language: args.language,
    };
    let contact: Contact = ctx
        .client()?
        .post("/v1/contacts", &body, None)
        .map_err(|e| e.naming_flags(FIELDS))?;
    ctx.done(t!("contact-added", email = contact.email.as_str()))?;
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
