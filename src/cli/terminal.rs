//! What may reach a terminal. Desk data (subjects, message bodies, names,
//! error details) is written by strangers, by mail too; a control sequence
//! in it would drive the reader's terminal (OSC 52 writes the clipboard,
//! CSI 2J clears the screen, a bidi override reorders what is shown). Every
//! terminal write of `Ctx` goes through `for_terminal`, so no command has to
//! remember which of its fields came from the desk.
//!
//! Our own colours are escape sequences too. A rendering is therefore made
//! twice, with and without colour: whatever the plain one holds is data and
//! is escaped; what only the coloured one adds is kept if it is a plain SGR
//! (colour/bold) sequence, which cannot do more than colour text.

use std::fmt::{self, Display, Write as _};

/// Characters never written raw to a terminal: C0 controls except tab and
/// newline, DEL, C1 controls, and the invisible direction/line controls.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // ALM, LRM/RLM, line/paragraph separators, bidi embeddings,
        // overrides and isolates.
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// One character as a terminal may show it: itself, or `\x1b` / `\u{202e}`.
fn push_escaped(out: &mut String, c: char) {
    if !is_unsafe(c) {
        out.push(c);
    } else if (c as u32) < 0x80 {
        let _ = write!(out, "\\x{:02x}", c as u32);
    } else {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    }
}

/// `s` with every unsafe character shown escaped (`\x1b`, `\u{9b}`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    out
}

/// A rendering of `value` (`{:#}` when `alternate`) safe for a terminal,
/// keeping the colours the rendering itself applied.
pub fn for_terminal(value: &dyn Display, alternate: bool) -> String {
    let render = |v: &dyn Display| {
        if alternate {
            format!("{v:#}")
        } else {
            format!("{v}")
        }
    };
    let styled = render(value);
    let colours = (console::colors_enabled(), console::colors_enabled_stderr());
    if colours == (false, false) || !styled.contains('\x1b') {
        return escape(&styled);
    }
    console::set_colors_enabled(false);
    console::set_colors_enabled_stderr(false);
    let plain = render(value);
    console::set_colors_enabled(colours.0);
    console::set_colors_enabled_stderr(colours.1);
    merge(&styled, &plain).unwrap_or_else(|| escape(&plain))
}

/// Walks the coloured rendering along the plain one: characters they share
/// are data (escaped), SGR sequences only the coloured one has are kept.
/// `None` when the two differ otherwise (a clock ticked between them): the
/// caller then shows the plain rendering, escaped, without colour.
fn merge(styled: &str, plain: &str) -> Option<String> {
    let mut out = String::with_capacity(styled.len());
    let mut plain = plain.chars().peekable();
    let mut rest = styled;
    while let Some(c) = rest.chars().next() {
        if plain.peek() == Some(&c) {
            push_escaped(&mut out, c);
            plain.next();
            rest = &rest[c.len_utf8()..];
        } else {
            let n = sgr_len(rest)?;
            out.push_str(&rest[..n]);
            rest = &rest[n..];
        }
    }
    plain.next().is_none().then_some(out)
}

/// The length of the `ESC [ digits;... m` sequence `s` starts with, if any.
fn sgr_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\x1b[")?;
    let n = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (n <= 32 && body.as_bytes().get(n) == Some(&b'm')).then_some(2 + n + 1)
}

/// A field of tab-separated output: tab, newline, carriage return and
/// backslash escaped, so one record stays one line and splits on tabs.
pub fn tsv_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// `Display` of a value through `for_terminal` (for `write!`).
pub struct Safe<'a>(pub &'a dyn Display);

impl Display for Safe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&for_terminal(self.0, f.alternate()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_shown_escaped() {
        assert_eq!(
            escape("a\x1b]52;c;eA==\x07b\u{9b}2J\u{202e}z\tq\n\x7f"),
            "a\\x1b]52;c;eA==\\x07b\\u{9b}2J\\u{202e}z\tq\n\\x7f"
        );
        assert_eq!(escape("naïve ✓ 日本"), "naïve ✓ 日本");
    }

    #[test]
    fn our_colours_stay_and_data_escapes_do_not() {
        // What `{}` of a bold "x ESC[2J ESC[1m y" gives with and without
        // colour.
        let data = "x\x1b[2J\x1b[1my";
        let styled = format!("\x1b[1m{data}\x1b[0m|");
        let plain = format!("{data}|");
        assert_eq!(
            merge(&styled, &plain).unwrap(),
            "\x1b[1mx\\x1b[2J\\x1b[1my\x1b[0m|"
        );
        // Renderings that differ in more than colour: no colour at all.
        assert_eq!(merge("\x1b[1m2m ago", "1m ago"), None);
        assert_eq!(sgr_len("\x1b[2J"), None);
        assert_eq!(sgr_len("\x1b[38;5;1mx"), Some(9));
    }

    #[test]
    fn tsv_fields_stay_on_one_line() {
        assert_eq!(tsv_field("a\tb\nc\\d"), "a\\tb\\nc\\\\d");
    }
}
