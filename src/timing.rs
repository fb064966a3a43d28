//! Per-phase timings for profiling a build: set `CASEBOOK_TIMINGS=1` and each phase prints
//! its wall time to stderr (`timing: render pages 4.12 s`). Off by default; the output of a
//! build does not depend on it.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CASEBOOK_TIMINGS").is_some_and(|v| !v.is_empty()))
}

/// Run `f`, and print how long it took when timings are enabled.
pub fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let out = f();
    eprintln!("timing: {name} {:.2} s", start.elapsed().as_secs_f64());
    out
}
