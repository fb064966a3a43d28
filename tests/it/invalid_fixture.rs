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
    anchors_and_tags => |run| {
        // Tags as written, not as their `%TAG` handle resolves them; each at its own place.
        run.human_shows("4:7: error[yaml-tag]: YAML tags are not accepted in content: `!e!text`");
        run.human_shows("6:9: error[yaml-tag]: YAML tags are not accepted in content: `!`");
        run.human_shows("10:9: error[yaml-alias]: YAML anchors are not accepted in content: `&s`");
        run.human_shows("13:10: error[yaml-tag]: YAML tags are not accepted in content: `!!int`");
    },
    bom_crlf,
    brackets_in_scalars,
    brackets_in_text,
    broken_symlink => |run| {
        run.human_shows("this link leads back to `content/`, which holds it: a loop");
        run.human_shows("this link leads to `south-area.yaml`, which does not exist");
    },
    code_not_highlighted => |run| {
        run.human_shows("a line of this code block has 601 characters");
        run.human_shows("this code block is 9 KiB; code over 8 KiB is printed without highlighting");
    },
    complex_keys => |run| {
        run.human_shows("8:3: error[unknown-field]: a list cannot be a field name");
        run.human_shows("10:3: error[unknown-field]: a mapping cannot be a field name");
    },
    config_paths => |run| {
        // Quoted as written: one backslash, not two.
        run.human_shows("error[config]: base_path `/\\evil.example/` is not a path on this site");
        run.human_shows("error[config]: theme `../../etc` is not a directory name under themes/");
    },
    control_characters => |run| {
        run.human_shows("1 | title: {ja: \"このサイト<U+001B>[2Jについて\", en: About this site}");
        run.human_shows("error[control-character]: bidi control in the text: U+202E RIGHT-TO-LEFT OVERRIDE");
        run.human_shows("3 | # note<U+0000>");
        assert!(!run.human.contains(['\u{1b}', '\0', '\u{202e}']), "raw controls in {:?}", run.human);
    },
    count_wording_and_axis,
    date_errors => |run| {
        run.human_shows("`令和2年2月30日` is not a real date: February 2020 has no day 30");
        run.human_shows("`R9999年` is outside the years Casebook handles (1 to 9999)");
        run.human_shows("`平成32年度` is past the end of the Heisei era");
    },
    date_forms => |run| run.human_shows("checked 5 records: 0 error(s), 0 warning(s)"),
    deep_nesting,
    document_markers => |run| {
        run.human_shows("5:1: error[yaml-syntax]: a second YAML document starts here, after `...`");
        run.human_shows("markers-only.yaml:1:1: error[empty-file]: the record file is empty");
    },
    duplicate_id,
    duplicate_key => |run| run.human_shows("error[duplicate-key]: duplicate key `name` (first at line 1)"),
    duplicate_key_forms => |run| {
        run.human_shows("1:18: error[duplicate-key]: duplicate key `ja` (first at line 1)");
        run.human_shows("4:1: error[duplicate-key]: duplicate key `parent` (first at line 3)");
        // The theme whose entry fails to load is not also reported as unknown where used.
        assert!(!run.human.contains("does not exist"), "{}", run.human);
    },
    editor_files => |run| run.human_shows("checked 4 records: 0 error(s), 0 warning(s)"),
    empty_file,
    encodings => |run| {
        run.human_shows("error[invalid-utf8]: the file is not UTF-8: it is Shift_JIS");
        run.human_shows("`iconv -f CP932 -t UTF-8 content/pages/sjis.yaml > content/pages/sjis.yaml.utf8 && mv content/pages/sjis.yaml.utf8 content/pages/sjis.yaml`");
        run.human_shows("error[invalid-utf8]: the file is not UTF-8: it is EUC-JP");
        run.human_shows("`iconv -f EUC-JP -t UTF-8 ");
        run.human_shows("error[invalid-utf8]: the file is not UTF-8: it is UTF-16 (little-endian)");
        run.human_shows("`iconv -f UTF-16 -t UTF-8 ");
        run.human_shows("error[invalid-utf8]: the file is not UTF-8: it is UTF-16 (big-endian)");
        run.human_shows("`iconv -f UTF-16BE -t UTF-8 ");
        // The line is shown decoded.
        run.human_shows("1 | title: {ja: このサイトについて, en: About this site}");
    },
    era_overflow,
    every_error_of_a_file,
    file_too_large => |run| run.human_shows("the file is 4194305 bytes; the limit is 4194304 bytes (4 MiB)"),
    grouping_commas => |run| {
        run.human_shows("error[invalid-value]: `1,738,301` is read as separate entries: in `{…}` a comma ends an entry");
        run.human_shows("= help: for a number, write it without grouping commas: `1738301`; for text, quote it: `\"1,738,301\"`");
        run.human_shows("= help: write it without grouping commas: `1204`");
    },
    hidden_character_forms => |run| {
        run.human_shows("bidi control in the text: the escape `\\u2066` writes U+2066 LEFT-TO-RIGHT ISOLATE");
        run.human_shows("control character in the text: U+0085 NEXT LINE (NEL)");
        run.human_shows("zero-width character in the text: U+FEFF ZERO WIDTH NO-BREAK SPACE; it is removed");
        let raw = ['\u{7}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202a}', '\u{2067}', '\u{200c}', '\u{feff}'];
        assert!(!run.human.contains(raw), "raw hidden characters in {:?}", run.human);
    },
    hidden_characters_flood => |run| {
        // 150 NULs in a UTF-8 file are NULs, not a sign of UTF-16: the first 100 are listed,
        // the rest counted in one more, and the file shows 50 of those 101.
        run.human_shows("53:7: note[too-many-diagnostics]: 51 more diagnostics in this file are not shown (51 errors, 0 warnings)");
        run.human_shows("checked 5 records: 101 error(s), 0 warning(s)");
    },
    html_removed => |run| {
        run.human_shows("attribute `href=\"javascript:alert(4)\"` is removed from `<a>`: `javascript:` URLs are not allowed");
        run.human_shows("the link target `data:text/html;base64,PHNjcmlwdD4=` is removed: `data:` targets are not allowed");
    },
    id_forms => |run| run.human_shows("`Housing_Support` is not a valid id"),
    id_too_long => |run| {
        run.human_shows("error[invalid-id]: the id is 101 characters long; an id has at most 100");
    },
    impossible_date_day,
    impossible_date_month,
    invalid_id,
    invalid_utf8,
    link_outside_site => |run| {
        // Backslashes as written; a reference link at its definition, once for both uses.
        run.human_shows("the link target `C:\\Windows\\win.ini` leaves the site: a Windows path");
        run.human_shows("26:5: error[link-outside-site]: the link target `/root/.ssh/id_rsa` leaves the site");
    },
    lone_cr => |run| run.human_shows("= help: a carriage return alone is not a line break here"),
    long_line => |run| {
        // A 300,000-character line is echoed around the column, never whole.
        for line in run.json.lines() {
            assert!(line.len() < 1_000, "a {}-byte diagnostic", line.len());
        }
        assert!(run.human.len() < 3_000, "{} bytes of human output", run.human.len());
        run.human_shows("…` is not a whole number");
    },
    markdown_long_paragraph,
    markdown_table_too_large,
    markdown_too_deep,
    markdown_too_large => |run| {
        run.human_shows("this Markdown text is 66 KiB; the limit is 64 KiB");
        run.human_shows("this file has more than 16 KiB of code to highlight with this text");
        run.human_shows("the Markdown of this file makes more than 20000 HTML elements");
    },
    missing_as_of,
    missing_field,
    missing_target_date,
    missing_translation,
    multiple_errors,
    null_values => |run| run.human_shows("error[invalid-value]: expected text, found nothing: an empty value, `~` and `null` are null in YAML"),
    number_forms => |run| {
        run.human_shows("`NaN` cannot be a value of `long-term-inpatients`");
        run.human_shows("`inf` cannot be the whole of a value of `municipal-forums`");
        run.human_shows("`-43` cannot be the whole of a value of `municipal-forums`");
    },
    parent_cycle => |run| run.human_shows("error[parent-cycle]: region parents form a cycle: `east-area` → `north-area` → `east-area`"),
    parent_self => |run| run.human_shows("error[parent-cycle]: region `east-area` is its own parent"),
    part_over_whole,
    percent_over_100,
    remote_resources => |run| {
        run.human_shows("13:10: warning[remote-resource]: attribute `style=\"background:url(https://evil.example/6.png)\"` is removed from `<div>`: its CSS loads what it names");
        run.human_shows("`<iframe>` is removed: pages load nothing from other places");
    },
    reserved_names => |run| {
        run.human_shows("`Nul` cannot be an id: Windows keeps the name for a device");
        run.human_shows("= help: add a word to the id, such as `con-region.yaml`");
        run.human_shows("in lowercase: rename it to `notes.yaml`");
        run.human_shows("in lowercase: rename it to `east-area.yaml`");
    },
    scalar_styles_markdown,
    scalar_styles_text,
    second_document => |run| run.human_shows("error[yaml-syntax]: a second YAML document starts at this `---`"),
    symlink_inside_root => |run| {
        // The page linked in, the page linked twice and the directory of cases linked in.
        run.human_shows("checked 7 records: 0 error(s), 0 warning(s)");
    },
    symlink_outside_root => |run| {
        run.human_shows("this link leads outside the site root, to `/dev/null`; it is not read");
    },
    tab_indentation => |run| {
        run.human_shows("error[yaml-syntax]: a tab is used for indentation");
        run.human_shows("= help: YAML indents with spaces only");
    },
    tab_separator => |run| {
        run.human_shows("2:6: error[yaml-syntax]: a tab after `:` is not read as a space before this value");
        run.human_shows("= help: write a space after `:` instead of the tab");
    },
    too_many_diagnostics => |run| {
        run.human_shows("54:1: note[too-many-diagnostics]: 5 more diagnostics in this file are not shown (5 errors, 0 warnings)");
        run.human_shows("checked 4 records: 55 error(s), 0 warning(s)");
    },
    unexpected_files => |run| run.human_shows("= help: the vocabularies are: categories, themes, region-kinds, actors, indicators, glossary, variants"),
    unknown_field => |run| {
        run.human_shows("3 | parnet: sample-pref");
        run.human_shows("= help: did you mean `parent`?");
    },
    unknown_field_japanese_line,
    unknown_indicator,
    unknown_kind_dir => |run| run.human_shows("= help: did you mean `content/regions/`?"),
    unknown_references => |run| {
        run.human_shows("error[unknown-reference]: category `peer-suport` does not exist");
        run.human_shows("error[unknown-reference]: actor `medcal` does not exist");
        run.human_shows("= help: did you mean `north-area`?");
    },
    unknown_region,
    unknown_theme,
    vocabulary_errors => |run| {
        // Entries that fail to load are not reported again where the status sheet uses them.
        assert!(!run.human.contains("does not exist"), "{}", run.human);
    },
    wrong_shapes => |run| run.human_shows("= help: did you mean `verification`?"),
    wrong_type,
    yaml_alias,
    yaml_styles_valid,
    yaml_syntax,
    yaml_tag => |run| {
        run.human_shows("2:7: error[yaml-tag]: YAML tags are not accepted in content: `!!str`");
        run.human_shows("3:9: error[yaml-tag]: YAML tags are not accepted in content: `!include`");
    },
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
    /// The JSON output (stdout of `check --format json`).
    json: String,
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
        json: stdout,
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
/// in the JSON's order, shows each help, and ends with the counts: those shown, and those a
/// `too-many-diagnostics` note says it left out.
fn assert_human_agrees(name: &str, got: &[Value], human: &str) {
    let heads: Vec<&str> = human
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning[") || l.contains(": note["))
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
    let shown = |severity: &str| got.iter().filter(|v| v["severity"] == severity).count();
    let (left_errors, left_warnings) = got
        .iter()
        .filter(|v| v["code"] == "too-many-diagnostics")
        .map(|v| left_out(v["message"].as_str().unwrap()))
        .fold((0, 0), |(e, w), (e2, w2)| (e + e2, w + w2));
    let counts = format!(
        ": {} error(s), {} warning(s)",
        shown("error") + left_errors,
        shown("warning") + left_warnings
    );
    assert!(
        human
            .lines()
            .any(|l| l.starts_with("checked ") && l.ends_with(&counts)),
        "{name}: no summary ending `{counts}` in:\n{human}"
    );
}

/// The errors and warnings a `too-many-diagnostics` note counts: `… (5 errors, 0 warnings)`.
fn left_out(message: &str) -> (usize, usize) {
    let inner = message
        .rsplit_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("no counts in {message:?}"));
    let number = |word: &str| {
        inner
            .split(", ")
            .find_map(|part| part.strip_suffix(word)?.trim().parse::<usize>().ok())
            .unwrap_or_else(|| panic!("no {word} in {message:?}"))
    };
    (number(" errors"), number(" warnings"))
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
