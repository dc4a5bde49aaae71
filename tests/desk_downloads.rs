//! Downloads never run in the desk's origin: a file uploaded as HTML, SVG,
//! XML or JavaScript comes back as `application/octet-stream`, sandboxed
//! and not to be sniffed, while its metadata keeps the uploader's type.

mod common;
mod desk_common;

use common::Desk;
use desk_common::{expect, Api};
use reqwest::Method;

#[test]
fn renderable_uploads_download_as_octet_stream_in_a_sandbox() {
    let desk = Desk::start();
    let api = Api::new(&desk);
    let token = desk.owner_token();
    for (uploaded, served) in [
        ("text/html", "application/octet-stream"),
        ("text/html; charset=utf-8", "application/octet-stream"),
        ("image/svg+xml", "application/octet-stream"),
        ("application/xhtml+xml", "application/octet-stream"),
        ("text/xml", "application/octet-stream"),
        ("application/javascript", "application/octet-stream"),
        ("IMAGE/PNG", "IMAGE/PNG"),
        ("text/plain; charset=utf-8", "text/plain; charset=utf-8"),
    ] {
        let resp = api
            .req(Method::POST, "/v1/attachments?filename=x.bin", Some(&token))
            .header("content-type", uploaded)
            .body("<script>alert(document.cookie)</script>")
            .send()
            .unwrap();
        let meta = expect(resp, 201);
        assert_eq!(meta["content_type"], uploaded, "metadata keeps the type");
        let resp = api.get(
            &format!("/v1/attachments/{}", meta["id"].as_str().unwrap()),
            &token,
        );
        assert_eq!(resp.status(), 200);
        let h = resp.headers();
        assert_eq!(h["content-type"], served, "{uploaded}");
        assert_eq!(h["content-security-policy"], "sandbox");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert!(h["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"));
    }
}
