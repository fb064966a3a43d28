//! Corpus-wide rules, run after every file has been read: ids, references, numbers, date
//! points and translations. Each finding points at the offending value through the
//! record's tree (the field-path → span index kept by the loader).

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::suggest;
use crate::diag::{Code, Diagnostic, Diagnostics, Span};
use crate::load::{Corpus, Record, VocabFile};
use crate::model::date::{Point, When};
use crate::model::indicator::{Count, IndicatorRow, Target, Value};
use crate::model::number::grouped;
use crate::model::sheet::AxisYear;
use crate::model::text::Text;
use crate::model::vocab::{IndicatorDef, Term, Unit};
use crate::model::{Body, Kind};
use crate::yaml::field_path;
use crate::yaml::{Node, Seg, Value as YValue};

/// What a reference points to.
#[derive(Clone, Copy, Debug)]
enum Ref {
    Region,
    Category,
    Theme,
    RegionKind,
    Actor,
    Indicator,
}

impl Ref {
    fn name(self) -> &'static str {
        match self {
            Ref::Region => "region",
            Ref::Category => "category",
            Ref::Theme => "theme",
            Ref::RegionKind => "region kind",
            Ref::Actor => "actor",
            Ref::Indicator => "indicator",
        }
    }

    fn home(self) -> &'static str {
        match self {
            Ref::Region => "content/regions/<id>.yaml",
            Ref::Category => "content/vocabularies/categories.yaml",
            Ref::Theme => "content/vocabularies/themes.yaml",
            Ref::RegionKind => "content/vocabularies/region-kinds.yaml",
            Ref::Actor => "content/vocabularies/actors.yaml",
            Ref::Indicator => "content/vocabularies/indicators.yaml",
        }
    }
}

/// The ids references may name.
struct Known<'a> {
    regions: BTreeSet<&'a str>,
    categories: BTreeSet<&'a str>,
    themes: BTreeSet<&'a str>,
    region_kinds: BTreeSet<&'a str>,
    actors: BTreeSet<&'a str>,
    indicators: BTreeMap<&'a str, &'a IndicatorDef>,
}

impl<'a> Known<'a> {
    fn set(&self, r: Ref) -> Box<dyn Iterator<Item = &'a str> + '_> {
        match r {
            Ref::Region => Box::new(self.regions.iter().copied()),
            Ref::Category => Box::new(self.categories.iter().copied()),
            Ref::Theme => Box::new(self.themes.iter().copied()),
            Ref::RegionKind => Box::new(self.region_kinds.iter().copied()),
            Ref::Actor => Box::new(self.actors.iter().copied()),
            Ref::Indicator => Box::new(self.indicators.keys().copied()),
        }
    }
}

fn ids(terms: &[Term]) -> BTreeSet<&str> {
    terms.iter().map(|t| t.id.as_str()).collect()
}

pub fn validate(corpus: &Corpus, diags: &mut Diagnostics) {
    let v = &corpus.vocab;
    let known = Known {
        regions: corpus
            .records
            .iter()
            .filter(|r| r.kind == Kind::Regions)
            .map(|r| r.id.as_str())
            .chain(
                corpus
                    .unloaded
                    .iter()
                    .filter(|(k, _)| *k == Kind::Regions)
                    .map(|(_, id)| id.as_str()),
            )
            .collect(),
        categories: ids(&v.categories.entries),
        themes: ids(&v.themes.entries),
        region_kinds: ids(&v.region_kinds.entries),
        actors: ids(&v.actors.entries),
        indicators: v
            .indicators
            .entries
            .iter()
            .map(|d| (d.id.as_str(), d))
            .collect(),
    };
    duplicate_ids(&corpus.records, diags);
    vocab_ids(&v.categories, diags);
    vocab_ids(&v.themes, diags);
    vocab_ids(&v.region_kinds, diags);
    vocab_ids(&v.actors, diags);
    let indicator_terms: Vec<(&str, usize)> = v
        .indicators
        .entries
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    duplicates_in(
        &v.indicators.file,
        v.indicators.tree.as_ref(),
        &indicator_terms,
        diags,
    );
    for rec in &corpus.records {
        let mut c = Checker {
            rec,
            known: &known,
            out: Vec::new(),
        };
        c.record();
        translations(&rec.file, &rec.tree, &mut c.out);
        diags.extend(c.out);
    }
    for (file, tree) in [
        (&v.categories.file, &v.categories.tree),
        (&v.themes.file, &v.themes.tree),
        (&v.region_kinds.file, &v.region_kinds.tree),
        (&v.actors.file, &v.actors.tree),
        (&v.indicators.file, &v.indicators.tree),
    ] {
        if let Some(tree) = tree {
            let mut out = Vec::new();
            translations(file, tree, &mut out);
            diags.extend(out);
        }
    }
}

/// Ids are file stems, unique across every kind. A region keeps its id (it names the
/// place); another record that takes a region's id is the one reported.
fn duplicate_ids(records: &[Record], diags: &mut Diagnostics) {
    let mut first: BTreeMap<&str, &Record> = BTreeMap::new();
    let mut sorted: Vec<&Record> = records.iter().collect();
    sorted.sort_by_key(|r| (r.kind != Kind::Regions, r.file.as_str()));
    for rec in sorted {
        let Some(prev) = first.get(rec.id.as_str()) else {
            first.insert(&rec.id, rec);
            continue;
        };
        let help = match rec.kind {
            Kind::Regions => {
                "ids are unique across the whole site: rename one of the files".to_owned()
            }
            kind => format!(
                "region ids name places; name this record after its region and kind: `{}-{}.yaml`",
                rec.id,
                kind_suffix(kind)
            ),
        };
        diags.push(
            Diagnostic::new(
                Code::DuplicateId,
                &rec.file,
                Span::start(),
                format!("the id `{}` is already used by {}", rec.id, prev.file),
            )
            .with_help(help),
        );
    }
}

/// The suffix that names a record after its region: `kumamoto-pref-sheet`.
pub fn kind_suffix(kind: Kind) -> &'static str {
    match kind {
        Kind::Regions => "region",
        Kind::StatusSheets => "sheet",
        Kind::Outcomes => "outcome",
        Kind::Cases => "case",
        Kind::Practices => "practice",
        Kind::Analyses => "analysis",
        Kind::Pages => "page",
    }
}

fn vocab_ids(file: &VocabFile<Term>, diags: &mut Diagnostics) {
    let terms: Vec<(&str, usize)> = file
        .entries
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    duplicates_in(&file.file, file.tree.as_ref(), &terms, diags);
}

fn duplicates_in(file: &str, tree: Option<&Node>, ids: &[(&str, usize)], diags: &mut Diagnostics) {
    let Some(tree) = tree else { return };
    let mut seen = BTreeSet::new();
    for (id, i) in ids {
        let span = tree.at(field_path![*i, "id"]).span;
        if !seen.insert(*id) {
            diags.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    file,
                    span,
                    format!("the id `{id}` appears twice"),
                )
                .with_help("give each entry its own id"),
            );
        } else if !crate::load::is_kebab_id(id) {
            diags.push(
                Diagnostic::new(
                    Code::InvalidId,
                    file,
                    span,
                    format!("`{id}` is not a valid id"),
                )
                .with_help("use ASCII kebab-case, like `long-term-inpatients`"),
            );
        }
    }
}

/// Every mapping that has `ja` text needs `en` text beside it.
fn translations(file: &str, node: &Node, out: &mut Vec<Diagnostic>) {
    match &node.value {
        YValue::Map(entries) => {
            let ja = node.get("ja");
            let en = node.get("en");
            if let Some(ja) = ja.filter(|j| !j.is_null() && j.as_str().is_some()) {
                if en.is_none_or(|e| e.is_null() || e.as_str().is_some_and(|s| s.trim().is_empty()))
                {
                    let preview: String = ja.as_str().unwrap_or("").chars().take(20).collect();
                    out.push(
                        Diagnostic::new(Code::MissingTranslation, file, node.span, format!("no English translation for `{}`", preview.trim()))
                            .with_help("add `en: …` beside `ja:`; the English page shows the Japanese marked \"not yet translated\" until then"),
                    );
                }
            }
            for (_, v) in entries {
                translations(file, v, out);
            }
        }
        YValue::Seq(items) => items.iter().for_each(|n| translations(file, n, out)),
        YValue::Scalar { .. } => {}
    }
}

struct Checker<'a> {
    rec: &'a Record,
    known: &'a Known<'a>,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn span(&self, path: &[Seg]) -> Span {
        self.rec.tree.at(path).span
    }

    fn push(&mut self, code: Code, path: &[Seg], message: String, help: String) {
        let span = self.span(path);
        self.out
            .push(Diagnostic::new(code, &self.rec.file, span, message).with_help(help));
    }

    fn reference(&mut self, path: &[Seg], what: Ref, id: &str) {
        if self.known.set(what).any(|k| k == id) {
            return;
        }
        let help = match suggest::closest(id, self.known.set(what)) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("add it to {} or use an existing id", what.home()),
        };
        self.push(
            Code::UnknownReference,
            path,
            format!("{} `{id}` does not exist", what.name()),
            help,
        );
    }

    fn references(&mut self, base: &[Seg], field: &'static str, what: Ref, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            let path: Vec<Seg> = base
                .iter()
                .copied()
                .chain([Seg::Key(field), Seg::Index(i)])
                .collect();
            self.reference(&path, what, id);
        }
    }

    fn record(&mut self) {
        let body = &self.rec.body;
        if let Some(region) = body.region() {
            self.reference(field_path!["region"], Ref::Region, region);
        }
        match body {
            Body::Region(r) => {
                self.reference(field_path!["kind"], Ref::RegionKind, &r.kind);
                if let Some(parent) = &r.parent {
                    self.reference(field_path!["parent"], Ref::Region, parent);
                    if parent == &self.rec.id {
                        self.push(
                            Code::UnknownReference,
                            field_path!["parent"],
                            "a region cannot be its own parent".into(),
                            "name the prefecture it belongs to".into(),
                        );
                    }
                }
            }
            Body::StatusSheet(s) => self.sheet(s),
            Body::Outcome(o) => {
                for (i, a) in o.areas.iter().enumerate() {
                    self.reference(field_path!["areas", i, "region"], Ref::Region, &a.region);
                }
                for (i, d) in o.discharge.iter().enumerate() {
                    if let Some(r) = &d.region {
                        self.reference(field_path!["discharge", i, "region"], Ref::Region, r);
                    }
                    if let (Some(s), Some(dis)) = (d.supported, d.discharged) {
                        if dis > s {
                            self.push(
                                Code::ImpossibleNumber,
                                field_path!["discharge", i, "discharged"],
                                format!("{dis} discharged is more than the {s} people supported"),
                                "`discharged` counts people among those supported".into(),
                            );
                        }
                    }
                }
                self.outcome_entries(o);
                self.references(
                    &[],
                    "next_policy_places",
                    Ref::Region,
                    &o.next_policy_places,
                );
            }
            Body::Case(c) => {
                self.reference(field_path!["category"], Ref::Category, &c.category);
                self.references(&[], "themes", Ref::Theme, &c.themes);
            }
            Body::Practice(p) => {
                self.references(&[], "themes", Ref::Theme, &p.themes);
                if let Some(chart) = &p.chart {
                    self.chart(chart);
                }
            }
            Body::Analysis(a) => {
                self.reference(field_path!["level"], Ref::RegionKind, &a.level);
                self.reference(field_path!["theme"], Ref::Theme, &a.theme);
            }
            Body::Page(_) => {}
        }
    }

    /// Outcome entries: the places they name are regions; a count marked as a total or as
    /// cumulative has the count it qualifies; an entry says something.
    fn outcome_entries(&mut self, o: &crate::model::Outcome) {
        for (at, e) in o.entries() {
            let base: Vec<Seg> = match at.area {
                Some(a) => vec![Seg::Key("areas"), Seg::Index(a)],
                None => Vec::new(),
            }
            .into_iter()
            .chain([Seg::Key(at.list), Seg::Index(at.index)])
            .collect();
            let field = |f: &'static str| -> Vec<Seg> {
                base.iter().copied().chain([Seg::Key(f)]).collect()
            };
            self.references(&base, "places", Ref::Region, &e.places);
            if e.cumulative && e.attendees.is_none() {
                self.push(
                    Code::InvalidValue,
                    &field("cumulative"),
                    "`cumulative` is set but there is no `attendees` count".into(),
                    "write the attendance the source sums (参加者延42名 → attendees: 42)".into(),
                );
            }
            if e.total && e.sessions.is_none() && e.attendees.is_none() {
                self.push(
                    Code::InvalidValue,
                    &field("total"),
                    "`total` is set but there is no `sessions` or `attendees` count".into(),
                    "write the total the source states (計５回 → sessions: 5)".into(),
                );
            }
            if e.title.is_none() && e.date.is_none() && e.venue.is_none() && e.parts.is_empty() {
                self.push(
                    Code::MissingField,
                    &base,
                    "an entry needs a `title`, a `date`, a `venue` or `parts`".into(),
                    "write the line's wording as `title: {ja: …, en: …}`".into(),
                );
            }
        }
    }

    fn sheet(&mut self, s: &crate::model::StatusSheet) {
        for (i, r) in s.overview.roles.iter().enumerate() {
            if let Some(a) = &r.actor {
                self.reference(field_path!["overview", "roles", i, "actor"], Ref::Actor, a);
            }
            for (j, o) in r.shared_with.iter().enumerate() {
                if let Some(a) = &o.actor {
                    self.reference(
                        field_path!["overview", "roles", i, "shared_with", j, "actor"],
                        Ref::Actor,
                        a,
                    );
                }
            }
        }
        if s.marks.group_headings.matches("{}").count() != 1 {
            self.push(
                Code::InvalidValue,
                field_path!["marks", "group_headings"],
                format!(
                    "`{}` does not say where the heading goes",
                    s.marks.group_headings
                ),
                "write `{}` where the heading goes, e.g. `【{}】`".into(),
            );
        }
        self.axis(&s.history.axis);
        for (g, group) in s.history.groups.iter().enumerate() {
            for (i, e) in group.events.iter().enumerate() {
                self.references(
                    field_path!["history", "groups", g, "events", i],
                    "areas",
                    Ref::Region,
                    &e.areas,
                );
            }
            for (i, c) in group.counts.iter().enumerate() {
                self.count(field_path!["history", "groups", g, "counts", i], c);
            }
        }
        for (i, row) in s.results.indicators.iter().enumerate() {
            self.indicator_row(field_path!["results", "indicators", i], row);
        }
        for (i, row) in s.strengths.indicators.iter().enumerate() {
            self.indicator_row(field_path!["strengths", "indicators", i], row);
        }
        for (i, issue) in s.strengths.issues.iter().enumerate() {
            self.references(
                field_path!["strengths", "issues", i],
                "themes",
                Ref::Theme,
                &issue.themes,
            );
            for (j, role) in issue.roles.iter().enumerate() {
                self.reference(
                    field_path!["strengths", "issues", i, "roles", j, "actor"],
                    Ref::Actor,
                    &role.actor,
                );
            }
        }
    }

    fn count(&mut self, base: &[Seg], c: &Count) {
        let at =
            |f: &'static str| -> Vec<Seg> { base.iter().copied().chain([Seg::Key(f)]).collect() };
        self.reference(&at("indicator"), Ref::Indicator, &c.indicator);
        self.references(base, "areas", Ref::Region, &c.areas);
        if let Some(def) = self.known.indicators.get(c.indicator.as_str()) {
            self.number(&at("value"), def, c.value, None);
        }
        if let Some(w) = &c.wording {
            self.wording(&at("wording"), w);
        }
        for (k, part) in c.of_which.iter().enumerate() {
            let p: Vec<Seg> = base
                .iter()
                .copied()
                .chain([Seg::Key("of_which"), Seg::Index(k)])
                .collect();
            let at =
                |f: &'static str| -> Vec<Seg> { p.iter().copied().chain([Seg::Key(f)]).collect() };
            if let Some(id) = &part.indicator {
                self.reference(&at("indicator"), Ref::Indicator, id);
                if let Some(def) = self.known.indicators.get(id.as_str()) {
                    self.number(&at("value"), def, part.value, Some(c.value));
                }
            } else if !part.value.is_finite() || part.value < 0.0 || part.value > c.value {
                self.push(
                    Code::ImpossibleNumber,
                    &at("value"),
                    format!("`{}` cannot be a part of {}", part.value, grouped(c.value)),
                    "a part is 0 or more and not more than the count it belongs to".into(),
                );
            }
            self.wording(&at("wording"), &part.wording);
        }
    }

    /// A wording says where its number goes, once, in each language.
    fn wording(&mut self, path: &[Seg], w: &Text) {
        for text in std::iter::once(w.ja.as_str()).chain(w.en.as_deref()) {
            if text.matches("{}").count() != 1 {
                self.push(
                    Code::InvalidValue,
                    path,
                    format!("`{text}` does not say where the number goes"),
                    "write `{}` once where the number goes, e.g. `うち，{}名を相談支援事業所で活用`"
                        .into(),
                );
            }
        }
    }

    /// The timeline's columns are fiscal years in order, and their printed headings name them.
    fn axis(&mut self, axis: &[AxisYear]) {
        let mut last: Option<i32> = None;
        for (i, a) in axis.iter().enumerate() {
            let year = match *a.year {
                When::At(Point::FiscalYear(y)) => y,
                _ => {
                    self.push(
                        Code::InvalidValue,
                        field_path!["history", "axis", i, "year"],
                        "a timeline column is a fiscal year".into(),
                        "write the fiscal year as printed, e.g. `H24` or `R1`".into(),
                    );
                    continue;
                }
            };
            if last.is_some_and(|l| year != l + 1) {
                self.push(
                    Code::InvalidValue,
                    field_path!["history", "axis", i, "year"],
                    format!("FY{year} does not follow the column before it"),
                    "list the timeline's fiscal years in order, one column each".into(),
                );
            }
            last = Some(year);
            // 「R1(2019)」: the era year, and the Western year of the fiscal year's start.
            let (era, western) = match a.label.split_once(['(', '（']) {
                Some((e, w)) => (e, Some(w.trim_end_matches([')', '）']))),
                None => (a.label.as_str(), None),
            };
            let era_ok = era.trim().parse::<When>().ok() == Some(When::At(Point::FiscalYear(year)));
            let western_ok = western.is_none_or(|w| number(w) == Some(i64::from(year)));
            if !era_ok || !western_ok {
                self.push(
                    Code::InvalidValue,
                    field_path!["history", "axis", i, "label"],
                    format!("the heading `{}` does not name FY{year}", a.label),
                    "write the column heading as printed for that fiscal year, e.g. `H24` or `R1(2019)`".into(),
                );
            }
        }
    }

    fn indicator_row(&mut self, base: &[Seg], row: &IndicatorRow) {
        let at = |fs: &[&'static str]| -> Vec<Seg> {
            base.iter()
                .copied()
                .chain(fs.iter().map(|f| Seg::Key(f)))
                .collect()
        };
        self.reference(&at(&["indicator"]), Ref::Indicator, &row.indicator);
        let def = self.known.indicators.get(row.indicator.as_str()).copied();
        for (field, value) in [("baseline", &row.baseline), ("actual", &row.actual)] {
            let Some(value) = value else { continue };
            self.measured(&at(&[field]), field, value, def);
        }
        if let Some(t) = &row.target {
            self.target(&at(&["target"]), t, def);
        }
    }

    fn measured(&mut self, path: &[Seg], field: &str, v: &Value, def: Option<&IndicatorDef>) {
        if v.as_of.is_none() {
            self.push(
                Code::MissingDatePoint,
                path,
                format!("the {field} value {} has no date point", grouped(v.value)),
                "add `as_of:` with the point it was measured at, e.g. `as_of: R1.6月時点`".into(),
            );
        }
        if let Some(def) = def {
            let vpath: Vec<Seg> = path.iter().copied().chain([Seg::Key("value")]).collect();
            self.number(&vpath, def, v.value, v.of);
        }
    }

    fn target(&mut self, path: &[Seg], t: &Target, def: Option<&IndicatorDef>) {
        if t.deadline.is_none() && t.set_at.is_none() {
            self.push(
                Code::MissingDatePoint,
                path,
                format!("the target {} has no date point", grouped(t.value)),
                "add `deadline:` (by when, e.g. `令和3年度末`) or `set_at:` (when it was set, e.g. `令和2年度当初`)".into(),
            );
        }
        if let Some(def) = def {
            let vpath: Vec<Seg> = path.iter().copied().chain([Seg::Key("value")]).collect();
            self.number(&vpath, def, t.value, t.of);
        }
    }

    fn number(&mut self, path: &[Seg], def: &IndicatorDef, value: f64, of: Option<f64>) {
        if !value.is_finite() || value < 0.0 {
            self.push(
                Code::ImpossibleNumber,
                path,
                format!("`{}` cannot be a value of `{}`", value, def.id),
                "values are 0 or more".into(),
            );
        } else if def.unit == Unit::Percent && value > 100.0 {
            self.push(
                Code::ImpossibleNumber,
                path,
                format!("{} % is over 100 %", grouped(value)),
                format!("`{}` is a percentage; check the value", def.id),
            );
        } else if let Some(of) = of.filter(|of| value > *of) {
            self.push(
                Code::ImpossibleNumber,
                path,
                format!("{} is more than its whole, {}", grouped(value), grouped(of)),
                "`of` is the whole the value is part of (39 of 43)".into(),
            );
        }
    }

    fn chart(&mut self, chart: &crate::model::practice::Chart) {
        let levels: Vec<&str> = chart.levels.iter().map(|l| l.id.as_str()).collect();
        let nodes: Vec<&str> = chart.nodes.iter().map(|n| n.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        for (i, n) in chart.nodes.iter().enumerate() {
            if !seen.insert(n.id.as_str()) {
                self.push(
                    Code::DuplicateId,
                    field_path!["chart", "nodes", i, "id"],
                    format!("the chart node `{}` appears twice", n.id),
                    "give each box its own id".into(),
                );
            }
            if !levels.contains(&n.level.as_str()) {
                let help = suggest::closest(&n.level, levels.iter().copied()).map_or_else(
                    || format!("the chart's levels are: {}", levels.join(", ")),
                    |b| format!("did you mean `{b}`?"),
                );
                self.push(
                    Code::UnknownReference,
                    field_path!["chart", "nodes", i, "level"],
                    format!("chart level `{}` does not exist", n.level),
                    help,
                );
            }
        }
        for (i, l) in chart.links.iter().enumerate() {
            for (field, id) in [("from", &l.from), ("to", &l.to)] {
                if !nodes.contains(&id.as_str()) {
                    let help = suggest::closest(id, nodes.iter().copied()).map_or_else(
                        || "name a node id of this chart".to_owned(),
                        |b| format!("did you mean `{b}`?"),
                    );
                    self.push(
                        Code::UnknownReference,
                        field_path!["chart", "links", i, field],
                        format!("chart node `{id}` does not exist"),
                        help,
                    );
                }
            }
        }
    }
}

/// A whole number written in ASCII or full-width digits (`2019`, `２０１９`).
fn number(s: &str) -> Option<i64> {
    let digits: Option<Vec<u32>> = s
        .chars()
        .map(|c| match c {
            '0'..='9' => c.to_digit(10),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        })
        .collect();
    let digits = digits.filter(|d| !d.is_empty())?;
    Some(digits.iter().fold(0, |n, d| n * 10 + i64::from(*d)))
}

#[cfg(test)]
mod tests {
    use super::number;
    use crate::diag::Code;

    #[test]
    fn western_years_read_in_either_width() {
        assert_eq!(number("2019"), Some(2019));
        assert_eq!(number("２０２１"), Some(2021));
        assert_eq!(number(""), None);
        assert_eq!(number("20l9"), None);
    }

    /// Outcome entries: places must be regions (so must the places a policy names);
    /// `cumulative` and `total` need their counts; an entry with nothing to print is refused.
    /// Each problem points at its own line.
    #[test]
    fn outcome_entries_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let minimal =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        for entry in walkdir::WalkDir::new(&minimal) {
            let entry = entry.unwrap();
            let to = dir
                .path()
                .join(entry.path().strip_prefix(&minimal).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(entry.path(), &to).unwrap();
            }
        }
        std::fs::create_dir_all(dir.path().join("content/outcomes")).unwrap();
        std::fs::write(
            dir.path().join("content/outcomes/north-area-outcome.yaml"),
            "region: north-area\n\
             title: {ja: 成果, en: Outcomes}\n\
             trainings:\n\
             \x20 - title: {ja: 研修会, en: Training}\n\
             \x20   places: [north-aera]\n\
             \x20 - title: {ja: 研修会, en: Training}\n\
             \x20   cumulative: true\n\
             \x20 - sessions: 2\n\
             \x20   total: true\n\
             areas:\n\
             \x20 - region: north-area\n\
             \x20   forums:\n\
             \x20     - title: {ja: 会議, en: Meeting}\n\
             \x20       total: true\n\
             next_policy_places: [north-area, south-aera]\n",
        )
        .unwrap();
        let config = crate::config::Config::load(dir.path()).unwrap().unwrap();
        let (corpus, mut diags) = crate::load::load(config).unwrap();
        super::validate(&corpus, &mut diags);
        let got: Vec<(Code, usize)> = diags
            .into_sorted()
            .into_iter()
            .map(|d| (d.code, d.span.line))
            .collect();
        assert_eq!(
            got,
            [
                (Code::UnknownReference, 5),
                (Code::InvalidValue, 7),
                (Code::MissingField, 8),
                (Code::InvalidValue, 14),
                (Code::UnknownReference, 15),
            ]
        );
    }
}
