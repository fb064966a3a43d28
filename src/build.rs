//! The pipeline, stage by stage: load and validate a site, report its diagnostics, and build
//! it — every output stage's files joined, sorted and committed atomically. `check`, `build`
//! and `serve` all run through here.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::compare::Computed;
use crate::config::{self, Config};
use crate::diag::emit::{self, Format};
use crate::diag::{self, Diagnostics, Severity};
use crate::load::{self, Corpus};
use crate::site::{Site, Strings};
use crate::write::OutputFile;
use crate::{data, render, search, timing, validate, walk, write};

/// How a command ended, when it ran to the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Success,
    ContentErrors,
}

/// Load and validate a site. `Ok(None)` when the configuration itself is broken (its
/// diagnostics are in the returned collector).
pub fn load_and_validate(root: &Path) -> anyhow::Result<(Option<Corpus>, Diagnostics)> {
    let mut diags = Diagnostics::default();
    if let Some(link) = walk::check_file(root, config::CONFIG_FILE) {
        diags.push(link);
        return Ok((None, diags));
    }
    let config = match Config::load(root)? {
        Ok(config) => config,
        Err(found) => {
            diags.extend(found);
            return Ok((None, diags));
        }
    };
    diags.extend(theme_links(&config));
    let (corpus, found) = timing::phase("load", || load::load(config))?;
    diags.extend(found.into_sorted());
    timing::phase("validate", || validate::validate(&corpus, &mut diags));
    Ok((Some(corpus), diags))
}

/// The theme's links that the link policy refuses, reported with the content's problems so
/// that `check` sees them (render refuses them too). A theme that cannot be read is left to
/// render, which says why.
fn theme_links(config: &Config) -> Vec<diag::Diagnostic> {
    let dir = config.theme_dir();
    if !dir.is_dir() && std::fs::symlink_metadata(&dir).is_err() {
        return Vec::new();
    }
    let rel = format!("themes/{}", config.theme);
    if let Some(link) = walk::check_file(&config.root, &rel) {
        return vec![link];
    }
    walk::walk(&config.root, &dir, walk::Skip::EditorFiles).map_or_else(|_| Vec::new(), |w| w.diags)
}

/// `casebook check`.
pub fn check(root: &Path, format: Format, strict: bool) -> anyhow::Result<Status> {
    let (corpus, mut diags) = load_and_validate(root)?;
    if strict {
        diags.make_strict();
    }
    let failed = diags.fails(false);
    report(corpus.as_ref(), root, diags, format)?;
    Ok(if failed {
        Status::ContentErrors
    } else {
        Status::Success
    })
}

/// `casebook i18n`: the translation status of every record that loads, on stdout. Content
/// errors are reported as `check` reports them (on stderr) and make the exit status 1, since
/// a record that does not load is missing from the report.
pub fn i18n(root: &Path, format: emit::ReportFormat) -> anyhow::Result<Status> {
    let (corpus, diags) = load_and_validate(root)?;
    let failed = diags.fails(false);
    if let Some(corpus) = &corpus {
        let report = validate::translation::report(corpus);
        let mut out = std::io::stdout().lock();
        match format {
            emit::ReportFormat::Json => {
                serde_json::to_writer(&mut out, &report)?;
                writeln!(out)?;
            }
            emit::ReportFormat::Human => write!(out, "{}", translation_text(&report))?,
        }
    }
    if failed {
        let mut errors = Diagnostics::default();
        errors.extend(
            diags
                .into_sorted()
                .into_iter()
                .filter(|d| d.severity == Severity::Error),
        );
        report(corpus.as_ref(), root, errors, Format::Human)?;
        return Ok(Status::ContentErrors);
    }
    Ok(Status::Success)
}

/// The translation status for people: each record with texts lacking English and where they
/// are, then the totals per kind and per region.
fn translation_text(r: &validate::translation::Report) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for rec in r.records.iter().filter(|rec| !rec.untranslated.is_empty()) {
        let n = rec.untranslated.len();
        let _ = writeln!(s, "{}: {n} of {} texts lack English", rec.file, rec.texts);
        for u in &rec.untranslated {
            let lack = match u.lack {
                validate::translation::Lack::Missing => "no English",
                validate::translation::Lack::SameAsJapanese => "English is the Japanese",
            };
            let at = format!("{}:{}:{}", rec.file, u.line, u.column);
            let _ = writeln!(s, "  {at}  {}  {lack}: {}", u.path, u.ja);
        }
    }
    let table = |s: &mut String, title: &str, totals: &[validate::translation::Total]| {
        let _ = writeln!(
            s,
            "\n{title}: records (incomplete)  texts (lacking English)"
        );
        for t in totals {
            let key = if t.key.is_empty() {
                "(no region)"
            } else {
                &t.key
            };
            let _ = writeln!(
                s,
                "  {key}: {} ({})  {} ({})",
                t.records, t.incomplete, t.texts, t.untranslated
            );
        }
    };
    table(&mut s, "by kind", &r.kinds);
    table(&mut s, "by region", &r.regions);
    let t = &r.total;
    let _ = writeln!(
        s,
        "\n{} of {} texts lack English, in {} of {} records",
        t.untranslated, t.texts, t.incomplete, t.records
    );
    s
}

/// Print diagnostics: `human` to stderr with a summary line, `json` / `github` to stdout.
pub fn report(
    corpus: Option<&Corpus>,
    root: &Path,
    diags: Diagnostics,
    format: Format,
) -> anyhow::Result<()> {
    if format == Format::Human {
        eprint!("{}", human_report(corpus, root, diags)?);
        return Ok(());
    }
    emit_report(corpus, root, diags, format, &mut std::io::stdout().lock())
}

/// The diagnostics as `casebook check` prints them for people, with its summary line.
pub fn human_report(
    corpus: Option<&Corpus>,
    root: &Path,
    diags: Diagnostics,
) -> anyhow::Result<String> {
    let mut out = Vec::new();
    emit_report(corpus, root, diags, Format::Human, &mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn emit_report(
    corpus: Option<&Corpus>,
    root: &Path,
    diags: Diagnostics,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let config_text = std::fs::read_to_string(root.join(config::CONFIG_FILE)).unwrap_or_default();
    let lines = |file: &str, line: usize| -> Option<String> {
        let text = match corpus.and_then(|c| c.sources.get(file)) {
            Some(t) => t.as_str(),
            None if file == config::CONFIG_FILE => config_text.as_str(),
            None => return None,
        };
        diag::source::LineIndex::new(text)
            .line(line)
            .map(str::to_owned)
    };
    // Counted once sorted: a diagnostic found twice (two links to one bad reference
    // definition) is shown once and counted once.
    let sorted = diags.into_sorted();
    let count = |severity| sorted.iter().filter(|d| d.severity == severity).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    emit::emit(out, format, &sorted, &lines)?;
    if format == Format::Human {
        let records = corpus.map_or(0, |c| c.records.len());
        writeln!(
            out,
            "checked {records} records: {errors} error(s), {warnings} warning(s)"
        )?;
    }
    out.flush()?;
    Ok(())
}

/// How `casebook build` runs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Warnings fail the build.
    pub strict: bool,
    /// Replace a non-empty output directory that holds no build marker.
    pub force: bool,
}

/// `casebook build`: check, render, then write atomically. The output directory is checked
/// first (see [`write::OutDir`]), so a refused one costs no build. Returns the status and, on
/// success, the number of files written.
pub fn build(root: &Path, out: &Path, options: Options) -> anyhow::Result<(Status, usize)> {
    let out_dir = write::OutDir::new(out, root, options.force)?;
    let (corpus, mut diags) = load_and_validate(root)?;
    if options.strict {
        diags.make_strict();
    }
    let corpus = match corpus {
        Some(corpus) if !diags.fails(false) => corpus,
        corpus => {
            report(corpus.as_ref(), root, diags, Format::Human)?;
            return Ok((Status::ContentErrors, 0));
        }
    };
    let files =
        timing::phase("render (total)", || site_files(&corpus)).context("rendering the site")?;
    let count = files.len();
    timing::phase("write", || write::commit(&out_dir, files))?;
    if !diags.is_empty() {
        report(Some(&corpus), root, diags, Format::Human)?;
    }
    log::info!(
        "built {} records into {} files in {}",
        corpus.records.len(),
        count,
        out.display()
    );
    Ok((Status::Success, count))
}

/// Every file of the built site, sorted by path: the pages, the open data and the search
/// index, each from its own stage over the same [`Site`] and comparisons.
pub fn site_files(corpus: &Corpus) -> anyhow::Result<Vec<OutputFile>> {
    let strings = Strings::load(&corpus.config.theme_dir())?;
    let site = Site::with_strings(corpus, &strings);
    let computed = timing::phase("compare data", || Computed::new(corpus));
    let mut files = render::render(&site, &computed)?;
    files.extend(data::files(&site, &computed)?);
    // records.json is one long serialization on one thread: it runs beside the search index,
    // whose steps leave a core idle at times.
    let (records, search) = rayon::join(
        || timing::phase("records.json", || data::records_json(&site)),
        || {
            let printed = |r: &load::Record, lang| {
                render::printed(&site, &computed, site.strings().ui(lang), r)
            };
            timing::phase("search index", || search::index::index(&site, &printed))
        },
    );
    files.extend(records?);
    files.extend(search?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
