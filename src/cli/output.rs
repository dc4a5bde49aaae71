//! Human renderings shared by the commands: aligned tables for a terminal,
//! tab-separated lines for a pipe (the `{:#}` form), sizes and times.

use std::fmt;

use chrono::{DateTime, Utc};
use console::{measure_text_width, Style};

use super::terminal::tsv_field;

/// Rows of cells; `Display` aligns them under a bold header, `{:#}` prints
/// them tab-separated without header or colour, one row per line.
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

/// A cell's text and how to colour it on a terminal.
pub struct Cell {
    text: String,
    style: Option<Style>,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, style: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

impl Cell {
    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style: Some(style),
        }
    }
}

impl Table {
    /// Headers are for people (translated, see `t!`); a pipe never sees them.
    pub fn new<S: Into<String>>(headers: Vec<S>) -> Table {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: vec![],
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            for row in &self.rows {
                let cells: Vec<String> = row.iter().map(|c| tsv_field(&c.text)).collect();
                writeln!(f, "{}", cells.join("\t"))?;
            }
            return Ok(());
        }
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows: Vec<Vec<(String, &Option<Style>)>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| (one_line(&c.text), &c.style)).collect())
            .collect();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| measure_text_width(h)).collect();
        for row in &rows {
            for (i, (text, _)) in row.iter().enumerate() {
                widths[i] = widths[i].max(measure_text_width(text));
            }
        }
        let last = self.headers.len() - 1;
        // The last column (subjects, addresses) is cut to the terminal's
        // width rather than wrapping under the others.
        let used: usize = widths[..last].iter().map(|w| w + 2).sum();
        let cols = console::Term::stdout().size().1 as usize;
        let room = cols.saturating_sub(used).max(20);
        let bold = Style::new().bold();
        for (i, h) in self.headers.iter().enumerate() {
            let pad = if i == last {
                0
            } else {
                widths[i] - measure_text_width(h) + 2
            };
            write!(f, "{}{}", bold.apply_to(h), " ".repeat(pad))?;
        }
        writeln!(f)?;
        for row in &rows {
            for (i, (full, style)) in row.iter().enumerate() {
                let text = if i == last {
                    console::truncate_str(full, room, "…").into_owned()
                } else {
                    full.clone()
                };
                let shown = match style {
                    Some(s) => s.apply_to(&text).to_string(),
                    None => text,
                };
                let pad = if i == last {
                    0
                } else {
                    widths[i] - measure_text_width(full) + 2
                };
                write!(f, "{}{}", shown, " ".repeat(pad))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// Tabs and newlines inside a field would break the aligned columns (a
/// pipe gets them escaped instead, `tsv_field`).
fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// A date and time for people, in the local time zone with its offset,
/// written the way the language writes dates (`2026-11-25 17:40 +01:00`,
/// `25/11/2026 17:40 +01:00`).
pub fn when(t: &DateTime<Utc>) -> String {
    t.with_timezone(&chrono::Local)
        .format(&crate::t!("format-date-time"))
        .to_string()
}

/// How long ago, as people say it in a list ("5m ago" like `gh`, "hace 5
/// min"); older than a month, the date.
pub fn ago(t: &DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - *t).num_seconds().max(0);
    match secs {
        0..=59 => crate::t!("ago-just-now"),
        60..=3599 => crate::t!("ago-minutes", n = secs / 60),
        3600..=86_399 => crate::t!("ago-hours", n = secs / 3600),
        86_400..=2_591_999 => crate::t!("ago-days", n = secs / 86_400),
        _ => t
            .with_timezone(&chrono::Local)
            .format(&crate::t!("format-date"))
            .to_string(),
    }
}

/// `1.5 MiB`, for people.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

/// A status as people read it (`abierto`); pipes and JSON keep `open`.
pub fn status_word(status: crate::api::TicketStatus) -> String {
    use crate::api::TicketStatus::*;
    match status {
        Open => crate::t!("status-open"),
        Answered => crate::t!("status-answered"),
        CustomerReply => crate::t!("status-customer-reply"),
        Closed => crate::t!("status-closed"),
    }
}

/// A priority as people read it (`alta`); pipes and JSON keep `high`.
pub fn priority_word(p: crate::api::Priority) -> String {
    use crate::api::Priority::*;
    match p {
        Low => crate::t!("priority-low"),
        Medium => crate::t!("priority-medium"),
        High => crate::t!("priority-high"),
    }
}

/// Who wrote or acts, as people read it (`titular`); pipes keep `owner`.
pub fn role_word(role: crate::api::AuthorRole) -> String {
    use crate::api::AuthorRole::*;
    match role {
        Owner => crate::t!("role-owner"),
        Contact => crate::t!("role-contact"),
        Staff => crate::t!("role-staff"),
        Desk => crate::t!("role-desk"),
    }
}

pub fn status_style(status: crate::api::TicketStatus) -> Style {
    use crate::api::TicketStatus::*;
    match status {
        Open => Style::new().green(),
        Answered => Style::new().yellow().bold(),
        CustomerReply => Style::new().cyan(),
        Closed => Style::new().dim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(size(10), "10 B");
        assert_eq!(size(1536), "1.5 KiB");
        assert_eq!(size(20 * 1024 * 1024), "20.0 MiB");
    }

    #[test]
    fn ages_read_like_gh() {
        let now = Utc::now();
        let back = |s: i64| now - chrono::Duration::seconds(s);
        assert_eq!(ago(&back(5), now), "just now");
        assert_eq!(ago(&back(300), now), "5m ago");
        assert_eq!(ago(&back(3 * 3600), now), "3h ago");
        assert_eq!(ago(&back(2 * 86_400), now), "2d ago");
        let old = back(90 * 86_400);
        let local = old.with_timezone(&chrono::Local);
        assert_eq!(ago(&old, now), local.format("%Y-%m-%d").to_string());
        crate::i18n::set(crate::i18n::Lang::Es);
        assert_eq!(ago(&back(5), now), "ahora mismo");
        assert_eq!(ago(&back(300), now), "hace 5 min");
        assert_eq!(ago(&back(3 * 3600), now), "hace 3 h");
        assert_eq!(ago(&back(2 * 86_400), now), "hace 2 días");
        assert_eq!(ago(&old, now), local.format("%d/%m/%Y").to_string());
        crate::i18n::set(crate::i18n::Lang::En);
    }

    #[test]
    fn tables_align_and_pipe() {
        let mut t = Table::new(vec!["A", "LONGER"]);
        t.row(vec!["x\ty".into(), "z".into()]);
        assert_eq!(format!("{t:#}"), "x\\ty\tz\n");
        console::set_colors_enabled(false);
        assert_eq!(format!("{t}"), "A    LONGER\nx y  z\n");
    }
}
