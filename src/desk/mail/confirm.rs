//! Held mail: an unauthenticated mail that From says is from a registered
//! address is not filed. The desk keeps it (raw, one row) and mails that
//! registered address, never the envelope sender, a short bilingual note
//! whose Reply-To is signed for it: replying files the held mail as it was.
//! Held mail expires after [`HOLD_DAYS`].

use std::collections::BTreeMap;

use super::outbound::{Outgoing, DESK_NAME};
use super::reply_address::{self, Target};

/// How long held mail waits for its confirmation.
pub const HOLD_DAYS: i64 = 7;

/// What the note is about.
pub struct Held<'a> {
    pub id: i64,
    /// The registered address From named: the note's only recipient.
    pub to: &'a str,
    /// Its subject, to tell which mail it is. The text itself is not
    /// quoted: the note must not carry a forger's words (links, bank
    /// details) to the registered address under the desk's name.
    pub subject: &'a str,
    /// Intake category it was sent to, if any (the note comes from there).
    pub category: Option<&'a str>,
}

/// The note asking `held.to` to confirm held mail `held.id`.
pub fn note(held: &Held<'_>, secret: &[u8], domain: &str) -> Outgoing {
    let domain = domain.to_ascii_lowercase();
    let slug = held.category.unwrap_or("support");
    let from_addr = format!("{slug}@{domain}");
    let reply_to = reply_address::sign(secret, slug, &domain, Target::Held(held.id), held.to);
    let mut headers = BTreeMap::new();
    headers.insert("From".into(), format!("{DESK_NAME} <{from_addr}>"));
    headers.insert("Reply-To".into(), reply_to);
    headers.insert("Message-ID".into(), format!("<held-{}@{domain}>", held.id));
    // An automatic answer: null envelope sender, so it can never bounce to
    // a third party, and counted with the refusals by the hourly caps.
    headers.insert("Return-Path".into(), "<>".into());
    headers.insert("Auto-Submitted".into(), "auto-replied".into());
    headers.insert("X-Auto-Response-Suppress".into(), "All".into());
    headers.insert("X-Loop".into(), domain.clone());
    let subject: String = held.subject.trim().chars().take(200).collect();
    let body = format!(
        "Recibimos un correo en su nombre que no pudimos verificar, así que aún no lo registramos.\n\
         Si usted lo envió, responda a este mensaje (sin cambiar la dirección de respuesta) y lo \
         registraremos tal como llegó. Si no, ignore este aviso: se borra en {HOLD_DAYS} días.\n\n\
         ----\n\n\
         We received a mail in your name that we could not verify, so it was not filed yet.\n\
         If you sent it, reply to this message (keep the reply address) and it will be filed as \
         it arrived. If not, ignore this notice: it is deleted in {HOLD_DAYS} days.\n\n\
         Asunto / Subject: {subject}\n"
    );
    Outgoing {
        to: held.to.to_string(),
        subject: format!("Confirme su mensaje / Confirm your message: {subject}"),
        body,
        headers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_goes_to_the_registered_address_with_a_signed_reply_to() {
        let secret = b"k".repeat(32);
        let m = note(
            &Held {
                id: 7,
                to: "owner@example.com",
                subject: "Factura",
                category: Some("billing"),
            },
            &secret,
            "desk.localhost",
        );
        assert_eq!(m.to, "owner@example.com");
        let reply_to = &m.headers["Reply-To"];
        assert_eq!(
            reply_address::check(&secret, reply_to, "owner@example.com"),
            Some(Target::Held(7))
        );
        assert_eq!(m.headers["Return-Path"], "<>");
        assert!(m.body.contains("Asunto / Subject: Factura"));
        assert!(m.body.contains("en su nombre") && m.body.contains("in your name"));
    }
}
