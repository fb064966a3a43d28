//! Compared values as text, the same on the comparison pages and in `/data/compare.json`:
//! a value with its unit and whole (`4,830人`, `39 / 43`, `54.8%`), a value as a chart
//! labels it (`4,830`), a signed difference (`+1,234人`, `−14.2ポイント`, `−14.2 pt`, `±0`: a
//! difference between rates is in percentage points), and a [`Verdict`] in words
//! ([`verdict_text`]: 「未達（期限前）」, "434 above the target as of June 2019; not yet due
//! (deadline: end of FY2021)"), its words from the theme's strings.

use serde::Serialize;

use crate::model::number;
use crate::model::vocab::Unit;
use crate::model::Lang;
use crate::site::{SourceRow, SourceTable, Ui};

use super::observations::ObsKind;
use super::verdict::{self, Reason, Status, Verdict};
use super::{Comparison, Obs};

/// What follows a number of the unit: `%`, and `人` on Japanese pages.
pub fn unit_suffix(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::Percent, _) => "%",
        (Unit::People, Lang::Ja) => "人",
        _ => "",
    }
}

/// Where a comparison's values come from, in words: the record's kind, the section and the
/// row (「自治体情報シート・５ 強みと課題・2行目」, "Status sheet, 5. Strengths and issues, row 2";
/// an outcome's discharge table counts columns). `None` for a row outside the tables that
/// [`SourceRow`] knows.
pub fn source_text(c: &Comparison, ui: Ui) -> Option<String> {
    let row = SourceRow::parse(&c.row_path)?;
    let (section, pattern) = match row.table {
        SourceTable::Results => ("source_results", "source_row"),
        SourceTable::Strengths => ("source_strengths", "source_row"),
        SourceTable::Discharge => ("source_discharge", "source_column"),
    };
    let kind = ui.kind_name(c.source_kind);
    let n = (row.index + 1).to_string();
    Some(ui.fill_named(
        pattern,
        &[("kind", &kind), ("section", ui.get(section)), ("n", &n)],
    ))
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

/// The value with its suffix, and its whole with the same suffix (`13人 / 31人`, `39 / 43`).
fn written(value: f64, suffix: &str, of: Option<f64>) -> String {
    let mut text = format!("{}{suffix}", number::grouped(value));
    if let Some(of) = of {
        text.push_str(&format!(" / {}{suffix}", number::grouped(of)));
    }
    text
}

/// The share a part is of its whole (`39 / 43`: 0.907), computed; `None` for a value without
/// a whole, a whole of zero, or a rate (a percentage of a percentage is no share).
pub fn share(o: &Obs, unit: Unit) -> Option<f64> {
    let of = o.of.filter(|of| *of > 0.0 && of.is_finite())?;
    (unit != Unit::Percent).then(|| crate::model::number::tidy(o.value / of))
}

/// The share in words, labelled as computed: 「41.9%（算出）」, "41.9% (computed)".
pub fn share_text(o: &Obs, unit: Unit, ui: Ui) -> Option<String> {
    let share = share(o, unit)?;
    let percent = format!("{}%", number::plain((share * 1000.0).round() / 10.0));
    Some(ui.fill_named("share_computed", &[("share", &percent)]))
}

/// What follows a difference of the unit: percentage points for rates (`ポイント`, ` pt`),
/// else the unit's own suffix.
fn difference_suffix<'a>(unit: Unit, ui: Ui<'a>) -> &'a str {
    match unit {
        Unit::Percent => ui.get("unit_points_short"),
        _ => unit_suffix(unit, ui.lang),
    }
}

/// A difference with its sign (`+`, `−`, `±` for none) and unit (`+434人`, `−14.2 pt`).
pub fn signed(v: f64, unit: Unit, ui: Ui) -> String {
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
        difference_suffix(unit, ui)
    )
}

/// A verdict in words, in one language.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VerdictText {
    /// The status (`met`, `not-met`, `on-track`, `not-yet-met`, `not-comparable`), also the
    /// badge's class.
    pub status: &'static str,
    /// The badge: 「達成」 "met", 「未達（期限前）」 "not yet met", 「比較できない」 "not comparable".
    pub label: String,
    /// The gap so far with its date and deadline, or, when not comparable, why: one
    /// sentence each.
    pub details: Vec<String>,
}

/// `c`'s verdict in words; `None` without one.
pub fn verdict_text(c: &Comparison, ui: Ui) -> Option<VerdictText> {
    let v = c.verdict.as_ref()?;
    let judged = c.judged()?;
    let target = c.target.as_ref()?;
    let details = match v.gap {
        Some(gap) => vec![gap_sentence(v, gap, c.unit, judged, target, ui)],
        None => v
            .reasons
            .iter()
            .filter_map(|r| reason_sentence(*r, v, judged, target, ui))
            .collect(),
    };
    Some(VerdictText {
        status: v.status.as_str(),
        label: ui.get(status_key(v.status)).to_owned(),
        details,
    })
}

/// The UI string of a verdict's badge.
pub fn status_key(s: Status) -> &'static str {
    match s {
        Status::Met => "verdict_met",
        Status::NotMet => "verdict_not_met",
        Status::OnTrack => "verdict_on_track",
        Status::NotYetMet => "verdict_not_yet_met",
        Status::NotComparable => "verdict_not_comparable",
    }
}

/// A date as the reader's language writes it; "not stated" without one.
fn shown(date: Option<&crate::model::When>, ui: Ui) -> String {
    date.map(|d| d.display(ui.lang))
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| ui.get("verdict_date_unknown").to_owned())
}

/// "434 above the target" / 「目標を14.2ポイント下回る」, with the unit of a difference in words.
pub fn gap_phrase(gap: f64, unit: Unit, ui: Ui) -> String {
    let n = number::grouped(gap.abs());
    let n = match unit {
        Unit::Percent => format!("{n}{}", ui.get("unit_points")),
        _ => format!("{n}{}", unit_suffix(unit, ui.lang)),
    };
    let key = if gap > 0.0 {
        "verdict_gap_above"
    } else if gap < 0.0 {
        "verdict_gap_below"
    } else {
        "verdict_gap_none"
    };
    ui.fill_named(key, &[("n", &n)])
}

/// The gap so far, when it was measured, and why the verdict is (or is not yet) final.
fn gap_sentence(v: &Verdict, gap: f64, unit: Unit, judged: &Obs, target: &Obs, ui: Ui) -> String {
    let key = match v.reasons.first() {
        None => "verdict_final",
        Some(Reason::NoDeadline) => "verdict_no_deadline",
        Some(Reason::TargetUndated) => "verdict_target_undated",
        Some(_) => "verdict_before_deadline",
    };
    let set = verdict::set_at(target);
    ui.fill_named(
        key,
        &[
            ("gap", &gap_phrase(gap, unit, ui)),
            ("date", &shown(judged.date.as_ref(), ui)),
            ("deadline", &shown(target.date.as_ref(), ui)),
            ("set", &shown(set, ui)),
        ],
    )
}

/// Why the judged value cannot be set against the target, in words; `None` for the reasons
/// a provisional verdict gives (its gap sentence says them).
fn reason_sentence(r: Reason, v: &Verdict, judged: &Obs, target: &Obs, ui: Ui) -> Option<String> {
    let key = match r {
        Reason::Undated => "verdict_reason_undated",
        Reason::ContradictsHeading => "verdict_reason_heading",
        Reason::BeforeTargetSet => "verdict_reason_before_set",
        Reason::BeforeDeadline | Reason::NoDeadline | Reason::TargetUndated => return None,
    };
    let value = ui.get(match v.judged {
        ObsKind::Baseline => "verdict_value_baseline",
        _ => "verdict_value_actual",
    });
    Some(ui.fill_named(
        key,
        &[
            ("value", value),
            ("date", &shown(judged.date.as_ref(), ui)),
            ("heading", &shown(judged.heading.as_ref(), ui)),
            ("set", &shown(verdict::set_at(target), ui)),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::testutil::theme_strings;

    #[test]
    fn differences_carry_their_sign_and_unit() {
        let (ja, en) = (theme_strings().ui(Lang::Ja), theme_strings().ui(Lang::En));
        assert_eq!(signed(434.0, Unit::People, ja), "+434人");
        assert_eq!(signed(434.0, Unit::People, en), "+434");
        // Between two rates, a difference is in percentage points.
        assert_eq!(signed(54.8 - 69.0, Unit::Percent, en), "−14.2 pt");
        assert_eq!(signed(54.8 - 69.0, Unit::Percent, ja), "−14.2ポイント");
        assert_eq!(signed(0.0, Unit::Count, en), "±0");
        assert_eq!(
            gap_phrase(-14.2, Unit::Percent, en),
            "14.2 points below the target"
        );
        assert_eq!(
            gap_phrase(-14.2, Unit::Percent, ja),
            "目標を14.2ポイント下回る"
        );
        assert_eq!(gap_phrase(434.0, Unit::People, en), "434 above the target");
        assert_eq!(gap_phrase(434.0, Unit::People, ja), "目標を434人上回る");
        assert_eq!(gap_phrase(0.0, Unit::Count, en), "at the target");
    }

    /// Issue #15, item 5: Chiba's 13 discharged of the 31 given support is 41.9 %, computed.
    #[test]
    fn a_part_of_a_whole_shows_its_share_as_computed() {
        let (ja, en) = (theme_strings().ui(Lang::Ja), theme_strings().ui(Lang::En));
        let part = Obs {
            value: 13.0,
            of: Some(31.0),
            date: None,
            date_role: crate::compare::DateRole::AsOf,
            path: String::new(),
            notes: Vec::new(),
            heading: None,
            set_at: None,
        };
        assert_eq!(value_text(&part, Unit::People, Lang::Ja), "13人 / 31人");
        assert_eq!(value_text(&part, Unit::People, Lang::En), "13 / 31");
        assert_eq!(
            share_text(&part, Unit::People, en).as_deref(),
            Some("41.9% (computed)")
        );
        assert_eq!(
            share_text(&part, Unit::People, ja).as_deref(),
            Some("41.9%（算出）")
        );
        assert_eq!(
            share_text(&part, Unit::Percent, en),
            None,
            "no share of a rate"
        );
        let whole = Obs {
            of: None,
            ..part.clone()
        };
        assert_eq!(share_text(&whole, Unit::People, en), None);
        let empty = Obs {
            of: Some(0.0),
            ..part
        };
        assert_eq!(share_text(&empty, Unit::Count, en), None);
    }

    #[test]
    fn charts_name_only_the_percent_unit_beside_a_value() {
        assert_eq!(chart_text(4830.0, None, Unit::People), "4,830");
        assert_eq!(chart_text(54.8, None, Unit::Percent), "54.8%");
        assert_eq!(chart_text(39.0, Some(43.0), Unit::Count), "39 / 43");
    }
}
