//! A handbook page: explanatory prose about the handbook itself.

use serde::Serialize;

use super::Foot;
use crate::load::Record;
use crate::model::{Page, Prose, Text};

#[derive(Serialize)]
pub struct PageView {
    pub title: Text,
    /// The line lists of pages show under the title.
    pub summary: Option<Text>,
    pub body: Prose,
    pub foot: Foot,
}

pub fn view(record: &Record, p: &Page) -> PageView {
    PageView {
        title: p.title.clone(),
        summary: p.summary.clone(),
        body: p.body.clone(),
        foot: Foot {
            source: p.source.clone(),
            source_file: record.file.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;
    use crate::render::view::tests::record;

    #[test]
    fn a_page_keeps_its_prose_and_source() {
        let rec = record("points");
        let Body::Page(p) = &rec.body else {
            panic!("a handbook page")
        };
        let v = view(rec, p);
        assert_eq!(v.title, p.title);
        assert_eq!(v.body, p.body);
        assert_eq!(v.foot.source, p.source);
        assert_eq!(v.foot.source_file, "content/pages/points.yaml");
    }
}
