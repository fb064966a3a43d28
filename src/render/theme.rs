//! A theme: tera templates, UI strings per language and static files, from
//! `themes/<name>/{templates,static,strings.yaml}`. Filters are registered per language,
//! so templates write `{{ record.title | t }}` and get the reader's language.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{anyhow, Context as _};
use serde_json::Value;
use tera::Tera;

use super::markdown;
use crate::model::{Lang, When};
use crate::site::Strings;
use crate::write::OutputFile;

pub struct Theme {
    /// One template set per language, each with its filters.
    tera: BTreeMap<Lang, Tera>,
    /// The same strings as a JSON object, as every page's context has them (`ui`).
    pub ui_values: BTreeMap<Lang, Value>,
    pub statics: Vec<OutputFile>,
}

impl Theme {
    pub fn load(dir: &Path, base_path: &str, strings: &Strings) -> anyhow::Result<Theme> {
        let glob = dir.join("templates").join("**").join("*.html");
        let base = Tera::new(&glob.to_string_lossy())
            .map_err(|e| anyhow!("{}", tera_chain(&e)))
            .with_context(|| format!("loading the templates in {}", dir.display()))?;
        let mut tera = BTreeMap::new();
        for lang in Lang::ALL {
            let mut t = base.clone();
            // tera's default escaping also turns `/` into `&#x2F;`; URLs read better without.
            t.set_escape_fn(markdown::html_escape);
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
            statics: statics(&dir.join("static"))?,
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

fn statics(dir: &Path) -> anyhow::Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir)?;
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let bytes = std::fs::read(entry.path())
                .with_context(|| format!("reading {}", entry.path().display()))?;
            files.push(OutputFile::new(format!("static/{rel}"), bytes));
        }
    }
    Ok(files)
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
        let en = en.filter(|e| !e.trim().is_empty());
        let (text, translated) = match self.lang {
            Lang::En => en.map_or((ja, false), |e| (e, true)),
            Lang::Ja => (ja, true),
        };
        Ok(Value::String(match (self.mode, translated) {
            (Mode::Plain, _) => text.to_owned(),
            (Mode::Inline, true) => markdown::html_escape(text),
            (Mode::Inline, false) => format!(
                "<span lang=\"ja\">{}</span> <small class=\"untranslated\">{}</small>",
                markdown::html_escape(text),
                UNTRANSLATED
            ),
            (Mode::Markdown, true) => markdown::render_at(text, &self.base_path),
            (Mode::Markdown, false) => format!(
                "<div lang=\"ja\" class=\"untranslated-block\"><p><small class=\"untranslated\">{}</small></p>{}</div>",
                UNTRANSLATED,
                markdown::render_at(text, &self.base_path)
            ),
        }))
    }

    fn is_safe(&self) -> bool {
        self.mode != Mode::Plain
    }
}

/// `text | t_linked(ids=[…], regions=data.regions)`: a line that names its regions in its own
/// words (「南薩・北薩・大隅圏域」, "Nansatsu, Hokusatsu and Osumi areas"), printed in the page's
/// language with each region's name linked where it stands. Empty when the text is not
/// translated or does not name every region, so the template can fall back to linking them
/// after the line.
struct LinkedText {
    lang: Lang,
}

impl tera::Filter for LinkedText {
    fn filter(
        &self,
        value: &Value,
        args: &std::collections::HashMap<String, Value>,
    ) -> tera::Result<Value> {
        let text = match value {
            Value::String(s) => Some(s.as_str()),
            Value::Object(o) => o
                .get(self.lang.code())
                .and_then(Value::as_str)
                .filter(|t| !t.trim().is_empty()),
            _ => None,
        };
        let ids = args.get("ids").and_then(Value::as_array);
        let regions = args.get("regions").and_then(Value::as_object);
        let (Some(text), Some(ids), Some(regions)) = (text, ids, regions) else {
            return Ok(Value::String(String::new()));
        };
        let mut targets = Vec::with_capacity(ids.len());
        for id in ids {
            let region = id.as_str().and_then(|id| regions.get(id));
            let name = region
                .and_then(|r| r.pointer(&format!("/name/{}", self.lang.code())))
                .and_then(Value::as_str);
            let url = region.and_then(|r| r.get("url")).and_then(Value::as_str);
            let (Some(name), Some(url)) = (name, url) else {
                return Ok(Value::String(String::new()));
            };
            targets.push((name, url));
        }
        Ok(Value::String(
            super::view::links::link_names(text, &targets).unwrap_or_default(),
        ))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// A date filter's result: `f` of the text and its value; text that is not a date passes
/// through, and a value that is not text prints nothing.
fn map_date(v: &Value, f: impl Fn(&str, &When) -> String) -> Value {
    Value::String(match v.as_str() {
        Some(s) => s
            .parse::<When>()
            .map_or_else(|_| s.to_owned(), |w| f(s, &w)),
        None => String::new(),
    })
}

/// The mark beside Japanese text shown on an English page.
pub const UNTRANSLATED: &str = "not yet translated";

fn register_filters(tera: &mut Tera, lang: Lang, base_path: &str) {
    tera.register_filter(
        "t",
        TextFilter {
            lang,
            mode: Mode::Inline,
            base_path: base_path.to_owned(),
        },
    );
    tera.register_filter(
        "tt",
        TextFilter {
            lang,
            mode: Mode::Plain,
            base_path: base_path.to_owned(),
        },
    );
    tera.register_filter(
        "md",
        TextFilter {
            lang,
            mode: Mode::Markdown,
            base_path: base_path.to_owned(),
        },
    );
    // Dates reach record pages as the record writes them (`model::dated`), elsewhere in
    // canonical form; both parse. `date` prints the value in the reader's language; with
    // `as_written=true`, a Japanese page prints the text as the record (and so the source sheet)
    // writes it instead, where that is not the canonical form.
    tera.register_filter(
        "date",
        move |v: &Value, args: &std::collections::HashMap<String, Value>| {
            let as_written = args.get("as_written").and_then(Value::as_bool) == Some(true);
            Ok(map_date(v, |s, w| {
                if as_written && lang == Lang::Ja && s.trim() != w.canonical() {
                    s.trim().to_owned()
                } else {
                    w.display(lang)
                }
            }))
        },
    );
    // The canonical form (`FY2020`, `2019-06`, `not-stated`), for templates that test or take
    // apart a date; text that is not a date passes through.
    tera.register_filter(
        "canonical",
        |v: &Value, _: &std::collections::HashMap<String, Value>| {
            Ok(map_date(v, |_, w| w.canonical()))
        },
    );
    tera.register_filter("t_linked", LinkedText { lang });
    tera.register_filter(
        "num",
        |v: &Value, _: &std::collections::HashMap<String, Value>| {
            Ok(Value::String(
                v.as_f64()
                    .map(crate::model::number::grouped)
                    .unwrap_or_default(),
            ))
        },
    );
}
