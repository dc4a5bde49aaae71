//! Writing a message (new ticket or reply): the text from a flag, a file,
//! stdin or an editor, and attachments checked against the desk's limits
//! before a byte is sent, then uploaded with progress on a terminal.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use super::ctx::Ctx;
use super::error::{CliError, Result};
use super::prompt;
use crate::api::{Attachment, Limits};
use crate::client::FieldFlags;

/// How to give a message, for errors that ask for one.
pub const MESSAGE_FLAGS: &str = "--message TEXT or --message-file FILE (- for standard input)";

/// The message flags shared by `ticket open` and `ticket reply`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct MessageArgs {
    /// The message text (`-` reads it from standard input)
    #[arg(
        short = 'm',
        long,
        value_name = "TEXT",
        conflicts_with = "message_file"
    )]
    pub message: Option<String>,

    /// Read the message from FILE (`-` for standard input)
    #[arg(short = 'F', long, value_name = "FILE")]
    pub message_file: Option<PathBuf>,
}

impl MessageArgs {
    /// Whether `--message` or `--message-file` was given.
    pub fn given(&self) -> bool {
        self.message.is_some() || self.message_file.is_some()
    }

    /// The text from `--message` or `--message-file`, if either was given.
    pub fn read(&self) -> Result<Option<String>> {
        // `--message -` means standard input, as `-F -` does: a literal
        // "-" is never what anyone means to send.
        if let Some(m) = &self.message {
            if m.trim() != "-" {
                return Ok(Some(m.clone()));
            }
            return read_stdin().map(Some);
        }
        let Some(file) = &self.message_file else {
            return Ok(None);
        };
        let text = if file.as_os_str() == "-" {
            read_stdin()?
        } else {
            std::fs::read_to_string(file).map_err(|e| {
                CliError::usage(format!(
                    "cannot read --message-file {}: {e}",
                    file.display()
                ))
            })?
        };
        Ok(Some(text))
    }
}

fn read_stdin() -> Result<String> {
    let mut s = String::new();
    std::io::stdin()
        .read_to_string(&mut s)
        .context("cannot read the message from standard input")?;
    Ok(s)
}

/// Asks for the message: in `$VISUAL`/`$EDITOR` when one is set, else typed
/// on one line.
pub fn ask_message(what: &str) -> Result<String> {
    let has_editor = ["VISUAL", "EDITOR"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|e| !e.is_empty()));
    if has_editor {
        let template = format!("\n# Write the {what} above. Lines starting with # are dropped.\n");
        let edited = super::interrupt::while_editing(|| dialoguer::Editor::new().edit(&template))
            .context("cannot run the editor ($VISUAL / $EDITOR)")?;
        let text: String = edited
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        Ok(text.trim().to_string())
    } else {
        prompt::text(&format!(
            "{} (one line; set $EDITOR for more)",
            capitalize(what)
        ))
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Rejects an empty or oversized message, naming the flags.
pub fn check_message(text: &str, limits: &Limits) -> Result<String> {
    let text = text.trim_end().to_string();
    if text.trim().is_empty() {
        return Err(CliError::usage(
            "the message is empty: pass --message TEXT or --message-file FILE",
        ));
    }
    if text.len() as u64 > limits.max_message_bytes {
        return Err(CliError::usage(format!(
            "the message is {} bytes; the desk takes at most {} bytes (--message / --message-file)",
            text.len(),
            limits.max_message_bytes
        )));
    }
    Ok(text)
}

/// A local file about to be uploaded.
#[derive(Debug, Clone)]
pub struct LocalFile {
    pub path: PathBuf,
    pub filename: String,
    pub size: u64,
}

/// Checks one attachment: exists, is a file, within the size limit.
pub fn check_file(path: &Path, limits: &Limits) -> Result<LocalFile> {
    let meta = std::fs::metadata(path)
        .map_err(|e| CliError::usage(format!("cannot attach {}: {e}", path.display())))?;
    if !meta.is_file() {
        return Err(CliError::usage(format!(
            "cannot attach {}: not a regular file",
            path.display()
        )));
    }
    if meta.len() > limits.max_attachment_bytes {
        return Err(CliError::usage(format!(
            "cannot attach {}: it is {} and the desk takes at most {} ({} bytes) per file",
            path.display(),
            super::output::size(meta.len()),
            super::output::size(limits.max_attachment_bytes),
            limits.max_attachment_bytes
        )));
    }
    let filename = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| {
            CliError::usage(format!("cannot attach {}: no file name", path.display()))
        })?;
    Ok(LocalFile {
        path: path.to_path_buf(),
        filename,
        size: meta.len(),
    })
}

/// Checks every attachment and their count.
pub fn check_files(paths: &[PathBuf], limits: &Limits) -> Result<Vec<LocalFile>> {
    check_count(paths.len(), limits)?;
    paths.iter().map(|p| check_file(p, limits)).collect()
}

pub fn check_count(n: usize, limits: &Limits) -> Result<()> {
    if n as u64 > limits.max_attachments_per_message as u64 {
        return Err(CliError::usage(format!(
            "{n} attachments given; the desk takes at most {} per message",
            limits.max_attachments_per_message
        )));
    }
    Ok(())
}

/// Asks for attachment paths until an empty answer, re-asking on a bad one.
pub fn ask_files(ctx: &mut Ctx, limits: &Limits) -> Result<Vec<LocalFile>> {
    let mut files = vec![];
    while (files.len() as u64) < limits.max_attachments_per_message as u64 {
        let answer = prompt::optional_text("Attach a file (path, empty to finish)")?;
        if answer.is_empty() {
            break;
        }
        match check_file(Path::new(&answer), limits) {
            Ok(f) => files.push(f),
            Err(e) => ctx.note(format!("{e}"))?,
        }
    }
    Ok(files)
}

/// The flag behind each field of `POST /v1/attachments`, for the desk's errors.
const UPLOAD_FIELDS: FieldFlags = &[("filename", "-a/--attach")];

/// Uploads the files in order; a progress bar per file on a terminal.
pub fn upload(ctx: &mut Ctx, files: &[LocalFile]) -> Result<Vec<Attachment>> {
    let progress = ctx.show_progress();
    let client = ctx.client()?;
    let mut out = vec![];
    for f in files {
        let bar = if progress {
            let bar = ProgressBar::new(f.size);
            bar.set_style(
                ProgressStyle::with_template(
                    "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}",
                )
                .expect("valid template")
                .progress_chars("=> "),
            );
            bar.set_message(f.filename.clone());
            bar
        } else {
            ProgressBar::hidden()
        };
        let wrap_bar = bar.clone();
        let result = client.upload(&f.path, &f.filename, content_type(&f.filename), &|file| {
            wrap_bar.set_position(0);
            Box::new(wrap_bar.wrap_read(file))
        });
        bar.finish_and_clear();
        out.push(result.map_err(|e| e.naming_flags(UPLOAD_FIELDS))?);
    }
    Ok(out)
}

/// The Content-Type of an upload, from its extension.
pub fn content_type(filename: &str) -> &'static str {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "log" | "md" => "text/plain",
        "csv" => "text/csv",
        "html" | "htm" => "text/html",
        "css" => "text/css",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        _ => "application/octet-stream",
    }
}

/// The desk's limits (no login needed).
pub fn limits(ctx: &mut Ctx) -> Result<Limits> {
    Ok(ctx.public_client()?.get("/v1/limits")?)
}
