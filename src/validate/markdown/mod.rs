//! Markdown: every `Prose` text of every record and vocabulary, checked against the rules the
//! renderer follows ([`rules`], applied by the one pass in [`scan`]), each finding placed at
//! its line and column in the YAML file.
//!
//! Where the Markdown is: the JSON Schema of the record kind (generated from the same types
//! serde reads) names `Prose` wherever a field holds one, so the YAML tree is walked beside
//! the schema and every mapping the schema calls `Prose` is a text to check — no list of
//! fields to keep in step with the model. Positions inside a text are mapped to the file by
//! [`scalar`] (block and flow scalars, quotes and escapes).
//!
//! Besides the limits of one text, a file has a budget: the elements its Markdown makes and
//! the code it highlights ([`rules::MAX_FILE_ELEMENTS`], [`rules::MAX_FILE_HIGHLIGHT_BYTES`]),
//! so that any file that passes `check` builds in bounded time.

mod html;
pub mod rules;
mod scalar;
pub mod scan;

use std::sync::LazyLock;

use rayon::prelude::*;
use serde_json::Value as Json;

use crate::diag::{Code, Diagnostic, Diagnostics, Span};
use crate::load::Corpus;
use crate::model::vocab::{IndicatorDef, Term};
use crate::model::{Analysis, Case, Kind, Outcome, Page, Practice, Region, StatusSheet};
use crate::yaml::{Node, Value};

/// Every Markdown finding of the corpus.
pub fn check(corpus: &Corpus, diags: &mut Diagnostics) {
    let mut files: Vec<(&str, &Node, &Json)> = corpus
        .records
        .iter()
        .map(|r| (r.file.as_str(), &r.tree, schema(Schemas::Kind(r.kind))))
        .collect();
    let v = &corpus.vocab;
    for f in [&v.categories, &v.themes, &v.region_kinds, &v.actors] {
        if let Some(tree) = &f.tree {
            files.push((&f.file, tree, schema(Schemas::Terms)));
        }
    }
    if let Some(tree) = &v.indicators.tree {
        files.push((&v.indicators.file, tree, schema(Schemas::Indicators)));
    }
    let found: Vec<Vec<Diagnostic>> = files
        .par_iter()
        .map(|(file, tree, schema)| {
            let source = corpus.sources.get(*file).map_or("", String::as_str);
            check_file(file, source, tree, schema)
        })
        .collect();
    diags.extend(found.into_iter().flatten());
}

/// The findings of one file: each text's, then the file's budgets.
fn check_file(file: &str, source: &str, tree: &Node, schema: &Json) -> Vec<Diagnostic> {
    let mut texts = Vec::new();
    prose(tree, schema, schema, 0, &mut texts);
    let mut out = Vec::new();
    let (mut elements, mut highlighted) = (0, 0);
    for node in texts {
        let Some(text) = node.as_str() else { continue };
        let lint = scan::lint(text);
        let offsets: Vec<usize> = lint.findings.iter().map(|f| f.range.start).collect();
        let places = scalar::locate(source, node.span, text, &offsets);
        for (f, (line, column)) in lint.findings.into_iter().zip(places) {
            out.push(
                Diagnostic::new(f.code, file, Span::new(line, column, 1), f.message)
                    .with_help(f.help),
            );
        }
        let before = (elements, highlighted);
        (elements, highlighted) = (elements + lint.elements, highlighted + lint.highlighted);
        if before.0 <= rules::MAX_FILE_ELEMENTS && elements > rules::MAX_FILE_ELEMENTS {
            out.push(over_budget(file, node, format!(
                "the Markdown of this file makes more than {} HTML elements (paragraphs, list items, links, table cells …) with this text; the limit per file is {}",
                rules::MAX_FILE_ELEMENTS, rules::MAX_FILE_ELEMENTS
            )));
        }
        if before.1 <= rules::MAX_FILE_HIGHLIGHT_BYTES
            && highlighted > rules::MAX_FILE_HIGHLIGHT_BYTES
        {
            out.push(over_budget(file, node, format!(
                "this file has more than {} KiB of code to highlight with this text; the limit per file is {} KiB",
                rules::MAX_FILE_HIGHLIGHT_BYTES / 1024, rules::MAX_FILE_HIGHLIGHT_BYTES / 1024
            )));
        }
    }
    out
}

fn over_budget(file: &str, node: &Node, message: String) -> Diagnostic {
    Diagnostic::new(Code::MarkdownTooLarge, file, Span { len: 1, ..node.span }, message)
        .with_help("split the record into several, or shorten its texts (code without a language after ``` is not highlighted)")
}

/// The schemas Markdown is looked for with.
#[derive(Clone, Copy)]
enum Schemas {
    Kind(Kind),
    Terms,
    Indicators,
}

fn schema(which: Schemas) -> &'static Json {
    static ALL: LazyLock<Vec<Json>> = LazyLock::new(|| {
        [
            schemars::schema_for!(Region),
            schemars::schema_for!(StatusSheet),
            schemars::schema_for!(Outcome),
            schemars::schema_for!(Case),
            schemars::schema_for!(Practice),
            schemars::schema_for!(Analysis),
            schemars::schema_for!(Page),
            schemars::schema_for!(Vec<Term>),
            schemars::schema_for!(Vec<IndicatorDef>),
        ]
        .into_iter()
        .map(|s| s.to_value())
        .collect()
    });
    let i = match which {
        Schemas::Kind(k) => match k {
            Kind::Regions => 0,
            Kind::StatusSheets => 1,
            Kind::Outcomes => 2,
            Kind::Cases => 3,
            Kind::Practices => 4,
            Kind::Analyses => 5,
            Kind::Pages => 6,
        },
        Schemas::Terms => 7,
        Schemas::Indicators => 8,
    };
    &ALL[i]
}

/// The name under which schemars defines `model::Prose`.
const PROSE_REF: &str = "#/$defs/Prose";

/// The `ja` and `en` scalars of every mapping in `node` that `schema` calls `Prose`, in
/// document order. `depth` counts schema steps taken without descending into the tree (a
/// guard against a schema that refers to itself).
fn prose<'a>(node: &'a Node, schema: &Json, root: &Json, depth: usize, out: &mut Vec<&'a Node>) {
    if depth > 16 {
        return;
    }
    if let Some(r) = schema.get("$ref").and_then(Json::as_str) {
        if r == PROSE_REF {
            for lang in ["ja", "en"] {
                if let Some(text) = node.get(lang).filter(|t| t.as_str().is_some()) {
                    out.push(text);
                }
            }
            return;
        }
        if let Some(def) = r
            .strip_prefix("#/$defs/")
            .and_then(|name| root.get("$defs")?.get(name))
        {
            prose(node, def, root, depth + 1, out);
        }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for branch in schema
            .get(key)
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            let before = out.len();
            prose(node, branch, root, depth + 1, out);
            if out.len() > before {
                // The first branch that finds Markdown is the one the value is.
                return;
            }
        }
    }
    match &node.value {
        Value::Map(entries) => {
            let props = schema.get("properties");
            let extra = schema.get("additionalProperties").filter(|a| a.is_object());
            for (k, v) in entries {
                let field = k.as_str().and_then(|k| props?.get(k)).or(extra);
                if let Some(field) = field {
                    prose(v, field, root, 0, out);
                }
            }
        }
        Value::Seq(items) => {
            if let Some(item) = schema.get("items") {
                for v in items {
                    prose(v, item, root, 0, out);
                }
            }
        }
        Value::Scalar { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    /// The codes and places of the findings in a page whose body is `ja` and `en`, each a
    /// literal block.
    fn page_findings(ja: &str, en: &str) -> Vec<(Code, usize, usize)> {
        let block = |text: &str| {
            text.lines()
                .map(|l| format!("    {l}\n"))
                .collect::<String>()
        };
        let source = format!(
            "title: {{ja: 題, en: Title}}\nbody:\n  ja: |\n{}  en: |\n{}",
            block(ja),
            block(en)
        );
        let tree = parse(&source).root.expect("the page parses");
        check_file(
            "content/pages/p.yaml",
            &source,
            &tree,
            schema(Schemas::Kind(Kind::Pages)),
        )
        .into_iter()
        .map(|d| (d.code, d.span.line, d.span.column))
        .collect()
    }

    #[test]
    fn findings_are_placed_in_the_file_and_the_plain_title_is_not_markdown() {
        let found = page_findings("前\n\n[x](../up)\n", "<script>x</script>\n");
        // The title holds no Markdown; `[x]` is on line 6, the script on line 8.
        assert_eq!(
            found,
            [(Code::LinkOutsideSite, 6, 5), (Code::HtmlRemoved, 8, 5)]
        );
    }

    #[test]
    fn a_file_has_an_element_budget_over_all_its_texts() {
        // A footnote reference makes two elements; the text's paragraph and the footnote's
        // definition a few more.
        let refs = |n: usize| format!("{}\n\n[^1]: 注\n", "x[^1] ".repeat(n));
        let half = rules::MAX_FILE_ELEMENTS / 4;
        assert_eq!(page_findings(&refs(half - 10), &refs(half - 10)), []);
        // Each text alone is within every limit of a text; together they are over the file's,
        // reported at the text that goes over: the English one, whose block starts on line 8.
        let over = page_findings(&refs(half + 10), &refs(half + 10));
        assert_eq!(over, [(Code::MarkdownTooLarge, 8, 5)], "{over:?}");
    }

    #[test]
    fn a_file_has_a_budget_of_highlighted_code() {
        // A Rust block whose code is `bytes` bytes, in lines of 64 (within a line's limit).
        let block = |bytes: usize| {
            let mut code = format!("{}\n", "a".repeat(63)).repeat(bytes / 64);
            if bytes % 64 > 0 {
                code.push_str(&format!("{}\n", "b".repeat(bytes % 64 - 1)));
            }
            format!("```rust\n{code}```\n")
        };
        let half = rules::MAX_FILE_HIGHLIGHT_BYTES / 2;
        assert_eq!(
            half,
            rules::MAX_HIGHLIGHT_BYTES,
            "two blocks at their limit fill a file's"
        );
        assert_eq!(page_findings(&block(half), &block(half)), []);
        let more = format!("{}\n{}", block(half - 100), block(200));
        let over = page_findings(&block(half), &more);
        // The English text goes over: it starts after the title, `body:`, `ja: |`, the
        // Japanese block (its fences and lines) and `en: |`.
        let en_line = 3 + 1 + half / 64 + 1 + 1 + 1;
        assert_eq!(over, [(Code::MarkdownTooLarge, en_line, 5)], "{over:?}");
        // Code without a language costs nothing to highlight.
        let plain = block(half).replace("```rust", "```").repeat(3);
        assert_eq!(page_findings(&plain, &block(half)), []);
    }
}
