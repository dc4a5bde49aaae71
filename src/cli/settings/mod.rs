//! `ecolo config ...`: settings of this computer's `ecolo` in config.json,
//! shared by every profile (today: `language`). Separate from
//! `crate::cli::config`, which is the store these commands write through.

pub mod get;
pub mod set;

use clap::Subcommand;

use crate::cli::error::Result;
use crate::cli::Ctx;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Change a setting, e.g. `ecolo config set language es`
    Set(set::Args),
    /// Print a setting's value (nothing when it is not set)
    Get(get::Args),
}

/// The settings there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Key {
    /// `es` or `en`: beats the locale (LC_ALL, LC_MESSAGES, LANG); ECOLO_LANG beats it
    Language,
}

pub fn run(cmd: ConfigCommand, ctx: &mut Ctx) -> Result<()> {
    match cmd {
        ConfigCommand::Set(args) => set::run(args, ctx),
        ConfigCommand::Get(args) => get::run(args, ctx),
    }
}
