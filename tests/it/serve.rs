//! `casebook serve`: serves the built site on 127.0.0.1 and refuses paths outside it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::{bin, TestSite};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

/// Start `casebook serve` on a free port and wait until it answers.
fn start(site: &TestSite) -> (Server, u16) {
    start_logging(site, Stdio::null())
}

/// [`start`], with what the server says on stderr sent to `stderr`.
fn start_logging(site: &TestSite, stderr: impl Into<Stdio>) -> (Server, u16) {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = bin()
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let server = Server(child);
    wait_until("serve to start", || {
        TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    (server, port)
}

/// Poll until `done` holds; a generous limit, since this is not a timing test.
fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "waited too long for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn serve_answers_on_loopback_and_refuses_traversal() {
    let site = TestSite::fixture("minimal");
    let (_server, port) = start(&site);
    let home = get(port, "/ja/");
    assert!(home.starts_with("HTTP/1.1 200"), "{home}");
    assert!(home.contains("text/html; charset=utf-8"));
    assert!(get(port, "/en/regions").starts_with("HTTP/1.1 301"));
    assert!(get(port, "/ja/%2e%2e/%2e%2e/etc/passwd").starts_with("HTTP/1.1 403"));
    assert!(get(port, "/../Cargo.toml").starts_with("HTTP/1.1 403"));
    assert!(get(port, "/nope/").starts_with("HTTP/1.1 404"));
}

/// The live preview: a change rebuilds the site and bumps the generation pages poll; an error
/// keeps the last good site under an overlay with the diagnostics; fixing it clears them. A
/// site that starts broken answers with the diagnostics until it builds.
#[test]
fn serve_rebuilds_on_changes_and_overlays_errors() {
    let site = TestSite::fixture("minimal");
    let region = "content/regions/north-area.yaml";
    let good = std::fs::read_to_string(site.root().join(region)).unwrap();
    let broken = good.replace("parent: sample-pref", "parent: sample-prf");
    assert_ne!(good, broken, "the fixture names its parent");
    site.write(region, &broken);
    let (_server, port) = start(&site);
    let generation = || {
        get(port, "/__casebook/live")
            .rsplit("\r\n")
            .next()
            .unwrap()
            .to_owned()
    };

    let page = get(port, "/ja/regions/north-area/");
    assert!(page.starts_with("HTTP/1.1 500"), "{page}");
    assert!(page.contains("error[unknown-reference]: region `sample-prf` does not exist"));
    assert!(
        page.contains("/__casebook/live.js"),
        "the error page reloads itself"
    );

    site.write(region, &good);
    wait_until("the fixed site", || {
        get(port, "/ja/regions/north-area/").starts_with("HTTP/1.1 200")
    });
    let page = get(port, "/ja/regions/north-area/");
    assert!(!page.contains("casebook-errors"), "{page}");
    let script = format!("data-generation=\"{}\"", generation());
    assert!(page.contains(&script), "{script} in {page}");
    assert!(get(port, "/__casebook/live.js").contains("location.reload()"));

    let before = generation();
    site.write(region, &good.replace("北部圏域", "北部圏域（改）"));
    wait_until("a rebuild", || generation() != before);
    assert!(get(port, "/ja/regions/north-area/").contains("北部圏域（改）"));

    site.write(region, &broken.replace("北部圏域", "北部圏域（誤）"));
    wait_until("the overlay", || {
        get(port, "/ja/regions/north-area/").contains("casebook-errors")
    });
    let page = get(port, "/ja/regions/north-area/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(
        page.contains("北部圏域（改）"),
        "the last good build is still served"
    );
    assert!(!page.contains("北部圏域（誤）"));

    // Editors' scratch files and the output directory do not rebuild the site.
    let settled = generation();
    site.write("content/regions/.north-area.yaml.swp", "x");
    site.write("public/ja/index.html", "x");
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(generation(), settled);

    site.write(region, &good);
    wait_until("the overlay to go", || {
        !get(port, "/ja/regions/north-area/").contains("casebook-errors")
    });
}

/// The page's body as served, and whether it carries the error overlay.
fn page_state(port: u16, path: &str) -> (String, bool) {
    let page = get(port, path);
    let errors = page.contains("casebook-errors");
    (page, errors)
}

/// A branch switch deletes and restores `content/`; an editor or a script may move it away and
/// back. The preview says the content is missing while it is, then rebuilds when it returns,
/// and keeps watching the restored directory (issue #20).
#[test]
fn serve_survives_content_deleted_moved_and_restored() {
    let site = TestSite::fixture("minimal");
    let content = site.root().join("content");
    let region = "content/regions/north-area.yaml";
    let good = std::fs::read_to_string(site.root().join(region)).unwrap();
    let log_dir = tempfile::tempdir().unwrap();
    let log = log_dir.path().join("stderr.txt");
    let (_server, port) = start_logging(&site, std::fs::File::create(&log).unwrap());
    let page = "/ja/regions/north-area/";
    assert!(get(port, page).starts_with("HTTP/1.1 200"));
    let saved = tempfile::tempdir().unwrap();
    crate::support::copy_dir(&content, saved.path());

    // Deleted: the last good build, under the error.
    std::fs::remove_dir_all(&content).unwrap();
    wait_until("the overlay for a missing content/", || {
        page_state(port, page).1
    });
    let (shown, _) = page_state(port, page);
    assert!(
        shown.contains("cannot read the content directory"),
        "{shown}"
    );
    // The terminal says why too, and the watches lost with the directory are not an alarm.
    let said = std::fs::read_to_string(&log).unwrap();
    assert!(
        said.contains("error: cannot read the content directory"),
        "{said}"
    );
    assert!(!said.contains("remove"), "{said}");
    // Restored: built again, and edits inside it are seen.
    crate::support::copy_dir(saved.path(), &content);
    wait_until("the restored content", || !page_state(port, page).1);
    site.write(region, &good.replace("北部圏域", "北部圏域（復）"));
    wait_until("an edit in the restored content/", || {
        get(port, page).contains("北部圏域（復）")
    });

    // Moved away: the error again, and edits in the moved directory are not the site's.
    let away = site.root().join("content-away");
    std::fs::rename(&content, &away).unwrap();
    wait_until("the overlay for a moved content/", || {
        page_state(port, page).1
    });
    // Moved back: built again, and edits are seen.
    std::fs::rename(&away, &content).unwrap();
    wait_until("the moved-back content", || !page_state(port, page).1);
    site.write(region, &good.replace("北部圏域", "北部圏域（戻）"));
    wait_until("an edit in the moved-back content/", || {
        get(port, page).contains("北部圏域（戻）")
    });
    // A directory made inside it afterwards is watched too.
    site.write(
        "content/pages/later.yaml",
        "title: {ja: 後で, en: Later}\nbody: {ja: 本文, en: Body}\n",
    );
    wait_until("a page in a new file", || {
        get(port, "/ja/pages/later/").starts_with("HTTP/1.1 200")
    });
}

/// A link from `content/` to `/` is an error at the link, and the watcher does not walk the
/// file system through it: the server stays up and answers, and builds once the link is gone.
#[cfg(unix)]
#[test]
fn serve_never_follows_a_link_out_of_the_root() {
    let site = TestSite::fixture("minimal");
    let link = site.root().join("content/regions/everything");
    std::os::unix::fs::symlink("/", &link).unwrap();
    let (mut server, port) = start(&site);
    let page = get(port, "/ja/");
    assert!(page.starts_with("HTTP/1.1 500"), "{page}");
    assert!(
        page.contains("content/regions/everything:1:1: error[symlink-outside-root]"),
        "{page}"
    );
    std::fs::remove_file(&link).unwrap();
    wait_until("the site to build", || {
        get(port, "/ja/").starts_with("HTTP/1.1 200")
    });
    assert!(
        server.0.try_wait().unwrap().is_none(),
        "serve is still running"
    );
}
