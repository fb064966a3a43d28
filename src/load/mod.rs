//! Loading a site: walk `content/`, read each file safely, parse YAML into spanned trees,
//! deserialize typed records. Problems become diagnostics; only an unreadable root is an `Err`.
//!
//! Reading guards: files over [`MAX_FILE_BYTES`] are refused; a UTF-8 BOM is dropped; CRLF
//! is read as LF; invalid UTF-8 is reported at the line and column of the first bad byte, or
//! named as the encoding it is (Shift_JIS, EUC-JP, UTF-16) with the command that converts it;
//! hidden characters (controls, bidi overrides, zero-width) are reported where they stand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, Span};
use crate::model::vocab::{GlossaryEntry, IndicatorDef, Term};
use crate::model::{Body, Kind, TermList, Vocabulary};
use crate::yaml::{problem, read, typed, Node};

pub use crate::yaml::MAX_FILE_BYTES;

/// A loaded record with the tree it came from (walked for translations).
#[derive(Debug)]
pub struct Record {
    pub kind: Kind,
    pub id: String,
    /// Relative to the site root, `/`-separated.
    pub file: String,
    pub body: Body,
    pub tree: Node,
}

/// A vocabulary file's entries and tree.
#[derive(Debug)]
pub struct VocabFile<T> {
    pub file: String,
    pub entries: Vec<T>,
    pub tree: Option<Node>,
}

#[derive(Debug)]
pub struct Vocab {
    pub categories: VocabFile<Term>,
    pub themes: VocabFile<Term>,
    pub region_kinds: VocabFile<Term>,
    pub actors: VocabFile<Term>,
    pub indicators: VocabFile<IndicatorDef>,
    pub glossary: VocabFile<GlossaryEntry>,
    /// Spelling variants that search treats as one term (障害 / 障がい / 障碍), first one canonical.
    pub variants: VocabFile<Vec<String>>,
}

impl Vocab {
    /// The entries of a list of plain terms.
    pub fn terms(&self, list: TermList) -> &[Term] {
        match list {
            TermList::Categories => &self.categories.entries,
            TermList::Themes => &self.themes.entries,
            TermList::RegionKinds => &self.region_kinds.entries,
            TermList::Actors => &self.actors.entries,
        }
    }

    /// The file of a list of plain terms.
    pub fn term_file(&self, list: TermList) -> &VocabFile<Term> {
        match list {
            TermList::Categories => &self.categories,
            TermList::Themes => &self.themes,
            TermList::RegionKinds => &self.region_kinds,
            TermList::Actors => &self.actors,
        }
    }
}

/// Everything the later stages need, in a deterministic order.
#[derive(Debug)]
pub struct Corpus {
    pub config: Config,
    /// Sorted by kind, then id.
    pub records: Vec<Record>,
    pub vocab: Vocab,
    /// Source text of every file read, for showing lines in diagnostics.
    pub sources: BTreeMap<String, String>,
    /// Records whose file exists but could not be loaded (their errors are reported).
    /// References to them are not reported again as unknown.
    pub unloaded: Vec<(Kind, String)>,
}

enum Loaded {
    Record(Box<Record>),
    Failed(Kind, String),
    Vocab(Vocabulary, Option<Node>),
    Nothing,
}

struct FileResult {
    file: String,
    text: Option<String>,
    loaded: Loaded,
    diags: Vec<Diagnostic>,
}

pub fn load(config: Config) -> anyhow::Result<(Corpus, Diagnostics)> {
    let content = config.content_dir();
    let files = walk(&content)
        .with_context(|| format!("cannot read the content directory {}", content.display()))?;
    let results: Vec<FileResult> = files
        .par_iter()
        .map(|(path, rel)| load_file(path, rel))
        .collect();

    let mut diags = Diagnostics::default();
    let mut records = Vec::new();
    let mut vocab_trees = BTreeMap::new();
    let mut sources = BTreeMap::new();
    let mut unloaded = Vec::new();
    for r in results {
        diags.extend(r.diags);
        if let Some(text) = r.text {
            sources.insert(r.file.clone(), text);
        }
        match r.loaded {
            Loaded::Record(rec) => records.push(*rec),
            Loaded::Failed(kind, id) => unloaded.push((kind, id)),
            Loaded::Vocab(name, tree) => {
                vocab_trees.insert(name, (r.file, tree));
            }
            Loaded::Nothing => {}
        }
    }
    records.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    let vocab = load_vocab(vocab_trees, &mut diags);
    unloaded.sort();
    Ok((
        Corpus {
            config,
            records,
            vocab,
            sources,
            unloaded,
        },
        diags,
    ))
}

/// Every file under `content/`, sorted, with its site-relative `/`-separated path.
fn walk(content: &Path) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let root = content.parent().unwrap_or(content);
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(content).sort_by_file_name() {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && (name.starts_with('.') || name.ends_with('~')) {
            continue;
        }
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push((entry.path().to_path_buf(), rel));
        }
    }
    Ok(files)
}

fn load_file(path: &Path, rel: &str) -> FileResult {
    let mut out = FileResult {
        file: rel.to_owned(),
        text: None,
        loaded: Loaded::Nothing,
        diags: Vec::new(),
    };
    let Some(target) = classify(rel, &mut out.diags) else {
        return out;
    };
    if let Target::Record(kind, id) = &target {
        out.loaded = Loaded::Failed(*kind, id.clone());
    }
    let text = match read(path, rel) {
        Ok(text) => text,
        Err((d, lossy)) => {
            out.diags.push(*d);
            out.text = lossy;
            return out;
        }
    };
    let parsed = crate::yaml::parse(&text);
    let failed = parsed.failed;
    out.diags
        .extend(parsed.problems.into_iter().map(|e| problem(rel, e.into())));
    if !failed {
        out.loaded = loaded(target, parsed.root, rel, &mut out.diags);
    }
    out.text = Some(text);
    out
}

/// What a parsed file holds: a vocabulary's tree, or a record (or why not).
fn loaded(target: Target, tree: Option<Node>, rel: &str, diags: &mut Vec<Diagnostic>) -> Loaded {
    match (target, tree) {
        (Target::Vocab(name), tree) => Loaded::Vocab(name, tree),
        (Target::Record(kind, id), None) => {
            diags.push(
                Diagnostic::new(
                    Code::EmptyFile,
                    rel,
                    Span::start(),
                    "the record file is empty",
                )
                .with_help("write the record's fields, or delete the file"),
            );
            Loaded::Failed(kind, id)
        }
        (Target::Record(kind, id), Some(tree)) => match deserialize(kind, &tree, rel, diags) {
            Some(body) => Loaded::Record(Box::new(Record {
                kind,
                id,
                file: rel.to_owned(),
                body,
                tree,
            })),
            None => Loaded::Failed(kind, id),
        },
    }
}

enum Target {
    Record(Kind, String),
    Vocab(Vocabulary),
}

/// Where a file under `content/` belongs, from its path alone.
fn classify(rel: &str, diags: &mut Vec<Diagnostic>) -> Option<Target> {
    let parts: Vec<&str> = rel.split('/').collect();
    let (dir, name) = match parts.as_slice() {
        ["content", dir, name] => (*dir, *name),
        _ => {
            diags.push(unexpected(
                rel,
                "records live one level below `content/`: `content/<kind>/<id>.yaml`",
            ));
            return None;
        }
    };
    let Some(stem) = name.strip_suffix(".yaml") else {
        let help = match name.strip_suffix(".yml") {
            Some(stem) => format!("rename it to `{stem}.yaml`"),
            None => "records are `.yaml` files".to_owned(),
        };
        diags.push(unexpected(rel, &help));
        return None;
    };
    if dir == "vocabularies" {
        return match Vocabulary::from_stem(stem) {
            Some(v) => Some(Target::Vocab(v)),
            None => {
                let stems: Vec<&str> = Vocabulary::ALL.iter().map(|v| v.stem()).collect();
                diags.push(unexpected(
                    rel,
                    &format!("the vocabularies are: {}", stems.join(", ")),
                ));
                None
            }
        };
    }
    let Some(kind) = Kind::from_dir(dir) else {
        let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.dir()).collect();
        let help = match crate::diag::suggest::closest(dir, kinds.iter().copied()) {
            Some(best) => format!("did you mean `content/{best}/`?"),
            None => format!("the record kinds are: {}", kinds.join(", ")),
        };
        diags.push(unexpected(rel, &help));
        return None;
    };
    if !is_kebab_id(stem) {
        diags.push(
            Diagnostic::new(Code::InvalidId, rel, Span::start(), format!("`{stem}` is not a valid id"))
                .with_help("name the file in ASCII kebab-case: lowercase letters, digits and single hyphens, like `kumamoto-pref.yaml`"),
        );
        return None;
    }
    Some(Target::Record(kind, stem.to_owned()))
}

fn unexpected(rel: &str, help: &str) -> Diagnostic {
    Diagnostic::new(
        Code::UnexpectedFile,
        rel,
        Span::start(),
        "this file is not read: it is not where a record or vocabulary can be",
    )
    .with_help(help.to_owned())
}

/// ASCII kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_kebab_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn deserialize(kind: Kind, tree: &Node, file: &str, diags: &mut Vec<Diagnostic>) -> Option<Body> {
    Some(match kind {
        Kind::Regions => Body::Region(Box::new(typed(tree, file, diags)?)),
        Kind::StatusSheets => Body::StatusSheet(Box::new(typed(tree, file, diags)?)),
        Kind::Outcomes => Body::Outcome(Box::new(typed(tree, file, diags)?)),
        Kind::Cases => Body::Case(Box::new(typed(tree, file, diags)?)),
        Kind::Practices => Body::Practice(Box::new(typed(tree, file, diags)?)),
        Kind::Analyses => Body::Analysis(Box::new(typed(tree, file, diags)?)),
        Kind::Pages => Body::Page(Box::new(typed(tree, file, diags)?)),
    })
}

fn vocab_file<T: DeserializeOwned>(
    trees: &mut BTreeMap<Vocabulary, (String, Option<Node>)>,
    vocab: Vocabulary,
    diags: &mut Diagnostics,
) -> VocabFile<T> {
    let Some((file, tree)) = trees.remove(&vocab) else {
        return VocabFile {
            file: format!("content/vocabularies/{}.yaml", vocab.stem()),
            entries: Vec::new(),
            tree: None,
        };
    };
    let mut found = Vec::new();
    let entries = match &tree {
        Some(t) => typed::<Vec<T>>(t, &file, &mut found).unwrap_or_default(),
        None => Vec::new(),
    };
    diags.extend(found);
    VocabFile {
        file,
        entries,
        tree,
    }
}

fn load_vocab(
    mut trees: BTreeMap<Vocabulary, (String, Option<Node>)>,
    diags: &mut Diagnostics,
) -> Vocab {
    Vocab {
        categories: vocab_file(&mut trees, Vocabulary::Terms(TermList::Categories), diags),
        themes: vocab_file(&mut trees, Vocabulary::Terms(TermList::Themes), diags),
        region_kinds: vocab_file(&mut trees, Vocabulary::Terms(TermList::RegionKinds), diags),
        actors: vocab_file(&mut trees, Vocabulary::Terms(TermList::Actors), diags),
        indicators: vocab_file(&mut trees, Vocabulary::Indicators, diags),
        glossary: vocab_file(&mut trees, Vocabulary::Glossary, diags),
        variants: vocab_file(&mut trees, Vocabulary::Variants, diags),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_kebab_case() {
        for ok in ["kumamoto-pref", "a", "r2-plan", "x1"] {
            assert!(is_kebab_id(ok), "{ok}");
        }
        for bad in ["", "Kumamoto", "a--b", "-a", "a-", "熊本", "a_b", "a.b"] {
            assert!(!is_kebab_id(bad), "{bad}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn reading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("x.yaml");
            std::fs::write(&path, &bytes).unwrap();
            let mut diags = Vec::new();
            if let Ok(text) = read(&path, "content/regions/x.yaml") {
                if let Some(tree) = crate::yaml::parse(&text).root {
                    let _ = deserialize(Kind::Regions, &tree, "content/regions/x.yaml", &mut diags);
                }
            }
        }
    }
}
