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
];

/// Every command of the clap definitions, as its path of names.
fn clap_commands() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(
        &<ecolo::cli::Cli as clap::CommandFactory>::command(),
        &mut Vec::new(),
        &mut out,
    );
    out
}

#[test]
fn help_of_every_command() {
    let mut listed: Vec<Vec<String>> = COMMANDS
        .iter()
        .map(|p| p.iter().map(|s| s.to_string()).collect())
        .collect();
    let mut defined = clap_commands();
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
