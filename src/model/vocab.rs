//! Vocabularies: lists editors extend without touching code, in `content/vocabularies/`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::{Prose, Text};

/// An entry of `categories.yaml`, `themes.yaml`, `region-kinds.yaml` or `actors.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Prose>,
}

/// An entry of `indicators.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    pub id: String,
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
