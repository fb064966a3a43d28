//! Printing diagnostics: `human` (with the offending source line), `json` (one object per
//! line), `github` (workflow annotations).

use std::io::{self, Write};

use serde_json::json;

use super::chars::{escape, escaped};
use super::excerpt::{bounded, window};
use super::{Code, Diagnostic, Severity};

/// Output formats of `casebook check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// How a report (`casebook i18n`) is printed: for people, or as one JSON object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
}

/// Looks up a source line for the human format: `(file, 1-based line) -> text`.
pub type SourceLines<'a> = dyn Fn(&str, usize) -> Option<String> + 'a;

pub fn emit(
    out: &mut dyn Write,
    format: Format,
    diags: &[Diagnostic],
    lines: &SourceLines,
) -> io::Result<()> {
    for d in &limit_per_file(diags) {
        match format {
            Format::Human => human(out, d, lines)?,
            Format::Json => writeln!(out, "{}", to_json(d))?,
            Format::Github => writeln!(out, "{}", github(d))?,
        }
    }
    Ok(())
}

/// Diagnostics a file shows at most; the rest are counted in one note (issue #20).
pub const MAX_PER_FILE: usize = 50;

/// `diags` (sorted by file) with at most [`MAX_PER_FILE`] per file, each file's rest
/// replaced by one `too-many-diagnostics` note at the first one left out, counting them.
pub fn limit_per_file(diags: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut out = Vec::with_capacity(diags.len().min(1024));
    for group in diags.chunk_by(|a, b| a.file == b.file) {
        out.extend(group.iter().take(MAX_PER_FILE).cloned());
        let Some(first) = group.get(MAX_PER_FILE) else {
            continue;
        };
        let rest = &group[MAX_PER_FILE..];
        let count = |s: Severity| rest.iter().filter(|d| d.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        let mut note = Diagnostic::new(
            Code::TooManyDiagnostics,
            &first.file,
            first.span,
            format!(
                "{} more diagnostics in this file are not shown ({errors} errors, {warnings} warnings)",
                rest.len()
            ),
        );
        note.help = Some(format!(
            "fix the ones shown and check again; each file shows at most {MAX_PER_FILE}"
        ));
        out.push(note);
    }
    out
}

pub fn to_json(d: &Diagnostic) -> serde_json::Value {
    json!({
        "severity": d.severity,
        "code": d.code.as_str(),
        "file": d.file,
        "line": d.span.line,
        "column": d.span.column,
        "message": bounded(&d.message),
        "help": d.help.as_deref().map(bounded),
    })
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn human(out: &mut dyn Write, d: &Diagnostic, lines: &SourceLines) -> io::Result<()> {
    let sev = severity_word(d.severity);
    writeln!(
        out,
        "{}:{}:{}: {sev}[{}]: {}",
        shown(&d.file),
        d.span.line,
        d.span.column,
        d.code,
        shown(&d.message)
    )?;
    if d.code != Code::TooManyDiagnostics {
        if let Some(text) = lines(&d.file, d.span.line) {
            source_line(out, d, &text)?;
        }
    }
    if let Some(help) = &d.help {
        writeln!(out, "  = help: {}", shown(help))?;
    }
    writeln!(out)
}

/// Text from content as a terminal may print it: bounded, and with controls, bidi overrides
/// and invisible characters written as `<U+XXXX>`.
fn shown(text: &str) -> String {
    escaped(&bounded(text)).into_owned()
}

/// The offending line, cut around the column, with a caret under the span.
fn source_line(out: &mut dyn Write, d: &Diagnostic, text: &str) -> io::Result<()> {
    let num = d.span.line.to_string();
    let pad = " ".repeat(num.len());
    let w = window(text, d.span.column);
    let caret_pad: String = w
        .text
        .chars()
        .take(w.column - 1)
        .map(|c| match escape(c) {
            Some(e) => " ".repeat(e.len()),
            None => width_space(c).to_owned(),
        })
        .collect();
    let underline: String = w
        .text
        .chars()
        .skip(w.column - 1)
        .take(d.span.len.max(1).min(w.after))
        .map(|c| match escape(c) {
            Some(e) => "^".repeat(e.len()),
            None if is_wide(c) => "^^".to_owned(),
            None => "^".to_owned(),
        })
        .collect();
    writeln!(out, "{pad} |")?;
    writeln!(out, "{num} | {}", escaped(&w.text))?;
    writeln!(
        out,
        "{pad} | {caret_pad}{}",
        if underline.is_empty() {
            "^"
        } else {
            &underline
        }
    )
}

/// East Asian wide characters take two columns in a terminal; keep the caret under them.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

fn width_space(c: char) -> &'static str {
    if c == '\t' {
        "\t"
    } else if is_wide(c) {
        "  "
    } else {
        " "
    }
}

/// GitHub workflow command; `%`, CR, LF and (in properties) `:` and `,` are escaped.
fn github(d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut msg = format!("{} [{}]", shown(&d.message), d.code);
    if let Some(help) = &d.help {
        msg.push_str("\nhelp: ");
        msg.push_str(&shown(help));
    }
    format!(
        "::{kind} file={},line={},col={},title={}::{}",
        escape_property(&shown(&d.file)),
        d.span.line,
        d.span.column,
        escape_property(d.code.as_str()),
        escape_data(&msg)
    )
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, Span};

    fn sample() -> Diagnostic {
        Diagnostic::new(
            Code::UnknownReference,
            "content/a.yaml",
            Span::new(2, 9, 3),
            "region `abc` does not exist",
        )
        .with_help("did you mean `abd`?")
    }

    #[test]
    fn json_has_the_contract_fields() {
        let v = to_json(&sample());
        assert_eq!(v["severity"], "error");
        assert_eq!(v["code"], "unknown-reference");
        assert_eq!(v["file"], "content/a.yaml");
        assert_eq!(v["line"], 2);
        assert_eq!(v["column"], 9);
        assert_eq!(v["help"], "did you mean `abd`?");
    }

    #[test]
    fn human_underlines_the_value_under_wide_characters() {
        let mut out = Vec::new();
        let lines = |_: &str, _: usize| Some("region: 熊本 abc".to_owned());
        let mut d = sample();
        d.span = Span::new(2, 12, 3);
        human(&mut out, &d, &lines).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(
            s.contains("2 | region: 熊本 abc\n  |              ^^^\n"),
            "{s}"
        );
    }

    #[test]
    fn github_escapes_newlines_and_commas() {
        let s = github(&sample());
        assert!(s.starts_with("::error file=content/a.yaml,line=2,col=9,title=unknown-reference::"));
        assert!(s.contains("%0Ahelp: did you mean"));
    }

    fn human_text(d: &Diagnostic, line: &str) -> String {
        let mut out = Vec::new();
        let lines = |_: &str, _: usize| Some(line.to_owned());
        human(&mut out, d, &lines).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A terminal never receives raw NUL, ESC, BEL or bidi overrides, from the source line, the
    /// message, the help or the file name; the caret still stands under the value.
    #[test]
    fn human_output_escapes_controls_and_overrides() {
        let mut d = sample();
        d.file = "content/\u{1b}]0;pwned\u{7}.yaml".into();
        d.message = "`a\u{202e}b\0` is not a number".into();
        d.help = Some("write \u{1b}[2J a number".into());
        d.span = Span::new(2, 10, 1);
        let s = human_text(&d, "x: \u{1b}[31m\0\u{202e} 42");
        assert!(
            !s.chars()
                .any(|c| c != '\n' && c != '\t' && escape(c).is_some()),
            "{s:?}"
        );
        assert!(
            s.contains("content/<U+001B>]0;pwned<U+0007>.yaml:2:10"),
            "{s}"
        );
        assert!(
            s.contains("2 | x: <U+001B>[31m<U+0000><U+202E> 42\n"),
            "{s}"
        );
        // Column 10 is the U+202E: the caret pad covers `x: `, the escaped ESC, `[31m` and
        // the escaped NUL, and the caret underlines the whole escape.
        let pad = " ".repeat(3 + 8 + 4 + 8);
        assert!(s.contains(&format!("  | {pad}^^^^^^^^\n")), "{s}");
        assert!(s.contains("= help: write <U+001B>[2J a number"), "{s}");
    }

    #[test]
    fn json_and_github_stay_one_valid_line() {
        let mut d = sample();
        d.message = format!("`{}\u{1b}\n` is not a number", "9".repeat(10_000));
        let line = to_json(&d).to_string();
        assert!(line.len() < 400, "{}", line.len());
        assert!(!line.contains('\u{1b}') && !line.contains('\n'));
        let back: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert!(back["message"]
            .as_str()
            .unwrap()
            .ends_with("9…` is not a number"));
        let g = github(&d);
        assert_eq!(g.lines().count(), 1);
        assert!(!g.chars().any(|c| c.is_control()), "{g:?}");
    }

    #[test]
    fn a_long_line_is_echoed_around_the_column() {
        let line = format!("{}: {}", "k".repeat(3_000_000), "v");
        let mut d = sample();
        d.span = Span::new(2, 3_000_003, 1);
        let s = human_text(&d, &line);
        assert!(s.len() < 1000, "{}", s.len());
        assert!(s.contains("kkk: v\n"), "{s}");
        let caret = s.lines().find(|l| l.trim_end().ends_with('^')).unwrap();
        let shown = s.lines().find(|l| l.starts_with("2 | ")).unwrap();
        assert_eq!(
            caret.chars().count(),
            shown.chars().count(),
            "the caret is under the last character:\n{s}"
        );
    }

    #[test]
    fn each_file_shows_at_most_fifty_then_a_note() {
        let many: Vec<Diagnostic> = (1..=120)
            .map(|line| {
                let mut d = sample();
                d.span = Span::new(line, 1, 1);
                if line % 4 == 0 {
                    d.code = Code::MissingTranslation;
                    d.severity = Severity::Warning;
                }
                d
            })
            .chain(std::iter::once(Diagnostic::new(
                Code::InvalidValue,
                "content/b.yaml",
                Span::start(),
                "x",
            )))
            .collect();
        let shown = limit_per_file(&many);
        assert_eq!(shown.len(), MAX_PER_FILE + 2);
        let note = &shown[MAX_PER_FILE];
        assert_eq!(note.code, Code::TooManyDiagnostics);
        assert_eq!(note.severity, Severity::Note);
        assert_eq!(note.span.line, 51);
        // Lines 51 to 120: 70 left out, of which 18 are warnings (52, 56, …, 120).
        assert_eq!(
            note.message,
            "70 more diagnostics in this file are not shown (52 errors, 18 warnings)"
        );
        assert_eq!(shown[MAX_PER_FILE + 1].file, "content/b.yaml");
        assert_eq!(limit_per_file(&many[..50]).len(), 50);
    }
}
