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
pub mod interrupt;
pub mod output;
pub mod prompt;
pub mod ticket;
pub mod token;

use clap::{Parser, Subcommand};

pub use ctx::Ctx;
pub use error::{CliError, Result};

/// Exit codes and environment, shown by `ecolo --help` and in `man ecolo`.
pub const EXIT_CODES: &[(&str, &str)] = &[
    (
        "0",
        "success (also when the reader of the output goes away: broken pipe)",
    ),
    (
        "1",
        "error (the desk failed, a file could not be read or written)",
    ),
    (
        "2",
        "usage: a missing or bad flag; without a terminal a missing value is never prompted for",
    ),
    (
        "3",
        "not logged in, wrong password, or token rejected: run `ecolo login`",
    ),
    (
        "4",
        "not found (ticket, contact, token, attachment; for an agent, outside their categories)",
    ),
    (
        "5",
        "not permitted: outside the categories of these credentials, or for the support team only",
    ),
    (
        "6",
        "rejected by the desk: validation, conflict (e.g. a closed ticket), too large",
    ),
    (
        "7",
        "desk unreachable: connection refused or timed out; the message names the URL",
    ),
    (
        "130",
        "cancelled at a prompt (Ctrl-C or answering no); nothing was sent",
    ),
];

pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("ECOLO_URL", "desk URL, like --url"),
    ("ECOLO_TOKEN", "access token; beats stored credentials"),
    (
        "ECOLO_PROFILE",
        "profile name, like --profile (default: default)",
    ),
    (
        "ECOLO_CONFIG_DIR",
        "where config.json and credentials.json (mode 0600) live",
    ),
    ("CI", "when true or 1, never prompt (like --no-input)"),
    ("NO_COLOR", "no colour in tables"),
    (
        "VISUAL, EDITOR",
        "editor for messages when --message is not given",
    ),
];

fn after_long_help() -> String {
    let mut s = String::from("Exit codes:\n");
    for (code, what) in EXIT_CODES {
        s.push_str(&format!("  {code:<5}{what}\n"));
    }
    s.push_str("\nEnvironment:\n");
    for (var, what) in ENVIRONMENT {
        s.push_str(&format!("  {var:<18}{what}\n"));
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
    }
}
