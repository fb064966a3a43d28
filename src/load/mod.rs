//! Loading a site: walk `content/` (under the link policy of [`crate::walk`]; editors' files
//! and hidden names are skipped), read each file safely, parse YAML into spanned trees,
//! deserialize typed records. Problems become diagnostics; only an unreadable root is an `Err`.
//!
//! Reading guards: files over [`MAX_FILE_BYTES`] are refused; a UTF-8 BOM is dropped; CRLF
//! is read as LF; invalid UTF-8 is reported at the line and column of the first bad byte, or
//! named as the encoding it is (Shift_JIS, EUC-JP, UTF-16) with the command that converts it;
//! hidden characters (controls, bidi overrides, zero-width) are reported where they stand.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Diagnostics, Span};
use crate::model::vocab::{GlossaryEntry, IndicatorDef, Term};
use crate::model::{Body, Kind, TermList, Vocabulary};
use crate::walk::Skip;
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
    /// The ids of entries that could not be read (their errors are reported). References to
    /// them are not reported again as unknown.
    pub unloaded: Vec<String>,
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
    let walked = crate::walk::walk(&config.root, &content, Skip::HiddenAndEditorFiles)
        .with_context(|| format!("cannot read the content directory {}", content.display()))?;
    let results: Vec<FileResult> = walked
        .files
        .par_iter()
        .map(|found| load_file(&found.path, &found.rel))
        .collect();

    let mut diags = Diagnostics::default();
    diags.extend(walked.diags);
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
        // A document with nothing in it (`---` alone, `~`) holds no record either.
        let root = parsed.root.filter(|root| !root.is_null());
        out.loaded = loaded(target, root, rel, &mut out.diags);
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
        diags.push(unexpected(rel, &not_yaml_help(name)));
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
    if let Some(problem) = id_problem(stem, kind) {
        diags.push(problem.at(rel));
        return None;
    }
    Some(Target::Record(kind, stem.to_owned()))
}

/// The help for a file under `content/` that does not end in `.yaml`: the name to give it when
/// it is YAML under another spelling (`x.yml`, `x.YAML`, `x.Yaml`).
fn not_yaml_help(name: &str) -> String {
    let yaml_stem = name.rsplit_once('.').and_then(|(stem, ext)| {
        let ext = ext.to_ascii_lowercase();
        (ext == "yaml" || ext == "yml").then_some(stem)
    });
    match yaml_stem {
        Some(stem) => {
            let lower = stem.to_ascii_lowercase();
            let stem = if is_kebab_id(&lower) { &lower } else { stem };
            format!("records are read only from files ending in `.yaml`, in lowercase: rename it to `{stem}.yaml`")
        }
        None => "records are `.yaml` files".to_owned(),
    }
}

/// The longest id, in characters. An id is a file name (`<id>.yaml`) and a URL and output
/// directory (`/ja/status-sheets/<id>/index.html`); 100 ASCII characters leave room on every
/// file system (255 bytes a name) and under Windows' 260-character paths for the directories
/// around them, and for the suffixes that name a record after its region (`-analysis`).
pub const MAX_ID_LEN: usize = 100;

/// Why `id` cannot be an id, if it cannot.
#[derive(Debug)]
pub struct IdProblem {
    pub message: String,
    pub help: String,
}

impl IdProblem {
    fn at(self, rel: &str) -> Diagnostic {
        Diagnostic::new(Code::InvalidId, rel, Span::start(), self.message).with_help(self.help)
    }
}

/// Names Windows keeps for devices, whatever their case and extension: no file can have them.
const WINDOWS_DEVICES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Whether a record file's stem can be its id: ASCII kebab-case, at most [`MAX_ID_LEN`]
/// characters, not a Windows device name. The id is not echoed when it is too long.
pub fn id_problem(stem: &str, kind: Kind) -> Option<IdProblem> {
    let suffix = kind_word(kind);
    if stem.chars().count() > MAX_ID_LEN {
        return Some(IdProblem {
            message: format!(
                "the id is {} characters long; an id has at most {MAX_ID_LEN}",
                stem.chars().count()
            ),
            help: "shorten the file name: the id becomes a file name and a URL, which file \
                   systems and browsers limit"
                .to_owned(),
        });
    }
    if WINDOWS_DEVICES.contains(&stem.to_ascii_lowercase().as_str()) {
        let lower = stem.to_ascii_lowercase();
        return Some(IdProblem {
            message: format!(
                "`{stem}` cannot be an id: Windows keeps the name for a device, so the file \
                 cannot be checked out there"
            ),
            help: format!(
                "add a word to the id, such as `{lower}-{suffix}.yaml`, and update the references to it"
            ),
        });
    }
    if !is_kebab_id(stem) {
        return Some(IdProblem {
            message: format!("`{stem}` is not a valid id"),
            help: "name the file in ASCII kebab-case: lowercase letters, digits and single hyphens, like `kumamoto-pref.yaml`".to_owned(),
        });
    }
    None
}

/// The word that names a record of `kind` after its region (`kumamoto-pref-sheet`), and
/// lengthens an id that cannot be one (`con-region`).
pub fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Regions => "region",
        Kind::StatusSheets => "sheet",
        Kind::Outcomes => "outcome",
        Kind::Cases => "case",
        Kind::Practices => "practice",
        Kind::Analyses => "analysis",
        Kind::Pages => "page",
    }
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
            unloaded: Vec::new(),
        };
    };
    let mut found = Vec::new();
    let mut unloaded = Vec::new();
    let entries = match &tree {
        Some(t) => typed::<Vec<T>>(t, &file, &mut found)
            .unwrap_or_else(|| readable(t, &file, &mut unloaded)),
        None => Vec::new(),
    };
    diags.extend(found);
    VocabFile {
        file,
        entries,
        tree,
        unloaded,
    }
}

/// The entries of a vocabulary that can be read, when some cannot (those are reported
/// already): one bad entry does not take the others with it. The ids of the bad ones go to
/// `unloaded`.
fn readable<T: DeserializeOwned>(tree: &Node, file: &str, unloaded: &mut Vec<String>) -> Vec<T> {
    let crate::yaml::Value::Seq(items) = &tree.value else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for item in items {
        match typed::<T>(item, file, &mut Vec::new()) {
            Some(entry) => entries.push(entry),
            None => unloaded.extend(item.get("id").and_then(Node::as_str).map(str::to_owned)),
        }
    }
    entries
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
    fn ids_fit_file_systems_and_urls() {
        let at_limit = "a".repeat(MAX_ID_LEN);
        assert!(id_problem(&at_limit, Kind::Pages).is_none());
        let long = format!("{at_limit}b");
        let p = id_problem(&long, Kind::Pages).unwrap();
        assert_eq!(
            p.message,
            "the id is 101 characters long; an id has at most 100"
        );
        for device in ["con", "CON", "Aux", "nul", "prn", "com1", "lpt9", "LPT3"] {
            let p = id_problem(device, Kind::Regions).unwrap();
            assert!(p.message.contains("Windows"), "{device}: {}", p.message);
            let lower = device.to_ascii_lowercase();
            assert!(
                p.help.contains(&format!("`{lower}-region.yaml`")),
                "{}",
                p.help
            );
        }
        for fine in ["con-city", "com10", "console", "lpt", "nul1"] {
            assert!(id_problem(fine, Kind::Regions).is_none(), "{fine}");
        }
    }

    #[test]
    fn yaml_under_another_spelling_is_named_what_to_rename_to() {
        for (name, want) in [
            ("x.yml", "rename it to `x.yaml`"),
            ("x.YAML", "rename it to `x.yaml`"),
            ("x.Yaml", "rename it to `x.yaml`"),
            ("North-Area.YML", "rename it to `north-area.yaml`"),
            ("x_y.YAML", "rename it to `x_y.yaml`"),
        ] {
            assert!(
                not_yaml_help(name).ends_with(want),
                "{name}: {}",
                not_yaml_help(name)
            );
        }
        assert_eq!(not_yaml_help("x.txt"), "records are `.yaml` files");
        assert_eq!(not_yaml_help("README"), "records are `.yaml` files");
    }

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
