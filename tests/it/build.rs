//! `casebook build` on the minimal fixture: the bilingual layout, escaping and sanitising,
//! Markdown features, atomic output.

use crate::support::{records_parts, text_of, tree, TestSite};

/// The minimal fixture, built.
pub fn built() -> TestSite {
    let site = TestSite::fixture("minimal");
    let out = site.build();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    site
}

#[test]
fn both_languages_have_the_same_paths() {
    let site = built();
    let ja: Vec<String> = tree(&site.out().join("ja"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let en: Vec<String> = tree(&site.out().join("en"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(ja, en);
    for page in [
        "index.html",
        "regions/sample-pref/index.html",
        "status-sheets/sample-pref-sheet/index.html",
        "pages/about/index.html",
        "themes/community-transition/index.html",
        "categories/peer-support/index.html",
        "glossary/index.html",
        "regions/index.html",
    ] {
        assert!(ja.contains(&page.to_owned()), "{page} missing; have {ja:?}");
    }
}

#[test]
fn pages_link_their_other_language_and_keep_the_reader_on_the_same_page() {
    let site = built();
    let html = site.page("en/status-sheets/sample-pref-sheet/index.html");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<link rel=\"alternate\" hreflang=\"ja\" href=\"/ja/status-sheets/sample-pref-sheet/\">"), "{html}");
    assert!(html.contains("class=\"lang-switch\" href=\"/ja/status-sheets/sample-pref-sheet/\""));
    let root = site.page("index.html");
    assert!(
        root.contains("location.replace(\"/ja/\")") && root.contains("href=\"/en/\""),
        "{root}"
    );
}

#[test]
fn a_record_page_shows_its_numbers_dates_and_breadcrumbs() {
    let site = built();
    let ja = text_of(&site.page("ja/status-sheets/sample-pref-sheet/index.html"));
    for want in [
        "4,396",
        "4,830",
        "54.8",
        "39 / 43",
        "R1.6月時点",
        "令和2年度当初",
        "見本県",
    ] {
        assert!(ja.contains(want), "{want} missing in {ja}");
    }
    let en_html = site.page("en/status-sheets/sample-pref-sheet/index.html");
    let en = text_of(&en_html);
    for want in [
        "June 2019",
        "start of FY2020",
        "Sample Prefecture",
        "Long-term inpatients",
    ] {
        assert!(en.contains(want), "{want} missing in {en}");
    }
    assert!(en_html.contains("aria-label=\"Breadcrumbs\""));
    assert_eq!(en_html.matches("data-item=\"indicator\"").count(), 3);
}

/// Japanese record pages print a date as the record (and so the source sheet) writes it;
/// English pages and the open data use its value.
#[test]
fn dates_read_as_written_in_japanese_and_stay_canonical_in_data() {
    let site = built();
    let ja = text_of(&site.page("ja/status-sheets/sample-pref-sheet/index.html"));
    for written in [
        "R1.6月時点",
        "時点: R2年度6月末",
        "4月～R4年3月",
        "期限: 令和2年度末",
    ] {
        assert!(ja.contains(written), "{written} missing in {ja}");
    }
    // The text says 時点 itself, so the label is not repeated.
    assert!(!ja.contains("時点: R1.6月時点"), "{ja}");
    for standard in ["令和元年6月", "令和4年3月", "令和2年6月末"] {
        assert!(
            !ja.contains(standard),
            "{standard} printed instead of the written date: {ja}"
        );
    }
    let en = text_of(&site.page("en/status-sheets/sample-pref-sheet/index.html"));
    for value in [
        "as of: June 2019",
        "as of: end of June 2020",
        "by: end of FY2020",
    ] {
        assert!(en.contains(value), "{value} missing in {en}");
    }
    assert!(!en.contains("R1.6"), "{en}");
    let data: String = records_parts(&site.out())
        .iter()
        .map(|(_, part)| part.to_string())
        .collect();
    assert!(
        data.contains(r#""as_of":"2019-06""#),
        "records.json keeps canonical dates"
    );
    assert!(
        !data.contains("R1.6月時点"),
        "records.json keeps canonical dates"
    );
}

#[test]
fn content_cannot_inject_markup_or_template_code() {
    let site = built();
    let sheet = site.page("ja/status-sheets/sample-pref-sheet/index.html");
    assert!(
        sheet.contains("{{ config }} と {% raw %} は文字のまま"),
        "template syntax must print literally"
    );
    let about = site.page("ja/pages/about/index.html");
    assert!(
        about.contains("<table>") && about.contains("footnote") && about.contains("class=\"hl-"),
        "{about}"
    );
}

/// Raw HTML is sanitised: scripts, handlers, `javascript:` and remote images never reach the
/// page, and the build says what it removed (warnings, so the site is still built).
#[test]
fn raw_html_is_sanitised_and_each_removal_is_reported() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/pages/hostile.yaml",
        "title: {ja: 攻撃, en: Hostile}\nbody:\n  ja: |\n    前<script>alert(\"x\")</script>\n\n    <img src=\"https://evil.example/p.png\" onerror=alert(1)> <a href=\"javascript:alert(1)\">x</a>\n  en: ok\n",
    );
    let out = site.build();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = site.page("ja/pages/hostile/index.html");
    for gone in ["<script", "alert", "evil.example", "onerror", "javascript:"] {
        assert!(!page.contains(gone), "{gone} in {page}");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    for code in ["html-removed", "remote-resource"] {
        assert!(stderr.contains(code), "{code} not reported: {stderr}");
    }
}

#[test]
fn a_missing_translation_shows_the_japanese_with_a_mark() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/regions/south-area.yaml",
        "name: {ja: 南部圏域}\nkind: area\nparent: sample-pref\n",
    );
    assert!(site.build().status.success());
    let html = site.page("en/regions/south-area/index.html");
    assert!(html.contains("<span lang=\"ja\">南部圏域</span> <small class=\"untranslated\">not yet translated</small>"), "{html}");
}

#[test]
fn two_builds_are_byte_identical() {
    let site = built();
    let first = tree(&site.out());
    assert!(site.build().status.success());
    assert_eq!(first, tree(&site.out()));
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let site = built();
    let before = tree(&site.out());
    site.write(
        "content/regions/north-area.yaml",
        "name: {ja: 北部圏域, en: North}\nkind: area\nparent: nowhere\n",
    );
    let out = site.build();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("region `nowhere` does not exist"));
    assert_eq!(before, tree(&site.out()));
    let stray: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

/// Progress goes to stderr as logs; `CASEBOOK_LOG` turns them up (phase timings at debug) or
/// down, and never touches stdout.
#[test]
fn casebook_log_sets_how_much_a_build_says() {
    let site = TestSite::fixture("minimal");
    let run = |level: Option<&str>| {
        let mut cmd = crate::support::bin();
        cmd.args(["build", "--root"])
            .arg(site.root())
            .arg("--out")
            .arg(site.out())
            .env_remove("CASEBOOK_LOG");
        if let Some(level) = level {
            cmd.env("CASEBOOK_LOG", level);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        assert!(out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    let default = run(None);
    assert!(default.starts_with("built "), "{default}");
    assert!(!default.contains("debug:"), "{default}");
    let debug = run(Some("casebook=debug"));
    assert!(debug.contains("debug: render pages "), "{debug}");
    assert!(debug.contains("debug: write "), "{debug}");
    assert_eq!(run(Some("warn")), "");
}

/// `/data/indicators.csv` is safe to open in a spreadsheet: a name that would be a formula is
/// written as text (OWASP's CSV-injection guidance), the numbers stay numbers (issue #20).
#[test]
fn the_csv_neutralises_what_a_spreadsheet_would_run() {
    let site = TestSite::fixture("minimal");
    let path = site.root().join("content/regions/sample-pref.yaml");
    let region = std::fs::read_to_string(&path).unwrap();
    let hostile = region.replace(
        "name: {ja: 見本県, en: Sample Prefecture}",
        "name: {ja: '=HYPERLINK(\"http://example.com\",\"x\")', en: '-1+cmd'}",
    );
    assert_ne!(region, hostile);
    std::fs::write(&path, hostile).unwrap();
    let out = site.build();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = std::fs::read_to_string(site.out().join("data/indicators.csv")).unwrap();
    let row = csv
        .lines()
        .find(|l| l.starts_with("sample-pref,"))
        .unwrap_or_else(|| panic!("no sample-pref row in {csv}"));
    assert!(
        row.starts_with(
            "sample-pref,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\",\"'-1+cmd\","
        ),
        "{row}"
    );
    assert!(!csv.contains(",=") && !csv.contains(",-1+"), "{csv}");
}

/// One link policy for `check` and `build` (issue #20): links that stay inside the site root
/// are read like their targets, for records and the theme's files alike.
#[cfg(unix)]
#[test]
fn links_inside_the_root_are_built_like_their_targets() {
    use std::os::unix::fs::symlink;
    let site = TestSite::fixture("minimal");
    site.write(
        "shared/regions/south-area.yaml",
        "name: {ja: 南部圏域, en: South area}\nkind: area\nparent: sample-pref\n",
    );
    site.write("shared/static/extra.css", "p { color: teal }\n");
    symlink(
        "../../shared/regions/south-area.yaml",
        site.root().join("content/regions/south-area.yaml"),
    )
    .unwrap();
    symlink(
        "../../../shared/static",
        site.root().join("themes/default/static/shared"),
    )
    .unwrap();
    let check = site.run(&["check", "--format", "json"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert!(
        check.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let out = site.build();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(site
        .page("ja/regions/south-area/index.html")
        .contains("南部圏域"));
    assert_eq!(site.page("static/shared/extra.css"), "p { color: teal }\n");
}

/// A link out of the root fails `check` and `build` alike, at the link, and the build writes
/// nothing.
#[cfg(unix)]
#[test]
fn a_link_out_of_the_root_fails_check_and_build() {
    let site = TestSite::fixture("minimal");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.css"), "secret").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.css"),
        site.root().join("themes/default/static/secret.css"),
    )
    .unwrap();
    let check = site.run(&["check", "--format", "json"]);
    assert_eq!(check.status.code(), Some(1));
    let json = String::from_utf8_lossy(&check.stdout);
    assert!(
        json.contains(r#""code":"symlink-outside-root","file":"themes/default/static/secret.css","line":1,"column":1"#),
        "{json}"
    );
    let out = site.build();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[symlink-outside-root]"));
    assert!(!site.out().exists(), "nothing is written");
}

/// `casebook.yaml` follows the same link policy: a link out of the root is not read.
#[cfg(unix)]
#[test]
fn a_configuration_linked_from_outside_is_not_read() {
    let site = TestSite::fixture("minimal");
    let outside = tempfile::tempdir().unwrap();
    let config = site.root().join("casebook.yaml");
    std::fs::rename(&config, outside.path().join("casebook.yaml")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("casebook.yaml"), &config).unwrap();
    let check = site.run(&["check", "--format", "json"]);
    assert_eq!(check.status.code(), Some(1));
    let json = String::from_utf8_lossy(&check.stdout);
    assert!(
        json.contains(r#""code":"symlink-outside-root","file":"casebook.yaml""#),
        "{json}"
    );
}
