//! Practice-case stage charts: stages are columns, levels are rows, each box sits in its cell,
//! arrows join boxes.
//!
//! In: a [`Chart`], the page's [`Ui`] (the stage names and the description come from the
//! theme), a title and a DOM id unique on the page. Out: one `<svg>` element ([`svg`]); the
//! practice page lists the same boxes under the stage names of [`stage_name`].

use super::draw::{marker_url, Font, Frame, Rect, Segment, Svg, TextAt};
use crate::model::practice::{Chart, Stage};
use crate::model::Lang;
use crate::site::Ui;

/// A stage's name in the page's language, from the theme (`stage_seed_extraction` …).
pub fn stage_name<'u>(stage: Stage, ui: Ui<'u>) -> &'u str {
    ui.get(match stage {
        Stage::SeedExtraction => "stage_seed_extraction",
        Stage::Verification => "stage_verification",
        Stage::Solution => "stage_solution",
        Stage::FurtherDevelopment => "stage_further_development",
    })
}

/// The chart as an `<svg>` element. `title` names it for assistive technology.
pub fn svg(chart: &Chart, ui: Ui, title: &str, dom_id: &str) -> String {
    let names = Stage::ALL.map(|s| stage_name(s, ui));
    let layout = layout(chart, &names, ui.lang);
    let desc = ui.fill_named(
        "stage_chart_desc",
        &[
            ("stages", &Stage::ALL.len().to_string()),
            ("levels", &chart.levels.len().to_string()),
        ],
    );
    draw(&layout, title, &desc, dom_id)
}

// ---------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------

const LABEL_W: f64 = 110.0;
const COL_W: f64 = 200.0;
const BOX_W: f64 = 184.0;
const LINE_H: f64 = 16.0;
const PAD: f64 = 8.0;
const GAP: f64 = 10.0;
const HEAD_H: f64 = 48.0;
/// The least height of a level's row.
const ROW_MIN_H: f64 = 40.0;
/// Characters per line: of a box, of a stage heading, of a level label (half-width; a
/// Japanese line holds half as many).
const BOX_CHARS: usize = 28;
const HEAD_CHARS: usize = 30;
const LEVEL_CHARS: usize = 14;

/// Where everything of a stage chart goes.
#[derive(Clone, Debug, PartialEq)]
pub struct StageLayout {
    pub width: f64,
    pub height: f64,
    /// One per stage, left to right: the heading's box and its lines.
    pub heads: Vec<Block>,
    /// One per level, top to bottom: the band across the chart and its label's lines.
    pub bands: Vec<Block>,
    /// The links whose two boxes are both drawn.
    pub arrows: Vec<Segment>,
    /// The boxes, level by level, stage by stage, in the chart's order.
    pub boxes: Vec<Block>,
}

/// A rectangle and the lines of text inside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub rect: Rect,
    pub lines: Vec<TextAt>,
}

/// Lay `chart` out, its stages named `names` and its text in `lang`.
pub fn layout(chart: &Chart, names: &[&str; 4], lang: Lang) -> StageLayout {
    let width = LABEL_W + COL_W * Stage::ALL.len() as f64;
    let mut boxes: Vec<(&str, Block)> = Vec::new();
    let mut bands = Vec::new();
    let mut y = HEAD_H;
    for level in &chart.levels {
        let mut row_h = ROW_MIN_H;
        for (col, stage) in Stage::ALL.iter().enumerate() {
            let x = LABEL_W + col as f64 * COL_W + (COL_W - BOX_W) / 2.0;
            let mut cy = y + GAP;
            let cell = chart
                .nodes
                .iter()
                .filter(|n| n.level == level.id && n.stage == *stage);
            for node in cell {
                let block = node_box(x, cy, &wrap(node.text.get(lang).text, lang, BOX_CHARS));
                cy += block.rect.height + GAP;
                boxes.push((&node.id, block));
            }
            row_h = row_h.max(cy - y);
        }
        let label = wrap(level.label.get(lang).text, lang, LEVEL_CHARS);
        bands.push(Block {
            rect: Rect {
                x: 0.0,
                y,
                width,
                height: row_h,
            },
            lines: lines_at(&label, 8.0, y + 20.0, LINE_H),
        });
        y += row_h;
    }
    let find = |id: &str| boxes.iter().find(|(b, _)| *b == id).map(|(_, b)| &b.rect);
    let arrows = chart
        .links
        .iter()
        .filter_map(|l| Some(arrow(find(&l.from)?, find(&l.to)?)))
        .collect();
    StageLayout {
        width,
        height: y + GAP,
        heads: heads(names, lang),
        bands,
        arrows,
        boxes: boxes.into_iter().map(|(_, b)| b).collect(),
    }
}

fn heads(names: &[&str; 4], lang: Lang) -> Vec<Block> {
    names
        .iter()
        .enumerate()
        .map(|(col, name)| {
            let x = LABEL_W + col as f64 * COL_W;
            Block {
                rect: Rect {
                    x: x + 4.0,
                    y: 4.0,
                    width: COL_W - 8.0,
                    height: HEAD_H - 10.0,
                },
                lines: lines_at(&wrap(name, lang, HEAD_CHARS), x + COL_W / 2.0, 22.0, 14.0),
            }
        })
        .collect()
}

/// A box at `(x, y)` as tall as its lines.
fn node_box(x: f64, y: f64, lines: &[String]) -> Block {
    Block {
        rect: Rect {
            x,
            y,
            width: BOX_W,
            height: lines.len() as f64 * LINE_H + 2.0 * PAD,
        },
        lines: lines_at(lines, x + PAD, y + PAD + 12.0, LINE_H),
    }
}

/// `lines` one under the other, the first at `(x, y)`.
fn lines_at(lines: &[String], x: f64, y: f64, step: f64) -> Vec<TextAt> {
    lines
        .iter()
        .enumerate()
        .map(|(i, text)| TextAt {
            x,
            y: y + i as f64 * step,
            text: text.clone(),
        })
        .collect()
}

/// An arrow from box `a` to box `b`: side to side between columns, top to bottom (or bottom
/// to top) within one.
fn arrow(a: &Rect, b: &Rect) -> Segment {
    let half = BOX_W / 2.0;
    if (a.x - b.x).abs() > 1.0 {
        let dir = if b.x > a.x { 1.0 } else { -1.0 };
        Segment {
            x1: a.x + half + dir * half,
            y1: a.y + a.height / 2.0,
            x2: b.x + half - dir * half,
            y2: b.y + b.height / 2.0,
        }
    } else {
        let down = b.y > a.y;
        Segment {
            x1: a.x + half,
            y1: if down { a.y + a.height } else { a.y },
            x2: b.x + half,
            y2: if down { b.y } else { b.y + b.height },
        }
    }
}

/// Break text into lines that fit a box: by characters for Japanese (`width_chars / 2` a
/// line), by words for English.
fn wrap(text: &str, lang: Lang, width_chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    if lang == Lang::En && text.is_ascii() {
        for word in text.split_whitespace() {
            if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width_chars {
                lines.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
    } else {
        for c in text.chars().filter(|c| *c != '\n') {
            if cur.chars().count() >= width_chars / 2 {
                lines.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

fn draw(layout: &StageLayout, title: &str, desc: &str, dom_id: &str) -> String {
    let mut svg = Svg::chart(&Frame {
        class: "stage-chart",
        dom_id,
        width: layout.width,
        height: layout.height,
        font: Font::Page,
        title,
        desc,
    });
    svg.arrow_marker(dom_id, ("class", "arrowhead"));
    for head in &layout.heads {
        svg.el("rect")
            .attr("class", "stage-head")
            .rect(&head.rect)
            .attr("rx", "4")
            .end();
        for line in &head.lines {
            svg.el("text")
                .attr("class", "stage-label")
                .at("x", line.x)
                .at("y", line.y)
                .attr("text-anchor", "middle")
                .text(&line.text);
        }
    }
    for band in &layout.bands {
        svg.el("rect")
            .attr("class", "level-band")
            .rect(&band.rect)
            .end();
        text_lines(&mut svg, "level-label", &band.lines);
    }
    let arrow = marker_url(dom_id);
    for a in &layout.arrows {
        svg.el("line")
            .attr("class", "link")
            .segment(a)
            .attr("marker-end", &arrow)
            .end();
    }
    for node in &layout.boxes {
        svg.el("rect")
            .attr("class", "node")
            .rect(&node.rect)
            .attr("rx", "6")
            .end();
        text_lines(&mut svg, "node-text", &node.lines);
    }
    svg.finish()
}

fn text_lines(svg: &mut Svg, class: &str, lines: &[TextAt]) {
    for line in lines {
        svg.el("text")
            .attr("class", class)
            .at("x", line.x)
            .at("y", line.y)
            .text(&line.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;
    use crate::testutil::{assert_well_formed, corpus, theme_strings};

    fn chart_of(id: &str) -> &'static Chart {
        let record = corpus()
            .records
            .iter()
            .find(|r| r.id == id)
            .expect("the practice case");
        match &record.body {
            Body::Practice(p) => p.chart.as_ref().expect("a chart"),
            _ => panic!("a practice case"),
        }
    }

    #[test]
    fn japanese_wraps_by_characters_and_english_by_words() {
        assert_eq!(
            wrap("あいうえおかきくけこ", Lang::Ja, 8),
            vec!["あいうえ", "おかきく", "けこ"]
        );
        assert_eq!(
            wrap("one two three four", Lang::En, 9),
            vec!["one two", "three", "four"]
        );
    }

    #[test]
    fn boxes_sit_in_their_stage_column_and_stack_within_a_cell() {
        let chart = chart_of("a-pref-h-city-housing");
        let l = layout(chart, &["a", "b", "c", "d"], Lang::Ja);
        assert_eq!(l.width, 910.0);
        assert_eq!(l.heads.len(), 4);
        assert_eq!(l.bands.len(), chart.levels.len());
        assert_eq!(l.boxes.len(), chart.nodes.len());
        // Bands follow one another from under the headings to the foot of the chart.
        assert_eq!(l.bands[0].rect.y, HEAD_H);
        for pair in l.bands.windows(2) {
            assert_eq!(pair[1].rect.y, pair[0].rect.y + pair[0].rect.height);
        }
        let last = l.bands.last().expect("a band");
        assert_eq!(l.height, last.rect.y + last.rect.height + GAP);
        // Boxes are laid out level by level, stage by stage.
        let ordered = chart.levels.iter().flat_map(|level| {
            Stage::ALL.iter().flat_map(move |stage| {
                chart
                    .nodes
                    .iter()
                    .filter(move |n| n.level == level.id && n.stage == *stage)
            })
        });
        for (node, b) in ordered.zip(&l.boxes) {
            let col = Stage::ALL.iter().position(|s| *s == node.stage).unwrap();
            assert_eq!(b.rect.x, LABEL_W + col as f64 * COL_W + 8.0, "{}", node.id);
            let band = &l.bands[chart
                .levels
                .iter()
                .position(|v| v.id == node.level)
                .unwrap()];
            assert!(b.rect.y > band.rect.y, "{}", node.id);
            assert!(b.rect.y + b.rect.height <= band.rect.y + band.rect.height);
            assert_eq!(b.rect.height, b.lines.len() as f64 * LINE_H + 2.0 * PAD);
        }
        assert!(!l.arrows.is_empty());
    }

    #[test]
    fn arrows_join_box_sides_across_columns_and_box_edges_within_one() {
        let a = Rect {
            x: 118.0,
            y: 58.0,
            width: BOX_W,
            height: 48.0,
        };
        let right = Rect { x: 318.0, ..a };
        let below = Rect { y: 116.0, ..a };
        let across = arrow(&a, &right);
        assert_eq!((across.x1, across.x2), (a.x + BOX_W, right.x));
        assert_eq!((across.y1, across.y2), (82.0, 82.0));
        let back = arrow(&right, &a);
        assert_eq!((back.x1, back.x2), (right.x, a.x + BOX_W));
        let down = arrow(&a, &below);
        assert_eq!((down.y1, down.y2), (a.y + a.height, below.y));
        let up = arrow(&below, &a);
        assert_eq!((up.y1, up.y2), (below.y, a.y + a.height));
    }

    #[test]
    fn chart_of_a_real_case_is_well_formed_named_and_deterministic() {
        let chart = chart_of("a-pref-h-city-housing");
        let strings = theme_strings();
        for lang in Lang::ALL {
            let ui = strings.ui(lang);
            let svg = svg(chart, ui, "Housing <& support>", "chart-x");
            assert_well_formed(&svg);
            assert!(svg.contains("role=\"img\""));
            assert!(svg.contains("aria-labelledby=\"chart-x-title chart-x-desc\""));
            assert!(svg.contains(">Housing &lt;&amp; support&gt;</title>"));
            assert!(svg.contains("marker-end=\"url(#chart-x-arrow)\""));
            assert_eq!(svg, super::svg(chart, ui, "Housing <& support>", "chart-x"));
        }
        let ja = svg(chart, strings.ui(Lang::Ja), "t", "c");
        assert!(ja.contains(">地域課題の種の抽出</text>"));
        assert!(ja.contains(&format!("4段階×{}レベルの図", chart.levels.len())));
        let en = svg(chart, strings.ui(Lang::En), "t", "c");
        assert!(en.contains("A chart of 4 stages by"));
        assert_eq!(
            stage_name(Stage::Verification, strings.ui(Lang::En)),
            "Verifying the regional issues"
        );
    }
}
