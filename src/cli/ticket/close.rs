//! `ecolo ticket close`: solved; makes way for new tickets (idempotent).

use crate::cli::error::Result;
use crate::cli::Ctx;
use crate::t;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ticket number, e.g. 482913
    #[arg(value_parser = super::parse_number, value_name = "NUMBER")]
    pub number: u32,
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    super::change(ctx, args.number, "close", |t| {
        t!(
            "ticket-closed",
            number = t.number.to_string(),
            subject = t.subject.as_str()
        )
    })
}
