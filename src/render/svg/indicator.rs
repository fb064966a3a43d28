//! An accessible SVG chart per indicator: one row per comparison, baseline → actual drawn as
//! an arrow, the target as a diamond, on one axis shared by every row.
//!
//! In: an [`IndicatorChart`] — [`ChartRow`]s whose labels, notes and value texts the caller
//! has already written in the page's language (values through `compare::format`), the
//! indicator's unit and direction, a title and a DOM id unique on the page — and the page's
//! [`Ui`], which gives every other word. Out: one `<svg>` element ([`svg`]).
//!
//! Guarantees: the axis runs from 0 to 100 for percentages and from 0 to 1.1 × the largest
//! value otherwise, so rows can be compared by eye; every value is printed as `<text>`; the
//! element has `role="img"`, a `<title>` and a `<desc>` named by `aria-labelledby`, and each
//! row a `<title>` of its own; no fonts, images or hosts are referred to (generic
//! `sans-serif`). Colours are presentation attributes a stylesheet can override through the
//! classes `cmp-*`.

use serde::Serialize;

use super::draw::{marker_url, Anchor, Font, Frame, PathData, Segment, Svg, Tag, TextAt};
use crate::model::number;
use crate::model::vocab::{Direction, Unit};
use crate::site::Ui;

/// What to draw, and how to name it.
pub struct IndicatorChart<'a> {
    pub rows: &'a [ChartRow],
    pub unit: Unit,
    pub better: Direction,
    pub title: &'a str,
    pub dom_id: &'a str,
}

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

/// A value to draw, and the text printed beside it (`4,830`, `54.8%`, `39 / 43`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartValue {
    pub value: f64,
    pub text: String,
}

/// The chart as an `<svg>` element (see the module documentation).
pub fn svg(chart: &IndicatorChart, ui: Ui) -> String {
    let layout = layout(chart.rows, chart.unit, ui);
    let unit = unit_name(chart.unit, ui);
    let desc = ui.fill_named(
        "indicator_chart_desc",
        &[
            ("rows", &chart.rows.len().to_string()),
            ("max", &number::grouped(layout.max)),
            ("unit", unit),
            ("better", ui.get(better_key(chart.better))),
        ],
    );
    let legend = [ui.get("baseline"), ui.get("actual"), ui.get("target")];
    let unit_label = ui.fill_named("indicator_chart_axis", &[("unit", unit)]);
    draw(
        &layout,
        &Frame {
            class: "cmp-chart",
            dom_id: chart.dom_id,
            width: WIDTH,
            height: layout.height,
            font: Font::Sans,
            title: chart.title,
            desc: &desc,
        },
        legend,
        &unit_label,
    )
}

/// The unit's name, as the axis and the description print it (人, %, カ所・件, 回).
pub fn unit_name<'u>(unit: Unit, ui: Ui<'u>) -> &'u str {
    ui.get(match unit {
        Unit::People => "unit_name_people",
        Unit::Percent => "unit_name_percent",
        Unit::Count => "unit_name_count",
        Unit::Times => "unit_name_times",
    })
}

fn better_key(better: Direction) -> &'static str {
    match better {
        Direction::Lower => "indicator_chart_lower",
        Direction::Higher => "indicator_chart_higher",
    }
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

const WIDTH: f64 = 720.0;
const PLOT_X0: f64 = 24.0;
const PLOT_X1: f64 = 640.0;
const TOP: f64 = 40.0;
const ROW_H: f64 = 68.0;
const AXIS_H: f64 = 44.0;
/// Rough width of one character at 12px, for keeping labels inside the chart.
const CHAR_W: f64 = 7.0;
/// Baseline and actual closer than this on the axis get no arrow between them.
const MIN_ARROW: f64 = 10.0;

/// Where everything of an indicator chart goes.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorLayout {
    pub height: f64,
    /// The value at the axis's right end.
    pub max: f64,
    /// Where the axis is ruled: its marks, left to right, and the bottom of the rows.
    pub ticks: Vec<TextAt>,
    pub bottom: f64,
    pub rows: Vec<RowLayout>,
}

/// One row: its label, its rule, the marks of its values and their labels.
#[derive(Clone, Debug, PartialEq)]
pub struct RowLayout {
    /// `熊本県：実績 54.8%、目標 69%` (the row's `<title>`).
    pub title: String,
    pub label: TextAt,
    pub note: Option<String>,
    pub rule: Segment,
    /// The arrow from baseline to actual, when they are far enough apart to show one.
    pub change: Option<Segment>,
    /// Baseline (open) and actual (filled) marks, in that order.
    pub dots: Vec<Dot>,
    /// Their labels, in the same order.
    pub values: Vec<ValueLabel>,
    /// The target's diamond, centred here, and its label.
    pub target: Option<(f64, f64, ValueLabel)>,
}

/// A value's circle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    /// The actual (filled) rather than the baseline (open).
    pub actual: bool,
}

/// A value's label, kept inside the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueLabel {
    pub at: TextAt,
    pub anchor: Anchor,
}

/// Lay the rows out on their common axis; value labels read `{word} {value}` in `ui`'s words.
pub fn layout(rows: &[ChartRow], unit: Unit, ui: Ui) -> IndicatorLayout {
    let axis = Axis::new(rows, unit);
    let height = TOP + ROW_H * rows.len() as f64 + AXIS_H;
    let bottom = height - AXIS_H;
    let ticks = axis
        .ticks()
        .into_iter()
        .map(|t| TextAt {
            x: axis.x(t),
            y: bottom + 16.0,
            text: number::grouped(t),
        })
        .collect();
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, row)| row_layout(row, TOP + ROW_H * i as f64, &axis, ui))
        .collect();
    IndicatorLayout {
        height,
        max: axis.max,
        ticks,
        bottom,
        rows,
    }
}

fn row_layout(row: &ChartRow, top: f64, axis: &Axis, ui: Ui) -> RowLayout {
    let cy = top + 44.0;
    let said = |key: &str, v: &ChartValue| {
        ui.fill_named(
            "indicator_chart_value",
            &[("word", ui.get(key)), ("value", &v.text)],
        )
    };
    let values: Vec<String> = [
        ("baseline_short", &row.baseline),
        ("actual_short", &row.actual),
        ("target_short", &row.target),
    ]
    .into_iter()
    .filter_map(|(key, v)| v.as_ref().map(|v| said(key, v)))
    .collect();
    let title = ui.fill_named(
        "indicator_chart_row",
        &[
            ("label", &row.label),
            ("values", &values.join(ui.get("indicator_chart_sep"))),
        ],
    );
    let mut out = RowLayout {
        title,
        label: TextAt {
            x: PLOT_X0 - 16.0,
            y: top + 16.0,
            text: row.label.clone(),
        },
        note: row.note.clone(),
        rule: Segment {
            x1: PLOT_X0,
            y1: cy,
            x2: PLOT_X1,
            y2: cy,
        },
        change: None,
        dots: Vec::new(),
        values: Vec::new(),
        target: None,
    };
    let baseline = row
        .baseline
        .as_ref()
        .map(|b| (axis.x(b.value), said("baseline_short", b)));
    let actual = row
        .actual
        .as_ref()
        .map(|a| (axis.x(a.value), said("actual_short", a)));
    place_values(&mut out, baseline, actual, cy);
    out.target = row.target.as_ref().map(|t| {
        let x = axis.x(t.value);
        (x, cy, place(x, cy + 20.0, 0, said("target_short", t)))
    });
    out
}

/// Baseline and actual on the row at `cy`: their marks, the arrow between them, and their
/// labels pushed away from each other (centred above a lone value).
fn place_values(
    row: &mut RowLayout,
    baseline: Option<(f64, String)>,
    actual: Option<(f64, String)>,
    cy: f64,
) {
    let dot = |x, actual| Dot { x, y: cy, actual };
    match (baseline, actual) {
        (Some((bx, b)), Some((ax, a))) => {
            if (bx - ax).abs() > MIN_ARROW {
                let dir = if ax > bx { 1.0 } else { -1.0 };
                row.change = Some(Segment {
                    x1: bx + dir * 5.0,
                    y1: cy,
                    x2: ax - dir * 6.0,
                    y2: cy,
                });
            }
            let b_side = if bx <= ax { -1 } else { 1 };
            row.dots = vec![dot(bx, false), dot(ax, true)];
            row.values = vec![
                place(bx, cy - 8.0, b_side, b),
                place(ax, cy - 8.0, -b_side, a),
            ];
        }
        (Some((x, text)), None) => {
            row.dots = vec![dot(x, false)];
            row.values = vec![place(x, cy - 10.0, 0, text)];
        }
        (None, Some((x, text))) => {
            row.dots = vec![dot(x, true)];
            row.values = vec![place(x, cy - 10.0, 0, text)];
        }
        (None, None) => {}
    }
}

/// A value label at `x`, pushed away from `side` (−1 left, +1 right, 0 centred) and kept
/// inside the chart.
fn place(x: f64, y: f64, side: i8, text: String) -> ValueLabel {
    let w = estimated_width(&text);
    let (mut anchor, mut tx) = match side {
        -1 => (Anchor::End, x - 9.0),
        1 => (Anchor::Start, x + 9.0),
        _ => (Anchor::Middle, x),
    };
    let (left, right) = match anchor {
        Anchor::End => (tx - w, tx),
        Anchor::Middle => (tx - w / 2.0, tx + w / 2.0),
        Anchor::Start => (tx, tx + w),
    };
    if left < 2.0 {
        (anchor, tx) = (Anchor::Start, 2.0_f64.max(x - 4.0));
    } else if right > WIDTH - 2.0 && anchor != Anchor::End {
        (anchor, tx) = (Anchor::End, (WIDTH - 2.0).min(x + 4.0));
    }
    ValueLabel {
        at: TextAt { x: tx, y, text },
        anchor,
    }
}

fn estimated_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { CHAR_W } else { 12.0 })
        .sum()
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
            .flat_map(|r| [&r.baseline, &r.target, &r.actual])
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

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

const BASELINE_COLOUR: &str = "#595959";
const ACTUAL_COLOUR: &str = "#1f5fa8";
const TARGET_COLOUR: &str = "#b3401d";

/// `legend`: the words for baseline, actual and target; `unit_label`: the axis's unit.
fn draw(layout: &IndicatorLayout, frame: &Frame, legend: [&str; 3], unit_label: &str) -> String {
    let mut svg = Svg::chart(frame);
    svg.arrow_marker(frame.dom_id, ("fill", ACTUAL_COLOUR));
    draw_legend(&mut svg, legend);
    draw_axis(&mut svg, layout, unit_label);
    let arrow = marker_url(frame.dom_id);
    for row in &layout.rows {
        draw_row(&mut svg, row, &arrow);
    }
    svg.finish()
}

fn draw_legend(svg: &mut Svg, [baseline, actual, target]: [&str; 3]) {
    svg.el("g").attr("class", "cmp-legend").open();
    let circle = |svg: &mut Svg, x: f64, filled: bool| {
        let c = svg.el("circle").at("cx", x).at("cy", 16.0).at("r", 5.0);
        paint(c, filled).end();
    };
    let word =
        |svg: &mut Svg, x: f64, text: &str| svg.el("text").at("x", x).at("y", 20.0).text(text);
    circle(svg, PLOT_X0, false);
    word(svg, PLOT_X0 + 10.0, baseline);
    circle(svg, PLOT_X0 + 110.0, true);
    word(svg, PLOT_X0 + 120.0, actual);
    diamond(svg, PLOT_X0 + 220.0, 16.0);
    word(svg, PLOT_X0 + 230.0, target);
    svg.close();
}

fn draw_axis(svg: &mut Svg, layout: &IndicatorLayout, unit_label: &str) {
    svg.el("g").attr("class", "cmp-axis").open();
    for tick in &layout.ticks {
        let rule = Segment {
            x1: tick.x,
            y1: TOP,
            x2: tick.x,
            y2: layout.bottom,
        };
        svg.el("line")
            .segment(&rule)
            .attr("stroke", "currentColor")
            .attr("stroke-opacity", "0.15")
            .end();
        svg.el("text")
            .at("x", tick.x)
            .at("y", tick.y)
            .attr("text-anchor", "middle")
            .text(&tick.text);
    }
    let base = Segment {
        x1: PLOT_X0,
        y1: layout.bottom,
        x2: PLOT_X1,
        y2: layout.bottom,
    };
    svg.el("line")
        .segment(&base)
        .attr("stroke", "currentColor")
        .attr("stroke-opacity", "0.5")
        .end();
    svg.el("text")
        .at("x", PLOT_X1)
        .at("y", layout.bottom + 34.0)
        .attr("text-anchor", "end")
        .text(unit_label);
    svg.close();
}

fn draw_row(svg: &mut Svg, row: &RowLayout, arrow: &str) {
    svg.el("g").attr("class", "cmp-row").open();
    svg.el("title").text(&row.title);
    svg.el("text")
        .at("x", row.label.x)
        .at("y", row.label.y)
        .open();
    svg.el("tspan")
        .attr("class", "cmp-label")
        .attr("font-weight", "bold")
        .text(&row.label.text);
    if let Some(note) = &row.note {
        svg.el("tspan")
            .attr("class", "cmp-note")
            .attr("font-size", "11")
            .attr("fill-opacity", "0.8")
            .text(&format!(" — {note}"));
    }
    svg.close();
    svg.el("line")
        .segment(&row.rule)
        .attr("stroke", "currentColor")
        .attr("stroke-opacity", "0.2")
        .end();
    if let Some(change) = &row.change {
        svg.el("line")
            .attr("class", "cmp-change")
            .segment(change)
            .attr("stroke", ACTUAL_COLOUR)
            .attr("stroke-width", "2")
            .attr("marker-end", arrow)
            .end();
    }
    for dot in &row.dots {
        let class = if dot.actual {
            "cmp-actual"
        } else {
            "cmp-baseline"
        };
        let c = svg
            .el("circle")
            .attr("class", class)
            .at("cx", dot.x)
            .at("cy", dot.y)
            .at("r", 5.0);
        paint(c, dot.actual).end();
    }
    for label in &row.values {
        value_label(svg, label, "cmp-value");
    }
    if let Some((x, y, label)) = &row.target {
        diamond(svg, *x, *y);
        value_label(svg, label, "cmp-target-value");
    }
    svg.close();
}

/// A circle's paint: filled for the actual, an open ring for the baseline.
fn paint(tag: Tag<'_>, filled: bool) -> Tag<'_> {
    if filled {
        tag.attr("fill", ACTUAL_COLOUR)
    } else {
        tag.attr("fill", "none")
            .attr("stroke", BASELINE_COLOUR)
            .attr("stroke-width", "2")
    }
}

fn diamond(svg: &mut Svg, x: f64, y: f64) {
    let d = PathData::default()
        .move_to(x, y - 7.0)
        .line_to(x + 6.0, y)
        .line_to(x, y + 7.0)
        .line_to(x - 6.0, y)
        .close();
    svg.el("path")
        .attr("class", "cmp-target")
        .attr("d", d.as_str())
        .attr("fill", TARGET_COLOUR)
        .end();
}

fn value_label(svg: &mut Svg, label: &ValueLabel, class: &str) {
    svg.el("text")
        .attr("class", class)
        .at("x", label.at.x)
        .at("y", label.at.y)
        .attr("text-anchor", label.anchor.as_str())
        .text(&label.at.text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::format::chart_text;
    use crate::compare::observations::observations;
    use crate::compare::progress::{by_indicator, comparisons};
    use crate::compare::Obs;
    use crate::model::Lang;
    use crate::testutil::{assert_well_formed, corpus, theme_strings};

    fn value(v: f64, of: Option<f64>, unit: Unit) -> ChartValue {
        ChartValue {
            value: v,
            text: chart_text(v, of, unit),
        }
    }

    fn long_term_rows() -> Vec<ChartRow> {
        let corpus = corpus();
        let cs = comparisons(corpus, &observations(corpus));
        let groups = by_indicator(&cs);
        let of = |o: &Option<Obs>| o.as_ref().map(|o| value(o.value, o.of, Unit::People));
        groups
            .get("long-term-inpatients")
            .expect("long-term inpatients are compared")
            .iter()
            .map(|c| ChartRow {
                label: c.region.to_string(),
                note: Some("as of <2019> & later".to_owned()),
                baseline: of(&c.baseline),
                target: of(&c.target),
                actual: of(&c.actual),
            })
            .collect()
    }

    fn chart<'a>(rows: &'a [ChartRow], unit: Unit, better: Direction) -> IndicatorChart<'a> {
        IndicatorChart {
            rows,
            unit,
            better,
            title: "Long-term inpatients <1 year & more>",
            dom_id: "lti",
        }
    }

    #[test]
    fn chart_of_real_rows_names_regions_and_values() {
        let rows = long_term_rows();
        let ui = theme_strings().ui(Lang::En);
        let svg = svg(&chart(&rows, Unit::People, Direction::Lower), ui);
        assert_well_formed(&svg);
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"lti-title lti-desc\""));
        assert!(svg.contains(
            "<title id=\"lti-title\">Long-term inpatients &lt;1 year &amp; more&gt;</title>"
        ));
        assert!(svg.contains("Lower is better."));
        assert!(svg.contains("on a scale from 0 to "));
        assert!(svg.contains(">(people)</text>"));
        for region in ["kumamoto-pref", "kagoshima-pref"] {
            assert!(svg.contains(&format!(">{region}</tspan>")), "{region}");
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
        assert!(svg.contains("> — as of &lt;2019&gt; &amp; later</tspan>"));
        assert_eq!(svg.matches("http").count(), 1, "only the SVG namespace");
        assert!(!svg.contains("@font-face") && !svg.contains("href"));
        assert_eq!(
            svg,
            super::svg(&chart(&rows, Unit::People, Direction::Lower), ui)
        );
    }

    #[test]
    fn japanese_chart_and_percent_axis() {
        let rows = vec![ChartRow {
            label: "熊本県".to_owned(),
            note: Some("実績 令和元年6月".to_owned()),
            baseline: None,
            target: Some(value(69.0, None, Unit::Percent)),
            actual: Some(value(54.8, None, Unit::Percent)),
        }];
        let ui = theme_strings().ui(Lang::Ja);
        let svg = svg(&chart(&rows, Unit::Percent, Direction::Higher), ui);
        assert_well_formed(&svg);
        assert!(svg.contains("<title>熊本県：実績 54.8%、目標 69%</title>"));
        assert!(svg.contains(">実績 54.8%</text>"));
        assert!(svg.contains(">目標 69%</text>"));
        assert!(svg.contains(">100</text>"), "the percent axis ends at 100");
        assert!(svg.contains("目盛りは0～100%。多いほど良い。値は"));
        assert!(svg.contains(">現状値</text>"), "the legend");
    }

    #[test]
    fn n_of_m_and_arrow() {
        let rows = vec![ChartRow {
            label: "Kagoshima Prefecture".to_owned(),
            note: None,
            baseline: Some(value(30.0, Some(40.0), Unit::Count)),
            target: Some(value(43.0, Some(43.0), Unit::Count)),
            actual: Some(value(39.0, Some(43.0), Unit::Count)),
        }];
        let svg = svg(
            &chart(&rows, Unit::Count, Direction::Higher),
            theme_strings().ui(Lang::En),
        );
        assert_well_formed(&svg);
        assert!(svg.contains(">actual 39 / 43</text>"));
        // Each value keeps its own whole.
        assert!(svg.contains(">baseline 30 / 40</text>"));
        assert!(svg.contains("marker-end=\"url(#lti-arrow)\""));
    }

    #[test]
    fn rows_share_one_axis_and_their_labels_stay_apart_and_inside() {
        let rows = vec![
            ChartRow {
                label: "A".to_owned(),
                note: None,
                baseline: Some(value(0.0, None, Unit::People)),
                target: None,
                actual: Some(value(100.0, None, Unit::People)),
            },
            ChartRow {
                label: "B".to_owned(),
                note: None,
                baseline: Some(value(50.0, None, Unit::People)),
                target: Some(value(51.0, None, Unit::People)),
                actual: Some(value(50.5, None, Unit::People)),
            },
        ];
        let l = layout(&rows, Unit::People, theme_strings().ui(Lang::En));
        assert_eq!(l.rows.len(), 2);
        assert_eq!(l.height, TOP + 2.0 * ROW_H + AXIS_H);
        assert!((l.max - 110.0).abs() < 1e-9, "1.1 × the largest value");
        let ticks: Vec<&str> = l.ticks.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(ticks, ["0", "50", "100"]);
        assert_eq!(l.rows[1].rule.y1 - l.rows[0].rule.y1, ROW_H);
        let [a, b] = [&l.rows[0], &l.rows[1]];
        // From 0 to 100: an arrow, the baseline's label kept inside the left edge, the
        // actual's to the left of its mark.
        assert!(a.change.is_some());
        assert_eq!(a.values[0].anchor, Anchor::Start);
        assert_eq!(a.values[0].at.x, PLOT_X0 - 4.0);
        assert_eq!(a.values[1].anchor, Anchor::Start);
        assert!(a.values[1].at.x > a.dots[1].x);
        assert_eq!(
            a.dots.iter().map(|d| d.actual).collect::<Vec<_>>(),
            [false, true]
        );
        // 50 and 50.5 are too close for an arrow; the labels go either way.
        assert!(b.change.is_none());
        assert_eq!(
            (b.values[0].anchor, b.values[1].anchor),
            (Anchor::End, Anchor::Start)
        );
        let (tx, _, target) = b.target.as_ref().expect("a target");
        assert_eq!((target.anchor, target.at.x), (Anchor::Middle, *tx));
        assert_eq!(a.title, "A: baseline 0; actual 100");
    }

    #[test]
    fn a_label_near_the_right_edge_ends_inside_the_chart() {
        let l = place(700.0, 10.0, 0, "target 123,456,789".to_owned());
        assert_eq!(l.anchor, Anchor::End);
        assert_eq!(l.at.x, 704.0);
        let centred = place(300.0, 10.0, 0, "x".to_owned());
        assert_eq!((centred.anchor, centred.at.x), (Anchor::Middle, 300.0));
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(1062.6), 2000.0);
        assert_eq!(nice_step(9.46), 10.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(4.0), 5.0);
    }
}
