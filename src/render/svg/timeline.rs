//! Status sheets' programmes drawn as bars on a fiscal-year axis.
//!
//! In: a [`TimelineChart`] — [`Bar`]s whose names and periods the caller has written in the
//! page's language, grouped under their region, a title and a DOM id unique on the page — and
//! the page's [`Ui`] for every other word. Out: one `<svg>` element ([`svg`]).
//!
//! Guarantees: each fiscal year is labelled with its era and Western year (`H24 / 2012`; the
//! era is the one in force on 31 December, so FY2019 is `R1`); a programme's bar spans the
//! years it names and no others; all text is escaped; the element carries `role="img"`,
//! `<title>` and `<desc>`, and refers to no fonts or hosts.

use super::draw::{Font, Frame, Rect, Segment, Svg, TextAt};
use crate::model::date::fiscal_year_label;
use crate::site::Ui;

/// What to draw, and how to name it.
pub struct TimelineChart<'a> {
    /// Grouped by region, in the order to draw them.
    pub bars: &'a [Bar],
    pub title: &'a str,
    pub dom_id: &'a str,
}

/// A programme with a known span of fiscal years.
#[derive(Clone, Debug)]
pub struct Bar {
    /// The region it belongs to: a heading starts each run of bars of one region.
    pub region: String,
    pub region_name: String,
    pub name: String,
    /// The period as the page prints it.
    pub period: String,
    /// First and last fiscal year (named by their starting year: 2018 = 平成30年度).
    pub first_fy: i32,
    pub last_fy: i32,
}

/// `H24 / 2012`: the fiscal year's era name (`model::date::fiscal_year_label`) and its
/// Western year.
pub fn axis_label(fy: i32) -> String {
    match fiscal_year_label(fy) {
        era if era.is_empty() => fy.to_string(),
        era => format!("{era} / {fy}"),
    }
}

/// The bars as an `<svg>` element.
pub fn svg(chart: &TimelineChart, ui: Ui) -> String {
    let layout = layout(chart.bars, ui);
    let desc = if chart.bars.is_empty() {
        ui.get("timeline_desc_empty").to_owned()
    } else {
        ui.fill_named(
            "timeline_desc",
            &[
                ("n", &chart.bars.len().to_string()),
                ("first", &axis_label(layout.first)),
                ("last", &axis_label(layout.last)),
            ],
        )
    };
    let frame = Frame {
        class: "timeline-chart",
        dom_id: chart.dom_id,
        width: layout.width,
        height: layout.height,
        font: Font::Sans,
        title: chart.title,
        desc: &desc,
    };
    draw(&layout, &frame, ui.get("timeline_axis"))
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

const PLOT_X0: f64 = 16.0;
const COL_W: f64 = 76.0;
const MIN_WIDTH: f64 = 640.0;
const AXIS_H: f64 = 44.0;
const LINE_H: f64 = 15.0;
const BAR_H: f64 = 14.0;
const HEADING_H: f64 = 26.0;
/// Rough width of a half-width character at 12px, for wrapping names.
const CHAR_W: f64 = 7.0;

/// Where everything of a timeline goes.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub width: f64,
    pub height: f64,
    /// The first and last fiscal year on the axis.
    pub first: i32,
    pub last: i32,
    /// The rule closing the last year's column (none without bars).
    pub end_rule: Option<Segment>,
    /// Each year's rule and label, left to right (none without bars).
    pub years: Vec<(Segment, TextAt)>,
    pub items: Vec<Item>,
}

/// A region's heading, or a programme's bar.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Heading(TextAt),
    Bar(BarLayout),
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarLayout {
    /// `精神障がい者地域移行支援事業 (平成25年度～令和2年度)` (the row's `<title>`).
    pub title: String,
    /// The programme's name, wrapped.
    pub lines: Vec<TextAt>,
    pub bar: Rect,
    pub period: TextAt,
    pub period_place: PeriodPlace,
}

/// Where a bar's period is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodPlace {
    /// Inside the bar, in white.
    Inside,
    /// After the bar's end.
    After,
    /// Before the bar's start, ending there.
    Before,
}

/// Lay the bars out: one column per fiscal year from the first to the last any bar names.
pub fn layout(bars: &[Bar], ui: Ui) -> TimelineLayout {
    let (first, last) = year_range(bars);
    let years = (last - first + 1).max(1);
    let width = (PLOT_X0 * 2.0 + COL_W * f64::from(years)).max(MIN_WIDTH);
    let col_w = (width - PLOT_X0 * 2.0) / f64::from(years);
    let chars_per_line = ((width - PLOT_X0 * 2.0) / CHAR_W).floor().max(20.0) as usize;
    let x_of = |fy: i32| PLOT_X0 + col_w * f64::from(fy - first);
    let mut items = Vec::new();
    let mut y = AXIS_H;
    let mut region: Option<&str> = None;
    for bar in bars {
        if region != Some(bar.region.as_str()) {
            region = Some(&bar.region);
            items.push(Item::Heading(TextAt {
                x: PLOT_X0,
                y: y + 17.0,
                text: bar.region_name.clone(),
            }));
            y += HEADING_H;
        }
        let lines = wrap(&bar.name, chars_per_line);
        let span = (x_of(bar.first_fy), x_of(bar.last_fy + 1));
        let placed = bar_layout(bar, &lines, y, span, width, ui);
        y += LINE_H * lines.len() as f64 + BAR_H + 14.0;
        items.push(Item::Bar(placed));
    }
    let height = y + 12.0;
    let rule = |x: f64| Segment {
        x1: x,
        y1: AXIS_H - 12.0,
        x2: x,
        y2: height - 6.0,
    };
    // No bars, no years: an empty timeline names no year at all.
    let drawn = if bars.is_empty() {
        0..0
    } else {
        first..last + 1
    };
    TimelineLayout {
        width,
        height,
        first,
        last,
        end_rule: (!bars.is_empty()).then(|| rule(x_of(last + 1))),
        years: drawn
            .map(|fy| {
                let label = TextAt {
                    x: x_of(fy) + col_w / 2.0,
                    y: AXIS_H - 18.0,
                    text: axis_label(fy),
                };
                (rule(x_of(fy)), label)
            })
            .collect(),
        items,
    }
}

fn year_range(bars: &[Bar]) -> (i32, i32) {
    let first = bars.iter().map(|b| b.first_fy.min(b.last_fy)).min();
    let last = bars.iter().map(|b| b.last_fy.max(b.first_fy)).max();
    match (first, last) {
        (Some(first), Some(last)) => (first, last),
        _ => (2018, 2018),
    }
}

/// A programme's name at `top`, its bar from `x0` to `x1` under it, and its period inside the
/// bar when it fits, else after it, else before it.
fn bar_layout(
    bar: &Bar,
    lines: &[String],
    top: f64,
    (x0, x1): (f64, f64),
    width: f64,
    ui: Ui,
) -> BarLayout {
    let bar_top = top + LINE_H * lines.len() as f64 + 4.0;
    let text_w: f64 = bar
        .period
        .chars()
        .map(|c| if c.is_ascii() { 6.0 } else { 11.0 })
        .sum();
    let (x, period_place) = if x1 - x0 - 12.0 >= text_w {
        (x0 + 8.0, PeriodPlace::Inside)
    } else if x1 + 6.0 + text_w <= width {
        (x1 + 4.0, PeriodPlace::After)
    } else {
        ((x0 - 4.0).max(text_w), PeriodPlace::Before)
    };
    BarLayout {
        title: ui.fill_named(
            "timeline_bar_title",
            &[("name", &bar.name), ("period", &bar.period)],
        ),
        lines: lines
            .iter()
            .enumerate()
            .map(|(i, text)| TextAt {
                x: PLOT_X0,
                y: top + 12.0 + LINE_H * i as f64,
                text: text.clone(),
            })
            .collect(),
        bar: Rect {
            x: x0 + 2.0,
            y: bar_top,
            width: (x1 - x0 - 4.0).max(2.0),
            height: BAR_H,
        },
        period: TextAt {
            x,
            y: bar_top + BAR_H - 3.0,
            text: bar.period.clone(),
        },
        period_place,
    }
}

/// Break text at spaces (or anywhere, for text without spaces) so that no line is wider than
/// `width` half-width characters (a full-width character counts two).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let cells = |c: char| if c.is_ascii() { 1 } else { 2 };
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut used = 0;
    for word in text.split_inclusive(' ') {
        let w: usize = word.chars().map(cells).sum();
        if used + w > width && !cur.is_empty() {
            lines.push(cur.trim_end().to_owned());
            cur.clear();
            used = 0;
        }
        for c in word.chars() {
            if used + cells(c) > width && !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
                used = 0;
            }
            cur.push(c);
            used += cells(c);
        }
    }
    if !cur.trim().is_empty() {
        lines.push(cur.trim_end().to_owned());
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

const BAR_COLOUR: &str = "#1f5fa8";

/// `caption`: what the axis counts (fiscal years, April to March).
fn draw(layout: &TimelineLayout, frame: &Frame, caption: &str) -> String {
    let mut svg = Svg::chart(frame);
    svg.el("g").attr("class", "timeline-axis").open();
    if let Some(rule) = &layout.end_rule {
        year_rule(&mut svg, rule);
    }
    for (rule, label) in &layout.years {
        year_rule(&mut svg, rule);
        svg.el("text")
            .at("x", label.x)
            .at("y", label.y)
            .attr("text-anchor", "middle")
            .attr("font-size", "11")
            .text(&label.text);
    }
    svg.el("text")
        .at("x", PLOT_X0)
        .at("y", 12.0)
        .attr("font-size", "11")
        .text(caption);
    svg.close();
    for item in &layout.items {
        match item {
            Item::Heading(h) => svg
                .el("text")
                .attr("class", "timeline-region")
                .at("x", h.x)
                .at("y", h.y)
                .attr("font-weight", "bold")
                .text(&h.text),
            Item::Bar(bar) => draw_bar(&mut svg, bar),
        }
    }
    svg.finish()
}

fn year_rule(svg: &mut Svg, rule: &Segment) {
    svg.el("line")
        .segment(rule)
        .attr("stroke", "currentColor")
        .attr("stroke-opacity", "0.15")
        .end();
}

fn draw_bar(svg: &mut Svg, bar: &BarLayout) {
    svg.el("g").attr("class", "timeline-row").open();
    svg.el("title").text(&bar.title);
    for line in &bar.lines {
        svg.el("text")
            .attr("class", "timeline-name")
            .at("x", line.x)
            .at("y", line.y)
            .text(&line.text);
    }
    svg.el("rect")
        .attr("class", "timeline-bar")
        .rect(&bar.bar)
        .attr("rx", "3")
        .attr("fill", BAR_COLOUR)
        .end();
    let period = svg
        .el("text")
        .attr("class", "timeline-period")
        .at("x", bar.period.x)
        .at("y", bar.period.y);
    let period = match bar.period_place {
        PeriodPlace::Inside => period.attr("fill", "#fff"),
        PeriodPlace::After => period,
        PeriodPlace::Before => period.attr("text-anchor", "end"),
    };
    period.attr("font-size", "10").text(&bar.period.text);
    svg.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::timeline;
    use crate::model::Lang;
    use crate::testutil::{assert_well_formed, corpus, theme_strings};

    fn bars(lang: Lang) -> Vec<Bar> {
        crate::render::view::compare::timeline::bars(&timeline(corpus()).rows, lang)
    }

    fn bar(region: &str, name: &str, first_fy: i32, last_fy: i32) -> Bar {
        Bar {
            region: region.to_owned(),
            region_name: region.to_uppercase(),
            name: name.to_owned(),
            period: format!("FY{first_fy}–FY{last_fy}"),
            first_fy,
            last_fy,
        }
    }

    #[test]
    fn axis_labels_carry_both_years() {
        assert_eq!(axis_label(2012), "H24 / 2012");
        assert_eq!(axis_label(2018), "H30 / 2018");
        assert_eq!(axis_label(2019), "R1 / 2019");
        assert_eq!(axis_label(1988), "S63 / 1988");
        assert_eq!(axis_label(1900), "1900");
    }

    #[test]
    fn svg_of_real_rows() {
        let title = "取組の経緯 <history> & \"programmes\"";
        for lang in Lang::ALL {
            let bars = bars(lang);
            let ui = theme_strings().ui(lang);
            let chart = TimelineChart {
                bars: &bars,
                title,
                dom_id: "timeline-x",
            };
            let svg = svg(&chart, ui);
            assert_well_formed(&svg);
            assert!(svg.contains("role=\"img\""));
            assert!(svg.contains("&lt;history&gt; &amp; &quot;programmes&quot;"));
            for fy in 2013..=2021 {
                assert!(svg.contains(&format!(">{}</text>", axis_label(fy))), "{fy}");
            }
            assert!(
                !svg.contains(">H24 / 2012<"),
                "no year before the first programme"
            );
            assert!(svg.contains(&bars[0].region_name));
            // Not-stated programmes are not drawn.
            assert!(!svg.contains("退院後支援専門相談員の設置"));
            assert_eq!(svg, super::svg(&chart, ui));
        }
        let en_bars = bars(Lang::En);
        let en = TimelineChart {
            bars: &en_bars,
            title: "History",
            dom_id: "t",
        };
        let en = svg(&en, theme_strings().ui(Lang::En));
        assert!(en.contains("FY2018 – FY2021"));
        assert!(en.contains(">Fiscal year (April to March)</text>"));
        let empty = TimelineChart {
            bars: &[],
            title: "Nothing",
            dom_id: "t",
        };
        let empty = svg(&empty, theme_strings().ui(Lang::En));
        assert_well_formed(&empty);
        assert!(!empty.contains(" / 20"), "an empty timeline names no year");
        assert!(empty.contains(">No programme with a stated period.</desc>"));
    }

    #[test]
    fn bars_span_their_years_under_one_heading_per_region() {
        let bars = [
            bar("a", "one", 2013, 2020),
            bar("a", "two", 2018, 2021),
            bar("b", "three", 2021, 2021),
        ];
        let l = layout(&bars, theme_strings().ui(Lang::En));
        assert_eq!((l.first, l.last), (2013, 2021));
        assert_eq!(l.width, 16.0 * 2.0 + 76.0 * 9.0);
        assert_eq!(l.years.len(), 9);
        let col = |fy: i32| PLOT_X0 + COL_W * f64::from(fy - 2013);
        assert_eq!(l.years[0].0.x1, col(2013));
        assert_eq!(l.end_rule.map(|r| r.x1), Some(col(2022)));
        let headings: Vec<&str> = l
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Heading(h) => Some(h.text.as_str()),
                Item::Bar(_) => None,
            })
            .collect();
        assert_eq!(headings, ["A", "B"]);
        let placed: Vec<&BarLayout> = l
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Bar(b) => Some(b),
                Item::Heading(_) => None,
            })
            .collect();
        assert_eq!(placed[0].bar.x, col(2013) + 2.0);
        assert_eq!(placed[0].bar.width, col(2021) - col(2013) - 4.0);
        assert_eq!(placed[0].period_place, PeriodPlace::Inside);
        // A one-year bar at the right edge is too short for its period: it goes before it.
        assert_eq!(placed[2].period_place, PeriodPlace::Before);
        assert_eq!(placed[2].title, "three (FY2021–FY2021)");
        assert!(placed[1].bar.y > placed[0].bar.y + BAR_H);
        assert_eq!(l.height, {
            let last = placed[2];
            last.bar.y + BAR_H + 10.0 + 12.0
        });
    }

    #[test]
    fn wraps_long_names() {
        let lines = wrap(
            "Special measures project for community transition support",
            20,
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Special measures project for community transition support"
        );
        let ja = wrap("精神障がい者地域移行支援特別対策事業", 10);
        assert!(ja.iter().all(|l| l.chars().count() <= 5));
    }
}
