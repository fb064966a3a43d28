//! Render one Markdown file with the site's renderer, as `build` would if `check` were
//! skipped, and print the output's size and the time taken (`benches/markdown.py` runs it
//! on each pathological text, under `/usr/bin/time -v` for the peak memory).
//!
//!     cargo run --release --example render_markdown -- FILE.md

use std::time::Instant;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: render_markdown FILE.md");
        return std::process::ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let html = casebook::render::markdown::render(&text);
    println!(
        "{} bytes in, {} bytes out, {:.3} s",
        text.len(),
        html.len(),
        start.elapsed().as_secs_f64()
    );
    std::process::ExitCode::SUCCESS
}
