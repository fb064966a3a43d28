//! Point1–6 analyses (handbook chapter 4, §3).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::id::{RegionId, RegionKindId, ThemeId};
use super::text::{Item, Prose, Text};

/// `content/analyses/<id>.yaml`: one region's work read through the six points.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Analysis {
    pub region: RegionId,
    /// A `region-kinds` id: the level the work is done at (圏域, 政令都市, 市町村 …).
    pub level: RegionKindId,
    /// A `themes` vocabulary id.
    pub theme: ThemeId,
    /// The heading after the region ("保健所が主導する協議の場").
    pub title: Text,
    #[serde(default)]
    pub source: Option<Text>,
    pub introduction: Prose,
    pub points: Points,
    /// The closing paragraph.
    #[serde(default)]
    pub summary: Option<Prose>,
}

/// The six points; each is a list of items, some with sub-items.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Points {
    /// 直面する課題認識 — challenges recognised.
    pub point1: Vec<Item>,
    /// 課題解決への推進力となった事項 — what drove the solution.
    pub point2: Vec<Item>,
    /// 利用できるリソース — resources available.
    pub point3: Vec<Item>,
    /// 継続のポイント — keys to continuity.
    pub point4: Vec<Item>,
    /// 取組の効果 — effects.
    pub point5: Vec<Item>,
    /// 他の自治体で実施するためのポイント — tips for other local governments.
    pub point6: Vec<Item>,
}

impl Points {
    /// The points in order, numbered from 1.
    pub fn numbered(&self) -> [(u8, &[Item]); 6] {
        [
            (1, &self.point1),
            (2, &self.point2),
            (3, &self.point3),
            (4, &self.point4),
            (5, &self.point5),
            (6, &self.point6),
        ]
    }
}
