//! Comparisons computed from records: no I/O, no HTML pages, no templates.
//!
//! In: a loaded (and validated) [`Corpus`](crate::load::Corpus).
//! Out, for the pages that compare regions and for open data:
//!
//! - [`observations`](mod@observations): every indicator value in the corpus as one tidy [`Observation`]
//!   (region, indicator, baseline / target / actual / count, value, date and its role, the
//!   record and field path it came from);
//! - [`progress`]: one [`Comparison`] per source row — baseline, target and actual side by
//!   side, with change, gap, whether the target is met and the share of the way covered, all
//!   direction-aware — plus [`per_100k`] and [`same_point`];
//! - [`csv`]: `/data/indicators.csv`, one row per observation, and the table documenting
//!   its columns;
//! - [`chart`]: an accessible SVG per indicator (baseline → actual, target marker);
//! - [`timeline`](mod@timeline): status sheets' programmes on a fiscal-year axis, with the programmes
//!   whose period is not stated kept apart rather than drawn at a guessed year.
//!
//! Guarantees: output is deterministic (sorted, fixed number formatting); values are never
//! compared across date points silently — every observation keeps its date, and every
//! [`Comparison`] lists the [`Caveat`]s that qualify it; nothing here panics on data.

pub mod chart;
pub mod csv;
pub mod observations;
pub mod progress;
pub mod timeline;

pub use chart::{indicator_svg, ChartRow, ChartValue};
pub use csv::{indicators_csv, COLUMNS};
pub use observations::{observations, DateRole, ObsKind, Observation};
pub use progress::{comparisons, per_100k, same_point, Caveat, Comparison, Obs, PerCapita};
pub use timeline::{timeline, timeline_svg, Timeline, TimelineRow, Unplaced};

/// A number without float noise: at most ten decimals, trailing zeros dropped, no
/// thousands separators (`4396`, `54.8`, `-14.2` for `54.8 - 69.0`). Non-finite values give
/// an empty string.
pub fn plain_number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let fixed = format!("{v:.10}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    match trimmed {
        "-0" | "" => "0".to_owned(),
        t => t.to_owned(),
    }
}

/// [`plain_number`] with thousands separators, as pages print numbers (`4,396`, `54.8`).
pub fn grouped_number(v: f64) -> String {
    let plain = plain_number(v);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (rest, None),
    };
    let mut out = String::from(sign);
    let len = int.chars().count();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Escape text for XML content and attribute values (the same five characters as HTML).
pub(crate) fn xml_escape(s: &str) -> String {
    crate::render::markdown::html_escape(s)
}

/// A coordinate with two decimals, so SVG output is byte-stable (`12.5` → `12.50`).
pub(crate) fn coord(v: f64) -> String {
    if v.is_finite() {
        let s = format!("{v:.2}");
        if s == "-0.00" {
            "0.00".to_owned()
        } else {
            s
        }
    } else {
        "0.00".to_owned()
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    //! The bundled handbook, loaded and validated once per test binary.

    use std::path::Path;
    use std::sync::OnceLock;

    use crate::load::Corpus;

    pub fn corpus() -> &'static Corpus {
        static CORPUS: OnceLock<Corpus> = OnceLock::new();
        CORPUS.get_or_init(|| {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            let config = crate::config::Config::load(root)
                .expect("casebook.yaml is readable")
                .expect("casebook.yaml is valid");
            let (corpus, mut diags) = crate::load::load(config).expect("content loads");
            crate::validate::validate(&corpus, &mut diags);
            assert!(
                !diags.fails(false),
                "the bundled content has errors: {:?}",
                diags.into_sorted()
            );
            corpus
        })
    }

    /// A tiny XML well-formedness check for the SVG we emit: tags balance and nest, attribute
    /// values are quoted, text holds no raw `<` or unescaped `&`.
    pub fn assert_well_formed(xml: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = xml;
        while let Some(open) = rest.find('<') {
            assert_text_ok(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('>').expect("every tag closes");
            let tag = &after[..close];
            assert!(!tag.contains('<'), "a `<` inside a tag: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                let top = stack.pop().expect("a closing tag has an opening tag");
                assert_eq!(top, name.trim(), "tags nest");
            } else {
                let self_closing = tag.ends_with('/');
                let body = tag.trim_end_matches('/');
                let name = body.split_whitespace().next().expect("a tag has a name");
                assert_eq!(
                    body.matches('"').count() % 2,
                    0,
                    "attribute values are quoted: {tag}"
                );
                if !self_closing {
                    stack.push(name.to_owned());
                }
            }
            rest = &after[close + 1..];
        }
        assert_text_ok(rest);
        assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    }

    fn assert_text_ok(text: &str) {
        assert!(!text.contains('>'), "a raw `>` in text: {text}");
        let mut rest = text;
        while let Some(amp) = rest.find('&') {
            let entity = &rest[amp..];
            let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| entity.starts_with(e));
            assert!(ok, "an unescaped `&` in text: {text}");
            rest = &rest[amp + 1..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_without_float_noise() {
        assert_eq!(plain_number(4396.0), "4396");
        assert_eq!(plain_number(54.8), "54.8");
        assert_eq!(plain_number(54.8 - 69.0), "-14.2");
        assert_eq!(plain_number(-0.0), "0");
        assert_eq!(plain_number(f64::NAN), "");
        assert_eq!(grouped_number(4396.0), "4,396");
        assert_eq!(grouped_number(1782190.0), "1,782,190");
        assert_eq!(grouped_number(-434.5), "-434.5");
        assert_eq!(grouped_number(999.0), "999");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(xml_escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
        testutil::assert_well_formed("<svg a=\"1\"><text>x &amp; y</text><line/></svg>");
    }
}
