//! Prompts (dialoguer, on stderr) behind one rule: a flag, else a prompt when
//! a person can answer, else a usage error naming the flag, at once.

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, Password};

use super::ctx::Ctx;
use super::error::{CliError, Result};
use crate::t;

pub fn theme() -> ColorfulTheme {
    ColorfulTheme::default()
}

/// `value`, else what `ask` gets from the person, else a usage error
/// "missing WHAT: pass FLAG" (`what` is for people: translate it).
pub fn or_ask<T>(
    ctx: &Ctx,
    value: Option<T>,
    what: &str,
    flag: &str,
    ask: impl FnOnce() -> Result<T>,
) -> Result<T> {
    match value {
        Some(v) => Ok(v),
        None if ctx.can_prompt() => ask(),
        None => Err(missing(what, flag)),
    }
}

/// For scripts: fails at once, before any request, when a value is
/// missing and nobody can be asked for it.
pub fn require(ctx: &Ctx, given: bool, what: &str, flag: &str) -> Result<()> {
    if given || ctx.can_prompt() {
        Ok(())
    } else {
        Err(missing(what, flag))
    }
}

pub fn missing(what: &str, flag: &str) -> CliError {
    CliError::usage(t!("missing-value", what = what, flag = flag))
}

/// A non-empty line of text.
pub fn text(prompt: &str) -> Result<String> {
    let v: String = Input::with_theme(&theme())
        .with_prompt(prompt)
        .validate_with(|s: &String| -> Result<(), String> {
            if s.trim().is_empty() {
                Err(t!("prompt-not-empty"))
            } else {
                Ok(())
            }
        })
        .interact_text()?;
    Ok(v.trim().to_string())
}

/// A line of text that may be empty (e.g. "empty to finish").
pub fn optional_text(prompt: &str) -> Result<String> {
    let v: String = Input::with_theme(&theme())
        .with_prompt(prompt)
        .allow_empty(true)
        .interact_text()?;
    Ok(v.trim().to_string())
}

/// A hidden line: nothing is echoed.
pub fn password(prompt: &str) -> Result<String> {
    Ok(Password::with_theme(&theme())
        .with_prompt(prompt)
        .interact()?)
}

/// Yes or no; "no" and Ctrl-C both cancel. dialoguer's confirm only knows
/// `y`/`n`, so in Spanish the answer is a typed `s`/`n` (Enter: default).
pub fn confirm(prompt: &str, default: bool) -> Result<bool> {
    if crate::i18n::current() == crate::i18n::Lang::En {
        return Ok(Confirm::with_theme(&theme())
            .with_prompt(prompt)
            .default(default)
            .interact()?);
    }
    let hint = if default {
        t!("confirm-hint-yes")
    } else {
        t!("confirm-hint-no")
    };
    let answer: String = Input::with_theme(&theme())
        .with_prompt(format!("{prompt} {hint}"))
        .allow_empty(true)
        .validate_with(|s: &String| -> Result<(), String> {
            match yes_no(s) {
                Some(_) => Ok(()),
                None if s.trim().is_empty() => Ok(()),
                None => Err(t!("confirm-invalid")),
            }
        })
        .interact_text()?;
    Ok(yes_no(&answer).unwrap_or(default))
}

/// `s`, `sí`, `si`, `y`, `yes` / `n`, `no`, in any case.
fn yes_no(s: &str) -> Option<bool> {
    match crate::i18n::fold(s).as_str() {
        "s" | "si" | "y" | "yes" => Some(true),
        "n" | "no" => Some(false),
        _ => None,
    }
}

/// For destructive commands: `--yes`, else ask, else refuse naming `--yes`.
pub fn confirm_destructive(ctx: &Ctx, yes: bool, question: &str, refusal: &str) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !ctx.can_prompt() {
        return Err(CliError::usage(t!("refuse-without-yes", what = refusal)));
    }
    if confirm(question, false)? {
        Ok(())
    } else {
        Err(CliError::Cancelled(t!("cancel-nothing-changed")))
    }
}
