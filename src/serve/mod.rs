//! `casebook serve`: build the site in memory and serve it on 127.0.0.1 only, rebuilding
//! when the sources change (`live`).
//!
//! Request paths are percent-decoded and resolved inside the built file set; a path with
//! `..`, a backslash or a NUL is refused (403), so nothing outside the output can be reached.
//! Pages get a small script that reloads them after a rebuild, and, while the latest build
//! has errors, an overlay with its diagnostics over the last good build. Nothing is written
//! to disk.

mod live;

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddrV4};
use std::path::Path;
use std::sync::{Arc, RwLock};

use anyhow::{anyhow, Context as _};

use crate::build::Status;
use crate::write::OutputFile;

/// What a request resolves to.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved<'a> {
    File(&'a str, &'a [u8]),
    /// A directory asked for without its trailing slash.
    Redirect(String),
    NotFound,
    Forbidden,
}

/// The built site, kept in memory, served under the configured `base_path` as it will be
/// published (links in the pages start with it).
pub struct Files {
    files: BTreeMap<String, Vec<u8>>,
    base: String,
}

impl Files {
    pub fn new(files: Vec<OutputFile>) -> Files {
        Files::with_base(files, "/")
    }

    /// `base`: `/` or `/dir/`, as the configuration normalises it.
    pub fn with_base(files: Vec<OutputFile>, base: &str) -> Files {
        Files {
            files: files.into_iter().map(|f| (f.path, f.bytes)).collect(),
            base: base.to_owned(),
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Resolve a request target (`/ja/regions/?q=1`) to a file of the site.
    pub fn resolve(&self, target: &str) -> Resolved<'_> {
        let raw = target.split(['?', '#']).next().unwrap_or("/");
        let Ok(path) = percent_encoding::percent_decode_str(raw).decode_utf8() else {
            return Resolved::Forbidden;
        };
        if path.contains('\\')
            || path.contains('\0')
            || path.split('/').any(|seg| seg == ".." || seg == ".")
        {
            return Resolved::Forbidden;
        }
        let Some(rel) = path.strip_prefix(self.base.as_str()) else {
            return if format!("{path}/") == self.base || path == "/" {
                Resolved::Redirect(self.base.clone())
            } else {
                Resolved::NotFound
            };
        };
        let key = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_owned()
        };
        if let Some((k, v)) = self.files.get_key_value(&key) {
            return Resolved::File(k, v);
        }
        if self.files.contains_key(&format!("{rel}/index.html")) {
            return Resolved::Redirect(format!("{}{rel}/", self.base));
        }
        Resolved::NotFound
    }

    fn not_found_page(&self, target: &str) -> &[u8] {
        let key = if target.starts_with(&format!("{}en/", self.base)) {
            "en/404.html"
        } else {
            "ja/404.html"
        };
        self.files
            .get(key)
            .map_or(b"not found".as_slice(), Vec::as_slice)
    }
}

pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

pub fn serve(root: &Path, port: u16) -> anyhow::Result<Status> {
    let root = root
        .canonicalize()
        .with_context(|| format!("reading the site root {}", root.display()))?;
    let state: live::Live = Arc::new(RwLock::new(live::Build {
        files: Files::new(Vec::new()),
        errors: None,
        generation: 0,
    }));
    live::rebuild(&root, &state);
    let addr = SocketAddrV4::new(Ipv4Addr::LOCALHOST, port);
    let server = tiny_http::Server::http(addr)
        .map_err(|e| anyhow!("{e}"))
        .with_context(|| format!("listening on {addr}"))?;
    live::watch(root.clone(), Arc::clone(&state))?;
    let base = state
        .read()
        .map_or_else(|_| "/".to_owned(), |b| b.files.base().to_owned());
    log::info!(
        "serving {} at http://{addr}{base} and rebuilding on changes (Ctrl-C to stop)",
        root.display()
    );
    for request in server.incoming_requests() {
        let target = request.url().to_owned();
        let build = state
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let response = answer(&build, &target);
        drop(build);
        let _ = request.respond(response);
    }
    Ok(Status::Success)
}

/// The response to one request, from the current build.
fn answer(build: &live::Build, target: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let html = "text/html; charset=utf-8";
    if let Some(own) = target.strip_prefix(live::PREFIX) {
        return match own.split(['?', '#']).next() {
            Some("live") => respond(200, build.generation.to_string().as_bytes(), "text/plain"),
            Some("live.js") => respond(200, live::SCRIPT.as_bytes(), content_type("live.js")),
            _ => respond(404, b"not found", "text/plain; charset=utf-8"),
        };
    }
    let errors = build.errors.as_deref();
    if build.files.is_empty() {
        let page = live::error_page(build.generation, errors.unwrap_or("no site yet"));
        return respond(500, &page, html);
    }
    let page = |status, bytes: &[u8]| {
        respond(status, &live::inject(bytes, build.generation, errors), html)
    };
    match build.files.resolve(target) {
        Resolved::File(path, bytes) if content_type(path) == html => page(200, bytes),
        Resolved::File(path, bytes) => respond(200, bytes, content_type(path)),
        Resolved::Redirect(to) => {
            respond(301, b"", "text/plain").with_header(header("Location", &to))
        }
        Resolved::Forbidden => respond(403, b"forbidden", "text/plain; charset=utf-8"),
        Resolved::NotFound => page(404, build.files.not_found_page(target)),
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|()| {
        tiny_http::Header::from_bytes(&b"X-Invalid"[..], &b"1"[..])
            .expect("a static header is valid")
    })
}

fn respond(status: u16, body: &[u8], ctype: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_data(body.to_vec())
        .with_status_code(status)
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-cache"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Files {
        Files::new(vec![
            OutputFile::new("index.html", "root"),
            OutputFile::new("ja/index.html", "ja"),
            OutputFile::new("ja/regions/index.html", "r"),
            OutputFile::new("static/style.css", "css"),
        ])
    }

    #[test]
    fn directories_serve_their_index_and_redirect_without_a_slash() {
        let f = files();
        assert_eq!(f.resolve("/"), Resolved::File("index.html", b"root"));
        assert_eq!(
            f.resolve("/ja/?q=x"),
            Resolved::File("ja/index.html", b"ja")
        );
        assert_eq!(
            f.resolve("/ja/regions"),
            Resolved::Redirect("/ja/regions/".into())
        );
        assert_eq!(
            f.resolve("/static/style.css"),
            Resolved::File("static/style.css", b"css")
        );
        assert_eq!(f.resolve("/nope"), Resolved::NotFound);
    }

    #[test]
    fn a_site_with_a_base_path_is_served_under_it() {
        let f = Files::with_base(
            vec![
                OutputFile::new("index.html", "root"),
                OutputFile::new("ja/regions/index.html", "r"),
            ],
            "/handbook/",
        );
        assert_eq!(f.resolve("/"), Resolved::Redirect("/handbook/".into()));
        assert_eq!(
            f.resolve("/handbook"),
            Resolved::Redirect("/handbook/".into())
        );
        assert_eq!(
            f.resolve("/handbook/"),
            Resolved::File("index.html", b"root")
        );
        assert_eq!(
            f.resolve("/handbook/ja/regions"),
            Resolved::Redirect("/handbook/ja/regions/".into())
        );
        assert_eq!(
            f.resolve("/handbook/ja/regions/"),
            Resolved::File("ja/regions/index.html", b"r")
        );
        assert_eq!(f.resolve("/ja/regions/"), Resolved::NotFound);
        assert_eq!(f.resolve("/handbook/../x"), Resolved::Forbidden);
    }

    #[test]
    fn paths_outside_the_output_are_refused() {
        let f = files();
        for bad in [
            "/../etc/passwd",
            "/ja/%2e%2e/%2e%2e/etc/passwd",
            "/ja/..%2F..%2Fetc",
            "/a\\b",
            "/%00",
            "/%FF",
        ] {
            assert_eq!(f.resolve(bad), Resolved::Forbidden, "{bad}");
        }
    }
}
