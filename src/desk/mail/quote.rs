//! What a person actually wrote in a reply: the ticket already holds the
//! history, so quoted text, attribution lines and signatures are cut before a
//! reply is appended. Also undoes `format=flowed` (RFC 3676) soft breaks.

/// The new text of a reply: everything before the first attribution line
/// (`On ... wrote:`, `El ... escribió:`), Outlook header block or
/// `-----Original Message-----`, or signature separator (`-- `), without
/// `>` quoted lines. Falls back to the whole text when nothing would remain.
pub fn strip_reply(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let cut = lines
        .iter()
        .enumerate()
        .find(|(i, _)| starts_history(&lines, *i))
        .map(|(i, _)| i)
        .unwrap_or(lines.len());
    let mut kept: Vec<&str> = lines[..cut]
        .iter()
        .copied()
        .filter(|l| !l.trim_start().starts_with('>'))
        .collect();
    // Mobile clients' one-line signatures.
    while let Some(last) = kept.last() {
        let t = last.trim().to_lowercase();
        if t.is_empty()
            || t.starts_with("sent from my ")
            || t.starts_with("enviado desde mi ")
            || t.starts_with("get outlook for ")
            || t.starts_with("obtener outlook para ")
            || t.chars().all(|c| c == '_' || c == '-')
        {
            kept.pop();
        } else {
            break;
        }
    }
    let out = collapse(&kept);
    if out.trim().is_empty() {
        collapse(&lines)
    } else {
        out
    }
}

/// Joins lines and trims blank lines at both ends.
fn collapse(lines: &[&str]) -> String {
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |e| e + 1);
    lines[start..end]
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether line `i` opens the quoted history or the signature.
fn starts_history(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    let t = line.trim();
    if line == "-- " || line == "--" {
        return true;
    }
    let lower = t.to_lowercase();
    // `-----Original Message-----`, `----- Mensaje original -----`,
    // Gmail's `---------- Forwarded message ---------` inside a reply.
    if lower.starts_with("---")
        && [
            "original message",
            "mensaje original",
            "forwarded message",
            "mensaje reenviado",
        ]
        .iter()
        .any(|m| lower.contains(m))
    {
        return true;
    }
    if is_attribution(&lower) {
        return true;
    }
    // An attribution wrapped over two lines: `On Mon, 3 Mar 2025, Olga
    // <olga@example.com>` + `wrote:`.
    if (lower.starts_with("on ") || lower.starts_with("el ")) && i + 1 < lines.len() {
        let joined = format!("{} {}", lower, lines[i + 1].trim().to_lowercase());
        if is_attribution(&joined) {
            return true;
        }
    }
    is_outlook_header_block(lines, i)
}

fn is_attribution(lower: &str) -> bool {
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| lower.ends_with(s));
    (lower.starts_with("on ") && ends(&["wrote:", "writes:"]))
        || (lower.starts_with("el ") && ends(&["escribió:", "escribio:"]))
        || (lower.starts_with("le ") && ends(&["a écrit :", "a écrit:"]))
        || (lower.starts_with("am ") && ends(&["schrieb:"]))
        || (lower.contains('@') && ends(&["wrote:", "escribió:"]) && lower.len() < 200)
}

/// Outlook's quote: a `From:`/`De:` line followed by at least two of
/// `Sent:`/`Enviado:`/`Date:`/`Fecha:`/`To:`/`Para:`/`Subject:`/`Asunto:`
/// within the next few lines. Requiring the block avoids cutting at a
/// sentence that merely starts with "From:".
fn is_outlook_header_block(lines: &[&str], i: usize) -> bool {
    let strip_md = |s: &str| s.trim().trim_start_matches('*').trim_start().to_lowercase();
    let first = strip_md(lines[i]);
    if !(first.starts_with("from:") || first.starts_with("de:")) {
        return false;
    }
    let fields = [
        "sent:",
        "enviado:",
        "enviado el:",
        "date:",
        "fecha:",
        "to:",
        "para:",
        "cc:",
        "subject:",
        "asunto:",
    ];
    let found = lines
        .iter()
        .skip(i + 1)
        .take(5)
        .map(|l| strip_md(l))
        .filter(|l| fields.iter().any(|f| l.starts_with(f)))
        .count();
    found >= 2
}

/// Undoes `format=flowed` (RFC 3676): a line ending in a space continues on
/// the next one; a leading space was added for stuffing. With `delsp`, the
/// trailing space itself was added and goes too. Quoted lines only join
/// lines of the same quote depth.
pub fn unflow(text: &str, delsp: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for raw in text.lines() {
        let depth = raw.chars().take_while(|c| *c == '>').count();
        let mut line = &raw[depth..];
        if let Some(stripped) = line.strip_prefix(' ') {
            line = stripped;
        }
        let is_sig = line == "-- ";
        let flowed = line.ends_with(' ') && !is_sig;
        let content = if flowed && delsp {
            &line[..line.len() - 1]
        } else {
            line
        };
        match open.take() {
            Some((d, mut acc)) if d == depth => {
                acc.push_str(content);
                if flowed {
                    open = Some((d, acc));
                } else {
                    out.push(requote(d, &acc));
                }
            }
            other => {
                if let Some((d, acc)) = other {
                    out.push(requote(d, &acc));
                }
                if flowed {
                    open = Some((depth, content.to_string()));
                } else {
                    out.push(requote(depth, content));
                }
            }
        }
    }
    if let Some((d, acc)) = open {
        out.push(requote(d, &acc));
    }
    out.iter()
        .map(|l| l.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn requote(depth: usize, text: &str) -> String {
    if depth == 0 {
        text.to_string()
    } else {
        format!("{} {}", ">".repeat(depth), text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_gmail_attribution_and_quotes() {
        let text = "Thanks, that fixed it.\n\nOn Mon, 3 Mar 2025 at 10:00, Ecolo Desk <billing@desk.localhost> wrote:\n> Your ticket [#482913] was answered\n> by staff.\n";
        assert_eq!(strip_reply(text), "Thanks, that fixed it.");
    }

    #[test]
    fn cuts_wrapped_attribution() {
        let text = "Listo.\n\nOn Mon, 3 Mar 2025 at 10:00, Ecolo Desk\n<billing@desk.localhost> wrote:\n\n> old\n";
        assert_eq!(strip_reply(text), "Listo.");
    }

    #[test]
    fn cuts_spanish_attribution() {
        let text = "Gracias, ya funciona el correo.\n\nEl lun, 3 mar 2025 a las 10:00, Soporte (<email@desk.localhost>) escribió:\n> Hola Martha,\n> revise la configuración.\n";
        assert_eq!(strip_reply(text), "Gracias, ya funciona el correo.");
    }

    #[test]
    fn cuts_signature_separator() {
        let text = "Sí, adelante.\n\n-- \nMartha Gómez\nContabilidad\n";
        assert_eq!(strip_reply(text), "Sí, adelante.");
    }

    #[test]
    fn cuts_outlook_original_message() {
        let text = "Adjunto el comprobante.\r\n\r\n-----Original Message-----\r\nFrom: Ecolo Desk\r\nSent: Monday\r\nSubject: x\r\n";
        assert_eq!(strip_reply(text), "Adjunto el comprobante.");
    }

    #[test]
    fn cuts_outlook_spanish_header_block() {
        let text = "Confirmo el pago.\n\n________________________________\nDe: Soporte <billing@desk.localhost>\nEnviado: lunes, 3 de marzo de 2025 10:00\nPara: Olga <owner@example.com>\nAsunto: [#482913] Factura\n\nTexto anterior\n";
        assert_eq!(strip_reply(text), "Confirmo el pago.");
    }

    #[test]
    fn keeps_a_sentence_starting_with_from() {
        let text = "From: the invoice I see a double charge.\nPlease check.";
        assert_eq!(strip_reply(text), text);
    }

    #[test]
    fn keeps_inline_answers_between_quotes() {
        let text = "> Which domain?\nexample.com\n> Which mailbox?\ninfo@example.com\n";
        assert_eq!(strip_reply(text), "example.com\ninfo@example.com");
    }

    #[test]
    fn falls_back_to_everything_when_only_quotes() {
        let text = "> only quoted\n";
        assert_eq!(strip_reply(text), "> only quoted");
    }

    #[test]
    fn drops_mobile_signature() {
        assert_eq!(
            strip_reply("Ok, gracias.\n\nEnviado desde mi iPhone\n"),
            "Ok, gracias."
        );
    }

    #[test]
    fn unflows_soft_breaks_and_keeps_hard_ones() {
        let text = "This is a long line that \nwas wrapped by the client.\nNew line.\n>> quoted \n>> more\n-- \nsig";
        assert_eq!(
            unflow(text, false),
            "This is a long line that was wrapped by the client.\nNew line.\n>> quoted more\n--\nsig"
        );
        assert_eq!(unflow("abc \ndef", true), "abcdef");
        assert_eq!(unflow(" From stuffed", false), "From stuffed");
    }
}
