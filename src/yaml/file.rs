//! Reading YAML files: the text guards every content file passes (size, BOM, CRLF, UTF-8, and
//! the encoding named when it is another),
//! and standalone files deserialized whole (`casebook.yaml`, a theme's `strings.yaml`).

use std::path::Path;

use serde::de::DeserializeOwned;

use super::de::{self, Problem};
use super::encoding;
use super::Node;
use crate::diag::{Code, Diagnostic, Span};

/// Largest file accepted: 4 MiB. A record is a few KiB; the largest in the bundled handbook
/// is under 100 KiB.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A read failure, with the text as far as it can be shown (for the human format).
pub type ReadError = (Box<Diagnostic>, Option<String>);

/// Read a file as text: size limit, BOM, CRLF, UTF-8 with the position of a bad byte, and
/// a file in another encoding named (see `encoding`).
pub fn read(path: &Path, rel: &str) -> Result<String, ReadError> {
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
    if let Some(found) = encoding::utf16(&bytes) {
        return Err(other_encoding(rel, found));
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.replace("\r\n", "\n")),
        Err(e) => Err(match encoding::legacy(bytes, e.valid_up_to()) {
            Some(found) => other_encoding(rel, found),
            None => not_utf8(rel, bytes, e.valid_up_to()),
        }),
    }
}

/// A file that is not UTF-8 and not in an encoding we can name: the first bad byte.
fn not_utf8(rel: &str, bytes: &[u8], valid_up_to: usize) -> ReadError {
    let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let (line, column) = crate::diag::source::LineIndex::new(valid).line_col(valid.len());
    let d = Diagnostic::new(
        Code::InvalidUtf8,
        rel,
        Span::new(line, column, 1),
        "the file is not valid UTF-8",
    )
    .with_help("save the file as UTF-8");
    (
        Box::new(d),
        Some(String::from_utf8_lossy(bytes).replace("\r\n", "\n")),
    )
}

/// A file in another encoding: named, with the command that converts it; its text decoded
/// for showing the line.
fn other_encoding(rel: &str, found: encoding::Found) -> ReadError {
    let (line, column) = found.at;
    let d = Diagnostic::new(
        Code::InvalidUtf8,
        rel,
        Span::new(line, column, 1),
        format!("the file is not UTF-8: it is {}", found.name),
    )
    .with_help(encoding::help(&found, rel));
    (Box::new(d), Some(found.text.replace("\r\n", "\n")))
}

/// A deserialization problem as a diagnostic of `file`.
pub fn problem(file: &str, p: Problem) -> Diagnostic {
    let mut d = Diagnostic::new(p.code, file, p.span.unwrap_or_else(Span::start), p.message);
    d.help = p.help;
    d
}

/// `T` from a tree, its problems appended to `diags` (`None` when a value could not be read:
/// every such value is reported, see `de`).
pub fn typed<T: DeserializeOwned>(
    tree: &Node,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<T> {
    let mut found = Vec::new();
    let result = de::from_node::<T>(tree, &mut found);
    diags.extend(found.into_iter().map(|p| problem(file, p)));
    result
}

/// Parse and deserialize a standalone YAML file (the site configuration, a theme's strings).
/// Any problem fails it, a zero-width character too: these files are not content, and their
/// caller has no way to pass a warning on.
pub fn load_file<T: DeserializeOwned>(path: &Path, rel: &str) -> Result<T, Vec<Diagnostic>> {
    let text = read(path, rel).map_err(|(d, _)| vec![*d])?;
    let parsed = super::parse(&text);
    let mut diags: Vec<Diagnostic> = parsed
        .problems
        .into_iter()
        .map(|e| problem(rel, e.into()))
        .collect();
    let value = match parsed.root.as_ref().filter(|root| !root.is_null()) {
        Some(tree) => typed::<T>(tree, rel, &mut diags),
        None if parsed.failed => None,
        None => {
            diags.push(Diagnostic::new(
                Code::EmptyFile,
                rel,
                Span::start(),
                "the file is empty",
            ));
            None
        }
    };
    for d in &mut diags {
        d.severity = crate::diag::Severity::Error;
    }
    match value {
        Some(v) if diags.is_empty() => Ok(v),
        _ => Err(diags),
    }
}
