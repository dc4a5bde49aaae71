//! Signed reply addresses: `slug+NUMBER.SIG@domain` on every mail the desk
//! sends about ticket NUMBER, `slug+hID.SIG@domain` on the note asking to
//! confirm held mail ID. SIG is an HMAC-SHA256 of what the address is for
//! and of the one recipient it was sent to, under a secret of this desk
//! kept in its database, so only that recipient can know it.
//!
//! A mail to such an address from that recipient is theirs even when their
//! domain does not sign mail: nobody else could have learnt the address.
//! (FreeScout signs its Message-IDs for the same reason; a subject tag or
//! a References header is text anyone can copy.)

use ring::hmac;
/// Length of SIG, in base32 characters (5 bits each: 50 bits, far more
/// guesses than anyone can mail).
const SIG_CHARS: usize = 10;

/// What a signed address is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Continuing ticket NUMBER.
    Ticket(u32),
    /// Confirming held mail ID.
    Held(i64),
}

impl Target {
    fn tag(self) -> String {
        match self {
            Target::Ticket(n) => n.to_string(),
            Target::Held(id) => format!("h{id}"),
        }
    }
}

fn signature(secret: &[u8], target: Target, recipient: &str) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret);
    let what = format!(
        "{}\n{}",
        target.tag(),
        recipient.trim().to_ascii_lowercase()
    );
    let tag = hmac::sign(&key, what.as_bytes());
    base32(tag.as_ref())[..SIG_CHARS].to_string()
}

/// Lowercase RFC 4648 base32 without padding: safe in a local part, and
/// case-insensitive MTAs cannot break it.
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The signed address for `target` sent to `recipient`, on the intake
/// address of `slug`: e.g. `billing+482913.k3j9x2qpa7@desk.example.com`.
pub fn sign(secret: &[u8], slug: &str, domain: &str, target: Target, recipient: &str) -> String {
    format!(
        "{slug}+{}.{}@{}",
        target.tag(),
        signature(secret, target, recipient),
        domain.to_ascii_lowercase()
    )
}

/// What `address` is a signed address for, if its signature is right for
/// `sender` (the mail's From). Any domain: the MTA may rewrite it.
pub fn check(secret: &[u8], address: &str, sender: &str) -> Option<Target> {
    let address = address.trim().trim_matches(['<', '>']).to_ascii_lowercase();
    let local = address.split('@').next()?;
    let (_slug, extension) = local.split_once('+')?;
    let (tag, sig) = extension.split_once('.')?;
    let target = if let Some(id) = tag.strip_prefix('h') {
        Target::Held(id.parse().ok()?)
    } else if tag.len() >= 6 && tag.bytes().all(|b| b.is_ascii_digit()) {
        Target::Ticket(tag.parse().ok()?)
    } else {
        return None;
    };
    let expected = signature(secret, target, sender);
    same_in_constant_time(expected.as_bytes(), sig.as_bytes()).then_some(target)
}

/// Compared without stopping at the first difference: the signature is the
/// whole secret of the address, and timing must not reveal its prefix.
fn same_in_constant_time(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_signed_address_is_good_only_for_its_recipient() {
        let addr = sign(
            SECRET,
            "billing",
            "Desk.Example.com",
            Target::Ticket(482913),
            "Owner@Example.com",
        );
        assert!(
            addr.starts_with("billing+482913.") && addr.ends_with("@desk.example.com"),
            "{addr}"
        );
        assert_eq!(
            super::super::category_for_address(&addr, "desk.example.com"),
            Some("billing")
        );
        assert_eq!(
            check(SECRET, &addr, "owner@example.com"),
            Some(Target::Ticket(482913))
        );
        assert_eq!(
            check(SECRET, &addr.to_uppercase(), "OWNER@example.com"),
            Some(Target::Ticket(482913))
        );
        assert_eq!(check(SECRET, &addr, "martha@example.com"), None);
        assert_eq!(
            check(b"another desk's secret", &addr, "owner@example.com"),
            None
        );
        let other_ticket = addr.replace("482913", "482914");
        assert_eq!(check(SECRET, &other_ticket, "owner@example.com"), None);
        assert_eq!(
            check(
                SECRET,
                "billing+482913@desk.example.com",
                "owner@example.com"
            ),
            None
        );
        assert_eq!(
            check(SECRET, "billing@desk.example.com", "owner@example.com"),
            None
        );
    }

    #[test]
    fn numbers_past_six_digits_sign_and_check() {
        for number in [1234567, 4294967295] {
            let addr = sign(
                SECRET,
                "billing",
                "desk.localhost",
                Target::Ticket(number),
                "owner@example.com",
            );
            assert!(addr.starts_with(&format!("billing+{number}.")), "{addr}");
            assert_eq!(
                check(SECRET, &addr, "owner@example.com"),
                Some(Target::Ticket(number))
            );
        }
        let short = sign(
            SECRET,
            "billing",
            "desk.localhost",
            Target::Ticket(12345),
            "owner@example.com",
        );
        assert_eq!(check(SECRET, &short, "owner@example.com"), None);
    }

    #[test]
    fn held_mail_addresses_are_signed_too() {
        let addr = sign(
            SECRET,
            "quotes",
            "desk.localhost",
            Target::Held(17),
            "a@example.com",
        );
        assert!(addr.starts_with("quotes+h17."), "{addr}");
        assert_eq!(
            check(SECRET, &addr, "a@example.com"),
            Some(Target::Held(17))
        );
        assert_eq!(
            check(SECRET, &addr.replace("+h17.", "+h18."), "a@example.com"),
            None
        );
    }

    #[test]
    fn base32_is_rfc_4648() {
        assert_eq!(base32(b"foobar"), "mzxw6ytboi");
    }
}
