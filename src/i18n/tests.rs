//! The catalogs agree with each other and with the code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// Message id -> the `$variables` it uses, read from a `.ftl` text
/// (messages start at column 0, continuation lines are indented).
pub(crate) fn messages(src: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in src.lines() {
        let indented = line.starts_with([' ', '\t']);
        if !indented {
            current = None;
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with('-') {
                continue;
            }
            let (id, _) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("not a message: {line:?}"));
            let id = id.trim().to_string();
            assert!(
                out.insert(id.clone(), BTreeSet::new()).is_none(),
                "{id} twice"
            );
            current = Some(id);
        }
        let Some(id) = &current else { continue };
        let vars = out.get_mut(id).unwrap();
        // `{ $name }` and `{ $n -> ...}`; a `$` in text is only text.
        let mut rest = line;
        while let Some(i) = rest.find('$') {
            let placeable = rest[..i].trim_end().ends_with('{');
            rest = &rest[i + 1..];
            if !placeable {
                continue;
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            if !name.is_empty() {
                vars.insert(name);
            }
        }
    }
    out
}

/// Panics naming what differs when two catalogs do not have the same
/// messages with the same placeholders.
pub(crate) fn assert_twins(what: &str, en_src: &str, es_src: &str) {
    let en = messages(en_src);
    let es = messages(es_src);
    let only_en: Vec<&String> = en.keys().filter(|k| !es.contains_key(*k)).collect();
    let only_es: Vec<&String> = es.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty(),
        "{what}: missing in Spanish: {only_en:?}"
    );
    assert!(
        only_es.is_empty(),
        "{what}: missing in English: {only_es:?}"
    );
    let differ: Vec<String> = en
        .iter()
        .filter(|(k, v)| es[*k] != **v)
        .map(|(k, v)| format!("{k}: en {v:?}, es {:?}", es[k]))
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: placeholders differ:\n{}",
        differ.join("\n")
    );
}

/// Every catalog pair, the CLI's and the desk's (problem details, mail).
#[test]
fn both_languages_have_the_same_messages_and_placeholders() {
    assert_twins("src/i18n/{en,es}.ftl", EN_FTL, ES_FTL);
    assert_twins(
        "src/desk/i18n/{en,es}.ftl",
        crate::desk::i18n::EN_FTL,
        crate::desk::i18n::ES_FTL,
    );
    assert_twins(
        "src/desk/i18n/mail-{en,es}.ftl",
        crate::desk::i18n::MAIL_EN_FTL,
        crate::desk::i18n::MAIL_ES_FTL,
    );
    // And Fluent itself reads both (a syntax slip would panic here).
    for lang in Lang::ALL {
        for key in messages(EN_FTL).keys() {
            assert!(lookup(lang, key, &[]).is_some(), "{lang}: {key}");
        }
    }
}

#[test]
fn the_parity_check_finds_a_missing_message_and_a_differing_placeholder() {
    let en = "a = one { $n }\nb =\n    two { $x }\n";
    let missing = std::panic::catch_unwind(|| assert_twins("t", en, "a = uno { $n }\n"));
    assert!(missing.is_err());
    let differs =
        std::panic::catch_unwind(|| assert_twins("t", en, "a = uno { $n }\nb =\n    dos { $y }\n"));
    assert!(differs.is_err());
    assert_twins("t", en, "a = uno { $n }\nb =\n    dos { $x }\n");
}

#[test]
fn help_catalog_is_only_help() {
    let help = messages(ES_HELP_FTL);
    let bad: Vec<&String> = help.keys().filter(|k| !k.starts_with("help-")).collect();
    assert!(bad.is_empty(), "es-help.ftl holds non-help keys: {bad:?}");
}

fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
}

/// The literal keys of `t!("key"` (also split over lines) and
/// `tr_in(lang, "key"` in `code`.
pub(crate) fn used_keys(code: &str) -> Vec<String> {
    let mut keys = vec![];
    for marker in ["t!(", "tr_in(lang,", "tr_in(self.lang,"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(marker) {
            let at = from + i;
            from = at + marker.len();
            // `format!(` and `print!(` end in `t!(` too.
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = code[from..].trim_start();
            if let Some(lit) = rest.strip_prefix('"') {
                keys.push(lit.chars().take_while(|c| *c != '"').collect());
            }
        }
    }
    keys
}

#[test]
fn the_key_scanner_sees_split_calls_and_skips_other_macros() {
    let code = "format!(\"no\"); t!(\n    \"a-b\",\n    n = 1\n); crate::t!(\"c\"); t!(key)";
    assert_eq!(used_keys(code), ["a-b", "c"]);
}

#[test]
fn every_key_the_code_uses_exists_and_every_message_is_used() {
    let mut files = vec![];
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let en = messages(EN_FTL);
    let mut missing = vec![];
    for (path, code) in &files {
        // The desk has catalogs of its own (`desk::i18n` checks those).
        if path.ends_with("i18n/mod.rs")
            || path.ends_with("i18n/tests.rs")
            || path.contains("/src/desk/")
        {
            continue;
        }
        for key in used_keys(code) {
            if !en.contains_key(&key) {
                missing.push(format!("{path}: {key}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys not in the catalogs:\n{}",
        missing.join("\n")
    );
    let all_code: String = files.iter().map(|(_, c)| c.as_str()).collect();
    let unused: Vec<&String> = en
        .keys()
        .filter(|k| !all_code.contains(&format!("\"{k}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn language_comes_from_ecolo_lang_then_setting_then_posix_locale() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        move |n: &str| {
            vars.iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(Lang::detect(env(&[]), None), Lang::En);
    assert_eq!(
        Lang::detect(env(&[("LANG", "es_ES.UTF-8")]), None),
        Lang::Es
    );
    assert_eq!(Lang::detect(env(&[("LANG", "es_MX")]), None), Lang::Es);
    assert_eq!(Lang::detect(env(&[("LANG", "C.UTF-8")]), None), Lang::En);
    // LC_ALL beats LC_MESSAGES beats LANG; empty ones do not count.
    let posix = env(&[
        ("LC_ALL", "en_US.UTF-8"),
        ("LC_MESSAGES", "es_ES"),
        ("LANG", "es"),
    ]);
    assert_eq!(Lang::detect(posix, None), Lang::En);
    let posix = env(&[("LC_ALL", ""), ("LC_MESSAGES", "es_ES"), ("LANG", "en")]);
    assert_eq!(Lang::detect(posix, None), Lang::Es);
    // The setting beats the locale; ECOLO_LANG beats both.
    assert_eq!(
        Lang::detect(env(&[("LANG", "es_ES")]), Some(Lang::En)),
        Lang::En
    );
    let both = env(&[("ECOLO_LANG", "es"), ("LANG", "en_US")]);
    assert_eq!(Lang::detect(both, Some(Lang::En)), Lang::Es);
    assert_eq!(
        Lang::detect(env(&[("ECOLO_LANG", "en"), ("LANG", "es_ES")]), None),
        Lang::En
    );
}

#[test]
fn messages_render_with_arguments_in_both_languages() {
    let n = [("n", Value::from(5))];
    assert_eq!(tr_in(Lang::En, "ago-minutes", &n), "5m ago");
    assert_eq!(tr_in(Lang::Es, "ago-minutes", &n), "hace 5 min");
    // No isolation marks around arguments.
    assert!(!tr_in(Lang::Es, "ago-minutes", &n).contains('\u{2068}'));
    assert_eq!(tr_in(Lang::Es, "no-such-key", &[]), "no-such-key");
}

#[test]
fn folding_drops_case_accents_and_extra_spaces() {
    assert_eq!(fold("  Pagos y  Cobranza "), "pagos y cobranza");
    assert_eq!(fold("Correo Electrónico"), "correo electronico");
    assert_eq!(fold("FACTURACIÓN"), "facturacion");
}
