//! `ecolo ticket download`: every attachment of a ticket into one directory.
//! Names come from the desk, so they are reduced to a bare file name (never
//! a path out of the directory); existing files are kept unless `--force`;
//! each file lands under its name only once its SHA-256 matches.

use crate::t;
use std::collections::HashSet;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::api::{Attachment, TicketDetail};
use crate::cli::error::{CliError, Result};
use crate::cli::Ctx;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Ticket number, e.g. 482913
    #[arg(value_parser = super::parse_number, value_name = "NUMBER")]
    pub number: u32,

    /// Directory to save into (created if missing)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub to: PathBuf,

    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
}

/// `--json`: one entry per saved file.
#[derive(Debug, Serialize)]
pub struct Saved {
    pub filename: String,
    pub path: PathBuf,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct SavedList(pub Vec<Saved>);

impl fmt::Display for SavedList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.0 {
            writeln!(f, "{}", s.path.display())?;
        }
        Ok(())
    }
}

/// A safe file name from the desk's: no directories, no `..`, no control
/// characters; empty names become the attachment id.
pub fn safe_name(filename: &str, id: &str) -> String {
    let base = filename
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>();
    let base = base.trim().trim_start_matches('.').to_string();
    if base.is_empty() {
        format!("attachment-{id}")
    } else {
        base
    }
}

pub fn run(args: Args, ctx: &mut Ctx) -> Result<()> {
    let detail: TicketDetail = ctx.client()?.get(&super::path(args.number))?;
    let attachments: Vec<&Attachment> = detail
        .messages
        .iter()
        .flat_map(|m| m.attachments.iter())
        .collect();
    if attachments.is_empty() {
        if ctx.err_tty && !ctx.json {
            ctx.note(t!("download-none", number = args.number.to_string()))?;
        }
        return ctx.print(&SavedList(vec![]));
    }

    // Decide every target first, so nothing is written when one would
    // overwrite a file.
    let mut used = HashSet::new();
    let mut plan: Vec<(&Attachment, PathBuf)> = vec![];
    for a in &attachments {
        let mut name = safe_name(&a.filename, &a.id);
        if !used.insert(name.clone()) {
            name = format!("{}-{name}", a.id);
            used.insert(name.clone());
        }
        let target = args.to.join(&name);
        if target.exists() && !args.force {
            return Err(CliError::usage(t!(
                "download-exists",
                path = target.display().to_string()
            )));
        }
        plan.push((a, target));
    }
    std::fs::create_dir_all(&args.to).with_context(|| {
        t!(
            "download-cannot-create",
            path = args.to.display().to_string()
        )
    })?;

    let progress = ctx.show_progress();
    let client = ctx.client()?;
    let mut saved = vec![];
    for (a, target) in plan {
        let bar = if progress {
            let bar = ProgressBar::new(a.size);
            bar.set_style(
                ProgressStyle::with_template("{msg} [{bar:30}] {bytes}/{total_bytes}")
                    .expect("valid template")
                    .progress_chars("=> "),
            );
            bar.set_message(a.filename.clone());
            bar
        } else {
            ProgressBar::hidden()
        };
        let dir = target.parent().unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| {
            t!(
                "download-cannot-write-into",
                path = dir.display().to_string()
            )
        })?;
        let mut sink = HashingWriter {
            inner: bar.wrap_write(tmp.as_file_mut()),
            hash: Sha256::new(),
        };
        let size = client.download(&a.id, &mut sink)?;
        sink.flush().context(t!("download-cannot-write"))?;
        let digest = hex::encode(sink.hash.finalize());
        bar.finish_and_clear();
        if digest != a.sha256 {
            return Err(CliError::Other(anyhow::anyhow!(t!(
                "download-damaged",
                filename = a.filename.as_str(),
                digest = digest.as_str(),
                expected = a.sha256.as_str()
            ))));
        }
        if args.force {
            tmp.persist(&target)
        } else {
            tmp.persist_noclobber(&target)
        }
        .map_err(|e| e.error)
        .with_context(|| t!("download-cannot-save", path = target.display().to_string()))?;
        umask_mode(&target)
            .with_context(|| t!("download-cannot-chmod", path = target.display().to_string()))?;
        saved.push(Saved {
            filename: a.filename.clone(),
            path: target,
            size,
            sha256: digest,
        });
    }
    ctx.print(&SavedList(saved))
}

/// The temp file was private (0600); a saved file gets the mode any new
/// file of the user's gets (0666 minus the umask), like `curl -O`.
#[cfg(unix)]
fn umask_mode(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: umask only swaps a process-wide mask; reading it needs a set,
    // and nothing else in this process creates files meanwhile.
    let mask = unsafe {
        let m = libc::umask(0o022);
        libc::umask(m);
        m
    };
    std::fs::set_permissions(
        path,
        std::fs::Permissions::from_mode(0o666 & !(mask as u32)),
    )
}

#[cfg(not(unix))]
fn umask_mode(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

struct HashingWriter<W: Write> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn names_stay_inside_the_directory() {
        assert_eq!(safe_name("../../etc/passwd", "a1"), "passwd");
        assert_eq!(safe_name("..", "a1"), "attachment-a1");
        assert_eq!(safe_name("C:\\x\\report.pdf", "a1"), "report.pdf");
        assert_eq!(safe_name(".bashrc", "a1"), "bashrc");
        assert_eq!(safe_name("", "a1"), "attachment-a1");
        assert_eq!(safe_name("a\nb.txt", "a1"), "ab.txt");
    }
}
