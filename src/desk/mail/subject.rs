//! Subjects of mail: the `[#482913]` ticket tag that threads a reply into its
//! ticket, and the reply/forward prefixes mail clients pile up in front.

/// Reply and forward prefixes of common clients in English, Spanish and a
/// few neighbours (compared case-insensitively, without the colon).
const PREFIXES: [&str; 12] = [
    "re", "fwd", "fw", "rv", "reenviar", "res", "enc", "tr", "aw", "wg", "r", "rif",
];

/// The ticket number of the first `[#NNNNNN]` tag in `subject` (6 digits
/// or more: numbers grow past 6 on a crowded desk).
pub fn ticket_tag(subject: &str) -> Option<u32> {
    let mut rest = subject;
    while let Some(start) = rest.find("[#") {
        let after = &rest[start + 2..];
        let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.len() >= 6 && after[digits.len()..].starts_with(']') {
            if let Ok(number) = digits.parse() {
                return Some(number);
            }
        }
        rest = after;
    }
    None
}

/// The tag to put in the subject of every mail about ticket `number`.
pub fn tag(number: u32) -> String {
    format!("[#{number}]")
}

/// `subject` without ticket tags and leading `Re:`/`RE:`/`Fwd:`/`RV:`...
/// prefixes (also `Re[2]:` and repeated ones), whitespace collapsed.
pub fn clean(subject: &str) -> String {
    let mut s = remove_tags(subject);
    loop {
        let trimmed = s.trim_start();
        match strip_prefix(trimmed) {
            Some(rest) => s = rest.to_string(),
            None => {
                s = trimmed.to_string();
                break;
            }
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn remove_tags(subject: &str) -> String {
    let mut out = String::with_capacity(subject.len());
    let mut rest = subject;
    while let Some(start) = rest.find("[#") {
        let after = &rest[start + 2..];
        let digits = after.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && after[digits..].starts_with(']') {
            out.push_str(&rest[..start]);
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..start + 2]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// `s` after one leading prefix such as `Re:`, `RE :`, `Re[3]:`, if any.
fn strip_prefix(s: &str) -> Option<&str> {
    let word_len = s
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum::<usize>();
    if word_len == 0 {
        return None;
    }
    let word = s[..word_len].to_lowercase();
    if !PREFIXES.contains(&word.as_str()) {
        return None;
    }
    let mut rest = &s[word_len..];
    // Counted replies: `Re[2]:` or `Re(2):`.
    if let Some(inner) = rest.strip_prefix('[').or_else(|| rest.strip_prefix('(')) {
        let n = inner.chars().take_while(|c| c.is_ascii_digit()).count();
        if n > 0 && (inner[n..].starts_with(']') || inner[n..].starts_with(')')) {
            rest = &inner[n + 1..];
        }
    }
    let rest = rest.trim_start_matches(' ');
    // Full-width colon too, as some East Asian clients send it.
    rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_six_digit_tag_anywhere() {
        assert_eq!(ticket_tag("Re: [#482913] Factura duplicada"), Some(482913));
        assert_eq!(ticket_tag("RV: Factura duplicada [#482913]"), Some(482913));
        assert_eq!(ticket_tag("[#12345] too short [#123456]"), Some(123456));
        assert_eq!(ticket_tag("[#1234567] seven digits"), Some(1234567));
        assert_eq!(ticket_tag("[#4294967295] ten"), Some(4294967295));
        assert_eq!(
            ticket_tag("[#99999999999] past u32 [#482913]"),
            Some(482913)
        );
        assert_eq!(ticket_tag("#482913 without brackets"), None);
        assert_eq!(ticket_tag("no tag at all"), None);
    }

    #[test]
    fn cleans_prefixes_in_several_languages() {
        assert_eq!(
            clean("Re: [#482913] Factura duplicada"),
            "Factura duplicada"
        );
        assert_eq!(clean("RE: RE: Fwd: Factura"), "Factura");
        assert_eq!(clean("RV: Cotización de hosting"), "Cotización de hosting");
        assert_eq!(clean("Re[2]: FW: disk full"), "disk full");
        assert_eq!(clean("AW:  WG:   Mail   down"), "Mail down");
        assert_eq!(clean("Reunión mañana"), "Reunión mañana");
        assert_eq!(clean("Research: notes"), "Research: notes");
        assert_eq!(clean("  "), "");
    }

    #[test]
    fn tag_round_trips() {
        assert_eq!(ticket_tag(&format!("{} Hello", tag(654321))), Some(654321));
    }
}
