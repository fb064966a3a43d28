//! Practice-case stage charts drawn as SVG at build time: stages are columns, levels are
//! rows, each box sits in its cell, arrows join boxes. Text stays text; the chart carries a
//! `<title>` and `<desc>`, and the page prints the same data as a list beside it.

use std::fmt::Write as _;

use crate::model::practice::{Chart, Stage};
use crate::model::{Lang, Text};
use crate::render::markdown::html_escape;

pub fn stage_name(stage: Stage, lang: Lang) -> &'static str {
    match (stage, lang) {
        (Stage::SeedExtraction, Lang::Ja) => "地域課題の種の抽出",
        (Stage::Verification, Lang::Ja) => "地域課題の検証",
        (Stage::Solution, Lang::Ja) => "地域課題の解決（基盤整備）",
        (Stage::FurtherDevelopment, Lang::Ja) => "さらなる地域の基盤整備",
        (Stage::SeedExtraction, Lang::En) => "Finding the seeds of regional issues",
        (Stage::Verification, Lang::En) => "Verifying the regional issues",
        (Stage::Solution, Lang::En) => "Solving the issues (building the infrastructure)",
        (Stage::FurtherDevelopment, Lang::En) => "Building the infrastructure further",
    }
}

const LABEL_W: f64 = 110.0;
const COL_W: f64 = 200.0;
const BOX_W: f64 = 184.0;
const LINE_H: f64 = 16.0;
const PAD: f64 = 8.0;
const GAP: f64 = 10.0;
const HEAD_H: f64 = 48.0;

fn text_of(t: &Text, lang: Lang) -> &str {
    t.get(lang).text
}

/// Break text into lines that fit a box: by characters for Japanese, by words for English.
fn wrap(text: &str, lang: Lang, width_chars: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    let by_words = lang == Lang::En && text.is_ascii();
    if by_words {
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

struct Placed {
    id: String,
    x: f64,
    y: f64,
    h: f64,
    lines: Vec<String>,
}

/// The chart as an SVG element. `title` names it for assistive technology.
pub fn svg(chart: &Chart, lang: Lang, title: &str, dom_id: &str) -> String {
    let chars = 28;
    let mut placed: Vec<Placed> = Vec::new();
    let mut y = HEAD_H;
    let mut rows = Vec::new();
    for level in &chart.levels {
        let mut row_h: f64 = 40.0;
        for (col, stage) in Stage::ALL.iter().enumerate() {
            let mut cy = y + GAP;
            for node in chart
                .nodes
                .iter()
                .filter(|n| n.level == level.id && n.stage == *stage)
            {
                let lines = wrap(text_of(&node.text, lang), lang, chars);
                let h = lines.len() as f64 * LINE_H + 2.0 * PAD;
                let x = LABEL_W + col as f64 * COL_W + (COL_W - BOX_W) / 2.0;
                placed.push(Placed {
                    id: node.id.to_string(),
                    x,
                    y: cy,
                    h,
                    lines,
                });
                cy += h + GAP;
            }
            row_h = row_h.max(cy - y);
        }
        rows.push((level, y, row_h));
        y += row_h;
    }
    let width = LABEL_W + 4.0 * COL_W;
    let height = y + GAP;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"stage-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{dom_id}-title {dom_id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    let desc = match lang {
        Lang::Ja => format!(
            "{}段階×{}レベルの図。各ボックスの内容は図の下の一覧にも記載しています。",
            Stage::ALL.len(),
            chart.levels.len()
        ),
        Lang::En => format!(
            "A chart of {} stages by {} levels. Every box is also listed below the chart.",
            Stage::ALL.len(),
            chart.levels.len()
        ),
    };
    let _ = write!(
        s,
        "<title id=\"{dom_id}-title\">{}</title><desc id=\"{dom_id}-desc\">{}</desc>",
        html_escape(title),
        html_escape(&desc)
    );
    s.push_str("<defs><marker id=\"");
    s.push_str(dom_id);
    s.push_str("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>");
    for (col, stage) in Stage::ALL.iter().enumerate() {
        let x = LABEL_W + col as f64 * COL_W;
        let _ = write!(
            s,
            "<rect class=\"stage-head\" x=\"{}\" y=\"4\" width=\"{}\" height=\"{}\" rx=\"4\"/>",
            x + 4.0,
            COL_W - 8.0,
            HEAD_H - 10.0
        );
        for (i, line) in wrap(stage_name(*stage, lang), lang, 30).iter().enumerate() {
            let _ = write!(
                s,
                "<text class=\"stage-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                x + COL_W / 2.0,
                22.0 + i as f64 * 14.0,
                html_escape(line)
            );
        }
    }
    for (level, ry, rh) in &rows {
        let _ = write!(
            s,
            "<rect class=\"level-band\" x=\"0\" y=\"{ry}\" width=\"{width}\" height=\"{rh}\"/>"
        );
        for (i, line) in wrap(text_of(&level.label, lang), lang, 14)
            .iter()
            .enumerate()
        {
            let _ = write!(
                s,
                "<text class=\"level-label\" x=\"8\" y=\"{}\">{}</text>",
                ry + 20.0 + i as f64 * LINE_H,
                html_escape(line)
            );
        }
    }
    for link in &chart.links {
        let (Some(a), Some(b)) = (
            placed.iter().find(|p| p.id == link.from),
            placed.iter().find(|p| p.id == link.to),
        ) else {
            continue;
        };
        let (x1, y1, x2, y2) = if (a.x - b.x).abs() > 1.0 {
            let dir = if b.x > a.x { 1.0 } else { -1.0 };
            (
                a.x + BOX_W / 2.0 + dir * BOX_W / 2.0,
                a.y + a.h / 2.0,
                b.x + BOX_W / 2.0 - dir * BOX_W / 2.0,
                b.y + b.h / 2.0,
            )
        } else {
            let down = b.y > a.y;
            (
                a.x + BOX_W / 2.0,
                if down { a.y + a.h } else { a.y },
                b.x + BOX_W / 2.0,
                if down { b.y } else { b.y + b.h },
            )
        };
        let _ = write!(s, "<line class=\"link\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" marker-end=\"url(#{dom_id}-arrow)\"/>");
    }
    for p in &placed {
        let _ = write!(
            s,
            "<rect class=\"node\" x=\"{}\" y=\"{}\" width=\"{BOX_W}\" height=\"{}\" rx=\"6\"/>",
            p.x, p.y, p.h
        );
        for (i, line) in p.lines.iter().enumerate() {
            let _ = write!(
                s,
                "<text class=\"node-text\" x=\"{}\" y=\"{}\">{}</text>",
                p.x + PAD,
                p.y + PAD + 12.0 + i as f64 * LINE_H,
                html_escape(line)
            );
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
