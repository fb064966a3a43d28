//! The rules for Markdown, in one place for `check` and the renderer: the limits that bound
//! what a build spends on one text and one file, where links and images may point, and the
//! HTML the sanitiser keeps. `render::markdown` builds its sanitiser from these tables and
//! decides with these functions; `validate::markdown` reports against them, so what `check`
//! says is what the page gets.
//!
//! The limits were measured with `benches/markdown.py` (see docs/SECURITY.md): pulldown-cmark
//! is linear on 64 KiB of any input we tried; ammonia (html5ever) is not — deep nesting is
//! quadratic in the depth, a long run of text with many `&` is quadratic in its length (its
//! serializer searches the rest of the run for every `&`), and every element costs a few
//! microseconds; syntect highlights about 30 µs per byte of Rust.

use crate::model::lang::Lang;

/// Largest Markdown text (one language of one field). The largest in the handbook is 5 KB.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
/// Deepest nesting of elements a text makes: lists, list items, block quotes, emphasis, links,
/// table parts and raw HTML elements each count one level.
pub const MAX_NESTING: usize = 32;
/// Longest run of text with no markup in it (a paragraph with no emphasis or link), in
/// characters. The longest paragraph in the handbook has 1,872.
pub const MAX_RUN_CHARS: usize = 10_000;
/// Most cells in one table: rows × columns (pulldown-cmark pads short rows to the header's
/// width, so a wide header and many short rows make rows × columns cells).
pub const MAX_TABLE_CELLS: usize = 5_000;
/// Largest fenced code block that is highlighted; larger ones are printed unhighlighted.
pub const MAX_HIGHLIGHT_BYTES: usize = 8 * 1024;
/// Longest line (characters) of a fenced code block that is highlighted.
pub const MAX_HIGHLIGHT_LINE_CHARS: usize = 500;
/// Most elements the Markdown of one file may make (both languages of every field).
pub const MAX_FILE_ELEMENTS: usize = 20_000;
/// Most code one file may have highlighted (code blocks with a language, within the
/// per-block limits).
pub const MAX_FILE_HIGHLIGHT_BYTES: usize = 16 * 1024;

/// The pulldown-cmark extensions Prose is parsed with.
pub fn options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Elements the sanitiser keeps (ammonia's defaults).
#[rustfmt::skip]
pub const TAGS: &[&str] = &[
    "a", "abbr", "acronym", "area", "article", "aside", "b", "bdi", "bdo", "blockquote", "br",
    "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "i", "img", "ins", "kbd", "li", "map", "mark", "nav",
    "ol", "p", "pre", "q", "rp", "rt", "rtc", "ruby", "s", "samp", "small", "span", "strike",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "time", "tr",
    "tt", "u", "ul", "var", "wbr",
];

/// Elements removed with everything inside them.
pub const CLEAN_CONTENT_TAGS: &[&str] = &["script", "style"];

/// Attributes kept on every element.
pub const GENERIC_ATTRIBUTES: &[&str] = &["lang", "title"];

/// Attributes kept per element: ammonia's defaults, and the classes, ids and alignment that
/// the renderer itself writes (highlighted code, footnotes, marked lists, table columns).
#[rustfmt::skip]
pub const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang", "class", "id"]),
    ("bdo", &["dir"]),
    ("blockquote", &["cite"]),
    ("code", &["class"]),
    ("col", &["align", "char", "charoff", "span"]),
    ("colgroup", &["align", "char", "charoff", "span"]),
    ("del", &["cite", "datetime"]),
    ("div", &["class", "id"]),
    ("hr", &["align", "size", "width"]),
    ("img", &["align", "alt", "height", "src", "width"]),
    ("ins", &["cite", "datetime"]),
    ("li", &["id"]),
    ("ol", &["start"]),
    ("pre", &["class"]),
    ("q", &["cite"]),
    ("span", &["class", "aria-hidden"]),
    ("sup", &["class", "id"]),
    ("table", &["align", "char", "charoff", "summary"]),
    ("tbody", &["align", "char", "charoff"]),
    ("td", &["align", "char", "charoff", "colspan", "headers", "rowspan", "style"]),
    ("tfoot", &["align", "char", "charoff"]),
    ("th", &["align", "char", "charoff", "colspan", "headers", "rowspan", "scope", "style"]),
    ("thead", &["align", "char", "charoff"]),
    ("tr", &["align", "char", "charoff"]),
    ("ul", &["class"]),
];

/// URL schemes kept in `href` and `src`.
pub const URL_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Elements that load something from wherever they point: removed, and reported as remote
/// resources rather than as plain removals.
#[rustfmt::skip]
pub const LOADING_TAGS: &[&str] = &[
    "iframe", "frame", "frameset", "video", "audio", "source", "track", "link", "object",
    "embed", "applet", "picture", "portal", "image", "base", "meta",
];

/// Attributes that load something (or send a request) from wherever they point: when one is
/// removed and points to another host, it is reported as a remote resource.
#[rustfmt::skip]
pub const LOADING_ATTRIBUTES: &[&str] = &[
    "srcset", "poster", "background", "data", "ping", "action", "formaction", "xlink:href",
    "codebase", "archive", "longdesc", "lowsrc", "dynsrc", "imagesrcset",
];

/// The first segments of site-absolute paths that the site serves, besides the languages:
/// what a build writes at the top of its output (a test keeps this list current).
pub const SITE_TOP: &[&str] = &["data", "search", "static", "index.html", "404.html"];

/// Whether an element is kept.
pub fn tag_allowed(tag: &str) -> bool {
    TAGS.contains(&tag)
}

/// Whether an attribute is kept on an element, whatever its value.
pub fn attribute_allowed(tag: &str, attr: &str) -> bool {
    GENERIC_ATTRIBUTES.contains(&attr)
        || TAG_ATTRIBUTES
            .iter()
            .any(|(t, attrs)| *t == tag && attrs.contains(&attr))
}

/// Where a link or an image points, and what becomes of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Kept: a page or file of the site, a fragment, or (for links) the web or mail.
    Keep,
    /// An image or other resource on another host: removed, the page loads nothing from
    /// elsewhere.
    Remote,
    /// A scheme the sanitiser removes (`javascript:`, `data:` …), or a scheme-relative link.
    Removed(String),
    /// A path that leaves the site (an error): why, in words.
    Outside(String),
}

/// Where a link (`<a href>`, `[text](url)`) may point.
pub fn link(url: &str) -> Target {
    let url = normalise(url);
    if let Some(why) = outside(&url) {
        return Target::Outside(why);
    }
    match scheme(&url) {
        Some(s) if URL_SCHEMES.contains(&s.to_ascii_lowercase().as_str()) => Target::Keep,
        Some(s) => Target::Removed(format!("{s}:")),
        None if url.starts_with("//") => Target::Removed("//".into()),
        None => Target::Keep,
    }
}

/// Where an image (`<img src>`, `![alt](url)`) may point: only inside the site.
pub fn image(url: &str) -> Target {
    let url = normalise(url);
    if let Some(why) = outside(&url) {
        return Target::Outside(why);
    }
    match scheme(&url) {
        Some(s) if matches!(s.to_ascii_lowercase().as_str(), "http" | "https") => Target::Remote,
        Some(s) => Target::Removed(format!("{s}:")),
        None if url.starts_with("//") => Target::Remote,
        None => Target::Keep,
    }
}

/// The value of a kept attribute, checked: `Ok` to keep it, or what removes it.
pub fn attribute_value(tag: &str, attr: &str, value: &str) -> Result<(), Target> {
    match (tag, attr) {
        ("img", "src") => keep_or(image(value)),
        (_, "href") => keep_or(link(value)),
        (_, "style") if style_loads(value) => Err(Target::Remote),
        // Only the alignment pulldown-cmark writes for table columns.
        (_, "style") => match value {
            "text-align: left" | "text-align: center" | "text-align: right" => Ok(()),
            _ => Err(Target::Removed("style".into())),
        },
        (_, "src") => match scheme(&normalise(value)) {
            Some(s) if !URL_SCHEMES.contains(&s.to_ascii_lowercase().as_str()) => {
                Err(Target::Removed(format!("{s}:")))
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

/// Whether a `style` attribute's CSS names something to load (`url(…)`, `image-set(…)`):
/// removed like any style but the table columns' alignment, and reported as a remote resource.
pub fn style_loads(value: &str) -> bool {
    let css = value.to_ascii_lowercase();
    css.contains("url(") || css.contains("image-set(")
}

fn keep_or(target: Target) -> Result<(), Target> {
    match target {
        Target::Keep => Ok(()),
        other => Err(other),
    }
}

/// As browsers read a URL: ASCII tabs and newlines removed anywhere, and leading and
/// trailing spaces and controls (`java\tscript:` is `javascript:`).
fn normalise(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of a URL (`https` of `https://…`), as the URL standard reads it.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let s = &url[..end];
    let mut chars = s.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(s)
}

/// Why a URL leaves the site, if it does.
fn outside(url: &str) -> Option<String> {
    let bytes = url.as_bytes();
    if bytes.len() >= 2
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && (bytes.len() == 2 || matches!(bytes[2], b'\\' | b'/'))
    {
        return Some("a Windows path".into());
    }
    if scheme(url).is_some_and(|s| s.eq_ignore_ascii_case("file")) {
        return Some("a `file:` URL, which opens a file of the reader's computer".into());
    }
    if scheme(url).is_some() {
        return None;
    }
    if url.contains('\\') {
        return Some("a path with `\\`, which browsers read as `/`".into());
    }
    if url.starts_with('~') {
        return Some("a home-directory path".into());
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let climbs = path.split('/').any(|seg| {
        let seg = seg.to_ascii_lowercase().replace("%2e", ".");
        seg == ".."
    });
    if climbs {
        return Some(
            "a path with `..`: a text is shown on pages at different depths, so where `..` \
             leads cannot be known"
                .into(),
        );
    }
    let first = match path.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') => rest.split('/').next().unwrap_or(""),
        _ => return None,
    };
    let served = first.is_empty()
        || SITE_TOP.contains(&first)
        || Lang::ALL.iter().any(|l| l.code() == first);
    (!served).then(|| format!("`/{first}/…` is not a path of the site"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outside(t: Target) -> bool {
        matches!(t, Target::Outside(_))
    }

    #[test]
    fn links_keep_the_site_the_web_and_mail() {
        for url in [
            "/ja/cases/x/",
            "/en/",
            "/",
            "/data/records.json",
            "cases/y/",
            "#fn1",
            "?q=x",
            "",
            "https://example.org/a",
            "HTTP://example.org",
            "mailto:a@example.org",
        ] {
            assert_eq!(link(url), Target::Keep, "{url}");
        }
    }

    #[test]
    fn paths_that_leave_the_site_are_named() {
        for url in [
            "../../etc/passwd",
            "a/../../b",
            "/ja/%2E%2E/%2e%2e/etc",
            "file:///etc/passwd",
            "FILE:/x",
            "/etc/passwd",
            "C:\\Windows\\win.ini",
            "c:/x",
            "\\\\server\\share",
            "~/secret",
            "img\\x.png",
        ] {
            assert!(outside(link(url)), "{url}");
            assert!(outside(image(url)), "{url}");
        }
    }

    #[test]
    fn other_schemes_are_removed_even_when_disguised() {
        assert_eq!(
            link("javascript:alert(1)"),
            Target::Removed("javascript:".into())
        );
        assert_eq!(
            link(" java\tscript:alert(1)"),
            Target::Removed("javascript:".into())
        );
        assert_eq!(link("data:text/html,x"), Target::Removed("data:".into()));
        assert_eq!(link("//host/x"), Target::Removed("//".into()));
    }

    #[test]
    fn images_load_only_from_the_site() {
        assert_eq!(image("img/ok.png"), Target::Keep);
        assert_eq!(image("/static/x.png"), Target::Keep);
        assert_eq!(image("https://evil.example/x.png"), Target::Remote);
        assert_eq!(image("//evil.example/x.png"), Target::Remote);
        assert_eq!(
            image("data:image/png;base64,AA"),
            Target::Removed("data:".into())
        );
        assert_eq!(image("mailto:a@b"), Target::Removed("mailto:".into()));
    }

    #[test]
    fn attribute_values_follow_the_same_rules() {
        assert_eq!(attribute_value("td", "style", "text-align: left"), Ok(()));
        assert_eq!(
            attribute_value("td", "style", "background: url(https://x/y.png)"),
            Err(Target::Remote)
        );
        assert_eq!(
            attribute_value("td", "style", "background: IMAGE-SET(\"//x/y.png\" 1x)"),
            Err(Target::Remote)
        );
        assert_eq!(
            attribute_value("td", "style", "color: red"),
            Err(Target::Removed("style".into()))
        );
        assert_eq!(
            attribute_value("img", "src", "https://x/y.png"),
            Err(Target::Remote)
        );
        assert!(attribute_value("a", "href", "/etc/passwd").is_err());
        assert_eq!(attribute_value("a", "title", "javascript:x"), Ok(()));
        assert!(attribute_allowed("span", "class") && attribute_allowed("p", "lang"));
        assert!(!attribute_allowed("img", "onerror") && !attribute_allowed("img", "srcset"));
        assert!(tag_allowed("table") && !tag_allowed("script") && !tag_allowed("iframe"));
    }
}
