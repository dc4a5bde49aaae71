//! `ecolo`: parse, run, and map every outcome to an exit code in one place.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use ecolo::cli::{self, Cli, CliError, Ctx};

fn main() -> ExitCode {
    // A bug should read as one line asking for a report, not a trace.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("error: internal error ({what}{at}); please report it");
    }));
    let cli = Cli::parse();
    cli::interrupt::install();
    let result = Ctx::from_process(&cli.global).and_then(|mut ctx| cli::run(cli.command, &mut ctx));
    let code = match result {
        Ok(()) => 0,
        Err(e) => report(&e),
    };
    // A reader that went away is not our failure (`ecolo ticket list | head`).
    let _ = std::io::stdout().flush();
    ExitCode::from(code)
}

/// Prints the error (never a panic or trace) and returns its exit code.
fn report(e: &CliError) -> u8 {
    let code = e.exit_code();
    if code == 0 {
        return 0;
    }
    let mut err = std::io::stderr();
    if let CliError::Cancelled(_) = e {
        // A prompt cancelled with Ctrl-C may leave the cursor hidden.
        let _ = console::Term::stderr().show_cursor();
    }
    let label = console::style("error:").red().bold().for_stderr();
    let text = match e {
        CliError::Other(e) => format!("{e:#}"),
        e => e.to_string(),
    };
    let _ = writeln!(err, "{label} {text}");
    u8::try_from(code).unwrap_or(1)
}
