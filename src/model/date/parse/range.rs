//! Splitting a range at its separator.

use crate::model::date::DateError;

pub(super) const RANGE_MARKS: [char; 5] = ['~', '〜', '–', '—', '∼'];

pub(super) enum Split<'a> {
    Single,
    /// `literal`: split at `/`, the canonical separator, where a bare western year is a year.
    Range {
        literal: bool,
        from: &'a str,
        to: &'a str,
    },
}

pub(super) fn split_range(text: &str) -> Result<Split<'_>, DateError> {
    let marks: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| RANGE_MARKS.contains(c))
        .collect();
    if let [(at, mark)] = marks[..] {
        let (from, to) = (&text[..at], &text[at + mark.len_utf8()..]);
        return Ok(Split::Range {
            literal: false,
            from,
            to,
        });
    }
    if !marks.is_empty() || (text.matches('/').count() > 1 && !is_slash_date(text)) {
        return Err(DateError::new(
            format!("`{text}` has more than one range separator"),
            "write one range, like R2年4月～R3年3月",
        ));
    }
    match text.split_once('/') {
        Some((from, to)) if !is_slash_date(text) => Ok(Split::Range {
            literal: true,
            from,
            to,
        }),
        _ => Ok(Split::Single),
    }
}

/// `2020/4/1` or `2020/4`: a western date written with slashes, not a range.
fn is_slash_date(text: &str) -> bool {
    let pieces: Vec<&str> = text.split('/').collect();
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    matches!(pieces.len(), 2 | 3)
        && digits(pieces[0], 4..=4)
        && pieces[1..].iter().all(|p| digits(p, 1..=2))
}
