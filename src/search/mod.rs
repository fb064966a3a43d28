//! Search: the handbook's full-text index, written at build time and read by the browser.
//!
//! `tokenize` is the one tokenizer of the site. The browser runs its twin,
//! `themes/default/static/search/tokenize.js`, on queries; `tests/search/vectors.json` and
//! `tests/search/stems.json` are run against both, so index terms and query terms agree.

pub mod index;
pub mod tokenize;
