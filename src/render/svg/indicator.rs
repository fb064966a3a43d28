//! An accessible SVG chart per indicator: one row per comparison, baseline → actual drawn as
//! an arrow, the target as a diamond, on one axis shared by every row.
//!
//! In: [`ChartRow`]s whose labels the caller has already resolved to strings in the page's
//! language (region names, usually through [`ChartRow::from_comparison`]), the indicator's
//! unit and direction, the language, a title and a DOM id unique on the page.
//! Out: one `<svg>` element as a string.
//!
//! Guarantees: the axis runs from 0 to 100 for percentages and from 0 to 1.1 × the largest
//! value otherwise, so rows can be compared by eye; every number is printed as `<text>`
//! (thousands separated, no float noise), coordinates with two decimals, so the output is
//! byte-stable; all text is escaped; the element has `role="img"`, a `<title>` and a
//! `<desc>` named by `aria-labelledby`, and each row a `<title>` of its own; no fonts,
//! images or hosts are referred to (generic `sans-serif`). Colours are presentation
//! attributes a stylesheet can override through the classes `cmp-*`.

use std::fmt::Write as _;

use serde::Serialize;

use super::{coord, xml_escape};
use crate::compare::{Comparison, Obs};
use crate::model::number;
use crate::model::vocab::{Direction, Unit};
use crate::model::Lang;

/// One row of the chart.
#[derive(Clone, Debug, Serialize)]
pub struct ChartRow {
    /// Printed in bold at the start of the row: usually the region's name.
    pub label: String,
    /// Printed after the label: usually the dates of the values.
    pub note: Option<String>,
    pub baseline: Option<ChartValue>,
    pub target: Option<ChartValue>,
    pub actual: Option<ChartValue>,
}

/// A value to draw, and its whole when the source gives "N of M" (printed `39 / 43`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ChartValue {
    pub value: f64,
    pub of: Option<f64>,
}

impl ChartValue {
    pub fn new(value: f64) -> ChartValue {
        ChartValue { value, of: None }
    }
}

impl ChartRow {
    /// A row for `c`, labelled `label` (the region's name in `lang`), with the dates of its
    /// values as the note ("actual June 2019 · target set start of FY2020").
    pub fn from_comparison(c: &Comparison, label: String, lang: Lang) -> ChartRow {
        let value = |o: &Option<Obs>| {
            o.as_ref().map(|o| ChartValue {
                value: o.value,
                of: o.of,
            })
        };
        ChartRow {
            label,
            note: dates_note(c, lang),
            baseline: value(&c.baseline),
            target: value(&c.target),
            actual: value(&c.actual),
        }
    }
}

/// "baseline June 2019 · target by end of FY2021" / "現状 令和元年6月時点・目標 令和3年度末まで".
pub fn dates_note(c: &Comparison, lang: Lang) -> Option<String> {
    use crate::compare::DateRole;
    let mut parts = Vec::new();
    for (obs, (ja, en)) in [
        (&c.baseline, ("現状", "baseline")),
        (&c.actual, ("実績", "actual")),
        (&c.target, ("目標", "target")),
    ] {
        let Some(o) = obs else { continue };
        let part = match (&o.date, o.date_role, lang) {
            (None, _, Lang::Ja) => format!("{ja} 時点の記載なし"),
            (None, _, Lang::En) => format!("{en} undated"),
            (Some(d), DateRole::Deadline, Lang::Ja) => format!("{ja} {}まで", d.display(lang)),
            (Some(d), DateRole::Deadline, Lang::En) => format!("{en} by {}", d.display(lang)),
            (Some(d), DateRole::SetAt, Lang::Ja) => format!("{ja} {}設定", d.display(lang)),
            (Some(d), DateRole::SetAt, Lang::En) => format!("{en} set {}", d.display(lang)),
            (Some(d), _, Lang::Ja) => format!("{ja} {}", d.display(lang)),
            (Some(d), _, Lang::En) => format!("{en} {}", d.display(lang)),
        };
        parts.push(part);
    }
    let sep = match lang {
        Lang::Ja => "・",
        Lang::En => " · ",
    };
    (!parts.is_empty()).then(|| parts.join(sep))
}

const WIDTH: f64 = 720.0;
const PLOT_X0: f64 = 24.0;
const PLOT_X1: f64 = 640.0;
const TOP: f64 = 40.0;
const ROW_H: f64 = 68.0;
const AXIS_H: f64 = 44.0;
/// Rough width of one character at 12px, for keeping labels inside the chart.
const CHAR_W: f64 = 7.0;

const BASELINE_COLOUR: &str = "#595959";
const ACTUAL_COLOUR: &str = "#1f5fa8";
const TARGET_COLOUR: &str = "#b3401d";

/// The chart as an `<svg>` element (see the module documentation).
pub fn indicator_svg(
    rows: &[ChartRow],
    unit: Unit,
    better: Direction,
    lang: Lang,
    title: &str,
    dom_id: &str,
) -> String {
    let axis = Axis::new(rows, unit);
    let height = TOP + ROW_H * rows.len() as f64 + AXIS_H;
    let id = xml_escape(dom_id);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"cmp-chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"12\" fill=\"currentColor\">",
        coord(WIDTH),
        coord(height)
    );
    let _ = write!(
        s,
        "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        xml_escape(title),
        xml_escape(&describe(rows.len(), &axis, unit, better, lang))
    );
    let _ = write!(
        s,
        "<defs><marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{ACTUAL_COLOUR}\"/></marker></defs>"
    );
    legend(&mut s, lang);
    grid(&mut s, &axis, height, unit, lang);
    for (i, row) in rows.iter().enumerate() {
        draw_row(&mut s, row, TOP + ROW_H * i as f64, &axis, unit, lang, &id);
    }
    s.push_str("</svg>");
    s
}

/// The common scale.
struct Axis {
    max: f64,
    step: f64,
}

impl Axis {
    fn new(rows: &[ChartRow], unit: Unit) -> Axis {
        if unit == Unit::Percent {
            return Axis {
                max: 100.0,
                step: 20.0,
            };
        }
        let largest = rows
            .iter()
            .flat_map(|r| [r.baseline, r.target, r.actual])
            .flatten()
            .map(|v| v.value)
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max);
        let max = if largest > 0.0 { largest * 1.1 } else { 1.0 };
        Axis {
            max,
            step: nice_step(max / 5.0),
        }
    }

    fn x(&self, v: f64) -> f64 {
        let share = if v.is_finite() {
            (v / self.max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        PLOT_X0 + share * (PLOT_X1 - PLOT_X0)
    }

    fn ticks(&self) -> Vec<f64> {
        let mut ticks = Vec::new();
        let mut i = 0.0;
        while i * self.step <= self.max * (1.0 + 1e-9) && ticks.len() < 50 {
            ticks.push(i * self.step);
            i += 1.0;
        }
        ticks
    }
}

/// 1, 2 or 5 × a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
}

fn unit_name(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::People, Lang::Ja) => "人",
        (Unit::People, Lang::En) => "people",
        (Unit::Percent, _) => "%",
        (Unit::Count, Lang::Ja) => "カ所・件",
        (Unit::Count, Lang::En) => "count",
        (Unit::Times, Lang::Ja) => "回",
        (Unit::Times, Lang::En) => "times",
    }
}

fn describe(rows: usize, axis: &Axis, unit: Unit, better: Direction, lang: Lang) -> String {
    let max = number::grouped(axis.max);
    let unit = unit_name(unit, lang);
    match (lang, better) {
        (Lang::Ja, _) => format!(
            "{rows}行の図。各行は現状値から実績値への変化を矢印で、目標値をひし形で示す。目盛りは0～{max}{unit}。{}。値は図の中にも文字で記載している。",
            match better {
                Direction::Lower => "少ないほど良い",
                Direction::Higher => "多いほど良い",
            }
        ),
        (Lang::En, _) => format!(
            "A chart of {rows} rows. Each row shows the change from baseline to actual as an arrow and the target as a diamond, on a scale from 0 to {max} {unit}. {} Every value is also written as text in the chart.",
            match better {
                Direction::Lower => "Lower is better.",
                Direction::Higher => "Higher is better.",
            }
        ),
    }
}

fn legend(s: &mut String, lang: Lang) {
    let (b, a, t) = match lang {
        Lang::Ja => ("現状値", "実績値", "目標値"),
        Lang::En => ("Baseline", "Actual", "Target"),
    };
    let _ = write!(
        s,
        "<g class=\"cmp-legend\"><circle cx=\"{}\" cy=\"16.00\" r=\"5.00\" fill=\"none\" stroke=\"{BASELINE_COLOUR}\" stroke-width=\"2\"/><text x=\"{}\" y=\"20.00\">{}</text>",
        coord(PLOT_X0),
        coord(PLOT_X0 + 10.0),
        xml_escape(b)
    );
    let _ = write!(
        s,
        "<circle cx=\"{}\" cy=\"16.00\" r=\"5.00\" fill=\"{ACTUAL_COLOUR}\"/><text x=\"{}\" y=\"20.00\">{}</text>",
        coord(PLOT_X0 + 110.0),
        coord(PLOT_X0 + 120.0),
        xml_escape(a)
    );
    let _ = write!(
        s,
        "{}<text x=\"{}\" y=\"20.00\">{}</text></g>",
        diamond(PLOT_X0 + 220.0, 16.0),
        coord(PLOT_X0 + 230.0),
        xml_escape(t)
    );
}

fn diamond(x: f64, y: f64) -> String {
    format!(
        "<path class=\"cmp-target\" d=\"M{},{} L{},{} L{},{} L{},{} z\" fill=\"{TARGET_COLOUR}\"/>",
        coord(x),
        coord(y - 7.0),
        coord(x + 6.0),
        coord(y),
        coord(x),
        coord(y + 7.0),
        coord(x - 6.0),
        coord(y)
    )
}

fn grid(s: &mut String, axis: &Axis, height: f64, unit: Unit, lang: Lang) {
    let bottom = height - AXIS_H;
    s.push_str("<g class=\"cmp-axis\">");
    for tick in axis.ticks() {
        let x = coord(axis.x(tick));
        let _ = write!(
            s,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/><text x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            coord(TOP),
            coord(bottom),
            coord(bottom + 16.0),
            xml_escape(&number::grouped(tick))
        );
    }
    let _ = write!(
        s,
        "<line x1=\"{}\" y1=\"{b}\" x2=\"{}\" y2=\"{b}\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></g>",
        coord(PLOT_X0),
        coord(PLOT_X1),
        coord(PLOT_X1),
        coord(bottom + 34.0),
        xml_escape(&format!("({})", unit_name(unit, lang))),
        b = coord(bottom)
    );
}

/// A value as printed: `4,830`, `54.8%`, `39 / 43`.
fn value_text(v: ChartValue, unit: Unit) -> String {
    let mut text = number::grouped(v.value);
    if unit == Unit::Percent {
        text.push('%');
    }
    if let Some(of) = v.of {
        text.push_str(" / ");
        text.push_str(&number::grouped(of));
    }
    text
}

fn estimated_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { CHAR_W } else { 12.0 })
        .sum()
}

/// A value label at `x`, pushed away from `side` (−1 left, +1 right, 0 centred) and kept
/// inside the chart.
fn label(s: &mut String, x: f64, y: f64, side: i8, text: &str, class: &str) {
    let w = estimated_width(text);
    let (mut anchor, mut tx) = match side {
        -1 => ("end", x - 9.0),
        1 => ("start", x + 9.0),
        _ => ("middle", x),
    };
    let left = match anchor {
        "end" => tx - w,
        "middle" => tx - w / 2.0,
        _ => tx,
    };
    if left < 2.0 {
        (anchor, tx) = ("start", 2.0_f64.max(x - 4.0));
    } else if tx + if anchor == "start" { w } else { w / 2.0 } > WIDTH - 2.0 && anchor != "end" {
        (anchor, tx) = ("end", (WIDTH - 2.0).min(x + 4.0));
    }
    let _ = write!(
        s,
        "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
        coord(tx),
        coord(y),
        xml_escape(text)
    );
}

fn draw_row(
    s: &mut String,
    row: &ChartRow,
    top: f64,
    axis: &Axis,
    unit: Unit,
    lang: Lang,
    id: &str,
) {
    let cy = top + 44.0;
    let words = match lang {
        Lang::Ja => ("現状", "実績", "目標", "：", "、"),
        Lang::En => ("baseline", "actual", "target", ": ", "; "),
    };
    let (b_word, a_word, t_word, colon, sep) = words;
    let mut summary = Vec::new();
    for (word, v) in [
        (b_word, row.baseline),
        (a_word, row.actual),
        (t_word, row.target),
    ] {
        if let Some(v) = v {
            summary.push(format!("{word} {}", value_text(v, unit)));
        }
    }
    let _ = write!(
        s,
        "<g class=\"cmp-row\"><title>{}</title>",
        xml_escape(&format!("{}{colon}{}", row.label, summary.join(sep)))
    );
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\"><tspan class=\"cmp-label\" font-weight=\"bold\">{}</tspan>",
        coord(PLOT_X0 - 16.0),
        coord(top + 16.0),
        xml_escape(&row.label)
    );
    if let Some(note) = &row.note {
        let _ = write!(
            s,
            "<tspan class=\"cmp-note\" font-size=\"11\" fill-opacity=\"0.8\"> — {}</tspan>",
            xml_escape(note)
        );
    }
    s.push_str("</text>");
    let _ = write!(
        s,
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>",
        coord(PLOT_X0),
        coord(PLOT_X1),
        y = coord(cy)
    );
    match (row.baseline, row.actual) {
        (Some(b), Some(a)) => {
            let (bx, ax) = (axis.x(b.value), axis.x(a.value));
            if (bx - ax).abs() > 10.0 {
                let dir = if ax > bx { 1.0 } else { -1.0 };
                let _ = write!(
                    s,
                    "<line class=\"cmp-change\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{ACTUAL_COLOUR}\" stroke-width=\"2\" marker-end=\"url(#{id}-arrow)\"/>",
                    coord(bx + dir * 5.0),
                    coord(ax - dir * 6.0),
                    y = coord(cy)
                );
            }
            let b_side = if bx <= ax { -1 } else { 1 };
            point(s, bx, cy, false);
            point(s, ax, cy, true);
            label(
                s,
                bx,
                cy - 8.0,
                b_side,
                &format!("{b_word} {}", value_text(b, unit)),
                "cmp-value",
            );
            label(
                s,
                ax,
                cy - 8.0,
                -b_side,
                &format!("{a_word} {}", value_text(a, unit)),
                "cmp-value",
            );
        }
        (Some(b), None) => {
            point(s, axis.x(b.value), cy, false);
            label(
                s,
                axis.x(b.value),
                cy - 10.0,
                0,
                &format!("{b_word} {}", value_text(b, unit)),
                "cmp-value",
            );
        }
        (None, Some(a)) => {
            point(s, axis.x(a.value), cy, true);
            label(
                s,
                axis.x(a.value),
                cy - 10.0,
                0,
                &format!("{a_word} {}", value_text(a, unit)),
                "cmp-value",
            );
        }
        (None, None) => {}
    }
    if let Some(t) = row.target {
        let tx = axis.x(t.value);
        s.push_str(&diamond(tx, cy));
        label(
            s,
            tx,
            cy + 20.0,
            0,
            &format!("{t_word} {}", value_text(t, unit)),
            "cmp-target-value",
        );
    }
    s.push_str("</g>");
}

fn point(s: &mut String, x: f64, y: f64, filled: bool) {
    let paint = if filled {
        format!("fill=\"{ACTUAL_COLOUR}\"")
    } else {
        format!("fill=\"none\" stroke=\"{BASELINE_COLOUR}\" stroke-width=\"2\"")
    };
    let class = if filled { "cmp-actual" } else { "cmp-baseline" };
    let _ = write!(
        s,
        "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"5.00\" {paint}/>",
        coord(x),
        coord(y)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::observations::observations;
    use crate::compare::progress::{by_indicator, comparisons};
    use crate::testutil::{assert_well_formed, corpus};

    fn long_term_rows(lang: Lang) -> Vec<ChartRow> {
        let corpus = corpus();
        let cs = comparisons(corpus, &observations(corpus));
        let groups = by_indicator(&cs);
        let names = crate::data::csv::region_names(corpus);
        groups
            .get("long-term-inpatients")
            .expect("long-term inpatients are compared")
            .iter()
            .map(|c| {
                let name = names
                    .get(&c.region)
                    .map(|n| n.get(lang).text.to_owned())
                    .unwrap_or_else(|| c.region.clone());
                ChartRow::from_comparison(c, name, lang)
            })
            .collect()
    }

    #[test]
    fn chart_of_real_rows_names_regions_and_values() {
        let rows = long_term_rows(Lang::En);
        let svg = indicator_svg(
            &rows,
            Unit::People,
            Direction::Lower,
            Lang::En,
            "Long-term inpatients <1 year & more>",
            "lti",
        );
        assert_well_formed(&svg);
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"lti-title lti-desc\""));
        assert!(svg.contains(
            "<title id=\"lti-title\">Long-term inpatients &lt;1 year &amp; more&gt;</title>"
        ));
        assert!(svg.contains("Lower is better."));
        for name in ["Kumamoto Prefecture", "Kagoshima Prefecture"] {
            assert!(svg.contains(name), "{name}");
        }
        for value in [
            "actual 4,830",
            "target 4,396",
            "baseline 4,830",
            "actual 5,454",
            "target 5,017",
        ] {
            assert!(svg.contains(&format!(">{value}</text>")), "{value}");
        }
        // The dates are shown, never merged: June 2019 actual, target set at FY2020's start.
        assert!(svg.contains("actual June 2019 · target set start of FY2020"));
        assert_eq!(svg.matches("http").count(), 1, "only the SVG namespace");
        assert!(!svg.contains("@font-face") && !svg.contains("href"));
        assert_eq!(
            svg,
            indicator_svg(
                &rows,
                Unit::People,
                Direction::Lower,
                Lang::En,
                "Long-term inpatients <1 year & more>",
                "lti"
            )
        );
    }

    #[test]
    fn japanese_chart_and_percent_axis() {
        let rows = vec![ChartRow {
            label: "熊本県".to_owned(),
            note: Some("実績 令和元年6月".to_owned()),
            baseline: None,
            target: Some(ChartValue::new(69.0)),
            actual: Some(ChartValue::new(54.8)),
        }];
        let svg = indicator_svg(
            &rows,
            Unit::Percent,
            Direction::Higher,
            Lang::Ja,
            "入院後3ヶ月時点の退院率",
            "dr3",
        );
        assert_well_formed(&svg);
        assert!(svg.contains("熊本県"));
        assert!(svg.contains(">実績 54.8%</text>"));
        assert!(svg.contains(">目標 69%</text>"));
        assert!(svg.contains(">100</text>"), "the percent axis ends at 100");
        assert!(svg.contains("多いほど良い"));
    }

    #[test]
    fn n_of_m_and_arrow() {
        let rows = vec![ChartRow {
            label: "Kagoshima Prefecture".to_owned(),
            note: None,
            baseline: Some(ChartValue {
                value: 30.0,
                of: Some(40.0),
            }),
            target: Some(ChartValue {
                value: 43.0,
                of: Some(43.0),
            }),
            actual: Some(ChartValue {
                value: 39.0,
                of: Some(43.0),
            }),
        }];
        let svg = indicator_svg(
            &rows,
            Unit::Count,
            Direction::Higher,
            Lang::En,
            "Forums",
            "f",
        );
        assert_well_formed(&svg);
        assert!(svg.contains(">actual 39 / 43</text>"));
        // Each value keeps its own whole.
        assert!(svg.contains(">baseline 30 / 40</text>"));
        assert!(svg.contains("marker-end=\"url(#f-arrow)\""));
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(1062.6), 2000.0);
        assert_eq!(nice_step(9.46), 10.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(4.0), 5.0);
    }
}
