//! Integration tests: build fixture sites with the real binary and assert on pages,
//! diagnostics and exit codes. One binary, modules by subject.

mod architecture;
mod build;
mod check;
mod ci_doc;
mod compare;
mod fuzz;
mod golden;
mod handbook;
mod hostile;
mod html_urls;
mod i18n;
mod invalid_fixture;
mod markdown;
mod output;
mod scale;
mod serve;
mod support;
mod text_clean;
