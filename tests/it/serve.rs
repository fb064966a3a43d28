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

#[test]
fn serve_answers_on_loopback_and_refuses_traversal() {
    let site = TestSite::fixture("minimal");
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = bin()
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _server = Server(child);
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let home = get(port, "/ja/");
    assert!(home.starts_with("HTTP/1.1 200"), "{home}");
    assert!(home.contains("text/html; charset=utf-8"));
    assert!(get(port, "/en/regions").starts_with("HTTP/1.1 301"));
    assert!(get(port, "/ja/%2e%2e/%2e%2e/etc/passwd").starts_with("HTTP/1.1 403"));
    assert!(get(port, "/../Cargo.toml").starts_with("HTTP/1.1 403"));
    assert!(get(port, "/nope/").starts_with("HTTP/1.1 404"));
}
