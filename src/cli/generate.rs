//! Shell completions and man pages, generated from the clap definitions so
//! they cannot drift from the real flags. `tests/cli_generated.rs` fails when
//! the committed `completions/` and `man/` differ from what this writes.

use std::io;
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;

use super::{Cli, ENVIRONMENT, EXIT_CODES};

/// Writes `completions/` (bash, zsh, fish, PowerShell, elvish) and `man/`
/// (ecolo.1 and one page per subcommand) under `root`.
pub fn write_all(root: &Path) -> io::Result<()> {
    write_completions(&root.join("completions"))?;
    write_man(&root.join("man"))
}

pub fn write_completions(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        let mut cmd = Cli::command();
        clap_complete::generate_to(shell, &mut cmd, "ecolo", dir)?;
    }
    Ok(())
}

pub fn write_man(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_sub_pages(sub, dir)?;
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
    roff.control("SH", ["EXIT STATUS"]);
    for (code, what) in EXIT_CODES {
        roff.control("TP", []);
        roff.text([bold(*code)]);
        roff.text([roman(*what)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (var, what) in ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(*var)]);
        roff.text([roman(*what)]);
    }
    roff.control("SH", ["FILES"]);
    roff.text([roman(
        "config.json (profiles: desk URL, e-mail) and credentials.json (tokens, mode 0600) \
         in ECOLO_CONFIG_DIR, else the platform's config directory (e.g. ~/.config/ecolo).",
    )]);
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    std::fs::write(dir.join("ecolo.1"), out)
}

fn write_sub_pages(cmd: &clap::Command, dir: &Path) -> io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_sub_pages(sub, dir)?;
    }
    Man::new(cmd.clone()).generate_to(dir)?;
    Ok(())
}
