//! The theme's UI strings (`themes/<theme>/strings.yaml`), per language: headings, labels,
//! punctuation and templates such as `"{}レベル"`. Every output stage that prints words for
//! readers (pages, the search index's facet labels) takes them from here.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::anyhow;

use crate::model::{Kind, Lang, Text};

/// Every UI string, per language.
#[derive(Clone, Debug)]
pub struct Strings {
    by_lang: BTreeMap<Lang, BTreeMap<String, String>>,
}

impl Strings {
    /// Read `strings.yaml` of the theme in `dir`.
    pub fn load(dir: &Path) -> anyhow::Result<Strings> {
        let path = dir.join("strings.yaml");
        let raw: BTreeMap<String, Text> = crate::yaml::load_file(&path, &path.to_string_lossy())
            .map_err(|diags| {
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
            })?;
        Ok(Strings::from_texts(&raw))
    }

    /// Strings written as `{ja, en}` texts. Unlike content, a UI string may be empty on
    /// purpose in one language (the unit 人 has no English counterpart after a number), so
    /// `en: ""` is kept rather than read as "not yet translated".
    pub fn from_texts(raw: &BTreeMap<String, Text>) -> Strings {
        let by_lang = Lang::ALL
            .iter()
            .map(|&lang| {
                let strings = raw
                    .iter()
                    .map(|(k, v)| {
                        let text = match (lang, &v.en) {
                            (Lang::En, Some(en)) => en,
                            _ => &v.ja,
                        };
                        (k.clone(), text.clone())
                    })
                    .collect();
                (lang, strings)
            })
            .collect();
        Strings { by_lang }
    }

    /// The strings of one language.
    pub fn ui(&self, lang: Lang) -> Ui<'_> {
        Ui {
            lang,
            strings: &self.by_lang[&lang],
        }
    }
}

/// The UI strings of one language.
#[derive(Clone, Copy, Debug)]
pub struct Ui<'a> {
    pub lang: Lang,
    strings: &'a BTreeMap<String, String>,
}

impl<'a> Ui<'a> {
    /// The string `key`; the key itself when the theme lacks it, so a missing string shows on
    /// the page rather than vanishing.
    pub fn get<'k>(&self, key: &'k str) -> &'k str
    where
        'a: 'k,
    {
        self.strings.get(key).map_or(key, String::as_str)
    }

    /// The string `key` with `{}` replaced by `value` (`"{}レベル"` → `圏域レベル`).
    pub fn fill(&self, key: &str, value: &str) -> String {
        self.get(key).replace("{}", value)
    }

    /// The name of one record of a kind (`kind_<dir>`: 「事業の実施例」, "Project case example").
    pub fn kind_name(&self, kind: Kind) -> String {
        self.get(&format!("kind_{}", kind.dir())).to_owned()
    }

    /// The name of a kind's records together, for its index (`kinds_<dir>`: "Project case
    /// examples").
    pub fn kinds_name(&self, kind: Kind) -> String {
        self.get(&format!("kinds_{}", kind.dir())).to_owned()
    }

    /// The string `key` with each `{name}` replaced by its value, in one pass (a value that
    /// itself holds `{name}` is left as it is): `"{rows}行の図"` with `rows = 3` → `3行の図`.
    pub fn fill_named(&self, key: &str, values: &[(&str, &str)]) -> String {
        let template = self.get(key);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                let value = values.iter().find(|(n, _)| *n == name)?.1;
                Some((value, close))
            });
            match value {
                Some((value, close)) => {
                    out.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Every string, by key (what templates get as `ui`).
    pub fn all(&self) -> &'a BTreeMap<String, String> {
        self.strings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_empty_in_english_stays_empty_and_a_missing_one_shows_its_key() {
        let raw: BTreeMap<String, Text> = [
            ("unit_people".to_owned(), Text::new("人", "")),
            ("level_of".to_owned(), Text::new("{}レベル", "{} level")),
        ]
        .into_iter()
        .collect();
        let strings = Strings::from_texts(&raw);
        assert_eq!(strings.ui(Lang::En).get("unit_people"), "");
        assert_eq!(strings.ui(Lang::Ja).fill("level_of", "圏域"), "圏域レベル");
        assert_eq!(strings.ui(Lang::En).get("no_such_key"), "no_such_key");
    }

    #[test]
    fn kind_names_come_from_the_theme() {
        let strings =
            Strings::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"))
                .expect("the default theme's strings");
        for kind in Kind::ALL {
            for lang in Lang::ALL {
                let ui = strings.ui(lang);
                assert!(
                    !ui.kind_name(kind).starts_with("kind_"),
                    "{kind:?} {lang:?}"
                );
                assert!(
                    !ui.kinds_name(kind).starts_with("kinds_"),
                    "{kind:?} {lang:?}"
                );
            }
        }
        assert_eq!(
            strings.ui(Lang::En).kind_name(Kind::Cases),
            "Project case example"
        );
        assert_eq!(
            strings.ui(Lang::En).kinds_name(Kind::Cases),
            "Project case examples"
        );
        assert_eq!(strings.ui(Lang::Ja).kinds_name(Kind::Cases), "事業の実施例");
    }

    #[test]
    fn named_values_fill_their_places_once() {
        let raw: BTreeMap<String, Text> = [(
            "note".to_owned(),
            Text::new("{word} {date}まで {unknown}", "{word} by {date}"),
        )]
        .into_iter()
        .collect();
        let strings = Strings::from_texts(&raw);
        let values = [("word", "目標 {date}"), ("date", "令和3年度末")];
        assert_eq!(
            strings.ui(Lang::Ja).fill_named("note", &values),
            "目標 {date} 令和3年度末まで {unknown}"
        );
        assert_eq!(
            strings
                .ui(Lang::En)
                .fill_named("note", &[("word", "target")]),
            "target by {date}"
        );
    }
}
