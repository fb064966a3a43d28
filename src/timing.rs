//! Per-phase timings for profiling a build: with `CASEBOOK_LOG=debug` each phase logs its
//! wall time to stderr (`debug: render pages 4.12 s`). The output of a build does not depend
//! on it.

use std::time::Instant;

/// Run `f`, and log how long it took at the debug level.
pub fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !log::log_enabled!(log::Level::Debug) {
        return f();
    }
    let start = Instant::now();
    let out = f();
    log::debug!("{name} {:.2} s", start.elapsed().as_secs_f64());
    out
}
