//! Issue #20, "Text is clean": controls, bidi overrides and zero-width characters never reach
//! a page, the data or the search index, and terminal output never carries them raw.

use serde_json::Value;

use crate::support::{tree, TestSite};

/// Zero-width characters, the ones the loader removes with a warning.
const ZERO_WIDTH: [char; 5] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];

/// Any character content may not hold, raw.
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t' && c != '\r')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || ZERO_WIDTH.contains(&c)
}

/// Every output file that holds one of `chars` (as UTF-8 bytes, so the binary search index
/// is searched too).
fn files_holding(site: &TestSite, chars: &[char]) -> Vec<String> {
    let needles: Vec<Vec<u8>> = chars.iter().map(|c| c.to_string().into_bytes()).collect();
    tree(&site.out())
        .into_iter()
        .filter(|(_, bytes)| {
            needles
                .iter()
                .any(|n| bytes.windows(n.len()).any(|w| w == n.as_slice()))
        })
        .map(|(path, _)| path)
        .collect()
}

/// Zero-width characters in a title, a name and Markdown are warnings, and the built site
/// holds none of them: the words they split are whole again on pages and in the index.
#[test]
fn zero_width_characters_are_removed_from_pages_data_and_search() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/pages/about.yaml",
        "title: {ja: この\u{200B}サイト\u{2060}について, en: About\u{200D} this site}\n\
         body: {ja: \"見本の\u{FEFF}解説です。\\u200B\", en: A sample page.}\n",
    );
    site.write(
        "content/regions/north-area.yaml",
        "name: {ja: 北部\u{200C}圏域, en: North area}\nkind: area\nparent: sample-pref\n",
    );
    let check = site.run(&["check", "--format", "json"]);
    assert_eq!(check.status.code(), Some(0));
    let found: Vec<Value> = String::from_utf8(check.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let spots: Vec<(&str, u64, u64)> = found
        .iter()
        .map(|d| {
            assert_eq!(d["code"], "zero-width-character", "{d}");
            assert_eq!(d["severity"], "warning", "{d}");
            (
                d["file"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    // Worked out by hand: `title: {ja: この` is 14 characters, `サイト` 3 more; the escape
    // `\u200B` stands after `見本の` + U+FEFF + `解説です。`.
    assert_eq!(
        spots,
        [
            ("content/pages/about.yaml", 1, 15),
            ("content/pages/about.yaml", 1, 19),
            ("content/pages/about.yaml", 1, 35),
            ("content/pages/about.yaml", 2, 16),
            ("content/pages/about.yaml", 2, 22),
            ("content/regions/north-area.yaml", 1, 14),
        ]
    );
    let out = site.build();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(files_holding(&site, &ZERO_WIDTH), Vec::<String>::new());
    let page = site.page("ja/pages/about/index.html");
    assert!(
        page.contains("このサイトについて") && page.contains("見本の解説です。"),
        "{page}"
    );
    assert!(site
        .page("ja/regions/north-area/index.html")
        .contains("北部圏域"));
}

/// Controls and bidi overrides are errors: the build writes nothing, and each is named at
/// its place.
#[test]
fn controls_and_bidi_overrides_stop_the_build() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/pages/about.yaml",
        "title: {ja: \"見本\u{1B}[2J\", en: \"About\\a\"}\nbody: {ja: \"a\u{202E}b\", en: \"\\0x\"}\n",
    );
    let out = site.build();
    assert_eq!(out.status.code(), Some(1));
    assert!(!site.out().exists(), "a failed build wrote output");
    let check = site.run(&["check", "--format", "json"]);
    let found: Vec<(String, u64, u64, String)> = String::from_utf8(check.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let d: Value = serde_json::from_str(l).unwrap();
            (
                d["code"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        (1, 16, "control character in the text: U+001B ESCAPE (ESC)"),
        (
            1,
            33,
            "control character in the text: the escape `\\a` writes U+0007 ALERT (BEL)",
        ),
        (
            2,
            14,
            "bidi control in the text: U+202E RIGHT-TO-LEFT OVERRIDE",
        ),
        (
            2,
            24,
            "control character in the text: the escape `\\0` writes U+0000 NULL (NUL)",
        ),
    ];
    let want: Vec<(String, u64, u64, String)> = want
        .iter()
        .map(|(l, c, m)| ("control-character".to_owned(), *l, *c, (*m).to_owned()))
        .collect();
    assert_eq!(found, want);
}

/// The human report (and the github one) never hands a terminal a raw control, bidi
/// override or zero-width character: not from the source line, a message or a file name.
#[test]
fn terminal_output_escapes_what_it_echoes() {
    let site = TestSite::fixture("minimal");
    site.write(
        "content/regions/north-area.yaml",
        "name: {ja: 北部\u{202E}圏域\u{0}, en: \"North\\e]0;x\\a\"}\nkind: area\u{7}\nparent: sample-pref\n",
    );
    site.write("content/regions/\u{1B}[31mred.yaml", "name: {ja: 赤}\n");
    let human = site.run(&["check"]);
    let err = String::from_utf8(human.stderr).unwrap();
    assert!(!err.chars().any(is_hidden), "{err:?}");
    assert!(
        err.contains("1 | name: {ja: 北部<U+202E>圏域<U+0000>, en:"),
        "{err}"
    );
    assert!(
        err.contains("content/regions/<U+001B>[31mred.yaml"),
        "{err}"
    );
    let github = site.run(&["check", "--format", "github"]);
    let out = String::from_utf8(github.stdout).unwrap();
    assert!(!out.chars().any(is_hidden), "{out:?}");
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
    let json = site.run(&["check", "--format", "json"]);
    for line in String::from_utf8(json.stdout).unwrap().lines() {
        let _: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
    }
}

/// Issue #20, "Diagnostics are bounded": a 3 MB one-line file does not make a 3 MB
/// diagnostic. The line is echoed around the column, a value quoted in a message is cut.
#[test]
fn a_long_line_makes_short_diagnostics() {
    let site = TestSite::fixture("minimal");
    let title = "a".repeat(2_000_000);
    let order = "9".repeat(1_000_000);
    site.write(
        "content/pages/long.yaml",
        &format!("{{title: {{ja: \"{title}\", en: x}}, body: {{ja: b, en: b}}, order: {order}, bogus: 1}}\n"),
    );
    let json = site.run(&["check", "--format", "json"]);
    let stdout = String::from_utf8(json.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout:.2000}");
    for line in &lines {
        assert!(line.len() < 1000, "a {}-byte diagnostic", line.len());
    }
    // `{title: {ja: "` is 14 characters, the title 2,000,000, then `", en: x}, body: {ja: b,
    // en: b}, order: ` 40 more: the number starts at column 2,000,055.
    let order_at = 14 + 2_000_000 + 40 + 1;
    let value: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(value["code"], "invalid-value");
    assert_eq!(value["column"], order_at);
    assert!(value["message"]
        .as_str()
        .unwrap()
        .contains("99…` is not a whole number"));
    let human = site.run(&["check"]);
    let err = String::from_utf8(human.stderr).unwrap();
    assert!(err.len() < 3000, "{} bytes of human output", err.len());
    assert!(err.contains("…999999"), "{err}");
    assert!(err.contains("9, bogus: 1}"), "{err}");
}
