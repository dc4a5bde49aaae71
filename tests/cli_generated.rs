//! Completions and man pages are generated from the clap definitions; this
//! fails when the committed copies are stale. Refresh them with
//! `ECOLO_BLESS=1 cargo test --test cli_generated`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries {
            let e = e.unwrap();
            if e.file_type().unwrap().is_file() {
                out.insert(
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                );
            }
        }
    }
    out
}

#[test]
fn completions_and_man_pages_are_fresh() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("ECOLO_BLESS").is_some() {
        for sub in ["completions", "man"] {
            let _ = std::fs::remove_dir_all(root.join(sub));
        }
        ecolo::cli::generate::write_all(&root).unwrap();
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    ecolo::cli::generate::write_all(tmp.path()).unwrap();
    let mut stale = vec![];
    for sub in ["completions", "man"] {
        let want = files(&tmp.path().join(sub));
        let have = files(&root.join(sub));
        for (name, content) in &want {
            match have.get(name) {
                Some(c) if c == content => {}
                Some(_) => stale.push(format!("{sub}/{name} differs")),
                None => stale.push(format!("{sub}/{name} is missing")),
            }
        }
        for name in have.keys().filter(|n| !want.contains_key(*n)) {
            stale.push(format!("{sub}/{name} is no longer generated"));
        }
    }
    assert!(
        stale.is_empty(),
        "generated files are stale:\n  {}\nrefresh them with `ECOLO_BLESS=1 cargo test --test cli_generated` and commit completions/ and man/",
        stale.join("\n  ")
    );
}

#[test]
fn man_page_lists_exit_codes_and_environment() {
    let tmp = tempfile::tempdir().unwrap();
    ecolo::cli::generate::write_all(tmp.path()).unwrap();
    let page = std::fs::read_to_string(tmp.path().join("man/ecolo.1")).unwrap();
    for needle in [
        "EXIT STATUS",
        "ENVIRONMENT",
        "ECOLO_TOKEN",
        "ECOLO_CONFIG_DIR",
        "130",
    ] {
        assert!(page.contains(needle), "ecolo.1 lacks {needle}");
    }
    for page in [
        "ecolo-ticket-open.1",
        "ecolo-ticket-note.1",
        "ecolo-ticket-assign.1",
        "ecolo-ticket-edit.1",
        "ecolo-contact-remove.1",
        "ecolo-token-create.1",
        "ecolo-login.1",
    ] {
        assert!(tmp.path().join("man").join(page).is_file(), "no man/{page}");
    }
    for c in [
        "ecolo.bash",
        "_ecolo",
        "ecolo.fish",
        "_ecolo.ps1",
        "ecolo.elv",
    ] {
        assert!(
            tmp.path().join("completions").join(c).is_file(),
            "no completions/{c}"
        );
    }
}
