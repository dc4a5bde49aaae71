//! `ecolo`: parse, run, and map every outcome to an exit code in one place.

use std::io::Write;
use std::process::ExitCode;

use clap::FromArgMatches;

use ecolo::cli::{self, Cli, CliError, Ctx};
use ecolo::client::ApiError;
use ecolo::i18n::{self, Lang};

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
        eprintln!("error: {}", ecolo::t!("err-internal", what = what, at = at));
    }));
    // The language first: `--help` and clap's messages are in it too.
    let lang = Lang::from_process();
    i18n::set(lang);
    let matches = match cli::help::command(lang).try_get_matches() {
        Ok(m) => m,
        Err(e) => match cli::help::usage_error(&e, lang) {
            Some(text) => {
                eprint!("{text}");
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli::interrupt::install();
    let result = Ctx::from_process(&cli.global).and_then(|mut ctx| {
        let result = cli::run(cli.command, &mut ctx);
        // Piped output is buffered (see Ctx::from_process): flushed once,
        // here; a failed flush is an output error like any other write.
        let flushed = ctx.out.flush().map_err(CliError::Output);
        result.and(flushed)
    });
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
    let code = exit_code(e);
    if code == 0 {
        return 0;
    }
    let mut err = std::io::stderr();
    if let CliError::Cancelled(_) = e {
        // A prompt cancelled with Ctrl-C may leave the cursor hidden.
        let _ = console::Term::stderr().show_cursor();
    }
    let label = console::style("error:").red().bold().for_stderr();
    let mut text = match e {
        CliError::Other(e) => format!("{e:#}"),
        e => e.to_string(),
    };
    // A desk's error detail is desk data like any other.
    if std::io::IsTerminal::is_terminal(&err) {
        text = cli::terminal::escape(&text);
    }
    let _ = writeln!(err, "{label} {text}");
    code
}

/// The exit codes documented in the README and the man page, in one place:
/// 0 ok, 1 error, 2 usage, 3 not logged in, 4 not found, 5 not permitted,
/// 6 rejected by the desk, 7 desk unreachable, 130 cancelled.
fn exit_code(e: &CliError) -> u8 {
    let broken_pipe = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    match e {
        CliError::Usage(_) => 2,
        CliError::Cancelled(_) => 130,
        // A reader that went away is not our failure (`ecolo ticket list | head`).
        CliError::Output(io) if broken_pipe(io) => 0,
        CliError::Output(_) => 1,
        CliError::Api(e) => match e {
            ApiError::NotLoggedIn { .. }
            | ApiError::LoggedInElsewhere { .. }
            | ApiError::Unauthorized(_)
            | ApiError::BadLogin => 3,
            ApiError::NotFound(_) => 4,
            ApiError::Forbidden(_) => 5,
            ApiError::Rejected(_) => 6,
            ApiError::Unreachable { .. } => 7,
            ApiError::RateLimited { .. }
            | ApiError::Busy(_)
            | ApiError::Server(_)
            | ApiError::BadResponse { .. }
            | ApiError::File { .. } => 1,
        },
        CliError::Other(e) => {
            let pipe = e
                .chain()
                .any(|c| c.downcast_ref::<std::io::Error>().is_some_and(broken_pipe));
            if pipe {
                0
            } else {
                1
            }
        }
    }
}
