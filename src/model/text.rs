//! Human text, written once per language.
//!
//! Every field a reader sees is written as `{ja: …, en: …}`. Japanese is the source
//! language and is required; a missing `en` is reported as `missing-translation` and the
//! page shows the Japanese with a visible "not yet translated" mark.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// A short, plain text (a name, a title, a table cell). Printed escaped, never as Markdown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Plain text in each language: `{ja: …, en: …}`; `ja` is required.")]
pub struct Text {
    /// Japanese, as written in the source.
    pub ja: String,
    /// English translation, following the glossary.
    #[serde(default)]
    pub en: Option<String>,
}

/// Long text in each language, written in Markdown (lists, tables, footnotes, emphasis).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Markdown in each language: `{ja: …, en: …}`; `ja` is required.")]
pub struct Prose {
    /// Japanese Markdown, as written in the source.
    pub ja: String,
    /// English Markdown.
    #[serde(default)]
    pub en: Option<String>,
}

/// A list item that may carry sub-items: `{ja: …, en: …, sub: [ … ]}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub ja: String,
    #[serde(default)]
    pub en: Option<String>,
    /// Sub-items, such as the budget lines that financed a resource.
    #[serde(default)]
    pub sub: Vec<Item>,
}

/// Text in one language, and whether it is a translation that exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// False when English was asked for and only Japanese exists.
    pub translated: bool,
}

impl<'a> Shown<'a> {
    /// The text to show in `lang`: English when there is some (not blank), else Japanese.
    pub fn pick(ja: &'a str, en: Option<&'a str>, lang: Lang) -> Shown<'a> {
        pick(ja, en, lang)
    }
}

fn pick<'a>(ja: &'a str, en: Option<&'a str>, lang: Lang) -> Shown<'a> {
    match (lang, en.filter(|e| !e.trim().is_empty())) {
        (Lang::En, Some(en)) => Shown {
            text: en,
            translated: true,
        },
        (Lang::En, None) => Shown {
            text: ja,
            translated: false,
        },
        (Lang::Ja, _) => Shown {
            text: ja,
            translated: true,
        },
    }
}

impl Text {
    pub fn new(ja: &str, en: &str) -> Text {
        Text {
            ja: ja.to_owned(),
            en: Some(en.to_owned()),
        }
    }

    pub fn get(&self, lang: Lang) -> Shown<'_> {
        pick(&self.ja, self.en.as_deref(), lang)
    }
}

impl Prose {
    pub fn get(&self, lang: Lang) -> Shown<'_> {
        pick(&self.ja, self.en.as_deref(), lang)
    }
}

impl Item {
    pub fn get(&self, lang: Lang) -> Shown<'_> {
        pick(&self.ja, self.en.as_deref(), lang)
    }
}
