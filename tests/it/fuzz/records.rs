//! Structure-aware fuzzing of every record kind: the site's real records (the bundled
//! handbook's and the `minimal` fixture's, every kind and vocabulary) are read into trees,
//! written out again in random styles, and mutated — a value replaced by hostile text, by a
//! number, a date or a collection; an entry removed, repeated or renamed; an unknown field
//! added; a value wrapped in a list — before they are read as their record type.
//!
//! Properties: a record reads to the same value and the same problems whatever styles it is
//! written in; a mutated record never panics the loader, and every problem it gets is placed
//! inside the file.

use std::path::Path;
use std::sync::OnceLock;

use casebook::diag::Code;
use proptest::prelude::*;

use super::yaml::{clean_text, document, inside, typed, Choices, Tree};
use super::{cases, hostile_text};

/// A record of the site: the type it is read as, its file and its tree.
struct Seed {
    kind: String,
    file: String,
    tree: Tree,
}

fn seeds() -> &'static [Seed] {
    static SEEDS: OnceLock<Vec<Seed>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seeds = Vec::new();
        for content in [
            repo.join("content"),
            repo.join("tests/fixtures/minimal/content"),
        ] {
            for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
                let entry = entry.expect("the content directory is readable");
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "yaml") {
                    continue;
                }
                let dir = path
                    .parent()
                    .and_then(Path::file_name)
                    .and_then(|d| d.to_str())
                    .unwrap_or("");
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                let kind = if dir == "vocabularies" { stem } else { dir };
                let text = std::fs::read_to_string(path).expect("a record is readable");
                let node = casebook::yaml::parse(&text)
                    .root
                    .expect("the site's records parse");
                seeds.push(Seed {
                    kind: kind.to_owned(),
                    file: path.display().to_string(),
                    tree: Tree::of(&node),
                });
            }
        }
        assert!(seeds.len() > 50, "only {} records found", seeds.len());
        seeds
    })
}

/// How many nodes a tree has (values and keys' values), for picking one.
fn size(tree: &Tree) -> usize {
    1 + match tree {
        Tree::Scalar(..) => 0,
        Tree::Seq(items) => items.iter().map(size).sum(),
        Tree::Map(entries) => entries.iter().map(|(_, v)| size(v)).sum(),
    }
}

/// What a mutation does to the node it picks.
#[derive(Clone, Debug)]
enum Mutation {
    /// Put this value in its place.
    Replace(Tree),
    /// Wrap it in a one-item list.
    Wrap,
    /// In a mapping: remove its `n`th entry, repeat it, or rename its key.
    Remove(usize),
    Repeat(usize),
    Rename(usize, String),
    /// In a mapping: add a field no record has.
    Unknown(String),
}

/// Apply `m` to the `target`th node of `tree` in pre-order; `seen` counts nodes passed.
fn mutate(tree: &mut Tree, target: usize, m: &Mutation, seen: &mut usize) -> bool {
    if *seen == target {
        apply(tree, m);
        return true;
    }
    *seen += 1;
    match tree {
        Tree::Scalar(..) => false,
        Tree::Seq(items) => items.iter_mut().any(|t| mutate(t, target, m, seen)),
        Tree::Map(entries) => entries.iter_mut().any(|(_, t)| mutate(t, target, m, seen)),
    }
}

fn apply(tree: &mut Tree, m: &Mutation) {
    match (m, &mut *tree) {
        (Mutation::Replace(value), _) => *tree = value.clone(),
        (Mutation::Wrap, _) => *tree = Tree::Seq(vec![tree.clone()]),
        (Mutation::Remove(n), Tree::Map(entries)) if !entries.is_empty() => {
            entries.remove(n % entries.len());
        }
        (Mutation::Repeat(n), Tree::Map(entries)) if !entries.is_empty() => {
            let entry = entries[n % entries.len()].clone();
            entries.push(entry);
        }
        (Mutation::Rename(n, key), Tree::Map(entries)) if !entries.is_empty() => {
            let i = n % entries.len();
            entries[i].0 = key.clone();
        }
        (Mutation::Unknown(key), Tree::Map(entries)) => {
            entries.push((key.clone(), Tree::Scalar("x".into(), true)))
        }
        _ => {}
    }
}

/// Values a field could be given by mistake or malice.
fn value() -> impl Strategy<Value = Tree> {
    let plain = |t: &str| Tree::Scalar(t.to_owned(), true);
    prop_oneof![
        3 => hostile_text(40).prop_map(|t| Tree::Scalar(t, false)),
        2 => prop::sample::select(&[
            "", "~", "null", "true", "no", "0", "-1", "4,396", "1e400", "-0", "NaN", "99999999999999999999999",
            "54.8", "0x10", "R1.6月時点", "令和2年度末", "平成32年度", "R1.13月", "H29～R1年度", "通年",
            "not-stated", "2020-02-30", "FY99999", "kumamoto-pref", "sample-pref", "prefecture",
            "community-transition", "long-term-inpatients", "Bad_Id", "../x",
        ][..]).prop_map(plain),
        1 => "[a-z]{200,400}".prop_map(|t| Tree::Scalar(t, true)),
        1 => clean_text(12).prop_map(|t| Tree::Map(vec![("ja".into(), Tree::Scalar(t.clone(), false)), ("en".into(), Tree::Scalar(t, false))])),
        1 => Just(Tree::Seq(Vec::new())),
        1 => Just(Tree::Map(Vec::new())),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let field = prop::sample::select(
        &[
            "name", "kind", "title", "ja", "en", "region", "value", "as_of", "parnet", "名前",
            "sub", "body",
        ][..],
    )
    .prop_map(str::to_owned);
    prop_oneof![
        6 => value().prop_map(Mutation::Replace),
        1 => Just(Mutation::Wrap),
        1 => any::<usize>().prop_map(Mutation::Remove),
        1 => any::<usize>().prop_map(Mutation::Repeat),
        1 => (any::<usize>(), field.clone()).prop_map(|(n, k)| Mutation::Rename(n, k)),
        1 => field.prop_map(Mutation::Unknown),
    ]
}

/// A record's value and problems' codes when `text` is read as `kind`.
fn read(kind: &str, text: &str) -> (Option<serde_json::Value>, Vec<Code>) {
    let node = casebook::yaml::parse(text).root.expect("the record parses");
    let mut diags = Vec::new();
    let value = typed(kind, &node, &mut diags);
    (value, diags.iter().map(|d| d.code).collect())
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn records_mean_the_same_in_any_style(pick in any::<prop::sample::Index>(), seed in any::<u64>()) {
        let record = pick.get(seeds());
        let original = document(&record.tree, &mut Choices::new(0));
        let restyled = document(&record.tree, &mut Choices::new(seed));
        let expected = read(&record.kind, &original);
        prop_assert!(expected.0.is_some(), "{} does not read: {:?}", record.file, expected.1);
        prop_assert_eq!(read(&record.kind, &restyled), expected, "{} written as\n{}", record.file, restyled);
    }

    #[test]
    fn mutated_records_never_panic_and_place_their_problems(
        pick in any::<prop::sample::Index>(),
        mutations in prop::collection::vec((any::<prop::sample::Index>(), mutation()), 1..5),
        seed in any::<u64>(),
    ) {
        let record = pick.get(seeds());
        let mut tree = record.tree.clone();
        for (at, m) in &mutations {
            let target = at.index(size(&tree));
            mutate(&mut tree, target, m, &mut 0);
        }
        let text = document(&tree, &mut Choices::new(seed));
        let parsed = casebook::yaml::parse(&text);
        for e in &parsed.problems {
            prop_assert!(inside(&text, e.span), "{:?} at {:?}\n{}", e.message, e.span, text);
        }
        let Some(node) = parsed.root else {
            return Ok(());
        };
        let mut diags = Vec::new();
        let _ = typed(&record.kind, &node, &mut diags);
        for d in &diags {
            prop_assert!(inside(&text, d.span), "{:?}: {} at {:?}\n{}", d.code, d.message, d.span, text);
        }
    }
}
