//! Status sheets (自治体情報シート / 自治体状況共有シート): the six standard sections.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::When;
use super::indicator::{Count, IndicatorRow};
use super::text::{Item, Prose, Text};

/// `content/status-sheets/<id>.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusSheet {
    /// The region the sheet describes.
    pub region: String,
    /// The sheet's title as printed on its cover.
    pub title: Text,
    /// The fiscal year the sheet was written for.
    #[serde(default)]
    pub fiscal_year: Option<When>,
    /// The document the record was taken from.
    #[serde(default)]
    pub source: Option<Text>,
    /// The cover's headline ("長期入院精神障害者の地域移行推進に向けて").
    #[serde(default)]
    pub catchphrase: Option<Text>,
    /// The cover's introduction.
    #[serde(default)]
    pub intro: Option<Prose>,
    /// 1. Basic facts and grouped lists of initiatives.
    #[serde(default)]
    pub basic: Basic,
    /// 2. Overview, with the roles of each organisation.
    #[serde(default)]
    pub overview: Overview,
    /// 3. History: programmes by fiscal year, yearly events and counts.
    #[serde(default)]
    pub history: History,
    /// 4. Results: indicators with target and actual, and narrative effects.
    #[serde(default)]
    pub results: Results,
    /// 5. Strengths, current indicators, and the issues table.
    #[serde(default)]
    pub strengths: Strengths,
    /// 6. The year's goals and schedule.
    #[serde(default)]
    pub schedule: Schedule,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basic {
    #[serde(default)]
    pub groups: Vec<Group>,
}

/// A headed list (【人材育成の取り組み】 and its items).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    #[serde(default)]
    pub heading: Option<Text>,
    #[serde(default)]
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    /// The period the overview covers ("H29～R1年度").
    #[serde(default)]
    pub period: Option<When>,
    #[serde(default)]
    pub text: Option<Prose>,
    /// Who does what, per organisation (the overview diagram's boxes).
    #[serde(default)]
    pub roles: Vec<OrgRoles>,
    /// The diagram's arrows and labels between organisations.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// One organisation in the overview and what it does.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgRoles {
    /// The organisation(s) as written ("障害福祉課・精神保健福祉センター").
    pub name: Text,
    /// An `actors` vocabulary id, when the organisation is one.
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(default)]
    pub items: Vec<Text>,
}

/// A labelled relation between organisations of the overview diagram.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub from: Text,
    pub to: Text,
    pub label: Text,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// Notes printed with the timeline (※実施主体 …).
    #[serde(default)]
    pub notes: Vec<Prose>,
    /// Programmes over fiscal years; `period: not-stated` where the source lost the years.
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// Numbered strands of work with their yearly events and counts.
    #[serde(default)]
    pub groups: Vec<HistoryGroup>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub name: Text,
    pub period: When,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryGroup {
    pub heading: Text,
    #[serde(default)]
    pub intro: Option<Prose>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub counts: Vec<Count>,
}

/// Something that happened in a period, possibly in named areas.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub period: When,
    #[serde(default)]
    pub areas: Vec<String>,
    pub text: Text,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Results {
    /// The period the results cover ("令和２年度までの成果・効果").
    #[serde(default)]
    pub period: Option<When>,
    #[serde(default)]
    pub indicators: Vec<IndicatorRow>,
    /// Effects that belong to the table as a whole.
    #[serde(default)]
    pub effects: Vec<Text>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strengths {
    /// 【特徴（強み）】
    #[serde(default)]
    pub strengths: Vec<Prose>,
    /// Indicators now, with targets and the expected effect.
    #[serde(default)]
    pub indicators: Vec<IndicatorRow>,
    /// Expected effects that belong to the table as a whole.
    #[serde(default)]
    pub effects: Vec<Text>,
    /// 課題 → 取組方針 → 役割.
    #[serde(default)]
    pub issues: Vec<IssueRow>,
}

/// One row of the issues table.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueRow {
    pub issue: Text,
    /// `themes` vocabulary ids: an editorial classification used by comparison pages.
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub policies: Vec<Text>,
    #[serde(default)]
    pub roles: Vec<Role>,
}

/// What one actor does about an issue.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// An `actors` vocabulary id: `administration`, `medical`, `providers`, `residents`.
    pub actor: String,
    /// The column heading as the source writes it ("相談支援事業所"), when it differs.
    #[serde(default)]
    pub label: Option<Text>,
    pub text: Text,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    #[serde(default)]
    pub fiscal_year: Option<When>,
    /// 到達目標.
    #[serde(default)]
    pub goals: Vec<Text>,
    #[serde(default)]
    pub rows: Vec<ScheduleRow>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRow {
    pub period: When,
    pub item: Text,
    #[serde(default)]
    pub content: Vec<Text>,
}
