//! Markdown to safe HTML: pulldown-cmark (tables, footnotes), fenced code highlighted by
//! syntect with CSS classes, links and images kept inside the site, then ammonia.
//!
//! Content is untrusted. The rules are `validate::markdown::rules`, shared with `check`: one
//! pass ([`Walker`]) goes over the parser's events and says what becomes of each link, image
//! and code block, and stops at a limit that bounds the work (size, nesting, a paragraph's
//! length, a table's cells) — the text is then printed escaped, as written, so a build never
//! hangs on a text `check` would refuse. Raw HTML is sanitised by ammonia, built from the same
//! allowlist; images load only from the site; template syntax (`{{ }}`, `{% %}`) is never
//! evaluated because content reaches templates as data, not as template source.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::html::escape;
use crate::validate::markdown::rules::{self, Target};
use crate::validate::markdown::scan::{Action, Walker};

/// Loaded once, from syntect's bundled binary dump (a few milliseconds).
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// ammonia, configured from `rules`' tables.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let attributes: HashMap<&str, HashSet<&str>> = rules::TAG_ATTRIBUTES
        .iter()
        .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
        .collect();
    let mut b = ammonia::Builder::empty();
    b.tags(rules::TAGS.iter().copied().collect())
        .clean_content_tags(rules::CLEAN_CONTENT_TAGS.iter().copied().collect())
        .generic_attributes(rules::GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(attributes)
        .url_schemes(rules::URL_SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .id_prefix(None)
        .attribute_filter(|tag, attr, value| kept(tag, attr, value).then_some(value.into()));
    b
});

/// Whether the sanitiser keeps an allowed attribute's value. Nothing loads from elsewhere and
/// no refused scheme stays; a path that leaves the site is `check`'s error (here, after
/// rebasing, `/base/ja/…` would look like one, and such a path only names this host).
fn kept(tag: &str, attr: &str, value: &str) -> bool {
    !matches!(
        rules::attribute_value(tag, attr, value),
        Err(Target::Remote | Target::Removed(_))
    )
}

/// The CSS for highlighted code, generated from a bundled syntect theme.
pub fn highlight_css() -> String {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let theme = &themes.themes["InspiredGitHub"];
    syntect::html::css_for_theme_with_class_style(
        theme,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    )
    .unwrap_or_default()
}

/// Render Markdown to sanitised HTML.
pub fn render(markdown: &str) -> String {
    render_at(markdown, "/")
}

/// [`render`] for a site served below `base_path` (ending in `/`): a site-absolute link or
/// image (`/ja/cases/x/`) gets the base path in front, so content links keep working when
/// the site is published in a subdirectory.
pub fn render_at(markdown: &str, base_path: &str) -> String {
    let Ok(mut walker) = Walker::new(markdown) else {
        return unrendered(markdown);
    };
    let mut rewriter = Rewriter {
        base_path,
        events: Vec::new(),
        code: None,
        images: Vec::new(),
    };
    for (event, range) in Parser::new_ext(markdown, rules::options()).into_offset_iter() {
        match walker.event(&event, range) {
            Action::Stop => return unrendered(markdown),
            action => rewriter.event(event, action),
        }
    }
    let mut events = rewriter.events;
    mark_lists(&mut events);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    SANITIZER.clean(&html).to_string()
}

/// A text over a limit that bounds the work, printed as written (escaped), unparsed.
fn unrendered(markdown: &str) -> String {
    format!("<pre class=\"unrendered\">{}</pre>\n", escape(markdown))
}

/// The parser's events, rewritten for the page as the walker decides: fenced code
/// highlighted or not, links and images kept (site-absolute ones rebased below the base
/// path) or dropped.
struct Rewriter<'a> {
    base_path: &'a str,
    events: Vec<Event<'a>>,
    /// Inside a code block: its language and the code so far.
    code: Option<(String, String)>,
    /// The images open, innermost last: whether each is kept (a dropped one keeps its alt
    /// text only).
    images: Vec<bool>,
}

impl<'a> Rewriter<'a> {
    fn event(&mut self, event: Event<'a>, action: Action) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => self.code_start(kind),
            Event::Text(t) if self.code.is_some() => {
                if let Some((_, buf)) = &mut self.code {
                    buf.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) if self.code.is_some() => {
                self.code_end(action == Action::Code { highlight: true });
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = action != Action::Drop;
                self.images.push(keep);
                if keep {
                    self.events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url: rebase(dest_url, self.base_path),
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Image) => {
                if self.images.pop().unwrap_or(true) {
                    self.events.push(event);
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => self.link(action, link_type, dest_url, title, id),
            e => self.events.push(e),
        }
    }

    fn code_start(&mut self, kind: CodeBlockKind) {
        let lang = match kind {
            CodeBlockKind::Fenced(l) => l.split_whitespace().next().unwrap_or("").to_owned(),
            CodeBlockKind::Indented => String::new(),
        };
        self.code = Some((lang, String::new()));
    }

    fn code_end(&mut self, highlight: bool) {
        let (lang, buf) = self.code.take().unwrap_or_default();
        let html = if highlight {
            highlighted(&lang, &buf)
        } else {
            None
        };
        let html = html.unwrap_or_else(|| plain_code(&buf));
        self.events.push(Event::Html(CowStr::from(html)));
    }

    /// A kept link inside the site is rebased; a dropped one keeps its text, with no target.
    fn link(
        &mut self,
        action: Action,
        link_type: LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
    ) {
        let dest_url = if action == Action::Drop {
            CowStr::from("")
        } else {
            rebase(dest_url, self.base_path)
        };
        self.events.push(Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }));
    }
}

/// The marks Japanese documents print before list items.
const MARKS: &[char] = &['・', '●', '○', '〇', '◯', '◎', '■', '□', '◆', '◇', '※'];

/// A bullet list whose every item starts with a printed mark (`- ・フットワーク…`) keeps the
/// marks as the source prints them: the list loses its own bullets (`class="marked"`, as the
/// templates' marked lists) and each mark becomes a `<span class="mark">`. A list where only
/// some items carry a mark is left as it is.
fn mark_lists(events: &mut Vec<Event<'_>>) {
    let mut i = 0;
    while i < events.len() {
        if !matches!(events[i], Event::Start(Tag::List(None))) {
            i += 1;
            continue;
        }
        // The list's end, and the first event of each of its own items.
        let (mut depth, mut end, mut firsts) = (0usize, None, Vec::new());
        for (j, e) in events.iter().enumerate().skip(i) {
            match e {
                Event::Start(Tag::List(_)) => depth += 1,
                Event::End(TagEnd::List(_)) => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(j);
                        break;
                    }
                }
                Event::Start(Tag::Item) if depth == 1 => {
                    let para = matches!(events.get(j + 1), Some(Event::Start(Tag::Paragraph)));
                    firsts.push(j + 1 + usize::from(para));
                }
                _ => {}
            }
        }
        let Some(end) = end else { return };
        let marked = !firsts.is_empty()
            && firsts
                .iter()
                .all(|&k| matches!(events.get(k), Some(Event::Text(t)) if t.starts_with(MARKS)));
        if marked {
            events[i] = Event::Html(CowStr::from("<ul class=\"marked\">\n"));
            events[end] = Event::Html(CowStr::from("</ul>\n"));
            // From the last item back, so the indices before stay valid.
            for &k in firsts.iter().rev() {
                let Event::Text(t) = &events[k] else { continue };
                let mark = t.chars().next().unwrap_or_default();
                let rest = t[mark.len_utf8()..].trim_start().to_owned();
                let span = format!("<span class=\"mark\" aria-hidden=\"true\">{mark}</span>");
                events[k] = Event::Text(CowStr::from(rest));
                events.insert(k, Event::InlineHtml(CowStr::from(span)));
            }
        }
        i += 1;
    }
}

/// A site-absolute URL (`/ja/…`, not `//host`) below `base_path`.
fn rebase<'a>(url: CowStr<'a>, base_path: &str) -> CowStr<'a> {
    match url.strip_prefix('/') {
        Some(rest) if base_path != "/" && !rest.starts_with('/') => {
            CowStr::from(format!("{base_path}{rest}"))
        }
        _ => url,
    }
}

fn plain_code(code: &str) -> String {
    format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(code))
}

/// Code highlighted with CSS classes, or `None` when syntect does not know the language.
fn highlighted(lang: &str, code: &str) -> Option<String> {
    let syntax = SYNTAXES.find_syntax_by_token(lang)?;
    let mut gen = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        &SYNTAXES,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        gen.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(format!(
        "<pre class=\"code\"><code>{}</code></pre>\n",
        gen.finalize()
    ))
}

#[cfg(test)]
mod tests {
    use super::{render, render_at};

    #[test]
    fn raw_html_is_sanitised() {
        let html = render("hi <script>alert(1)</script> <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">x</a>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn template_syntax_is_literal_text() {
        let html = render("{{ config.secret }} and {% raw %}");
        assert!(html.contains("{{ config.secret }} and {% raw %}"), "{html}");
    }

    #[test]
    fn images_cannot_reach_other_hosts_or_climb_out() {
        let html = render("![a](https://evil.example/x.png) ![b](../../../etc/passwd) ![c](//evil/x) ![d](img/ok.png)");
        assert!(!html.contains("evil"), "{html}");
        assert!(!html.contains("passwd"), "{html}");
        assert!(html.contains("src=\"img/ok.png\""), "{html}");
    }

    #[test]
    fn site_absolute_links_follow_the_base_path() {
        let md = "[a](/ja/cases/x/) [b](cases/y/) [c](//host/z) ![i](/static/p.png)";
        let html = render_at(md, "/handbook/");
        assert!(html.contains("href=\"/handbook/ja/cases/x/\""), "{html}");
        assert!(html.contains("href=\"cases/y/\""), "{html}");
        assert!(!html.contains("//host"), "{html}");
        assert!(html.contains("src=\"/handbook/static/p.png\""), "{html}");
        assert!(render(md).contains("href=\"/ja/cases/x/\""));
    }

    #[test]
    fn items_that_print_their_own_marks_keep_them() {
        let html =
            render("- ・フットワーク\n- ・ネットワーク\n  - ○ 内側\n  - 印なし\n\n1. ・番号付き\n");
        assert_eq!(html.matches("<ul class=\"marked\">").count(), 1, "{html}");
        assert!(
            html.contains(
                "<li><span class=\"mark\" aria-hidden=\"true\">・</span>フットワーク</li>"
            ),
            "{html}"
        );
        // The inner list is marked unevenly, the ordered one is numbered: both stay as they are.
        assert!(html.contains("<ul>\n<li>○ 内側</li>"), "{html}");
        assert!(html.contains("<ol>\n<li>・番号付き</li>"), "{html}");
        assert!(!render("- a\n- b\n").contains("marked"));
    }

    /// Past a limit that bounds the work, the text is printed as written, escaped and
    /// unparsed: what `check` refuses never costs a build more than reading it.
    #[test]
    fn a_text_past_a_limit_is_printed_escaped() {
        use crate::validate::markdown::rules::{MAX_NESTING, MAX_RUN_CHARS, MAX_TEXT_BYTES};
        let deep = format!("{}<script>x</script>\n", "> ".repeat(MAX_NESTING));
        let long = format!("<b onclick=x>{}</b>", "a".repeat(MAX_RUN_CHARS + 1));
        let large = format!("*a*\n\n{}", "<i>\n\n".repeat(MAX_TEXT_BYTES / 5));
        for text in [deep, long, large] {
            let html = render(&text);
            assert!(
                html.starts_with("<pre class=\"unrendered\">"),
                "{html:.200}"
            );
            assert!(!html.contains("<script") && !html.contains("<b ") && !html.contains("<i>"));
            assert!(!html.contains("<em>"), "{html:.200}");
        }
        // Just within the limit of nesting, the text is rendered.
        let within = render(&format!("{}x\n", "> ".repeat(MAX_NESTING - 1)));
        assert!(within.starts_with("<blockquote>"), "{within}");
    }

    #[test]
    fn links_that_leave_the_site_lose_their_target_and_keep_their_text() {
        let html =
            render("[up](../../etc/passwd) [f](file:///etc/passwd) [w](C:\\x) [h](~/x) [ok](/ja/)");
        for gone in ["passwd", "file:", "C:", "~/"] {
            assert!(!html.contains(gone), "{gone} in {html}");
        }
        // Each keeps its text, with an empty target.
        assert_eq!(html.matches("<a href=\"\"").count(), 4, "{html}");
        assert!(
            html.contains(">up</a>") && html.contains("<a href=\"/ja/\""),
            "{html}"
        );
    }

    #[test]
    fn code_past_its_limits_is_printed_without_highlighting() {
        use crate::validate::markdown::rules::MAX_HIGHLIGHT_LINE_CHARS;
        let code = |n: usize| render(&format!("```rust\nlet a = \"{}\";\n```\n", "x".repeat(n)));
        assert!(code(10).contains("class=\"hl-"));
        let plain = code(MAX_HIGHLIGHT_LINE_CHARS);
        assert!(
            !plain.contains("class=\"hl-") && plain.contains("let a = "),
            "{plain:.300}"
        );
    }

    #[test]
    fn tables_footnotes_and_code_render() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nnote[^1]\n\n[^1]: 出典\n\n```yaml\nregion: kumamoto-pref\n```\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("footnote"), "{html}");
        assert!(html.contains("class=\"hl-"), "{html}");
    }
}
