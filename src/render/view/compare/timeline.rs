//! The programme timeline: the status sheets' programmes drawn as bars over fiscal years, the
//! same listed as a table, and those whose period cannot be placed listed with the reason.

use serde::Serialize;

use super::{nav, record_of, NavLink, Section, Ui};
use crate::compare::timeline::Unplaceable;
use crate::compare::{Computed, TimelineRow};
use crate::model::date::Open;
use crate::model::{Lang, Text};
use crate::render::svg::hashed_id;
use crate::render::svg::timeline::{Bar, TimelineChart};
use crate::render::view::parts::Scope;
use crate::site::{RecordRef, RegionRef, Site};

#[derive(Serialize)]
pub struct TimelineView {
    pub nav: Vec<NavLink>,
    /// The bars (none when no programme has a period to draw).
    pub svg: Option<String>,
    pub rows: Vec<Programme>,
    pub unplaced: Vec<Programme>,
}

/// A programme, with its period as displayed (or, when it is not drawn, the reason).
#[derive(Serialize)]
pub struct Programme {
    pub region: RegionRef,
    pub name: Text,
    /// The period (drawn programmes), or why the programme is not drawn.
    pub when: String,
    pub record: Option<RecordRef>,
}

/// The timeline of `scope`'s programmes, titled `title` (the chart's title too).
pub fn view(
    site: &Site,
    computed: &Computed,
    ui: Ui,
    (title, scope): (&str, Scope),
) -> TimelineView {
    let lang = ui.lang;
    let t = &computed.timeline;
    let drawn: Vec<TimelineRow> = t
        .rows
        .iter()
        .filter(|r| scope.lists(site, &r.region))
        .cloned()
        .collect();
    let programme = |region: &str, name: &Text, when: String, record: &str| Programme {
        region: site.region_ref(region, lang),
        name: name.clone(),
        when,
        record: record_of(site, record).map(|r| site.record_ref(r, lang)),
    };
    TimelineView {
        nav: nav(site, ui, Section::Timeline),
        svg: (!drawn.is_empty()).then(|| chart(&drawn, ui, title)),
        rows: drawn
            .iter()
            .map(|r| programme(&r.region, &r.name, r.period.display(lang), &r.source_record))
            .collect(),
        unplaced: t
            .unplaced
            .iter()
            .filter(|u| scope.lists(site, &u.region))
            .map(|u| {
                let reason = reason(u.reason, ui).to_owned();
                programme(&u.region, &u.name, reason, &u.source_record)
            })
            .collect(),
    }
}

/// The rows as the chart's bars, in the page's language.
pub(crate) fn bars(rows: &[TimelineRow], lang: Lang) -> Vec<Bar> {
    rows.iter()
        .map(|r| Bar {
            region: r.region.to_string(),
            region_name: r.region_name.get(lang).text.to_owned(),
            name: r.name.get(lang).text.to_owned(),
            period: r.period.display(lang),
            first_fy: r.start_fy,
            last_fy: r.end_fy,
        })
        .collect()
}

/// The rows as a chart. Its DOM ids derive from a hash of the title and rows, so two
/// different timelines on one page do not collide.
fn chart(rows: &[TimelineRow], ui: Ui, title: &str) -> String {
    let bars = bars(rows, ui.lang);
    let keys = rows
        .iter()
        .flat_map(|r| [r.source_record.as_str(), r.path.as_str()]);
    let dom_id = hashed_id("timeline", std::iter::once(title).chain(keys));
    let chart = TimelineChart {
        bars: &bars,
        title,
        dom_id: &dom_id,
    };
    crate::render::svg::timeline::svg(&chart, ui)
}

/// Why a programme is not drawn: "period not stated" and the like.
fn reason<'u>(reason: Unplaceable, ui: Ui<'u>) -> &'u str {
    match reason {
        Unplaceable::NotStated => Open::NotStated.display(ui.lang),
        Unplaceable::AllYear => Open::AllYear.display(ui.lang),
        Unplaceable::Undecided => Open::Undecided.display(ui.lang),
        Unplaceable::OpenEnded => ui.get("reason_open_ended"),
        Unplaceable::NoYear => ui.get("reason_no_year"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::computed;
    use super::*;
    use crate::model::Lang;
    use crate::testutil::{assert_well_formed, corpus, theme_strings};

    #[test]
    fn drawn_and_undrawn_programmes_are_listed_apart() {
        let site = Site::new(corpus());
        let v = view(
            &site,
            computed(),
            theme_strings().ui(Lang::Ja),
            ("事業の経緯", Scope::All),
        );
        let svg = v.svg.as_deref().expect("a chart");
        assert_well_formed(svg);
        assert!(svg.contains("aria-labelledby=\"timeline-"));
        assert!(svg.contains(">年度（4月～翌3月）</text>"));
        let kumamoto: Vec<&Programme> = v
            .rows
            .iter()
            .filter(|p| p.region.id == "kumamoto-pref")
            .collect();
        assert_eq!(kumamoto[0].name.ja, "精神障がい者地域移行支援事業");
        assert!(kumamoto[0].record.is_some());
        let lost = v
            .unplaced
            .iter()
            .find(|p| p.name.ja == "退院後支援専門相談員の設置")
            .expect("a programme whose period is lost");
        assert_eq!(lost.when, "期間の記載なし");
    }

    #[test]
    fn reasons_come_from_the_dates_and_the_theme() {
        let en = theme_strings().ui(Lang::En);
        assert_eq!(reason(Unplaceable::NotStated, en), "period not stated");
        assert_eq!(reason(Unplaceable::OpenEnded, en), "period open at one end");
        let ja = theme_strings().ui(Lang::Ja);
        assert_eq!(reason(Unplaceable::NoYear, ja), "年の記載なし");
    }

    #[test]
    fn the_charts_id_depends_on_its_title() {
        let rows = &computed().timeline.rows;
        let ui = theme_strings().ui(Lang::En);
        let a = chart(rows, ui, "A");
        assert_eq!(a, chart(rows, ui, "A"));
        assert_ne!(a, chart(rows, ui, "B").replace(">B</title>", ">A</title>"));
    }
}
