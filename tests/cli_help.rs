//! `--help` of every command, snapshotted so a changed flag or wording is a
//! reviewed diff (`cargo insta review`, or INSTA_UPDATE=always).

mod common;

use std::process::Command;

const COMMANDS: &[&[&str]] = &[
    &[],
    &["login"],
    &["logout"],
    &["whoami"],
    &["category"],
    &["category", "list"],
    &["ticket"],
    &["ticket", "open"],
    &["ticket", "list"],
    &["ticket", "view"],
    &["ticket", "reply"],
    &["ticket", "note"],
    &["ticket", "assign"],
    &["ticket", "edit"],
    &["ticket", "close"],
    &["ticket", "reopen"],
    &["ticket", "download"],
    &["contact"],
    &["contact", "add"],
    &["contact", "list"],
    &["contact", "edit"],
    &["contact", "remove"],
    &["token"],
    &["token", "create"],
    &["token", "list"],
    &["token", "revoke"],
    &["config"],
    &["config", "set"],
    &["config", "get"],
];

/// Every command of `root`'s clap definitions, as its path of names.
fn clap_commands(root: &clap::Command) -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(root, &mut Vec::new(), &mut out);
    out
}

#[test]
fn help_of_every_command() {
    let mut listed: Vec<Vec<String>> = COMMANDS
        .iter()
        .map(|p| p.iter().map(|s| s.to_string()).collect())
        .collect();
    let mut defined = clap_commands(&<ecolo::cli::Cli as clap::CommandFactory>::command());
    listed.sort();
    defined.sort();
    assert_eq!(listed, defined, "COMMANDS lists every command clap defines");
    for path in COMMANDS {
        let out = Command::new(common::ECOLO)
            .env_clear()
            .args(*path)
            .arg("--help")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "ecolo {path:?} --help");
        let name = if path.is_empty() {
            "ecolo".to_string()
        } else {
            format!("ecolo-{}", path.join("-"))
        };
        insta::assert_snapshot!(name, String::from_utf8(out.stdout).unwrap());
    }
}

/// The main screens of help in Spanish, chosen by the locale alone.
#[test]
fn help_in_spanish_from_the_locale() {
    for path in [&[][..], &["ticket", "open"][..], &["ticket", "view"][..]] {
        let out = Command::new(common::ECOLO)
            .env_clear()
            .env("LANG", "es_ES.UTF-8")
            .args(path)
            .arg("--help")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "ecolo {path:?} --help");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Uso: ecolo"), "{text}");
        let name = if path.is_empty() {
            "es-ecolo".to_string()
        } else {
            format!("es-ecolo-{}", path.join("-"))
        };
        insta::assert_snapshot!(name, text);
    }
}

/// ECOLO_LANG beats the locale: English help under a Spanish LANG.
#[test]
fn ecolo_lang_beats_a_spanish_locale_in_help() {
    let help = |env: &[(&str, &str)]| {
        let mut cmd = Command::new(common::ECOLO);
        cmd.env_clear().args(["ticket", "open", "--help"]);
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let english = help(&[]);
    assert!(english.contains("Open a ticket"), "{english}");
    assert_eq!(
        help(&[("LANG", "es_ES.UTF-8"), ("ECOLO_LANG", "en")]),
        english
    );
    assert_eq!(
        help(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "es_ES.UTF-8")]),
        english
    );
    let spanish = help(&[("LC_MESSAGES", "es_MX.UTF-8")]);
    assert!(spanish.contains("Abre un ticket"), "{spanish}");
}

/// `ecolo-desk --help` of every command the desk's clap definitions have
/// (walked, not listed, so a new one is snapshotted at once).
#[test]
fn help_of_every_desk_command() {
    let paths = clap_commands(&<ecolo::desk::cli::Cli as clap::CommandFactory>::command());
    assert!(paths.len() > 10, "{paths:?}");
    for path in paths {
        let out = Command::new(common::DESK)
            .env_clear()
            .args(&path)
            .arg("--help")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "ecolo-desk {path:?} --help");
        let name = std::iter::once("ecolo-desk".to_string())
            .chain(path)
            .collect::<Vec<_>>()
            .join("-");
        insta::assert_snapshot!(name, String::from_utf8(out.stdout).unwrap());
    }
}
