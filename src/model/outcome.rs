//! Participation outcomes: what a region achieved by taking part in the support project.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::When;
use super::text::Text;

/// `content/outcomes/<id>.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub region: String,
    pub title: Text,
    /// The fiscal year of participation.
    #[serde(default)]
    pub fiscal_year: Option<When>,
    #[serde(default)]
    pub source: Option<Text>,
    /// 支援事業に参加した成果.
    #[serde(default)]
    pub results: Vec<Text>,
    /// 研修会の開催.
    #[serde(default)]
    pub trainings: Vec<Training>,
    /// 広域AD現地支援: on-site support by the wide-area advisor.
    #[serde(default)]
    pub advisor_support: Vec<Dated>,
    /// Other work in the support project.
    #[serde(default)]
    pub activities: Vec<Text>,
    /// Work in the model area(s): forums and concrete activities.
    #[serde(default)]
    pub areas: Vec<ModelArea>,
    /// 退院支援の状況: people given discharge support and, of them, discharged.
    #[serde(default)]
    pub discharge: Vec<Discharge>,
    /// Next year's policy (取組方針).
    #[serde(default)]
    pub next_policy: Vec<Text>,
    /// The year the policy is for.
    #[serde(default)]
    pub next_policy_year: Option<When>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Training {
    #[serde(default)]
    pub date: Option<When>,
    pub title: Text,
    #[serde(default)]
    pub venue: Option<Text>,
    #[serde(default)]
    pub attendees: Option<u32>,
    /// True when attendees are counted per session and summed (延べ).
    #[serde(default)]
    pub cumulative: bool,
    /// How many sessions were held, when the source counts them.
    #[serde(default)]
    pub sessions: Option<u32>,
    /// True when the source lists it as planned (予定), not yet held.
    #[serde(default)]
    pub planned: bool,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A dated entry (advisor visits, meetings).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dated {
    #[serde(default)]
    pub date: Option<When>,
    pub text: Text,
    #[serde(default)]
    pub venue: Option<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelArea {
    pub region: String,
    /// 協議の場の開催状況.
    #[serde(default)]
    pub forums: Vec<Text>,
    /// その他、具体的な取組内容.
    #[serde(default)]
    pub activities: Vec<Text>,
}

/// People given discharge support and, of them, discharged.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Discharge {
    /// The sub-area counted, when the source counts per area.
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub supported: Option<u32>,
    #[serde(default)]
    pub discharged: Option<u32>,
    #[serde(default)]
    pub as_of: Option<When>,
    #[serde(default)]
    pub note: Option<Text>,
}
