//! The parser against the realistic corpus in `tests/mail/` (the same
//! files the end-to-end tests pipe through `ecolo-desk pipe`).

use sha2::{Digest, Sha256};

use super::inbound::{parse, Automated, Inbound};

const DOMAIN: &str = "desk.localhost";

fn corpus(name: &str) -> Inbound {
    let path = format!("{}/tests/mail/{name}", env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let raw = String::from_utf8_lossy(&raw).replace("{{TICKET}}", "482913");
    parse(raw.as_bytes(), None, DOMAIN).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn gmail_multipart_alternative_prefers_the_text_part() {
    let m = corpus("gmail_alternative.eml");
    assert_eq!(m.from.as_ref().unwrap().email, "owner@example.com");
    assert_eq!(m.recipients, vec!["billing@desk.localhost"]);
    assert_eq!(m.clean_subject(), "Cobro duplicado en la factura de marzo");
    assert_eq!(
        m.body,
        "Hola:\n\nEn la factura de marzo me cobraron dos veces el plan Básico.\n\
         ¿Pueden revisarlo y devolver el cargo duplicado?\n\nGracias,\nOlga"
    );
    assert!(m.attachments.is_empty());
    assert!(m.automated.is_none());
}

#[test]
fn outlook_windows_1252_reply_loses_original_message() {
    let m = corpus("outlook_reply.eml");
    assert_eq!(m.ticket_tag(), Some(482913));
    assert!(m.body.contains("Buenos días"), "{}", m.body);
    assert_eq!(
        m.reply_text(),
        "Buenos días:\n\nAdjunté el comprobante en el portal; el cargo aparece el 2 de marzo.\n\
         Quedo atenta a su revisión.\n\nOlga Owner\nGerente de Administración"
    );
    assert!(m
        .references
        .contains(&"ticket-482913-m2@desk.localhost".to_string()));
}

#[test]
fn thunderbird_flowed_base64_is_unwrapped_and_signature_cut() {
    let m = corpus("thunderbird_flowed.eml");
    let from = m.from.as_ref().unwrap();
    assert_eq!(from.email, "martha@example.com");
    assert_eq!(from.name.as_deref(), Some("Martha Gómez"));
    assert_eq!(m.subject, "Crear cuenta de correo facturación");
    assert!(
        m.body.contains(
            "Necesito crear la cuenta de correo facturacion@ejemplo.mx con una cuota de 2 GB y \
             reenvío automático a contabilidad@ejemplo.mx, por favor."
        ),
        "{}",
        m.body
    );
    assert_eq!(
        m.reply_text(),
        "Hola equipo de soporte,\n\nNecesito crear la cuenta de correo facturacion@ejemplo.mx con una \
         cuota de 2 GB y reenvío automático a contabilidad@ejemplo.mx, por favor.\n\nSaludos,"
    );
}

#[test]
fn iso_8859_1_quoted_printable_spanish() {
    let m = corpus("latin1_qp.eml");
    assert_eq!(m.subject, "Error de conexión a la base de datos");
    assert_eq!(m.recipients[0], "control-panel@desk.localhost");
    assert!(
        m.body.contains("\"Error de conexión a la base de datos\""),
        "{}",
        m.body
    );
    assert!(m
        .body
        .contains("El espacio en disco está al 98% y no sé qué archivos borrar."));
    assert!(m.body.contains("¿Podrían ampliar la cuota"));
}

#[test]
fn attachments_keep_names_types_and_bytes() {
    let m = corpus("attachments.eml");
    assert_eq!(
        m.attachments.len(),
        2,
        "{:?}",
        m.attachments
            .iter()
            .map(|a| &a.filename)
            .collect::<Vec<_>>()
    );
    let pdf = &m.attachments[0];
    assert_eq!(
        (pdf.filename.as_str(), pdf.content_type.as_str()),
        ("comprobante-3341.pdf", "application/pdf")
    );
    assert_eq!(hex::encode(Sha256::digest(&pdf.data)), PDF_SHA256);
    let png = &m.attachments[1];
    assert_eq!(
        (png.filename.as_str(), png.content_type.as_str()),
        ("encabezado.png", "image/png")
    );
    assert_eq!(hex::encode(Sha256::digest(&png.data)), PNG_SHA256);
    assert!(m.body.starts_with("Les envío el texto final"), "{}", m.body);
    assert!(!m.body.contains("<div"), "{}", m.body);
}

#[test]
fn html_only_becomes_text() {
    let m = corpus("html_only.eml");
    assert_eq!(m.subject, "Cotización dominios");
    assert_eq!(
        m.body,
        "Buenas tardes,\nQuisiera una cotización para 3 dominios adicionales y el plan Profesional.\n\
         - ejemplo.mx\n- ejemplo.com.mx\n¿Incluye certificado SSL?"
    );
}

#[test]
fn spanish_reply_quote_is_cut() {
    let m = corpus("reply_quoted_es.eml");
    assert_eq!(m.ticket_tag(), Some(482913));
    assert_eq!(
        m.reply_text(),
        "Ya quedó, muchas gracias. La cuenta funciona en el celular también."
    );
}

#[test]
fn automatic_mail_is_recognised() {
    assert!(matches!(
        corpus("auto_reply.eml").automated,
        Some(Automated::AutoSubmitted(_))
    ));
    assert_eq!(
        corpus("bounce.eml").automated,
        Some(Automated::AutoSubmitted("auto-replied".into()))
    );
    let list = corpus("mailing_list.eml");
    assert_eq!(list.automated, None, "a list post is a person's mail");
    assert!(list.via_list && list.no_auto_reply);
    for name in [
        "gmail_alternative.eml",
        "unauthorized.eml",
        "contact_wrong_category.eml",
    ] {
        assert_eq!(corpus(name).automated, None, "{name}");
    }
}

#[test]
fn bounce_without_auto_submitted_is_still_a_bounce() {
    let path = format!("{}/tests/mail/bounce.eml", env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read_to_string(path)
        .unwrap()
        .replace("Auto-Submitted: auto-replied\r\n", "");
    let m = parse(raw.as_bytes(), None, DOMAIN).unwrap();
    assert_eq!(m.automated, Some(Automated::Bounce));
}

#[test]
fn raw_utf8_bodies_keep_their_accents() {
    assert_eq!(corpus("unauthorized.eml").body, "Devuélvanme el dinero.");
    assert_eq!(
        corpus("contact_wrong_category.eml").body,
        "¿Cuánto cuesta un dominio .mx?"
    );
}

#[test]
fn garbage_is_a_data_error() {
    let path = format!("{}/tests/mail/unparseable.eml", env!("CARGO_MANIFEST_DIR"));
    assert!(parse(&std::fs::read(path).unwrap(), None, DOMAIN).is_err());
}

/// SHA-256 of the files inside `tests/mail/attachments.eml`.
pub const PDF_SHA256: &str = "63597b2f34b4909964b752eb438d251790777dda7edffa8b62e20f5c45dddc64";
pub const PNG_SHA256: &str = "4371149be76808ede2e39736bd07c9a9209f1d6207cfb3a530c7a2e84ab1a5a2";
