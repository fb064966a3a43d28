//! Dates as Japanese editors write them, read into one canonical value.
//!
//! In: one date string from a record, written the way the source sheets write it
//! (`R1.6月時点`, `令和2年度末`, `H29～R1年度`, `2017-08-04`, `通年` …).
//! Out: a [`When`] — a single [`Point`], a range of points, or an [`Open`] period — with
//! [`DateWarning`]s for dates that read fine but name an era that was not in force, or a
//! [`DateError`] whose `help` says what to write instead.
//!
//! Guarantees: [`parse`] never panics, whatever the input; `parse(&w.canonical())` gives back
//! `w` for every valid `When`; full-width and half-width text read alike, because the input is
//! NFKC-normalised and all whitespace is removed before anything else (`令和 2 年 1月時点`,
//! `Ｈ29. 8. 4`, `Ｒ４年度`).
//!
//! # Accepted forms
//!
//! | written | value | canonical |
//! | --- | --- | --- |
//! | `2017-08-04`, `2017.8.4`, `2017/8/4`, `H29.8.4`, `平成29年8月4日` | day | `2017-08-04` |
//! | `2019-06`, `2019年6月`, `R1.6`, `R1.6月`, `令和元年6月` | month | `2019-06` |
//! | `R2年6月末`, `2020-06-end` | end of a month | `2020-06-end` |
//! | `2月1日`, `8月`, `6月末` (no year) | day, month, month end | `--02-01`, `--08`, `--06-end` |
//! | `2021`, `R3年`, `R3年中` | calendar year | `2021` |
//! | `FY2020`, `2020年度`, `R2年度`, `令和2年度`, and a bare era year `R2`, `H24`, `令和2` | fiscal year | `FY2020` |
//! | `令和2年度当初`, `FY2020-start` | start of a fiscal year (April 1) | `FY2020-start` |
//! | `令和2年度末`, `FY2020-end` | end of a fiscal year (March 31 of the next year) | `FY2020-end` |
//! | `R2年度6月末`, `R3年度1月` | a month inside a fiscal year | `2020-06-end`, `2022-01` |
//! | `H29～R1年度`, `R4年1～2月`, `8月～`, `～R3年度`, `2019-06/2020-03` | range | `FY2017/FY2019`, `2022-01/2022-02`, `--08/`, `/FY2021` |
//! | `通年`, `未定`, `期間不明`, `期間の記載なし`, `all-year`, `undecided`, `not-stated` | open period | `all-year`, `undecided`, `not-stated` |
//!
//! Eras are written as letters (`H`, `R`, `S`, either case) or names (`平成`, `令和`, `昭和`,
//! also the ligatures `㍻`/`㋿`), with `元` for year 1. Numbers may also be kanji numerals
//! (`令和二年度`, `二〇二〇年`). A weekday in brackets (`（木）`) is ignored; so are the "as of"
//! suffixes `時点`, `現在`, `頃`, a trailing `中` ("during": `R3年中` is the year 2021), brackets
//! around the whole date (`（２月１日現在）`), and a bracket left over at either end when a date
//! was cut out of a longer bracket (`令和２年度末）`). Text longer than 64 characters is refused.
//!
//! # Conventions
//!
//! - **A bare era year is a fiscal year.** `R2`, `H24`, `令和2` with neither `年` nor `年度` are
//!   read as 年度, because that is how the sheets' timelines (取組の経緯) label their columns.
//!   A bare western year (`2021`) is a calendar year, as in ISO 8601.
//! - **Fiscal years** run April to March and are named by their starting year:
//!   `令和2年度` = `FY2020` = 2020-04-01 … 2021-03-31. Months 1–3 of a fiscal year fall in the next
//!   calendar year (`R3年度1月` = January 2022). `年度当初` is April 1, `年度末` March 31.
//! - **Ranges** are split at `～`, `〜`, `~`, `–`, `—`, `∼` or `/` (never at `-`, which belongs
//!   to ISO dates; and `2020/4/1` is a date). The words `AからB`, `Aから`, `Aより`, `Bまで` are
//!   ranges too, and an empty side or `現在` ("now") leaves that end open (`平成30年度～現在`).
//!   A side written without a unit takes the other side's (`H29～R1年度`: both are 年度;
//!   `4～6月`: both months). A right side without a year takes the left side's year — or fiscal
//!   year — and a right side with a day only also its month (`R4年1～2月`, `R2年度10月～3月`,
//!   `R2年4月1日～30日`); a year written without an era takes the other side's era
//!   (`平成27年度～28年度`). A right side that borrowed a year and would then end before the left
//!   side starts moves on a year (`R2年12月～1月` is December 2020 – January 2021). A left side
//!   never takes the right side's year: `4月～R4年3月` keeps `4月` without one (its
//!   [`When::bounds`] still place it in April 2021). Canonical parts (`2022-01`, `--02`, `FY2020`) are taken literally, and
//!   with `/` so is a bare western year, so that canonical strings read back unchanged.
//! - **Eras in display** are the era in force on the day shown: on the first day of a month, the
//!   last day of a month end, and December 31 for a calendar or fiscal year (so 2019 is 令和元年 and
//!   FY2019 is 令和元年度, as the ministry writes them). Before 昭和 began (1926-12-25) the western
//!   year is shown (`1920年`).
//! - **Era warnings**: a written era must have been in force at some point of what the date
//!   names — the whole fiscal year when `年度` was written (so `平成31年度` and `令和元年度` are both
//!   fine), otherwise the day, month or year. `平成32年度`, `H31年5月`, `令和元年4月` and
//!   `昭和64年2月` are read, with a [`DateWarning`] naming the right spelling.
//! - Years run from 1 to 9999; anything else (and any number too large to read) is an error.
//!
//! # Why this is written by hand
//!
//! No crate reads these. `erajp` only names the era of a year, and `wareki-conv` converts a
//! single JIS X 0301 date (and pulls in `regex` and `chrono`); neither knows 年度, 年度末 or
//! 年度当初, the sheets' shorthand (`R1.6月`, bare `H24`), months placed inside a fiscal year, or
//! ranges. The grammar is small, so it is written out here with plain string handling: normalise,
//! split a range, read each side as ISO or as a sequence of numbers and units, share what one side
//! left out with the other, then check the result.
//!
//! # Files
//!
//! - `when.rs`: the values ([`Point`], [`Open`], [`When`]) and what reading reports
//!   ([`Parsed`], [`DateWarning`], [`DateError`]); `calendar.rs` ([`Ymd`], month lengths and
//!   names) and `era.rs` (昭和, 平成, 令和: first and last days, names) under them.
//! - `canonical.rs` (the canonical text, and serde through it), `display.rs` (Japanese and
//!   English), `bounds.rs` (days covered, fiscal year).
//! - `parse/`: [`parse`], in the order it reads: `normalize.rs`, `range.rs`, `iso.rs`, then
//!   for Japanese forms `tokens.rs` and `written.rs`; `share.rs` between the sides of a range,
//!   `resolve.rs` to check each side into a [`Point`], `warning.rs` for eras out of force.
//! - `dated.rs`: [`Dated`], a value with the text as written; `schema.rs`: the JSON Schema.
//!
//! [`parse`]: fn@parse

pub mod dated;
mod notation;
mod schema;
pub use notation::fiscal_year_label;

mod bounds;
mod calendar;
mod canonical;
mod display;
mod era;
mod parse;
mod when;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod testing;

pub use calendar::{Ymd, MONTH_NAMES};
pub use dated::Dated;
pub(crate) use era::Era;
pub use parse::parse;
pub use when::{DateError, DateWarning, Open, Parsed, Point, When};

/// The newtype-struct name [`When`]'s `Deserialize` asks for, so that a loader can recognise
/// date fields (for example to attach a source span to a date error).
pub const SERDE_NAME: &str = "$casebook::date";
