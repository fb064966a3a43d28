//! Integration tests: build fixture sites with the real binary and assert on pages,
//! diagnostics and exit codes. One binary, modules by subject.

mod architecture;
mod build;
mod check;
mod compare;
mod golden;
mod handbook;
mod invalid_fixture;
mod output;
mod serve;
mod support;
