//! Warnings for an era written past its end or before its start.

use super::written::Kind;
use crate::model::date::bounds::fiscal_span;
use crate::model::date::display::{ja_year, year_anchor};
use crate::model::date::{DateWarning, Era, Point};
use crate::model::lang::Lang;

/// A warning when the written era was not in force at any time of what the date names.
pub(super) fn era_warning(
    era: Era,
    year: i32,
    kind: Kind,
    point: &Point,
    text: &str,
) -> Option<DateWarning> {
    let (first, last) = if kind == Kind::Fiscal {
        fiscal_span(year)?
    } else {
        point.bounds()?
    };
    if era.overlaps(first, last) {
        return None;
    }
    let name = era.english();
    let message = match era.last_day() {
        Some(end) if first > end => {
            format!("`{text}` is past the end of the {name} era (it ended on {end})")
        }
        _ => format!(
            "`{text}` is before the {name} era began (on {})",
            era.first_day()
        ),
    };
    let fix = if kind == Kind::Fiscal && !point.ja_month_part().is_empty() {
        format!(
            "{}度{}",
            ja_year(year, year_anchor(year)),
            point.ja_month_part()
        )
    } else {
        point.display(Lang::Ja)
    };
    Some(DateWarning {
        message,
        help: Some(format!("write `{fix}`")),
    })
}

#[cfg(test)]
mod tests {
    use crate::model::date::parse;
    use crate::model::date::testing::warnings;

    /// Written, canonical, what the warning says, its help.
    const OUT_OF_ERA: [(&str, &str, &str, &str); 10] = [
        (
            "平成32年度",
            "FY2020",
            "past the end of the Heisei era",
            "write `令和2年度`",
        ),
        (
            "H32",
            "FY2020",
            "past the end of the Heisei era",
            "write `令和2年度`",
        ),
        (
            "H31年5月",
            "2019-05",
            "past the end of the Heisei era",
            "write `令和元年5月`",
        ),
        (
            "H31.5.1",
            "2019-05-01",
            "past the end of the Heisei era",
            "write `令和元年5月1日`",
        ),
        (
            "令和元年4月",
            "2019-04",
            "before the Reiwa era began",
            "write `平成31年4月`",
        ),
        (
            "昭和64年2月",
            "1989-02",
            "past the end of the Showa era",
            "write `平成元年2月`",
        ),
        (
            "S64.1.8",
            "1989-01-08",
            "past the end of the Showa era",
            "write `平成元年1月8日`",
        ),
        (
            "昭和64年度",
            "FY1989",
            "past the end of the Showa era",
            "write `平成元年度`",
        ),
        (
            "平成32年度6月",
            "2020-06",
            "past the end of the Heisei era",
            "write `令和2年度6月`",
        ),
        (
            "平成32年度末",
            "FY2020-end",
            "past the end of the Heisei era",
            "write `令和2年度末`",
        ),
    ];

    #[test]
    fn eras_past_their_end_warn_with_the_right_spelling() {
        for (input, canonical, says, help) in OUT_OF_ERA {
            let parsed = parse(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
            assert_eq!(parsed.when.canonical(), canonical, "{input}");
            assert_eq!(parsed.warnings.len(), 1, "{input}: {:?}", parsed.warnings);
            let w = &parsed.warnings[0];
            assert!(w.message.contains(says), "{input}: {}", w.message);
            assert!(
                w.message.contains(&format!("`{input}`")),
                "{input}: {}",
                w.message
            );
            assert_eq!(w.help.as_deref(), Some(help), "{input}");
        }
    }

    #[test]
    fn eras_in_force_do_not_warn() {
        for input in [
            "平成31年度",
            "令和元年度",
            "平成31年度末",
            "昭和64年1月",
            "昭和64年1月7日",
            "平成元年1月",
            "平成元年1月8日",
            "平成31年4月",
            "令和元年5月",
            "平成31年",
            "令和元年",
            "H31.4.30",
            "R1.5.1",
            "S63年度",
            "2019-05",
        ] {
            assert_eq!(warnings(input), Vec::new(), "{input}");
        }
    }

    #[test]
    fn range_sides_warn_separately() {
        let parsed = parse("H29～H32年度").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(parsed.when.canonical(), "FY2017/FY2020");
        assert_eq!(parsed.warnings.len(), 1);
        assert_eq!(
            parsed.warnings[0].help.as_deref(),
            Some("write `令和2年度`")
        );
    }
}
