//! Bounded excerpts: a diagnostic never echoes more than a few hundred characters of what it
//! is about, however long the line or the value (a 3 MB one-line file once made a 3 MB
//! diagnostic, issue #20).
//!
//! The human format's source line is cut to [`EXCERPT_CHARS`] characters around the column
//! ([`window`]); a value quoted in a message or help (between backticks) is cut to
//! [`EXCERPT_CHARS`] characters, and a whole message to [`MAX_MESSAGE_CHARS`] ([`bounded`]).
//! A cut is marked with `…`.

use std::borrow::Cow;

/// Characters of a source line, or of a quoted value, that a diagnostic shows.
pub const EXCERPT_CHARS: usize = 200;

/// Characters of a message or help that a diagnostic shows.
pub const MAX_MESSAGE_CHARS: usize = 1000;

const ELLIPSIS: char = '…';

/// `text` with each value between backticks cut to [`EXCERPT_CHARS`] characters, and the
/// whole cut to [`MAX_MESSAGE_CHARS`].
pub fn bounded(text: &str) -> Cow<'_, str> {
    if text.len() <= EXCERPT_CHARS {
        return Cow::Borrowed(text);
    }
    let parts: Vec<&str> = text.split('`').collect();
    let mut out = String::with_capacity(text.len().min(4 * MAX_MESSAGE_CHARS));
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts are quoted when a closing backtick follows them.
        let quoted = i % 2 == 1 && i + 1 < parts.len();
        if quoted {
            out.push_str(&cut(part, EXCERPT_CHARS));
        } else {
            out.push_str(part);
        }
    }
    match cut(&out, MAX_MESSAGE_CHARS) {
        Cow::Borrowed(_) if out == text => Cow::Borrowed(text),
        Cow::Borrowed(_) => Cow::Owned(out),
        Cow::Owned(cut) => Cow::Owned(cut),
    }
}

/// The first `max` characters of `text`, and `…` when there were more.
fn cut(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}{ELLIPSIS}", &text[..end])),
    }
}

/// A source line cut around a column.
#[derive(Debug, PartialEq, Eq)]
pub struct Window {
    /// The characters shown, with `…` where the line was cut.
    pub text: String,
    /// The 1-based column of the diagnostic in [`text`](Window::text).
    pub column: usize,
    /// Characters of the line after the column that are shown.
    pub after: usize,
}

/// At most [`EXCERPT_CHARS`] characters of `line` around the 1-based `column` (which counts
/// characters), with `…` at a cut end.
pub fn window(line: &str, column: usize) -> Window {
    let total = line.chars().count();
    let at = column.saturating_sub(1).min(total);
    let mut start = at.saturating_sub(EXCERPT_CHARS / 2);
    let end = (start + EXCERPT_CHARS).min(total);
    start = start.min(end.saturating_sub(EXCERPT_CHARS));
    let mut text = String::new();
    if start > 0 {
        text.push(ELLIPSIS);
    }
    text.extend(line.chars().skip(start).take(end - start));
    if end < total {
        text.push(ELLIPSIS);
    }
    Window {
        text,
        column: at - start + 1 + usize::from(start > 0),
        after: end - at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_kept_whole() {
        assert!(matches!(
            bounded("`abc` is not a number"),
            Cow::Borrowed("`abc` is not a number")
        ));
        let w = window("kind: prefecture", 7);
        assert_eq!(
            w,
            Window {
                text: "kind: prefecture".into(),
                column: 7,
                after: 10
            }
        );
    }

    #[test]
    fn a_long_quoted_value_is_cut_and_the_rest_kept() {
        let value = "9".repeat(3_000_000);
        let message = format!("`{value}` is not a number");
        let shown = bounded(&message);
        assert_eq!(shown.chars().count(), 1 + EXCERPT_CHARS + 1 + 1 + 16);
        assert!(shown.ends_with("9…` is not a number"), "{shown}");
        let unquoted = "x".repeat(5000);
        assert_eq!(bounded(&unquoted).chars().count(), MAX_MESSAGE_CHARS + 1);
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(1_000_000), "b".repeat(1_000_000));
        let w = window(&line, 1_000_001);
        assert_eq!(w.text.chars().count(), EXCERPT_CHARS + 2);
        assert!(w.text.starts_with('…') && w.text.ends_with('…'));
        assert_eq!(w.text.chars().nth(w.column - 1), Some('X'));
        // Near either end, the window keeps its size and the column its character.
        let w = window(&line, 3);
        assert!(!w.text.starts_with('…'));
        assert_eq!(w.text.chars().count(), EXCERPT_CHARS + 1);
        assert_eq!(w.column, 3);
        let w = window(&line, 2_000_001);
        assert!(w.text.starts_with('…') && !w.text.ends_with('…'));
        assert_eq!(w.text.chars().nth(w.column - 1), Some('b'));
        assert_eq!(w.after, 1);
    }

    #[test]
    fn a_column_past_the_end_points_after_the_last_character() {
        let w = window("abc", 9);
        assert_eq!((w.text.as_str(), w.column, w.after), ("abc", 4, 0));
    }
}
