//! Markdown to safe HTML: pulldown-cmark (tables, footnotes), fenced code highlighted by
//! syntect with CSS classes, links and images kept inside the site, then ammonia.
//!
//! Content is untrusted. Raw HTML is sanitised by ammonia; template syntax (`{{ }}`,
//! `{% %}`) is never evaluated because content reaches templates as data, not as template
//! source; images may only be relative paths that stay inside the site (no request to
//! another host, no `..` out of the content tree); links may be relative, `http(s)` or
//! `mailto`.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::html::escape;

/// Loaded once, from syntect's bundled binary dump (a few milliseconds).
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .add_tag_attributes("span", ["class", "aria-hidden"])
        .add_tag_attributes("code", ["class"])
        .add_tag_attributes("pre", ["class"])
        .add_tag_attributes("sup", ["class", "id"])
        .add_tag_attributes("div", ["class", "id"])
        .add_tag_attributes("li", ["id"])
        .add_tag_attributes("ul", ["class"])
        .add_tag_attributes("a", ["class", "id"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .id_prefix(None);
    b
});

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
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut rewriter = Rewriter {
        base_path,
        events: Vec::new(),
        code: None,
        dropped_images: 0,
    };
    for event in Parser::new_ext(markdown, options) {
        rewriter.event(event);
    }
    let mut events = rewriter.events;
    mark_lists(&mut events);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    SANITIZER.clean(&html).to_string()
}

/// The parser's events, rewritten for the page: fenced code highlighted, links and images
/// kept inside the site (rebased below its base path) or on the web, other targets dropped.
struct Rewriter<'a> {
    base_path: &'a str,
    events: Vec<Event<'a>>,
    /// Inside a code block: its language and the code so far.
    code: Option<(String, String)>,
    /// Images dropped (their alt text stays) whose end is still to come.
    dropped_images: usize,
}

impl<'a> Rewriter<'a> {
    fn event(&mut self, event: Event<'a>) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => self.code_start(kind),
            Event::Text(t) if self.code.is_some() => {
                if let Some((_, buf)) = &mut self.code {
                    buf.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) if self.code.is_some() => self.code_end(),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => self.image(link_type, dest_url, title, id),
            Event::End(TagEnd::Image) if self.dropped_images > 0 => self.dropped_images -= 1,
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => self.link(link_type, dest_url, title, id),
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

    fn code_end(&mut self) {
        let (lang, buf) = self.code.take().unwrap_or_default();
        self.events
            .push(Event::Html(CowStr::from(highlight(&lang, &buf))));
    }

    /// An image inside the site is kept (rebased); any other is dropped for its alt text.
    fn image(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
    ) {
        if is_internal(&dest_url) {
            self.events.push(Event::Start(Tag::Image {
                link_type,
                dest_url: rebase(dest_url, self.base_path),
                title,
                id,
            }));
        } else {
            self.dropped_images += 1;
        }
    }

    /// A link inside the site is rebased, a web or mail link kept, any other emptied.
    fn link(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
    ) {
        let dest_url = if is_internal(&dest_url) {
            rebase(dest_url, self.base_path)
        } else if is_web(&dest_url) || link_type == LinkType::Email {
            dest_url
        } else {
            CowStr::from("")
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

/// A relative path that cannot climb out of the site, with no scheme or host.
/// A site-absolute URL (`/ja/…`, not `//host`) below `base_path`.
fn rebase<'a>(url: CowStr<'a>, base_path: &str) -> CowStr<'a> {
    match url.strip_prefix('/') {
        Some(rest) if base_path != "/" && !rest.starts_with('/') => {
            CowStr::from(format!("{base_path}{rest}"))
        }
        _ => url,
    }
}

fn is_internal(url: &str) -> bool {
    !url.contains("://")
        && !url.starts_with("//")
        && !url.contains(':')
        && !url.contains('\\')
        && url
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .split('/')
            .all(|seg| seg != "..")
}

fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://") || url.starts_with("mailto:")
}

fn highlight(lang: &str, code: &str) -> String {
    let syntax = SYNTAXES.find_syntax_by_token(lang);
    let Some(syntax) = syntax.filter(|_| !lang.is_empty()) else {
        return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(code));
    };
    let mut gen = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        &SYNTAXES,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        if gen
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(code));
        }
    }
    format!(
        "<pre class=\"code\"><code>{}</code></pre>\n",
        gen.finalize()
    )
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
        let md = "[a](/ja/cases/x/) [b](cases/y/) [c](//host/z) ![i](/img/p.png)";
        let html = render_at(md, "/handbook/");
        assert!(html.contains("href=\"/handbook/ja/cases/x/\""), "{html}");
        assert!(html.contains("href=\"cases/y/\""), "{html}");
        assert!(!html.contains("//host"), "{html}");
        assert!(html.contains("src=\"/handbook/img/p.png\""), "{html}");
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

    #[test]
    fn tables_footnotes_and_code_render() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nnote[^1]\n\n[^1]: 出典\n\n```yaml\nregion: kumamoto-pref\n```\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("footnote"), "{html}");
        assert!(html.contains("class=\"hl-"), "{html}");
    }
}
