//! `ecolo category ...`, plus the one resolver every `-c` goes through, so
//! a category may be typed as people say it (`billing`, `Pagos y
//! Cobranza`, `facturacion`, `correo`) and an unknown one fails before
//! anything is sent, suggesting the nearest.

pub mod list;

use clap::Subcommand;

use crate::api::Category;
use crate::cli::error::{CliError, Result};
use crate::cli::Ctx;
use crate::i18n::{self, fold, Lang};
use crate::t;

#[derive(Debug, Subcommand)]
pub enum CategoryCommand {
    /// List the categories: slug, name, intake address, what belongs there
    List(list::Args),
}

pub fn run(cmd: CategoryCommand, ctx: &mut Ctx) -> Result<()> {
    match cmd {
        CategoryCommand::List(args) => list::run(args, ctx),
    }
}

/// GET /v1/categories (no login needed).
pub fn fetch(ctx: &mut Ctx) -> Result<Vec<Category>> {
    Ok(ctx.public_client()?.get("/v1/categories")?)
}

/// The name in the person's language.
pub fn name(c: &Category) -> &str {
    match i18n::current() {
        Lang::Es => &c.name_es,
        Lang::En => &c.name_en,
    }
}

/// What belongs there, in the person's language.
pub fn description(c: &Category) -> &str {
    match i18n::current() {
        Lang::Es => &c.description_es,
        Lang::En => &c.description_en,
    }
}

/// One line for pickers: "Pagos y Cobranza (billing): Pagos, facturas, ...".
/// Shown on the terminal by dialoguer, not our printer: escaped here.
pub fn label(c: &Category) -> String {
    crate::cli::terminal::escape(&format!("{} ({}): {}", name(c), c.slug, description(c)))
}

/// Words people use for a category besides its names, in both languages
/// (folded: lower case, no accents). Slugs not listed have none.
const ALIASES: &[(&str, &[&str])] = &[
    (
        "billing",
        &[
            "facturacion",
            "factura",
            "facturas",
            "pagos",
            "cobranza",
            "cobros",
            "invoices",
            "payments",
        ],
    ),
    ("email", &["correo", "mail", "e-mail"]),
    ("control-panel", &["panel", "hosting", "cpanel"]),
    ("website-updates", &["web", "sitio", "website"]),
    ("quotes", &["cotizacion", "presupuesto", "quote"]),
    ("other", &["otro", "otros"]),
];

/// Every folded form that names `c`: slug, both names, aliases.
fn forms(c: &Category) -> Vec<String> {
    let mut v = vec![fold(&c.slug), fold(&c.name_en), fold(&c.name_es)];
    if let Some((_, a)) = ALIASES.iter().find(|(s, _)| *s == c.slug) {
        v.extend(a.iter().map(|s| s.to_string()));
    }
    // `website updates` for `website-updates`, and the reverse.
    let spaced: Vec<String> = v.iter().map(|f| f.replace('-', " ")).collect();
    v.extend(spaced);
    v
}

/// The slug `input` names, as typed for `flag`: the slug, the Spanish or
/// English name, or a common word for it, in any case and with or without
/// accents; a prefix of a word (`pagos`) when only one category has it.
/// Otherwise a usage error naming `flag`, listing the categories in the
/// person's language and suggesting the nearest.
pub fn resolve(input: &str, categories: &[Category], flag: &str) -> Result<String> {
    let typed = fold(input).replace('_', "-");
    let typed_spaced = typed.replace('-', " ");
    let exact: Vec<&Category> = categories
        .iter()
        .filter(|c| forms(c).iter().any(|f| *f == typed || *f == typed_spaced))
        .collect();
    if let [c] = exact.as_slice() {
        return Ok(c.slug.clone());
    }
    // A word's beginning (`cobran`, `electro`), from three letters on.
    let starts: Vec<&Category> = if typed.chars().count() >= 3 {
        categories
            .iter()
            .filter(|c| {
                forms(c).iter().any(|f| {
                    f.split([' ', '-']).any(|w| w.starts_with(&typed_spaced))
                        || f.starts_with(&typed_spaced)
                })
            })
            .collect()
    } else {
        vec![]
    };
    match starts.as_slice() {
        [c] => Ok(c.slug.clone()),
        [] => Err(unknown(input, categories, flag)),
        several => {
            let list: Vec<String> = several
                .iter()
                .map(|c| format!("{} ({})", c.slug, name(c)))
                .collect();
            Err(CliError::usage(t!(
                "category-ambiguous",
                input = input.trim(),
                flag = flag,
                list = list.join(", ")
            )))
        }
    }
}

/// Resolves each input (repeated `-c`); returns the slugs, without repeats.
pub fn resolve_all(inputs: &[String], categories: &[Category], flag: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> = vec![];
    for i in inputs {
        let slug = resolve(i, categories, flag)?;
        if !out.contains(&slug) {
            out.push(slug);
        }
    }
    Ok(out)
}

/// The old name of `resolve_all`, for commands written before names were
/// accepted.
pub fn check_all(inputs: &[String], categories: &[Category], flag: &str) -> Result<Vec<String>> {
    resolve_all(inputs, categories, flag)
}

fn unknown(input: &str, categories: &[Category], flag: &str) -> CliError {
    let typed = fold(input);
    let nearest = categories
        .iter()
        .flat_map(|c| forms(c).into_iter().map(move |f| (c, f)))
        .map(|(c, f)| (c, strsim::normalized_damerau_levenshtein(&typed, &f)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let list: Vec<String> = categories
        .iter()
        .map(|c| format!("{} ({})", c.slug, name(c)))
        .collect();
    let mut msg = t!("category-unknown", input = input.trim(), flag = flag);
    if let Some((c, score)) = nearest {
        // Closer than half the letters changed: likely a typo.
        if score >= 0.5 {
            msg.push_str(": ");
            msg.push_str(&t!(
                "category-suggest",
                slug = c.slug.as_str(),
                name = name(c)
            ));
        }
    }
    msg.push_str("\n  ");
    msg.push_str(&t!("category-valid", list = list.join(", ")));
    CliError::usage(msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats() -> Vec<Category> {
        let c = |slug: &str, es: &str, en: &str| Category {
            slug: slug.into(),
            name_es: es.into(),
            name_en: en.into(),
            description_es: String::new(),
            description_en: String::new(),
            intake_address: None,
        };
        vec![
            c("control-panel", "Panel de Control", "Control Panel"),
            c("billing", "Pagos y Cobranza", "Billing Issues"),
            c("email", "Correo Electrónico", "E-mail Problems"),
            c("website-updates", "Actualizaciones Web", "Website Updates"),
            c("other", "Otros", "Other"),
            c("quotes", "Cotizaciones", "Quotes"),
        ]
    }

    fn r(s: &str) -> std::result::Result<String, String> {
        resolve(s, &cats(), "--category").map_err(|e| e.to_string())
    }

    #[test]
    fn slugs_names_and_common_words_resolve() {
        for (typed, slug) in [
            ("billing", "billing"),
            (" Billing ", "billing"),
            ("Pagos y Cobranza", "billing"),
            ("pagos y cobranza", "billing"),
            ("pagos", "billing"),
            ("facturacion", "billing"),
            ("Facturación", "billing"),
            ("Billing Issues", "billing"),
            ("correo", "email"),
            ("Correo Electronico", "email"),
            ("website updates", "website-updates"),
            ("website_updates", "website-updates"),
            ("cobran", "billing"),
            ("cotizaciones", "quotes"),
        ] {
            assert_eq!(r(typed).as_deref(), Ok(slug), "{typed}");
        }
    }

    #[test]
    fn an_ambiguous_beginning_lists_the_candidates() {
        // Two letters are too few to guess from; three may do.
        assert!(r("co").is_err());
        assert_eq!(r("con").as_deref(), Ok("control-panel"));
        let mut more = cats();
        more.push(Category {
            slug: "web-hosting".into(),
            name_es: "Alojamiento".into(),
            name_en: "Web Hosting".into(),
            description_es: String::new(),
            description_en: String::new(),
            intake_address: None,
        });
        // "hos" begins `hosting` (control-panel) and `Web Hosting`.
        let err = resolve("hos", &more, "-c").unwrap_err().to_string();
        assert!(
            err.contains("control-panel (Control Panel), web-hosting (Web Hosting)"),
            "{err}"
        );
        assert!(err.contains("-c"), "{err}");
    }

    #[test]
    fn unknown_suggests_the_nearest_in_the_persons_language() {
        i18n::set(Lang::Es);
        let err = r("facturasion").unwrap_err();
        i18n::set(Lang::En);
        assert!(
            err.contains("¿quiso decir `billing` (Pagos y Cobranza)?"),
            "{err}"
        );
        assert!(err.contains("control-panel (Panel de Control)"), "{err}");
        let err = r("bil.ing").unwrap_err();
        assert!(
            err.contains("did you mean `billing` (Billing Issues)?"),
            "{err}"
        );
        // Nothing close: no guess, only the list.
        let err = r("zzzzzzzz").unwrap_err();
        assert!(!err.contains("did you mean"), "{err}");
        assert!(err.contains("--category"), "{err}");
    }

    #[test]
    fn repeated_inputs_give_each_slug_once() {
        let got = resolve_all(
            &["pagos".into(), "billing".into(), "correo".into()],
            &cats(),
            "--category",
        )
        .unwrap();
        assert_eq!(got, ["billing", "email"]);
    }
}
