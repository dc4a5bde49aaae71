//! `ecolo-desk`: the support desk service and its admin commands.

fn main() -> std::process::ExitCode {
    ecolo::desk::cli::main()
}
