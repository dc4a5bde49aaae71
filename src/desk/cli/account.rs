//! `ecolo-desk account list/disable/enable/set-password`: the support
//! team's view of customer accounts. (`account create` is in the parent:
//! it is the one account command that may create the database.)

use std::path::Path;

use clap::Args;

use crate::api::Language;

use super::{open_existing, read_password_line, AccountCommand};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EmailArgs {
    /// The owner's e-mail
    pub email: String,
}

#[derive(Debug, Args)]
pub struct SetPasswordArgs {
    /// The owner's e-mail
    pub email: String,
    /// Read the new password from the first line of standard input
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The owner's e-mail
    pub email: String,
    /// The language of the desk's mail to the owner (contacts keep theirs)
    #[arg(long, value_enum, value_name = "LANG", required = true)]
    pub language: Language,
}

pub fn run(db: &Path, command: AccountCommand) -> anyhow::Result<()> {
    match command {
        AccountCommand::Create { .. } => unreachable!("handled in cli::run"),
        AccountCommand::List(args) => {
            let store = open_existing(db, None)?;
            let accounts = store.list_accounts()?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&accounts)?);
            } else if accounts.is_empty() {
                eprintln!("no accounts yet: `ecolo-desk account create` makes one");
            } else {
                println!("EMAIL\tNAME\tLANGUAGE\tCONTACTS\tSTATE");
                for a in &accounts {
                    println!("{a}");
                }
            }
            Ok(())
        }
        AccountCommand::Disable(args) => {
            let store = open_existing(db, None)?;
            let changed = store.set_account_disabled(&args.email, true)?;
            println!(
                "{} {}: its logins, tokens and mail are refused",
                if changed {
                    "disabled"
                } else {
                    "already disabled:"
                },
                args.email.trim()
            );
            Ok(())
        }
        AccountCommand::Enable(args) => {
            let store = open_existing(db, None)?;
            let changed = store.set_account_disabled(&args.email, false)?;
            println!(
                "{} {}",
                if changed {
                    "enabled"
                } else {
                    "already enabled:"
                },
                args.email.trim()
            );
            Ok(())
        }
        AccountCommand::Edit(args) => {
            let store = open_existing(db, None)?;
            store.set_account_language(&args.email, args.language)?;
            println!(
                "{}: the desk mails its owner in {}",
                args.email.trim(),
                args.language
            );
            Ok(())
        }
        AccountCommand::SetPassword(args) => {
            super::existing_db(db)?;
            let password = read_password_line()?;
            let store = open_existing(db, None)?;
            let ended = store.set_account_password(&args.email, &password)?;
            println!(
                "set the password of {}; ended {ended} login session{}",
                args.email.trim(),
                if ended == 1 { "" } else { "s" }
            );
            Ok(())
        }
    }
}
