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
//! nesting deeper than [`MAX_DEPTH`] is refused (a pre-scan catches flow brackets before
//! the parser sees them), aliases are refused (so no alias bomb can expand), and only one
//! document is read.

pub mod de;
mod file;

pub use file::{load_file, problem, read, typed, ReadError, MAX_FILE_BYTES};

use saphyr_parser::{Event, Parser, ScalarStyle, Span as YSpan};

use crate::diag::{Code, Span};

/// Deepest nesting of mappings and sequences accepted in a record.
pub const MAX_DEPTH: usize = 64;

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

/// Parse one YAML document. `Ok(None)` for a document with no content (empty or comments).
pub fn parse(text: &str) -> Result<Option<Node>, ParseError> {
    prescan_depth(text)?;
    let mut builder = Builder::default();
    for event in Parser::new_from_str(text) {
        let (event, span) = match event {
            Ok(ev) => ev,
            Err(e) => return Err(syntax_error(text, &builder, &e)),
        };
        if builder.event(event, span_of(span), span.start.index())? {
            break;
        }
    }
    Ok(builder.root)
}

/// A syntax error at the place an editor must fix: inside an unclosed `[` or `{`, the
/// parser only notices on a later line, so the opening bracket is reported instead.
fn syntax_error(text: &str, builder: &Builder, e: &saphyr_parser::ScanError) -> ParseError {
    let help = "check indentation, and quote values that contain `: ` or start with `[`, `{`, `*`, `&`, `!`, `%` or `@`";
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

enum Open {
    Seq(Span, usize, Vec<Node>),
    Map(Span, usize, Vec<(Node, Node)>, Option<Node>),
}

#[derive(Default)]
struct Builder {
    stack: Vec<Open>,
    root: Option<Node>,
    documents: usize,
}

impl Builder {
    /// Where the collections still open start: span and character index, outermost first.
    fn open_starts(&self) -> impl DoubleEndedIterator<Item = (Span, usize)> + '_ {
        self.stack.iter().map(|o| match o {
            Open::Seq(span, index, _) | Open::Map(span, index, _, _) => (*span, *index),
        })
    }

    /// Feed one event; `Ok(true)` when the document is complete.
    fn event(&mut self, event: Event<'_>, span: Span, index: usize) -> Result<bool, ParseError> {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(guard(
                        Code::YamlSyntax,
                        span,
                        "a record file holds one YAML document; found a second `---`",
                        "split the records into one file each",
                    ));
                }
            }
            Event::Alias(_) => {
                return Err(guard(
                    Code::YamlAlias,
                    span,
                    "YAML aliases (`*name`) are not accepted in content",
                    "write the value out in full where it is used",
                ));
            }
            Event::Scalar(text, style, _, _) => {
                let plain = style == ScalarStyle::Plain;
                self.value(Node {
                    span,
                    value: Value::Scalar {
                        text: text.into_owned(),
                        plain,
                    },
                });
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(too_deep(span));
                }
                let open = if matches!(event, Event::SequenceStart(..)) {
                    Open::Seq(span, index, Vec::new())
                } else {
                    Open::Map(span, index, Vec::new(), None)
                };
                self.stack.push(open);
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
            Event::DocumentEnd => return Ok(true),
            _ => {}
        }
        Ok(false)
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

/// Flow brackets are counted before parsing: parsers can spend seconds on 100,000 nested
/// `[` (serde_yaml took 22.6 s), and the event loop's own limit would come too late.
fn prescan_depth(text: &str) -> Result<(), ParseError> {
    let (mut depth, mut line, mut col) = (0usize, 1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut comment = false;
    for c in text.chars() {
        col += 1;
        if c == '\n' {
            (line, col, comment) = (line + 1, 0, false);
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
                    return Err(too_deep(Span::new(line, col, 1)));
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_one_based_character_columns() {
        let root = parse("name: {ja: 熊本県, en: Kumamoto}\nkind: prefecture\n")
            .unwrap()
            .unwrap();
        let kind = root.get("kind").unwrap();
        assert_eq!((kind.span.line, kind.span.column), (2, 7));
        let en = root.get("name").and_then(|n| n.get("en")).unwrap();
        assert_eq!((en.span.line, en.span.column), (1, 21));
        assert_eq!(en.as_str(), Some("Kumamoto"));
    }

    #[test]
    fn empty_and_comment_only_documents_have_no_root() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# only a comment\n").unwrap(), None);
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let text = "[".repeat(100_000);
        let err = parse(&text).unwrap_err();
        assert_eq!(err.code, Code::TooDeep);
        assert_eq!(err.span.column, MAX_DEPTH + 1);
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
        assert_eq!(parse(&text).unwrap_err().code, Code::TooDeep);
    }

    #[test]
    fn aliases_are_refused() {
        let err = parse("a: &x [1]\nb: *x\n").unwrap_err();
        assert_eq!(err.code, Code::YamlAlias);
        assert_eq!(err.span.line, 2);
    }

    #[test]
    fn an_unclosed_bracket_is_reported_where_it_opens() {
        let err = parse("a: 1\nkind: [area\nparent: x\n").unwrap_err();
        assert_eq!(err.code, Code::YamlSyntax);
        assert_eq!((err.span.line, err.span.column), (2, 7));
        let err = parse("a: 1\nb: 2\nparent: [x").unwrap_err();
        assert_eq!((err.span.line, err.span.column), (3, 9));
    }

    #[test]
    fn other_syntax_errors_stay_inside_the_file() {
        let err = parse("a: b: c\n").unwrap_err();
        assert_eq!(err.code, Code::YamlSyntax);
        assert_eq!(err.span.line, 1);
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics_on_any_text(s in "\\PC{0,300}") {
            let _ = parse(&s);
        }

        #[test]
        fn yaml_like_text_never_panics_the_parser_or_the_deserializer(s in "[-:\\[\\]{}&*!|>'\"#, \n\ta-z0-9あ熊\u{feff}]{0,300}") {
            if let Ok(Some(node)) = parse(&s) {
                let mut found = Vec::new();
                let _ = crate::yaml::de::from_node::<crate::model::StatusSheet>(&node, &mut found);
                let _ = crate::yaml::de::from_node::<crate::model::Region>(&node, &mut found);
            }
        }
    }
}
