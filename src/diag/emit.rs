//! Printing diagnostics: `human` (with the offending source line), `json` (one object per
//! line), `github` (workflow annotations).

use std::io::{self, Write};

use serde_json::json;

use super::{Diagnostic, Severity};

/// Output formats of `casebook check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Looks up a source line for the human format: `(file, 1-based line) -> text`.
pub type SourceLines<'a> = dyn Fn(&str, usize) -> Option<String> + 'a;

pub fn emit(
    out: &mut dyn Write,
    format: Format,
    diags: &[Diagnostic],
    lines: &SourceLines,
) -> io::Result<()> {
    for d in diags {
        match format {
            Format::Human => human(out, d, lines)?,
            Format::Json => writeln!(out, "{}", to_json(d))?,
            Format::Github => writeln!(out, "{}", github(d))?,
        }
    }
    Ok(())
}

pub fn to_json(d: &Diagnostic) -> serde_json::Value {
    json!({
        "severity": d.severity,
        "code": d.code.as_str(),
        "file": d.file,
        "line": d.span.line,
        "column": d.span.column,
        "message": d.message,
        "help": d.help,
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
        d.file, d.span.line, d.span.column, d.code, d.message
    )?;
    if let Some(text) = lines(&d.file, d.span.line) {
        let num = d.span.line.to_string();
        let pad = " ".repeat(num.len());
        let caret_pad: String = text
            .chars()
            .take(d.span.column.saturating_sub(1))
            .map(width_space)
            .collect();
        let underline: String = text
            .chars()
            .skip(d.span.column.saturating_sub(1))
            .take(d.span.len.max(1))
            .map(|c| if is_wide(c) { "^^" } else { "^" })
            .collect();
        writeln!(out, "{pad} |")?;
        writeln!(out, "{num} | {text}")?;
        writeln!(
            out,
            "{pad} | {caret_pad}{}",
            if underline.is_empty() {
                "^"
            } else {
                &underline
            }
        )?;
    }
    if let Some(help) = &d.help {
        writeln!(out, "  = help: {help}")?;
    }
    writeln!(out)
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
    let mut msg = format!("{} [{}]", d.message, d.code);
    if let Some(help) = &d.help {
        msg.push_str("\nhelp: ");
        msg.push_str(help);
    }
    format!(
        "::{kind} file={},line={},col={},title={}::{}",
        escape_property(&d.file),
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
}
