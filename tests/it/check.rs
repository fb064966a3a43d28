//! `casebook check` on the minimal fixture with one change each, its output formats, exit codes
//! and `schema`. The invalid fixtures have their own tests, in `invalid_fixture.rs`.

use serde_json::Value;

use crate::support::{bin, repo, TestSite};

#[test]
fn the_minimal_fixture_is_clean_even_when_strict() {
    let site = TestSite::fixture("minimal");
    let out = site.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn strict_turns_a_missing_translation_into_an_error() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/regions/south-area.yaml",
        "name: {ja: 南部圏域}\nkind: area\nparent: sample-pref\n",
    );
    let lenient = site.run(&["check", "--format", "json"]);
    assert_eq!(lenient.status.code(), Some(0));
    let line = String::from_utf8(lenient.stdout).unwrap();
    assert!(
        line.contains("\"severity\":\"warning\"") && line.contains("missing-translation"),
        "{line}"
    );
    let strict = site.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8(strict.stdout)
        .unwrap()
        .contains("\"severity\":\"error\""));
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_a_clear_error() {
    let site = TestSite::fixture("minimal");
    let big = format!(
        "name: {{ja: 大, en: big}}\nkind: area\nsummary:\n  ja: |\n{}",
        "    あ\n".repeat(900_000)
    );
    site.write("content/regions/huge.yaml", &big);
    let out = site.run(&["check", "--format", "json"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("\"code\":\"file-too-large\"")
            && stdout.contains("content/regions/huge.yaml"),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn github_format_prints_workflow_annotations() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/regions/north-area.yaml",
        "name: {ja: 北部圏域, en: North area}\nkind: aera\n",
    );
    let out = site.run(&["check", "--format", "github"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("::error file=content/regions/north-area.yaml,line=2,col=7,title=unknown-reference::region kind `aera` does not exist"), "{s}");
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(
        bin()
            .args(["check", "--format", "xml"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin().args(["frobnicate"]).output().unwrap().status.code(),
        Some(2)
    );
    let empty = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["check", "--root"])
        .arg(empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("casebook.yaml"));
}

#[test]
fn schema_files_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["schema", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let committed = repo().join("schemas");
    let fresh = crate::support::tree(dir.path());
    assert_eq!(
        crate::support::tree(&committed),
        fresh,
        "schemas/ is stale: run `cargo run -- schema --out schemas`"
    );
    assert!(fresh.iter().any(|(p, _)| p == "status-sheets.json"));
}

#[test]
fn schema_prints_one_document_covering_every_kind() {
    let out = bin().arg("schema").output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    for kind in [
        "regions",
        "status-sheets",
        "outcomes",
        "cases",
        "practices",
        "analyses",
        "pages",
        "indicators",
        "glossary",
    ] {
        assert!(v["$defs"][kind].is_object(), "{kind} missing");
    }
    assert_eq!(v["$defs"]["Text"]["required"], serde_json::json!(["ja"]));
}

#[test]
fn a_region_that_fails_to_load_is_not_reported_again_as_unknown() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/regions/sample-pref.yaml",
        "name: {ja: 見本県, en: Sample Prefecture}\nkind: prefecture\nhospitals: many\n",
    );
    let out = site.run(&["check", "--format", "json"]);
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), 1, "only the real error: {lines:#?}");
    assert!(
        lines[0].contains("\"code\":\"invalid-value\"")
            && lines[0].contains("\"line\":3,\"column\":12"),
        "{}",
        lines[0]
    );
}

#[test]
fn invalid_utf8_shows_the_line_in_human_output() {
    let site = TestSite::fixture("minimal");
    std::fs::write(
        site.root().join("content/regions/north-area.yaml"),
        b"name: {ja: \xe5\x8c\x97, en: N}\nkind: \xff area\n",
    )
    .unwrap();
    let out = site.run(&["check"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("content/regions/north-area.yaml:2:7: error[invalid-utf8]"),
        "{err}"
    );
    assert!(err.contains("2 | kind: \u{fffd} area"), "{err}");
}

#[test]
fn help_lists_every_command_and_option() {
    let out = bin().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for cmd in ["build", "check", "serve", "schema"] {
        assert!(help.contains(cmd), "{cmd} missing from --help:\n{help}");
    }
    let check =
        String::from_utf8(bin().args(["check", "--help"]).output().unwrap().stdout).unwrap();
    for opt in ["--root", "--format", "--strict", "human", "json", "github"] {
        assert!(
            check.contains(opt),
            "{opt} missing from check --help:\n{check}"
        );
    }
}

/// The help texts are part of the interface: a change to them shows up as a snapshot diff.
#[test]
fn help_texts_match_their_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots/help");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for command in ["", "build", "check", "serve", "schema"] {
            let mut cmd = bin();
            if !command.is_empty() {
                cmd.arg(command);
            }
            let out = cmd.arg("--help").output().unwrap();
            assert!(out.status.success());
            let name = if command.is_empty() {
                "casebook"
            } else {
                command
            };
            insta::assert_snapshot!(name, String::from_utf8(out.stdout).unwrap());
        }
    });
}

/// The README lists every diagnostic code (the stable interface CI scripts match on): each
/// `Code::X => "x"` of `Code::as_str` in `src/diag/mod.rs` must stand in it as `` `x` ``.
#[test]
fn the_readme_lists_every_diagnostic_code() {
    let source = std::fs::read_to_string(repo().join("src/diag/mod.rs")).unwrap();
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let codes: Vec<&str> = source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Code::")?.split_once(" => \""))
        .filter_map(|(_, rest)| rest.strip_suffix("\","))
        .collect();
    assert!(
        codes.len() > 30 && codes.contains(&"link-outside-site"),
        "{codes:?}"
    );
    let missing: Vec<&&str> = codes
        .iter()
        .filter(|c| !readme.contains(&format!("`{c}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes missing from README.md: {missing:?}"
    );
}
