//! A theme: tera templates, UI strings per language and static files, from
//! `themes/<name>/{templates,static,strings.yaml}`. Filters are registered per language,
//! so templates write `{{ record.title | t }}` and get the reader's language.
//!
//! Templates and static files are found by [`crate::walk`], under the one link policy: a
//! link that stays inside the site root is read like its target, one that leaves it never
//! is (`check` reports it, so a build never gets here with one), and editors' files are
//! skipped.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{anyhow, bail, Context as _};
use serde_json::Value;
use tera::Tera;

use super::{html, markdown};
use crate::model::text::Shown;
use crate::model::Lang;
use crate::site::{routes, Strings};
use crate::walk::{self, Skip};
use crate::write::OutputFile;

pub struct Theme {
    /// One template set per language, each with its filters.
    tera: BTreeMap<Lang, Tera>,
    /// The same strings as a JSON object, as every page's context has them (`ui`).
    pub ui_values: BTreeMap<Lang, Value>,
    pub statics: Vec<OutputFile>,
}

impl Theme {
    /// The theme in `dir`, under the site `root`.
    pub fn load(
        root: &Path,
        dir: &Path,
        base_path: &str,
        strings: &Strings,
    ) -> anyhow::Result<Theme> {
        let base = templates(root, &dir.join("templates"))
            .with_context(|| format!("loading the templates in {}", dir.display()))?;
        let mut tera = BTreeMap::new();
        for lang in Lang::ALL {
            let mut t = base.clone();
            // tera's default escaping also turns `/` into `&#x2F;`; URLs read better without.
            t.set_escape_fn(html::escape);
            register_filters(&mut t, lang, base_path);
            tera.insert(lang, t);
        }
        let ui_values = Lang::ALL
            .iter()
            .map(|lang| Ok((*lang, serde_json::to_value(strings.ui(*lang).all())?)))
            .collect::<anyhow::Result<_>>()?;
        Ok(Theme {
            tera,
            ui_values,
            statics: statics(root, &dir.join("static"))?,
        })
    }

    pub fn render(
        &self,
        lang: Lang,
        template: &str,
        ctx: &tera::Context,
    ) -> anyhow::Result<String> {
        let tera = &self.tera[&lang];
        tera.render(template, ctx)
            .map_err(|e| anyhow!("{}", tera_chain(&e)))
            .with_context(|| format!("rendering {template} ({})", lang.code()))
    }
}

fn tera_chain(e: &tera::Error) -> String {
    let mut out = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        out.push_str(": ");
        out.push_str(&s.to_string());
        src = s.source();
    }
    out
}

/// The files under `dir` as the walk finds them, with their paths relative to `dir`; an error
/// for a link the policy refuses.
fn walk_theme(root: &Path, dir: &Path) -> anyhow::Result<Vec<(String, std::path::PathBuf)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let walked = walk::walk(root, dir, Skip::EditorFiles)
        .with_context(|| format!("reading {}", dir.display()))?;
    if let Some(d) = walked.diags.first() {
        bail!("{}: {}", d.file, d.message);
    }
    walked
        .files
        .into_iter()
        .map(|f| {
            let rel = f.path.strip_prefix(dir)?;
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            Ok((rel, f.path))
        })
        .collect()
}

/// Every `.html` file under `dir`, named by its path below it (`pages/record.html`).
fn templates(root: &Path, dir: &Path) -> anyhow::Result<Tera> {
    let mut sources = Vec::new();
    for (name, path) in walk_theme(root, dir)? {
        if name.ends_with(".html") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            sources.push((name, text));
        }
    }
    let mut tera = Tera::default();
    tera.add_raw_templates(sources)
        .map_err(|e| anyhow!("{}", tera_chain(&e)))?;
    Ok(tera)
}

fn statics(root: &Path, dir: &Path) -> anyhow::Result<Vec<OutputFile>> {
    walk_theme(root, dir)?
        .into_iter()
        .map(|(rel, path)| {
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            Ok(OutputFile::new(routes::static_file(&rel), bytes))
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Escaped inline HTML, with the "not yet translated" mark.
    Inline,
    /// Plain text for attributes and `<title>`; escaped by tera.
    Plain,
    /// Markdown rendered to sanitised HTML.
    Markdown,
}

struct TextFilter {
    lang: Lang,
    mode: Mode,
    /// Where the site is served, for site-absolute links in Markdown.
    base_path: String,
}

impl tera::Filter for TextFilter {
    fn filter(
        &self,
        value: &Value,
        _: &std::collections::HashMap<String, Value>,
    ) -> tera::Result<Value> {
        let (ja, en) = match value {
            Value::Null => return Ok(Value::String(String::new())),
            Value::String(s) => (s.as_str(), Some(s.as_str())),
            Value::Object(o) => (
                o.get("ja").and_then(Value::as_str).unwrap_or(""),
                o.get("en").and_then(Value::as_str),
            ),
            other => return Ok(Value::String(other.to_string())),
        };
        let shown = Shown::pick(ja, en, self.lang);
        Ok(Value::String(match self.mode {
            Mode::Plain => shown.text.to_owned(),
            Mode::Inline => html::inline(shown),
            Mode::Markdown => html::block(
                markdown::render_at(shown.text, &self.base_path),
                shown.translated,
            ),
        }))
    }

    fn is_safe(&self) -> bool {
        self.mode != Mode::Plain
    }
}

/// The filters templates print human text with: `t` (inline, escaped), `tt` (plain, for
/// attributes and `<title>`) and `md` (Markdown), each in the page's language.
fn register_filters(tera: &mut Tera, lang: Lang, base_path: &str) {
    for (name, mode) in [
        ("t", Mode::Inline),
        ("tt", Mode::Plain),
        ("md", Mode::Markdown),
    ] {
        tera.register_filter(
            name,
            TextFilter {
                lang,
                mode,
                base_path: base_path.to_owned(),
            },
        );
    }
}
