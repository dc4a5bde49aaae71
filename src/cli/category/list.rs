//! `ecolo category list`.

use std::fmt;

use serde::Serialize;

use crate::api::Category;
use crate::cli::error::Result;
use crate::cli::Ctx;

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
        let bold = console::Style::new().bold();
        for (i, c) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            writeln!(
                f,
                "{}  {} / {}",
                bold.apply_to(&c.slug),
                c.name_en,
                c.name_es
            )?;
            writeln!(f, "  {}", c.description_en)?;
            if let Some(addr) = &c.intake_address {
                writeln!(f, "  e-mail: {addr}")?;
            }
        }
        Ok(())
    }
}

pub fn run(_args: Args, ctx: &mut Ctx) -> Result<()> {
    let cats = super::fetch(ctx)?;
    ctx.print(&CategoryList(cats))
}
