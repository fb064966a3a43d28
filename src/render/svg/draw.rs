//! The drawing layer every chart shares: a writer for SVG elements, and the shapes a layout
//! hands to it.
//!
//! In: elements, attributes and text, in document order. Out: one string of SVG.
//!
//! Guarantees: every attribute value and every text is escaped; every coordinate and length
//! is printed one way, [`Coord`] (two decimals), so a chart is byte-stable whatever
//! arithmetic placed it; elements close in the order they were opened. Fixed presentation
//! values (corner radii, stroke widths, font sizes, the arrowhead's own 10 × 10 box) are
//! constants written as text.

use std::fmt;

use crate::render::html::escape as html_escape;

/// A coordinate or length as SVG output prints it: two decimals (`12.5` → `12.50`), `-0.00`
/// as `0.00`, and a value that is not finite as `0.00`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coord(pub f64);

impl fmt::Display for Coord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() { self.0 } else { 0.0 };
        match format!("{v:.2}") {
            s if s == "-0.00" => f.write_str("0.00"),
            s => f.write_str(&s),
        }
    }
}

/// A rectangle: its top-left corner and its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A straight line from one point to another.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// A line of text and where its baseline starts (or is centred, or ends: see [`Anchor`]).
#[derive(Clone, Debug, PartialEq)]
pub struct TextAt {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// Which end of a text its `x` names (`text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// Path data (`d`) built from points: `M16.00,9.00 L22.00,16.00 z`.
#[derive(Clone, Debug, Default)]
pub struct PathData(String);

impl PathData {
    pub fn move_to(self, x: f64, y: f64) -> PathData {
        self.command("M", x, y)
    }

    pub fn line_to(self, x: f64, y: f64) -> PathData {
        self.command("L", x, y)
    }

    pub fn close(mut self) -> PathData {
        self.0.push_str(" z");
        self
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn command(mut self, letter: &str, x: f64, y: f64) -> PathData {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0
            .push_str(&format!("{letter}{},{}", Coord(x), Coord(y)));
        self
    }
}

/// The arrowhead every chart's `<marker>` draws, in the marker's own 10 × 10 box.
const ARROWHEAD: &str = "M0,0 L10,5 L0,10 z";

/// How a chart's root element sets its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Font {
    /// As the page's stylesheet says.
    Page,
    /// Generic sans-serif at 12px in the text colour: no font is named or fetched.
    Sans,
}

/// The root of a chart: an `<svg>` with `role="img"`, named for assistive technology by its
/// `<title>` and described by its `<desc>`, both found through `aria-labelledby`.
pub struct Frame<'a> {
    /// The root's `class`.
    pub class: &'a str,
    /// Unique on the page; the title, description and marker ids start with it.
    pub dom_id: &'a str,
    pub width: f64,
    pub height: f64,
    pub font: Font,
    pub title: &'a str,
    pub desc: &'a str,
}

/// An SVG document being written.
#[derive(Debug, Default)]
pub struct Svg {
    out: String,
    /// The elements opened and not yet closed, innermost last.
    open: Vec<&'static str>,
}

impl Svg {
    /// A chart's root element, its title and its description (see [`Frame`]); the root stays
    /// open until [`Svg::finish`].
    pub fn chart(frame: &Frame) -> Svg {
        let mut svg = Svg::default();
        let id = frame.dom_id;
        let root = svg
            .el("svg")
            .attr("class", frame.class)
            .attr(
                "viewBox",
                &format!("0 0 {} {}", Coord(frame.width), Coord(frame.height)),
            )
            .attr("role", "img")
            .attr("aria-labelledby", &format!("{id}-title {id}-desc"))
            .attr("xmlns", "http://www.w3.org/2000/svg");
        match frame.font {
            Font::Page => root.open(),
            Font::Sans => root
                .attr("font-family", "sans-serif")
                .attr("font-size", "12")
                .attr("fill", "currentColor")
                .open(),
        }
        svg.el("title")
            .attr("id", &format!("{id}-title"))
            .text(frame.title);
        svg.el("desc")
            .attr("id", &format!("{id}-desc"))
            .text(frame.desc);
        svg
    }

    /// Start an element: `<name`, then its attributes (see [`Tag`]).
    pub fn el(&mut self, name: &'static str) -> Tag<'_> {
        self.out.push('<');
        self.out.push_str(name);
        Tag { svg: self, name }
    }

    /// Close the innermost open element.
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }

    /// An arrowhead `<marker>` with the id `{dom_id}-arrow`, painted by one attribute
    /// (`class` or `fill`), inside `<defs>`. Lines point at it with [`marker_url`].
    pub fn arrow_marker(&mut self, dom_id: &str, paint: (&str, &str)) {
        self.el("defs").open();
        self.el("marker")
            .attr("id", &format!("{dom_id}-arrow"))
            .attr("viewBox", "0 0 10 10")
            .attr("refX", "9")
            .attr("refY", "5")
            .attr("markerWidth", "7")
            .attr("markerHeight", "7")
            .attr("orient", "auto-start-reverse")
            .open();
        self.el("path")
            .attr("d", ARROWHEAD)
            .attr(paint.0, paint.1)
            .end();
        self.close();
        self.close();
    }

    /// Close every element still open and return the document.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// `url(#{dom_id}-arrow)`: the marker [`Svg::arrow_marker`] made.
pub fn marker_url(dom_id: &str) -> String {
    format!("url(#{dom_id}-arrow)")
}

/// An element's start tag being written: add attributes, then end it as empty ([`Tag::end`]),
/// with text ([`Tag::text`]) or open for children ([`Tag::open`]).
#[must_use = "a start tag must be ended with `end`, `text` or `open`"]
pub struct Tag<'s> {
    svg: &'s mut Svg,
    name: &'static str,
}

impl Tag<'_> {
    /// An attribute, its value escaped.
    pub fn attr(self, name: &str, value: &str) -> Self {
        let out = &mut self.svg.out;
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        out.push_str(&html_escape(value));
        out.push('"');
        self
    }

    /// A coordinate or length, printed as [`Coord`].
    pub fn at(self, name: &str, value: f64) -> Self {
        self.attr(name, &Coord(value).to_string())
    }

    /// `x`, `y`, `width` and `height` of a rectangle.
    pub fn rect(self, r: &Rect) -> Self {
        self.at("x", r.x)
            .at("y", r.y)
            .at("width", r.width)
            .at("height", r.height)
    }

    /// `x1`, `y1`, `x2` and `y2` of a line.
    pub fn segment(self, s: &Segment) -> Self {
        self.at("x1", s.x1)
            .at("y1", s.y1)
            .at("x2", s.x2)
            .at("y2", s.y2)
    }

    /// An empty element: `/>`.
    pub fn end(self) {
        self.svg.out.push_str("/>");
    }

    /// The element with `text`, escaped, as its content.
    pub fn text(self, text: &str) {
        let out = &mut self.svg.out;
        out.push('>');
        out.push_str(&html_escape(text));
        out.push_str("</");
        out.push_str(self.name);
        out.push('>');
    }

    /// The element, left open for children until [`Svg::close`].
    pub fn open(self) {
        self.svg.out.push('>');
        self.svg.open.push(self.name);
    }
}

/// `{prefix}-` and eight hex digits of an FNV-1a hash of `parts` (each followed by a zero
/// byte): a DOM id that differs between two charts of one page drawn from different data.
pub fn hashed_id<'p>(prefix: &str, parts: impl IntoIterator<Item = &'p str>) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for part in parts {
        for b in part.bytes().chain([0]) {
            hash ^= u32::from(b);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    format!("{prefix}-{hash:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::assert_well_formed;

    #[test]
    fn coordinates_print_with_two_decimals_and_without_noise() {
        let cases = [
            (12.5, "12.50"),
            (0.1 + 0.2, "0.30"),
            (-0.001, "0.00"),
            (-3.0, "-3.00"),
            (910.0, "910.00"),
            (f64::NAN, "0.00"),
            (f64::INFINITY, "0.00"),
        ];
        for (v, printed) in cases {
            assert_eq!(Coord(v).to_string(), printed, "{v}");
        }
    }

    #[test]
    fn text_and_attributes_are_escaped_and_elements_close_in_order() {
        let mut svg = Svg::chart(&Frame {
            class: "c",
            dom_id: "x\"y",
            width: 10.0,
            height: 5.5,
            font: Font::Sans,
            title: "<title> & \"more\"",
            desc: "it's",
        });
        svg.el("g").attr("class", "a<b").open();
        svg.el("text").at("x", 1.0).text("1 < 2 & 3 > 2");
        svg.el("path")
            .attr(
                "d",
                PathData::default()
                    .move_to(1.0, 2.0)
                    .line_to(3.0, 4.0)
                    .close()
                    .as_str(),
            )
            .end();
        let out = svg.finish();
        assert_well_formed(&out);
        assert!(out.starts_with(
            "<svg class=\"c\" viewBox=\"0 0 10.00 5.50\" role=\"img\" \
             aria-labelledby=\"x&quot;y-title x&quot;y-desc\""
        ));
        assert!(out
            .contains("<title id=\"x&quot;y-title\">&lt;title&gt; &amp; &quot;more&quot;</title>"));
        assert!(out.contains("<desc id=\"x&quot;y-desc\">it&#39;s</desc>"));
        assert!(out.contains("<g class=\"a&lt;b\"><text x=\"1.00\">1 &lt; 2 &amp; 3 &gt; 2</text>"));
        assert!(out.ends_with("<path d=\"M1.00,2.00 L3.00,4.00 z\"/></g></svg>"));
    }

    #[test]
    fn hashed_ids_depend_on_every_part() {
        let a = hashed_id("timeline", ["t", "a", "b"]);
        assert_eq!(a, hashed_id("timeline", ["t", "a", "b"]));
        assert_ne!(a, hashed_id("timeline", ["t", "ab", ""]));
        assert!(a.starts_with("timeline-") && a.len() == "timeline-".len() + 8);
    }
}
