//! Loading a site: walk `content/`, read each file safely, parse YAML into spanned trees,
//! deserialize typed records. Problems become diagnostics; only an unreadable root is an `Err`.
//!
//! Reading guards: files over [`MAX_FILE_BYTES`] are refused; a UTF-8 BOM is dropped; CRLF
//! is read as LF; invalid UTF-8 is reported at the line and column of the first bad byte.

pub mod de;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, Span};
use crate::model::vocab::{GlossaryEntry, IndicatorDef, Term};
use crate::model::{Body, Kind};
use de::Problem;
use yaml::Node;

/// Largest content file accepted: 4 MiB. A record is a few KiB; the largest in the
/// bundled handbook is under 100 KiB.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A loaded record with the tree it came from (its field-path → span index).
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

/// The names of the vocabulary files under `content/vocabularies/`.
pub const VOCABULARIES: [&str; 7] = [
    "categories",
    "themes",
    "region-kinds",
    "actors",
    "indicators",
    "glossary",
    "variants",
];

enum Loaded {
    Record(Box<Record>),
    Failed(Kind, String),
    Vocab(&'static str, Option<Node>),
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
        .map(|(path, rel)| load_file(&config.root, path, rel))
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

fn load_file(_root: &Path, path: &Path, rel: &str) -> FileResult {
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
    let tree = match yaml::parse(&text) {
        Ok(tree) => tree,
        Err(e) => {
            out.diags.push(problem(
                rel,
                Problem {
                    code: e.code,
                    span: Some(e.span),
                    message: e.message,
                    help: e.help,
                },
            ));
            out.text = Some(text);
            return out;
        }
    };
    out.loaded = match (target, tree) {
        (Target::Vocab(name), tree) => Loaded::Vocab(name, tree),
        (Target::Record(kind, id), None) => {
            out.diags.push(
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
        (Target::Record(kind, id), Some(tree)) => {
            match deserialize(kind, &tree, rel, &mut out.diags) {
                Some(body) => Loaded::Record(Box::new(Record {
                    kind,
                    id,
                    file: rel.to_owned(),
                    body,
                    tree,
                })),
                None => Loaded::Failed(kind, id),
            }
        }
    };
    out.text = Some(text);
    out
}

enum Target {
    Record(Kind, String),
    Vocab(&'static str),
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
        return match VOCABULARIES.iter().find(|v| **v == stem) {
            Some(v) => Some(Target::Vocab(v)),
            None => {
                diags.push(unexpected(
                    rel,
                    &format!("the vocabularies are: {}", VOCABULARIES.join(", ")),
                ));
                None
            }
        };
    }
    let Some(kind) = Kind::from_dir(dir) else {
        let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.dir()).collect();
        let help = match crate::validate::suggest::closest(dir, kinds.iter().copied()) {
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

/// A read failure, with the text as far as it can be shown (for the human format).
type ReadError = (Box<Diagnostic>, Option<String>);

/// Read a file as text: size limit, BOM, CRLF, UTF-8 with the position of a bad byte.
fn read(path: &Path, rel: &str) -> Result<String, ReadError> {
    let io_err = |e: std::io::Error| {
        let d = Diagnostic::new(
            Code::InvalidValue,
            rel,
            Span::start(),
            format!("cannot read the file: {e}"),
        );
        (Box::new(d.with_help("check the file's permissions")), None)
    };
    let size = std::fs::metadata(path).map_err(io_err)?.len();
    if size > MAX_FILE_BYTES {
        return Err((
            Box::new(
                Diagnostic::new(
                    Code::FileTooLarge,
                    rel,
                    Span::start(),
                    format!(
                        "the file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes (4 MiB)"
                    ),
                )
                .with_help("split it into several records; a record is usually a few KiB"),
            ),
            None,
        ));
    }
    let bytes = std::fs::read(path).map_err(io_err)?;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = crate::diag::source::LineIndex::new(valid).line_col(valid.len());
            return Err((
                Box::new(
                    Diagnostic::new(
                        Code::InvalidUtf8,
                        rel,
                        Span::new(line, column, 1),
                        "the file is not valid UTF-8",
                    )
                    .with_help(
                        "save the file as UTF-8 (Shift_JIS and other encodings are not read)",
                    ),
                ),
                Some(String::from_utf8_lossy(bytes).replace("\r\n", "\n")),
            ));
        }
    };
    Ok(text.replace("\r\n", "\n"))
}

fn problem(file: &str, p: Problem) -> Diagnostic {
    let mut d = Diagnostic::new(p.code, file, p.span.unwrap_or_else(Span::start), p.message);
    d.help = p.help;
    d
}

fn typed<T: DeserializeOwned>(tree: &Node, file: &str, diags: &mut Vec<Diagnostic>) -> Option<T> {
    let mut found = Vec::new();
    let result = de::from_node::<T>(tree, &mut found);
    diags.extend(found.into_iter().map(|p| problem(file, p)));
    match result {
        Ok(v) => Some(v),
        Err(p) => {
            diags.push(problem(file, p));
            None
        }
    }
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
    trees: &mut BTreeMap<&'static str, (String, Option<Node>)>,
    name: &'static str,
    diags: &mut Diagnostics,
) -> VocabFile<T> {
    let Some((file, tree)) = trees.remove(name) else {
        return VocabFile {
            file: format!("content/vocabularies/{name}.yaml"),
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
    mut trees: BTreeMap<&'static str, (String, Option<Node>)>,
    diags: &mut Diagnostics,
) -> Vocab {
    Vocab {
        categories: vocab_file(&mut trees, "categories", diags),
        themes: vocab_file(&mut trees, "themes", diags),
        region_kinds: vocab_file(&mut trees, "region-kinds", diags),
        actors: vocab_file(&mut trees, "actors", diags),
        indicators: vocab_file(&mut trees, "indicators", diags),
        glossary: vocab_file(&mut trees, "glossary", diags),
        variants: vocab_file(&mut trees, "variants", diags),
    }
}

/// Parse and deserialize a standalone YAML file (the site configuration).
pub fn load_yaml_file<T: DeserializeOwned>(path: &Path, rel: &str) -> Result<T, Vec<Diagnostic>> {
    let text = read(path, rel).map_err(|(d, _)| vec![*d])?;
    let tree = yaml::parse(&text)
        .map_err(|e| {
            vec![problem(
                rel,
                Problem {
                    code: e.code,
                    span: Some(e.span),
                    message: e.message,
                    help: e.help,
                },
            )]
        })?
        .ok_or_else(|| {
            vec![Diagnostic::new(
                Code::EmptyFile,
                rel,
                Span::start(),
                "the file is empty",
            )]
        })?;
    let mut diags = Vec::new();
    let value = typed::<T>(&tree, rel, &mut diags);
    match value {
        Some(v) if diags.is_empty() => Ok(v),
        _ => Err(diags),
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
                if let Ok(Some(tree)) = yaml::parse(&text) {
                    let _ = deserialize(Kind::Regions, &tree, "content/regions/x.yaml", &mut diags);
                }
            }
        }
    }
}
