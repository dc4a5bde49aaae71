//! The e-mail channel: intake of piped RFC 5322 messages and the outbox of notifications.
//!
//! Mail reaches the desk through the MTA's pipe transport (`ecolo-desk pipe`),
//! and leaves it through the `outbox` table, which a background task of
//! `ecolo-desk serve` drains to an SMTP relay. Keeping both sides behind the
//! database means a relay that is down, or a desk that is restarting, loses
//! nothing: the MTA retries intake (exit 75), the outbox retries delivery.

pub mod authenticate;
pub mod confirm;
pub mod html;
pub mod inbound;
pub mod notify;
pub mod outbound;
pub mod outbox;
pub mod pipe;
pub mod quote;
pub mod reply_address;
pub mod subject;

#[cfg(test)]
mod corpus_tests;

/// The category whose intake address `addr` is, if any.
///
/// An exact `<slug>@<domain>` match wins; a `<slug>+anything@<domain>`
/// sub-address counts too, since MTAs keep the extension on delivery.
pub fn category_for_address(addr: &str, domain: &str) -> Option<&'static str> {
    let addr = addr.trim().to_ascii_lowercase();
    let (local, host) = addr.rsplit_once('@')?;
    if !host.eq_ignore_ascii_case(domain) {
        return None;
    }
    let local = local.split('+').next().unwrap_or(local);
    crate::api::CATEGORY_SLUGS
        .iter()
        .copied()
        .find(|slug| *slug == local)
}

/// The category whose intake local part `addr` carries, whatever its domain.
///
/// Used for the `--recipient` the MTA passes: the MTA only pipes mail that
/// is meant for the desk, possibly after rewriting the domain (virtual
/// aliases), so the local part is what identifies the category.
pub fn category_for_local_part(addr: &str) -> Option<&'static str> {
    let addr = addr.trim().to_ascii_lowercase();
    let local = addr.split('@').next().unwrap_or(&addr);
    let local = local.split('+').next().unwrap_or(local);
    crate::api::CATEGORY_SLUGS
        .iter()
        .copied()
        .find(|slug| *slug == local)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intake_addresses_map_back_to_their_category() {
        for slug in crate::api::CATEGORY_SLUGS {
            let addr = format!("{slug}@desk.example.com");
            assert_eq!(category_for_address(&addr, "desk.example.com"), Some(slug));
        }
    }

    #[test]
    fn category_matching_ignores_case_and_subaddress_but_not_domain() {
        assert_eq!(
            category_for_address("Billing+urgent@Desk.Example.COM", "desk.example.com"),
            Some("billing")
        );
        assert_eq!(
            category_for_address("billing@elsewhere.com", "desk.example.com"),
            None
        );
        assert_eq!(
            category_for_address("sales@desk.example.com", "desk.example.com"),
            None
        );
        assert_eq!(
            category_for_local_part("website-updates@localhost"),
            Some("website-updates")
        );
        assert_eq!(category_for_local_part("postmaster@localhost"), None);
    }
}
