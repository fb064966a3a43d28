//! A practice case's page: the case summary, its issues and the responses to them, its
//! outcomes, the stage chart (as SVG, and as a list grouped by level and stage beside it),
//! the story, the key points and the references.

use serde::Serialize;

use super::{Foot, Head, Line, List, TagLink, Ui};
use crate::load::Record;
use crate::model::case::Section;
use crate::model::practice::{Chart, IssueResponse, Stage, StorySection};
use crate::model::{Practice, TermList, Text};
use crate::render::svg;
use crate::site::Site;

#[derive(Serialize)]
pub struct PracticeView {
    pub head: Head,
    pub themes: Vec<TagLink>,
    pub summary: Section,
    pub issue_responses: Vec<IssueResponse>,
    pub outcomes: Option<List<Line>>,
    pub chart: Option<ChartView>,
    pub story: Vec<StorySection>,
    pub key_points: Vec<StorySection>,
    pub references: Vec<Section>,
    pub foot: Foot,
}

/// The stage chart, drawn and listed.
#[derive(Serialize)]
pub struct ChartView {
    pub svg: String,
    pub notes: Vec<Text>,
    /// Every level, top to bottom, with its boxes by stage.
    pub levels: Vec<LevelView>,
    pub links: Vec<LinkView>,
}

#[derive(Serialize)]
pub struct LevelView {
    pub label: Text,
    /// The stages that have boxes at this level, left to right.
    pub stages: Vec<StageView>,
}

#[derive(Serialize)]
pub struct StageView {
    pub name: String,
    pub nodes: Vec<Text>,
}

/// An arrow, by the texts of the boxes it joins.
#[derive(Serialize)]
pub struct LinkView {
    pub from: Text,
    pub to: Text,
    pub label: Option<Text>,
}

pub fn view(site: &Site, ui: Ui, record: &Record, p: &Practice) -> PracticeView {
    let lang = ui.lang;
    PracticeView {
        head: Head {
            kind_name: ui.kind_name(record.kind),
            region: Some(site.region_ref(&p.region, lang)),
            title: p.title.clone(),
        },
        themes: p
            .themes
            .iter()
            .map(|t| TagLink::new(site, lang, TermList::Themes, t))
            .collect(),
        summary: p.summary.clone(),
        issue_responses: p.issue_responses.clone(),
        outcomes: (!p.outcomes.is_empty()).then(|| List::texts(lang, None, &p.outcomes)),
        chart: p.chart.as_ref().map(|c| {
            let dom_id = format!("chart-{}", record.id);
            chart(
                c,
                ui,
                svg::stages::svg(c, ui, p.title.get(lang).text, &dom_id),
            )
        }),
        story: p.story.clone(),
        key_points: p.key_points.clone(),
        references: p.references.clone(),
        foot: Foot {
            source: p.source.clone(),
            source_file: record.file.clone(),
        },
    }
}

/// The chart's data as a list: its boxes by level and stage, and its arrows.
fn chart(c: &Chart, ui: Ui, svg: String) -> ChartView {
    let levels = c
        .levels
        .iter()
        .map(|level| LevelView {
            label: level.label.clone(),
            stages: Stage::ALL
                .iter()
                .filter_map(|&stage| {
                    let nodes: Vec<Text> = c
                        .nodes
                        .iter()
                        .filter(|n| n.level == level.id && n.stage == stage)
                        .map(|n| n.text.clone())
                        .collect();
                    (!nodes.is_empty()).then(|| StageView {
                        name: svg::stages::stage_name(stage, ui).into(),
                        nodes,
                    })
                })
                .collect(),
        })
        .collect();
    let text_of = |id: &str| c.nodes.iter().find(|n| n.id == id).map(|n| n.text.clone());
    // Validation reports a link to a missing box; such a link is left out.
    let links = c
        .links
        .iter()
        .filter_map(|l| {
            Some(LinkView {
                from: text_of(&l.from)?,
                to: text_of(&l.to)?,
                label: l.label.clone(),
            })
        })
        .collect();
    ChartView {
        svg,
        notes: c.notes.clone(),
        levels,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Lang};
    use crate::render::view::tests::{record, site, strings};

    fn practice_view(id: &str, lang: Lang) -> (PracticeView, &'static Practice) {
        let (site, strings) = (site(), strings());
        let rec = record(id);
        let Body::Practice(p) = &rec.body else {
            panic!("{id} is a practice")
        };
        (view(&site, strings.ui(lang), rec, p), p)
    }

    #[test]
    fn the_chart_list_groups_boxes_by_level_then_stage() {
        let (v, p) = practice_view("a-pref-h-city-housing", Lang::Ja);
        let source = p.chart.as_ref().expect("a chart");
        let chart = v.chart.expect("a chart view");
        assert!(chart.svg.starts_with("<svg"), "{}", &chart.svg[..40]);
        assert_eq!(chart.levels.len(), source.levels.len());
        let listed: usize = chart
            .levels
            .iter()
            .flat_map(|l| &l.stages)
            .map(|s| s.nodes.len())
            .sum();
        assert_eq!(listed, source.nodes.len(), "every box is listed once");
        for (level, lv) in source.levels.iter().zip(&chart.levels) {
            let names: Vec<&str> = lv.stages.iter().map(|s| s.name.as_str()).collect();
            let expected: Vec<&str> = Stage::ALL
                .iter()
                .filter(|&&st| {
                    source
                        .nodes
                        .iter()
                        .any(|n| n.level == level.id && n.stage == st)
                })
                .map(|&st| svg::stages::stage_name(st, strings().ui(Lang::Ja)))
                .collect();
            assert_eq!(names, expected, "stages in order, empty ones left out");
        }
        let first = &source.nodes[0];
        let level = source
            .levels
            .iter()
            .position(|l| l.id == first.level)
            .expect("the first box's level");
        let stage = chart.levels[level]
            .stages
            .iter()
            .find(|s| s.name == svg::stages::stage_name(first.stage, strings().ui(Lang::Ja)))
            .expect("the first box's stage");
        assert!(stage.nodes.contains(&first.text));
        assert_eq!(chart.links.len(), source.links.len());
        if let Some(l) = source.links.first() {
            let from = source.nodes.iter().find(|n| n.id == l.from).expect("a box");
            assert_eq!(chart.links[0].from, from.text);
        }
    }

    #[test]
    fn the_head_names_the_kind_and_the_region() {
        let (v, p) = practice_view("a-pref-h-city-housing", Lang::En);
        assert_eq!(v.head.kind_name, "Practice case");
        assert_eq!(
            v.head.region.as_ref().map(|r| r.id.as_str()),
            Some(p.region.as_str())
        );
        assert_eq!(v.themes.len(), p.themes.len());
        assert_eq!(v.outcomes.is_some(), !p.outcomes.is_empty());
    }
}
