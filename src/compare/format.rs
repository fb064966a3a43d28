//! Compared values as text, the same on the comparison pages and in `/data/compare.json`:
//! a value with its unit and whole (`4,830人`, `39 / 43`, `54.8%`), and a signed difference
//! (`+1,234人`, `−14.2%`, `±0`).

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
    let mut value = format!("{}{}", number::grouped(o.value), unit_suffix(unit, lang));
    if let Some(of) = o.of {
        value.push_str(&format!(" / {}", number::grouped(of)));
    }
    value
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
}
