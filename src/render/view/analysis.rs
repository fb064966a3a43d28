//! A Point1–6 analysis page: the region at its level under a theme, the introduction, the six
//! points and the summary.

use serde::Serialize;

use super::{Foot, Line, List, Ui};
use crate::load::Record;
use crate::model::{Analysis, Prose, TermList};
use crate::site::{RegionRef, Site};

#[derive(Serialize)]
pub struct AnalysisView {
    pub kind_name: String,
    /// 「圏域レベル」 / "Area level".
    pub level: String,
    /// 「A県H市の取組：保健所が主導する協議の場」 / "H City, A Prefecture: …", as plain text.
    pub title: String,
    pub region: RegionRef,
    pub theme: TagLink,
    pub introduction: Prose,
    pub points: Vec<PointView>,
    pub summary: Option<Prose>,
    pub foot: Foot,
}

pub use super::TagLink;

#[derive(Serialize)]
pub struct PointView {
    /// `point1` … `point6`: the section's id and its items' `data-item`.
    pub key: String,
    pub number: u8,
    pub heading: String,
    pub items: List<Line>,
}

pub fn view(site: &Site, ui: Ui, record: &Record, a: &Analysis) -> AnalysisView {
    let lang = ui.lang;
    let region = site.region_ref(&a.region, lang);
    let level = site.term_name(TermList::RegionKinds, &a.level);
    let title = ui
        .get("analysis_title")
        .replace("{region}", region.name.get(lang).text)
        .replace("{title}", a.title.get(lang).text);
    AnalysisView {
        kind_name: ui.kind_name(record.kind),
        level: ui.fill("level_of", level.get(lang).text),
        title,
        region,
        theme: TagLink::new(site, lang, TermList::Themes, &a.theme),
        introduction: a.introduction.clone(),
        points: a
            .points
            .numbered()
            .into_iter()
            .map(|(n, items)| {
                let key = format!("point{n}");
                PointView {
                    heading: ui.get(&key).to_owned(),
                    items: List::items(lang, &[None], items),
                    key,
                    number: n,
                }
            })
            .collect(),
        summary: a.summary.clone(),
        foot: Foot {
            source: a.source.clone(),
            source_file: record.file.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Lang, Text};
    use crate::testutil::corpus;

    #[test]
    fn the_title_names_the_region_and_the_six_points_are_in_order() {
        let corpus = corpus();
        let site = Site::new(corpus);
        let record = corpus
            .records
            .iter()
            .find(|r| r.id == "toyama-pref-analysis")
            .expect("Toyama's analysis");
        let Body::Analysis(a) = &record.body else {
            panic!("an analysis")
        };
        let strings = crate::site::Strings::from_texts(
            &[
                ("analysis_title", "{region}: {title}"),
                ("level_of", "{} level"),
                ("point1", "Challenges recognised"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), Text::new(v, v)))
            .collect(),
        );
        let v = view(&site, strings.ui(Lang::En), record, a);
        assert!(v.title.starts_with("Toyama Prefecture: "), "{}", v.title);
        assert!(v.level.ends_with(" level"), "{}", v.level);
        let numbers: Vec<u8> = v.points.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
        assert_eq!(v.points[0].heading, "Challenges recognised");
        assert_eq!(
            v.points[1].heading, "point2",
            "a missing string shows its key"
        );
        assert!(v.points.iter().all(|p| !p.items.marked));
        assert_eq!(v.theme.url, format!("/en/themes/{}/", a.theme));
    }
}
