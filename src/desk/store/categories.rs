//! The six bilingual departments of the source document, seeded at start.

use rusqlite::{params, Connection, OptionalExtension};

use crate::api::{Category, CATEGORY_SLUGS};

use super::{Error, Result, Store};

/// (slug, name_es, name_en, description_es, description_en), in display order.
const CATEGORIES: [(&str, &str, &str, &str, &str); 6] = [
    (
        "control-panel",
        "Panel de Control",
        "Control Panel",
        "Hosting, PHP, Apache, MySQL, Ruby, espacio en disco, reportes de uso de recursos \
         (ancho de banda, CPU)",
        "Hosting, PHP, Apache, MySQL, Ruby, disk space, resource usage reports (bandwidth, CPU)",
    ),
    (
        "billing",
        "Pagos y Cobranza",
        "Billing Issues",
        "Pagos, facturas, recibos, cargos, información de productos",
        "Payments, invoices, receipts, charges, product information",
    ),
    (
        "email",
        "Correo Electrónico",
        "E-mail Problems",
        "Cuentas de correo: crear, editar, suspender, eliminar; problemas del servicio de correo",
        "Mail accounts: create, edit, suspend, delete; mail service problems",
    ),
    (
        "website-updates",
        "Actualizaciones Web",
        "Website Updates",
        "Cambios a su sitio: envíe el texto final y las imágenes finales",
        "Changes to your site: send the final text, and final images",
    ),
    (
        "other",
        "Otros",
        "Other",
        "Cualquier otra cosa, o si no está seguro",
        "Anything else, or when unsure",
    ),
    (
        "quotes",
        "Cotizaciones",
        "Quotes",
        "Cotizaciones, seguimientos, ajustes, cambios de fecha",
        "Quotes, follow-ups, adjustments, date changes",
    ),
];

impl Store {
    pub(super) fn seed_categories(&self) -> Result<()> {
        debug_assert!(CATEGORIES
            .iter()
            .map(|c| c.0)
            .eq(CATEGORY_SLUGS.iter().copied()));
        self.write(|tx| {
            for (position, (slug, name_es, name_en, desc_es, desc_en)) in
                CATEGORIES.iter().enumerate()
            {
                tx.execute(
                    "INSERT INTO categories
                        (slug, position, name_es, name_en, description_es, description_en)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (slug) DO UPDATE SET position = ?2, name_es = ?3,
                        name_en = ?4, description_es = ?5, description_en = ?6",
                    params![slug, position as i64, name_es, name_en, desc_es, desc_en],
                )?;
            }
            Ok(())
        })
    }

    /// The address authorized senders e-mail to open a ticket in `slug`.
    pub fn intake_address(&self, slug: &str) -> String {
        self.config.intake_address(slug)
    }

    /// The category whose intake address is `address`, if any.
    pub fn category_for_intake(&self, address: &str) -> Option<String> {
        let (local, domain) = address.trim().rsplit_once('@')?;
        if !domain.eq_ignore_ascii_case(&self.config.mail_domain) {
            return None;
        }
        CATEGORY_SLUGS
            .iter()
            .find(|s| s.eq_ignore_ascii_case(local))
            .map(|s| s.to_string())
    }

    /// All categories, in display order.
    pub fn categories(&self) -> Result<Vec<Category>> {
        let conn = self.conn()?;
        let mut stmt = conn.prepare(
            "SELECT slug, name_es, name_en, description_es, description_en
             FROM categories ORDER BY position",
        )?;
        let rows = stmt.query_map([], |r| {
            let slug: String = r.get(0)?;
            Ok(Category {
                intake_address: Some(self.intake_address(&slug)),
                slug,
                name_es: r.get(1)?,
                name_en: r.get(2)?,
                description_es: r.get(3)?,
                description_en: r.get(4)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>().map_err(Error::from)
    }
}

/// A category's Spanish and English names, for mail rendered inside
/// [`Store::render_events`]'s transaction (hence a connection, not the
/// store); the slug itself when the category is unknown.
pub fn category_names(conn: &Connection, slug: &str) -> Result<(String, String)> {
    let names: Option<(String, String)> = conn
        .query_row(
            "SELECT name_es, name_en FROM categories WHERE slug = ?1",
            [slug],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(names.unwrap_or_else(|| (slug.to_string(), slug.to_string())))
}
