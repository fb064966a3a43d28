//! Vocabularies: lists editors extend without touching code, in `content/vocabularies/`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::id::{IndicatorId, TermId};
use super::text::{Prose, Text};

/// The vocabularies: lists in `content/vocabularies/<stem>.yaml` that records refer to by id
/// and editors extend without touching code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Vocabulary {
    Terms(TermList),
    Indicators,
    Glossary,
    /// Spelling variants search treats as one term (障害 / 障がい / 障碍).
    Variants,
}

impl Vocabulary {
    pub const ALL: [Vocabulary; 7] = [
        Vocabulary::Terms(TermList::Categories),
        Vocabulary::Terms(TermList::Themes),
        Vocabulary::Terms(TermList::RegionKinds),
        Vocabulary::Terms(TermList::Actors),
        Vocabulary::Indicators,
        Vocabulary::Glossary,
        Vocabulary::Variants,
    ];

    /// The file's name without `.yaml`.
    pub fn stem(self) -> &'static str {
        match self {
            Vocabulary::Terms(list) => list.stem(),
            Vocabulary::Indicators => "indicators",
            Vocabulary::Glossary => "glossary",
            Vocabulary::Variants => "variants",
        }
    }

    pub fn from_stem(stem: &str) -> Option<Vocabulary> {
        Vocabulary::ALL.into_iter().find(|v| v.stem() == stem)
    }
}

/// The vocabularies of plain [`Term`]s: what records are tagged with (categories, themes) or
/// name (region kinds, actors).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermList {
    Categories,
    Themes,
    RegionKinds,
    Actors,
}

impl TermList {
    pub const ALL: [TermList; 4] = [
        TermList::Categories,
        TermList::Themes,
        TermList::RegionKinds,
        TermList::Actors,
    ];

    /// The lists records are tagged with, each with pages of its own (`/{lang}/themes/…`).
    pub const TAGS: [TermList; 2] = [TermList::Categories, TermList::Themes];

    /// The file's name without `.yaml`; for tags, also the URL segment of their pages.
    pub fn stem(self) -> &'static str {
        match self {
            TermList::Categories => "categories",
            TermList::Themes => "themes",
            TermList::RegionKinds => "region-kinds",
            TermList::Actors => "actors",
        }
    }
}

/// An entry of `categories.yaml`, `themes.yaml`, `region-kinds.yaml` or `actors.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: TermId,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Prose>,
}

/// An entry of `indicators.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    pub id: IndicatorId,
    pub name: Text,
    pub unit: Unit,
    /// Which way is progress: `lower` for long-term inpatients, `higher` for discharge rates.
    pub better: Direction,
    #[serde(default)]
    pub description: Option<Prose>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// 人 / 名.
    People,
    /// %; values above 100 are errors.
    Percent,
    /// A count of places or things (カ所, 市町村).
    Count,
    /// A count of occasions (回).
    Times,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Lower,
    Higher,
}

/// An entry of `glossary.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub ja: String,
    pub en: String,
    /// Other spellings or abbreviations (ＡＤ, PSW).
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub note: Option<Text>,
}
