//! Reading a date: normalise, split a range, read each side as ISO or as written Japanese,
//! share what one side left out with the other, then check each side into a [`Point`].

mod iso;
mod normalize;
mod range;
mod resolve;
mod share;
mod tokens;
mod warning;
mod written;

use std::str::FromStr;

use super::{DateError, DateWarning, Parsed, Point, When};
use iso::parse_iso;
use normalize::{normalize, open_word, spell_range_words, strip_decoration};
use range::{split_range, Split};
use resolve::{resolve, resolve_after};
use share::share_between;
use written::{written, Written};

/// Longer text is refused outright, which also keeps error messages short.
const MAX_CHARS: usize = 64;

/// What every "unreadable" error suggests.
const ACCEPTED: &str = "write an ISO date like 2020-04-01 or 2020-04, a fiscal year like FY2020 or \
                        令和2年度, an era date like R2.4.1 or 令和2年4月1日, a range like R2年4月～R3年3月, \
                        or 通年 / 未定 / 期間の記載なし";

/// Reads a date as written in the sources (see the module documentation for the forms).
pub fn parse(input: &str) -> Result<Parsed, DateError> {
    let normalized = spell_range_words(strip_decoration(&normalize(input)));
    let text = strip_decoration(&normalized);
    if text.is_empty() {
        return Err(DateError::new("the date is empty", ACCEPTED));
    }
    if text.chars().count() > MAX_CHARS {
        let start: String = text.chars().take(16).collect();
        return Err(DateError::new(
            format!("`{start}…` is too long to be a date"),
            ACCEPTED,
        ));
    }
    if let Some(open) = open_word(text) {
        return Ok(Parsed {
            when: When::Open(open),
            warnings: Vec::new(),
        });
    }
    let mut warnings = Vec::new();
    let when = match split_range(text)? {
        Split::Single => When::At(parse_single(text, &mut warnings)?),
        Split::Range { literal, from, to } => parse_range(text, literal, from, to, &mut warnings)?,
    };
    Ok(Parsed { when, warnings })
}

impl FromStr for When {
    type Err = DateError;

    /// [`parse`], dropping the warnings.
    fn from_str(s: &str) -> Result<When, DateError> {
        parse(s).map(|parsed| parsed.when)
    }
}

fn parse_single(text: &str, warnings: &mut Vec<DateWarning>) -> Result<Point, DateError> {
    match parse_part(text, true)? {
        Some(part) => resolve(part, warnings),
        None => Err(DateError::new("the date is empty", ACCEPTED)),
    }
}

fn parse_range(
    text: &str,
    literal: bool,
    from: &str,
    to: &str,
    warnings: &mut Vec<DateWarning>,
) -> Result<When, DateError> {
    let mut from = parse_part(from, literal)?;
    let mut to = parse_part(to, literal)?;
    if from.is_none() && to.is_none() {
        return Err(DateError::new(
            format!("`{text}` is a range with neither start nor end"),
            ACCEPTED,
        ));
    }
    if let (Some(from), Some(to)) = (from.as_mut(), to.as_mut()) {
        share_between(from, to);
    }
    let from = from.map(|part| resolve(part, warnings)).transpose()?;
    let start = from
        .as_ref()
        .and_then(Point::bounds)
        .map(|(first, _)| first);
    let to = to
        .map(|part| resolve_after(part, start, warnings))
        .transpose()?;
    check_order(from.as_ref(), to.as_ref(), text)?;
    Ok(When::Range { from, to })
}

/// Refuses a range whose end is before its start, when both have years.
pub(super) fn check_order(
    from: Option<&Point>,
    to: Option<&Point>,
    text: &str,
) -> Result<(), DateError> {
    let start = from.and_then(Point::bounds).map(|(first, _)| first);
    let end = to.and_then(Point::bounds).map(|(_, last)| last);
    match (start, end) {
        (Some(start), Some(end)) if end < start => Err(DateError::new(
            format!("`{text}` ends before it starts"),
            "write the earlier date first, like R2年4月～R3年3月",
        )),
        _ => Ok(()),
    }
}

/// One side of a range (or the whole date), before it is checked.
enum Part {
    /// An ISO or canonical form, taken as written.
    Literal(Point),
    /// A Japanese form, which may still borrow from the other side of a range.
    Written(Written),
}

fn parse_part(text: &str, literal: bool) -> Result<Option<Part>, DateError> {
    let text = strip_decoration(text);
    if text.is_empty() {
        return Ok(None);
    }
    // Between `～`, a bare `2020` may still take 年度 from the other side.
    let bare_year = text.bytes().all(|b| b.is_ascii_digit());
    if literal || !bare_year {
        if let Some(point) = parse_iso(text)? {
            return Ok(Some(Part::Literal(point)));
        }
    }
    written(text).map(|w| Some(Part::Written(w)))
}

fn unreadable(text: &str) -> DateError {
    DateError::new(
        format!("`{text}` is not a date Casebook can read"),
        ACCEPTED,
    )
}

fn too_large(text: &str) -> DateError {
    DateError::new(
        format!("`{text}` has a number too large for a date"),
        ACCEPTED,
    )
}
