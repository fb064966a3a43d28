//! Issue #20, "Bounded work per file" and "Sanitising is visible", as an editor meets them:
//! `casebook check` reports each Markdown limit and each removal with its code at its line and
//! column in the YAML file, and `build` refuses what `check` calls an error. The limits
//! themselves are tested in `validate::markdown` and their cost measured by
//! `benches/markdown.py`.

use serde_json::Value;

use crate::support::TestSite;

/// A page whose body is `ja` and `en`, each a literal block: its first line of Japanese is
/// line 4 of the file and its English starts after it (at column 5, after the indentation).
fn page(ja: &str, en: &str) -> String {
    let block = |text: &str| -> String {
        text.lines()
            .map(|l| {
                if l.is_empty() {
                    "\n".to_owned()
                } else {
                    format!("    {l}\n")
                }
            })
            .collect()
    };
    format!(
        "title: {{ja: 限度, en: Limits}}\nbody:\n  ja: |\n{}  en: |\n{}",
        block(ja),
        block(en)
    )
}

/// A diagnostic as (file, line, column, code, severity).
type Row = (String, u64, u64, String, String);

/// The exit code of `check --format json`, and every diagnostic it printed.
fn diagnostics(site: &TestSite) -> (Option<i32>, Vec<Row>) {
    let out = site.run(&["check", "--format", "json"]);
    let found = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let d: Value = serde_json::from_str(l).unwrap();
            assert!(
                d["help"].is_string(),
                "every Markdown finding says what to do: {d}"
            );
            (
                d["file"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (out.status.code(), found)
}

fn row(
    file: &str,
    line: u64,
    column: u64,
    code: &str,
    severity: &str,
) -> (String, u64, u64, String, String) {
    (file.into(), line, column, code.into(), severity.into())
}

/// One text per limit that stops the work (each stops its own text), and the removals.
#[test]
fn each_limit_and_removal_is_reported_at_its_place() {
    let site = TestSite::fixture("minimal");
    // Line 4: a path out of the site (col 5) and a remote image (col 16); line 6: CSS that
    // loads from elsewhere (the `style` attribute at col 11); line 8: a script (col 5).
    // English, line 10: a code block (col 5) with a line of 501 characters.
    site.write(
        "content/pages/removals.yaml",
        &page(
            "[up](../x) ![p](https://evil.example/p.png)\n\n<span style=\"background:url(//evil.example/c.png)\">x</span>\n\n<script>x</script>\n",
            &format!("```rust\nlet a = \"{}\";\n```\n", "x".repeat(490)),
        ),
    );
    // Line 4: 32 block quotes, so the paragraph inside (after 64 characters of markers) is
    // one level too deep; English, line 6: a paragraph of 10,001 characters.
    site.write(
        "content/pages/deep.yaml",
        &page(&format!("{}x\n", "> ".repeat(32)), &"あ".repeat(10_001)),
    );
    // Line 4: a table of 2 columns and 2,500 rows besides the header (5,002 cells); English,
    // after the table's 2,502 lines (4 to 2,505) and `en: |` (2,506): a text of 65 KiB.
    let table = format!("|a|b|\n|-|-|\n{}", "|1|2|\n".repeat(2_500));
    let large = "あいうえお\n\n".repeat(65 * 1024 / 17 + 1);
    site.write("content/pages/wide.yaml", &page(&table, &large));

    let (status, found) = diagnostics(&site);
    assert_eq!(status, Some(1));
    let removals = "content/pages/removals.yaml";
    let deep = "content/pages/deep.yaml";
    let wide = "content/pages/wide.yaml";
    assert_eq!(
        found,
        [
            row(deep, 4, 69, "markdown-too-deep", "error"),
            row(deep, 6, 5, "markdown-long-paragraph", "error"),
            row(removals, 4, 5, "link-outside-site", "error"),
            row(removals, 4, 16, "remote-resource", "warning"),
            row(removals, 6, 11, "remote-resource", "warning"),
            row(removals, 8, 5, "html-removed", "warning"),
            row(removals, 10, 5, "code-not-highlighted", "warning"),
            row(wide, 4, 5, "markdown-table-too-large", "error"),
            row(wide, 2_507, 5, "markdown-too-large", "error"),
        ]
    );
    let build = site.build();
    assert_eq!(build.status.code(), Some(1));
    assert!(!site.out().exists(), "a site with errors is not written");
}

/// Warnings alone build: what they name is gone from the page, and the text stays.
#[test]
fn what_the_warnings_name_is_gone_from_the_page() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/pages/removals.yaml",
        &page(
            "見える ![p](https://evil.example/p.png)\n\n<span style=\"background:url(//evil.example/c.png)\">残る</span> <iframe src=\"https://evil.example/f\"></iframe>\n",
            &format!("```rust\nlet a = \"{}\";\n```\n", "x".repeat(490)),
        ),
    );
    let out = site.build();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr.matches("warning[remote-resource]").count(),
        3,
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("warning[code-not-highlighted]").count(),
        1,
        "{stderr}"
    );
    let ja = site.page("ja/pages/removals/index.html");
    assert!(
        !ja.contains("evil.example") && !ja.contains("<iframe"),
        "{ja}"
    );
    assert!(ja.contains("見える") && ja.contains("残る"), "{ja}");
    let en = site.page("en/pages/removals/index.html");
    assert!(
        en.contains("let a = ") && !en.contains("class=\"hl-"),
        "{en}"
    );
}
