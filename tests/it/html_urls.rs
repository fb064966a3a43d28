//! What a browser makes of the attributes of a page, shared by the two readers of HTML in the
//! tests: `hostile` (whole built pages, read as a browser's tokenizer reads them) and
//! `fuzz::markdown` (sanitised fragments, read by the grammar of html5ever's serialiser).

/// An attribute value with its character references decoded (named ones a payload would use,
/// and numeric ones in decimal or hex).
pub fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let code = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "nbsp" => Some('\u{a0}'),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            code.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a browser makes of a URL attribute before reading its scheme: tabs and newlines
/// removed, leading and trailing controls and spaces trimmed, lowercased.
pub fn browser_url(value: &str) -> String {
    value
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ')
        .to_ascii_lowercase()
}

/// The scheme of a URL, if it has one (`javascript`, `https`).
pub fn scheme(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
    .then_some(scheme)
}

/// Whether a URL names a scheme or another host (`//`, `\\`, `/\`) rather than a path of
/// this site.
pub fn leaves_site(url: &str) -> bool {
    scheme(url).is_some()
        || url.starts_with("//")
        || url.starts_with('\\')
        || url.starts_with("/\\")
}

#[test]
fn urls_are_read_as_a_browser_reads_them() {
    assert_eq!(browser_url(" \u{1}Jav\tascript:x "), "javascript:x");
    assert_eq!(scheme("javascript:alert(1)"), Some("javascript"));
    assert_eq!(scheme("/ja/regions/a:b/"), None);
    assert_eq!(scheme("1http:x"), None);
    for far in ["https://x", "//x", "\\\\x", "/\\x", "data:x"] {
        assert!(leaves_site(far), "{far}");
    }
    for near in ["/ja/", "../x", "x.png", "#a"] {
        assert!(!leaves_site(near), "{near}");
    }
    assert_eq!(
        decode("a&amp;b&#x6A;&#106;&colon;&nbsp;&bogus;"),
        "a&bjj:\u{a0}&bogus;"
    );
}
