//! Numbers that cannot be (a negative count, a percentage over 100, a part larger than its
//! whole), wordings that do not say where their number goes, and outcome entries whose counts
//! do not match what they claim.

use super::Checker;
use crate::diag::Code;
use crate::model::indicator::{Count, IndicatorRow};
use crate::model::number::grouped;
use crate::model::outcome::Discharge;
use crate::model::vocab::{IndicatorDef, Unit};
use crate::model::{Body, Outcome, Spanned, StatusSheet, Text};

/// Every number and wording of a record.
pub(super) fn record(c: &mut Checker, body: &Body) {
    match body {
        Body::StatusSheet(s) => sheet(c, s),
        Body::Outcome(o) => outcome(c, o),
        _ => {}
    }
}

fn sheet(c: &mut Checker, s: &StatusSheet) {
    let headings = &s.marks.group_headings;
    if headings.matches("{}").count() != 1 {
        c.push(
            Code::InvalidValue,
            headings.span(),
            format!(
                "`{}` does not say where the heading goes",
                headings.as_str()
            ),
            "write `{}` where the heading goes, e.g. `【{}】`",
        );
    }
    for count in s.history.groups.iter().flat_map(|g| &g.counts) {
        self::count(c, count);
    }
    for row in s.results.indicators.iter().chain(&s.strengths.indicators) {
        indicator_row(c, row);
    }
}

/// A count's value fits its indicator; a part fits the count it belongs to.
fn count(c: &mut Checker, count: &Count) {
    if let Some(def) = c.known.definitions.get(count.indicator.as_str()) {
        number(c, def, &count.value, None);
    }
    if let Some(w) = &count.wording {
        wording(c, w);
    }
    for part in &count.of_which {
        let value = *part.value;
        if let Some(id) = &part.indicator {
            if let Some(def) = c.known.definitions.get(id.as_str()) {
                number(c, def, &part.value, Some(*count.value));
            }
        } else if !value.is_finite() || value < 0.0 || value > *count.value {
            c.push(
                Code::ImpossibleNumber,
                part.value.span(),
                format!("`{value}` cannot be a part of {}", grouped(*count.value)),
                "a part is 0 or more and not more than the count it belongs to",
            );
        }
        wording(c, &part.wording);
    }
}

/// A wording says where its number goes, once, in each language.
fn wording(c: &mut Checker, w: &Spanned<Text>) {
    for text in std::iter::once(w.ja.as_str()).chain(w.en.as_deref()) {
        if text.matches("{}").count() != 1 {
            c.push(
                Code::InvalidValue,
                w.span(),
                format!("`{text}` does not say where the number goes"),
                "write `{}` once where the number goes, e.g. `うち，{}名を相談支援事業所で活用`",
            );
        }
    }
}

/// The baseline, target and actual of an indicator fit the indicator.
fn indicator_row(c: &mut Checker, row: &IndicatorRow) {
    let Some(def) = c.known.definitions.get(row.indicator.as_str()).copied() else {
        return;
    };
    for v in [&row.baseline, &row.actual].into_iter().flatten() {
        let of = whole(c, def, v.of.as_ref());
        number(c, def, &v.value, of);
    }
    if let Some(t) = &row.target {
        let of = whole(c, def, t.of.as_ref());
        number(c, def, &t.value, of);
    }
}

/// The whole a value is part of (`of`), when it can be one: a number, 0 or more. One that
/// cannot (`inf`, `nan`, `-43`) is reported where it is written, and not compared.
fn whole(c: &mut Checker, def: &IndicatorDef, of: Option<&Spanned<f64>>) -> Option<f64> {
    let of = of?;
    if of.is_finite() && **of >= 0.0 {
        return Some(**of);
    }
    c.push(
        Code::ImpossibleNumber,
        of.span(),
        format!("`{}` cannot be the whole of a value of `{}`", **of, def.id),
        "`of` is the whole the value is part of (39 of 43): a number, 0 or more",
    );
    None
}

fn number(c: &mut Checker, def: &IndicatorDef, value: &Spanned<f64>, of: Option<f64>) {
    let (span, value) = (value.span(), **value);
    if !value.is_finite() || value < 0.0 {
        c.push(
            Code::ImpossibleNumber,
            span,
            format!("`{}` cannot be a value of `{}`", value, def.id),
            "values are 0 or more",
        );
    } else if def.unit == Unit::Percent && value > 100.0 {
        c.push(
            Code::ImpossibleNumber,
            span,
            format!("{} % is over 100 %", grouped(value)),
            format!("`{}` is a percentage; check the value", def.id),
        );
    } else if let Some(of) = of.filter(|of| value > *of) {
        c.push(
            Code::ImpossibleNumber,
            span,
            format!("{} is more than its whole, {}", grouped(value), grouped(of)),
            "`of` is the whole the value is part of (39 of 43)",
        );
    }
}

fn outcome(c: &mut Checker, o: &Outcome) {
    for d in &o.discharge {
        discharge(c, d);
    }
    entries(c, o);
}

/// `discharged` counts people among those supported.
fn discharge(c: &mut Checker, d: &Discharge) {
    let (Some(supported), Some(discharged)) = (d.supported, &d.discharged) else {
        return;
    };
    if **discharged > supported {
        c.push(
            Code::ImpossibleNumber,
            discharged.span(),
            format!(
                "{} discharged is more than the {supported} people supported",
                **discharged
            ),
            "`discharged` counts people among those supported",
        );
    }
}

/// A count marked as a total or as cumulative has the count it qualifies; an entry says
/// something.
fn entries(c: &mut Checker, o: &Outcome) {
    for e in o.entries() {
        if *e.cumulative && e.attendees.is_none() {
            c.push(
                Code::InvalidValue,
                e.cumulative.span(),
                "`cumulative` is set but there is no `attendees` count".into(),
                "write the attendance the source sums (参加者延42名 → attendees: 42)",
            );
        }
        if *e.total && e.sessions.is_none() && e.attendees.is_none() {
            c.push(
                Code::InvalidValue,
                e.total.span(),
                "`total` is set but there is no `sessions` or `attendees` count".into(),
                "write the total the source states (計５回 → sessions: 5)",
            );
        }
        if e.title.is_none() && e.date.is_none() && e.venue.is_none() && e.parts.is_empty() {
            c.push(
                Code::MissingField,
                e.span(),
                "an entry needs a `title`, a `date`, a `venue` or `parts`".into(),
                "write the line's wording as `title: {ja: …, en: …}`",
            );
        }
    }
}
