//! Field checks shared by every write, so the HTTP API and the e-mail
//! channel refuse the same input with the same field names.

use crate::api::CATEGORY_SLUGS;
use crate::desk::error::{Field, Msg};
use crate::msg;

use super::super::config::Limits;
use super::{Error, Result};

/// Collects field errors so a request hears about all of them at once.
#[derive(Default)]
pub(crate) struct Check {
    errors: Vec<Field>,
}

impl Check {
    pub fn new() -> Check {
        Check::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<Msg>) {
        self.errors.push(Field {
            field: field.to_string(),
            message: message.into(),
        });
    }

    /// Keeps the value when valid, records the error otherwise.
    pub fn take<T, E: Into<Msg>>(
        &mut self,
        field: &str,
        result: std::result::Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }

    pub fn finish(self) -> Result<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(self.errors))
        }
    }
}

pub(crate) fn subject(value: &str, limits: &Limits) -> std::result::Result<String, Msg> {
    let value = value.trim();
    let chars = value.chars().count();
    if chars == 0 {
        return Err(msg!("field-subject-empty"));
    }
    if chars > limits.max_subject_chars as usize {
        return Err(msg!(
            "field-too-many-chars",
            n = chars,
            max = limits.max_subject_chars
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(msg!("field-one-line"));
    }
    Ok(value.to_string())
}

/// `text` without NUL and the other control characters, except tab and
/// newline (a CR before a newline goes too): they are never meant, terminals
/// and SQLite's C API misread them, and a NUL made everything after it
/// disappear. What follows them is kept.
pub(crate) fn strip_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\t' || *c == '\n')
        .collect()
}

pub(crate) fn message(value: &str, limits: &Limits) -> std::result::Result<String, Msg> {
    let value = &strip_controls(value);
    if value.trim().is_empty() {
        return Err(msg!("field-message-empty"));
    }
    if value.len() as u64 > limits.max_message_bytes {
        return Err(msg!(
            "field-message-too-long",
            n = value.len(),
            max = limits.max_message_bytes
        ));
    }
    Ok(value.to_string())
}

pub(crate) fn category(slug: &str) -> std::result::Result<String, Msg> {
    if CATEGORY_SLUGS.contains(&slug) {
        Ok(slug.to_string())
    } else {
        Err(msg!(
            "field-unknown-category",
            category = slug,
            list = CATEGORY_SLUGS.join(", ")
        ))
    }
}

/// A non-empty set of known categories, deduplicated, in display order.
pub(crate) fn categories(slugs: &[String]) -> std::result::Result<Vec<String>, Msg> {
    if slugs.is_empty() {
        return Err(msg!("field-no-category", list = CATEGORY_SLUGS.join(", ")));
    }
    let unknown: Vec<&str> = slugs
        .iter()
        .map(String::as_str)
        .filter(|s| !CATEGORY_SLUGS.contains(s))
        .collect();
    if !unknown.is_empty() {
        return Err(msg!(
            "field-unknown-categories",
            n = unknown.len(),
            categories = unknown.join("`, `"),
            list = CATEGORY_SLUGS.join(", ")
        ));
    }
    Ok(CATEGORY_SLUGS
        .iter()
        .filter(|c| slugs.iter().any(|s| s == *c))
        .map(|c| c.to_string())
        .collect())
}

/// A plausible address, lowercased (addresses are compared without case).
pub(crate) fn email(value: &str) -> std::result::Result<String, Msg> {
    let value = value.trim();
    let bad = || msg!("field-not-an-email", value = value);
    if value.len() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let (local, domain) = value.rsplit_once('@').ok_or_else(bad)?;
    if local.is_empty()
        || local.contains('@')
        || domain.is_empty()
        || !domain.contains('.')
        || domain.split('.').any(|label| {
            label.is_empty()
                || label.starts_with('-')
                || label.ends_with('-')
                || !label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
    {
        return Err(bad());
    }
    Ok(value.to_lowercase())
}

/// A person's or a token's name: trimmed, 1..=100 characters, one line.
pub(crate) fn name(value: &str) -> std::result::Result<String, Msg> {
    let value = value.trim();
    if value.is_empty() {
        return Err(msg!("field-empty"));
    }
    if value.chars().count() > 100 {
        return Err(msg!("field-name-too-long", max = 100));
    }
    if value.chars().any(char::is_control) {
        return Err(msg!("field-one-line"));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_and_what_follows_stays() {
        assert_eq!(
            strip_controls("antes\0después\r\nlínea\ttab\u{1b}[31m\u{7f}fin"),
            "antesdespués\nlínea\ttab[31mfin"
        );
        let limits = Limits::default();
        assert_eq!(message("a\0b", &limits).unwrap(), "ab");
        assert!(message("\0\0", &limits).is_err(), "nothing left is empty");
    }

    #[test]
    fn emails() {
        assert_eq!(email(" Martha@Example.COM ").unwrap(), "martha@example.com");
        assert!(email("desk@desk.localhost").is_ok());
        for bad in ["", "a", "a@", "@b.c", "a@b", "a b@c.d", "a@b..c", "a@-b.c"] {
            assert!(email(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn subjects_are_trimmed_and_bounded() {
        let limits = Limits::default();
        assert_eq!(subject("  hi ", &limits).unwrap(), "hi");
        assert!(subject("   ", &limits).is_err());
        assert!(subject(&"x".repeat(200), &limits).is_ok());
        assert!(subject(&"x".repeat(201), &limits).is_err());
    }

    #[test]
    fn category_sets_are_known_and_ordered() {
        let got = categories(&["quotes".into(), "billing".into(), "quotes".into()]).unwrap();
        assert_eq!(got, vec!["billing", "quotes"]);
        assert!(categories(&[]).is_err());
        assert!(categories(&["nope".into()])
            .unwrap_err()
            .to_string()
            .contains("nope"));
    }
}
