//! `ecolo category list`.

use std::fmt;

use serde::Serialize;

use crate::api::Category;
use crate::cli::error::Result;
use crate::cli::output::{Cell, Table};
use crate::cli::Ctx;
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {}

/// `--json`: the desk's categories as they are.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct CategoryList(pub Vec<Category>);

impl fmt::Display for CategoryList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            for c in &self.0 {
                writeln!(
                    f,
                    "{}\t{}\t{}\t{}\t{}",
                    c.slug,
                    c.name_en,
                    c.name_es,
                    c.description_en,
                    c.intake_address.as_deref().unwrap_or("")
                )?;
            }
            return Ok(());
        }
        // People: a table in their language (the other language's name
        // is what `-c` also takes, but one name reads better).
        let mut table = Table::new(vec![
            t!("col-slug"),
            t!("col-name"),
            t!("col-intake"),
            t!("col-description"),
        ]);
        for c in &self.0 {
            table.row(vec![
                Cell::styled(c.slug.as_str(), console::Style::new().bold()),
                super::name(c).into(),
                c.intake_address.as_deref().unwrap_or("").into(),
                super::description(c).into(),
            ]);
        }
        fmt::Display::fmt(&table, f)
    }
}

pub fn run(_args: Args, ctx: &mut Ctx) -> Result<()> {
    let cats = super::fetch(ctx)?;
    ctx.print(&CategoryList(cats))
}
