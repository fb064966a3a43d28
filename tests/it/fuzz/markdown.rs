//! The Markdown renderer (`render::markdown::render`, `render_at`) on arbitrary text and on
//! Markdown-shaped text: headings, nested lists and quotes, fenced code in many languages,
//! tables, footnotes, reference links, links and images to every kind of URL, and raw HTML
//! from an attacker's toolbox.
//!
//! Properties: nothing panics; the HTML grows at most linearly with the Markdown; it is
//! well-formed as ammonia serialises it; its tags and attributes come from an allowlist, with
//! no event handler, no `javascript:` (or other script) URL, no resource loaded from another
//! host (`src`, `srcset`, CSS `url()`), and no `<script`, `<iframe`, `<base` or `<meta`
//! anywhere.

use casebook::render::markdown::{render, render_at};
use proptest::prelude::*;

use super::{cases, hostile_text};
use crate::html_urls::{browser_url, decode, leaves_site, scheme};

/// URLs an editor or an attacker could put in a link or an image.
const URLS: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "%6Aavascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
    "https://evil.example/x.png",
    "http://evil.example/x",
    "//evil.example/x.png",
    "\\\\evil.example\\x.png",
    "/\\evil.example/x.png",
    "http:evil.example",
    "file:///etc/passwd",
    "../../etc/passwd",
    "/ja/cases/x/",
    "img/ok.png",
    "mailto:someone@example.org",
    "#fn-1",
    "?q=1",
    "<javascript:alert(1)>",
    "<https://evil.example/a b>",
    "",
    "{{ config.title }}",
    "x\" onerror=\"alert(1)",
];

/// Raw HTML that tries to run script, load from elsewhere or take the page over.
pub const RAW_HTML: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"https://evil.example/i.png\">",
    "<img src=\"//evil.example/i.png\">",
    "<img srcset=\"https://evil.example/i.png 1x\" src=ok.png>",
    "<picture><source srcset=\"https://evil.example/p.png\"><img src=ok.png></picture>",
    "<video src=https://evil.example/v.mp4 poster=https://evil.example/p.png></video>",
    "<audio src=https://evil.example/a.mp3 autoplay></audio>",
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<iframe src=\"https://evil.example/\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
    "<link rel=stylesheet href=https://evil.example/s.css>",
    "<style>@import url(https://evil.example/s.css); body{background:url(https://evil.example/b.png)}</style>",
    "<div style=\"background:url(https://evil.example/d.png)\">d</div>",
    "<table><tr><td style=\"background:url(https://evil.example/t.png)\">t</td></tr></table>",
    "<table><tr><th style=\"background-image:url('//evil.example/t.png')\">t</th></tr></table>",
    "<a href=\"javascript:alert(1)\">j</a>",
    "<a href=\"&#106;avascript:alert(1)\">e</a>",
    "<a href=\" javascript:alert(1)\">s</a>",
    "<a href=\"java\tscript:alert(1)\">t</a>",
    "<a href=x onmouseover=alert(1)>m</a>",
    "<form action=https://evil.example/><button formaction=javascript:alert(1)>b</button></form>",
    "<object data=https://evil.example/o></object>",
    "<embed src=https://evil.example/e>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)><summary>s</summary></details>",
    "<body onload=alert(1)>",
    "<!--<script>alert(1)</script>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "\"><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "' onmouseover='alert(1)",
    "<span class=x onclick=alert(1)>c</span>",
    "<div id=search-form class=\"x\">clobber</div>",
    "<a id=__proto__ href=/x>p</a>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template>",
    "<marquee onstart=alert(1)>m</marquee>",
    "{{ config }}{% raw %}",
];

/// Fence languages: real ones, unknown ones and hostile ones.
const LANGS: &[&str] = &[
    "",
    "rust",
    "yaml",
    "html",
    "js",
    "javascript",
    "css",
    "python",
    "c",
    "sh",
    "json",
    "xml",
    "md",
    "unknown",
    "<script>",
    "\"onmouseover=alert(1)",
    "{{x}}",
];

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(URLS).prop_map(str::to_owned),
        1 => "[a-z/:.#?=&%-]{0,24}",
    ]
}

fn inline() -> impl Strategy<Value = String> {
    let text = || hostile_text(12);
    prop_oneof![
        6 => text(),
        1 => text().prop_map(|t| format!("**{t}**")),
        1 => text().prop_map(|t| format!("*{t}*")),
        1 => text().prop_map(|t| format!("~~{t}~~")),
        1 => text().prop_map(|t| format!("`{t}`")),
        2 => (text(), url()).prop_map(|(t, u)| format!("[{t}]({u})")),
        1 => (text(), url(), text()).prop_map(|(t, u, title)| format!("[{t}]({u} \"{title}\")")),
        2 => (text(), url()).prop_map(|(t, u)| format!("![{t}]({u})")),
        1 => url().prop_map(|u| format!("<{u}>")),
        1 => text().prop_map(|t| format!("[{t}][r]")),
        1 => Just("[^1]".to_owned()),
        2 => prop::sample::select(RAW_HTML).prop_map(str::to_owned),
        1 => prop::sample::select(&["&lt;script&gt;", "&#x3C;script&#x3E;", "&amp;", "&#0;", "&nbsp;", "\\<", "  \n"][..])
            .prop_map(str::to_owned),
    ]
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(inline(), 1..6).prop_map(|p| p.join(""))
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => paragraph(),
        1 => (1..=7usize, paragraph()).prop_map(|(n, p)| format!("{} {p}", "#".repeat(n))),
        2 => prop::collection::vec((0..6usize, prop::sample::select(&["- ", "* ", "1. ", "2) ", "- [ ] "][..]), paragraph()), 1..6)
            .prop_map(|items| items.iter().map(|(depth, mark, p)| format!("{}{mark}{p}\n", "  ".repeat(*depth))).collect()),
        1 => (1..12usize, paragraph()).prop_map(|(n, p)| format!("{}{p}", "> ".repeat(n))),
        2 => (prop::sample::select(LANGS), hostile_text(60), prop::sample::select(&["```", "~~~", "````"][..]))
            .prop_map(|(lang, code, fence)| format!("{fence}{lang}\n{code}\n{fence}")),
        1 => (1..6usize, 0..6usize, paragraph()).prop_map(|(cols, rows, p)| {
            let header = format!("|{}|", vec!["h"; cols].join("|"));
            let rule = format!("|{}|", vec!["---"; cols].join("|"));
            let row = format!("| {p} |");
            std::iter::once(header).chain([rule]).chain(std::iter::repeat_n(row, rows)).collect::<Vec<_>>().join("\n")
        }),
        1 => paragraph().prop_map(|p| format!("[^1]: {p}")),
        1 => url().prop_map(|u| format!("[r]: {u} \"t\"")),
        2 => prop::collection::vec(prop::sample::select(RAW_HTML), 1..4).prop_map(|h| h.concat()),
        1 => Just("---".to_owned()),
        1 => "    [a-z<>&\"']{1,20}",
    ]
}

fn markdown() -> impl Strategy<Value = String> {
    prop::collection::vec(block(), 1..8).prop_map(|b| b.join("\n\n"))
}

/// A start or end tag of ammonia's output: its name and attributes (values decoded).
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

/// The tags of `html`, read by the grammar html5ever's serialiser writes (what ammonia
/// returns): `<name attr="value">` with `&`, `"` and no-break spaces escaped in values, and
/// `<`, `>` and `&` escaped in text. Anything else is an error.
fn tags(html: &str) -> Result<Vec<Tag>, String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(['<', '>']) {
        if rest[at..].starts_with('>') {
            return Err(format!(
                "a bare `>` in text at …{}",
                &rest[at.saturating_sub(40)..at + 1]
            ));
        }
        let after = rest[at + 1..].strip_prefix('/').unwrap_or(&rest[at + 1..]);
        let name_len = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        if name_len == 0 {
            return Err(format!(
                "a `<` that opens no tag at …{}",
                &rest[at..(at + 40).min(rest.len())]
            ));
        }
        let mut tag = Tag {
            name: after[..name_len].to_owned(),
            attrs: Vec::new(),
        };
        let mut s = &after[name_len..];
        loop {
            if let Some(r) = s.strip_prefix('>') {
                s = r;
                break;
            }
            let r = s.strip_prefix(' ').ok_or_else(|| {
                format!(
                    "unexpected text in tag <{}>: {}",
                    tag.name,
                    &s[..s.len().min(40)]
                )
            })?;
            let name_len = r.find(['=', ' ', '>']).unwrap_or(r.len());
            let (name, r) = r.split_at(name_len);
            let (value, r) = match r.strip_prefix("=\"") {
                Some(v) => {
                    let end = v.find('"').ok_or("an unclosed attribute value")?;
                    (decode(&v[..end]), &v[end + 1..])
                }
                None => (String::new(), r),
            };
            tag.attrs.push((name.to_owned(), value));
            s = r;
        }
        out.push(tag);
        rest = s;
    }
    Ok(out)
}

/// The tags sanitised Markdown may contain (ammonia's defaults, which the renderer keeps).
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "area",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "map",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
    "tfoot",
];

/// Every property of sanitised HTML (see the module's doc); the violations found.
pub fn unsafe_parts(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    for needle in [
        "<script", "<iframe", "<base", "<meta", "<style", "<object", "<embed", "<svg", "<form",
    ] {
        if lower.contains(needle) {
            found.push(format!("`{needle}` in the HTML"));
        }
    }
    let tags = match tags(html) {
        Ok(tags) => tags,
        Err(e) => {
            found.push(e);
            return found;
        }
    };
    for tag in &tags {
        if !TAGS.contains(&tag.name.as_str()) {
            found.push(format!("tag <{}>", tag.name));
        }
        for (name, value) in &tag.attrs {
            found.extend(unsafe_attribute(&tag.name, name, value));
        }
    }
    found
}

fn unsafe_attribute(tag: &str, name: &str, value: &str) -> Option<String> {
    let url = browser_url(value);
    let bad = if name.starts_with("on") {
        "an event handler"
    } else if [
        "srcset",
        "srcdoc",
        "formaction",
        "action",
        "background",
        "poster",
        "data",
        "xlink:href",
        "http-equiv",
        "ping",
    ]
    .contains(&name)
    {
        "an attribute that loads or runs something"
    } else if name == "style"
        && (url.contains("url(")
            || url.contains("image-set(")
            || url.contains('\\')
            || url.contains("expression")
            || url.contains("@import"))
    {
        "a style that loads a resource"
    } else if ["href", "src", "cite"].contains(&name)
        && scheme(&url).is_some_and(|s| !["http", "https", "mailto"].contains(&s))
    {
        "a URL with a scheme other than http, https or mailto"
    } else if name == "src" && leaves_site(&url) {
        "a resource from another host"
    } else {
        return None;
    };
    Some(format!("{bad}: <{tag} {name}=\"{value}\">"))
}

/// How many times larger than its Markdown the HTML may be: highlighted code, the worst
/// linear case, wraps each character in a `<span class="hl-…">` of about 60 bytes.
const MAX_GROWTH: usize = 128;

/// The properties of [`render`] and [`render_at`] on `md`.
fn check(md: &str) -> Result<(), TestCaseError> {
    for html in [render(md), render_at(md, "/base/")] {
        prop_assert!(
            html.len() <= MAX_GROWTH * md.len() + 4096,
            "{} bytes of HTML from {} of Markdown",
            html.len(),
            md.len()
        );
        let found = unsafe_parts(&html);
        prop_assert!(found.is_empty(), "{:?}\nin\n{}", found, html);
    }
    prop_assert_eq!(render(md), render(md));
    Ok(())
}

proptest! {
    #![proptest_config(cases(128))]

    #[test]
    fn arbitrary_text(md in any::<String>()) {
        check(&md)?;
    }

    #[test]
    fn hostile_text_of_every_script(md in hostile_text(200)) {
        check(&md)?;
    }

    #[test]
    fn markdown_shaped_text(md in markdown()) {
        check(&md)?;
    }
}

// Findings of issue #20 ("Sanitising is visible" and "Bounded work per file") that the fuzzing
// pinned before they were fixed: each stays as a regression test.

fn assert_safe(md: &str) {
    let found = unsafe_parts(&render(md));
    assert!(found.is_empty(), "unsafe HTML: {found:?}");
}

/// Item 4: a raw `<img>` from another host is removed, so the browser fetches nothing.
#[test]
fn a_raw_remote_image_is_removed() {
    assert_safe("<img src=\"https://evil.example/i.png\">");
}

/// The sanitiser allows `style` on table cells (for column alignment), but not CSS `url()`
/// there, which would load from another host.
#[test]
fn a_css_url_in_a_table_cell_is_removed() {
    assert_safe(
        "<table><tr><td style=\"background:url(https://evil.example/t.png)\">t</td></tr></table>",
    );
}

/// Item 2 (table sizes): a table's header sets its width and every later line becomes a row
/// of that width, so HTML grew with rows × columns: 1,204 bytes of Markdown (200 columns,
/// 200 one-character rows) gave 360 KB. Tables past the cell limit are no longer laid out.
#[test]
fn tables_do_not_grow_quadratically() {
    let md = format!(
        "|{}\n|{}\n{}",
        "a|".repeat(200),
        "-|".repeat(200),
        "x\n".repeat(200)
    );
    let html = render(&md);
    assert!(
        html.len() <= MAX_GROWTH * md.len() + 4096,
        "{} bytes of HTML, {} times its Markdown",
        html.len(),
        html.len() / md.len()
    );
}
