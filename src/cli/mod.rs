//! The `ecolo` command line: clap definitions and one module per command group.
