//! `ecolo-desk staff ...`: the support team (agents and the categories
//! they work) and `staff reply`, answering a ticket from a script.

use std::io::Read;
use std::path::Path;

use clap::{Args, Subcommand};

use crate::api::Language;

use super::super::mail::notify;
use super::super::store::AgentChange;
use super::{existing_db, open_existing, read_password_line};

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a support agent (logs in with `ecolo login` like customers)
    Add(AddArgs),
    /// List the agents and the categories they work
    List(ListArgs),
    /// Rename an agent or change the categories it works
    Edit(EditArgs),
    /// Remove an agent: its logins and tokens stop at once; its answers stay
    Remove(RemoveArgs),
    /// Answer a ticket (status becomes `answered`; the requester is mailed)
    Reply(ReplyArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The agent's e-mail, used to log in (never a customer's address)
    #[arg(long)]
    pub email: String,
    /// The agent's name, shown on answers ("Laura Gómez (support)")
    #[arg(long)]
    pub name: String,
    /// Read the password from the first line of standard input
    #[arg(long, required = true)]
    pub password_stdin: bool,
    /// A category the agent works (repeat); none: every category
    #[arg(short = 'c', long = "category", value_name = "CATEGORY")]
    pub categories: Vec<String>,
    /// The language of the desk's mail to the agent [default: the desk's,
    /// set by `serve --language`]
    #[arg(long, value_enum, value_name = "LANG")]
    pub language: Option<Language>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The agent's e-mail
    pub email: String,
    /// A new name
    #[arg(long)]
    pub name: Option<String>,
    /// Also work this category (repeat)
    #[arg(long = "add-category", value_name = "CATEGORY")]
    pub add: Vec<String>,
    /// Stop working this category (repeat)
    #[arg(long = "remove-category", value_name = "CATEGORY")]
    pub remove: Vec<String>,
    /// The language of the desk's mail to the agent
    #[arg(long, value_enum, value_name = "LANG")]
    pub language: Option<Language>,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The agent's e-mail
    pub email: String,
    /// Do it: without --yes nothing is removed
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ReplyArgs {
    /// The six-digit ticket number
    pub number: u32,
    /// The answer
    #[arg(
        short = 'm',
        long,
        conflicts_with = "file",
        required_unless_present = "file"
    )]
    pub message: Option<String>,
    /// Read the answer from FILE (`-`: standard input), for multi-line text
    #[arg(short = 'F', long, value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
    /// Sign as this agent (its categories apply) instead of the desk's
    /// "Support"
    #[arg(long = "as", value_name = "EMAIL")]
    pub as_agent: Option<String>,
    /// Domain of the intake addresses, for the notification's Reply-To
    /// (the same as `serve --mail-domain`)
    #[arg(long, value_name = "DOMAIN", env = "ECOLO_DESK_MAIL_DOMAIN", default_value = super::config::DEFAULT_MAIL_DOMAIN)]
    pub mail_domain: String,
}

pub fn run(db: &Path, command: StaffCommand) -> anyhow::Result<()> {
    match command {
        StaffCommand::Add(args) => {
            existing_db(db)?;
            let password = read_password_line()?;
            let store = open_existing(db, None)?;
            let agent = store.add_agent(
                &args.email,
                &args.name,
                &password,
                &args.categories,
                args.language,
            )?;
            println!("added agent {agent}");
            Ok(())
        }
        StaffCommand::List(args) => {
            let store = open_existing(db, None)?;
            let agents = store.list_agents()?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&agents)?);
            } else if agents.is_empty() {
                eprintln!("no agents yet: `ecolo-desk staff add` adds one");
            } else {
                println!("EMAIL\tNAME\tLANGUAGE\tCATEGORIES");
                for a in &agents {
                    println!("{a}");
                }
            }
            Ok(())
        }
        StaffCommand::Edit(args) => {
            let store = open_existing(db, None)?;
            let agent = store.change_agent(
                &args.email,
                &AgentChange {
                    name: args.name,
                    add_categories: args.add,
                    remove_categories: args.remove,
                    language: args.language,
                },
            )?;
            println!("changed agent {agent}");
            Ok(())
        }
        StaffCommand::Remove(args) => {
            let store = open_existing(db, None)?;
            if !args.yes {
                anyhow::bail!(
                    "removing {} stops its logins and tokens at once: run again with --yes",
                    args.email.trim()
                );
            }
            let agent = store.remove_agent(&args.email)?;
            println!(
                "removed agent {}: its tokens are revoked, its answers stay signed {}",
                agent.email, agent.name
            );
            Ok(())
        }
        StaffCommand::Reply(args) => {
            existing_db(db)?;
            let text = match (&args.message, &args.file) {
                (Some(m), _) => m.clone(),
                (None, Some(path)) if path.as_os_str() == "-" => {
                    let mut s = String::new();
                    std::io::stdin().read_to_string(&mut s)?;
                    s
                }
                (None, Some(path)) => std::fs::read_to_string(path).map_err(|e| {
                    anyhow::anyhow!("cannot read the answer from {} (-F): {e}", path.display())
                })?,
                (None, None) => unreachable!("clap requires one"),
            };
            // A file's final newline is not part of the answer.
            let text = text.trim_end().to_string();
            let store = open_existing(db, Some(&args.mail_domain))?;
            let agent = match &args.as_agent {
                Some(email) => Some(store.find_agent(email)?.ok_or_else(|| {
                    anyhow::anyhow!("no agent {email} (--as): `ecolo-desk staff list` shows them")
                })?),
                None => None,
            };
            let reply = store.staff_reply(args.number, &text, agent.as_ref())?;
            if let Err(e) = notify::render_pending(&store) {
                tracing::warn!("the answer's mail is left for the outbox worker: {e}");
            }
            println!("answered ticket {} (message {})", args.number, reply.id);
            Ok(())
        }
    }
}
