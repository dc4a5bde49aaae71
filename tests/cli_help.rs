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

#[test]
fn help_of_every_command() {
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
