//! Practice cases with a stage chart (handbook chapter 4, §2). Anonymised.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::case::Section;
use super::id::{ChartLevelId, ChartNodeId, RegionId, ThemeId};
use super::text::{Prose, Text};

/// `content/practices/<id>.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    /// The (anonymised) region.
    pub region: RegionId,
    pub title: Text,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
    #[serde(default)]
    pub source: Option<Text>,
    /// ＜個別ケースの概要＞ or the source's equivalent heading.
    pub summary: Section,
    /// ＜地域課題及び基盤整備の要点＞: each issue and the responses to it (⇒).
    #[serde(default)]
    pub issue_responses: Vec<IssueResponse>,
    /// ＜基盤整備の成果・効果＞.
    #[serde(default)]
    pub outcomes: Vec<Text>,
    /// ＜事例チャート＞.
    #[serde(default)]
    pub chart: Option<Chart>,
    /// ①事例内容: the story, stage by stage.
    #[serde(default)]
    pub story: Vec<StorySection>,
    /// ②基盤整備のポイント (or the source's equivalent).
    #[serde(default)]
    pub key_points: Vec<StorySection>,
    /// ③参考資料.
    #[serde(default)]
    pub references: Vec<Section>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueResponse {
    pub issue: Text,
    #[serde(default)]
    pub responses: Vec<Text>,
}

/// A headed part of the story, with the provider's comments and the Point callouts beside it.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StorySection {
    pub heading: Text,
    /// The chart stage this part tells, when it is one.
    #[serde(default)]
    pub stage: Option<Stage>,
    pub body: Prose,
    /// ＜事例提供者コメント＞.
    #[serde(default)]
    pub comments: Vec<Prose>,
    /// ～Point～ callouts.
    #[serde(default)]
    pub points: Vec<Prose>,
}

/// The four stages of the handbook's case charts, left to right.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// 地域課題の種の抽出.
    SeedExtraction,
    /// 地域課題の検証.
    Verification,
    /// 地域課題の解決（基盤整備）.
    Solution,
    /// さらなる地域の基盤整備.
    FurtherDevelopment,
}

impl Stage {
    pub const ALL: [Stage; 4] = [
        Stage::SeedExtraction,
        Stage::Verification,
        Stage::Solution,
        Stage::FurtherDevelopment,
    ];
}

/// A stage chart: rows are levels (圏域 / 市町村 …), columns are stages, boxes sit in cells.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// Rows, top to bottom.
    pub levels: Vec<ChartLevel>,
    pub nodes: Vec<ChartNode>,
    /// Arrows between boxes.
    #[serde(default)]
    pub links: Vec<ChartLink>,
    /// Labels that span the chart (a bracket such as 協議の場の機能強化).
    #[serde(default)]
    pub notes: Vec<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChartLevel {
    pub id: ChartLevelId,
    pub label: Text,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChartNode {
    /// Unique within the chart; links name it.
    pub id: ChartNodeId,
    pub stage: Stage,
    /// A `levels` id of this chart.
    pub level: ChartLevelId,
    pub text: Text,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChartLink {
    pub from: ChartNodeId,
    pub to: ChartNodeId,
    #[serde(default)]
    pub label: Option<Text>,
}
