//! Status sheets (自治体情報シート / 自治体状況共有シート): the six standard sections.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Dated;
use super::id::{ActorId, RegionId, ThemeId};
use super::indicator::{Columns, Count, IndicatorRow};
use super::spanned::Spanned;
use super::text::{Item, Prose, Text};

/// `content/status-sheets/<id>.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusSheet {
    /// The region the sheet describes.
    pub region: RegionId,
    /// The sheet's title as printed on its cover.
    pub title: Text,
    /// The fiscal year the sheet was written for.
    #[serde(default)]
    pub fiscal_year: Option<Dated>,
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
    /// The marks the sheet prints before list items and around group headings.
    #[serde(default)]
    pub marks: Marks,
}

/// The marks a sheet prints before the items of its lists (・ ● ○ 〇, １．) and around
/// headings (【…】). Japanese pages show them as the sheet does, as a decorative mark inside
/// each list item; English pages show ordinary lists. A mark is printed as written, except
/// that `{}` is replaced by the item's number (`"{}."` prints 1. 2. 3.); an empty mark
/// prints no mark and no bullet.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Marks {
    /// Items of the groups of section 1 (取組内容).
    #[serde(default = "mark_dot")]
    pub initiatives: String,
    /// How section 1's group headings are decorated: `{}` stands for the heading
    /// (`"【{}】"`); `"{}"` prints the heading alone.
    #[serde(default = "mark_heading")]
    pub group_headings: Spanned<String>,
    /// The overview's points, one mark per level of nesting (`[〇, "", ・]`); deeper levels
    /// take the last.
    #[serde(default = "mark_levels")]
    pub overview: Vec<String>,
    /// Items of each organisation in the overview (section 2).
    #[serde(default = "mark_dot")]
    pub roles: String,
    /// Effects (具体的な成果・効果) in section 4.
    #[serde(default = "mark_dot")]
    pub effects: String,
    /// Expected effects (見込んでいる成果・効果) in section 5.
    #[serde(default = "mark_dot")]
    pub expected_effects: String,
    /// Strengths (【特徴（強み）】) in section 5.
    #[serde(default)]
    pub strengths: String,
    /// Policies (課題解決に向けた取組方針) in the issues table.
    #[serde(default = "mark_dot")]
    pub policies: String,
    /// Goals (到達目標) in section 6.
    #[serde(default = "mark_number")]
    pub goals: String,
    /// The item column (実施する項目) of the schedule.
    #[serde(default)]
    pub schedule_items: String,
    /// The content column (実施する内容) of the schedule.
    #[serde(default = "mark_dot")]
    pub schedule_content: String,
}

fn mark_dot() -> String {
    "・".to_owned()
}

fn mark_levels() -> Vec<String> {
    vec![mark_dot()]
}

fn mark_heading() -> Spanned<String> {
    Spanned::from("{}".to_owned())
}

fn mark_number() -> String {
    "{}.".to_owned()
}

impl Default for Marks {
    fn default() -> Marks {
        Marks {
            initiatives: mark_dot(),
            group_headings: mark_heading(),
            overview: mark_levels(),
            roles: mark_dot(),
            effects: mark_dot(),
            expected_effects: mark_dot(),
            strengths: String::new(),
            policies: mark_dot(),
            goals: mark_number(),
            schedule_items: String::new(),
            schedule_content: mark_dot(),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Basic {
    /// The section's heading as the sheet prints it, without its number, when it differs
    /// from the standard one (「県又は政令市の基礎情報」 on a sheet that does not name special wards).
    #[serde(default)]
    pub heading: Option<Text>,
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
    pub period: Option<Dated>,
    #[serde(default)]
    pub text: Option<Prose>,
    /// The overview as a list of points with sub-points (〇 … （１） … ・ …), when the sheet
    /// writes it as one.
    #[serde(default)]
    pub points: Vec<Item>,
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
    pub actor: Option<ActorId>,
    /// Other organisations named in the same box of the diagram, each on a line of its
    /// own, which share the box's roles ("障害福祉課" with "精神保健福祉センター").
    #[serde(default)]
    pub shared_with: Vec<Organisation>,
    #[serde(default)]
    pub items: Vec<Text>,
}

/// An organisation named in the overview.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The organisation as written.
    pub name: Text,
    /// An `actors` vocabulary id, when the organisation is one.
    #[serde(default)]
    pub actor: Option<ActorId>,
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
    /// The fiscal years of the timeline's axis, as the sheet prints them (H24 … R1(2019) …):
    /// the years the programmes' bars are drawn against.
    #[serde(default)]
    pub axis: Vec<AxisYear>,
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

/// One column of the timeline: a fiscal year and its heading as printed.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AxisYear {
    /// The fiscal year (`H24`, `R1`).
    pub year: Dated,
    /// The column heading as printed (`H24`, `R1(2019)`), shown on Japanese pages; English
    /// pages show the fiscal year.
    pub label: Spanned<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub name: Text,
    pub period: Dated,
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
    pub period: Dated,
    /// Region ids of the areas it happened in.
    #[serde(default)]
    pub areas: Vec<RegionId>,
    pub text: Text,
    /// The text names the areas itself, in the place the areas go
    /// (「令和２年度（姶良・伊佐，南薩，曽於・肝属，徳之島で活用）」): the page prints the text
    /// there, with each area linked where the text names it, instead of naming them twice.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub areas_in_text: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Results {
    /// The period the results cover ("令和２年度までの成果・効果").
    #[serde(default)]
    pub period: Option<Dated>,
    /// The table's column headings as printed, where they say more than the standard ones.
    #[serde(default)]
    pub columns: Columns,
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
    /// The indicator table's column headings as printed, where they say more than the
    /// standard ones.
    #[serde(default)]
    pub columns: Columns,
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
    pub themes: Vec<ThemeId>,
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
    pub actor: ActorId,
    /// The column heading as the source writes it ("相談支援事業所"), when it differs.
    #[serde(default)]
    pub label: Option<Text>,
    pub text: Text,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    #[serde(default)]
    pub fiscal_year: Option<Dated>,
    /// 到達目標.
    #[serde(default)]
    pub goals: Vec<Text>,
    #[serde(default)]
    pub rows: Vec<ScheduleRow>,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRow {
    pub period: Dated,
    pub item: Text,
    #[serde(default)]
    pub content: Vec<Text>,
}
