//! What a region says about its place in the official order: a prefecture's `code` (JIS X
//! 0401, 1–47, each once, on prefectures only) and a `reading` in kana. Each broken rule is an
//! `invalid-value` at the value.

use std::collections::BTreeMap;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::Record;
use crate::model::Body;

/// Every region's code and reading, and codes used twice (reported at the second, by file).
pub(super) fn codes_and_readings(records: &[Record], diags: &mut Diagnostics) {
    let mut first: BTreeMap<u32, &Record> = BTreeMap::new();
    for rec in records {
        let Body::Region(r) = &rec.body else { continue };
        if let Some(reading) = &r.reading {
            if let Some(c) = reading.chars().find(|&c| !is_reading_char(c)) {
                diags.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        &rec.file,
                        reading.span(),
                        format!("a reading is written in kana; `{c}` is not kana"),
                    )
                    .with_help("write how the name is read in hiragana or katakana (ー, ・ and spaces are allowed): 熊本県 → くまもとけん"),
                );
            }
        }
        let Some(code) = &r.code else { continue };
        let value = **code;
        let problem = if r.kind != "prefecture" {
            Some(format!(
                "only a prefecture has a code; this region's kind is `{}`",
                r.kind.as_str()
            ))
        } else if !(1..=47).contains(&value) {
            Some(format!("prefecture code {value} is not between 1 and 47"))
        } else if let Some(other) = first.get(&value) {
            Some(format!(
                "prefecture code {value} is already the code of `{}` ({})",
                other.id, other.file
            ))
        } else {
            first.insert(value, rec);
            None
        };
        if let Some(message) = problem {
            diags.push(
                Diagnostic::new(Code::InvalidValue, &rec.file, code.span(), message).with_help(
                    "a prefecture's code is its JIS X 0401 number: 1 北海道, 13 東京都, 43 熊本県, 47 沖縄県",
                ),
            );
        }
    }
}

/// Kana, the prolonged sound mark, the middle dot and spaces.
fn is_reading_char(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{3096}' | '\u{309D}'..='\u{309F}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' | '・' | ' ' | '\u{3000}')
}
