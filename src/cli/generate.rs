//! Shell completions and man pages, generated from the clap definitions so
//! they cannot drift from the real flags. `tests/cli_generated.rs` fails when
//! the committed `completions/`, `man/` and `man/es/` differ from what this
//! writes. The Spanish pages come from the same tree, localized
//! (`super::help`).

use std::io;
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;

use super::{environment, exit_codes, Cli};
use crate::i18n::{self, Lang};
use crate::t;

/// Writes `completions/` (bash, zsh, fish, PowerShell, elvish), `man/`
/// (ecolo.1 and one page per subcommand) and `man/es/` (the same in
/// Spanish) under `root`.
pub fn write_all(root: &Path) -> io::Result<()> {
    write_completions(&root.join("completions"))?;
    write_man(&root.join("man"), Lang::En)?;
    write_man(&root.join("man").join("es"), Lang::Es)?;
    write_desk(root)
}

/// `ecolo-desk`'s completions and man pages (English: its admin commands
/// are the operator's, who reads the README in English too).
fn write_desk(root: &Path) -> io::Result<()> {
    completions_of(
        crate::desk::cli::Cli::command(),
        "ecolo-desk",
        &root.join("completions"),
    )?;
    let man = root.join("man");
    // Built, so each subcommand's display name is `ecolo-desk-staff-add`.
    let mut cmd = crate::desk::cli::Cli::command().disable_help_subcommand(true);
    cmd.build();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_sub_pages(sub, &man, Lang::En)?;
    }
    let page = Man::new(cmd);
    let mut out = Vec::new();
    page.render(&mut out)?;
    std::fs::write(man.join("ecolo-desk.1"), out)
}

const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

pub fn write_completions(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    completions_of(Cli::command(), "ecolo", dir)
}

/// `cmd`'s completion script for every shell in `SHELLS`, named after `bin`.
fn completions_of(mut cmd: clap::Command, bin: &str, dir: &Path) -> io::Result<()> {
    for shell in SHELLS {
        clap_complete::generate_to(shell, &mut cmd, bin, dir)?;
    }
    Ok(())
}

pub fn write_man(dir: &Path, lang: Lang) -> io::Result<()> {
    let before = i18n::current();
    i18n::set(lang);
    let result = write_man_in(dir, lang);
    i18n::set(before);
    result
}

fn write_man_in(dir: &Path, lang: Lang) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let cmd = super::help::man_command(lang);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_sub_pages(sub, dir, lang)?;
    }
    // The main page: clap's sections, then exit status and environment as
    // proper man sections (the long help's plain text would run together).
    let root = cmd
        .clone()
        .after_long_help(None::<&str>)
        .after_help(None::<&str>);
    let man = Man::new(root);
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    let mut roff = Roff::default();
    roff.control("SH", [t!("man-exit-status").as_str()]);
    for (code, what) in exit_codes() {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(what)]);
    }
    roff.control("SH", [t!("man-environment").as_str()]);
    for (var, what) in environment() {
        roff.control("TP", []);
        roff.text([bold(var)]);
        roff.text([roman(what)]);
    }
    roff.control("SH", [t!("man-files").as_str()]);
    roff.text([roman(t!("man-files-text"))]);
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    std::fs::write(dir.join("ecolo.1"), section_titles(out, lang))
}

fn write_sub_pages(cmd: &clap::Command, dir: &Path, lang: Lang) -> io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_sub_pages(sub, dir, lang)?;
    }
    let man = Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render(&mut out)?;
    std::fs::write(dir.join(man.get_filename()), section_titles(out, lang))
}

/// clap_mangen names its sections in English; a Spanish page says them in
/// Spanish.
fn section_titles(page: Vec<u8>, lang: Lang) -> Vec<u8> {
    if lang == Lang::En {
        return page;
    }
    let text = String::from_utf8(page).expect("roff is UTF-8");
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let renamed = match line.trim_end() {
            ".SH NAME" => Some(".SH NOMBRE"),
            ".SH SYNOPSIS" => Some(".SH SINOPSIS"),
            ".SH DESCRIPTION" => Some(".SH DESCRIPCIÓN"),
            ".SH OPTIONS" => Some(".SH OPCIONES"),
            ".SH SUBCOMMANDS" | ".SH Comandos" => Some(".SH COMANDOS"),
            ".SH EXTRA" => Some(".SH MÁS"),
            ".SH VERSION" => Some(".SH VERSIÓN"),
            _ => None,
        };
        match renamed {
            Some(r) => {
                out.push_str(r);
                out.push('\n');
            }
            None => out.push_str(line),
        }
    }
    out.into_bytes()
}
