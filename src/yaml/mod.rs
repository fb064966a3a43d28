//! YAML text to a tree of spanned nodes. The only module that names the YAML parser.
//!
//! We parse with `saphyr-parser`'s event stream (a maintained YAML 1.2 parser that reports
//! character positions) into our own [`Node`] tree, and deserialize records from that tree
//! (see `de.rs`). serde-based YAML crates (serde_yaml / yaml_serde) stop at the first error
//! and keep no position for values, but `casebook check` must point at the offending value
//! of a semantic error found after parsing, and report every unknown field in one run: every
//! node keeps its span, and the deserializer hands it to the values that record their own
//! (ids, dates, `model::Spanned`). Swapping the parser touches this file only.
//!
//! Guards run before and during parsing, so no input makes the loader hang or overflow:
//! nesting deeper than [`MAX_DEPTH`] is refused (a quick count of flow brackets proposes
//! where, and the parser confirms it on the text up to there, see [`parse`]), aliases are
//! refused (so no alias bomb can expand), and only one document is read.
//!
//! YAML is what it says (issue #20): a tag (`!include`, `!!str`) is an error at the tag, a
//! second document an error at the `---` that starts it, and hidden characters (controls,
//! bidi overrides, zero-width characters) are reported where they stand (see [`text`]).
//! These do not stop the parse, so the rest of the file is still checked.

pub mod de;
mod encoding;
mod file;
pub mod text;

pub use file::{load_file, problem, read, typed, ReadError, MAX_FILE_BYTES};

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YSpan, Tag};

use crate::diag::{Code, Span};

/// Deepest nesting of mappings and sequences accepted in a record.
pub const MAX_DEPTH: usize = 64;

/// Most nodes (keys, values and collections) one file may hold. The bytes of a file are
/// bounded by [`MAX_FILE_BYTES`], but not the work its structure makes: 4 MiB of indicator
/// rows are 28,895 rows, which took 6.3 s and 670 MiB to build (docs/SECURITY.md). The
/// largest file of the handbook or of a 2,000-region generated corpus holds about 1,300
/// nodes; at this limit every record kind and vocabulary builds within the per-file budget
/// of issue #20 (1 s and 256 MiB on one core), measured by `benches/structure.py`.
pub const MAX_NODES: usize = 8_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar as written; `plain` is false for quoted and block scalars.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub span: Span,
    pub value: Value,
}

impl Node {
    /// Whether this is a plain `~`, `null` or empty scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The value of a mapping key.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

impl From<ParseError> for de::Problem {
    fn from(e: ParseError) -> de::Problem {
        de::Problem {
            code: e.code,
            span: Some(e.span),
            message: e.message,
            help: e.help,
            reported: false,
        }
    }
}

/// A syntax or guard failure: no tree could be built.
#[derive(Debug)]
pub struct ParseError {
    pub code: Code,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

fn span_of(s: YSpan) -> Span {
    let len = s.end.index().saturating_sub(s.start.index());
    Span::new(s.start.line().max(1), s.start.col() + 1, len)
}

/// A parsed file: its tree and what was found on the way.
#[derive(Debug)]
pub struct Parsed {
    /// The document's tree; `None` for a file with no content, or one that could not be
    /// parsed.
    pub root: Option<Node>,
    /// Every problem found, in the order found.
    pub problems: Vec<ParseError>,
    /// Whether a problem stopped the parse (syntax, alias, nesting): `root` is then `None`.
    pub failed: bool,
}

/// Parse the one YAML document of a file.
pub fn parse(text: &str) -> Parsed {
    // A byte order mark may open a stream (YAML 1.2, 5.2); `file::read` strips it too, but a
    // caller that hands the text over directly must not get a BOM read as text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text::Scanned {
        text: clean,
        mut problems,
        zero_width,
    } = text::scan(text);
    // Brackets counted naively are a cheap upper bound, but a bracket inside a block or
    // quoted scalar (`[注1` opening seventy lines of Markdown) is text: what the count
    // proposes is confirmed by the parser on the text up to the bracket it names.
    if let Some(end) = prescan_depth(&clean) {
        if let Err(e) = events(&clean[..end], zero_width, &mut Vec::new()) {
            if e.code == Code::TooDeep {
                problems.push(e);
                return Parsed {
                    root: None,
                    problems,
                    failed: true,
                };
            }
        }
    }
    match events(&clean, zero_width, &mut problems) {
        Ok(root) => Parsed {
            root,
            problems,
            failed: false,
        },
        Err(e) => {
            problems.push(e);
            Parsed {
                root: None,
                problems,
                failed: true,
            }
        }
    }
}

/// Build the tree of `text` (the source, or a prefix of it) from the parser's events; the
/// problems that do not stop the parse are appended to `found`. `zero_width`: the text holds
/// a zero-width character.
fn events(
    text: &str,
    zero_width: bool,
    found: &mut Vec<ParseError>,
) -> Result<Option<Node>, ParseError> {
    let mut builder = Builder::new(text, zero_width);
    let read = read_events(text, &mut builder);
    found.append(&mut builder.problems);
    for (what, code, left_out) in [
        ("tags", Code::YamlTag, builder.left_out.tags),
        ("anchors", Code::YamlAlias, builder.left_out.anchors),
    ] {
        if let Some((count, span)) = left_out {
            found.push(ParseError {
                code,
                span,
                message: format!("{count} more {what} in this file from here on are not listed"),
                help: Some("remove them, as those above".into()),
            });
        }
    }
    read.map(|()| builder.root)
}

fn read_events(text: &str, builder: &mut Builder) -> Result<(), ParseError> {
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| syntax_error(text, builder, &e))?;
        if builder.event(event, span_of(span), span.start.index())? {
            break;
        }
    }
    Ok(())
}

/// A syntax error at the place an editor must fix: a tab used as indentation is named at its
/// own line; inside an unclosed `[` or `{`, the parser only notices on a later line, so the
/// opening bracket is reported instead.
fn syntax_error(text: &str, builder: &Builder, e: &saphyr_parser::ScanError) -> ParseError {
    let help = "check indentation, and quote values that contain `: ` or start with `[`, `{`, `*`, `&`, `!`, `%` or `@`";
    if e.info() == "recursion limit exceeded" {
        return too_deep(Span::new(e.marker().line().max(1), e.marker().col() + 1, 1));
    }
    if e.info().contains("tab") {
        if let Some(tab) = tab_indent(text, e.marker().line(), usize::MAX) {
            return tab;
        }
    }
    if let Some(tab) = tab_after_colon(text, e) {
        return tab;
    }
    let unclosed = builder.open_starts().rev().find_map(|(span, index)| {
        let c = text.chars().nth(index)?;
        (matches!(c, '[' | '{') && span.line < e.marker().line()).then_some((span, c))
    });
    if let Some((span, c)) = unclosed {
        let close = if c == '[' { ']' } else { '}' };
        return ParseError {
            code: Code::YamlSyntax,
            span: Span { len: 1, ..span },
            message: format!(
                "this `{c}` is never closed (the parser then found: {})",
                e.info()
            ),
            help: Some(format!(
                "close it with `{close}` on the same line, or write the list in block style"
            )),
        };
    }
    if let Some(tab) = tab_indent(text, e.marker().line(), 1) {
        return tab;
    }
    let lines = text.lines().count().max(1);
    let (line, column) = if e.marker().line() > lines {
        (
            lines,
            text.lines().last().map_or(0, |l| l.chars().count()) + 1,
        )
    } else {
        (e.marker().line().max(1), e.marker().col() + 1)
    };
    ParseError {
        code: Code::YamlSyntax,
        span: Span::new(line, column, 1),
        message: format!("YAML syntax error: {}", e.info()),
        help: Some(help.into()),
    }
}

/// A tab between `:` and a plain value (`kind:\tarea`): YAML allows it, but the parser refuses
/// it ("':' must be followed by a valid YAML whitespace", at the value), so the tab is named,
/// at its place, with the fix.
fn tab_after_colon(text: &str, e: &saphyr_parser::ScanError) -> Option<ParseError> {
    if !e.info().starts_with("':' must be followed") {
        return None;
    }
    let line = text.lines().nth(e.marker().line().checked_sub(1)?)?;
    let before: Vec<char> = line.chars().take(e.marker().col()).collect();
    let gap = before
        .iter()
        .rev()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .count();
    let colon = before.len().checked_sub(gap + 1)?;
    if before[colon] != ':' || !before[colon + 1..].contains(&'\t') {
        return None;
    }
    let tab = before[colon + 1..].iter().position(|c| *c == '\t')? + colon + 1;
    Some(ParseError {
        code: Code::YamlSyntax,
        span: Span::new(e.marker().line(), tab + 1, 1),
        message: "a tab after `:` is not read as a space before this value".into(),
        help: Some("write a space after `:` instead of the tab".into()),
    })
}

/// A tab in the indentation of line `from` or of one of the `more` lines after it: the
/// parser reports such a tab at the scalar before it, or as a missing key.
fn tab_indent(text: &str, from: usize, more: usize) -> Option<ParseError> {
    let (index, line) = text
        .lines()
        .enumerate()
        .skip(from.max(1) - 1)
        .take(more.saturating_add(1))
        .find(|(_, line)| {
            line.chars()
                .take_while(|c| c.is_whitespace())
                .any(|c| c == '\t')
        })?;
    let column = line.chars().position(|c| c == '\t')? + 1;
    Some(ParseError {
        code: Code::YamlSyntax,
        span: Span::new(index + 1, column, 1),
        message: "a tab is used for indentation".into(),
        help: Some(
            "YAML indents with spaces only: replace the tab with spaces (and set your editor to indent with spaces)"
                .into(),
        ),
    })
}

enum Open {
    Seq(Span, usize, Vec<Node>),
    Map(Span, usize, Vec<(Node, Node)>, Option<Node>),
}

struct Builder<'t> {
    text: &'t str,
    stack: Vec<Open>,
    root: Option<Node>,
    documents: usize,
    /// Problems that do not stop the parse: tags, escapes of hidden characters, a second
    /// document.
    problems: Vec<ParseError>,
    /// Tags and anchors past [`text::MAX_REPORTED`] problems: how many, and where the first
    /// is. (Escapes past it are not looked for: the file has errors enough to fix first.)
    left_out: LeftOut,
    /// The last character index mapped to a byte offset of `text`, and that offset.
    cursor: (usize, usize),
    /// Whether `text` holds a zero-width character.
    zero_width: bool,
    /// Whether `text` holds a `\\` (so a double-quoted scalar may hold an escape).
    backslash: bool,
    /// Nodes read so far (see [`MAX_NODES`]).
    nodes: usize,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str, zero_width: bool) -> Builder<'t> {
        Builder {
            text,
            stack: Vec::new(),
            root: None,
            documents: 0,
            problems: Vec::new(),
            left_out: LeftOut::default(),
            cursor: (0, 0),
            zero_width,
            backslash: text.contains('\\'),
            nodes: 0,
        }
    }

    /// Count one more node; past [`MAX_NODES`] the reading stops with an error at it.
    fn count(&mut self, span: Span) -> Result<(), ParseError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(guard(
                Code::FileTooLarge,
                span,
                &format!("the file holds more than {MAX_NODES} YAML nodes (keys, values and lists); this is the first past the limit"),
                "split the file: one record per file, and a long list into several records (a sheet per year, a vocabulary per theme)",
            ));
        }
        Ok(())
    }

    /// Where the collections still open start: span and character index, outermost first.
    fn open_starts(&self) -> impl DoubleEndedIterator<Item = (Span, usize)> + '_ {
        self.stack.iter().map(|o| match o {
            Open::Seq(span, index, _) | Open::Map(span, index, _, _) => (*span, *index),
        })
    }

    /// Feed one event; `Ok(true)` when the reading is over: the stream ended, or a second
    /// document starts.
    fn event(&mut self, event: Event<'_>, span: Span, index: usize) -> Result<bool, ParseError> {
        match event {
            Event::DocumentStart(explicit) => return Ok(self.document(explicit, span)),
            Event::Alias(_) => {
                return Err(guard(
                    Code::YamlAlias,
                    span,
                    "YAML aliases (`*name`) are not accepted in content",
                    "write the value out in full where it is used",
                ));
            }
            Event::Scalar(text, style, anchor, tag) => {
                self.count(span)?;
                self.properties(anchor, tag.as_deref(), span, index);
                // Escapes exist only in double-quoted scalars, and only in a file with a `\`.
                let escaped = self.backslash && style == ScalarStyle::DoubleQuoted;
                if escaped {
                    self.escapes(span, index);
                }
                let mut text = text.into_owned();
                // Zero-width characters come from the file's text (found by the scan) or from
                // escapes.
                let may_hide = self.zero_width || escaped;
                if may_hide && text.chars().any(text::is_zero_width) {
                    text.retain(|c| !text::is_zero_width(c));
                }
                self.value(Node {
                    span,
                    value: Value::Scalar {
                        text,
                        plain: style == ScalarStyle::Plain,
                    },
                });
            }
            Event::SequenceStart(anchor, tag) => {
                self.open(Open::Seq(span, index, Vec::new()), anchor, tag.as_deref())?;
            }
            Event::MappingStart(anchor, tag) => {
                self.open(
                    Open::Map(span, index, Vec::new(), None),
                    anchor,
                    tag.as_deref(),
                )?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Open::Seq(span, _, items)) => Node {
                        span,
                        value: Value::Seq(items),
                    },
                    Some(Open::Map(span, _, entries, _)) => Node {
                        span,
                        value: Value::Map(entries),
                    },
                    None => return Ok(false),
                };
                self.value(node);
            }
            Event::StreamEnd => return Ok(true),
            _ => {}
        }
        Ok(false)
    }

    fn open(&mut self, open: Open, anchor: usize, tag: Option<&Tag>) -> Result<(), ParseError> {
        let (Open::Seq(span, index, ..) | Open::Map(span, index, ..)) = open;
        if self.stack.len() >= MAX_DEPTH {
            return Err(too_deep(span));
        }
        self.count(span)?;
        self.properties(anchor, tag, span, index);
        self.stack.push(open);
        Ok(())
    }

    /// The first document is read; a second is an error at its start (the `---`), and ends
    /// the reading: `true` then.
    fn document(&mut self, explicit: bool, span: Span) -> bool {
        self.documents += 1;
        if self.documents == 1 {
            return false;
        }
        let (message, len) = if explicit {
            ("a second YAML document starts at this `---`", 3)
        } else {
            ("a second YAML document starts here, after `...`", 1)
        };
        self.problems.push(ParseError {
            code: Code::YamlSyntax,
            span: Span { len, ..span },
            message: message.into(),
            help: Some(
                "a record file holds one YAML document: split the records into one file each, or remove the separator"
                    .into(),
            ),
        });
        true
    }

    /// Anchors and tags are errors where they stand (a node's span starts at the first of
    /// them): content is plain YAML. A tag such as `!include` would otherwise be dropped
    /// without a word, and an anchor only names a node for aliases, which are refused. `anchor`
    /// is the parser's anchor id (0: none); the node starts at character `index`.
    fn properties(&mut self, anchor: usize, tag: Option<&Tag>, span: Span, index: usize) {
        if anchor == 0 && tag.is_none() {
            return;
        }
        let start = self.byte_offset(index);
        let written = Written::read(&self.text[start..], span);
        if anchor != 0 {
            let (text, at) = written.anchor.unwrap_or_else(|| ("&…".into(), span));
            self.refuse(Refused {
                code: Code::YamlAlias,
                span: at,
                message: format!("YAML anchors are not accepted in content: `{text}`"),
                help: "remove it: content is plain YAML, and an alias (`*name`) that would repeat the value is refused too",
            });
        }
        if let Some(tag) = tag {
            let (text, at) = written.tag.unwrap_or_else(|| (resolved(tag), span));
            self.refuse(Refused {
                code: Code::YamlTag,
                span: at,
                message: format!("YAML tags are not accepted in content: `{text}`"),
                help: "remove the tag and write the value itself (to make a number text, quote it: `\"12\"`)",
            });
        }
    }

    /// A refused anchor or tag, or past [`text::MAX_REPORTED`] problems a count of them.
    fn refuse(&mut self, r: Refused) {
        if self.problems.len() >= text::MAX_REPORTED {
            let slot = match r.code {
                Code::YamlAlias => &mut self.left_out.anchors,
                _ => &mut self.left_out.tags,
            };
            let (count, first) = slot.unwrap_or((0, r.span));
            *slot = Some((count + 1, first));
            return;
        }
        self.problems.push(ParseError {
            code: r.code,
            span: r.span,
            message: r.message,
            help: Some(r.help.into()),
        });
    }

    /// Hidden characters written as escapes in the double-quoted scalar at `span`, which
    /// starts at character `index` of the text.
    fn escapes(&mut self, span: Span, index: usize) {
        if self.problems.len() >= text::MAX_REPORTED {
            return;
        }
        let start = self.byte_offset(index);
        let raw = &self.text[start..];
        // An anchor or a tag may stand before the quote.
        let Some(quote) = raw.find('"') else { return };
        let at = Span::new(span.line, span.column + raw[..quote].chars().count(), 1);
        text::escapes(&raw[quote..], at, &mut self.problems);
    }

    /// The byte offset of character `index`, counted on from the last one asked for
    /// (scalars come in the order they are written, so the text is walked once).
    fn byte_offset(&mut self, index: usize) -> usize {
        let (mut chars, mut bytes) = self.cursor;
        if index < chars {
            (chars, bytes) = (0, 0);
        }
        let offset = self.text[bytes..]
            .char_indices()
            .nth(index - chars)
            .map_or(self.text.len(), |(i, _)| bytes + i);
        self.cursor = (index, offset);
        offset
    }

    fn value(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open::Seq(_, _, items)) => items.push(node),
            Some(Open::Map(_, _, entries, key)) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push((k, node)),
            },
        }
    }
}

/// Tags and anchors past the problems a file lists one by one: how many of each, and where
/// the first is.
#[derive(Default)]
struct LeftOut {
    tags: Option<(usize, Span)>,
    anchors: Option<(usize, Span)>,
}

/// An anchor or a tag to report.
struct Refused {
    code: Code,
    span: Span,
    message: String,
    help: &'static str,
}

/// The properties written before a node, as written and where: `&name` and `!tag`, in either
/// order (the parser resolves a tag's handle, so `!e!x` would otherwise be shown as the URI
/// its `%TAG` directive names).
#[derive(Default)]
struct Written {
    anchor: Option<(String, Span)>,
    tag: Option<(String, Span)>,
}

impl Written {
    /// Read from `raw`, the source from the node's start at `span`.
    fn read(raw: &str, span: Span) -> Written {
        let mut out = Written::default();
        let (mut line, mut column) = (span.line, span.column);
        let mut chars = raw.char_indices().peekable();
        for _ in 0..2 {
            while let Some((_, c)) = chars.next_if(|(_, c)| matches!(c, ' ' | '\t' | '\n')) {
                (line, column) = if c == '\n' {
                    (line + 1, 1)
                } else {
                    (line, column + 1)
                };
            }
            let Some(&(at, first)) = chars.peek() else {
                break;
            };
            if first != '&' && first != '!' {
                break;
            }
            let verbatim = raw[at..].starts_with("!<");
            let mut end = at;
            while let Some((i, c)) = chars.next_if(|&(i, c)| {
                if verbatim {
                    i == at || !raw[at..i].ends_with('>')
                } else {
                    i == at || !(c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
                }
            }) {
                end = i + c.len_utf8();
            }
            let token = raw[at..end].to_owned();
            let len = token.chars().count();
            let place = Span::new(line, column, len);
            column += len;
            let slot = if first == '&' {
                &mut out.anchor
            } else {
                &mut out.tag
            };
            slot.get_or_insert((token, place));
        }
        out
    }
}

/// A tag as the parser resolved it, for when its written form cannot be found.
fn resolved(tag: &Tag) -> String {
    match tag.handle.as_str() {
        "!" => format!("!{}", tag.suffix),
        "tag:yaml.org,2002:" => format!("!!{}", tag.suffix),
        handle => format!("!<{handle}{}>", tag.suffix),
    }
}

fn guard(code: Code, span: Span, message: &str, help: &str) -> ParseError {
    ParseError {
        code,
        span,
        message: message.into(),
        help: Some(help.into()),
    }
}

fn too_deep(span: Span) -> ParseError {
    guard(
        Code::TooDeep,
        span,
        &format!("nesting is deeper than {MAX_DEPTH} levels"),
        "records are never this deep; check for unbalanced brackets",
    )
}

/// Where flow brackets may nest deeper than [`MAX_DEPTH`]: the byte offset just past the
/// bracket that would be one too deep, counted naively (comments and flow-quoted text
/// skipped, block and quoted scalars not understood). Parsers can spend seconds or gigabytes
/// on 100,000 nested `[` before their own limits apply (serde_yaml took 22.6 s; saphyr buffers
/// a whole flow collection before its first event), so this runs first, and [`parse`] has
/// the parser confirm what it proposes on the text up to there.
fn prescan_depth(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut comment = false;
    for (at, c) in text.char_indices() {
        if c == '\n' {
            comment = false;
            continue;
        }
        match (quote, c) {
            _ if comment => {}
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"') | (None, '\'') if depth > 0 => quote = Some(c),
            (None, '#') => comment = true,
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(at + 1);
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree of a text that parses without a problem.
    fn tree(text: &str) -> Option<Node> {
        let parsed = parse(text);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        parsed.root
    }

    /// The problem that stopped the parse.
    fn failure(text: &str) -> ParseError {
        let mut parsed = parse(text);
        assert!(parsed.failed, "{text:?} parsed");
        parsed.problems.pop().expect("a problem")
    }

    #[test]
    fn a_file_holds_at_most_max_nodes_and_the_first_past_is_placed() {
        // A map (1) of `items` (1) to a list (1) of n one-word items: n + 3 nodes.
        let file = |n: usize| format!("items:\n{}", "  - x\n".repeat(n));
        let root = tree(&file(MAX_NODES - 3)).expect("a tree");
        let Some(Value::Seq(items)) = root.get("items").map(|n| &n.value) else {
            panic!("a list")
        };
        assert_eq!(items.len(), MAX_NODES - 3);
        let e = failure(&file(MAX_NODES - 2));
        assert_eq!(e.code, Code::FileTooLarge);
        // The items start on line 2; the last, past the limit, is on line MAX_NODES - 1.
        assert_eq!((e.span.line, e.span.column), (MAX_NODES - 1, 5));
        assert!(e.message.contains(&MAX_NODES.to_string()), "{}", e.message);
        // Keys count: a flow mapping of n entries is 2n + 1 nodes.
        let map = |n: usize| {
            let entries: Vec<String> = (0..n).map(|i| format!("k{i}: v")).collect();
            format!("{{{}}}", entries.join(", "))
        };
        assert!(tree(&map((MAX_NODES - 1) / 2)).is_some());
        assert_eq!(
            failure(&map((MAX_NODES - 1) / 2 + 1)).code,
            Code::FileTooLarge
        );
    }

    fn spots(problems: &[ParseError]) -> Vec<(Code, usize, usize)> {
        problems
            .iter()
            .map(|e| (e.code, e.span.line, e.span.column))
            .collect()
    }

    #[test]
    fn spans_are_one_based_character_columns() {
        let root = tree("name: {ja: 熊本県, en: Kumamoto}\nkind: prefecture\n").unwrap();
        let kind = root.get("kind").unwrap();
        assert_eq!((kind.span.line, kind.span.column), (2, 7));
        let en = root.get("name").and_then(|n| n.get("en")).unwrap();
        assert_eq!((en.span.line, en.span.column), (1, 21));
        assert_eq!(en.as_str(), Some("Kumamoto"));
    }

    #[test]
    fn empty_and_comment_only_documents_have_no_root() {
        assert_eq!(tree(""), None);
        assert_eq!(tree("# only a comment\n"), None);
        assert!(!parse("").failed);
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let text = "[".repeat(100_000);
        let err = failure(&text);
        assert_eq!(err.code, Code::TooDeep);
        assert_eq!(err.span.column, MAX_DEPTH + 1);
        // Past 64 levels, then a long run of pairs: refused at once, not after the parser has
        // buffered the rest. The mapping is a level too: the 64th bracket is one too many.
        let text = format!("a: {}{}", "[".repeat(MAX_DEPTH + 1), "[]".repeat(1_000_000));
        assert_eq!(failure(&text).span.column, MAX_DEPTH + 3);
    }

    /// Issue #20: `[` inside block and quoted scalars is text, not nesting.
    #[test]
    fn brackets_inside_scalars_are_not_nesting() {
        let notes: String = (1..=70).map(|i| format!("  [注{i} 出典\n")).collect();
        let root = tree(&format!("body: |\n{notes}")).unwrap();
        assert!(root
            .get("body")
            .and_then(Node::as_str)
            .unwrap()
            .starts_with("[注1 出典\n"));
        let quoted = format!("a: [\"{}\", '{}']\n", "[".repeat(70), "{".repeat(70));
        assert!(tree(&quoted).is_some());
        let folded: String = (1..=70).map(|i| format!("  text [{i}\n")).collect();
        assert!(tree(&format!("body: >\n{folded}")).is_some());
        let plain: String = (1..=70).map(|i| format!("  [{i} more\n")).collect();
        assert!(tree(&format!("body: first\n{plain}")).is_some());
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        let mut text = String::new();
        for i in 0..100 {
            text.push_str(&" ".repeat(i));
            text.push_str("a:\n");
        }
        text.push_str(&" ".repeat(100));
        text.push_str("1\n");
        assert_eq!(failure(&text).code, Code::TooDeep);
    }

    #[test]
    fn aliases_are_refused() {
        let err = failure("a: &x [1]\nb: *x\n");
        assert_eq!(err.code, Code::YamlAlias);
        assert_eq!(err.span.line, 2);
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_it_opens() {
        let err = failure("a: 1\nkind: [area\nparent: x\n");
        assert_eq!(err.code, Code::YamlSyntax);
        assert_eq!((err.span.line, err.span.column), (2, 7));
        let err = failure("a: 1\nb: 2\nparent: [x");
        assert_eq!((err.span.line, err.span.column), (3, 9));
    }

    #[test]
    fn other_syntax_errors_stay_inside_the_file() {
        let err = failure("a: b: c\n");
        assert_eq!(err.code, Code::YamlSyntax);
        assert_eq!(err.span.line, 1);
    }

    /// Issue #20: a tab used as indentation is named at its own line, wherever the parser
    /// noticed it.
    #[test]
    fn a_tab_used_as_indentation_is_named_at_its_line() {
        for (text, line, column) in [
            ("a:\n\tb: 1\n", 2, 1),
            ("a: 1\n\tb: 2\n", 2, 1),
            ("a:\n  b: 1\n\tc: 2\n", 3, 1),
            ("a:\n  b: 1\n  \tc: 2\n", 3, 3),
            ("- a\n\t- b\n", 2, 1),
            ("a: |\n  x\n\ty\n", 3, 1),
            ("a: word\n  more\n\tb: 1\n", 3, 1),
        ] {
            let err = failure(text);
            assert_eq!(
                (err.message.as_str(), err.span.line, err.span.column),
                ("a tab is used for indentation", line, column),
                "{text:?}"
            );
            assert!(err.help.unwrap().contains("spaces only"));
        }
        // A tab in a block scalar's text, after its indentation, is fine.
        assert!(tree("c: |\n  x\ty\n  \tz\n").is_some());
    }

    /// A tab between `:` and a plain value is named at its place (the parser reports the value).
    #[test]
    fn a_tab_after_a_colon_is_named_at_its_place() {
        for (text, line, column) in [("a: 1\nkind:\tarea\n", 2, 6), ("- x:\t-1\n", 1, 5)] {
            let err = failure(text);
            assert_eq!(
                (err.message.as_str(), err.span.line, err.span.column),
                (
                    "a tab after `:` is not read as a space before this value",
                    line,
                    column
                ),
                "{text:?}"
            );
        }
        // Before a quoted value or a comment, the parser takes it.
        assert!(tree("a:\t\"x\"\nb: 1\t# note\n").is_some());
    }

    /// Issue #20: tags are errors at the tag; the rest of the file is still read.
    #[test]
    fn tags_are_refused_where_they_stand() {
        let parsed = parse(
            "a: !include /etc/passwd\nb: !!str 12\nc: !x [1]\nd: !<tag:x> {e: 1}\nf: !x\n  g: 1\n",
        );
        assert!(!parsed.failed);
        assert_eq!(
            spots(&parsed.problems),
            [
                (Code::YamlTag, 1, 4),
                (Code::YamlTag, 2, 4),
                (Code::YamlTag, 3, 4),
                (Code::YamlTag, 4, 4),
                (Code::YamlTag, 5, 4),
            ]
        );
        assert_eq!(
            parsed.problems[0].message,
            "YAML tags are not accepted in content: `!include`"
        );
        assert_eq!(parsed.problems[0].span.len, 8);
        assert_eq!(
            parsed.problems[1].message,
            "YAML tags are not accepted in content: `!!str`"
        );
        assert_eq!(
            parsed.problems[3].message,
            "YAML tags are not accepted in content: `!<tag:x>`"
        );
        let root = parsed.root.expect("the tree is still built");
        assert_eq!(root.get("b").and_then(Node::as_str), Some("12"));
    }

    /// Anchors are refused where they stand, like tags, whether or not an alias uses them
    /// (README, "Limits"); the file is still read.
    #[test]
    fn anchors_are_refused_where_they_stand() {
        let parsed = parse("a: &x 1\nb: &y [1]\nc: !t &z x\nd: &w !u\n  e: 1\n");
        assert!(!parsed.failed);
        assert_eq!(
            spots(&parsed.problems),
            [
                (Code::YamlAlias, 1, 4),
                (Code::YamlAlias, 2, 4),
                (Code::YamlAlias, 3, 7),
                (Code::YamlTag, 3, 4),
                (Code::YamlAlias, 4, 4),
                (Code::YamlTag, 4, 7),
            ]
        );
        assert_eq!(
            parsed.problems[0].message,
            "YAML anchors are not accepted in content: `&x`"
        );
        assert_eq!(parsed.problems[2].span.len, 2);
        let root = parsed.root.expect("the tree is still built");
        assert_eq!(root.get("a").and_then(Node::as_str), Some("1"));
        let mut flood = parse(&format!("x: [{}]\n", "&a b, ".repeat(1_000)));
        let last = flood.problems.pop().unwrap();
        assert_eq!(flood.problems.len(), text::MAX_REPORTED);
        assert_eq!(
            (last.code, last.message.as_str()),
            (
                Code::YamlAlias,
                "900 more anchors in this file from here on are not listed"
            )
        );
    }

    /// A tag is named as written: a `%TAG` handle is not shown as the URI it stands for.
    #[test]
    fn tags_are_named_as_written() {
        let parsed =
            parse("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\nb: ! 2\nc: !<tag:x> 3\n");
        let named: Vec<(&str, usize, usize)> = parsed
            .problems
            .iter()
            .map(|p| (p.message.as_str(), p.span.column, p.span.len))
            .collect();
        assert_eq!(
            named,
            [
                ("YAML tags are not accepted in content: `!e!x`", 4, 4),
                ("YAML tags are not accepted in content: `!`", 4, 1),
                ("YAML tags are not accepted in content: `!<tag:x>`", 4, 8),
            ]
        );
    }

    /// A file of tags is reported in bounded space: the first hundred, then a count.
    #[test]
    fn a_flood_of_tags_is_counted_not_listed() {
        let source = format!("x: [{}]\n", "!t a, ".repeat(5_000));
        let parsed = parse(&source);
        assert_eq!(parsed.problems.len(), text::MAX_REPORTED + 1);
        let last = parsed.problems.last().unwrap();
        assert_eq!(
            last.message,
            "4900 more tags in this file from here on are not listed"
        );
        // The 101st tag: `x: [` and 100 times `!t a, `.
        assert_eq!((last.span.line, last.span.column), (1, 5 + 100 * 6));
    }

    /// Issue #20: a second document is an error at the `---` that starts it.
    #[test]
    fn a_second_document_is_an_error_at_its_start() {
        let parsed = parse("---\na: 1\n---\nb: 2\n");
        assert!(!parsed.failed);
        assert_eq!(spots(&parsed.problems), [(Code::YamlSyntax, 3, 1)]);
        assert_eq!(
            parsed.problems[0].message,
            "a second YAML document starts at this `---`"
        );
        let root = parsed.root.unwrap();
        assert!(root.get("a").is_some() && root.get("b").is_none());
        let parsed = parse("a: 1\n...\nb: 2\n");
        assert_eq!(spots(&parsed.problems), [(Code::YamlSyntax, 3, 1)]);
        // One document, with or without its markers, is fine.
        assert!(tree("---\na: 1\n...\n").is_some());
    }

    /// Issue #20: hidden characters are reported where they stand; a zero-width one is removed
    /// from the value, a control or bidi override makes the file fail but not the parse.
    #[test]
    fn hidden_characters_are_reported_and_zero_width_removed() {
        let parsed = parse(
            "na\u{200B}me: 熊本\u{FEFF}県\nnote: a\u{0}b\u{202E}c\nesc: \"x\\e[31m \\u200B\"\n",
        );
        assert!(!parsed.failed);
        assert_eq!(
            spots(&parsed.problems),
            [
                (Code::ZeroWidthCharacter, 1, 3),
                (Code::ZeroWidthCharacter, 1, 10),
                (Code::ControlCharacter, 2, 8),
                (Code::ControlCharacter, 2, 10),
                (Code::ControlCharacter, 3, 8),
                (Code::ZeroWidthCharacter, 3, 15),
            ]
        );
        let root = parsed.root.unwrap();
        assert_eq!(root.get("name").and_then(Node::as_str), Some("熊本県"));
        assert_eq!(
            root.get("note").and_then(Node::as_str),
            Some("a\u{FFFD}b\u{FFFD}c")
        );
        assert_eq!(root.get("esc").and_then(Node::as_str), Some("x\u{1b}[31m "));
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics_on_any_text(s in "\\PC{0,300}") {
            let _ = parse(&s);
        }

        #[test]
        fn yaml_like_text_never_panics_the_parser_or_the_deserializer(s in "[-:\\[\\]{}&*!|>'\"#, \n\ta-z0-9あ熊\u{feff}\u{0}\u{202e}\\\\]{0,300}") {
            if let Some(node) = parse(&s).root {
                let mut found = Vec::new();
                let _ = crate::yaml::de::from_node::<crate::model::StatusSheet>(&node, &mut found);
                let _ = crate::yaml::de::from_node::<crate::model::Region>(&node, &mut found);
            }
        }
    }
}
