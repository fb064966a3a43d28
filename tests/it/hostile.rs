//! The hostile fixture (`tests/fixtures/hostile/`): every human text of every record kind,
//! vocabulary and `casebook.yaml` holds an attack — script tags, event handlers, attribute and
//! element breakouts, `javascript:` and remote URLs, template syntax, CSS `url()`, Markdown
//! links and images — tagged with its number (`xss123`, `__xss(123)`).
//!
//! Here the built site is read as HTML text: no page has an event handler, a script or style
//! of its own making, a frame, a `javascript:` URL or a resource from another host, and the
//! open data stays valid. `tests/browser/hostile.test.mjs` runs the same pages in Chromium.
//! A further test keeps the fixture complete: every text field the JSON Schemas describe
//! holds a payload in it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::html_urls::{browser_url, decode, leaves_site};
use crate::support::{bin, copy_dir, records_parts, repo, tree};

/// The hostile fixture, built once for all tests of this module.
fn built() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        copy_dir(&repo().join("tests/fixtures/hostile"), &dir.join("site"));
        copy_dir(&repo().join("themes"), &dir.join("site/themes"));
        let out = dir.join("public");
        let status = bin()
            .args(["build", "--root"])
            .arg(dir.join("site"))
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "the hostile fixture does not build: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        out
    })
}

// ---------------------------------------------------------------------------------------------
// Reading a page's tags.

/// A start tag: its name and attributes (names lowercased, values decoded).
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The start tags of a page, read as a browser's tokenizer reads them: comments and
/// declarations skipped, `<script>` and `<style>` content skipped as raw text, attribute values
/// quoted with `"` or `'` or unquoted. Text that holds a `<` not followed by a letter is text.
fn start_tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(r) = rest.strip_prefix("!--") {
            rest = r.find("-->").map_or("", |end| &r[end + 3..]);
            continue;
        }
        if rest.starts_with(['!', '?', '/']) {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let (tag, after) = read_tag(rest);
        rest = after;
        if matches!(tag.name.as_str(), "script" | "style") {
            let close = format!("</{}", tag.name);
            rest = rest
                .to_ascii_lowercase()
                .find(&close)
                .map_or("", |end| &rest[end..]);
        }
        tags.push(tag);
    }
    tags
}

/// The tag that `rest` starts with (after its `<`), and the text after its `>`.
fn read_tag(rest: &str) -> (Tag, &str) {
    let end_of_name = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(rest.len());
    let mut tag = Tag {
        name: rest[..end_of_name].to_ascii_lowercase(),
        attrs: Vec::new(),
    };
    let mut s = &rest[end_of_name..];
    loop {
        s = s.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if s.is_empty() {
            return (tag, s);
        }
        if let Some(after) = s.strip_prefix('>') {
            return (tag, after);
        }
        let end = s
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(s.len())
            .max(1);
        let name = s[..end].to_ascii_lowercase();
        s = s[end..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let value = match s.strip_prefix('=') {
            Some(v) => {
                let v = v.trim_start_matches(|c: char| c.is_ascii_whitespace());
                let (value, after) = match v.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let close = v[1..].find(q).map_or(v.len(), |i| i + 1);
                        (&v[1..close], v.get(close + 1..).unwrap_or(""))
                    }
                    _ => {
                        let close = v
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .unwrap_or(v.len());
                        (&v[..close], &v[close..])
                    }
                };
                s = after;
                decode(value)
            }
            None => String::new(),
        };
        tag.attrs.push((name, value));
    }
}

// ---------------------------------------------------------------------------------------------
// What a page may hold.

/// Tags the theme writes and sanitised Markdown keeps. Frames, objects, `<base>`, forms other
/// than the theme's and the like are never among them.
const TAGS: &[&str] = &[
    "html",
    "head",
    "body",
    "meta",
    "title",
    "link",
    "script",
    "style",
    "noscript",
    "header",
    "nav",
    "main",
    "footer",
    "section",
    "article",
    "aside",
    "form",
    "label",
    "input",
    "button",
    "fieldset",
    "legend",
    "details",
    "summary",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "div",
    "span",
    "a",
    "abbr",
    "b",
    "i",
    "em",
    "strong",
    "small",
    "code",
    "pre",
    "kbd",
    "samp",
    "var",
    "sub",
    "sup",
    "br",
    "hr",
    "wbr",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "q",
    "cite",
    "del",
    "ins",
    "s",
    "strike",
    "u",
    "mark",
    "data",
    "time",
    "img",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "svg",
    "g",
    "rect",
    "line",
    "path",
    "text",
    "tspan",
    "circle",
    "polyline",
    "polygon",
    "defs",
    "marker",
    "desc",
    "ruby",
    "rt",
    "rp",
    "bdi",
    "bdo",
    "center",
    "tt",
    "acronym",
    "dfn",
    "hgroup",
    "map",
    "area",
    "rtc",
];

/// What is wrong with one tag of `page`, if anything.
fn unsafe_tag(page: &str, tag: &Tag) -> Vec<String> {
    let mut found = Vec::new();
    let root = page == "index.html";
    if !TAGS.contains(&tag.name.as_str()) {
        found.push(format!("a <{}> element", tag.name));
    }
    // The language choice at `/` is the only page with inline script, style and a refresh.
    match tag.name.as_str() {
        "script" if tag.get("src").is_none() && !root => found.push("an inline script".into()),
        "style" if !root => found.push("a <style> element".into()),
        "meta" if tag.get("http-equiv").is_some() && !root => {
            found.push("a <meta http-equiv>".into())
        }
        _ => {}
    }
    for (name, value) in &tag.attrs {
        let url = browser_url(value);
        let problem = if name.starts_with("on") {
            Some("an event handler")
        } else if [
            "href",
            "src",
            "action",
            "formaction",
            "cite",
            "poster",
            "data",
            "srcset",
        ]
        .contains(&name.as_str())
            && ["javascript:", "vbscript:", "data:"]
                .iter()
                .any(|s| url.starts_with(s))
        {
            Some("a script URL")
        } else if (["src", "srcset", "poster", "data", "background", "action"]
            .contains(&name.as_str())
            || (name == "href" && tag.name != "a"))
            && leaves_site(&url)
        {
            Some("a resource from another host")
        } else if name == "style"
            && (url.contains("url(") || url.contains("image-set(") || url.contains('\\'))
        {
            Some("CSS that loads a resource")
        } else {
            None
        };
        if let Some(problem) = problem {
            found.push(format!("{problem}: <{} {name}=\"{value}\">", tag.name));
        }
    }
    found
}

/// Every problem of every page of the built hostile site, as `page: problem`.
fn problems() -> Vec<String> {
    let mut found = Vec::new();
    for (page, bytes) in tree(built()) {
        if !page.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("pages are UTF-8");
        for tag in start_tags(&html) {
            found.extend(
                unsafe_tag(&page, &tag)
                    .into_iter()
                    .map(|p| format!("{page}: {p}")),
            );
        }
    }
    found
}

#[test]
fn no_page_runs_or_loads_anything_content_put_there() {
    let found = problems();
    assert!(
        found.is_empty(),
        "{} problems:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_what_it_looks_for() {
    // A test that cannot fail is a defect: the checks above must see each kind of problem.
    let page = "<p title='x' onclick=alert(1)>t</p><iframe src=https://x></iframe>\
                <a href=\" jav&#x09;ascript:alert(1)\">a</a><img src=\"//evil/x.png\">\
                <script>if (a<b) {}</script><td style=\"background:URL(https://x)\">";
    let found: Vec<String> = start_tags(page)
        .iter()
        .flat_map(|t| unsafe_tag("x/index.html", t))
        .collect();
    for want in [
        "an event handler: <p onclick",
        "a <iframe> element",
        "a resource from another host: <iframe src",
        "a script URL: <a href",
        "a resource from another host: <img src",
        "an inline script",
        "CSS that loads a resource: <td style",
    ] {
        assert!(
            found.iter().any(|f| f.starts_with(want)),
            "{want} not found in {found:?}"
        );
    }
    assert!(start_tags("<p>1 < 2 &lt;script&gt;</p>")
        .iter()
        .all(|t| t.name == "p"));
}

#[test]
fn the_payloads_are_on_the_pages_as_text() {
    // Escaped, not dropped: the region page of Kagoshima shows its name's payload as text.
    let html =
        std::fs::read_to_string(built().join("ja/regions/kagoshima-pref/index.html")).unwrap();
    let text = crate::support::text_of(&html);
    assert!(text.contains("</script><script>__xss("), "{text}");
}

#[test]
fn the_open_data_stays_valid() {
    let bytes = std::fs::read(built().join("data/compare.json")).unwrap();
    let json: Value = serde_json::from_slice(&bytes).unwrap();
    assert!(
        json.to_string().contains("__xss("),
        "compare.json lost the payloads"
    );
    let parts = records_parts(built());
    assert!(
        parts.iter().any(|(_, p)| p.to_string().contains("__xss(")),
        "the records' parts lost the payloads"
    );
}

// ---------------------------------------------------------------------------------------------
// The fixture is complete.

/// Where each schema's records are in the fixture.
const SCHEMAS: &[(&str, &[&str])] = &[
    ("regions", &["content/regions"]),
    ("status-sheets", &["content/status-sheets"]),
    ("outcomes", &["content/outcomes"]),
    ("cases", &["content/cases"]),
    ("practices", &["content/practices"]),
    ("analyses", &["content/analyses"]),
    ("pages", &["content/pages"]),
    (
        "vocabulary",
        &[
            "content/vocabularies/categories.yaml",
            "content/vocabularies/themes.yaml",
            "content/vocabularies/region-kinds.yaml",
            "content/vocabularies/actors.yaml",
        ],
    ),
    ("indicators", &["content/vocabularies/indicators.yaml"]),
    ("glossary", &["content/vocabularies/glossary.yaml"]),
];

/// The human texts a schema describes: the paths (`.basic.groups[].heading`) of its
/// `Text`, `Prose` and `Item` values, one level into each recursive type.
fn text_paths(
    schema: &Value,
    root: &Value,
    path: &str,
    seen: &mut Vec<String>,
    out: &mut BTreeSet<String>,
) {
    if let Some(name) = schema["$ref"].as_str().and_then(|r| r.rsplit('/').next()) {
        if ["Text", "Prose", "Item"].contains(&name) {
            out.insert(path.to_owned());
        }
        if seen.iter().any(|s| s == name) {
            return;
        }
        seen.push(name.to_owned());
        text_paths(&root["$defs"][name], root, path, seen, out);
        seen.pop();
        return;
    }
    for alt in ["anyOf", "oneOf", "allOf"] {
        for s in schema[alt].as_array().into_iter().flatten() {
            text_paths(s, root, path, seen, out);
        }
    }
    for (name, s) in schema["properties"].as_object().into_iter().flatten() {
        text_paths(s, root, &format!("{path}.{name}"), seen, out);
    }
    if schema["items"].is_object() {
        text_paths(&schema["items"], root, &format!("{path}[]"), seen, out);
    }
}

/// The paths of a record's values whose Japanese text holds a payload.
fn hostile_paths(node: &Value, path: &str, out: &mut BTreeSet<String>) {
    match node {
        Value::Object(map) => {
            if map
                .get("ja")
                .and_then(Value::as_str)
                .is_some_and(|t| t.contains("xss"))
            {
                out.insert(path.to_owned());
            }
            for (k, v) in map {
                hostile_paths(v, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| hostile_paths(v, &format!("{path}[]"), out)),
        _ => {}
    }
}

/// A YAML file of the fixture as JSON.
fn read_yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let node = casebook::yaml::parse(&text).root.unwrap();
    let mut diags = Vec::new();
    casebook::yaml::typed::<Value>(&node, "x.yaml", &mut diags).unwrap()
}

#[test]
fn every_text_field_of_the_schemas_holds_a_payload() {
    let fixture = repo().join("tests/fixtures/hostile");
    let mut missing = Vec::new();
    for (schema, places) in SCHEMAS {
        let text = std::fs::read_to_string(repo().join(format!("schemas/{schema}.json"))).unwrap();
        let root: Value = serde_json::from_str(&text).unwrap();
        let mut wanted = BTreeSet::new();
        let top = if root["type"] == "array" { "[]" } else { "" };
        let start = if top.is_empty() {
            root.clone()
        } else {
            root["items"].clone()
        };
        text_paths(&start, &root, top, &mut Vec::new(), &mut wanted);
        let mut have = BTreeSet::new();
        for place in *places {
            let path = fixture.join(place);
            let files: Vec<PathBuf> = if path.is_dir() {
                std::fs::read_dir(&path)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect()
            } else {
                vec![path]
            };
            for file in files {
                hostile_paths(&read_yaml(&file), "", &mut have);
            }
        }
        missing.extend(wanted.difference(&have).map(|p| format!("{schema}: {p}")));
    }
    assert!(
        missing.is_empty(),
        "text fields without a payload in tests/fixtures/hostile (add one, see its README):\n{}",
        missing.join("\n")
    );
}

/// `casebook.yaml`'s `base_path` was not checked: `\evil.example` gave every page
/// `<link href="/\evil.example/static/style.css">`, which browsers read as `//evil.example/…`,
/// so a configuration change loaded the site's styles and scripts from another host. Now it
/// and a theme name that leaves `themes/` are refused at their place, and nothing is built.
#[test]
fn a_base_path_or_theme_that_leaves_the_site_is_refused() {
    for (line, column) in [
        ("base_path: \"\\\\evil.example\"", 12),
        ("base_path: https://evil.example/", 12),
        ("base_path: /a/../../b/", 12),
        ("theme: ../../../tmp", 8),
    ] {
        let site = crate::support::TestSite::fixture("minimal");
        site.write(
            "casebook.yaml",
            &format!("title: {{ja: 最小, en: Minimal}}\n{line}\n"),
        );
        let out = site.run(&["check", "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "{line}: {out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("\"code\":\"config\"")
                && text.contains("\"line\":2")
                && text.contains(&format!("\"column\":{column}")),
            "{line}: {text}"
        );
        let built = site.build();
        assert_eq!(built.status.code(), Some(1), "{line}");
        assert!(!site.out().exists(), "{line}: nothing is built");
    }
}
