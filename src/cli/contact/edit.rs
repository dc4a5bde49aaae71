//! `ecolo contact edit`.

use crate::api::{Contact, ContactChange, Language};
use crate::cli::error::{CliError, Result};
use crate::cli::{category, Ctx};
use crate::client::FieldFlags;
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The contact's e-mail address
    #[arg(value_name = "EMAIL")]
    pub email: String,

    /// New name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Allow another category (repeat for several)
    #[arg(long, value_name = "CATEGORY")]
    pub add_category: Vec<String>,

    /// Take a category away (repeat for several)
    #[arg(long, value_name = "CATEGORY")]
    pub remove_category: Vec<String>,

    /// The language of the desk's mail to the contact
    #[arg(long, value_enum, value_name = "LANG")]
    pub language: Option<Language>,
}

/// The flag behind each field of `PATCH /v1/contacts/{email}`, for the
/// desk's errors. `categories` is the set left after the change: only
/// `--remove-category` can leave it empty.
const FIELDS: FieldFlags = &[
    ("name", "--name"),
    ("add_categories", "--add-category"),
    ("remove_categories", "--remove-category"),
    ("categories", "--remove-category"),
    ("language", "--language"),
];

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    if args.name.is_none()
        && args.add_category.is_empty()
        && args.remove_category.is_empty()
        && args.language.is_none()
    {
        return Err(CliError::usage(t!("contact-nothing-to-change")));
    }
    ctx.client()?;
    let cats = category::fetch(ctx)?;
    let change = ContactChange {
        name: args.name.map(|n| n.trim().to_string()),
        add_categories: category::check_all(&args.add_category, &cats, "--add-category")?,
        remove_categories: category::check_all(&args.remove_category, &cats, "--remove-category")?,
        language: args.language,
    };
    let contact: Contact = ctx
        .client()?
        .patch(&super::path(&args.email), &change)
        .map_err(|e| e.naming_flags(FIELDS))?;
    ctx.done(t!("contact-changed", email = contact.email.as_str()))?;
    ctx.print(&super::ContactCard(contact))
}
