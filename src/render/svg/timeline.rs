//! Status sheets' programmes ([`Timeline`] rows) drawn as bars on a fiscal-year axis.
//!
//! The SVG labels each fiscal year with its era and Western year (`H24 / 2012`; the era is the
//! one in force on 31 December, so FY2019 is `R1`), is byte-stable, escapes all text, carries
//! `role="img"`, `<title>` and `<desc>`, and refers to no fonts or hosts.

use std::fmt::Write as _;

use super::{coord, xml_escape};
use crate::compare::TimelineRow;
use crate::model::Lang;

/// `H24`, `R1`, `S63` for a fiscal year: the era in force on 31 December of its first year;
/// empty before 昭和.
pub fn era_label(fy: i32) -> String {
    if fy >= 2019 {
        format!("R{}", fy - 2018)
    } else if fy >= 1989 {
        format!("H{}", fy - 1988)
    } else if fy >= 1926 {
        format!("S{}", fy - 1925)
    } else {
        String::new()
    }
}

/// `H24 / 2012`.
pub fn axis_label(fy: i32) -> String {
    match era_label(fy) {
        era if era.is_empty() => fy.to_string(),
        era => format!("{era} / {fy}"),
    }
}

const PLOT_X0: f64 = 16.0;
const COL_W: f64 = 76.0;
const MIN_WIDTH: f64 = 640.0;
const AXIS_H: f64 = 44.0;
const LINE_H: f64 = 15.0;
const BAR_H: f64 = 14.0;
const HEADING_H: f64 = 26.0;
const BAR_COLOUR: &str = "#1f5fa8";

/// The rows as an `<svg>` element. Its DOM ids derive from a hash of the title and rows, so
/// two different timelines on one page do not collide.
pub fn timeline_svg(rows: &[TimelineRow], lang: Lang, title: &str) -> String {
    let id = dom_id(rows, title);
    let (first, last) = year_range(rows);
    let years = (last - first + 1).max(1);
    let width = (PLOT_X0 * 2.0 + COL_W * f64::from(years)).max(MIN_WIDTH);
    let col_w = (width - PLOT_X0 * 2.0) / f64::from(years);
    let chars_per_line = ((width - PLOT_X0 * 2.0) / 7.0).floor().max(20.0) as usize;
    let body = layout(rows, lang, chars_per_line);
    let height = AXIS_H + body.height + 12.0;
    let x_of = |fy: i32| PLOT_X0 + col_w * f64::from(fy - first);

    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"timeline-chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"12\" fill=\"currentColor\">",
        coord(width),
        coord(height)
    );
    let _ = write!(
        s,
        "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        xml_escape(title),
        xml_escape(&describe(rows, first, last, lang))
    );
    s.push_str("<g class=\"timeline-axis\">");
    // No rows, no years: an empty timeline names no year at all.
    let drawn: Vec<i32> = if rows.is_empty() {
        Vec::new()
    } else {
        (first..=last).collect()
    };
    if !rows.is_empty() {
        let x = coord(x_of(last + 1));
        let _ = write!(
            s,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>",
            coord(AXIS_H - 12.0),
            coord(height - 6.0)
        );
    }
    for fy in drawn {
        let x = x_of(fy);
        let _ = write!(
            s,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
            coord(AXIS_H - 12.0),
            coord(height - 6.0),
            coord(x + col_w / 2.0),
            coord(AXIS_H - 18.0),
            xml_escape(&axis_label(fy)),
            x = coord(x)
        );
    }
    let caption = match lang {
        Lang::Ja => "年度（4月～翌3月）",
        Lang::En => "Fiscal year (April to March)",
    };
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"12.00\" font-size=\"11\">{}</text></g>",
        coord(PLOT_X0),
        xml_escape(caption)
    );
    for item in &body.items {
        let top = AXIS_H + item.top;
        match item.kind {
            ItemKind::Heading(text) => {
                let _ = write!(
                    s,
                    "<text class=\"timeline-region\" x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>",
                    coord(PLOT_X0),
                    coord(top + 17.0),
                    xml_escape(text)
                );
            }
            ItemKind::Row(row, ref lines) => {
                draw_row(
                    &mut s,
                    row,
                    lines,
                    top,
                    x_of(row.start_fy),
                    x_of(row.end_fy + 1),
                    width,
                    lang,
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

fn year_range(rows: &[TimelineRow]) -> (i32, i32) {
    let first = rows.iter().map(|r| r.start_fy.min(r.end_fy)).min();
    let last = rows.iter().map(|r| r.end_fy.max(r.start_fy)).max();
    match (first, last) {
        (Some(first), Some(last)) => (first, last),
        _ => (2018, 2018),
    }
}

fn describe(rows: &[TimelineRow], first: i32, last: i32, lang: Lang) -> String {
    let n = rows.len();
    if n == 0 {
        return match lang {
            Lang::Ja => "期間の記載がある事業はない。".to_owned(),
            Lang::En => "No programme with a stated period.".to_owned(),
        };
    }
    match lang {
        Lang::Ja => format!(
            "{n}件の事業を年度ごとに横棒で示す（{}年度～{}年度）。期間の記載がない事業は図に含めず、別に一覧している。",
            axis_label(first),
            axis_label(last)
        ),
        Lang::En => format!(
            "{n} programmes drawn as bars over fiscal years ({} to {}). Programmes whose period is not stated are not drawn; they are listed separately.",
            axis_label(first),
            axis_label(last)
        ),
    }
}

enum ItemKind<'a> {
    Heading(&'a str),
    Row(&'a TimelineRow, Vec<String>),
}

struct Item<'a> {
    top: f64,
    kind: ItemKind<'a>,
}

struct Layout<'a> {
    items: Vec<Item<'a>>,
    height: f64,
}

/// Region headings and rows, top to bottom.
fn layout(rows: &[TimelineRow], lang: Lang, chars_per_line: usize) -> Layout<'_> {
    let mut items = Vec::new();
    let mut y = 0.0;
    let mut region: Option<&str> = None;
    for row in rows {
        if region != Some(row.region.as_str()) {
            region = Some(&row.region);
            items.push(Item {
                top: y,
                kind: ItemKind::Heading(row.region_name.get(lang).text),
            });
            y += HEADING_H;
        }
        let lines = wrap(row.name.get(lang).text, chars_per_line);
        let h = LINE_H * lines.len() as f64 + BAR_H + 14.0;
        items.push(Item {
            top: y,
            kind: ItemKind::Row(row, lines),
        });
        y += h;
    }
    Layout { items, height: y }
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

#[allow(clippy::too_many_arguments)]
fn draw_row(
    s: &mut String,
    row: &TimelineRow,
    lines: &[String],
    top: f64,
    x0: f64,
    x1: f64,
    width: f64,
    lang: Lang,
) {
    let period = row.period.display(lang);
    let _ = write!(
        s,
        "<g class=\"timeline-row\"><title>{}</title>",
        xml_escape(&format!("{} ({period})", row.name.get(lang).text))
    );
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            s,
            "<text class=\"timeline-name\" x=\"{}\" y=\"{}\">{}</text>",
            coord(PLOT_X0),
            coord(top + 12.0 + LINE_H * i as f64),
            xml_escape(line)
        );
    }
    let bar_top = top + LINE_H * lines.len() as f64 + 4.0;
    let _ = write!(
        s,
        "<rect class=\"timeline-bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{BAR_COLOUR}\"/>",
        coord(x0 + 2.0),
        coord(bar_top),
        coord((x1 - x0 - 4.0).max(2.0)),
        coord(BAR_H)
    );
    let text_w: f64 = period
        .chars()
        .map(|c| if c.is_ascii() { 6.0 } else { 11.0 })
        .sum();
    let baseline = coord(bar_top + BAR_H - 3.0);
    let placed = if x1 - x0 - 12.0 >= text_w {
        format!("x=\"{}\" y=\"{baseline}\" fill=\"#fff\"", coord(x0 + 8.0))
    } else if x1 + 6.0 + text_w <= width {
        format!("x=\"{}\" y=\"{baseline}\"", coord(x1 + 4.0))
    } else {
        format!(
            "x=\"{}\" y=\"{baseline}\" text-anchor=\"end\"",
            coord((x0 - 4.0).max(text_w))
        )
    };
    let _ = write!(
        s,
        "<text class=\"timeline-period\" {placed} font-size=\"10\">{}</text></g>",
        xml_escape(&period)
    );
}

/// `timeline-` and eight hex digits of an FNV-1a hash of the title and rows.
fn dom_id(rows: &[TimelineRow], title: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    let mut feed = |text: &str| {
        for b in text.bytes().chain([0]) {
            hash ^= u32::from(b);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    };
    feed(title);
    for r in rows {
        feed(&r.source_record);
        feed(&r.path);
    }
    format!("timeline-{hash:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::timeline;
    use crate::testutil::{assert_well_formed, corpus};

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
        let t = timeline(corpus());
        for lang in Lang::ALL {
            let svg = timeline_svg(&t.rows, lang, "取組の経緯 <history> & \"programmes\"");
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
            assert!(svg.contains(t.rows[0].region_name.get(lang).text));
            // Not-stated programmes are not drawn.
            assert!(!svg.contains("退院後支援専門相談員の設置"));
            assert_eq!(
                svg,
                timeline_svg(&t.rows, lang, "取組の経緯 <history> & \"programmes\"")
            );
        }
        let en = timeline_svg(&t.rows, Lang::En, "History");
        assert!(en.contains("FY2018 – FY2021"));
        let empty = timeline_svg(&[], Lang::En, "Nothing");
        assert_well_formed(&empty);
        assert!(!empty.contains(" / 20"), "an empty timeline names no year");
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
