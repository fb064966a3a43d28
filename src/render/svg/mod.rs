//! SVG drawn at build time: the practice cases' stage charts, the indicator charts and the
//! programme timeline. Text stays text; every chart carries `role="img"`, a `<title>` and a
//! `<desc>`, and the page lists the same data beside it.

pub mod indicator;
pub mod stages;
pub mod timeline;

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
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(xml_escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
        crate::testutil::assert_well_formed("<svg a=\"1\"><text>x &amp; y</text><line/></svg>");
    }
}
