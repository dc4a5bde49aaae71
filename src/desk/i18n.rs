//! The language of the desk's problem details: `Accept-Language` picks
//! Spanish or English (English when it names neither), for the whole
//! request, so every refusal built while serving it speaks that language.
//! Only `detail` is translated; `title`, `status` and field names stay the
//! same for every client. Messages live in `i18n/{en,es}.ftl`, never in
//! code; a test checks both have the same messages and placeholders.

use std::sync::OnceLock;

use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::i18n::Lang;

pub const EN_FTL: &str = include_str!("i18n/en.ftl");
pub const ES_FTL: &str = include_str!("i18n/es.ftl");
/// The desk's mail (`mail::outbound`, `mail::confirm`), one bundle with
/// the problem details.
pub const MAIL_EN_FTL: &str = include_str!("i18n/mail-en.ftl");
pub const MAIL_ES_FTL: &str = include_str!("i18n/mail-es.ftl");

tokio::task_local! {
    static LANG: Lang;
}

/// The language a request asked for: the first of `es`/`en` by quality
/// (`es-MX;q=0.9, en;q=0.5`); English when neither is named.
pub fn from_accept_language(value: &str) -> Lang {
    let mut best: Option<(f32, Lang)> = None;
    for range in value.split(',') {
        let mut parts = range.split(';');
        let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q=").map(str::to_string))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        let lang = match primary {
            "es" => Lang::Es,
            "en" => Lang::En,
            _ => continue,
        };
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, l)| l).unwrap_or(Lang::En)
}

/// Middleware: serves the request in the language it asked for.
pub async fn language(req: Request, next: Next) -> Response {
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(from_accept_language)
        .unwrap_or(Lang::En);
    LANG.scope(lang, next.run(req)).await
}

/// The language of the request being served (English outside one).
pub fn current() -> Lang {
    LANG.try_with(|l| *l).unwrap_or(Lang::En)
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        let make = |lang: Lang, sources: [&str; 2]| {
            let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("language id");
            let mut b = FluentBundle::new_concurrent(vec![id]);
            b.set_use_isolating(false);
            for src in sources {
                let res = FluentResource::try_new(src.to_string())
                    .unwrap_or_else(|(_, e)| panic!("bad desk {lang:?} catalog: {e:?}"));
                b.add_resource(res)
                    .unwrap_or_else(|e| panic!("duplicate desk message: {e:?}"));
            }
            b
        };
        [
            make(Lang::En, [EN_FTL, MAIL_EN_FTL]),
            make(Lang::Es, [ES_FTL, MAIL_ES_FTL]),
        ]
    })
}

/// The problem detail `key` in `lang`; English when Spanish lacks it, the
/// key itself when both do (a slip shows, never crashes).
pub fn tr_in(lang: Lang, key: &str, args: &[(&str, FluentValue)]) -> String {
    let render = |lang: Lang| {
        let b = &bundles()[lang as usize];
        let pattern = b.get_message(key)?.value()?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = vec![];
        Some(
            b.format_pattern(pattern, Some(&fargs), &mut errors)
                .into_owned(),
        )
    };
    render(lang)
        .or_else(|| render(Lang::En))
        .unwrap_or_else(|| key.to_string())
}

/// The problem detail `key` in the language of the request being served.
pub fn tr(key: &str, args: &[(&str, FluentValue)]) -> String {
    tr_in(current(), key, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    // That both languages have the same messages and placeholders is
    // checked with the CLI's catalogs, by one test for every pair
    // (`i18n::tests::both_languages_have_the_same_messages_and_placeholders`).

    #[test]
    fn every_desk_message_is_used_and_every_key_exists() {
        let mut keys = crate::i18n::tests::messages(EN_FTL);
        keys.extend(crate::i18n::tests::messages(MAIL_EN_FTL));
        let mut code = String::new();
        for dir in [
            "src/desk",
            "src/desk/http",
            "src/desk/mail",
            "src/desk/store",
        ] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "rs") {
                    code.push_str(&std::fs::read_to_string(path).unwrap());
                }
            }
        }
        for k in keys.keys() {
            assert!(code.contains(&format!("\"{k}\"")), "{k} is never used");
        }
        let mut used = crate::i18n::tests::used_keys(&code);
        for call in [
            "i18n::tr(",
            "msg!(",
            "reader.block(",
            "reader.line(",
            "reader.lines(",
        ] {
            for rest in code.split(call).skip(1) {
                let lit = rest
                    .trim_start()
                    .strip_prefix('"')
                    .map(|l| l.split('"').next());
                // (A key, not this test's own list of calls.)
                if let Some(Some(key)) =
                    lit.filter(|k| k.is_some_and(|k| k.starts_with(char::is_alphabetic)))
                {
                    used.push(key.to_string());
                }
            }
        }
        for key in used {
            assert!(keys.contains_key(&key), "{key} is not in the desk catalogs");
        }
    }

    #[test]
    fn every_message_renders_in_both_languages() {
        for src in [EN_FTL, MAIL_EN_FTL] {
            for key in crate::i18n::tests::messages(src).keys() {
                for lang in Lang::ALL {
                    let b = &bundles()[lang as usize];
                    assert!(b.get_message(key).is_some(), "{lang:?}: {key}");
                }
            }
        }
        let body = tr_in(
            Lang::Es,
            "mail-closed-auto",
            &[("n", "1".into()), ("unit", "day".into())],
        );
        assert_eq!(body, "se cerró automáticamente tras 1 día sin respuesta");
        let opened = tr_in(Lang::En, "mail-opened", &[("name", "Olga".into())]);
        assert!(opened.contains("Olga,\n\nWe received"), "{opened:?}");
    }

    #[test]
    fn accept_language_picks_spanish_or_english() {
        assert_eq!(from_accept_language("es"), Lang::Es);
        assert_eq!(from_accept_language("es-MX,es;q=0.9"), Lang::Es);
        assert_eq!(from_accept_language("fr, es;q=0.8, en;q=0.5"), Lang::Es);
        assert_eq!(from_accept_language("en-US, es;q=0.5"), Lang::En);
        assert_eq!(from_accept_language("de, fr"), Lang::En);
        assert_eq!(from_accept_language("es;q=0, en;q=0.1"), Lang::En);
        assert_eq!(from_accept_language(""), Lang::En);
        assert!(
            tr_in(Lang::Es, "problem-rate-limited", &[("secs", 30.into())]).contains("30 segundos")
        );
    }
}
