//! One pass over the events of a Markdown text that both `check` and the renderer make: it
//! applies [`rules`](super::rules) event by event, records a [`Finding`] for each problem (at
//! a byte offset of the text) and tells the renderer what to do with the event ([`Action`]).
//! `check` collects the findings ([`lint`]); the renderer follows the actions, so a page is
//! exactly what `check` describes.
//!
//! Work is bounded: a text over [`MAX_TEXT_BYTES`] is not parsed, and the pass stops
//! ([`Action::Stop`]) at the first limit that bounds a build's work (nesting, a paragraph's
//! length, a table's cells); the renderer then prints the text escaped, as it was written.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Parser, Tag, TagEnd};

use super::html::{Html, Removal, Removed};
use super::rules::{self, Target, MAX_NESTING, MAX_RUN_CHARS, MAX_TABLE_CELLS, MAX_TEXT_BYTES};
use crate::diag::Code;

/// A problem in a Markdown text, at byte offsets of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: Code,
    pub range: Range<usize>,
    pub message: String,
    pub help: String,
}

/// What the renderer does with an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Print it.
    Keep,
    /// A link loses its target (its text stays); an image is left out (its alt text stays).
    Drop,
    /// The end of a code block: whether to highlight it.
    Code { highlight: bool },
    /// A limit that bounds the work is crossed: print the whole text escaped instead.
    Stop,
}

/// What [`lint`] found in a text, and what it costs.
#[derive(Debug, Default)]
pub struct Lint {
    pub findings: Vec<Finding>,
    /// Elements the text makes (for the per-file budget).
    pub elements: usize,
    /// Bytes of code that will be highlighted (for the per-file budget).
    pub highlighted: usize,
}

/// Every finding in a Markdown text, as `check` reports them.
pub fn lint(text: &str) -> Lint {
    let mut walker = match Walker::new(text) {
        Ok(w) => w,
        Err(finding) => {
            return Lint {
                findings: vec![finding],
                ..Lint::default()
            }
        }
    };
    let mut events = Parser::new_ext(text, rules::options()).into_offset_iter();
    let mut stopped = false;
    while let Some((event, range)) = events.next() {
        // A reference link's target is written in its definition (`[r]: /etc/passwd`): its
        // findings are placed there, where the editor must change it.
        let range = match &event {
            Event::Start(Tag::Link { id, .. } | Tag::Image { id, .. }) if !id.is_empty() => events
                .reference_definitions()
                .get(id)
                .map_or(range, |def| def.span.clone()),
            _ => range,
        };
        if walker.event(&event, range) == Action::Stop {
            stopped = true;
            break;
        }
    }
    // A text that stops is printed escaped, as one block: it costs the file's budgets nothing.
    let (elements, highlighted) = if stopped {
        (0, 0)
    } else {
        (walker.elements, walker.highlighted)
    };
    Lint {
        findings: walker.findings,
        elements,
        highlighted,
    }
}

/// The state of the pass over one text.
pub struct Walker<'a> {
    text: &'a str,
    pub findings: Vec<Finding>,
    /// Markdown elements open (Start events not yet ended).
    depth: usize,
    /// Raw HTML, read as the sanitiser reads it.
    html: Html,
    /// Characters in the current run of text, and where it started.
    run: usize,
    run_start: usize,
    /// The table being read: where it starts and its cells so far.
    table: Option<(usize, usize)>,
    /// The code block being read.
    code: Option<CodeBlock>,
    pub elements: usize,
    pub highlighted: usize,
}

struct CodeBlock {
    start: usize,
    /// A language is named (only then is the code highlighted).
    lang: bool,
    bytes: usize,
    line: usize,
    longest: usize,
}

impl<'a> Walker<'a> {
    /// A walker for `text`, or the finding that keeps it from being parsed at all.
    pub fn new(text: &'a str) -> Result<Walker<'a>, Finding> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(Finding {
                code: Code::MarkdownTooLarge,
                range: 0..0,
                message: format!(
                    "this Markdown text is {} KiB; the limit is {} KiB",
                    text.len().div_ceil(1024),
                    MAX_TEXT_BYTES / 1024
                ),
                help: "split it into several texts or records".into(),
            });
        }
        Ok(Walker {
            text,
            findings: Vec::new(),
            depth: 0,
            html: Html::default(),
            run: 0,
            run_start: 0,
            table: None,
            code: None,
            elements: 0,
            highlighted: 0,
        })
    }

    /// Apply the rules to one event.
    pub fn event(&mut self, event: &Event<'_>, range: Range<usize>) -> Action {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) => self.text(t, range),
            Event::Code(t) => {
                self.elements += 1;
                self.run = 0;
                self.text(t, range.clone());
                self.run = 0;
                self.stop_if_run_too_long()
            }
            Event::SoftBreak => {
                self.run += 1;
                self.stop_if_run_too_long()
            }
            Event::Html(t) | Event::InlineHtml(t) => self.raw(t, range),
            Event::HardBreak | Event::Rule | Event::FootnoteReference(_) => {
                self.elements += 2;
                self.run = 0;
                Action::Keep
            }
            _ => Action::Keep,
        }
    }

    fn start(&mut self, tag: &Tag<'_>, range: Range<usize>) -> Action {
        self.elements += 1;
        self.depth += 1;
        self.run = 0;
        if self.depth + self.html.depth() > MAX_NESTING {
            self.too_deep(range.start);
            return Action::Stop;
        }
        match tag {
            Tag::Table(_) => self.table = Some((range.start, 0)),
            Tag::TableCell => return self.cell(),
            Tag::CodeBlock(kind) => {
                let lang = matches!(kind, CodeBlockKind::Fenced(l) if !l.trim().is_empty());
                self.code = Some(CodeBlock {
                    start: range.start,
                    lang,
                    bytes: 0,
                    line: 0,
                    longest: 0,
                });
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } if *link_type != LinkType::Email => {
                return self.target(range, "link", dest_url, rules::link(dest_url));
            }
            Tag::Image { dest_url, .. } => {
                return self.target(range, "image", dest_url, rules::image(dest_url));
            }
            _ => {}
        }
        Action::Keep
    }

    fn end(&mut self, tag: TagEnd) -> Action {
        self.depth = self.depth.saturating_sub(1);
        self.run = 0;
        match tag {
            TagEnd::Table => self.table = None,
            TagEnd::CodeBlock => return self.code_end(),
            _ => {}
        }
        Action::Keep
    }

    fn text(&mut self, t: &str, range: Range<usize>) -> Action {
        if let Some(code) = &mut self.code {
            code.bytes += t.len();
            for (i, line) in t.split('\n').enumerate() {
                if i > 0 {
                    code.line = 0;
                }
                code.line += line.chars().count();
                code.longest = code.longest.max(code.line);
            }
            return Action::Keep;
        }
        if self.run == 0 {
            self.run_start = range.start;
        }
        self.run += t.chars().count();
        self.stop_if_run_too_long()
    }

    fn stop_if_run_too_long(&mut self) -> Action {
        if self.run <= MAX_RUN_CHARS {
            return Action::Keep;
        }
        self.push(
            Code::MarkdownLongParagraph,
            self.run_start,
            format!("this paragraph runs on for more than {MAX_RUN_CHARS} characters with no markup in it; the limit is {MAX_RUN_CHARS}"),
            "break it into paragraphs with a blank line between them",
        );
        Action::Stop
    }

    fn cell(&mut self) -> Action {
        let Some((start, cells)) = &mut self.table else {
            return Action::Keep;
        };
        *cells += 1;
        if *cells <= MAX_TABLE_CELLS {
            return Action::Keep;
        }
        let start = *start;
        self.push(
            Code::MarkdownTableTooLarge,
            start,
            format!("this table has more than {MAX_TABLE_CELLS} cells (rows × columns; short rows count as wide as the header); the limit is {MAX_TABLE_CELLS}"),
            "split the table, or publish the figures as data and link to them",
        );
        Action::Stop
    }

    fn code_end(&mut self) -> Action {
        let Some(code) = self.code.take() else {
            return Action::Keep;
        };
        if !code.lang {
            return Action::Code { highlight: false };
        }
        let why = if code.bytes > rules::MAX_HIGHLIGHT_BYTES {
            format!(
                "this code block is {} KiB; code over {} KiB is printed without highlighting",
                code.bytes.div_ceil(1024),
                rules::MAX_HIGHLIGHT_BYTES / 1024
            )
        } else if code.longest > rules::MAX_HIGHLIGHT_LINE_CHARS {
            format!(
                "a line of this code block has {} characters; code with a line over {} characters is printed without highlighting",
                code.longest,
                rules::MAX_HIGHLIGHT_LINE_CHARS
            )
        } else {
            self.highlighted += code.bytes;
            return Action::Code { highlight: true };
        };
        self.push(
            Code::CodeNotHighlighted,
            code.start,
            why,
            "shorten the code, or remove the language after ``` to print it plain without this warning",
        );
        Action::Code { highlight: false }
    }

    fn too_deep(&mut self, at: usize) {
        self.push(
            Code::MarkdownTooDeep,
            at,
            format!("lists, block quotes, emphasis and HTML elements are nested more than {MAX_NESTING} deep here; the limit is {MAX_NESTING}"),
            "flatten the nesting, and check that every HTML element is closed",
        );
    }

    /// A link's or an image's target.
    fn target(&mut self, range: Range<usize>, what: &str, url: &str, target: Target) -> Action {
        let shown = shorten(url);
        let (code, message, help) = match target {
            Target::Keep => return Action::Keep,
            Target::Remote => (
                Code::RemoteResource,
                format!("the image `{shown}` would load from another host; it is left out (its alt text stays)"),
                "put the image in the site and give its path, or link to it instead".to_owned(),
            ),
            Target::Removed(scheme) => (
                Code::HtmlRemoved,
                format!("the {what} target `{shown}` is removed: `{scheme}` targets are not allowed"),
                "link to a page of the site by its path (`/ja/cases/<id>/`) or to the web (`https://…`)".to_owned(),
            ),
            Target::Outside(why) => (
                Code::LinkOutsideSite,
                format!("the {what} target `{shown}` leaves the site: {why}"),
                "link to a page of the site by its path (`/ja/cases/<id>/`) or to the web (`https://…`)".to_owned(),
            ),
        };
        self.push(code, range.start, message, help);
        Action::Drop
    }

    /// A fragment of raw HTML.
    fn raw(&mut self, t: &str, range: Range<usize>) -> Action {
        let fed = self.html.feed(t);
        self.elements += fed.started;
        for removal in fed.removals {
            self.removal(range.start, removal);
        }
        let mut runs = fed.runs.into_iter();
        if let Some(first) = runs.next() {
            if self.run == 0 {
                self.run_start = range.start;
            }
            self.run += first;
        }
        for run in runs {
            if self.stop_if_run_too_long() == Action::Stop {
                return Action::Stop;
            }
            (self.run, self.run_start) = (run, range.start);
        }
        if self.depth + self.html.depth() > MAX_NESTING {
            self.too_deep(range.start);
            return Action::Stop;
        }
        self.stop_if_run_too_long()
    }

    fn removal(&mut self, start: usize, removal: Removal) {
        let at = start + removal.at;
        let (code, message, help): (Code, String, &str) = match removal.what {
            Removed::Element { tag, with_content: true } => (
                Code::HtmlRemoved,
                format!("`<{tag}>` is removed, with everything inside it"),
                "pages carry no scripts or styles of their own; remove it",
            ),
            Removed::Element { tag, .. } => (
                Code::HtmlRemoved,
                format!("`<{tag}>` is not allowed and is removed (its text is kept)"),
                "write it in Markdown, or with an allowed element such as `<span>` or `<div>`",
            ),
            Removed::Loading { tag } => (
                Code::RemoteResource,
                format!("`<{tag}>` is removed: pages load nothing from other places"),
                "link to the resource instead: `[title](https://…)`",
            ),
            Removed::Attribute { tag, attr } if rules::LOADING_ATTRIBUTES.contains(&attr.as_str()) => (
                Code::RemoteResource,
                format!("attribute `{attr}` is removed from `<{tag}>`: it loads what it names, which the sanitiser cannot check"),
                "remove the attribute; an image is shown by `src`, with a path inside the site",
            ),
            Removed::Attribute { tag, attr } => (
                Code::HtmlRemoved,
                format!("attribute `{attr}` is removed from `<{tag}>`"),
                "remove the attribute; event handlers and unknown attributes never reach the page",
            ),
            Removed::Value { tag, attr, value, target } => return self.value(at, &tag, &attr, &value, target),
        };
        self.push(code, at, message, help);
    }

    fn value(&mut self, at: usize, tag: &str, attr: &str, value: &str, target: Target) {
        let shown = shorten(value);
        let (code, message, help) = match target {
            Target::Keep => return,
            Target::Remote if attr == "style" => (
                Code::RemoteResource,
                format!("attribute `style=\"{shown}\"` is removed from `<{tag}>`: its CSS loads what it names"),
                "put an image in the site and show it with `![alt](path)`; the theme styles the page",
            ),
            Target::Remote => (
                Code::RemoteResource,
                format!("`<{tag} {attr}=\"{shown}\">` would load from another host; the attribute is removed"),
                "put the resource in the site and give its path",
            ),
            Target::Removed(what) if what == "style" => (
                Code::HtmlRemoved,
                format!("attribute `style=\"{shown}\"` is removed from `<{tag}>`: only a column's `text-align` is kept"),
                "remove the attribute; the theme styles the page",
            ),
            Target::Removed(scheme) => (
                Code::HtmlRemoved,
                format!("attribute `{attr}=\"{shown}\"` is removed from `<{tag}>`: `{scheme}` URLs are not allowed"),
                "link to a page of the site by its path (`/ja/cases/<id>/`) or to the web (`https://…`)",
            ),
            Target::Outside(why) => (
                Code::LinkOutsideSite,
                format!("`<{tag} {attr}=\"{shown}\">` leaves the site: {why}"),
                "link to a page of the site by its path (`/ja/cases/<id>/`) or to the web (`https://…`)",
            ),
        };
        self.push(code, at, message, help);
    }

    fn push(&mut self, code: Code, at: usize, message: String, help: impl Into<String>) {
        let at = at.min(self.text.len());
        self.findings.push(Finding {
            code,
            range: at..at,
            message,
            help: help.into(),
        });
    }
}

/// A value as shown in a message: at most 60 characters, as written (`C:\x` stays `C:\x`),
/// controls and invisible characters escaped as `<U+001B>`.
fn shorten(s: &str) -> String {
    let head: String = s.chars().take(60).collect();
    let mut out = crate::diag::chars::escaped(&head).into_owned();
    if s.chars().nth(60).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::markdown::rules::{MAX_HIGHLIGHT_BYTES, MAX_HIGHLIGHT_LINE_CHARS};

    /// The codes and byte offsets of a text's findings.
    fn found(text: &str) -> Vec<(Code, usize)> {
        lint(text)
            .findings
            .iter()
            .map(|f| (f.code, f.range.start))
            .collect()
    }

    /// Paragraphs of `a` making a text of exactly `bytes` bytes.
    fn paragraphs(bytes: usize) -> String {
        let mut text = "aaaaaaa\n\n".repeat(bytes / 9);
        text.push_str(&"a".repeat(bytes - text.len()));
        text
    }

    #[test]
    fn a_text_over_the_size_limit_is_not_parsed() {
        assert_eq!(found(&paragraphs(MAX_TEXT_BYTES)), []);
        assert_eq!(
            found(&paragraphs(MAX_TEXT_BYTES + 1)),
            [(Code::MarkdownTooLarge, 0)]
        );
        let lint = lint(&paragraphs(MAX_TEXT_BYTES + 1));
        assert!(lint.findings[0]
            .message
            .contains("65 KiB; the limit is 64 KiB"));
        assert_eq!(lint.elements, 0);
    }

    #[test]
    fn nesting_is_counted_over_markdown_and_html_alike() {
        // Each block quote is a level and its paragraph one more.
        let quotes = |n: usize| format!("{}x\n", "> ".repeat(n));
        assert_eq!(found(&quotes(MAX_NESTING - 1)), []);
        // The paragraph inside is the level past the limit: it starts after the markers.
        assert_eq!(
            found(&quotes(MAX_NESTING)),
            [(Code::MarkdownTooDeep, 2 * MAX_NESTING)]
        );
        // A paragraph, then raw elements left open inside it.
        let spans = |n: usize| format!("x {}y\n", "<span>".repeat(n));
        assert_eq!(found(&spans(MAX_NESTING - 1)), []);
        // The paragraph is one level, so the span that crosses the limit is the last one,
        // after `x ` and the spans before it.
        assert_eq!(
            found(&spans(MAX_NESTING)),
            [(
                Code::MarkdownTooDeep,
                2 + (MAX_NESTING - 1) * "<span>".len()
            )]
        );
        // Closed elements do not add up.
        assert_eq!(found(&"x <b>y</b> ".repeat(MAX_NESTING * 4)), []);
    }

    #[test]
    fn a_paragraph_with_no_markup_has_a_length_limit() {
        let run = |n: usize| format!("# h\n\n{}\n", "あ".repeat(n));
        assert_eq!(found(&run(MAX_RUN_CHARS)), []);
        assert_eq!(
            found(&run(MAX_RUN_CHARS + 1)),
            [(Code::MarkdownLongParagraph, 5)]
        );
        // Markup breaks the run: the same characters with emphasis between them pass.
        let broken = format!(
            "{}*b*{}\n",
            "a".repeat(MAX_RUN_CHARS),
            "a".repeat(MAX_RUN_CHARS)
        );
        assert_eq!(found(&broken), []);
    }

    #[test]
    fn a_table_has_a_cell_limit_counting_short_rows_as_wide() {
        // 50 columns: the header and 99 rows make 5,000 cells.
        let table = |rows: usize, row: &str| {
            format!(
                "before\n\n|{}\n|{}\n{}",
                "h|".repeat(50),
                "-|".repeat(50),
                format!("{row}\n").repeat(rows)
            )
        };
        let full = format!("|{}", "1|".repeat(50));
        assert_eq!(found(&table(MAX_TABLE_CELLS / 50 - 1, &full)), []);
        assert_eq!(
            found(&table(MAX_TABLE_CELLS / 50, &full)),
            [(Code::MarkdownTableTooLarge, 8)]
        );
        // A row of one cell is padded to the header's width.
        assert_eq!(
            found(&table(MAX_TABLE_CELLS / 50, "|1|")),
            [(Code::MarkdownTableTooLarge, 8)]
        );
    }

    #[test]
    fn code_is_highlighted_within_its_limits_and_printed_plain_past_them() {
        let fenced = |lang: &str, code: &str| format!("x\n\n```{lang}\n{code}\n```\n");
        let lines = |bytes: usize| {
            let mut code = "let a = 1;\n".repeat((bytes - 1) / 11);
            code.push_str(&"a".repeat(bytes - 1 - code.len()));
            code
        };
        // The block's code is its lines with their line ends.
        let at_limit = lint(&fenced("rust", &lines(MAX_HIGHLIGHT_BYTES)));
        assert_eq!(at_limit.findings, []);
        assert_eq!(at_limit.highlighted, MAX_HIGHLIGHT_BYTES);
        let over = lint(&fenced("rust", &lines(MAX_HIGHLIGHT_BYTES + 1)));
        assert_eq!(over.highlighted, 0);
        assert_eq!(
            found(&fenced("rust", &lines(MAX_HIGHLIGHT_BYTES + 1))),
            [(Code::CodeNotHighlighted, 3)]
        );
        let line = |n: usize| fenced("yaml", &"a".repeat(n));
        assert_eq!(found(&line(MAX_HIGHLIGHT_LINE_CHARS)), []);
        assert_eq!(
            found(&line(MAX_HIGHLIGHT_LINE_CHARS + 1)),
            [(Code::CodeNotHighlighted, 3)]
        );
        // Without a language nothing is highlighted, so nothing is over a limit.
        let plain = lint(&fenced("", &lines(MAX_HIGHLIGHT_BYTES * 4)));
        assert_eq!((plain.findings.len(), plain.highlighted), (0, 0));
        assert_eq!(
            Code::CodeNotHighlighted.severity(),
            crate::diag::Severity::Warning
        );
    }

    #[test]
    fn targets_are_placed_at_their_link_or_image() {
        let text = "a [up](../../etc/passwd) ![p](https://evil.example/p.png)\n\n[js](javascript:x) [ok](/ja/) ![i](img/ok.png)";
        assert_eq!(
            found(text),
            [
                (Code::LinkOutsideSite, 2),
                (Code::RemoteResource, 25),
                (Code::HtmlRemoved, 59),
            ]
        );
        let message = &lint(text).findings[0].message;
        assert!(
            message.contains("`../../etc/passwd` leaves the site"),
            "{message}"
        );
    }

    #[test]
    fn a_target_is_quoted_as_written_and_cut() {
        let message = |text: &str| lint(text).findings[0].message.clone();
        assert!(message("[w](C:\\Windows\\win.ini)").contains("`C:\\Windows\\win.ini`"));
        let long = message(&format!("[x](../{})", "a".repeat(100)));
        assert!(
            long.contains(&format!("`../{}…`", "a".repeat(57))),
            "{long}"
        );
        let hidden = message("[x](../\u{202e}a)");
        assert!(hidden.contains("`../<U+202E>a`"), "{hidden}");
    }

    /// The target of a reference link is written in its definition: the finding is placed
    /// there (once, however many links use it); an inline link's stays at the link.
    #[test]
    fn a_reference_link_is_placed_at_its_definition() {
        let text = "[a][r] and [b][r]\n\n[r]: /etc/passwd\n";
        let def = text.find("[r]:").unwrap();
        assert_eq!(
            found(text),
            [(Code::LinkOutsideSite, def), (Code::LinkOutsideSite, def)]
        );
        assert_eq!(found("x [a](/etc/passwd)"), [(Code::LinkOutsideSite, 2)]);
    }

    /// A text that stops at a limit is printed escaped as one block: its elements do not count
    /// toward the file's budget.
    #[test]
    fn a_text_that_stops_costs_the_file_nothing() {
        let deep = lint(&format!("{}x", "> ".repeat(40)));
        assert_eq!(deep.findings[0].code, Code::MarkdownTooDeep);
        assert_eq!((deep.elements, deep.highlighted), (0, 0));
        let table = format!("|a|b|\n|-|-|\n{}", "|1|2|\n".repeat(2_600));
        let big = lint(&table);
        assert_eq!(big.findings[0].code, Code::MarkdownTableTooLarge);
        assert_eq!(big.elements, 0);
        assert!(lint("- a\n- b\n").elements > 0);
    }
}
