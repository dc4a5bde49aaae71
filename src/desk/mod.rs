//! The desk service: HTTP API (axum), SQLite store, auth, admin commands.
//!
//! Layout: [`store`] owns the database and every rule about the data;
//! [`http`] maps routes onto store calls; [`auth`] is who acts and the
//! secrets that prove it; [`cli`] is the `ecolo-desk` command line;
//! [`mail`] is the e-mail channel.

pub mod auth;
pub mod cli;
pub mod config;
pub mod error;
pub mod http;
pub mod mail;
pub mod store;

pub use auth::{Actor, AgentPrincipal, Principal};
pub use error::{Error, Result};
pub use store::Store;
