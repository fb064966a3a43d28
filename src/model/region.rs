//! Regions: prefectures, cities, care areas, institutions and anonymised places.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Dated;
use super::id::{RegionId, RegionKindId};
use super::spanned::Spanned;
use super::text::{Prose, Text};

/// `content/regions/<id>.yaml`: a place whose work the handbook records.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Official name, e.g. `{ja: 熊本県, en: Kumamoto Prefecture}`.
    pub name: Text,
    /// A `region-kinds` vocabulary id: `prefecture`, `designated-city`, `core-city`, `area` …
    pub kind: RegionKindId,
    /// The region this one belongs to (a city's or an area's prefecture).
    #[serde(default)]
    pub parent: Option<RegionId>,
    /// A prefecture's code, JIS X 0401 (1 北海道 … 13 東京都 … 43 熊本県 … 47 沖縄県): the
    /// official order prefectures are listed in. Prefectures only; each code once.
    #[serde(default)]
    pub code: Option<Spanned<u32>>,
    /// How the name is read, in kana (「くまもとけん」, 「あいら・いさけんいき」): the order of
    /// regions within a prefecture on Japanese pages. Hiragana, katakana, ー, ・ and spaces.
    #[serde(default)]
    pub reading: Option<Spanned<String>>,
    /// True for places the sources anonymise (A県H市): only kind and size are known.
    #[serde(default)]
    pub anonymised: bool,
    /// How the source describes the place when it names nothing else ("中核市、人口約40万人").
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub population: Option<Population>,
    /// Number of municipalities in an area.
    #[serde(default)]
    pub municipalities: Option<u32>,
    /// Psychiatric hospitals.
    #[serde(default)]
    pub hospitals: Option<u32>,
    /// Psychiatric clinics.
    #[serde(default)]
    pub clinics: Option<u32>,
    /// Consultation support offices (一般 / 特定).
    #[serde(default)]
    pub consultation_offices: Option<Offices>,
    /// The region's slogan ("フットワーク・ネットワーク・チームワークがまだす熊本！！").
    #[serde(default)]
    pub slogan: Option<Text>,
    /// Notes about the region itself (not about an initiative).
    #[serde(default)]
    pub summary: Option<Prose>,
}

/// A population figure with the point it was counted at.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Population {
    pub value: u64,
    /// When the figure was counted ("令和2年1月時点").
    #[serde(default)]
    pub as_of: Option<Dated>,
    /// True when the source gives a rounded figure ("約40万人", "107.3万人").
    #[serde(default)]
    pub approximate: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offices {
    /// 指定一般相談支援事業所.
    #[serde(default)]
    pub general: Option<u32>,
    /// 指定特定相談支援事業所.
    #[serde(default)]
    pub specific: Option<u32>,
}
