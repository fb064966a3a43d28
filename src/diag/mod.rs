//! Diagnostics: every content problem, with its place, collected rather than returned.
//!
//! Content problems never travel up with `?`: stages push [`Diagnostic`]s into a
//! [`Diagnostics`] collector so one run reports all of them. Lines and columns are 1-based;
//! columns count characters, not bytes (see [`source`]).

pub mod emit;
pub mod source;
pub mod suggest;

use std::fmt;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

/// Stable, kebab-case diagnostic codes. Listed in the README; never renamed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// The file is not valid UTF-8.
    InvalidUtf8,
    /// The file is larger than the loader accepts.
    FileTooLarge,
    /// The file is empty.
    EmptyFile,
    /// YAML syntax error.
    YamlSyntax,
    /// Nesting deeper than the loader accepts.
    TooDeep,
    /// Anchors and aliases are not accepted in content.
    YamlAlias,
    /// A value of the wrong type or shape.
    InvalidValue,
    /// A required field is missing.
    MissingField,
    /// A field the record kind does not have.
    UnknownField,
    /// Two records (or vocabulary entries) share an id.
    DuplicateId,
    /// An id that is not ASCII kebab-case.
    InvalidId,
    /// A reference to a region, vocabulary entry or chart node that does not exist.
    UnknownReference,
    /// A date that cannot exist or cannot be read.
    ImpossibleDate,
    /// A date written past its era's end.
    EraOverflow,
    /// A percentage above 100, a part larger than its whole, and the like.
    ImpossibleNumber,
    /// An indicator value without its date point.
    MissingDatePoint,
    /// A text without its English translation.
    MissingTranslation,
    /// A file under `content/` that is not where a record can be.
    UnexpectedFile,
    /// A symbolic link whose target is outside the site root.
    SymlinkOutsideRoot,
    /// A symbolic link whose target does not exist, or that leads to a directory read
    /// already (a loop).
    BrokenSymlink,
    /// `casebook.yaml` is wrong.
    Config,
    /// A template failed to render.
    Template,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InvalidUtf8 => "invalid-utf8",
            Code::FileTooLarge => "file-too-large",
            Code::EmptyFile => "empty-file",
            Code::YamlSyntax => "yaml-syntax",
            Code::TooDeep => "too-deep",
            Code::YamlAlias => "yaml-alias",
            Code::InvalidValue => "invalid-value",
            Code::MissingField => "missing-field",
            Code::UnknownField => "unknown-field",
            Code::DuplicateId => "duplicate-id",
            Code::InvalidId => "invalid-id",
            Code::UnknownReference => "unknown-reference",
            Code::ImpossibleDate => "impossible-date",
            Code::EraOverflow => "era-overflow",
            Code::ImpossibleNumber => "impossible-number",
            Code::MissingDatePoint => "missing-date-point",
            Code::MissingTranslation => "missing-translation",
            Code::UnexpectedFile => "unexpected-file",
            Code::SymlinkOutsideRoot => "symlink-outside-root",
            Code::BrokenSymlink => "broken-symlink",
            Code::Config => "config",
            Code::Template => "template",
        }
    }

    /// The severity a code has unless `--strict` raises it.
    pub fn severity(self) -> Severity {
        match self {
            Code::EraOverflow | Code::MissingTranslation | Code::UnexpectedFile => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a file: 1-based line and column (characters), and the length to underline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    /// Characters to underline on that line (at least 1 when shown).
    pub len: usize,
}

impl Span {
    pub fn new(line: usize, column: usize, len: usize) -> Span {
        Span { line, column, len }
    }

    /// The start of a file.
    pub fn start() -> Span {
        Span {
            line: 1,
            column: 1,
            len: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// Relative to the site root, `/`-separated.
    pub file: String,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: Code, file: &str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: code.severity(),
            code,
            file: file.to_owned(),
            span,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    fn sort_key(&self) -> (&str, usize, usize, Code, &str) {
        (
            &self.file,
            self.span.line,
            self.span.column,
            self.code,
            &self.message,
        )
    }
}

/// The collector every stage pushes into.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// Whether the content fails: any error, or with `strict` any warning.
    pub fn fails(&self, strict: bool) -> bool {
        self.items
            .iter()
            .any(|d| d.severity == Severity::Error || (strict && d.severity == Severity::Warning))
    }

    /// With `--strict`, warnings become errors.
    pub fn make_strict(&mut self) {
        for d in &mut self.items {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }

    /// Sorted by file, line, column, code; exact duplicates removed.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}
