//! Human renderings shared by the commands: aligned tables for a terminal,
//! tab-separated lines for a pipe (the `{:#}` form), sizes and times.

use std::fmt;

use chrono::{DateTime, Utc};
use console::{measure_text_width, Style};

use super::terminal::tsv_field;

/// Rows of cells; `Display` aligns them under a bold header, `{:#}` prints
/// them tab-separated without header or colour, one row per line.
pub struct Table {
    headers: Vec<&'static str>,
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
    pub fn new(headers: Vec<&'static str>) -> Table {
        Table {
            headers,
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
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.len()).collect();
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
                widths[i] - h.len() + 2
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

/// `2026-11-25 16:40` (UTC), for people.
pub fn when(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// How long ago, as people say it in a list ("5m ago", like `gh`); older
/// than a month, the date.
pub fn ago(t: &DateTime<Utc>, now: DateTime<Utc>) -> String {
    let secs = (now - *t).num_seconds().max(0);
    match secs {
        0..=59 => "just now".to_string(),
        60..=3599 => format!("{}m ago", secs / 60),
        3600..=86_399 => format!("{}h ago", secs / 3600),
        86_400..=2_591_999 => format!("{}d ago", secs / 86_400),
        _ => t.format("%Y-%m-%d").to_string(),
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
        assert_eq!(ago(&old, now), old.format("%Y-%m-%d").to_string());
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
