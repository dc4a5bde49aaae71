//! Settings of one desk: where its data lives and the limits it enforces.
//! Built from the command line; shared by the HTTP layer, the store and the
//! mail channel so every entry point enforces the same limits.

use std::path::{Path, PathBuf};

use crate::api;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8765";
pub const DEFAULT_MAIL_DOMAIN: &str = "desk.localhost";
pub const DEFAULT_MAX_SUBJECT_CHARS: u32 = 200;
pub const DEFAULT_MAX_MESSAGE_BYTES: u64 = 64 * 1024;
pub const DEFAULT_MAX_ATTACHMENT_BYTES: u64 = 20 * 1024 * 1024;
pub const DEFAULT_MAX_ATTACHMENTS: u32 = 10;

/// What the desk refuses, in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_subject_chars: u32,
    pub max_message_bytes: u64,
    pub max_attachment_bytes: u64,
    pub max_attachments_per_message: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_subject_chars: DEFAULT_MAX_SUBJECT_CHARS,
            max_message_bytes: DEFAULT_MAX_MESSAGE_BYTES,
            max_attachment_bytes: DEFAULT_MAX_ATTACHMENT_BYTES,
            max_attachments_per_message: DEFAULT_MAX_ATTACHMENTS,
        }
    }
}

impl Limits {
    /// Largest JSON body worth reading: a maximal message fully escaped
    /// (`\uXXXX` is six bytes per byte) plus room for the other fields.
    pub fn max_json_body_bytes(&self) -> usize {
        (self.max_message_bytes as usize).saturating_mul(6) + 64 * 1024
    }

    pub fn to_api(self) -> api::Limits {
        api::Limits {
            max_subject_chars: self.max_subject_chars,
            max_message_bytes: self.max_message_bytes,
            max_attachment_bytes: self.max_attachment_bytes,
            max_attachments_per_message: self.max_attachments_per_message,
        }
    }
}

/// Where the desk keeps its data and how it names its intake addresses.
#[derive(Debug, Clone)]
pub struct StoreConfig {
    pub db_path: PathBuf,
    /// Uploaded files, one per attachment id.
    pub attachments_dir: PathBuf,
    /// Domain of the intake addresses (`<category>@<mail_domain>`).
    pub mail_domain: String,
    pub limits: Limits,
}

impl StoreConfig {
    /// Defaults for a database at `db_path`: attachments beside it.
    pub fn new(db_path: &Path) -> StoreConfig {
        let dir = db_path.parent().unwrap_or(Path::new("."));
        StoreConfig {
            db_path: db_path.to_path_buf(),
            attachments_dir: dir.join("attachments"),
            mail_domain: DEFAULT_MAIL_DOMAIN.to_string(),
            limits: Limits::default(),
        }
    }

    /// The address authorized senders e-mail to open a ticket in `slug`.
    pub fn intake_address(&self, slug: &str) -> String {
        format!("{slug}@{}", self.mail_domain)
    }
}

/// The default database: `desk.db` in the user's data dir.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("", "", "ecolo-desk")
        .map(|dirs| dirs.data_dir().join("desk.db"))
        .unwrap_or_else(|| PathBuf::from("desk.db"))
}
