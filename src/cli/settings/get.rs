//! `ecolo config get KEY`: the stored value on stdout (nothing when unset,
//! with a note on stderr saying what is in use instead).

use std::fmt;

use serde::Serialize;

use crate::cli::error::Result;
use crate::cli::Ctx;
use crate::i18n::Lang;
use crate::t;

use super::Key;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which setting
    #[arg(value_enum, value_name = "KEY")]
    pub key: Key,
}

/// `--json`: `{"key": "language", "value": "es" | null, "in_use": "es"}`.
#[derive(Debug, Serialize)]
pub struct Setting {
    pub key: &'static str,
    pub value: Option<Lang>,
    /// What ecolo speaks now (ECOLO_LANG, the setting, or the locale).
    pub in_use: Lang,
}

impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value {
            Some(v) => writeln!(f, "{v}"),
            None => Ok(()),
        }
    }
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    match args.key {
        Key::Language => {
            let value = ctx.store.language()?;
            if value.is_none() && !ctx.json {
                ctx.note(t!("config-language-unset", lang = ctx.lang.code()))?;
            }
            let setting = Setting {
                key: "language",
                value,
                in_use: ctx.lang,
            };
            ctx.print(&setting)
        }
    }
}
