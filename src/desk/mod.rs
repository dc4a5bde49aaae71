//! The desk service: HTTP API (axum), SQLite store, auth, admin commands.
