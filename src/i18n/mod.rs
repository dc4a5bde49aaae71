//! Spanish and English for everything a person reads from `ecolo`.
//!
//! Messages live in Fluent catalogs (`en.ftl`, `es.ftl`, embedded in the
//! binary), never in code: code names a message by key (`t!("key", n = 3)`).
//! The language is chosen once per process (`Lang::detect`) and kept in
//! `Ctx`; it is also set here for the thread, because renderings
//! (`Display` of results and errors) have no `Ctx` to ask. Scripts never
//! see a difference: JSON, slugs, exit codes and tab-separated output do not
//! go through the catalogs.

use std::cell::{Cell, RefCell};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

pub use fluent_bundle::FluentValue as Value;

pub const EN_FTL: &str = include_str!("en.ftl");
pub const ES_FTL: &str = include_str!("es.ftl");
/// Spanish `--help` and man pages; English is the clap doc comments.
pub const ES_HELP_FTL: &str = include_str!("es-help.ftl");

/// A language `ecolo` speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// A setting's value: exactly `es` or `en` (any case).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// A locale (`es_ES.UTF-8`, `es`, `en_US`, `C`): `es*` is Spanish,
    /// anything else English.
    pub fn from_locale(s: &str) -> Lang {
        if s.trim().to_ascii_lowercase().starts_with("es") {
            Lang::Es
        } else {
            Lang::En
        }
    }

    /// `ECOLO_LANG`, else the `language` setting, else the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (POSIX order), else
    /// English. `env` reads a variable (the process's, or a test's).
    pub fn detect(env: impl Fn(&str) -> Option<String>, setting: Option<Lang>) -> Lang {
        let var = |name: &str| env(name).filter(|v| !v.trim().is_empty());
        if let Some(v) = var("ECOLO_LANG") {
            return Lang::from_locale(&v);
        }
        if let Some(l) = setting {
            return l;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|n| var(n))
            .map(|v| Lang::from_locale(&v))
            .unwrap_or(Lang::En)
    }

    /// This process's language; a damaged config file counts as no
    /// setting here (the command that reads it reports the damage).
    pub fn from_process() -> Lang {
        let setting = crate::cli::config::Store::locate()
            .ok()
            .and_then(|s| s.language().ok().flatten());
        Lang::detect(|n| std::env::var(n).ok(), setting)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
    /// Each language's catalog, parsed on first use (an English command
    /// never parses the Spanish ones).
    static BUNDLES: RefCell<[Option<FluentBundle<FluentResource>>; 2]> = const { RefCell::new([None, None]) };
}

/// Sets the language of this thread's renderings (done by `Ctx`).
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

pub fn current() -> Lang {
    CURRENT.with(|c| c.get())
}

fn bundle(lang: Lang, sources: &[&str]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("valid language id");
    let mut b = FluentBundle::new(vec![id]);
    // Isolation marks (U+2068/U+2069) around arguments would end up in
    // terminals and snapshots; both languages are left-to-right.
    b.set_use_isolating(false);
    for src in sources {
        let res = FluentResource::try_new(src.to_string())
            .unwrap_or_else(|(_, e)| panic!("bad {lang} catalog: {e:?}"));
        b.add_resource(res)
            .unwrap_or_else(|e| panic!("duplicate message in the {lang} catalog: {e:?}"));
    }
    b
}

fn with_bundle<R>(lang: Lang, f: impl FnOnce(&FluentBundle<FluentResource>) -> R) -> R {
    let make = |lang: Lang| match lang {
        Lang::En => bundle(Lang::En, &[EN_FTL]),
        Lang::Es => bundle(Lang::Es, &[ES_FTL, ES_HELP_FTL]),
    };
    BUNDLES.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slots) => f(slots[lang as usize].get_or_insert_with(|| make(lang))),
        // A message asked for while one is being formatted (the panic
        // hook after a panic in here): a fresh bundle, slower but safe.
        Err(_) => f(&make(lang)),
    })
}

/// The message `key` in `lang`, if the catalog has it.
pub fn lookup(lang: Lang, key: &str, args: &[(&str, FluentValue)]) -> Option<String> {
    with_bundle(lang, |b| {
        let msg = b.get_message(key)?;
        let pattern = msg.value()?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = vec![];
        let text = b.format_pattern(pattern, Some(&fargs), &mut errors);
        Some(text.into_owned())
    })
}

/// The message `key` in `lang`; English if `lang` lacks it (a test forbids
/// that), the key itself if both do (so a slip shows, never crashes).
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, FluentValue)]) -> String {
    lookup(lang, key, args)
        .or_else(|| lookup(Lang::En, key, args))
        .unwrap_or_else(|| key.to_string())
}

/// The message `key` in this thread's language.
pub fn tr(key: &str, args: &[(&str, FluentValue)]) -> String {
    tr_in(current(), key, args)
}

/// `t!("key")` or `t!("key", name = value, ...)`: the message in the
/// current language. Keys are literals so a test can check each exists.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::tr($key, &[])
    };
    ($key:literal, $($name:ident = $val:expr),+ $(,)?) => {
        $crate::i18n::tr(
            $key,
            &[$((stringify!($name), $crate::i18n::Value::from($val))),+],
        )
    };
}

/// Lower case without accents, trimmed, inner spaces collapsed: how
/// people type names (`facturacion`, `correo electronico`).
pub fn fold(s: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let plain: String = s
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The message ids of a `.ftl` text (messages start at column 0).
pub fn message_ids(src: &str) -> Vec<String> {
    src.lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '-']) && !l.trim().is_empty())
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;
