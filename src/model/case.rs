//! Project-type case examples (handbook chapter 4, §1).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::id::{CategoryId, RegionId, ThemeId};
use super::text::{Prose, Text};

/// `content/cases/<id>.yaml`: one region's work under one project type.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub region: RegionId,
    /// A `categories` vocabulary id (one of the promotion project's types).
    pub category: CategoryId,
    /// 事例テーマ（事業名）.
    pub title: Text,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
    #[serde(default)]
    pub source: Option<Text>,
    #[serde(default)]
    pub keywords: Vec<Text>,
    /// アピールポイント.
    #[serde(default)]
    pub appeal_points: Vec<Text>,
    /// 活用している協議の場.
    #[serde(default)]
    pub forum: Option<Forum>,
    /// 解決が必要な地域課題.
    #[serde(default)]
    pub regional_issues: Option<Prose>,
    /// 支援体制上の課題.
    #[serde(default)]
    pub system_issues: Option<Prose>,
    /// 取組内容（事業の内容）.
    #[serde(default)]
    pub activities: Option<Prose>,
    /// 体制づくりの工夫・内容.
    #[serde(default)]
    pub system_building: Option<Prose>,
    /// 取組による効果（事業の成果）.
    #[serde(default)]
    pub effects: Option<Prose>,
    /// 支援体制上の効果.
    #[serde(default)]
    pub system_effects: Option<Prose>,
    /// Short case stories (事例).
    #[serde(default)]
    pub vignettes: Vec<Section>,
    /// Any further headed section the source carries.
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// The consultation forum a case uses.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Forum {
    pub name: Text,
    /// 事務局.
    #[serde(default)]
    pub secretariat: Option<Text>,
    /// 参加機関.
    #[serde(default)]
    pub members: Vec<Text>,
    /// 【留意点】 and similar remarks.
    #[serde(default)]
    pub notes: Vec<Prose>,
}

/// A headed block of Markdown.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: Text,
    pub body: Prose,
}
