//! Invalid fixtures: each directory under `tests/fixtures/invalid/` is an overlay on
//! `minimal/` holding one defect and an `expected.jsonl` with the exact diagnostics
//! `casebook check` must report for it (see that directory's README).
//!
//! Each fixture is its own test, named after it (`invalid_fixture::unknown_field` checks
//! `invalid/unknown-field/`), so one failure never hides another; run one with
//! `cargo test --test it invalid_fixture::unknown_field`. Every fixture is checked the same way:
//! - `check --format json` prints exactly the expected diagnostics (severity, code, file, line,
//!   column, in order), each with the contract's seven keys, and exits 1 if any is an error,
//!   else 0; nothing panics or hangs;
//! - the human output reports the same diagnostics, each with its help, under the same counts;
//! - `check --strict` exits 1 (0 for a fixture that expects no diagnostic at all).
//!
//! A fixture may add assertions of its own after `=>`.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{bin, invalid_fixtures, tree, TestSite};

/// One test per fixture; the test's name is the directory's with `-` written `_`. A fixture's
/// own assertions follow `=>` as `|run| expression`, with `run` a `&Checked`.
macro_rules! invalid_fixtures {
    ($($test:ident $(=> |$run:ident| $then:expr)?),* $(,)?) => {
        /// The fixtures that have a test, as test names.
        const TESTED: &[&str] = &[$(stringify!($test)),*];
        $(
            #[test]
            fn $test() {
                let _checked = check(&stringify!($test).replace('_', "-"));
                $(
                    let $run = &_checked;
                    $then;
                )?
            }
        )*
    };
}

invalid_fixtures! {
    alias_bomb,
    bom_crlf,
    broken_symlink => |run| {
        run.human_shows("this link leads back to `content/`, which holds it: a loop");
        run.human_shows("this link leads to `south-area.yaml`, which does not exist");
    },
    count_wording_and_axis,
    deep_nesting,
    duplicate_id,
    editor_files => |run| run.human_shows("checked 4 records: 0 error(s), 0 warning(s)"),
    empty_file,
    era_overflow,
    id_too_long => |run| {
        run.human_shows("error[invalid-id]: the id is 101 characters long; an id has at most 100");
    },
    impossible_date_day,
    impossible_date_month,
    invalid_id,
    invalid_utf8,
    missing_as_of,
    missing_field,
    missing_target_date,
    missing_translation,
    multiple_errors,
    part_over_whole,
    percent_over_100,
    reserved_names => |run| {
        run.human_shows("`Nul` cannot be an id: Windows keeps the name for a device");
        run.human_shows("= help: add a word to the id, such as `con-region.yaml`");
        run.human_shows("in lowercase: rename it to `notes.yaml`");
        run.human_shows("in lowercase: rename it to `east-area.yaml`");
    },
    symlink_outside_root => |run| {
        run.human_shows("this link leads outside the site root, to `/dev/null`; it is not read");
    },
    unknown_field => |run| {
        run.human_shows("3 | parnet: sample-pref");
        run.human_shows("= help: did you mean `parent`?");
    },
    unknown_field_japanese_line,
    unknown_indicator,
    unknown_kind_dir => |run| run.human_shows("= help: did you mean `content/regions/`?"),
    unknown_region,
    unknown_theme,
    wrong_type,
    yaml_alias,
    yaml_syntax,
}

/// A new fixture without a test would never be checked, and a test whose fixture was deleted
/// would fail on its own: both must show up here, by name.
#[test]
fn every_fixture_directory_has_a_test_and_every_test_a_directory() {
    let mut dirs: Vec<String> = std::fs::read_dir(invalid_fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut tested: Vec<String> = TESTED.iter().map(|t| t.replace('_', "-")).collect();
    tested.sort();
    let untested: Vec<_> = dirs.iter().filter(|d| !tested.contains(d)).collect();
    let missing: Vec<_> = tested.iter().filter(|t| !dirs.contains(t)).collect();
    assert!(
        untested.is_empty() && missing.is_empty(),
        "fixtures without a test (add them to `invalid_fixtures!` in {}): {untested:?}; \
         tests without a fixture directory: {missing:?}",
        file!()
    );
}

/// An overlay holds only what differs from `minimal/`: a byte-identical copy of a minimal file
/// would hide which file carries the defect (issue #13).
#[test]
fn overlays_hold_no_copies_of_minimal_files() {
    let minimal = crate::support::repo().join("tests/fixtures/minimal");
    let root = invalid_fixtures();
    let mut copies = Vec::new();
    for entry in walkdir::WalkDir::new(&root).min_depth(2) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let in_fixture: std::path::PathBuf = entry
            .path()
            .strip_prefix(&root)
            .unwrap()
            .components()
            .skip(1)
            .collect();
        let base = minimal.join(&in_fixture);
        if base.is_file() && std::fs::read(&base).unwrap() == std::fs::read(entry.path()).unwrap() {
            copies.push(entry.path().strip_prefix(&root).unwrap().to_owned());
        }
    }
    copies.sort();
    assert!(copies.is_empty(), "copies of minimal files: {copies:?}");
}

/// `materialise.sh`, for running a fixture by hand, lays a fixture out exactly as
/// `TestSite::invalid` does.
#[cfg(unix)]
#[test]
fn the_materialise_script_lays_fixtures_out_like_the_tests() {
    let script = invalid_fixtures().join("materialise.sh");
    for name in TESTED.iter().map(|t| t.replace('_', "-")) {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let status = std::process::Command::new("sh")
            .arg(&script)
            .arg(&name)
            .arg(&site)
            .status()
            .unwrap();
        assert!(status.success(), "{name}: materialise.sh failed");
        assert!(
            tree(&site) == tree(TestSite::invalid(&name).root()),
            "{name}: materialise.sh and TestSite::invalid lay out different trees"
        );
    }
}

/// What `check` printed for a fixture, kept for a fixture's own assertions.
struct Checked {
    name: String,
    /// The human output (stderr of `check`).
    human: String,
}

impl Checked {
    /// The human output contains `text`.
    #[track_caller]
    fn human_shows(&self, text: &str) {
        assert!(
            self.human.contains(text),
            "{}: human output lacks {text:?}:\n{}",
            self.name,
            self.human
        );
    }
}

/// Lay the fixture over `minimal/`, run `check` on it in each format, and compare.
fn check(name: &str) -> Checked {
    let expected = expected(name);
    let site = TestSite::invalid(name);
    let out = run(name, site.root(), &["--format", "json"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let got: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{name}: not JSON: {l}: {e}")))
        .collect();
    for v in &got {
        assert_contract(name, v);
    }
    let got_keys: Vec<_> = got.iter().map(key).collect();
    let want_keys: Vec<_> = expected.iter().map(key).collect();
    assert_eq!(got_keys, want_keys, "{name}: diagnostics differ\n{stdout}");
    let errors = got_keys.iter().filter(|k| k.0 == "error").count();
    let code = Some(if errors > 0 { 1 } else { 0 });
    assert_eq!(out.status.code(), code, "{name}: exit code");

    let human = run(name, site.root(), &[]);
    assert_eq!(human.status.code(), code, "{name}: exit code, human output");
    let human = String::from_utf8(human.stderr).unwrap();
    assert_human_agrees(name, &got, &human);

    // A fixture of hostile input that must pass (editors' files) expects nothing, and passes
    // with --strict too.
    let strict = run(name, site.root(), &["--strict", "--format", "json"]);
    assert_eq!(
        strict.status.code(),
        Some(if got.is_empty() { 0 } else { 1 }),
        "{name}: exit code with --strict"
    );
    Checked {
        name: name.to_owned(),
        human,
    }
}

/// The diagnostics of `invalid/<name>/expected.jsonl`, blank lines skipped.
fn expected(name: &str) -> Vec<Value> {
    let path = invalid_fixtures().join(name).join("expected.jsonl");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{name}: bad expected line {l}: {e}"))
        })
        .collect()
}

/// `casebook check --root <root> <args>`, with logging at its default level; it must finish
/// (the alias-bomb and deep-nesting fixtures guard against hangs) and must not panic.
fn run(name: &str, root: &Path, args: &[&str]) -> Output {
    let started = Instant::now();
    let out = bin()
        .arg("check")
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("CASEBOOK_LOG")
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{name}: check {args:?} hung"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "{name}: check {args:?} panicked:\n{stderr}"
    );
    out
}

/// A JSON diagnostic has exactly the contract's keys: a string message, a string or null help.
fn assert_contract(name: &str, v: &Value) {
    assert!(v["message"].is_string(), "{name}: message missing in {v}");
    assert!(
        v["help"].is_string() || v["help"].is_null(),
        "{name}: help must be a string or null in {v}"
    );
    assert_eq!(
        v.as_object().unwrap().len(),
        7,
        "{name}: exactly the contract's keys: {v}"
    );
}

/// The human output heads each diagnostic with `file:line:column: severity[code]: message`,
/// in the JSON's order, shows each help, and ends with the counts.
fn assert_human_agrees(name: &str, got: &[Value], human: &str) {
    let heads: Vec<&str> = human
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .collect();
    let want: Vec<String> = got
        .iter()
        .map(|v| {
            let (severity, code, file, line, column) = key(v);
            let message = v["message"].as_str().unwrap();
            format!("{file}:{line}:{column}: {severity}[{code}]: {message}")
        })
        .collect();
    assert_eq!(heads, want, "{name}: human output differs:\n{human}");
    for help in got.iter().filter_map(|v| v["help"].as_str()) {
        let line = format!("= help: {help}");
        assert!(human.contains(&line), "{name}: no `{line}` in:\n{human}");
    }
    let errors = got.iter().filter(|v| v["severity"] == "error").count();
    let counts = format!(": {errors} error(s), {} warning(s)", got.len() - errors);
    assert!(
        human
            .lines()
            .any(|l| l.starts_with("checked ") && l.ends_with(&counts)),
        "{name}: no summary ending `{counts}` in:\n{human}"
    );
}

fn key(v: &Value) -> (String, String, String, u64, u64) {
    let s = |k: &str| {
        v[k].as_str()
            .unwrap_or_else(|| panic!("`{k}` is not a string in {v}"))
            .to_owned()
    };
    let n = |k: &str| {
        v[k].as_u64()
            .unwrap_or_else(|| panic!("`{k}` is not a number in {v}"))
    };
    (s("severity"), s("code"), s("file"), n("line"), n("column"))
}
