//! The e-mail channel: intake of piped RFC 5322 messages and the outbox of notifications.
