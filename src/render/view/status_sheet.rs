//! A status sheet's page: the cover and the six standard sections, as the sheet prints them.
//!
//! Everything the page prints is resolved here for one language: section headings (section
//! 1's as the sheet prints it), dates as the sheet writes them (`R1.6月時点`) or as displayed
//! (`令和3年度`), the fiscal-year bars of the programmes, counts worded around their number,
//! areas linked where a line names them, the indicator tables' column headings with the date
//! point and note their values share, and the source's list marks on Japanese pages.

use serde::Serialize;

use super::links::link_names;
use super::TagLink;
use super::{date, date_as_written, Foot, Line, List, Places, Ui};
use crate::compare::timeline::fiscal_span;
use crate::load::Record;
use crate::model::date::Open;
use crate::model::indicator::{Columns, Count, IndicatorRow, Target, Value};
use crate::model::sheet::{AxisYear, Event, HistoryGroup, IssueRow, Link, Programme};
use crate::model::vocab::{IndicatorDef, Unit};
use crate::model::{Dated, Lang, Prose, StatusSheet, TermList, Text, When};
use crate::render::html;
use crate::site::{RegionRef, Route, Site, SourceRow, SourceTable};

#[derive(Serialize)]
pub struct StatusSheetView {
    pub kind_name: String,
    pub region: RegionRef,
    pub title: Text,
    /// Printed under the title: the sheet's headline, or else its region's slogan.
    pub cover: Option<Text>,
    /// The fiscal year the sheet was written for, as displayed (令和3年度 / FY2021).
    pub fiscal_year: Option<String>,
    pub intro: Option<Prose>,
    pub basic: BasicView,
    pub overview: OverviewView,
    pub history: HistoryView,
    pub results: ResultsView,
    pub strengths: StrengthsView,
    pub schedule: ScheduleView,
    pub foot: Foot,
}

/// 1. Basic facts and the grouped lists of initiatives.
#[derive(Serialize)]
pub struct BasicView {
    /// 「１ 県又は政令市の基礎情報」: the standard heading, or the sheet's own.
    pub heading: String,
    pub groups: Vec<GroupView>,
}

#[derive(Serialize)]
pub struct GroupView {
    pub heading: Option<Decorated>,
    pub items: List<Line>,
}

/// A heading with the decoration the sheet prints around it (【…】) on Japanese pages.
#[derive(Debug, Serialize)]
pub struct Decorated {
    pub before: Option<String>,
    pub text: Text,
    pub after: Option<String>,
}

/// 2. The overview.
#[derive(Serialize)]
pub struct OverviewView {
    pub heading: String,
    /// The period covered, as written.
    pub period: Option<String>,
    pub text: Option<Prose>,
    pub points: Option<List<Line>>,
    pub roles: Vec<OrgView>,
    pub links: Vec<Link>,
}

/// One box of the overview diagram: the organisations named in it and what they do.
#[derive(Serialize)]
pub struct OrgView {
    pub name: Text,
    /// Further organisations of the box, one a line.
    pub shared_with: Vec<Text>,
    pub items: Option<List<Line>>,
}

/// 3. The history: programmes by fiscal year, and strands of yearly events and counts.
#[derive(Serialize)]
pub struct HistoryView {
    pub heading: String,
    pub notes: Vec<Prose>,
    pub programmes: Option<ProgrammesView>,
    pub groups: Vec<HistoryGroupView>,
}

#[derive(Serialize)]
pub struct ProgrammesView {
    /// The timeline's year columns; empty when the sheet prints none.
    pub axis: Vec<AxisHeading>,
    pub rows: Vec<ProgrammeRow>,
}

/// A year column's heading: on Japanese pages the sheet's label, the fiscal year as its title.
#[derive(Serialize)]
pub struct AxisHeading {
    pub text: String,
    pub title: Option<String>,
}

#[derive(Serialize)]
pub struct ProgrammeRow {
    pub name: Text,
    pub note: Option<Text>,
    /// The period as written.
    pub period: String,
    /// One cell per year of the axis, on when the period covers that fiscal year.
    pub bars: Vec<Bar>,
    /// The number of year columns one empty cell spans when the period has no fiscal years
    /// to place (`not-stated`, open-ended).
    pub unplaced: Option<usize>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Bar {
    pub on: bool,
}

#[derive(Serialize)]
pub struct HistoryGroupView {
    pub heading: Text,
    pub intro: Option<Prose>,
    pub timeline: Option<Timeline>,
}

/// A strand's counts, then its events, listed without marks as the sheet prints them.
#[derive(Serialize)]
pub struct Timeline {
    /// Japanese pages: the sheet's bare list (no bullets).
    pub bare: bool,
    pub counts: Vec<CountView>,
    pub events: Vec<EventView>,
}

#[derive(Serialize)]
pub struct CountView {
    /// The period, as written.
    pub period: String,
    /// The areas counted, in brackets after the period.
    pub areas: Option<Areas>,
    /// The source's wording around the number.
    pub worded: Option<Worded>,
    /// Without a wording: the indicator's name before the number and its unit after.
    pub name: Option<Text>,
    pub number: Number,
    pub unit: String,
    /// Parts of the count ("of whom 7 …").
    pub of_which: Vec<Worded>,
    /// Areas listed after the line, when its label names them in words it cannot link.
    pub places: Option<Places>,
    pub note: Option<Text>,
}

/// A count's areas: the label the sheet names them by (linked where it names each, when it
/// does), or else the areas' own names.
#[derive(Serialize)]
pub struct Areas {
    /// The label with each area linked where it names it (escaped HTML).
    pub linked: Option<String>,
    pub label: Option<Text>,
    pub regions: Vec<RegionRef>,
}

/// A number in the source's words: 「うち，」 7 「名を相談支援事業所で活用」. `before` and `after`
/// are escaped HTML, as the theme prints the wording (with the "not yet translated" mark
/// around the whole where English is missing).
#[derive(Debug, Serialize)]
pub struct Worded {
    pub before: String,
    pub number: Number,
    pub after: String,
}

/// A number: as data (`4396`, `54.8`) and as printed (`4,396`).
#[derive(Debug, PartialEq, Serialize)]
pub struct Number {
    pub raw: String,
    pub shown: String,
}

#[derive(Serialize)]
pub struct EventView {
    /// The period, as written.
    pub period: String,
    /// The areas, in brackets after the period.
    pub areas: Vec<RegionRef>,
    /// The text names the areas itself and stands in their place, between these.
    pub in_place: Option<Bracket>,
    pub text: Text,
    /// The text with each area linked where it names it (escaped HTML).
    pub linked: Option<String>,
    /// Areas listed after the line, when the text names them in words it cannot link.
    pub places: Option<Places>,
}

/// What encloses a text standing in the areas' place: 「（…）」 on Japanese pages, ": …" on
/// English ones.
#[derive(Serialize)]
pub struct Bracket {
    pub open: String,
    pub close: String,
}

/// 4. Results.
#[derive(Serialize)]
pub struct ResultsView {
    pub heading: String,
    /// 「＜令和２年度までの成果・効果＞」.
    pub period: Option<String>,
    pub table: Option<IndicatorTable>,
    pub effects: Option<List<Line>>,
}

/// 5. Strengths and issues.
#[derive(Serialize)]
pub struct StrengthsView {
    pub heading: String,
    /// Paragraphs; marked on Japanese pages when the sheet marks them.
    pub strengths: Option<List<Prose>>,
    pub table: Option<IndicatorTable>,
    pub effects: Option<List<Line>>,
    pub issues: Vec<IssueView>,
}

#[derive(Serialize)]
pub struct IssueView {
    pub issue: Text,
    pub policies: List<Line>,
    pub roles: Vec<RoleView>,
    pub themes: Vec<TagLink>,
}

#[derive(Serialize)]
pub struct RoleView {
    /// The column heading as written, or the actor's name.
    pub label: Text,
    pub text: Text,
}

/// 6. The year's goals and schedule.
#[derive(Serialize)]
pub struct ScheduleView {
    pub heading: String,
    pub goals: Option<Goals>,
    pub rows: Option<List<ScheduleRowView>>,
}

#[derive(Serialize)]
pub struct Goals {
    /// 「令和３年度の到達目標」, or 「到達目標」 without a fiscal year.
    pub heading: String,
    pub list: List<Line>,
}

#[derive(Serialize)]
pub struct ScheduleRowView {
    /// The period, as written.
    pub period: String,
    pub item: Text,
    pub content: List<Line>,
}

/// An indicator table (sections 4 and 5). A column is there when a row has a value for it.
#[derive(Serialize)]
pub struct IndicatorTable {
    pub caption: String,
    pub baseline: Option<ColumnHead>,
    pub target: Option<ColumnHead>,
    pub actual: Option<ColumnHead>,
    /// The effects column's heading, when a row has effects.
    pub effects: Option<String>,
    pub rows: Vec<IndicatorRowView>,
}

/// A column's heading: as the sheet prints it, or the standard one; under it, the date point
/// and the note every value of the column shares (then left out of the cells).
#[derive(Debug, Serialize)]
pub struct ColumnHead {
    pub printed: Option<Text>,
    pub standard: String,
    pub date: Option<String>,
    pub note: Option<Text>,
}

#[derive(Serialize)]
pub struct IndicatorRowView {
    /// The row's element id (`s4-row-1`), which comparisons link to.
    pub anchor: String,
    pub indicator: String,
    pub label: Text,
    pub baseline: Option<Cell>,
    pub target: Option<Cell>,
    pub actual: Option<Cell>,
    pub effects: Option<List<Line>>,
}

/// A value with the lines under it: its own dates, then its note.
#[derive(Debug, Serialize)]
pub struct Cell {
    pub value: Amount,
    pub dates: Vec<String>,
    pub note: Option<Text>,
}

/// A value with its unit, and the whole it is part of ("39 / 43").
#[derive(Debug, Serialize)]
pub struct Amount {
    pub number: Number,
    pub unit: String,
    pub of: Option<String>,
}

pub fn view(site: &Site, ui: Ui, record: &Record, s: &StatusSheet) -> StatusSheetView {
    let lang = ui.lang;
    StatusSheetView {
        kind_name: ui.kind_name(record.kind),
        region: site.region_ref(&s.region, lang),
        title: s.title.clone(),
        cover: cover(site, s),
        fiscal_year: s.fiscal_year.as_ref().map(|d| date(d, lang)),
        intro: s.intro.clone(),
        basic: basic(ui, s),
        overview: overview(ui, s),
        history: history(site, ui, s),
        results: results(site, ui, s),
        strengths: strengths(site, ui, s),
        schedule: schedule(ui, s),
        foot: Foot {
            source: s.source.clone(),
            source_file: record.file.clone(),
        },
    }
}

/// The headline, or else the region's slogan.
fn cover(site: &Site, s: &StatusSheet) -> Option<Text> {
    s.catchphrase.clone().or_else(|| {
        let region: &str = &s.region;
        site.regions.get(region).and_then(|r| r.slogan.clone())
    })
}

fn basic(ui: Ui, s: &StatusSheet) -> BasicView {
    let lang = ui.lang;
    let heading = match &s.basic.heading {
        Some(h) => ui.fill("sheet_s1_as_printed", h.get(lang).text),
        None => ui.get("sheet_s1").to_owned(),
    };
    let groups = s.basic.groups.iter().map(|g| GroupView {
        heading: g
            .heading
            .as_ref()
            .map(|h| decorated(h, &s.marks.group_headings, lang)),
        items: List::items(lang, &[Some(&s.marks.initiatives), None], &g.items),
    });
    BasicView {
        heading,
        groups: groups.collect(),
    }
}

/// `text` in `decoration` (`【{}】`), on Japanese pages; `{}` alone decorates nothing.
fn decorated(text: &Text, decoration: &str, lang: Lang) -> Decorated {
    let shown = lang == Lang::Ja && decoration != "{}";
    let mut parts = decoration
        .split("{}")
        .map(|p| (shown && !p.is_empty()).then(|| p.to_owned()));
    Decorated {
        before: parts.next().flatten(),
        text: text.clone(),
        after: parts.next().flatten(),
    }
}

fn overview(ui: Ui, s: &StatusSheet) -> OverviewView {
    let lang = ui.lang;
    let o = &s.overview;
    let marks: Vec<Option<&str>> = s.marks.overview.iter().map(|m| Some(m.as_str())).collect();
    let roles = o.roles.iter().map(|r| OrgView {
        name: r.name.clone(),
        shared_with: r.shared_with.iter().map(|w| w.name.clone()).collect(),
        items: (!r.items.is_empty()).then(|| List::texts(lang, Some(&s.marks.roles), &r.items)),
    });
    OverviewView {
        heading: ui.get("sheet_s2").to_owned(),
        period: o.period.as_ref().map(|d| date_as_written(d, lang)),
        text: o.text.clone(),
        points: (!o.points.is_empty()).then(|| List::items(lang, &marks, &o.points)),
        roles: roles.collect(),
        links: o.links.clone(),
    }
}

fn history(site: &Site, ui: Ui, s: &StatusSheet) -> HistoryView {
    let h = &s.history;
    HistoryView {
        heading: ui.get("sheet_s3").to_owned(),
        notes: h.notes.clone(),
        programmes: (!h.programmes.is_empty()).then(|| ProgrammesView {
            axis: h.axis.iter().map(|a| axis_heading(ui.lang, a)).collect(),
            rows: h
                .programmes
                .iter()
                .map(|p| programme(ui.lang, p, &h.axis))
                .collect(),
        }),
        groups: h
            .groups
            .iter()
            .map(|g| history_group(site, ui, g))
            .collect(),
    }
}

fn axis_heading(lang: Lang, a: &AxisYear) -> AxisHeading {
    match lang {
        Lang::Ja => AxisHeading {
            text: a.label.to_string(),
            title: Some(date(&a.year, lang)),
        },
        Lang::En => AxisHeading {
            text: date(&a.year, lang),
            title: None,
        },
    }
}

/// A programme's row: a bar over the axis's years that its period covers.
fn programme(lang: Lang, p: &Programme, axis: &[AxisYear]) -> ProgrammeRow {
    let (bars, unplaced) = match (axis.is_empty(), fiscal_span(&p.period)) {
        (true, _) => (Vec::new(), None),
        (false, Ok((from, to))) => {
            let bars = axis.iter().map(|a| Bar {
                on: a.year.fiscal_year().is_some_and(|y| from <= y && y <= to),
            });
            (bars.collect(), None)
        }
        (false, Err(_)) => (Vec::new(), Some(axis.len())),
    };
    ProgrammeRow {
        name: p.name.clone(),
        note: p.note.clone(),
        period: date_as_written(&p.period, lang),
        bars,
        unplaced,
    }
}

fn history_group(site: &Site, ui: Ui, g: &HistoryGroup) -> HistoryGroupView {
    let has_lines = !g.counts.is_empty() || !g.events.is_empty();
    HistoryGroupView {
        heading: g.heading.clone(),
        intro: g.intro.clone(),
        timeline: has_lines.then(|| Timeline {
            bare: ui.lang == Lang::Ja,
            counts: g.counts.iter().map(|c| count(site, ui, c)).collect(),
            events: g.events.iter().map(|e| event(site, ui, e)).collect(),
        }),
    }
}

fn count(site: &Site, ui: Ui, c: &Count) -> CountView {
    let lang = ui.lang;
    let regions = region_refs(site, lang, &c.areas);
    let linked = c
        .areas_label
        .as_ref()
        .and_then(|label| linked_names(label, &regions, lang));
    let places = match (&c.areas_label, &linked) {
        (Some(_), None) => Places::new(ui, regions.clone()),
        _ => None,
    };
    let areas = (c.areas_label.is_some() || !regions.is_empty()).then(|| Areas {
        linked,
        label: c.areas_label.clone(),
        regions,
    });
    let def = indicator(site, &c.indicator);
    let unit = match def.map(|d| d.unit) {
        Some(Unit::People) => ui.get("unit_people").to_owned(),
        _ => String::new(),
    };
    CountView {
        period: date_as_written(&c.period, lang),
        areas,
        worded: c.wording.as_ref().map(|w| worded(w, *c.value, lang)),
        name: def.map(|d| d.name.clone()),
        number: number(*c.value),
        unit,
        of_which: c
            .of_which
            .iter()
            .map(|p| worded(&p.wording, *p.value, lang))
            .collect(),
        places,
        note: c.note.clone(),
    }
}

fn event(site: &Site, ui: Ui, e: &Event) -> EventView {
    let lang = ui.lang;
    let regions = region_refs(site, lang, &e.areas);
    let linked = e
        .areas_in_text
        .then(|| linked_names(&e.text, &regions, lang))
        .flatten();
    let in_place = e.areas_in_text.then(|| match lang {
        Lang::Ja => Bracket {
            open: ui.get("paren_open").to_owned(),
            close: ui.get("paren_close").to_owned(),
        },
        Lang::En => Bracket {
            open: ui.get("count_sep").to_owned(),
            close: String::new(),
        },
    });
    let (areas, places) = match (e.areas_in_text, &linked) {
        (false, _) => (regions, None),
        (true, None) => (Vec::new(), Places::new(ui, regions)),
        (true, Some(_)) => (Vec::new(), None),
    };
    EventView {
        period: date_as_written(&e.period, lang),
        areas,
        in_place,
        text: e.text.clone(),
        linked,
        places,
    }
}

fn region_refs<S: std::ops::Deref<Target = str>>(
    site: &Site,
    lang: Lang,
    ids: &[S],
) -> Vec<RegionRef> {
    ids.iter().map(|id| site.region_ref(id, lang)).collect()
}

/// `text` in the page's language with each region linked where it names it; `None` when the
/// text is not translated, or does not name every region.
fn linked_names(text: &Text, regions: &[RegionRef], lang: Lang) -> Option<String> {
    let text = match lang {
        Lang::Ja => Some(text.ja.as_str()),
        Lang::En => text.en.as_deref(),
    }
    .filter(|t| !t.trim().is_empty())?;
    let mut targets = Vec::with_capacity(regions.len());
    for r in regions {
        // A region's name in this language, which a region not translated lacks.
        let name = match lang {
            Lang::Ja => Some(r.name.ja.as_str()),
            Lang::En => r.name.en.as_deref(),
        }?;
        targets.push((name, r.url.as_str()));
    }
    link_names(text, &targets)
}

/// `wording` (with `{}` where the number goes) around `value`, split as the theme prints the
/// wording: escaped, and on an English page without a translation the Japanese in a
/// `lang="ja"` span with the "not yet translated" mark after it.
fn worded(wording: &Text, value: f64, lang: Lang) -> Worded {
    let html = html::inline(wording.get(lang));
    let mut parts = html.split("{}");
    Worded {
        before: parts.next().unwrap_or_default().to_owned(),
        number: number(value),
        after: parts.next().unwrap_or_default().to_owned(),
    }
}

fn number(v: f64) -> Number {
    Number {
        raw: v.to_string(),
        shown: crate::model::number::grouped(v),
    }
}

fn indicator<'a>(site: &Site<'a>, id: &str) -> Option<&'a IndicatorDef> {
    let entries = &site.corpus.vocab.indicators.entries;
    entries.iter().find(|d| &*d.id == id)
}

fn results(site: &Site, ui: Ui, s: &StatusSheet) -> ResultsView {
    let lang = ui.lang;
    let r = &s.results;
    let caption = ui.get("sheet_s4");
    let table = Table {
        caption,
        effects_label: ui.get("effects"),
        mark: &s.marks.effects,
        columns: &r.columns,
        source: SourceTable::Results,
    };
    ResultsView {
        heading: caption.to_owned(),
        period: r
            .period
            .as_ref()
            .map(|d| ui.fill("results_until", &date_as_written(d, lang))),
        table: (!r.indicators.is_empty()).then(|| indicator_table(site, ui, &table, &r.indicators)),
        effects: (!r.effects.is_empty())
            .then(|| List::texts(lang, Some(&s.marks.effects), &r.effects)),
    }
}

fn strengths(site: &Site, ui: Ui, s: &StatusSheet) -> StrengthsView {
    let lang = ui.lang;
    let st = &s.strengths;
    let caption = ui.get("sheet_s5");
    let table = Table {
        caption,
        effects_label: ui.get("expected_effects"),
        mark: &s.marks.expected_effects,
        columns: &st.columns,
        source: SourceTable::Strengths,
    };
    // Strengths are paragraphs: marked only by a mark that prints something.
    let mark = Some(s.marks.strengths.as_str()).filter(|m| !m.is_empty());
    StrengthsView {
        heading: caption.to_owned(),
        strengths: (!st.strengths.is_empty())
            .then(|| List::new(lang, mark, st.strengths.iter().cloned())),
        table: (!st.indicators.is_empty())
            .then(|| indicator_table(site, ui, &table, &st.indicators)),
        effects: (!st.effects.is_empty())
            .then(|| List::texts(lang, Some(&s.marks.expected_effects), &st.effects)),
        issues: st.issues.iter().map(|i| issue(site, lang, s, i)).collect(),
    }
}

/// A row of the issues table: roles under the sheet's labels, or else the actors' names.
fn issue(site: &Site, lang: Lang, s: &StatusSheet, i: &IssueRow) -> IssueView {
    let roles = i.roles.iter().map(|r| RoleView {
        label: r
            .label
            .clone()
            .unwrap_or_else(|| site.term_name(TermList::Actors, &r.actor)),
        text: r.text.clone(),
    });
    IssueView {
        issue: i.issue.clone(),
        policies: List::texts(lang, Some(&s.marks.policies), &i.policies),
        roles: roles.collect(),
        themes: i.themes.iter().map(|t| theme_link(site, lang, t)).collect(),
    }
}

fn theme_link(site: &Site, lang: Lang, id: &str) -> TagLink {
    TagLink {
        name: site.term_name(TermList::Themes, id),
        url: site.routes.url(lang, Route::Term(TermList::Themes, id)),
    }
}

fn schedule(ui: Ui, s: &StatusSheet) -> ScheduleView {
    let lang = ui.lang;
    let sc = &s.schedule;
    let goals_heading = match &sc.fiscal_year {
        Some(fy) => ui.fill("goals_of", &date_as_written(fy, lang)),
        None => ui.get("goals").to_owned(),
    };
    let rows = sc.rows.iter().map(|r| ScheduleRowView {
        period: date_as_written(&r.period, lang),
        item: r.item.clone(),
        content: List::texts(lang, Some(&s.marks.schedule_content), &r.content),
    });
    ScheduleView {
        heading: ui.get("sheet_s6").to_owned(),
        goals: (!sc.goals.is_empty()).then(|| Goals {
            heading: goals_heading,
            list: List::texts(lang, Some(&s.marks.goals), &sc.goals).ordered(),
        }),
        rows: (!sc.rows.is_empty()).then(|| List::new(lang, Some(&s.marks.schedule_items), rows)),
    }
}

/// What an indicator table is made with besides its rows.
struct Table<'a> {
    caption: &'a str,
    /// The effects column's heading.
    effects_label: &'a str,
    /// The mark of the effects lists.
    mark: &'a str,
    /// Headings as the sheet prints them.
    columns: &'a Columns,
    /// Which of the sheet's tables it is, for its rows' anchors.
    source: SourceTable,
}

/// The table: a column for each of baseline, target and actual that a row has. What every
/// value of a column shares (its date point, its note) is printed once, under the column's
/// heading, and left out of the cells; a heading the sheet prints stands in for a shared
/// note, since such notes are remarks on the heading.
fn indicator_table(site: &Site, ui: Ui, t: &Table, rows: &[IndicatorRow]) -> IndicatorTable {
    let columns = TableColumns::new(rows);
    let has_effects = rows.iter().any(|r| !r.effects.is_empty());
    IndicatorTable {
        caption: t.caption.to_owned(),
        baseline: columns.baseline.head(ui, &t.columns.baseline, "baseline"),
        target: columns.target.head(ui, &t.columns.target),
        actual: columns.actual.head(ui, &t.columns.actual, "actual"),
        effects: has_effects.then(|| t.effects_label.to_owned()),
        rows: rows
            .iter()
            .enumerate()
            .map(|(index, r)| {
                let mut row = indicator_row(site, ui, &columns, t.mark, r);
                row.anchor = SourceRow {
                    table: t.source,
                    index,
                }
                .anchor();
                row
            })
            .collect(),
    }
}

/// A table's three value columns, which decide what each cell prints.
struct TableColumns<'a> {
    baseline: ValueColumn<'a>,
    target: TargetColumn<'a>,
    actual: ValueColumn<'a>,
}

impl<'a> TableColumns<'a> {
    fn new(rows: &'a [IndicatorRow]) -> TableColumns<'a> {
        let baselines: Vec<&Value> = rows.iter().filter_map(|r| r.baseline.as_deref()).collect();
        let targets: Vec<&Target> = rows.iter().filter_map(|r| r.target.as_deref()).collect();
        let actuals: Vec<&Value> = rows.iter().filter_map(|r| r.actual.as_deref()).collect();
        TableColumns {
            baseline: ValueColumn::new(&baselines),
            target: TargetColumn::new(&targets),
            actual: ValueColumn::new(&actuals),
        }
    }
}

/// A row: its label (as the sheet writes it, or the indicator's name), its cells, and its
/// effects under `mark`.
fn indicator_row(
    site: &Site,
    ui: Ui,
    columns: &TableColumns,
    mark: &str,
    r: &IndicatorRow,
) -> IndicatorRowView {
    let id: &str = &r.indicator;
    let def = indicator(site, id);
    let unit = unit(ui, def);
    let name = || def.map_or_else(|| Text::new(id, id), |d| d.name.clone());
    IndicatorRowView {
        anchor: String::new(),
        indicator: id.to_owned(),
        label: r.label.clone().unwrap_or_else(name),
        baseline: r
            .baseline
            .as_ref()
            .map(|v| columns.baseline.cell(ui, v, &unit)),
        target: r.target.as_ref().map(|v| columns.target.cell(ui, v, &unit)),
        actual: r.actual.as_ref().map(|v| columns.actual.cell(ui, v, &unit)),
        effects: (!r.effects.is_empty()).then(|| List::texts(ui.lang, Some(mark), &r.effects)),
    }
}

/// What a value's unit prints after it.
fn unit(ui: Ui, def: Option<&IndicatorDef>) -> String {
    match def.map(|d| d.unit) {
        Some(Unit::Percent) => "%".to_owned(),
        Some(Unit::People) => ui.get("unit_people").to_owned(),
        _ => String::new(),
    }
}

fn amount(value: f64, of: Option<f64>, unit: &str) -> Amount {
    Amount {
        number: number(value),
        unit: unit.to_owned(),
        // A whole of 0 is no whole.
        of: of
            .filter(|o| *o != 0.0 && !o.is_nan())
            .map(crate::model::number::grouped),
    }
}

/// The item every one of `items` has a key for and all agree on, compared without regard to
/// case; `None` when one lacks it or two differ.
fn common<'a, T>(items: &[&'a T], key: impl Fn(&'a T) -> Option<String>) -> Option<&'a T> {
    let (first, rest) = items.split_first()?;
    let first_key = key(first)?.to_lowercase();
    rest.iter()
        .all(|i| key(i).is_some_and(|k| k.to_lowercase() == first_key))
        .then_some(*first)
}

/// A date as the sheet writes it, as the key values of a column are compared by.
fn date_key(d: &Dated) -> String {
    d.written().map_or_else(|| d.canonical(), str::to_owned)
}

/// Whether a date as written says itself that it is a date point (`R1.6月時点`, `…現在`).
fn says_as_of(written: &str) -> bool {
    written.ends_with("時点") || written.ends_with("現在")
}

/// A baseline or actual column: the date point and the note all its values share.
struct ValueColumn<'a> {
    present: bool,
    as_of: Option<&'a Dated>,
    note: Option<&'a Text>,
}

impl<'a> ValueColumn<'a> {
    fn new(values: &[&'a Value]) -> ValueColumn<'a> {
        let as_of =
            common(values, |v| v.as_of.as_ref().map(date_key)).and_then(|v| v.as_of.as_ref());
        let note = common(values, |v| {
            v.note
                .as_ref()
                .map(|n| n.ja.clone())
                .filter(|n| !n.is_empty())
        })
        .and_then(|v| v.note.as_ref());
        ValueColumn {
            present: !values.is_empty(),
            as_of,
            note,
        }
    }

    fn head(&self, ui: Ui, printed: &Option<Text>, standard: &str) -> Option<ColumnHead> {
        let stated = self
            .as_of
            .filter(|d| !matches!(***d, When::Open(Open::NotStated)));
        self.present.then(|| ColumnHead {
            printed: printed.clone(),
            standard: ui.get(standard).to_owned(),
            date: stated.map(|d| column_date(ui, d)),
            note: self.note.filter(|_| printed.is_none()).cloned(),
        })
    }

    fn cell(&self, ui: Ui, v: &Value, unit: &str) -> Cell {
        let own_date = v.as_of.as_ref().filter(|_| self.as_of.is_none());
        Cell {
            value: amount(*v.value, v.of.as_deref().copied(), unit),
            dates: own_date.map(|d| cell_date(ui, d)).into_iter().collect(),
            note: v.note.clone().filter(|_| self.note.is_none()),
        }
    }
}

/// The target column: the deadline or the point of setting all targets share.
struct TargetColumn<'a> {
    present: bool,
    deadline: Option<&'a Dated>,
    set_at: Option<&'a Dated>,
}

impl<'a> TargetColumn<'a> {
    fn new(targets: &[&'a Target]) -> TargetColumn<'a> {
        let deadline = common(targets, |t| t.deadline.as_ref().map(date_key));
        let set_at = common(targets, |t| t.set_at.as_ref().map(date_key));
        TargetColumn {
            present: !targets.is_empty(),
            deadline: deadline.and_then(|t| t.deadline.as_ref()),
            set_at: set_at.and_then(|t| t.set_at.as_ref()),
        }
    }

    /// The standard heading shows the shared deadline, or else the shared point of setting.
    fn head(&self, ui: Ui, printed: &Option<Text>) -> Option<ColumnHead> {
        let shown = printed
            .is_none()
            .then_some(self.deadline.or(self.set_at))
            .flatten();
        self.present.then(|| ColumnHead {
            printed: printed.clone(),
            standard: ui.get("target").to_owned(),
            date: shown.map(|d| {
                format!(
                    "{}{}{}",
                    ui.get("paren_open").trim(),
                    date_as_written(d, ui.lang),
                    ui.get("paren_close")
                )
            }),
            note: None,
        })
    }

    /// A target's own deadline, and its point of setting unless the heading shows it.
    fn cell(&self, ui: Ui, t: &Target, unit: &str) -> Cell {
        let lang = ui.lang;
        let deadline = t.deadline.as_ref().filter(|_| self.deadline.is_none());
        let set_at = t
            .set_at
            .as_ref()
            .filter(|_| self.deadline.is_some() || self.set_at.is_none());
        let dates = [(deadline, "deadline"), (set_at, "set_at")]
            .into_iter()
            .filter_map(|(d, key)| {
                d.map(|d| format!("{}: {}", ui.get(key), date_as_written(d, lang)))
            });
        Cell {
            value: amount(*t.value, t.of.as_deref().copied(), unit),
            dates: dates.collect(),
            note: t.note.clone(),
        }
    }
}

/// A column's date point under its heading: as the sheet writes it on Japanese pages, in
/// brackets unless it says 時点 itself (「（R２年度6月末）」, 「R1.6月時点」); else
/// 「（令和2年6月末時点）」 / "(as of June 2020)".
fn column_date(ui: Ui, d: &Dated) -> String {
    let written = date_as_written(d, ui.lang);
    let shown = date(d, ui.lang);
    if written == shown {
        ui.fill("as_of_paren", &shown).trim().to_owned()
    } else if says_as_of(&written) {
        written
    } else {
        format!(
            "{}{written}{}",
            ui.get("paren_open").trim(),
            ui.get("paren_close").trim()
        )
    }
}

/// A value's own date point, in its cell: 「時点: 令和元年6月」, or as written when the
/// written text says so itself (「R1.6月時点」).
fn cell_date(ui: Ui, d: &Dated) -> String {
    let written = date_as_written(d, ui.lang);
    if says_as_of(&written) {
        written
    } else {
        format!("{}: {written}", ui.get("as_of"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;
    use crate::site::Strings;
    use crate::testutil::corpus;

    /// The view of one of the bundled sheets, with the theme's real strings.
    fn sheet(id: &str, lang: Lang) -> StatusSheetView {
        let corpus = corpus();
        let site = Site::new(corpus);
        let strings = Strings::load(&corpus.config.theme_dir()).expect("the theme's strings");
        let record = corpus
            .records
            .iter()
            .find(|r| r.id == id)
            .expect("the sheet");
        let Body::StatusSheet(s) = &record.body else {
            panic!("a status sheet")
        };
        view(&site, strings.ui(lang), record, s)
    }

    fn table(t: &Option<IndicatorTable>) -> &IndicatorTable {
        t.as_ref().expect("an indicator table")
    }

    fn column(h: &Option<ColumnHead>) -> &ColumnHead {
        h.as_ref().expect("a column")
    }

    fn cell(c: &Option<Cell>) -> &Cell {
        c.as_ref().expect("a value")
    }

    #[test]
    fn a_date_point_every_value_shares_is_printed_once_under_the_column_heading() {
        let ja = sheet("kumamoto-pref-sheet", Lang::Ja);
        let t = table(&ja.results.table);
        // 実績値（令和２年度末） as printed, the values' R1.6月時点 under it, bare since it says
        // 時点 itself; the shared note is a remark on that heading, which stands in for it.
        let actual = column(&t.actual);
        assert_eq!(
            actual.printed.as_ref().map(|p| p.ja.as_str()),
            Some("実績値（令和２年度末）")
        );
        assert_eq!(actual.date.as_deref(), Some("R1.6月時点"));
        assert_eq!(actual.note, None);
        // 目標値 with the common point of setting in brackets, as written.
        let target = column(&t.target);
        assert_eq!(
            (target.printed.as_ref(), target.standard.as_str()),
            (None, "目標値")
        );
        assert_eq!(target.date.as_deref(), Some("（令和２年度当初）"));
        assert!(t.baseline.is_none(), "no row has a baseline");
        for row in &t.rows {
            let (a, tg) = (cell(&row.actual), cell(&row.target));
            assert!(a.dates.is_empty() && a.note.is_none(), "{}", row.indicator);
            assert!(tg.dates.is_empty(), "{}", row.indicator);
        }
        assert_eq!(
            t.rows[1].actual.as_ref().map(|c| &c.value.unit),
            Some(&"%".to_owned())
        );
        let en = sheet("kumamoto-pref-sheet", Lang::En);
        let t = table(&en.results.table);
        assert_eq!(column(&t.actual).date.as_deref(), Some("(as of June 2019)"));
        assert_eq!(column(&t.target).date.as_deref(), Some("(start of FY2020)"));
    }

    #[test]
    fn a_column_whose_values_differ_keeps_their_own_dates_in_the_cells() {
        let ja = sheet("kagoshima-pref-sheet", Lang::Ja);
        let t = table(&ja.results.table);
        // Both targets were set at R２年度当初; only row ② has a deadline.
        assert_eq!(column(&t.target).date.as_deref(), Some("（R２年度当初）"));
        assert!(cell(&t.rows[0].target).dates.is_empty());
        assert_eq!(cell(&t.rows[1].target).dates, ["期限: 令和２年度末"]);
        // The actuals share R２年度6月末, written without 時点: bracketed as written.
        assert_eq!(column(&t.actual).date.as_deref(), Some("（R２年度6月末）"));
        let forums = cell(&t.rows[1].actual);
        assert_eq!(forums.value.number.shown, "39");
        assert_eq!(forums.value.of.as_deref(), Some("43"));
        let en = sheet("kagoshima-pref-sheet", Lang::En);
        let t = table(&en.results.table);
        assert_eq!(cell(&t.rows[1].target).dates, ["by: end of FY2020"]);
        assert_eq!(
            column(&t.actual).date.as_deref(),
            Some("(as of end of June 2020)")
        );
    }

    #[test]
    fn kagoshima_headings_stand_as_printed_and_a_point_not_stated_prints_nowhere() {
        let ja = sheet("kagoshima-pref-sheet", Lang::Ja);
        let t = table(&ja.strengths.table);
        let baseline = column(&t.baseline);
        assert_eq!(
            baseline.printed.as_ref().map(|p| p.ja.as_str()),
            Some("現状値（今年度当初）")
        );
        // Every value is `not-stated` with the same note: neither shows, under the printed
        // heading or in a cell.
        assert_eq!(
            (baseline.date.as_ref(), baseline.note.as_ref()),
            (None, None)
        );
        assert!(t.rows.iter().all(|r| {
            let c = cell(&r.baseline);
            c.dates.is_empty() && c.note.is_none()
        }));
        let target = column(&t.target);
        assert_eq!(
            (target.printed.as_ref(), target.standard.as_str()),
            (None, "目標値")
        );
        assert_eq!(target.date.as_deref(), Some("（令和2年度末）"));
        assert_eq!(t.effects.as_deref(), Some("見込んでいる成果・効果"));
        assert!(t.rows[0].effects.is_none() && t.rows[1].effects.is_some());
    }

    #[test]
    fn programme_bars_cover_the_fiscal_years_of_their_period() {
        let ja = sheet("kumamoto-pref-sheet", Lang::Ja);
        let p = ja.history.programmes.as_ref().expect("programmes");
        let labels: Vec<&str> = p.axis.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(labels[7], "R1(2019)");
        assert_eq!(p.axis[7].title.as_deref(), Some("令和元年度"));
        let on = |row: &ProgrammeRow| row.bars.iter().map(|b| b.on).collect::<Vec<_>>();
        // 措置入院者の退院後支援, H30～R3: the last four of H24 … R3.
        let first = &p.rows[0];
        assert_eq!(first.period, "H30～R3");
        assert_eq!(
            on(first),
            [false, false, false, false, false, false, true, true, true, true]
        );
        // 精神障がい者地域移行支援事業, H25～R2.
        let last = p.rows.last().expect("a row");
        assert_eq!(
            on(last),
            [false, true, true, true, true, true, true, true, true, false]
        );
        // A period the sheet does not state spans the axis with one empty cell.
        assert_eq!((p.rows[1].bars.len(), p.rows[1].unplaced), (0, Some(10)));
        assert_eq!(p.rows[1].period, "期間の記載なし");
        let en = sheet("kumamoto-pref-sheet", Lang::En);
        let p = en.history.programmes.as_ref().expect("programmes");
        assert_eq!(
            (p.axis[7].text.as_str(), p.axis[7].title.as_ref()),
            ("FY2019", None)
        );
        assert_eq!(p.rows[0].period, "FY2018 – FY2021");
    }

    /// Issue #13: the template read the bars off the canonical text, so the end of a fiscal
    /// year (`FY2020-end`) or a range of months inside one drew no bar.
    #[test]
    fn a_period_inside_a_fiscal_year_draws_that_year() {
        let axis: Vec<AxisYear> = ["H31", "R2", "R3"]
            .iter()
            .map(|y| AxisYear {
                year: serde_json::from_value(serde_json::json!(y)).expect("a year"),
                label: (*y).to_owned().into(),
            })
            .collect();
        for (period, bars) in [
            ("R2年度末", [false, true, false]),
            ("R2年度1～3月", [false, true, false]),
            ("H31～R3年度当初", [true, true, true]),
        ] {
            let p = Programme {
                name: Text::new("事業", "Programme"),
                period: serde_json::from_value(serde_json::json!(period)).expect("a period"),
                note: None,
            };
            let row = programme(Lang::Ja, &p, &axis);
            let on: Vec<bool> = row.bars.iter().map(|b| b.on).collect();
            assert_eq!((on.as_slice(), row.unplaced), (&bars[..], None), "{period}");
        }
    }

    #[test]
    fn a_count_is_worded_around_its_number() {
        let ja = sheet("kagoshima-pref-sheet", Lang::Ja);
        let trained = &ja.history.groups[2]
            .timeline
            .as_ref()
            .expect("lines")
            .counts[0];
        assert_eq!(trained.period, "平成29年度");
        let w = trained.worded.as_ref().expect("a wording");
        assert_eq!(
            (w.before.as_str(), w.number.raw.as_str(), w.after.as_str()),
            ("", "20", "名")
        );
        let part = &trained.of_which[0];
        assert_eq!(
            (part.before.as_str(), part.after.as_str()),
            ("うち，", "名を相談支援事業所で活用")
        );
        let en = sheet("kagoshima-pref-sheet", Lang::En);
        let talks = &en.history.groups[3]
            .timeline
            .as_ref()
            .expect("lines")
            .counts[0];
        let w = talks.worded.as_ref().expect("a wording");
        assert_eq!(w.before, "");
        assert_eq!(
            w.number,
            Number {
                raw: "22".into(),
                shown: "22".into()
            }
        );
        assert_eq!(
            w.after,
            " talks about lived experience at psychiatric hospitals and elsewhere"
        );
    }

    #[test]
    fn a_wording_not_yet_translated_is_marked_as_a_whole() {
        let w = worded(
            &Text {
                ja: "うち，{}名".into(),
                en: None,
            },
            1234.0,
            Lang::En,
        );
        assert_eq!(w.before, "<span lang=\"ja\">うち，");
        assert_eq!(
            w.number,
            Number {
                raw: "1234".into(),
                shown: "1,234".into()
            }
        );
        assert_eq!(
            w.after,
            format!(
                "名</span> <small class=\"untranslated\">{}</small>",
                crate::render::html::UNTRANSLATED
            )
        );
        let escaped = worded(&Text::new("<{}>", "<{}>"), 1.0, Lang::En);
        assert_eq!(
            (escaped.before.as_str(), escaped.after.as_str()),
            ("&lt;", "&gt;")
        );
    }

    #[test]
    fn areas_are_linked_where_the_text_names_them_and_listed_otherwise() {
        let ja = sheet("kagoshima-pref-sheet", Lang::Ja);
        let deployed = ja.history.groups[3].timeline.as_ref().expect("lines");
        // 南薩・北薩・大隅圏域: each area linked inside the label.
        let three = deployed.counts[2].areas.as_ref().expect("areas");
        let linked = three.linked.as_deref().expect("linked");
        assert!(
            linked.starts_with("<a href=\"/ja/regions/nansatsu-area/\">南薩</a>・"),
            "{linked}"
        );
        assert!(deployed.counts[2].places.is_none());
        // One area without a label: its own name, linked.
        let one = deployed.counts[0].areas.as_ref().expect("areas");
        assert_eq!((one.linked.as_ref(), one.label.as_ref()), (None, None));
        assert_eq!(one.regions[0].id, "aira-isa-area");
        // The event's text stands in the areas' place, each area linked where it names it.
        let event = &deployed.events[0];
        let bracket = event.in_place.as_ref().expect("in place");
        assert_eq!(
            (bracket.open.as_str(), bracket.close.as_str()),
            ("（", "）")
        );
        let linked = event.linked.as_deref().expect("linked");
        assert_eq!(linked.matches("<a href=").count(), 4, "{linked}");
        assert!(linked.ends_with("徳之島</a>で活用"), "{linked}");
        assert!(event.areas.is_empty() && event.places.is_none());
        let en = sheet("kagoshima-pref-sheet", Lang::En);
        let event = &en.history.groups[3]
            .timeline
            .as_ref()
            .expect("lines")
            .events[0];
        let bracket = event.in_place.as_ref().expect("in place");
        assert_eq!((bracket.open.as_str(), bracket.close.as_str()), (": ", ""));
        assert!(event
            .linked
            .as_deref()
            .is_some_and(|l| l
                .starts_with("Deployed in <a href=\"/en/regions/aira-isa-area/\">Aira-Isa</a>")));
    }

    #[test]
    fn a_label_that_does_not_name_its_areas_lists_them_after_the_line() {
        let corpus = corpus();
        let site = Site::new(corpus);
        let strings = Strings::load(&corpus.config.theme_dir()).expect("the theme's strings");
        let c = Count {
            indicator: "peer-supporters-trained".into(),
            period: serde_json::from_value(serde_json::json!("H30")).expect("a year"),
            areas: vec!["aira-isa-area".into()],
            areas_label: Some(Text::new("県北部", "the north")),
            value: 1200.0.into(),
            wording: None,
            of_which: vec![],
            note: None,
        };
        let v = count(&site, strings.ui(Lang::Ja), &c);
        let areas = v.areas.as_ref().expect("areas");
        assert_eq!(areas.linked, None);
        assert_eq!(areas.label.as_ref().map(|l| l.ja.as_str()), Some("県北部"));
        let places = v.places.as_ref().expect("places");
        assert_eq!(places.regions.len(), 1);
        assert_eq!(places.regions[0].url, "/ja/regions/aira-isa-area/");
        assert_eq!(places.open, "（関係する地域：");
        // Without a wording: the indicator's name, the number and its unit.
        assert!(v.worded.is_none() && v.name.is_some());
        assert_eq!((v.number.shown.as_str(), v.unit.as_str()), ("1,200", "人"));
    }

    #[test]
    fn marks_are_the_sheets_on_japanese_pages_only() {
        let ja = sheet("kumamoto-pref-sheet", Lang::Ja);
        let group = &ja.basic.groups[0];
        let heading = group.heading.as_ref().expect("a heading");
        assert_eq!(
            (heading.before.as_deref(), heading.after.as_deref()),
            (Some("【"), Some("】"))
        );
        assert_eq!(group.items.items[0].mark.as_deref(), Some("・"));
        // The overview's levels: 〇, then the bare （１） level, then ・.
        let points = ja.overview.points.as_ref().expect("points");
        let sub = points.items[0].item.sub.as_ref().expect("sub-points");
        let subsub = sub.items[0].item.sub.as_ref().expect("sub-sub-points");
        assert_eq!(points.items[0].mark.as_deref(), Some("〇"));
        assert!(sub.bare && sub.items[0].mark.is_none());
        assert_eq!(subsub.items[0].mark.as_deref(), Some("・"));
        let goals = ja.schedule.goals.as_ref().expect("goals");
        assert_eq!(goals.heading, "令和３年度の到達目標");
        assert!(goals.list.ordered);
        assert_eq!(goals.list.items[2].mark.as_deref(), Some("3."));
        let rows = ja.schedule.rows.as_ref().expect("rows");
        assert_eq!(rows.items[0].mark.as_deref(), Some("●"));
        assert_eq!(rows.items[0].item.period, "4月～Ｒ4年3月");
        // Kagoshima numbers its one strength.
        let kagoshima = sheet("kagoshima-pref-sheet", Lang::Ja);
        let strengths = kagoshima.strengths.strengths.as_ref().expect("strengths");
        assert_eq!(strengths.items[0].mark.as_deref(), Some("1"));
        let en = sheet("kumamoto-pref-sheet", Lang::En);
        let heading = en.basic.groups[0].heading.as_ref().expect("a heading");
        assert_eq!(
            (heading.before.as_ref(), heading.after.as_ref()),
            (None, None)
        );
        assert!(!en.basic.groups[0].items.marked);
        assert!(en.schedule.rows.as_ref().expect("rows").items[0]
            .mark
            .is_none());
        assert!(!en.overview.points.as_ref().expect("points").marked);
    }

    #[test]
    fn the_cover_headings_and_issues_are_resolved() {
        let kumamoto = sheet("kumamoto-pref-sheet", Lang::Ja);
        // No headline: the region's slogan.
        let cover = kumamoto.cover.as_ref().expect("a cover line");
        assert!(cover.ja.starts_with("フットワーク"), "{}", cover.ja);
        assert_eq!(kumamoto.basic.heading, "１ 県又は政令市の基礎情報");
        assert_eq!(kumamoto.fiscal_year.as_deref(), Some("令和3年度"));
        assert_eq!(
            kumamoto.results.period.as_deref(),
            Some("＜令和２年度までの成果・効果＞")
        );
        let issue = &kumamoto.strengths.issues[0];
        assert_eq!(issue.roles[0].label.ja, "行政側");
        assert_eq!(issue.themes[0].url, "/ja/themes/community-transition/");
        assert_eq!(issue.themes[0].name.ja, "地域移行支援");
        let kagoshima = sheet("kagoshima-pref-sheet", Lang::En);
        let cover = kagoshima.cover.as_ref().expect("a cover line");
        assert!(cover.ja.starts_with("長期入院"), "{}", cover.ja);
        assert_eq!(
            kagoshima.basic.heading,
            "1. Basic facts about the prefecture or designated city"
        );
        assert_eq!(
            kagoshima.overview.period.as_deref(),
            Some("FY2017 – FY2019")
        );
        assert!(kagoshima.schedule.goals.is_none());
        assert_eq!(
            kagoshima.foot.source_file,
            "content/status-sheets/kagoshima-pref-sheet.yaml"
        );
    }

    #[test]
    fn a_shared_value_ignores_case_and_needs_every_item() {
        let (a, b, c) = (
            "R1.6月時点".to_owned(),
            "r1.6月時点".to_owned(),
            "R2".to_owned(),
        );
        let key = |s: &String| Some(s.clone());
        assert_eq!(common(&[&a, &b], key), Some(&a));
        assert_eq!(common(&[&a, &c], key), None);
        assert_eq!(common::<String>(&[], key), None);
        let none = |_: &String| None;
        assert_eq!(common(&[&a], none), None);
    }
}
