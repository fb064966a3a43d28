//! A theme: tera templates, UI strings per language and static files, from
//! `themes/<name>/{templates,static,strings.yaml}`. Filters are registered per language,
//! so templates write `{{ record.title | t }}` and get the reader's language.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{anyhow, Context as _};
use serde_json::Value;
use tera::Tera;

use super::markdown;
use crate::model::{Lang, Text, When};
use crate::write::OutputFile;

pub struct Theme {
    /// One template set per language, each with its filters.
    tera: BTreeMap<Lang, Tera>,
    /// UI strings, per language.
    pub strings: BTreeMap<Lang, BTreeMap<String, String>>,
    /// The same strings as a JSON object, as every page's context has them (`ui`).
    pub ui_values: BTreeMap<Lang, Value>,
    pub statics: Vec<OutputFile>,
}

impl Theme {
    pub fn load(dir: &Path, base_path: &str) -> anyhow::Result<Theme> {
        let glob = dir.join("templates").join("**").join("*.html");
        let base = Tera::new(&glob.to_string_lossy())
            .map_err(|e| anyhow!("{}", tera_chain(&e)))
            .with_context(|| format!("loading the templates in {}", dir.display()))?;
        let strings_path = dir.join("strings.yaml");
        let raw: BTreeMap<String, Text> =
            crate::yaml::load_file(&strings_path, &strings_path.to_string_lossy()).map_err(
                |diags| {
                    let lines: Vec<String> = diags
                        .iter()
                        .map(|d| {
                            format!(
                                "{}:{}:{}: {}",
                                d.file, d.span.line, d.span.column, d.message
                            )
                        })
                        .collect();
                    anyhow!("the theme's strings.yaml is invalid:\n{}", lines.join("\n"))
                },
            )?;
        let mut tera = BTreeMap::new();
        let mut strings = BTreeMap::new();
        for lang in Lang::ALL {
            let mut t = base.clone();
            // tera's default escaping also turns `/` into `&#x2F;`; URLs read better without.
            t.set_escape_fn(markdown::html_escape);
            register_filters(&mut t, lang, base_path);
            tera.insert(lang, t);
            strings.insert(
                lang,
                // Unlike content, a UI string may be empty on purpose in one language (the
                // unit 人 has no English counterpart after a number), so `en: ""` is kept
                // rather than read as "not yet translated".
                raw.iter()
                    .map(|(k, v)| {
                        let text = match (lang, &v.en) {
                            (Lang::En, Some(en)) => en,
                            _ => &v.ja,
                        };
                        (k.clone(), text.clone())
                    })
                    .collect(),
            );
        }
        let ui_values = strings
            .iter()
            .map(|(lang, ui)| Ok((*lang, serde_json::to_value(ui)?)))
            .collect::<anyhow::Result<_>>()?;
        Ok(Theme {
            tera,
            strings,
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
            link_names(text, &targets).unwrap_or_default(),
        ))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Words that end a region's name without being what a text calls it: 南薩圏域 is 「南薩」 in
/// 「南薩・北薩・大隅圏域」, Nansatsu area is "Nansatsu" in "Nansatsu and Osumi areas".
const NAME_SUFFIXES: &[&str] = &["圏域", "地区", "地域", " area", " district", " region"];

/// `text`, HTML-escaped, with each `(name, url)` linked at the first place the text names it
/// (by its whole name, or without a [`NAME_SUFFIXES`] word) that no earlier one took. `None`
/// when a name is not found.
fn link_names(text: &str, targets: &[(&str, &str)]) -> Option<String> {
    let mut taken: Vec<(usize, usize, &str)> = Vec::with_capacity(targets.len());
    for &(name, url) in targets {
        let short = NAME_SUFFIXES
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .filter(|short| !short.is_empty());
        let found = [Some(name), short].into_iter().flatten().find_map(|word| {
            text.match_indices(word)
                .map(|(at, _)| (at, at + word.len()))
                .filter(|&(a, b)| whole_words(text, a, b))
                .find(|&(a, b)| taken.iter().all(|&(x, y, _)| b <= x || a >= y))
        })?;
        taken.push((found.0, found.1, url));
    }
    taken.sort_unstable();
    let mut out = String::with_capacity(text.len() + taken.len() * 40);
    let mut at = 0;
    for (a, b, url) in taken {
        out.push_str(&markdown::html_escape(&text[at..a]));
        out.push_str(&format!(
            "<a href=\"{}\">{}</a>",
            markdown::html_escape(url),
            markdown::html_escape(&text[a..b])
        ));
        at = b;
    }
    out.push_str(&markdown::html_escape(&text[at..]));
    Some(out)
}

/// Whether `text[a..b]` does not cut a word of Latin letters or digits in two ("Kagoshima
/// area" is not in "Kagoshima areas"). Japanese has no spaces, so its names match anywhere.
fn whole_words(text: &str, a: usize, b: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let (before, first) = (text[..a].chars().next_back(), text[a..b].chars().next());
    let (last, after) = (text[a..b].chars().next_back(), text[b..].chars().next());
    let cuts_before = word(before) && word(first);
    let cuts_after = word(last) && word(after);
    !(cuts_before || cuts_after)
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

#[cfg(test)]
mod tests {
    use super::link_names;

    const AREAS: &[(&str, &str)] = &[
        ("南薩圏域", "/ja/regions/nansatsu-area/"),
        ("北薩圏域", "/ja/regions/hokusatsu-area/"),
        ("大隅圏域", "/ja/regions/osumi-area/"),
    ];

    #[test]
    fn names_are_linked_where_the_text_says_them() {
        assert_eq!(
            link_names("南薩・北薩・大隅圏域", AREAS).as_deref(),
            Some(
                "<a href=\"/ja/regions/nansatsu-area/\">南薩</a>・\
                 <a href=\"/ja/regions/hokusatsu-area/\">北薩</a>・\
                 <a href=\"/ja/regions/osumi-area/\">大隅圏域</a>"
            )
        );
        let en = [("Aira-Isa area", "/a/"), ("Kagoshima area", "/k/")];
        assert_eq!(
            link_names("Aira-Isa and Kagoshima areas", &en).as_deref(),
            Some("<a href=\"/a/\">Aira-Isa</a> and <a href=\"/k/\">Kagoshima</a> areas")
        );
    }

    #[test]
    fn a_name_the_text_does_not_say_leaves_the_text_unlinked() {
        assert_eq!(link_names("南薩・北薩", AREAS), None);
    }

    #[test]
    fn two_regions_never_share_the_same_words_and_text_is_escaped() {
        // Both names shorten to 「鹿児島」: the second takes the next occurrence, or fails.
        let same = [("鹿児島圏域", "/1/"), ("鹿児島地区", "/2/")];
        assert_eq!(
            link_names("鹿児島<b>と鹿児島", &same).as_deref(),
            Some("<a href=\"/1/\">鹿児島</a>&lt;b&gt;と<a href=\"/2/\">鹿児島</a>")
        );
        assert_eq!(link_names("鹿児島のみ", &same), None);
    }
}
