//! Uploading files (streamed to disk in constant memory, hashed on the way)
//! and downloading them again, byte for byte.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use futures_util::StreamExt;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use tokio_util::io::ReaderStream;
use utoipa::IntoParams;

use crate::api::{Attachment, Problem};
use crate::desk::error::{Error, Result};
use crate::desk::store::attachments::{clean_content_type, sanitize_filename, too_large};

use super::{conn, content_length, created, ApiPath, ApiQuery, AppState, Auth, Unauthorized};

/// Bytes of a download read from its file at a time.
const DOWNLOAD_CHUNK: usize = 64 * 1024;

/// Uploads one account may hold that are not attached to any message yet.
/// A client attaching what it uploads never comes near it; a leaked token
/// cannot fill the disk with files nobody attaches (they are deleted after
/// 7 days, at the next start).
pub const MAX_PENDING_UPLOADS: i64 = 100;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name; any directory part is dropped.
    pub filename: Option<String>,
}

/// Upload a file as the raw request body (Content-Type = the file's type).
/// Reference the answered id from a new ticket or reply.
#[utoipa::path(
    post,
    path = "/v1/attachments",
    operation_id = "upload_attachment",
    tag = "attachments",
    security(("bearer" = [])),
    params(UploadQuery),
    request_body(
        description = "The file's bytes; Content-Type is stored as the file's type",
        content_type = "application/octet-stream"
    ),
    responses(
        (status = 201, body = Attachment),
        Unauthorized,
        (status = 409, description = "Too many uploads not yet attached; nothing is stored", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than the desk's limit; nothing is stored", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No usable file name", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiQuery(query): ApiQuery<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response> {
    let filename = sanitize_filename(query.filename.as_deref().unwrap_or_default())
        .map_err(|m| Error::invalid("filename", m))?;
    let limit = state.store.config().limits.max_attachment_bytes;
    if content_length(&headers).is_some_and(|len| len > limit) {
        return Err(too_large(limit));
    }
    let content_type = clean_content_type(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
    );

    // Dropping `upload` on any early return deletes the partial file.
    let upload = state.store.begin_upload()?;
    let mut file = tokio::fs::File::from_std(upload.file()?);
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            let e = e.into_inner();
            match e.downcast_ref::<conn::TooSlow>() {
                Some(slow) => Error::TooSlow(slow.to_string().into()),
                None => Error::BadRequest(format!("the upload was interrupted: {e}").into()),
            }
        })?;
        size += chunk.len() as u64;
        if size > limit {
            return Err(too_large(limit));
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await?;
    }
    // tokio's File writes in the background: the last write's error (a
    // full disk) surfaces only on flush, never on sync_all, and without
    // it a truncated file would be stored as complete.
    file.flush().await?;
    file.sync_all().await?;
    drop(file);
    let sha256 = hex::encode(hasher.finalize());

    let attachment = state
        .run(move |store| {
            store.finish_upload(
                &actor,
                upload,
                &filename,
                &content_type,
                size,
                &sha256,
                Some(MAX_PENDING_UPLOADS),
            )
        })
        .await?;
    tracing::info!(id = %attachment.id, size, "attachment stored");
    Ok(created(attachment))
}

/// Download an attachment of this account, exactly as uploaded.
#[utoipa::path(
    get,
    path = "/v1/attachments/{id}",
    operation_id = "download_attachment",
    tag = "attachments",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "Attachment id")),
    responses(
        (status = 200, description = "The file's bytes", content_type = "application/octet-stream"),
        Unauthorized,
        (status = 403, description = "On a ticket outside these credentials' categories", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such attachment in this account", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn download(
    State(state): State<AppState>,
    Auth(actor): Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Response> {
    let (attachment, path) = state
        .run(move |store| store.attachment(&actor, &id))
        .await?;
    let file = tokio::fs::File::open(&path).await?;
    let content_type = HeaderValue::from_str(served_type(&attachment.content_type))
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CONTENT_LENGTH, attachment.size)
        .header(
            header::CONTENT_DISPOSITION,
            content_disposition(&attachment.filename),
        )
        .header("x-content-sha256", &attachment.sha256)
        // The type is the uploader's word: browsers must not second-guess
        // it into something they would run, and whatever they show runs
        // nothing (no scripts, no forms, no same-origin access).
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::CONTENT_SECURITY_POLICY, "sandbox")
        // 64 KiB a read: ReaderStream's default 4 KiB made the desk's own
        // syscalls the limit of a download (about 120 MB/s here).
        .body(Body::from_stream(ReaderStream::with_capacity(
            file,
            DOWNLOAD_CHUNK,
        )))
        .map_err(|e| Error::Internal(e.to_string()))
}

/// Types a browser shows without running anything; the rest (HTML, SVG,
/// XML, JavaScript, ...: anything it would render or execute) is sent as
/// `application/octet-stream`. The uploader's type stays in the metadata.
pub(crate) const INERT_TYPES: &[&str] = &[
    "text/plain",
    "text/csv",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "application/zip",
];

/// The `Content-Type` a download is sent with.
pub(crate) fn served_type(uploaded: &str) -> &str {
    let essence = uploaded.split(';').next().unwrap_or("").trim();
    if INERT_TYPES.iter().any(|t| essence.eq_ignore_ascii_case(t)) {
        uploaded
    } else {
        "application/octet-stream"
    }
}

/// `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>`
/// (RFC 6266), so any name survives and none can break the header.
fn content_disposition(filename: &str) -> HeaderValue {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .filter(|c| *c != '"' && *c != '\\')
        .collect();
    let mut encoded = String::new();
    for b in filename.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or(HeaderValue::from_static("attachment"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disposition_keeps_names_safe() {
        let v = content_disposition("año \"x\".pdf");
        let s = v.to_str().unwrap();
        assert!(s.starts_with("attachment; filename=\"a_o x.pdf\""), "{s}");
        assert!(s.contains("filename*=UTF-8''a%C3%B1o%20%22x%22.pdf"), "{s}");
    }
}
