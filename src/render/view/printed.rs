//! What a record page prints that is not the record's own text, read from its view: the
//! values the view formatted (numbers grouped and with their units, dates as the page shows
//! them) and the labels it filled in. The search index takes these (issue #17), so a page is
//! found by the figures and dates it shows, in the form it shows them, without the index
//! formatting anything again.
//!
//! The view is walked as the template reads it (its JSON): plain strings are printed text;
//! bilingual texts (`{ja, en}`) are the record's own and are indexed from the record, so they
//! are left out here; a number with its unit or counter is joined as the template joins it
//! (`5,454` `人` → `5,454人`). Left out too: what a page does not print as text (URLs, ids,
//! element ids such as a row's `anchor`, `datetime` attributes, raw numbers behind `<data>`),
//! text already linked from the record's own (`linked`), and the lists of other records a
//! region's page shows, with the indicator values it shows from them.

use serde_json::{Map, Value};

/// Keys whose values a page does not print as text, prints as the record's own text again
/// (`linked`), or that list other records (a region's page).
const SKIP: &[&str] = &[
    "url",
    "id",
    "anchor",
    "anchors",
    "datetime",
    "linked",
    "kind",
    "source_file",
    "indicator",
    "stage",
    "key",
    "mark",
    "raw",
    "records",
    "child_records",
    "children",
    "mentioning",
    "indicators",
    "compare_url",
    "open",
    "close",
    "sep",
];

/// The parts of a figure, printed together by [`figure`].
const FIGURE: &[&str] = &[
    "before", "number", "shown", "unit", "counter", "after", "of",
];

/// The printed strings of a view, in the order of the view.
pub fn strings(view: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(view, &mut out);
    out
}

fn walk(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(o) if o.contains_key("ja") => {}
        Value::Object(o) => {
            // A count worded as the source words it prints that instead of number and unit.
            let worded = o.get("worded").is_some_and(Value::is_object);
            let figure = if worded { None } else { figure(o) };
            let joined = figure.is_some();
            out.extend(figure);
            for (k, v) in o {
                let part_of_figure = joined && FIGURE.contains(&k.as_str());
                if !SKIP.contains(&k.as_str()) && !part_of_figure {
                    walk(v, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
        Value::String(s) => {
            if let Some(s) = printed_text(s) {
                out.push(s);
            }
        }
        _ => {}
    }
}

/// A number as the template prints it with what stands around it: `{number}{unit}` and
/// ` / {of}` (a value of a table), `{shown}{counter}` (an outcome figure),
/// `{before}{number}{after}` (a count worded as the source words it).
fn figure(o: &Map<String, Value>) -> Option<String> {
    let text = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("");
    let number = o.get("number").filter(|n| n.get("shown").is_some());
    let shown = match number {
        Some(n) => n.get("shown").and_then(Value::as_str)?,
        None => o.get("shown").and_then(Value::as_str)?,
    };
    let mut s = format!(
        "{}{shown}{}{}",
        text("before"),
        text("unit"),
        text("counter")
    );
    s.push_str(text("after"));
    if let Some(of) = o.get("of").and_then(Value::as_str) {
        s.push_str(" / ");
        s.push_str(of);
    }
    Some(strip_tags(&s))
}

/// A string the page prints: not blank, not an HTML heading level (`h3`).
fn printed_text(s: &str) -> Option<String> {
    let heading_level =
        s.len() == 2 && s.starts_with('h') && s.ends_with(|c: char| c.is_ascii_digit());
    (!s.trim().is_empty() && !heading_level).then(|| strip_tags(s))
}

/// The text of a snippet of HTML that a template prints with `safe` (tags out, the few
/// entities the views write decoded).
fn strip_tags(s: &str) -> String {
    if !s.contains(['<', '&']) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::render::view::tests::{record, site};

    fn printed(id: &str, lang: Lang) -> Vec<String> {
        let site = site();
        crate::render::printed(
            &site,
            crate::render::view::compare::tests::computed(),
            site.strings().ui(lang),
            record(id),
        )
    }

    #[test]
    fn a_status_sheet_prints_its_figures_with_their_units_and_its_dates_as_shown() {
        let ja = printed("kagoshima-pref-sheet", Lang::Ja);
        for want in [
            "5,454人",
            "5,017人",
            "令和3年度",
            "H29～R1年度",
            "目標値",
            "20名",
        ] {
            assert!(ja.iter().any(|s| s == want), "{want} not in {ja:?}");
        }
        // A part of a whole: `N / 43` (municipalities), as the table prints it.
        assert!(ja.iter().any(|s| s.ends_with(" / 43")), "{ja:?}");
        let en = printed("kagoshima-pref-sheet", Lang::En);
        assert!(en.iter().any(|s| s == "FY2021"), "{en:?}");
        assert!(en.iter().any(|s| s.starts_with("5,454")), "{en:?}");
    }

    #[test]
    fn urls_ids_and_other_records_are_not_printed_text() {
        for id in [
            "kagoshima-pref",
            "kagoshima-pref-sheet",
            "miyazaki-pref-peer",
        ] {
            for s in printed(id, Lang::En) {
                assert!(!s.contains('/') || s.contains(" / "), "{id}: {s}");
                assert!(!s.contains("kagoshima-pref"), "{id}: {s}");
                assert_ne!(s, "Status sheets", "{id}: a region lists its records");
            }
        }
        let region = printed("kagoshima-pref", Lang::Ja);
        assert!(region.iter().any(|s| s == "43"), "{region:?}");
    }

    /// The rows' and columns' element ids, which comparisons link to, are not text.
    #[test]
    fn element_ids_are_not_printed_text() {
        for (id, anchor) in [
            ("kagoshima-pref-sheet", "s4-row-1"),
            ("kagoshima-pref-sheet", "s5-row-1"),
            ("chiba-city-outcome", "discharge-1"),
        ] {
            let all = printed(id, Lang::En);
            assert!(!all.is_empty());
            assert!(!all.iter().any(|s| s == anchor), "{id}: {all:?}");
        }
    }

    #[test]
    fn html_in_a_figure_is_printed_as_its_text() {
        let v = serde_json::json!({
            "before": "<b>うち</b>",
            "number": {"raw": "6", "shown": "6"},
            "after": "名",
            "url": "/x/"
        });
        assert_eq!(strings(&v), ["うち6名"]);
        assert_eq!(
            strings(&serde_json::json!({"level": "h3", "t": {"ja": "x"}})),
            Vec::<String>::new()
        );
    }
}
