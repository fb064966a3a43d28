//! Compared values as text, the same on the comparison pages and in `/data/compare.json`:
//! a value with its unit and whole (`4,830人`, `39 / 43`, `54.8%`), a value as a chart
//! labels it (`4,830`), and a signed difference (`+1,234人`, `−14.2%`, `±0`).

use crate::model::number;
use crate::model::vocab::Unit;
use crate::model::Lang;

use super::Obs;

/// What follows a number of the unit: `%`, and `人` on Japanese pages.
pub fn unit_suffix(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::Percent, _) => "%",
        (Unit::People, Lang::Ja) => "人",
        _ => "",
    }
}

/// An observed value with its unit, and its whole when it has one (`39 / 43`).
pub fn value_text(o: &Obs, unit: Unit, lang: Lang) -> String {
    written(o.value, unit_suffix(unit, lang), o.of)
}

/// A value as a chart prints it beside its mark, in either language: `%` for percentages
/// and no other unit (the chart's axis names it), and its whole (`4,830`, `54.8%`, `39 / 43`).
pub fn chart_text(value: f64, of: Option<f64>, unit: Unit) -> String {
    let suffix = if unit == Unit::Percent { "%" } else { "" };
    written(value, suffix, of)
}

fn written(value: f64, suffix: &str, of: Option<f64>) -> String {
    let mut text = format!("{}{suffix}", number::grouped(value));
    if let Some(of) = of {
        text.push_str(&format!(" / {}", number::grouped(of)));
    }
    text
}

/// A difference with its sign (`+`, `−`, `±` for none) and unit.
pub fn signed(v: f64, unit: Unit, lang: Lang) -> String {
    let sign = if v > 0.0 {
        "+"
    } else if v < 0.0 {
        "−"
    } else {
        "±"
    };
    format!(
        "{sign}{}{}",
        number::grouped(v.abs()),
        unit_suffix(unit, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_carry_their_sign_and_unit() {
        assert_eq!(signed(434.0, Unit::People, Lang::Ja), "+434人");
        assert_eq!(signed(54.8 - 69.0, Unit::Percent, Lang::En), "−14.2%");
        assert_eq!(signed(0.0, Unit::Count, Lang::En), "±0");
    }

    #[test]
    fn charts_name_only_the_percent_unit_beside_a_value() {
        assert_eq!(chart_text(4830.0, None, Unit::People), "4,830");
        assert_eq!(chart_text(54.8, None, Unit::Percent), "54.8%");
        assert_eq!(chart_text(39.0, Some(43.0), Unit::Count), "39 / 43");
    }
}
