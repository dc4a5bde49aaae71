//! Held mail: an unauthenticated mail that From says is from a registered
//! address is not filed. The desk keeps it (raw, one row) and mails that
//! registered address, never the envelope sender, a short note in that
//! person's language whose Reply-To is signed for it: replying files the
//! held mail as it was.
//! Held mail expires after [`HOLD_DAYS`].

use std::collections::BTreeMap;

use super::outbound::{Outgoing, Reader, DESK_NAME};
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
    /// The registered person's language.
    pub reader: Reader,
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
    let reader = held.reader;
    let subject = subject.as_str();
    let body = format!(
        "{}\n\n{}\n",
        reader.block("mail-held", |_| vec![(
            "days",
            HOLD_DAYS.to_string().into()
        )]),
        reader.line("mail-held-subject-line", |_| vec![(
            "subject",
            subject.into()
        )])
    );
    Outgoing {
        to: held.to.to_string(),
        subject: reader.line("mail-held-subject", |_| vec![("subject", subject.into())]),
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
                reader: Reader::Stranger,
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
        assert!(m.body.contains("Asunto: Factura / Subject: Factura"));
        assert!(m.body.contains("en su nombre") && m.body.contains("in your name"));
        let es = note(
            &Held {
                id: 7,
                to: "owner@example.com",
                subject: "Factura",
                category: None,
                reader: Reader::Known(crate::i18n::Lang::Es),
            },
            &secret,
            "desk.localhost",
        );
        assert_eq!(es.subject, "Confirme su mensaje: Factura");
        assert!(es.body.contains("en su nombre") && !es.body.contains("in your name"));
    }
}
