//! Attachment files: written to a partial file first, then renamed into
//! place and recorded, so the database never names a file that is not whole
//! and a refused upload leaves nothing behind.
//!
//! A process killed between the rename and the commit would leave a file
//! without a row. Each upload holds an advisory lock (`flock`) on its file
//! until its row is committed, so [`Store::reconcile_attachments`] can tell
//! such leftovers (unlocked, no row) from uploads in flight in any process
//! (locked) and remove them, at start and while serving.

use crate::msg;
use std::fs::File;
use std::io::{Read, Write};
use std::path::PathBuf;

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::api::Attachment;

use super::super::auth::Actor;
use super::{now, Error, Result, Store};

/// A file being uploaded. Dropping it deletes the partial file, so an
/// aborted or refused upload (client gone, too large) stores nothing.
pub struct PendingUpload {
    pub id: String,
    pub path: PathBuf,
    kept: bool,
    /// The partial file, locked while this upload lives.
    lock: File,
}

impl PendingUpload {
    /// A handle to write the content through (the lock stays here).
    pub fn file(&self) -> std::io::Result<File> {
        self.lock.try_clone()
    }
}

/// Takes the exclusive advisory lock on `file` without waiting; `false`
/// when another open file (a live upload, in any process) holds it.
fn try_lock(file: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        // SAFETY: flock on a valid, open descriptor.
        unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        true
    }
}

impl Drop for PendingUpload {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The last path component of a client's file name, without control
/// characters, so it can never point outside the attachments directory or
/// break a header.
pub(crate) fn sanitize_filename(
    name: &str,
) -> std::result::Result<String, crate::desk::error::Msg> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .chars()
        .take(200)
        .collect();
    if clean.is_empty() {
        Err(msg!("field-filename"))
    } else {
        Ok(clean)
    }
}

/// A media type as `type/subtype[; params]`, or `application/octet-stream`.
pub(crate) fn clean_content_type(value: Option<&str>) -> String {
    match value.map(str::trim) {
        Some(v)
            if v.contains('/')
                && v.len() <= 200
                && v.chars().all(|c| c.is_ascii_graphic() || c == ' ') =>
        {
            v.to_string()
        }
        _ => "application/octet-stream".to_string(),
    }
}

/// The columns [`attachment_from_row`] reads, first in a SELECT.
pub(crate) const ATTACHMENT_COLUMNS: &str = "id, filename, content_type, size, sha256";

pub(crate) fn attachment_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        filename: r.get(1)?,
        content_type: r.get(2)?,
        size: r.get::<_, i64>(3)? as u64,
        sha256: r.get(4)?,
    })
}

/// Who holds an upload: the account it was uploaded for (or attached in),
/// the agent who uploaded it, the message it is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Holder {
    pub account_id: Option<i64>,
    pub agent_id: Option<i64>,
    pub message_id: Option<i64>,
}

/// Attachment `id` with who holds it.
pub(crate) fn load_attachment(conn: &Connection, id: &str) -> Result<Option<(Holder, Attachment)>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {ATTACHMENT_COLUMNS}, account_id, agent_id, message_id
                 FROM attachments WHERE id = ?1"
            ),
            [id],
            |r| {
                Ok((
                    Holder {
                        account_id: r.get(5)?,
                        agent_id: r.get(6)?,
                        message_id: r.get(7)?,
                    },
                    attachment_from_row(r)?,
                ))
            },
        )
        .optional()?)
}

impl Store {
    /// Where the attachment `id` is stored.
    pub fn attachment_path(&self, id: &str) -> PathBuf {
        self.config.attachments_dir.join(id)
    }

    /// A new partial file for an upload, created and locked; write the
    /// content through [`PendingUpload::file`], then call
    /// [`Store::finish_upload`].
    pub fn begin_upload(&self) -> Result<PendingUpload> {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let path = self.config.attachments_dir.join(format!(".partial-{id}"));
        let lock = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        let upload = PendingUpload {
            id,
            path,
            kept: false,
            lock,
        };
        if !try_lock(&upload.lock) {
            return Err(Error::Internal(
                "a new upload file is locked already".into(),
            ));
        }
        Ok(upload)
    }

    /// Removes what a killed process left: attachment files without a row
    /// and partial files, when no live upload holds them (their lock), and
    /// rows of unattached uploads whose file is gone. Answers how many
    /// files and rows were removed. Safe while other processes upload.
    pub fn reconcile_attachments(&self) -> Result<(usize, usize)> {
        let row_exists = |conn: &Connection, id: &str| -> Result<bool> {
            Ok(conn
                .query_row("SELECT 1 FROM attachments WHERE id = ?1", [id], |_| Ok(()))
                .optional()?
                .is_some())
        };
        let conn = self.conn()?;
        let mut files = 0;
        for entry in std::fs::read_dir(&self.config.attachments_dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let partial = name.starts_with(".partial-");
            if !partial && row_exists(&conn, &name)? {
                continue;
            }
            let Ok(file) = File::open(entry.path()) else {
                continue;
            };
            // Locked: an upload in flight. Unlocked and (checked again
            // now that nobody can commit it) without a row: a leftover.
            if try_lock(&file)
                && (partial || !row_exists(&conn, &name)?)
                && std::fs::remove_file(entry.path()).is_ok()
            {
                files += 1;
            }
        }
        let unattached: Vec<String> = conn
            .prepare("SELECT id FROM attachments WHERE message_id IS NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        drop(conn);
        let mut rows = 0;
        for id in unattached {
            if !self.attachment_path(&id).exists() {
                rows += self.write(|tx| {
                    Ok(tx.execute(
                        "DELETE FROM attachments WHERE id = ?1 AND message_id IS NULL",
                        [&id],
                    )?)
                })?;
            }
        }
        Ok((files, rows))
    }

    /// Moves a completely written upload into place and records it for the
    /// actor's account; it is not attached to anything yet. With
    /// `max_pending`, refused (409, nothing kept) when the actor's token
    /// already holds that many uploads not attached to any message: counted
    /// per credential, so a contact's token cannot make the owner's uploads
    /// fail.
    #[allow(clippy::too_many_arguments)]
    pub fn finish_upload(
        &self,
        actor: &Actor,
        mut upload: PendingUpload,
        filename: &str,
        content_type: &str,
        size: u64,
        sha256: &str,
        max_pending: Option<i64>,
    ) -> Result<Attachment> {
        let filename = sanitize_filename(filename).map_err(|m| Error::invalid("filename", m))?;
        if size > self.config.limits.max_attachment_bytes {
            return Err(too_large(self.config.limits.max_attachment_bytes));
        }
        let final_path = self.attachment_path(&upload.id);
        std::fs::rename(&upload.path, &final_path)?;
        upload.path = final_path;
        let (account_id, agent_id) = match actor {
            Actor::Customer(p) => (Some(p.account_id), None),
            Actor::Agent(a) => (None, Some(a.agent_id)),
        };
        self.write(|tx| {
            if let (Some(max), Some(token_id)) = (max_pending, actor.token_id()) {
                let pending: i64 = tx.query_row(
                    "SELECT count(*) FROM attachments WHERE token_id = ?1 AND message_id IS NULL",
                    [token_id],
                    |r| r.get(0),
                )?;
                if pending >= max {
                    return Err(Error::Conflict(msg!(
                        "problem-uploads-pending",
                        n = pending
                    )));
                }
            }
            tx.execute(
                "INSERT INTO attachments
                    (id, account_id, agent_id, filename, content_type, size, sha256, created_at,
                     token_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    upload.id,
                    account_id,
                    agent_id,
                    filename,
                    content_type,
                    size as i64,
                    sha256,
                    now(),
                    actor.token_id()
                ],
            )?;
            Ok(())
        })?;
        // Recorded: from here on the file belongs to the database.
        upload.kept = true;
        Ok(Attachment {
            id: upload.id.clone(),
            filename,
            content_type: content_type.to_string(),
            size,
            sha256: sha256.to_string(),
        })
    }

    /// Deletes partial uploads older than `max_age`: what a crash left
    /// behind. Younger ones may belong to uploads in flight.
    pub fn remove_stale_partials(&self, max_age: std::time::Duration) -> Result<usize> {
        let mut removed = 0;
        for entry in std::fs::read_dir(&self.config.attachments_dir)? {
            let entry = entry?;
            let partial = entry.file_name().to_string_lossy().starts_with(".partial-");
            let old = entry
                .metadata()?
                .modified()?
                .elapsed()
                .is_ok_and(|age| age > max_age);
            if partial && old && std::fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Deletes uploads never attached to a message within `max_age` (the
    /// client gave up), rows and files; answers how many.
    pub fn remove_unattached(&self, max_age: chrono::Duration) -> Result<usize> {
        let cutoff = super::fmt_time(chrono::Utc::now() - max_age);
        let ids: Vec<String> = self.write(|tx| {
            let ids = tx
                .prepare("SELECT id FROM attachments WHERE message_id IS NULL AND created_at < ?1")?
                .query_map([&cutoff], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            for id in &ids {
                tx.execute("DELETE FROM attachments WHERE id = ?1", [id])?;
            }
            Ok(ids)
        })?;
        for id in &ids {
            // Gone already is as good as deleted.
            let _ = std::fs::remove_file(self.attachment_path(id));
        }
        Ok(ids.len())
    }

    /// Deletes the uploads `ids` (rows and files) that are still attached to
    /// no message: the e-mail channel saved them for a mail it then did not
    /// file, and nothing of a mail that is not filed stays on disk.
    pub fn discard_unattached(&self, ids: &[String]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let gone: Vec<String> = self.write(|tx| {
            let mut gone = Vec::new();
            for id in ids {
                let n = tx.execute(
                    "DELETE FROM attachments WHERE id = ?1 AND message_id IS NULL",
                    [id],
                )?;
                if n > 0 {
                    gone.push(id.clone());
                }
            }
            Ok(gone)
        })?;
        for id in &gone {
            let _ = std::fs::remove_file(self.attachment_path(id));
        }
        Ok(())
    }

    /// Stores the content of `reader` as a new attachment of the actor's
    /// account, in constant memory; 413 past the size limit (nothing kept).
    /// For callers without a stream of their own, such as the e-mail channel.
    pub fn save_attachment(
        &self,
        actor: &Actor,
        filename: &str,
        content_type: Option<&str>,
        reader: &mut dyn Read,
    ) -> Result<Attachment> {
        let filename = sanitize_filename(filename).map_err(|m| Error::invalid("filename", m))?;
        let limit = self.config.limits.max_attachment_bytes;
        let upload = self.begin_upload()?;
        let mut file = upload.file()?;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                break;
            }
            size += n as u64;
            if size > limit {
                return Err(too_large(limit));
            }
            hasher.update(&buf[..n]);
            file.write_all(&buf[..n])?;
        }
        file.sync_all()?;
        drop(file);
        let sha = hex::encode(hasher.finalize());
        self.finish_upload(
            actor,
            upload,
            &filename,
            &clean_content_type(content_type),
            size,
            &sha,
            // The e-mail channel attaches what it saves at once.
            None,
        )
    }

    /// An attachment the actor may read and the file holding it. Customers:
    /// their account's, never a note's (404 like another account's), 403
    /// outside their categories. Agents: their own uploads, and files of
    /// tickets in their categories (404 outside them).
    pub fn attachment(&self, actor: &Actor, id: &str) -> Result<(Attachment, PathBuf)> {
        let conn = self.conn()?;
        let not_found = || Error::NotFound(msg!("problem-no-attachment", id = id));
        let (holder, attachment) = load_attachment(&conn, id)?.ok_or_else(not_found)?;
        let ticket: Option<(String, String)> = match holder.message_id {
            Some(message_id) => Some(conn.query_row(
                "SELECT t.category, m.kind FROM messages m JOIN tickets t ON t.id = m.ticket_id
                 WHERE m.id = ?1",
                [message_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?),
            None => None,
        };
        match actor {
            Actor::Customer(p) => {
                if holder.account_id != Some(p.account_id) {
                    return Err(not_found());
                }
                if let Some((category, kind)) = ticket {
                    if kind == "note" {
                        return Err(not_found());
                    }
                    p.check_category(&category)?;
                }
            }
            Actor::Agent(a) => match ticket {
                Some((category, _)) if a.allows(&category) => {}
                None if holder.agent_id == Some(a.agent_id) => {}
                _ => return Err(not_found()),
            },
        }
        let path = self.attachment_path(&attachment.id);
        Ok((attachment, path))
    }
}

pub(crate) fn too_large(limit: u64) -> Error {
    Error::TooLarge(msg!("problem-attachment-too-large", limit = limit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filenames_lose_paths_and_controls() {
        assert_eq!(sanitize_filename("../../etc/passwd").unwrap(), "passwd");
        assert_eq!(
            sanitize_filename("C:\\Users\\x\\a b.pdf").unwrap(),
            "a b.pdf"
        );
        assert_eq!(
            sanitize_filename("evil\r\nname\".txt").unwrap(),
            "evilname.txt"
        );
        assert_eq!(sanitize_filename("..hidden").unwrap(), "hidden");
        assert!(sanitize_filename("dir/").is_err());
        assert!(sanitize_filename("..").is_err());
    }
}
