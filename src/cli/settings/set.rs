//! `ecolo config set KEY VALUE`.

use crate::cli::error::{CliError, Result};
use crate::cli::Ctx;
use crate::i18n::{self, Lang};
use crate::t;

use super::Key;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which setting
    #[arg(value_enum, value_name = "KEY")]
    pub key: Key,

    /// Its new value (for language: es or en)
    #[arg(value_name = "VALUE")]
    pub value: String,
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    match args.key {
        Key::Language => {
            let lang = Lang::parse(&args.value).ok_or_else(|| {
                CliError::usage(t!("config-bad-language", value = args.value.trim()))
            })?;
            ctx.store.set_language(Some(lang))?;
            // Said in the new language, unless ECOLO_LANG still decides.
            if std::env::var("ECOLO_LANG").is_ok_and(|v| !v.trim().is_empty()) {
                ctx.done_always(t!("config-language-set", lang = lang.code()))?;
                ctx.note(t!("config-language-env-wins"))?;
            } else {
                i18n::set(lang);
                ctx.lang = lang;
                ctx.done_always(t!("config-language-set", lang = lang.code()))?;
            }
            Ok(())
        }
    }
}
