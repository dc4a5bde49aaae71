//! HTML-only mail to plain text. mail-parser's own conversion only breaks
//! lines at `<br>` and `</p>`, which runs Gmail's and Outlook's `<div>`-per-line
//! HTML together and keeps `<style>` text; this one knows block elements,
//! skips invisible content, decodes entities and turns `<blockquote>` into
//! `>` lines so quoted history can be cut like in plain-text mail.

/// Plain text of an HTML document or fragment.
pub fn to_text(html: &str) -> String {
    let mut out = Text::default();
    let mut rest = html;
    let mut skip_until: Option<&'static str> = None;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip_until.is_none() {
                out.push_text(&decode_entities(rest));
            }
            break;
        };
        if skip_until.is_none() {
            out.push_text(&decode_entities(&rest[..lt]));
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "style" | "script" | "head" | "title" if !closing => {
                skip_until = ["style", "script", "head", "title"]
                    .into_iter()
                    .find(|t| *t == name);
            }
            "br" => out.newline(),
            "blockquote" => {
                out.block();
                if closing {
                    out.depth = out.depth.saturating_sub(1);
                } else {
                    out.depth += 1;
                }
            }
            "li" if !closing => {
                out.block();
                out.push_text("- ");
            }
            "p" | "div" | "tr" | "table" | "ul" | "ol" | "li" | "h1" | "h2" | "h3" | "h4"
            | "h5" | "h6" | "pre" | "hr" | "section" | "article" | "header" | "footer" => {
                out.block()
            }
            "td" | "th" if closing => out.push_text(" "),
            _ => {}
        }
    }
    out.finish()
}

#[derive(Default)]
struct Text {
    lines: Vec<String>,
    current: String,
    depth: usize,
    line_depth: usize,
}

impl Text {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                if self.current.is_empty() {
                    self.line_depth = self.depth;
                }
                self.current.push(c);
            }
        }
    }

    fn newline(&mut self) {
        let line = std::mem::take(&mut self.current);
        let line = line.trim_end();
        let depth = if line.is_empty() {
            self.depth
        } else {
            self.line_depth
        };
        if depth > 0 {
            self.lines.push(
                format!("{} {}", ">".repeat(depth), line)
                    .trim_end()
                    .to_string(),
            );
        } else {
            self.lines.push(line.to_string());
        }
    }

    /// Ends the current line at a block boundary, without piling up blank lines.
    fn block(&mut self) {
        if !self.current.trim().is_empty() {
            self.newline();
        } else {
            self.current.clear();
        }
    }

    fn finish(mut self) -> String {
        self.block();
        let mut out: Vec<String> = Vec::new();
        for line in self.lines {
            let blank = line.trim_start_matches('>').trim().is_empty();
            if blank
                && out
                    .last()
                    .is_none_or(|l| l.trim_start_matches('>').trim().is_empty())
            {
                continue;
            }
            out.push(line);
        }
        while out
            .last()
            .is_some_and(|l| l.trim_start_matches('>').trim().is_empty())
        {
            out.pop();
        }
        out.join("\n")
    }
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|e| *e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "Aacute" => 'Á',
        "Eacute" => 'É',
        "Iacute" => 'Í',
        "Oacute" => 'Ó',
        "Uacute" => 'Ú',
        "ntilde" => 'ñ',
        "Ntilde" => 'Ñ',
        "uuml" => 'ü',
        "Uuml" => 'Ü',
        "iexcl" => '¡',
        "iquest" => '¿',
        "euro" => '€',
        "copy" => '©',
        "reg" => '®',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "times" => '×',
        "laquo" => '«',
        "raquo" => '»',
        "ordf" => 'ª',
        "ordm" => 'º',
        "deg" => '°',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn block_elements_break_lines_and_entities_decode() {
        let html = "<html><head><style>p{color:red}</style><title>t</title></head><body>\
            <div>Hola,</div><div>el sitio no carga&nbsp;desde ayer.</div><p>&iquest;Pueden revisar?&#161;Gracias!</p>\
            <ul><li>uno</li><li>dos &amp; tres</li></ul></body></html>";
        assert_eq!(
            to_text(html),
            "Hola,\nel sitio no carga desde ayer.\n¿Pueden revisar?¡Gracias!\n- uno\n- dos & tres"
        );
    }

    #[test]
    fn blockquote_becomes_quoted_lines() {
        let html = "<div>Listo</div><div class=\"gmail_quote\"><blockquote><div>Texto viejo</div><div>otra</div></blockquote></div>";
        assert_eq!(to_text(html), "Listo\n> Texto viejo\n> otra");
    }

    #[test]
    fn word_punctuation_entities_decode() {
        assert_eq!(
            to_text("<p>I&rsquo;m &ldquo;done&rdquo; &ndash; 2&times;3</p>"),
            "I’m “done” – 2×3"
        );
    }

    #[test]
    fn br_and_comments() {
        assert_eq!(to_text("a<br>b<!-- hidden <b>x</b> -->c<br/>"), "a\nbc");
    }
}
