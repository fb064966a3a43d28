//! A participation outcome page (`model::outcome`): the results, the work in the support
//! project, the model areas, the discharge table and next year's policy.
//!
//! Everything the page prints is resolved here for its language. Headings are the sheet's own
//! labels or the theme's standard ones. Each line of a list ([`EntryView`]) carries its
//! pieces in the order the page prints them, each with the punctuation around it (the
//! theme's `outcome_*_sep` strings): Japanese pages follow the sheet's order and wording, its
//! dates in the sheet's notation (`H29.8.4`, `H30年2月1日`, `7/20`, [`When::dotted`] and
//! siblings); English pages print the same facts in English.

use std::ops::Deref;

use serde::Serialize;

use super::links::link_names;
use super::{Foot, Line, List, Places, Ui};
use crate::load::Record;
use crate::model::date::Point;
use crate::model::number::grouped;
use crate::model::outcome::{
    Counter, DateNotation, Discharge, Entry, Labels, ModelArea, Pending, Wording, WorkList,
};
use crate::model::spanned::Spanned;
use crate::model::{Dated, Lang, Outcome, Text, When};
use crate::site::{RegionRef, Site, SourceRow, SourceTable};

#[derive(Serialize)]
pub struct OutcomeView {
    pub kind_name: String,
    pub region: RegionRef,
    pub title: Text,
    /// 「平成29年度」 / "FY2017".
    pub fiscal_year: Option<String>,
    pub results: Option<List<Line>>,
    pub work: Option<Work>,
    pub areas: Option<Areas>,
    pub discharge: Option<DischargeTable>,
    pub policy: Option<Policy>,
    pub foot: Foot,
}

/// A heading: the sheet's label or the standard one.
#[derive(Serialize)]
pub struct Heading {
    pub text: Text,
    /// Shown to assistive technology only: the Japanese sheet prints this list without one.
    pub hidden: bool,
}

/// 支援事業での取組: the lists of work in the support project.
#[derive(Serialize)]
pub struct Work {
    pub heading: Text,
    pub trainings: Option<EntryList>,
    pub advisor_support: Option<EntryList>,
    pub activities: Option<EntryList>,
}

/// A list of lines under its heading (none for a list the sheet gives no label).
#[derive(Serialize)]
pub struct EntryList {
    pub heading: Option<Heading>,
    pub entries: List<EntryView>,
}

/// Text and the punctuation the page prints around it.
#[derive(Serialize)]
pub struct Piece<T> {
    pub before: String,
    pub text: T,
    pub after: String,
}

/// One line of a list (`model::outcome::Entry`), as the page prints it.
#[derive(Serialize)]
pub struct EntryView {
    /// The number the sheet puts before the line (①).
    pub label: Option<String>,
    pub date: Option<Day>,
    /// Weekday and time of day (（木）１４:００～).
    pub time: Option<Piece<Text>>,
    /// Between the date and time and what follows them; empty without either.
    pub lead: String,
    pub title: Option<Title>,
    pub description: Option<Piece<Text>>,
    pub venue: Option<Piece<Text>>,
    /// A training's numbered sessions.
    pub parts: Vec<PartView>,
    /// Sessions and attendance, with their punctuation: 「（計2回、参加者延42名）」, 「51名参加」,
    /// ": 5 times in total".
    pub counts: Option<String>,
    /// 「（予定）」 / " (planned)".
    pub planned: Option<String>,
    pub note: Option<Text>,
    /// The places the line is tied to, listed after it when its title does not name them.
    pub places: Option<Places>,
}

/// A line's date as printed; `datetime` is its canonical form when it is a whole day.
#[derive(Serialize)]
pub struct Day {
    pub text: String,
    pub datetime: Option<String>,
}

/// A line's wording; `linked` is its escaped HTML with the places it names linked.
#[derive(Serialize)]
pub struct Title {
    pub text: Text,
    pub linked: Option<String>,
}

/// One numbered session of a training (「①7/20参加者94名」 / "① 20 Jul: 94 participants").
#[derive(Serialize)]
pub struct PartView {
    /// Before the session: 「、」 / "; " between sessions, " — " before the first in English.
    pub before: String,
    pub label: String,
    pub date: Option<Piece<String>>,
    pub attendees: Option<Piece<String>>,
    /// 「予定」 / " (planned)".
    pub planned: Option<String>,
}

/// モデル圏域における具体的な取組.
#[derive(Serialize)]
pub struct Areas {
    pub heading: Text,
    pub areas: Vec<AreaView>,
}

#[derive(Serialize)]
pub struct AreaView {
    /// `area-1` …: the id of the area's heading.
    pub id: String,
    /// The area's heading, when the page names it: when there are several, or the one area is
    /// not the record's own region.
    pub name: Option<RegionName>,
    /// The element of the lists' headings: `h4` under the area's name, else `h3`.
    pub level: &'static str,
    pub forums: Option<EntryList>,
    pub activities: Option<EntryList>,
    pub other: Option<EntryList>,
}

/// A region's name as a heading prints it: linked, and decorated on Japanese pages where the
/// sheet does (「【北部地区】」).
#[derive(Serialize)]
pub struct RegionName {
    pub url: Option<String>,
    pub open: String,
    pub name: Text,
    pub close: String,
}

/// 退院支援の状況: one column per counted area.
#[derive(Serialize)]
pub struct DischargeTable {
    pub heading: Text,
    pub columns: Vec<RegionName>,
    /// Each column's element id (`discharge-1`), which comparisons link to.
    pub anchors: Vec<String>,
    pub supported: Row<SupportedCell>,
    pub discharged: Row<DischargedCell>,
    /// Each column's note, when any column has one.
    pub notes: Option<Vec<Option<Text>>>,
}

#[derive(Serialize)]
pub struct Row<T> {
    pub heading: Text,
    pub cells: Vec<T>,
}

/// A number of people: its value, as printed, and the counter after it (人, 名; none in
/// English).
#[derive(Serialize)]
pub struct Figure {
    pub value: u32,
    pub shown: String,
    pub counter: String,
}

/// 退院支援を実施した者の人数, in one column.
#[derive(Serialize)]
pub struct SupportedCell {
    /// What the figure counts (「地域移行支援の個別給付申請」).
    pub label: Option<Piece<Text>>,
    pub figure: Option<Figure>,
    /// People at an earlier stage (「，申請検討中4名」).
    pub pending: Option<PendingView>,
    /// 「（2月1日現在）」 / " (as of 1 Feb)".
    pub as_of: Option<String>,
    pub note: Option<Text>,
}

#[derive(Serialize)]
pub struct PendingView {
    pub label: Piece<Text>,
    pub figure: Figure,
}

/// そのうち、退院した者の人数, in one column.
#[derive(Serialize)]
pub struct DischargedCell {
    pub figure: Option<Figure>,
    pub note: Option<Piece<Text>>,
}

/// Next year's policy (取組方針).
#[derive(Serialize)]
pub struct Policy {
    /// 「平成30年度 取組方針」 / "FY2018 Policy".
    pub heading: String,
    pub items: List<Line>,
    pub places: Option<Places>,
}

pub fn view(site: &Site, ui: Ui, record: &Record, o: &Outcome) -> OutcomeView {
    let page = Page {
        site,
        ui,
        lang: ui.lang,
        notation: o.date_notation,
        region: &o.region,
    };
    let lang = ui.lang;
    OutcomeView {
        kind_name: ui.kind_name(record.kind),
        region: site.region_ref(&o.region, lang),
        title: o.title.clone(),
        fiscal_year: o.fiscal_year.as_ref().map(|d| d.display(lang)),
        results: (!o.results.is_empty())
            .then(|| List::texts(lang, o.marks.results.as_deref(), &o.results)),
        work: page.work(o),
        areas: page.areas(o),
        discharge: page.discharge(o),
        policy: page.policy(o),
        foot: Foot {
            source: o.source.clone(),
            source_file: record.file.clone(),
        },
    }
}

/// What every part of the page is built with.
struct Page<'a> {
    site: &'a Site<'a>,
    ui: Ui<'a>,
    lang: Lang,
    notation: Option<DateNotation>,
    /// The record's own region.
    region: &'a str,
}

/// A UI string, already in the page's language, as a [`Text`] the `t` filter prints as it is.
fn ui_text(s: &str) -> Text {
    Text::new(s, s)
}

fn figure(value: u32, counter: &str) -> Figure {
    Figure {
        value,
        shown: grouped(f64::from(value)),
        counter: counter.to_owned(),
    }
}

impl Page<'_> {
    /// The sheet's label, or the theme's standard string `key`.
    fn label(&self, custom: Option<&Text>, key: &str) -> Text {
        custom.cloned().unwrap_or_else(|| ui_text(self.ui.get(key)))
    }

    fn work(&self, o: &Outcome) -> Option<Work> {
        let l = &o.labels;
        let headed = |custom: Option<&Text>, key: &str, list: WorkList| Heading {
            text: self.label(custom, key),
            hidden: self.lang == Lang::Ja && l.unheaded.contains(&list),
        };
        let work = Work {
            heading: self.label(l.work.as_ref(), "activities"),
            trainings: self.entry_list(
                &o.trainings,
                o.marks.trainings.as_deref(),
                Some(headed(
                    l.trainings.as_ref(),
                    "trainings",
                    WorkList::Trainings,
                )),
            ),
            advisor_support: self.entry_list(
                &o.advisor_support,
                o.marks.advisor_support.as_deref(),
                Some(headed(
                    l.advisor_support.as_ref(),
                    "advisor_support",
                    WorkList::AdvisorSupport,
                )),
            ),
            // The other work has a heading only where the sheet gives it a label.
            activities: self.entry_list(
                &o.activities,
                o.marks.activities.as_deref(),
                l.activities.as_ref().map(|t| Heading {
                    text: t.clone(),
                    hidden: false,
                }),
            ),
        };
        let any =
            work.trainings.is_some() || work.advisor_support.is_some() || work.activities.is_some();
        any.then_some(work)
    }

    /// `entries` under the list's `mark`; an entry's own mark replaces it on its line.
    fn entry_list(
        &self,
        entries: &[Spanned<Entry>],
        mark: Option<&str>,
        heading: Option<Heading>,
    ) -> Option<EntryList> {
        if entries.is_empty() {
            return None;
        }
        let mut list = List::new(self.lang, mark, entries.iter().map(|e| self.entry(e)));
        for (n, (item, e)) in list.items.iter_mut().zip(entries).enumerate() {
            if let Some(own) = &e.mark {
                item.mark = (self.lang == Lang::Ja && !own.is_empty())
                    .then(|| own.replace("{}", &(n + 1).to_string()));
            }
        }
        Some(EntryList {
            heading,
            entries: list,
        })
    }

    fn entry(&self, e: &Entry) -> EntryView {
        let ui = self.ui;
        let title = e.title.as_ref().map(|t| Title {
            text: t.clone(),
            linked: self.linked(t, &e.places),
        });
        let linked = title.as_ref().is_some_and(|t| t.linked.is_some());
        let has_when = e.date.is_some() || e.time.is_some();
        let lead = match (has_when, e.title.is_some() || e.venue.is_some()) {
            (false, _) => "",
            (true, true) => ui.get("outcome_lead_sep"),
            // Sessions or attendance follow: a plain space in either language.
            (true, false) => " ",
        };
        EntryView {
            label: e.label.clone(),
            date: e.date.as_ref().map(|d| self.day(d)),
            time: e
                .time
                .as_ref()
                .map(|t| piece(ui.get("outcome_time_sep"), t.clone(), "")),
            lead: lead.to_owned(),
            description: e
                .description
                .as_ref()
                .map(|t| piece(ui.get("count_sep"), t.clone(), "")),
            venue: e.venue.as_ref().map(|t| match e.title {
                Some(_) => piece(ui.get("paren_open"), t.clone(), ui.get("paren_close")),
                None => piece("", t.clone(), ""),
            }),
            title,
            parts: self.parts(e),
            counts: self.counts(e),
            planned: e
                .planned
                .then(|| self.parenthesised(ui.get("outcome_planned"))),
            note: e.note.clone(),
            places: if linked { None } else { self.places(&e.places) },
        }
    }

    /// A line's date: in the sheet's notation on Japanese pages when it is a day the
    /// notation writes, else as dates are displayed.
    fn day(&self, d: &Dated) -> Day {
        let when: &When = d;
        Day {
            text: self.day_text(d),
            datetime: matches!(when, When::At(Point::Day { year: Some(_), .. }))
                .then(|| when.canonical()),
        }
    }

    fn day_text(&self, d: &Dated) -> String {
        let written = match (self.lang, self.notation) {
            (Lang::Ja, Some(DateNotation::Dotted)) => d.dotted(),
            (Lang::Ja, Some(DateNotation::LetterEra)) => d.letter_era(),
            (Lang::Ja, Some(DateNotation::Slash)) => d.slash(),
            _ => None,
        };
        written.unwrap_or_else(|| super::date(d, self.lang))
    }

    /// `text` in the page's language with the regions `ids` linked where it names them;
    /// `None` when there are none, the text is not translated, or it does not name them all.
    fn linked<S: Deref<Target = str>>(&self, text: &Text, ids: &[S]) -> Option<String> {
        if ids.is_empty() {
            return None;
        }
        let shown = text.get(self.lang);
        if !shown.translated || shown.text.trim().is_empty() {
            return None;
        }
        let regions: Vec<RegionRef> = ids
            .iter()
            .map(|id| self.site.region_ref(id, self.lang))
            .collect();
        let targets = regions
            .iter()
            .map(|r| {
                let name = r.name.get(self.lang);
                name.translated.then_some((name.text, r.url.as_str()))
            })
            .collect::<Option<Vec<_>>>()?;
        link_names(shown.text, &targets)
    }

    fn parts(&self, e: &Entry) -> Vec<PartView> {
        let ui = self.ui;
        let (template, _) = self.attendance(e);
        e.parts
            .iter()
            .enumerate()
            .map(|(i, p)| PartView {
                before: ui
                    .get(if i == 0 {
                        "outcome_parts_open"
                    } else {
                        "outcome_parts_sep"
                    })
                    .to_owned(),
                label: p.label.clone(),
                date: p
                    .date
                    .as_ref()
                    .map(|d| piece(ui.get("outcome_word_sep"), self.day_text(d), "")),
                attendees: p.attendees.map(|n| {
                    piece(
                        ui.get("outcome_figure_sep"),
                        ui.fill(template, &grouped(f64::from(n))),
                        "",
                    )
                }),
                planned: p.planned.then(|| ui.get("outcome_part_planned").to_owned()),
            })
            .collect()
    }

    /// The UI strings an attendance count is written with: its template (参加者{}名, {}名参加
    /// …) and the separator before it when it stands alone after the line.
    fn attendance(&self, e: &Entry) -> (&'static str, &'static str) {
        let template = match (*e.cumulative, e.wording) {
            (true, _) => "outcome_participants_cumulative",
            (false, Wording::Attended) => "outcome_attended",
            (false, Wording::Attendance) => "outcome_attendance",
            (false, Wording::Participants) => "outcome_participants",
        };
        // The sheets write 「N名参加」 straight after the line (「…研修会（姶良保健所）51名参加」).
        let sep = match e.wording {
            Wording::Attended => "outcome_attended_sep",
            _ => "outcome_attendees_sep",
        };
        (template, sep)
    }

    fn counts(&self, e: &Entry) -> Option<String> {
        let ui = self.ui;
        let (template, sep) = self.attendance(e);
        let sessions_key = if *e.total {
            "outcome_sessions_total"
        } else {
            "outcome_sessions"
        };
        let sessions = e
            .sessions
            .map(|n| ui.fill(sessions_key, &grouped(f64::from(n))));
        let attendees = e
            .attendees
            .map(|n| ui.fill(template, &grouped(f64::from(n))));
        match (sessions, attendees) {
            (Some(s), Some(a)) => {
                Some(self.parenthesised(&format!("{s}{}{a}", ui.get("list_sep"))))
            }
            (Some(s), None) => Some(format!("{}{s}", ui.get("outcome_sessions_sep"))),
            (None, Some(a)) => Some(format!("{}{a}", ui.get(sep))),
            (None, None) => None,
        }
    }

    /// 「（…）」 / " (…)".
    fn parenthesised(&self, text: &str) -> String {
        format!(
            "{}{text}{}",
            self.ui.get("paren_open"),
            self.ui.get("paren_close")
        )
    }

    fn places<S: Deref<Target = str>>(&self, ids: &[S]) -> Option<Places> {
        let regions = ids
            .iter()
            .map(|id| self.site.region_ref(id, self.lang))
            .collect();
        Places::new(self.ui, regions)
    }
}

impl Page<'_> {
    fn areas(&self, o: &Outcome) -> Option<Areas> {
        if o.areas.is_empty() {
            return None;
        }
        let several = o.areas.len() > 1;
        Some(Areas {
            heading: self.label(o.labels.model_area.as_ref(), "model_area"),
            areas: o
                .areas
                .iter()
                .enumerate()
                .map(|(i, a)| self.area(i, a, several, &o.labels))
                .collect(),
        })
    }

    /// The `i`th model area; `several` when the record has more than one.
    fn area(&self, i: usize, a: &ModelArea, several: bool, l: &Labels) -> AreaView {
        let named = several || *a.region != *self.region;
        let headed = |custom: Option<&Text>, key: &str| {
            Some(Heading {
                text: self.label(custom, key),
                hidden: false,
            })
        };
        AreaView {
            id: format!("area-{}", i + 1),
            name: named.then(|| self.region_name(&a.region, several)),
            level: if named { "h4" } else { "h3" },
            forums: self.entry_list(
                &a.forums,
                a.marks.forums.as_deref(),
                headed(l.forums.as_ref(), "forums"),
            ),
            activities: self.entry_list(
                &a.activities,
                a.marks.activities.as_deref(),
                headed(l.area_activities.as_ref(), "other_activities"),
            ),
            other: self.entry_list(
                &a.other,
                a.marks.other.as_deref(),
                headed(l.area_other.as_ref(), "outcome_area_other"),
            ),
        }
    }

    /// A region's name, linked; `decorated` as the sheet does among several (「【北部地区】」).
    fn region_name(&self, id: &str, decorated: bool) -> RegionName {
        let r = self.site.region_ref(id, self.lang);
        let deco = |key: &str| {
            if decorated {
                self.ui.get(key).to_owned()
            } else {
                String::new()
            }
        };
        RegionName {
            url: Some(r.url),
            open: deco("outcome_area_open"),
            name: r.name,
            close: deco("outcome_area_close"),
        }
    }

    fn discharge(&self, o: &Outcome) -> Option<DischargeTable> {
        if o.discharge.is_empty() {
            return None;
        }
        let l = &o.labels;
        let columns = o
            .discharge
            .iter()
            .map(|d| match d.region.as_deref() {
                Some(id) => self.region_name(id, true),
                None => RegionName {
                    url: None,
                    open: String::new(),
                    name: self.site.region_ref(self.region, self.lang).name,
                    close: String::new(),
                },
            })
            .collect();
        let any_note = o.discharge.iter().any(|d| d.note.is_some());
        let anchors = (0..o.discharge.len())
            .map(|index| {
                SourceRow {
                    table: SourceTable::Discharge,
                    index,
                }
                .anchor()
            })
            .collect();
        Some(DischargeTable {
            heading: self.label(l.discharge.as_ref(), "discharge"),
            columns,
            anchors,
            supported: Row {
                heading: self.label(l.supported.as_ref(), "supported"),
                cells: o.discharge.iter().map(|d| self.supported(d)).collect(),
            },
            discharged: Row {
                heading: self.label(l.discharged.as_ref(), "discharged"),
                cells: o.discharge.iter().map(|d| self.discharged(d)).collect(),
            },
            notes: any_note.then(|| o.discharge.iter().map(|d| d.note.clone()).collect()),
        })
    }

    /// The counter after a figure: 人 or 名 on Japanese pages, nothing in English.
    fn counter(&self, c: Counter) -> &str {
        self.ui.get(match c {
            Counter::Nin => "unit_people",
            Counter::Mei => "unit_people_mei",
        })
    }

    fn supported(&self, d: &Discharge) -> SupportedCell {
        let ui = self.ui;
        let counter = self.counter(d.counter);
        let figure_sep = ui.get("outcome_figure_sep");
        let pending = |p: &Pending| PendingView {
            label: piece(ui.get("outcome_pending_sep"), p.label.clone(), figure_sep),
            figure: figure(p.value, counter),
        };
        // 「期間の記載なし」 is no date point to print.
        let as_of = d
            .as_of
            .as_ref()
            .filter(|w| w.canonical() != "not-stated")
            .map(|w| {
                let date = super::date(w, self.lang);
                format!(
                    "{}{}",
                    ui.get("outcome_word_sep"),
                    ui.fill("outcome_as_of", &date)
                )
            });
        SupportedCell {
            label: d
                .supported_label
                .as_ref()
                .map(|t| piece("", t.clone(), figure_sep)),
            figure: d.supported.map(|n| figure(n, counter)),
            pending: d.pending.as_ref().map(pending),
            as_of,
            note: d.supported_note.clone(),
        }
    }

    fn discharged(&self, d: &Discharge) -> DischargedCell {
        DischargedCell {
            figure: d.discharged.map(|n| figure(*n, self.counter(d.counter))),
            note: d
                .discharged_note
                .as_ref()
                .map(|t| piece(self.ui.get("outcome_word_sep"), t.clone(), "")),
        }
    }

    fn policy(&self, o: &Outcome) -> Option<Policy> {
        if o.next_policy.is_empty() {
            return None;
        }
        let standard = self.ui.get("next_policy");
        let heading = match &o.next_policy_year {
            Some(year) => format!("{} {standard}", super::date(year, self.lang)),
            None => standard.to_owned(),
        };
        // Sub-items take their own mark; the sheets mark no deeper level.
        let marks = [
            o.marks.next_policy.as_deref(),
            o.marks.next_policy_sub.as_deref(),
            None,
        ];
        Some(Policy {
            heading,
            items: List::items(self.lang, &marks, &o.next_policy),
            places: self.places(&o.next_policy_places),
        })
    }
}

/// `text` with `before` and `after` it.
fn piece<T>(before: &str, text: T, after: &str) -> Piece<T> {
    Piece {
        before: before.to_owned(),
        text,
        after: after.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde::de::IntoDeserializer;
    use serde::Deserialize;

    use super::*;
    use crate::model::Body;
    use crate::render::view::Marked;
    use crate::site::Strings;
    use crate::testutil::corpus;

    fn strings() -> Strings {
        let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        Strings::load(&theme).expect("the default theme's strings")
    }

    fn outcome(id: &str) -> (&'static Record, &'static Outcome) {
        let record = corpus()
            .records
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id} is in the handbook"));
        let Body::Outcome(o) = &record.body else {
            panic!("{id} is an outcome")
        };
        (record, o)
    }

    /// The page of outcome `id` in `lang`.
    fn page(id: &str, lang: Lang) -> OutcomeView {
        let (record, o) = outcome(id);
        let site = Site::new(corpus());
        let strings = strings();
        view(&site, strings.ui(lang), record, o)
    }

    fn entries(l: &Option<EntryList>) -> &[Marked<EntryView>] {
        &l.as_ref().expect("a list").entries.items
    }

    fn dated(text: &str) -> Dated {
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            text.into_deserializer();
        Dated::deserialize(de).expect("a date")
    }

    #[test]
    fn aira_isa_lines_read_as_the_dotted_sheet_does() {
        let v = page("aira-isa-area-outcome", Lang::Ja);
        assert_eq!(v.fiscal_year.as_deref(), Some("平成29年度"));
        let work = v.work.as_ref().expect("work");
        assert_eq!(work.heading.ja, "支援事業での取組", "the standard heading");
        let first = &entries(&work.trainings)[0].item;
        let date = first.date.as_ref().expect("a date");
        assert_eq!(date.text, "H29.8.4");
        assert_eq!(date.datetime.as_deref(), Some("2017-08-04"));
        assert_eq!(first.lead, " ");
        let venue = first.venue.as_ref().expect("a venue");
        assert_eq!((venue.before.as_str(), venue.after.as_str()), ("（", "）"));
        assert_eq!(first.counts.as_deref(), Some("51名参加"), "straight after");
        assert!(work.activities.is_none());
        // The one model area is the record's own region: not named, its lists under h3.
        let areas = v.areas.as_ref().expect("areas");
        assert_eq!(
            areas.heading.ja,
            "モデル圏域（姶良・伊佐圏域）における具体的な取組"
        );
        let area = &areas.areas[0];
        assert!(area.name.is_none());
        assert_eq!(area.level, "h3");
        let forum = &entries(&area.forums)[0];
        assert_eq!(forum.mark.as_deref(), Some("・"));
        let linked = forum.item.title.as_ref().and_then(|t| t.linked.as_deref());
        assert!(
            linked
                .is_some_and(|l| l.starts_with("<a href=\"/ja/regions/aira-city/\">姶良市</a>と")),
            "{linked:?}"
        );
        assert!(forum.item.places.is_none(), "the title names its places");
    }

    #[test]
    fn aira_isa_discharge_counts_pending_people_beside_the_supported() {
        let ja = page("aira-isa-area-outcome", Lang::Ja);
        let t = ja.discharge.as_ref().expect("a discharge table");
        assert_eq!(t.columns[0].name.ja, "姶良・伊佐圏域");
        assert!(t.columns[0].url.is_none(), "the record's own region");
        let cell = &t.supported.cells[0];
        let figure = cell.figure.as_ref().expect("a figure");
        assert_eq!((figure.value, figure.counter.as_str()), (6, "名"));
        let pending = cell.pending.as_ref().expect("pending");
        assert_eq!(pending.label.before, "，");
        assert_eq!(pending.label.after, "");
        assert_eq!(pending.figure.value, 4);
        assert_eq!(cell.as_of.as_deref(), Some("（2月1日現在）"));
        let discharged = &t.discharged.cells[0];
        assert_eq!(
            discharged.note.as_ref().map(|n| n.before.as_str()),
            Some("")
        );
        assert!(t.notes.is_none());
        let policy = ja.policy.as_ref().expect("a policy");
        assert_eq!(policy.heading, "平成30年度 取組方針");
        assert_eq!(policy.items.items[0].mark.as_deref(), Some("○"));

        let en = page("aira-isa-area-outcome", Lang::En);
        let cell = &en.discharge.as_ref().expect("a table").supported.cells[0];
        assert_eq!(cell.figure.as_ref().map(|f| f.counter.as_str()), Some(""));
        let pending = cell.pending.as_ref().expect("pending");
        assert_eq!(
            (pending.label.before.as_str(), pending.label.after.as_str()),
            ("; ", ": ")
        );
        assert_eq!(cell.as_of.as_deref(), Some(" (as of 1 Feb)"));
        let first = &entries(&en.work.as_ref().expect("work").trainings)[0].item;
        assert_eq!(
            first.date.as_ref().map(|d| d.text.as_str()),
            Some("4 Aug 2017")
        );
        assert_eq!(first.lead, " — ");
        assert_eq!(first.counts.as_deref(), Some(", 51 attended"));
        assert_eq!(
            en.policy.as_ref().map(|p| p.heading.as_str()),
            Some("FY2018 Policy")
        );
    }

    #[test]
    fn tochigi_sessions_are_written_in_slash_notation_and_areas_are_named() {
        let ja = page("tochigi-pref-outcome", Lang::Ja);
        let work = ja.work.as_ref().expect("work");
        assert_eq!(work.heading.ja, "支援事業に関する取組", "the sheet's label");
        let parts = &entries(&work.trainings)[0].item.parts;
        assert_eq!(parts[0].before, "");
        assert_eq!(
            parts[0].date.as_ref().map(|d| d.text.as_str()),
            Some("7/20")
        );
        let attendees = parts[0].attendees.as_ref().expect("attendees");
        assert_eq!(attendees.text, "参加者94名");
        assert_eq!(parts[1].before, "、");
        assert_eq!(parts[1].planned.as_deref(), Some("予定"));
        let activities = work.activities.as_ref().expect("other work");
        assert_eq!(
            activities.heading.as_ref().map(|h| h.text.ja.as_str()),
            Some("（その他）")
        );
        assert_eq!(
            activities.entries.items[1].item.counts.as_deref(),
            Some(" 計5回")
        );
        let areas = &ja.areas.as_ref().expect("areas").areas;
        let kenpoku = areas[0].name.as_ref().expect("named among several");
        assert_eq!(
            (kenpoku.open.as_str(), kenpoku.close.as_str()),
            ("【", "】")
        );
        assert_eq!(kenpoku.url.as_deref(), Some("/ja/regions/kenpoku-area/"));
        assert_eq!((areas[0].id.as_str(), areas[0].level), ("area-1", "h4"));
        let numbered = entries(&areas[0].activities);
        assert!(areas[0].activities.as_ref().is_some_and(|l| l.entries.bare));
        assert_eq!(numbered[0].item.label.as_deref(), Some("①"));
        let description = numbered[0]
            .item
            .description
            .as_ref()
            .expect("a description");
        assert_eq!(description.before, "：");
        assert_eq!(
            numbered[0].item.counts.as_deref(),
            Some("（計2回、参加者延42名）")
        );
        let columns = &ja.discharge.as_ref().expect("a table").columns;
        assert_eq!(columns.len(), 2);
        assert!(columns.iter().all(|c| c.open == "【" && c.url.is_some()));
        let as_of = &ja.discharge.as_ref().expect("a table").supported.cells[0].as_of;
        assert!(as_of.is_none(), "not-stated prints no date point");
    }

    #[test]
    fn tochigi_sessions_read_as_english_on_english_pages() {
        let en = page("tochigi-pref-outcome", Lang::En);
        let work = en.work.as_ref().expect("work");
        let parts = &entries(&work.trainings)[0].item.parts;
        assert_eq!(
            (parts[0].before.as_str(), parts[1].before.as_str()),
            (" — ", "; ")
        );
        let date = parts[0].date.as_ref().expect("a date");
        assert_eq!((date.before.as_str(), date.text.as_str()), (" ", "20 Jul"));
        assert_eq!(
            parts[0].attendees.as_ref().map(|a| a.before.as_str()),
            Some(": ")
        );
        assert_eq!(parts[1].planned.as_deref(), Some(" (planned)"));
        let counts = entries(&work.activities)[1].item.counts.as_deref();
        assert_eq!(counts, Some(": 5 times in total"));
        let areas = &en.areas.as_ref().expect("areas").areas;
        let kenpoku = areas[0].name.as_ref().expect("named");
        assert_eq!((kenpoku.open.as_str(), kenpoku.close.as_str()), ("", ""));
    }

    #[test]
    fn kawasaki_keeps_its_letter_era_dates_and_unheaded_list() {
        let ja = page("kawasaki-city-outcome", Lang::Ja);
        let work = ja.work.as_ref().expect("work");
        let training = &entries(&work.trainings)[0].item;
        let date = training.date.as_ref().expect("a date");
        assert_eq!(date.text, "H30年2月1日");
        assert_eq!(date.datetime.as_deref(), Some("2018-02-01"));
        assert_eq!(training.time.as_ref().map(|t| t.before.as_str()), Some(""));
        let venue = training.venue.as_ref().expect("a venue");
        assert_eq!(
            (venue.before.as_str(), venue.after.as_str()),
            ("", ""),
            "no title"
        );
        assert_eq!(training.counts.as_deref(), Some(" 51人の参加"));
        let trainings = work.trainings.as_ref().expect("trainings");
        assert_eq!(
            trainings.heading.as_ref().map(|h| h.text.ja.as_str()),
            Some("○研修会の開催")
        );
        let advisor = work.advisor_support.as_ref().expect("advisor support");
        assert!(advisor.heading.as_ref().is_some_and(|h| h.hidden));
        // An entry's own empty mark replaces the list's ○.
        let north = &ja.areas.as_ref().expect("areas").areas[0];
        let marks: Vec<_> = entries(&north.activities)
            .iter()
            .map(|m| m.mark.as_deref())
            .collect();
        assert_eq!(&marks[..3], [Some("○"), None, None]);
        assert_eq!(
            north.name.as_ref().map(|n| n.open.as_str()),
            Some(""),
            "only one area"
        );
        let policy = ja.policy.as_ref().expect("a policy");
        let sub = policy.items.items[0].item.sub.as_ref().expect("sub-items");
        assert_eq!(sub.items[0].mark.as_deref(), Some("・"));
        let places = policy.places.as_ref().expect("places");
        assert_eq!(places.open, "（関係する地域：");
        let ids: Vec<&str> = places.regions.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            ["kawasaki-south-district", "kawasaki-central-district"]
        );
    }

    #[test]
    fn kawasaki_keeps_the_standard_headings_in_english() {
        let en = page("kawasaki-city-outcome", Lang::En);
        let work = en.work.as_ref().expect("work");
        let advisor = work.advisor_support.as_ref().expect("advisor support");
        assert!(advisor.heading.as_ref().is_some_and(|h| !h.hidden));
        let training = &entries(&work.trainings)[0].item;
        assert_eq!(
            training.time.as_ref().map(|t| t.before.as_str()),
            Some(", ")
        );
        assert_eq!(training.lead, " — ");
        assert_eq!(
            en.policy
                .as_ref()
                .and_then(|p| p.places.as_ref())
                .map(|p| p.open.as_str()),
            Some("(Places: ")
        );
    }

    #[test]
    fn chiba_counts_sessions_and_notes_its_discharge_figures() {
        let ja = page("chiba-city-outcome", Lang::Ja);
        let work = ja.work.as_ref().expect("work");
        assert_eq!(
            entries(&work.trainings)[0].item.counts.as_deref(),
            Some(" 6回")
        );
        let advisor = entries(&work.advisor_support);
        assert_eq!(advisor[0].mark.as_deref(), Some("○"));
        assert_eq!(advisor[1].mark, None, "its own empty mark");
        let area = &ja.areas.as_ref().expect("areas").areas[0];
        assert!(area.name.is_none());
        let heading = area.activities.as_ref().and_then(|l| l.heading.as_ref());
        assert_eq!(
            heading.map(|h| h.text.ja.as_str()),
            Some("（具体的な取組内容）")
        );
        let other = area.other.as_ref().and_then(|l| l.heading.as_ref());
        assert_eq!(
            other.map(|h| h.text.ja.as_str()),
            Some("（その他）"),
            "standard"
        );
        let t = ja.discharge.as_ref().expect("a table");
        let cell = &t.supported.cells[0];
        assert_eq!(
            cell.figure.as_ref().map(|f| (f.value, f.counter.as_str())),
            Some((31, "人"))
        );
        assert!(cell.note.is_some());
        let note = t.discharged.cells[0].note.as_ref().expect("a note");
        assert_eq!(note.text.ja, "※（同上）");

        let en = page("chiba-city-outcome", Lang::En);
        let t = en.discharge.as_ref().expect("a table");
        assert_eq!(
            t.discharged.cells[0]
                .note
                .as_ref()
                .map(|n| n.before.as_str()),
            Some(" ")
        );
        let counts = entries(&en.work.as_ref().expect("work").trainings)[0]
            .item
            .counts
            .clone();
        assert_eq!(counts.as_deref(), Some(": 6 times"));
    }

    /// How a page in `lang` of a sheet written in `notation` prints the line date `text`.
    fn day_in(notation: Option<DateNotation>, lang: Lang, text: &str) -> Day {
        let site = Site::new(corpus());
        let strings = strings();
        let p = Page {
            site: &site,
            ui: strings.ui(lang),
            lang,
            notation,
            region: "aira-isa-area",
        };
        p.day(&dated(text))
    }

    #[test]
    fn eras_change_on_their_true_first_days() {
        let dotted = Some(DateNotation::Dotted);
        let letter = Some(DateNotation::LetterEra);
        let text = |n, d| day_in(n, Lang::Ja, d).text;
        assert_eq!(text(dotted, "2019-04-30"), "H31.4.30");
        assert_eq!(text(dotted, "2019-05-01"), "R1.5.1");
        assert_eq!(text(letter, "2019-04-30"), "H31年4月30日");
        assert_eq!(text(letter, "2019-05-01"), "R1年5月1日");
        // Shōwa: the template this replaces fell back to 昭和63年5月3日.
        assert_eq!(text(dotted, "1988-05-03"), "S63.5.3");
        assert_eq!(text(letter, "1989-01-07"), "S64年1月7日");
        // Before Shōwa there is no letter: the day is displayed.
        assert_eq!(text(dotted, "1926-12-24"), "1926年12月24日");
        assert_eq!(day_in(dotted, Lang::En, "2019-05-01").text, "1 May 2019");
    }

    #[test]
    fn slash_notation_writes_days_without_a_year_and_only_days_get_a_datetime() {
        let slash = Some(DateNotation::Slash);
        let no_year = day_in(slash, Lang::Ja, "7月20日");
        assert_eq!(no_year.text, "7/20");
        assert_eq!(no_year.datetime, None, "no year, no machine-readable day");
        let with_year = day_in(slash, Lang::Ja, "2019-07-20");
        assert_eq!(with_year.text, "令和元年7月20日");
        assert_eq!(with_year.datetime.as_deref(), Some("2019-07-20"));
        // A ten-character canonical form that is not a day is no `<time datetime>`.
        let year_end = day_in(slash, Lang::Ja, "令和2年度末");
        assert_eq!(
            (year_end.text.as_str(), year_end.datetime),
            ("令和2年度末", None)
        );
        assert_eq!(day_in(None, Lang::Ja, "H29.8.4").text, "平成29年8月4日");
    }
}
