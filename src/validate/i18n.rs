//! Translations: every text with Japanese has English beside it.
//!
//! The one rule that walks the YAML tree rather than the typed record: a `{ja, en}` mapping
//! can sit anywhere, and the walk needs no field path to find it.

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::load::Vocab;
use crate::yaml::{Node, Value};

/// The vocabularies records name entries of (the glossary and variants are not shown as
/// text of their own).
pub(super) fn vocabularies(v: &Vocab, diags: &mut Diagnostics) {
    let files = [
        (&v.categories.file, &v.categories.tree),
        (&v.themes.file, &v.themes.tree),
        (&v.region_kinds.file, &v.region_kinds.tree),
        (&v.actors.file, &v.actors.tree),
        (&v.indicators.file, &v.indicators.tree),
    ];
    for (file, tree) in files {
        if let Some(tree) = tree {
            let mut out = Vec::new();
            translations(file, tree, &mut out);
            diags.extend(out);
        }
    }
}

/// Every mapping that has `ja` text needs `en` text beside it.
pub(super) fn translations(file: &str, node: &Node, out: &mut Vec<Diagnostic>) {
    match &node.value {
        Value::Map(entries) => {
            if let Some(d) = untranslated(file, node) {
                out.push(d);
            }
            for (_, v) in entries {
                translations(file, v, out);
            }
        }
        Value::Seq(items) => items.iter().for_each(|n| translations(file, n, out)),
        Value::Scalar { .. } => {}
    }
}

/// A mapping with `ja` text and no `en` text (missing, null or blank).
fn untranslated(file: &str, node: &Node) -> Option<Diagnostic> {
    let ja = node.get("ja").filter(|j| !j.is_null())?.as_str()?;
    let en = node.get("en");
    if en.is_some_and(|e| !e.is_null() && e.as_str().is_none_or(|s| !s.trim().is_empty())) {
        return None;
    }
    // The first line only: a message is one line (issue #20).
    let preview: String = ja.chars().take_while(|c| *c != '\n').take(20).collect();
    Some(
        Diagnostic::new(
            Code::MissingTranslation,
            file,
            node.span,
            format!("no English translation for `{}`", preview.trim()),
        )
        .with_help("add `en: …` beside `ja:`; the English page shows the Japanese marked \"not yet translated\" until then"),
    )
}
