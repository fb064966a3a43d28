//! SVG drawn at build time: the practice cases' stage charts ([`stages`]), the indicator
//! charts ([`indicator`]) and the programme timeline ([`timeline`]).
//!
//! Each chart is made in two steps: a **layout** (plain structs of positions and wrapped
//! lines, computed from the data and unit-tested) and its **drawing** (the layout written out
//! through [`draw`], the shared writer that escapes every text and prints every coordinate
//! one way). Every word a reader sees comes from the theme's strings, through the caller's
//! [`Ui`](crate::site::Ui); values arrive already written as text by the caller.
//!
//! Text stays text; every chart carries `role="img"`, a `<title>` and a `<desc>`, and the
//! page lists the same data beside it.

pub mod draw;
pub mod indicator;
pub mod stages;
pub mod timeline;

pub use draw::{hashed_id, Coord};
