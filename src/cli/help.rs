//! `--help` (and the man pages) in the person's language. The English texts
//! are the clap doc comments; the Spanish ones are in `src/i18n/es-help.ftl`
//! under keys derived from the command path and the argument id:
//!
//! - `help-ecolo-about`, `help-ticket-open-about` (a command's `about`),
//!   also `-long-about`, `-after-help`, `-after-long-help`;
//! - `help-ticket-open-arg-category` (an argument's `help`), `...-long`.
//!
//! The command tree is built at runtime and localized before clap parses
//! it, so a test can list every text lacking a translation
//! (`every_help_text_has_a_spanish_translation`): a new command or flag fails
//! it until its Spanish is written.

use clap::{Arg, Command, CommandFactory};

use super::Cli;
use crate::i18n::{self, Lang};
use crate::t;

/// clap's own headings and flags, in Spanish (`help-clap-*` in
/// es-help.ftl); kept for the process, since clap wants `'static` headings.
struct Words {
    usage: String,
    commands: String,
    command: String,
    options: String,
    arguments: String,
    global_options: String,
    help: String,
    help_more: String,
    help_summary: String,
    version: String,
    help_subcommand: String,
    default: String,
    env: String,
    possible: String,
}

/// The heading clap's derive gives `GlobalArgs` (`next_help_heading`).
const GLOBAL_OPTIONS: &str = "Global options";

fn words() -> &'static Words {
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let w = |key: &str| es(key).unwrap_or_else(|| panic!("es-help.ftl lacks {key}"));
        Words {
            usage: w("help-clap-usage"),
            commands: w("help-clap-commands"),
            command: w("help-clap-command"),
            options: w("help-clap-options"),
            arguments: w("help-clap-arguments"),
            global_options: w("help-clap-global-options"),
            help: w("help-clap-help"),
            help_more: w("help-clap-help-more"),
            help_summary: w("help-clap-help-summary"),
            version: w("help-clap-version"),
            help_subcommand: w("help-clap-help-subcommand"),
            default: w("help-clap-default"),
            env: w("help-clap-env"),
            possible: w("help-clap-possible-values"),
        }
    })
}

/// The whole `ecolo` command in `lang`, built (ready to parse or render).
pub fn command(lang: Lang) -> Command {
    built(lang, |c| c)
}

/// The same for man pages: no page for clap's `help` subcommand.
pub fn man_command(lang: Lang) -> Command {
    built(lang, |c| c.disable_help_subcommand(true))
}

fn built(lang: Lang, adjust: impl FnOnce(Command) -> Command) -> Command {
    // Texts computed while building (exit codes, environment) read the
    // thread's language.
    let before = i18n::current();
    i18n::set(lang);
    let mut cmd = adjust(Cli::command());
    if lang == Lang::Es {
        cmd = localize(cmd, &[]);
        cmd.build();
        cmd = builtins(cmd);
    } else {
        cmd.build();
    }
    i18n::set(before);
    cmd
}

/// `help-ecolo` for the root, `help-ticket-open` for `ecolo ticket open`.
pub fn key_base(path: &[String]) -> String {
    if path.is_empty() {
        "help-ecolo".to_string()
    } else {
        format!("help-{}", path.join("-"))
    }
}

/// The key of argument `id` of the command at `base`.
pub fn arg_key(base: &str, id: &str) -> String {
    format!("{base}-arg-{}", id.replace('_', "-"))
}

fn es(key: &str) -> Option<String> {
    i18n::lookup(Lang::Es, key, &[])
}

fn localize(mut cmd: Command, path: &[String]) -> Command {
    let base = key_base(path);
    if let Some(t) = es(&format!("{base}-about")) {
        cmd = cmd.about(t);
    }
    if let Some(t) = es(&format!("{base}-long-about")) {
        cmd = cmd.long_about(t);
    }
    if let Some(t) = es(&format!("{base}-after-help")) {
        cmd = cmd.after_help(t);
    }
    if let Some(t) = es(&format!("{base}-after-long-help")) {
        cmd = cmd.after_long_help(t);
    }
    cmd = cmd.mut_args(|a| localize_arg(a, &base));
    let w = words();
    cmd = cmd
        .subcommand_help_heading(w.commands.as_str())
        .subcommand_value_name(w.command.as_str())
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            w.usage
        ));
    let path = path.to_vec();
    cmd.mut_subcommands(|sub| {
        let mut p = path.clone();
        p.push(sub.get_name().to_string());
        localize(sub, &p)
    })
}

fn localize_arg(mut a: Arg, base: &str) -> Arg {
    let key = arg_key(base, a.get_id().as_str());
    if let Some(t) = es(&key) {
        a = a.help(t);
    }
    if let Some(t) = es(&format!("{key}-long")) {
        a = a.long_help(t);
    }
    a = spanish_notes(a);
    let w = words();
    let heading = match a.get_help_heading() {
        Some(h) if h == GLOBAL_OPTIONS => w.global_options.as_str(),
        // A heading of a command's own has its Spanish in its doc.
        Some(_) => return a,
        None if a.is_positional() => w.arguments.as_str(),
        None => w.options.as_str(),
    };
    a.help_heading(heading)
}

/// clap writes `[default: ...]`, `[env: ...]` and `[possible values:
/// ...]` in English only: in Spanish it writes none, and the help text
/// ends with the same notes in Spanish.
fn spanish_notes(mut a: Arg) -> Arg {
    let w = words();
    let mut notes = Vec::new();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() && a.get_action().takes_values() {
        notes.push(format!("[{}: {}]", w.default, defaults.join(", ")));
        a = a.hide_default_value(true);
    }
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        notes.push(format!("[{}: {}]", w.env, env.to_string_lossy()));
        a = a.hide_env(true);
    }
    let possible: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() && !a.is_hide_possible_values_set() && a.get_action().takes_values() {
        notes.push(format!("[{}: {}]", w.possible, possible.join(", ")));
        a = a.hide_possible_values(true);
    }
    if notes.is_empty() {
        return a;
    }
    let notes = notes.join(" ");
    let short = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let long = a.get_long_help().map(|h| h.to_string());
    a = a.help(format!("{short} {notes}").trim().to_string());
    if let Some(long) = long {
        a = a.long_help(format!("{long}\n\n{notes}"));
    }
    a
}

/// clap's own `-h`, `-V` and `help` exist only once the command is built.
fn builtins(cmd: Command) -> Command {
    let w = words();
    let cmd = cmd.mut_args(|a| match a.get_id().as_str() {
        "help" => {
            let long = a.get_long_help().is_some();
            let a = a.help_heading(w.options.as_str());
            if long {
                a.help(w.help_more.as_str())
                    .long_help(w.help_summary.as_str())
            } else {
                a.help(w.help.as_str())
            }
        }
        "version" => a.help(w.version.as_str()).help_heading(w.options.as_str()),
        _ => a,
    });
    cmd.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            sub.about(w.help_subcommand.as_str())
        } else {
            builtins(sub)
        }
    })
}

/// clap's own parse errors in the person's language (clap only speaks
/// English): the same layout and exit code (2), the texts from the
/// catalogs. `None` for English, for `--help`/`--version`, and for the rare
/// kinds without a translation, which keep clap's words.
pub fn usage_error(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    if lang == Lang::En {
        return None;
    }
    let get = |k: K| match e.get(k) {
        Some(V::String(s)) => Some(s.clone()),
        Some(V::Strings(v)) => Some(v.join(", ")),
        Some(V::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let list = |k: K| match e.get(k) {
        Some(V::Strings(v)) => Some(v.iter().map(|s| format!("\n  {s}")).collect::<String>()),
        _ => get(k).map(|s| format!("\n  {s}")),
    };
    let main = match e.kind() {
        ErrorKind::UnknownArgument => t!("clap-unknown-argument", arg = get(K::InvalidArg)?),
        ErrorKind::InvalidSubcommand => {
            t!("clap-invalid-subcommand", name = get(K::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue => {
            let mut m = t!(
                "clap-invalid-value",
                value = get(K::InvalidValue)?,
                arg = get(K::InvalidArg)?
            );
            if let Some(valid) = get(K::ValidValue) {
                m.push_str("\n  ");
                m.push_str(&t!("clap-possible-values", list = valid));
            }
            m
        }
        ErrorKind::ValueValidation => t!(
            "clap-value-validation",
            value = get(K::InvalidValue)?,
            arg = get(K::InvalidArg)?,
            reason = std::error::Error::source(e)?.to_string()
        ),
        ErrorKind::MissingRequiredArgument => {
            t!("clap-missing-required", list = list(K::InvalidArg)?)
        }
        ErrorKind::ArgumentConflict => t!(
            "clap-conflict",
            arg = get(K::InvalidArg)?,
            other = get(K::PriorArg)?
        ),
        _ => return None,
    };
    let mut out = format!("error: {main}\n");
    if let Some(s) = get(K::SuggestedSubcommand).or_else(|| get(K::SuggestedArg)) {
        out.push_str(&format!("\n  {}\n", t!("clap-tip", suggestion = s)));
    }
    if let Some(usage) = get(K::Usage) {
        let usage = usage.trim_end();
        let usage = match usage.strip_prefix("Usage:") {
            Some(rest) => format!("{}:{rest}", words().usage),
            None => usage.to_string(),
        };
        out.push_str(&format!("\n{usage}\n"));
    }
    out.push_str(&format!("\n{}\n", t!("clap-more-info")));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (key, English text) of the tree: what needs a Spanish twin.
    fn texts(cmd: &Command, path: &[String], out: &mut Vec<(String, String)>) {
        let base = key_base(path);
        let mut add = |suffix: &str, text: Option<&clap::builder::StyledStr>| {
            if let Some(t) = text {
                out.push((format!("{base}-{suffix}"), t.to_string()));
            }
        };
        add("about", cmd.get_about());
        add("long-about", cmd.get_long_about());
        add("after-help", cmd.get_after_help());
        // The root's long after-help (exit codes, environment) is built
        // from the message catalogs.
        if !path.is_empty() {
            add("after-long-help", cmd.get_after_long_help());
        }
        for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let key = arg_key(&base, a.get_id().as_str());
            if let Some(h) = a.get_help() {
                out.push((key.clone(), h.to_string()));
            }
            if let Some(h) = a.get_long_help() {
                out.push((format!("{key}-long"), h.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_string());
            texts(sub, &p, out);
        }
    }

    fn english() -> Vec<(String, String)> {
        let mut out = vec![];
        texts(&Cli::command(), &[], &mut out);
        out
    }

    #[test]
    fn every_help_text_has_a_spanish_translation() {
        let missing: Vec<String> = english()
            .into_iter()
            .filter(|(k, _)| es(k).is_none())
            .map(|(k, en)| format!("{k} = {}", en.replace('\n', "\n    ")))
            .collect();
        assert!(
            missing.is_empty(),
            "add these to src/i18n/es-help.ftl, in Spanish:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn no_spanish_help_without_an_english_text() {
        let keys: Vec<String> = english().into_iter().map(|(k, _)| k).collect();
        let stale: Vec<String> = i18n::message_ids(i18n::ES_HELP_FTL)
            .into_iter()
            .filter(|k| !keys.contains(k) && !k.starts_with("help-clap-"))
            .collect();
        assert!(
            stale.is_empty(),
            "es-help.ftl keys for no command or flag: {stale:?}"
        );
    }

    #[test]
    fn spanish_help_has_no_english_notes_of_claps() {
        fn walk(cmd: &mut Command, path: &str, bad: &mut Vec<String>) {
            for long in [false, true] {
                let text = if long {
                    cmd.render_long_help().to_string()
                } else {
                    cmd.render_help().to_string()
                };
                for english in [
                    "[default:",
                    "[env:",
                    "[possible values:",
                    "Possible values:",
                ] {
                    if text.contains(english) {
                        bad.push(format!("{path} (long: {long}): {english}"));
                    }
                }
            }
            for sub in cmd.get_subcommands_mut() {
                let p = format!("{path} {}", sub.get_name());
                walk(sub, &p, bad);
            }
        }
        let mut bad = Vec::new();
        walk(&mut command(Lang::Es), "ecolo", &mut bad);
        assert!(bad.is_empty(), "{bad:#?}");
        let mut es = command(Lang::Es);
        let list = es.find_subcommand_mut("ticket").unwrap();
        let list = list.find_subcommand_mut("list").unwrap();
        let text = list.render_help().to_string();
        assert!(text.contains("[por omisión: 30]"), "{text}");
    }

    #[test]
    fn spanish_help_keeps_every_flag_and_command() {
        let en = command(Lang::En);
        let es = command(Lang::Es);
        let open = |c: &Command| {
            let t = c.find_subcommand("ticket").unwrap();
            let o = t.find_subcommand("open").unwrap();
            o.get_arguments()
                .map(|a| a.get_id().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(open(&en), open(&es));
        let es_open = es
            .find_subcommand("ticket")
            .and_then(|t| t.find_subcommand("open"))
            .unwrap();
        let about = es_open.get_about().unwrap().to_string();
        assert!(!about.contains("Open a ticket"), "{about}");
    }
}
