//! Helpers for the date tests: read a date that must parse, or must not.

use super::{parse, DateError, DateWarning, When};

pub(super) fn when(input: &str) -> When {
    match parse(input) {
        Ok(parsed) => parsed.when,
        Err(e) => panic!("`{input}` did not parse: {e:?}"),
    }
}

pub(super) fn error(input: &str) -> DateError {
    match parse(input) {
        Ok(parsed) => panic!("`{input}` parsed as {:?}, expected an error", parsed.when),
        Err(e) => e,
    }
}

pub(super) fn warnings(input: &str) -> Vec<DateWarning> {
    match parse(input) {
        Ok(parsed) => parsed.warnings,
        Err(e) => panic!("`{input}` did not parse: {e:?}"),
    }
}
