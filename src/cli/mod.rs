//! The `ecolo` command line: clap definitions and one module per command
//! group, one file per leaf command (`Args` -> `run(args, &mut Ctx)`).
//! Group enums only dispatch; `main` only maps errors to exit codes.

pub mod auth;
pub mod category;
pub mod compose;
pub mod config;
pub mod contact;
pub mod ctx;
pub mod error;
pub mod generate;
pub mod help;
pub mod interrupt;
pub mod output;
pub mod prompt;
pub mod settings;
pub mod terminal;
pub mod ticket;
pub mod token;

use clap::{Parser, Subcommand};

use crate::t;

pub use ctx::Ctx;
pub use error::{CliError, Result};

/// Exit codes, shown by `ecolo --help` and in `man ecolo`, in the
/// person's language (the codes themselves never change).
pub fn exit_codes() -> Vec<(&'static str, String)> {
    vec![
        ("0", t!("exit-0")),
        ("1", t!("exit-1")),
        ("2", t!("exit-2")),
        ("3", t!("exit-3")),
        ("4", t!("exit-4")),
        ("5", t!("exit-5")),
        ("6", t!("exit-6")),
        ("7", t!("exit-7")),
        ("130", t!("exit-130")),
    ]
}

/// The environment variables ecolo reads, for `--help` and `man ecolo`.
pub fn environment() -> Vec<(&'static str, String)> {
    vec![
        ("ECOLO_URL", t!("env-url")),
        ("ECOLO_TOKEN", t!("env-token")),
        ("ECOLO_PROFILE", t!("env-profile")),
        ("ECOLO_CONFIG_DIR", t!("env-config-dir")),
        ("ECOLO_LANG", t!("env-lang")),
        ("LC_ALL, LC_MESSAGES, LANG", t!("env-locale")),
        ("CI", t!("env-ci")),
        ("NO_COLOR", t!("env-no-color")),
        ("VISUAL, EDITOR", t!("env-editor")),
    ]
}

fn after_long_help() -> String {
    let mut s = t!("help-exit-codes-heading") + "\n";
    for (code, what) in exit_codes() {
        s.push_str(&format!("  {code:<5}{what}\n"));
    }
    s.push('\n');
    s.push_str(&t!("help-environment-heading"));
    s.push('\n');
    for (var, what) in environment() {
        if var.len() > 17 {
            s.push_str(&format!("  {var}\n  {:<18}{what}\n", ""));
        } else {
            s.push_str(&format!("  {var:<18}{what}\n"));
        }
    }
    s
}

/// Open and follow support tickets with the hosting desk.
#[derive(Debug, Parser)]
#[command(
    name = "ecolo",
    version,
    max_term_width = 100,
    after_long_help = after_long_help(),
    after_help = "Run `ecolo help <command>` or `ecolo <command> --help` for details; `ecolo --help` lists exit codes and environment variables."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Print results as JSON (stable fields, documented in the README)
    #[arg(long, global = true)]
    pub json: bool,

    /// Never prompt; a missing value is an error naming its flag
    #[arg(long, global = true)]
    pub no_input: bool,

    /// Use the credentials and desk URL stored under NAME
    #[arg(
        long,
        global = true,
        env = "ECOLO_PROFILE",
        value_name = "NAME",
        hide_env_values = true
    )]
    pub profile: Option<String>,

    /// Desk URL, e.g. https://desk.example.com
    #[arg(
        long,
        global = true,
        env = "ECOLO_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub url: Option<String>,

    /// Print each request (method, URL, status, time) to stderr; never secrets
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log in to the desk and store the credentials for this profile
    Login(auth::login::Args),
    /// Forget the stored credentials (a password login's session is revoked on the desk too)
    Logout(auth::logout::Args),
    /// Show who the credentials act as, their categories and the desk URL
    Whoami(auth::whoami::Args),
    /// Ticket categories (departments) and what belongs in each
    #[command(subcommand)]
    Category(category::CategoryCommand),
    /// Open, list, view, answer, close and reopen tickets; the support team's queue, notes, assignments and moves
    #[command(subcommand)]
    Ticket(ticket::TicketCommand),
    /// People allowed to open tickets in some categories (owner only)
    #[command(subcommand)]
    Contact(contact::ContactCommand),
    /// Personal access tokens for scripts and CI (the owner's; an agent's own)
    #[command(subcommand)]
    Token(token::TokenCommand),
    /// Settings of ecolo on this computer (the language)
    #[command(subcommand)]
    Config(settings::ConfigCommand),
}

pub fn run(command: Command, ctx: &mut Ctx) -> Result<()> {
    match command {
        Command::Login(args) => auth::login::run(args, ctx),
        Command::Logout(args) => auth::logout::run(args, ctx),
        Command::Whoami(args) => auth::whoami::run(args, ctx),
        Command::Category(cmd) => category::run(cmd, ctx),
        Command::Ticket(cmd) => ticket::run(cmd, ctx),
        Command::Contact(cmd) => contact::run(cmd, ctx),
        Command::Token(cmd) => token::run(cmd, ctx),
        Command::Config(cmd) => settings::run(cmd, ctx),
    }
}
