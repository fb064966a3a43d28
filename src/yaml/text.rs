//! Hidden characters in a file's text: controls, bidi overrides and zero-width characters
//! (see [`crate::diag::chars`]) are found before parsing, each reported at its line and
//! column with its code point named.
//!
//! - A C0/C1 control (other than tab and line feed) or a bidi override or isolate is an
//!   error (`control-character`): the build stops, so it never reaches a page, the data or
//!   the search index. The parser is handed U+FFFD in its place (one character for one, so
//!   every later column stays true), so one NUL does not hide the file's other problems.
//! - A zero-width character (U+200B–U+200D, U+2060, U+FEFF) is a warning
//!   (`zero-width-character`) and is removed from the values read (`Builder` strips it), so
//!   a word it sat in is one word again for pages and search.
//!
//! The same characters written as escapes in a double-quoted scalar (`"\e"`, `"\u202E"`) are
//! found where the scalar is read ([`escapes`]).

use std::borrow::Cow;

use super::ParseError;
use crate::diag::chars::{describe, hidden, Hidden};
use crate::diag::{Code, Span};

/// Hidden characters reported one by one in a file; the rest are counted in one more.
pub const MAX_REPORTED: usize = 100;

/// The problem for a hidden character `c` at `span`; `how` says how it was written when it
/// was an escape.
pub fn finding(c: char, span: Span, how: Option<&str>) -> Option<ParseError> {
    let class = hidden(c)?;
    let what = match how {
        Some(escape) => format!("the escape `{escape}` writes {}", describe(c)),
        None => describe(c),
    };
    let (code, message, help) = match class {
        Hidden::Control => (
            Code::ControlCharacter,
            format!("control character in the text: {what}"),
            "delete it: a control character is not text (tabs and line breaks are fine)",
        ),
        Hidden::Bidi => (
            Code::ControlCharacter,
            format!("bidi control in the text: {what}"),
            "delete it: it changes the order in which readers see the text around it",
        ),
        Hidden::ZeroWidth => (
            Code::ZeroWidthCharacter,
            format!("zero-width character in the text: {what}; it is removed"),
            "delete it: it is invisible, and splits the word it sits in for search",
        ),
    };
    Some(ParseError {
        code,
        span,
        message,
        help: Some(help.into()),
    })
}

/// What the parser reads, and the hidden characters of `text`.
pub fn scan(text: &str) -> (Cow<'_, str>, Vec<ParseError>) {
    let mut found = Vec::new();
    // Past the limit: how many more, where the first is, and whether any is an error.
    let (mut more, mut more_at, mut more_errors) = (0usize, Span::start(), false);
    let mut clean: Option<String> = None;
    let (mut line, mut column) = (1, 0);
    for (at, c) in text.char_indices() {
        column += 1;
        if c == '\n' {
            (line, column) = (line + 1, 0);
        }
        let Some(class) = hidden(c) else {
            if let Some(clean) = clean.as_mut() {
                clean.push(c);
            }
            continue;
        };
        let span = Span::new(line, column, 1);
        if found.len() < MAX_REPORTED {
            found.extend(finding(c, span, None));
        } else {
            if more == 0 {
                more_at = span;
            }
            more += 1;
            more_errors |= class != Hidden::ZeroWidth;
        }
        let clean = clean.get_or_insert_with(|| text[..at].to_owned());
        clean.push(match (class, c) {
            (Hidden::ZeroWidth, '\u{FEFF}') => '\u{200B}',
            (Hidden::ZeroWidth, c) => c,
            _ => '\u{FFFD}',
        });
    }
    if more > 0 {
        found.push(ParseError {
            code: if more_errors {
                Code::ControlCharacter
            } else {
                Code::ZeroWidthCharacter
            },
            span: more_at,
            message: format!(
                "{more} more hidden characters in this file from here on are not listed"
            ),
            help: Some("delete them, as those above".into()),
        });
    }
    let parsed = match clean {
        Some(clean) => Cow::Owned(clean),
        None => Cow::Borrowed(text),
    };
    (parsed, found)
}

/// Whether `c` is removed from the values read.
pub fn is_zero_width(c: char) -> bool {
    hidden(c) == Some(Hidden::ZeroWidth)
}

/// The hidden characters a double-quoted scalar writes as escapes. `raw` is its source from
/// the opening quote, which stands at `start`.
pub fn escapes(raw: &str, start: Span, found: &mut Vec<ParseError>) {
    let (mut line, mut column) = (start.line, start.column);
    let mut chars = raw.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        let here = Span::new(line, column, 2);
        column += 1;
        if c == '\n' {
            (line, column) = (line + 1, 1);
        }
        if c == '"' && !first {
            return;
        }
        first = false;
        if c != '\\' {
            continue;
        }
        let Some(e) = chars.next() else { return };
        column += 1;
        if e == '\n' {
            (line, column) = (line + 1, 1);
        }
        let digits = match e {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        let hex: String = (0..digits)
            .filter_map(|_| chars.next_if(char::is_ascii_hexdigit))
            .collect();
        column += hex.chars().count();
        let written = match e {
            '0' => Some('\0'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'v' => Some('\u{B}'),
            'f' => Some('\u{C}'),
            'r' => Some('\r'),
            'e' => Some('\u{1B}'),
            'N' => Some('\u{85}'),
            'x' | 'u' | 'U' => u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32),
            _ => None,
        };
        if let Some(c) = written {
            let how = format!("\\{e}{hex}");
            let span = Span {
                len: how.chars().count(),
                ..here
            };
            found.extend(finding(c, span, Some(&how)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spots(found: &[ParseError]) -> Vec<(Code, usize, usize)> {
        found
            .iter()
            .map(|e| (e.code, e.span.line, e.span.column))
            .collect()
    }

    #[test]
    fn each_hidden_character_is_named_at_its_column() {
        let text = "title: 熊本\u{202E}県\nnote: a\u{1B}[31mb\u{200B}c # \0\n";
        let (parsed, found) = scan(text);
        assert_eq!(
            spots(&found),
            [
                (Code::ControlCharacter, 1, 10),
                (Code::ControlCharacter, 2, 8),
                (Code::ZeroWidthCharacter, 2, 14),
                (Code::ControlCharacter, 2, 19),
            ]
        );
        assert_eq!(
            found[0].message,
            "bidi control in the text: U+202E RIGHT-TO-LEFT OVERRIDE"
        );
        assert_eq!(
            found[1].message,
            "control character in the text: U+001B ESCAPE (ESC)"
        );
        // One character for one: columns after a replaced character do not move.
        assert_eq!(
            parsed,
            "title: 熊本\u{FFFD}県\nnote: a\u{FFFD}[31mb\u{200B}c # \u{FFFD}\n"
        );
        assert_eq!(parsed.chars().count(), text.chars().count());
    }

    #[test]
    fn clean_text_is_handed_on_as_it_is() {
        let (parsed, found) = scan("name: {ja: 熊本県}\n\tx\n");
        assert!(matches!(parsed, Cow::Borrowed(_)));
        assert!(found.is_empty());
    }

    #[test]
    fn a_file_of_controls_is_reported_in_bounded_space() {
        let text = "\0".repeat(1_000_000);
        let (_, found) = scan(&text);
        assert_eq!(found.len(), MAX_REPORTED + 1);
        assert_eq!(
            found[MAX_REPORTED].message,
            "999900 more hidden characters in this file from here on are not listed"
        );
        assert_eq!(found[MAX_REPORTED].span.column, MAX_REPORTED + 1);
    }

    #[test]
    fn escapes_in_double_quotes_are_found_at_the_backslash() {
        let mut found = Vec::new();
        let raw = "\"a\\e[1m \\u202E \\x41 \\t \\\" \\u200b\" trailing \\e";
        escapes(raw, Span::new(3, 7, 1), &mut found);
        assert_eq!(
            spots(&found),
            [
                (Code::ControlCharacter, 3, 9),
                (Code::ControlCharacter, 3, 15),
                (Code::ZeroWidthCharacter, 3, 33),
            ]
        );
        assert_eq!(
            found[1].message,
            "bidi control in the text: the escape `\\u202E` writes U+202E RIGHT-TO-LEFT OVERRIDE"
        );
        assert_eq!(found[1].span.len, 6);
    }
}
