//! Participation outcomes: what a region achieved by taking part in the support project.
//!
//! The sheets (seed 002) are lists of dated lines under a few standard headings. Each line is
//! an [`Entry`]: a training, a meeting or an activity, with the facts the source gives about
//! it (date, venue, sessions, attendance, whether it is only planned, the places it was held
//! in). Japanese pages print an entry in the sheet's order and wording (「H29.8.4 …研修会
//! （姶良保健所）51名参加」); English pages print the same facts in English.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Dated;
use super::id::RegionId;
use super::spanned::Spanned;
use super::text::{Item, Text};

/// `content/outcomes/<id>.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub region: RegionId,
    pub title: Text,
    /// The fiscal year of participation.
    #[serde(default)]
    pub fiscal_year: Option<Dated>,
    #[serde(default)]
    pub source: Option<Text>,
    /// How the Japanese sheet writes the dates of its entries (`dotted`: Ｈ29. 8. 4,
    /// `letter-era`: Ｈ３０年２月１日, `slash`: ７/20). Japanese pages print entry dates that way;
    /// without it, and on English pages, dates are printed as everywhere else (平成29年8月4日).
    #[serde(default)]
    pub date_notation: Option<DateNotation>,
    /// Section labels this sheet prints differently from the standard ones (支援事業に関する取組,
    /// ○研修会の開催, モデル圏域（姶良・伊佐圏域）における具体的な取組 …).
    #[serde(default)]
    pub labels: Labels,
    /// The marks the Japanese sheet prints before the items of its lists (○, ・).
    #[serde(default)]
    pub marks: OutcomeMarks,
    /// 支援事業に参加した成果.
    #[serde(default)]
    pub results: Vec<Text>,
    /// 研修会の開催.
    #[serde(default)]
    pub trainings: Vec<Spanned<Entry>>,
    /// 広域AD現地支援: on-site support by the wide-area advisor.
    #[serde(default)]
    pub advisor_support: Vec<Spanned<Entry>>,
    /// Other work in the support project (（その他）), printed under `labels.activities` when
    /// the sheet gives that list a label.
    #[serde(default)]
    pub activities: Vec<Spanned<Entry>>,
    /// Work in the model area(s): forums and concrete activities.
    #[serde(default)]
    pub areas: Vec<ModelArea>,
    /// 退院支援の状況: people given discharge support and, of them, discharged. One entry per
    /// area when the source counts per area (a column of the sheet's table).
    #[serde(default)]
    pub discharge: Vec<Discharge>,
    /// Next year's policy (取組方針); items may have sub-items.
    #[serde(default)]
    pub next_policy: Vec<Item>,
    /// The year the policy is for.
    #[serde(default)]
    pub next_policy_year: Option<Dated>,
    /// Regions the policy names that no entry does (「今後の南部・中部地区での展開」): their pages
    /// are linked under the policy, and list this record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_policy_places: Vec<RegionId>,
}

/// The marks a Japanese sheet prints before the items of each list (○ ・). A list without
/// one is an ordinary list; English pages always are. A line the sheet marks differently from
/// the rest of its list says so itself (`Entry::mark`). The lists of a model area have their
/// own.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeMarks {
    #[serde(default)]
    pub results: Option<String>,
    #[serde(default)]
    pub trainings: Option<String>,
    #[serde(default)]
    pub advisor_support: Option<String>,
    #[serde(default)]
    pub activities: Option<String>,
    /// The top-level items of next year's policy.
    #[serde(default)]
    pub next_policy: Option<String>,
    /// The items under them (Kawasaki's ・ under ○).
    #[serde(default)]
    pub next_policy_sub: Option<String>,
}

/// The sheet's own section labels, where they differ from the standard ones in the theme's
/// strings. Each is optional; a missing label falls back to the standard one.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// 支援事業での取組 (standard) / 支援事業に関する取組.
    #[serde(default)]
    pub work: Option<Text>,
    /// （研修会の開催） (standard) / ○研修会の開催.
    #[serde(default)]
    pub trainings: Option<Text>,
    /// （広域AD現地支援） (standard).
    #[serde(default)]
    pub advisor_support: Option<Text>,
    /// The label of the other work in the support project, （その他）; without it the list is
    /// printed without a label.
    #[serde(default)]
    pub activities: Option<Text>,
    /// モデル圏域における具体的な取組 (standard) / モデル圏域（姶良・伊佐圏域）における具体的な取組.
    #[serde(default)]
    pub model_area: Option<Text>,
    /// （協議の場の開催状況） (standard).
    #[serde(default)]
    pub forums: Option<Text>,
    /// （その他、具体的な取組内容） (standard) / （具体的な取組内容）.
    #[serde(default)]
    pub area_activities: Option<Text>,
    /// （その他） (standard): a model area's further list.
    #[serde(default)]
    pub area_other: Option<Text>,
    /// モデル圏域における退院支援の状況 (standard) / モデル圏域（姶良・伊佐圏域）における退院支援の状況.
    #[serde(default)]
    pub discharge: Option<Text>,
    /// （退院支援を実施した者の人数） (standard) / ○退院支援を実施した者の人数.
    #[serde(default)]
    pub supported: Option<Text>,
    /// （そのうち、退院した者の人数） (standard) / （うち、退院した者の人数）.
    #[serde(default)]
    pub discharged: Option<Text>,
    /// Lists of the support project's work that the Japanese sheet prints with no heading of
    /// their own (Kawasaki's advisor meetings follow its training line as further ○ items):
    /// the Japanese page shows none either (the heading stays for assistive technology); the
    /// English page keeps the standard heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unheaded: Vec<WorkList>,
}

/// A list of the support project's work that has a standard heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkList {
    Trainings,
    AdvisorSupport,
}

/// One line of the sheet's lists of work: a training, a meeting, an activity.
///
/// Numbers the source gives are fields, not text: `sessions` (６回, 計５回), `attendees`
/// (51名参加, 参加者延42名). A total the source states (「計2回、参加者延42名」) is written as
/// `sessions` + `attendees` with `total` and `cumulative`; nothing is summed by the generator.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The number the source puts before the line (①, ②).
    #[serde(default)]
    pub label: Option<String>,
    /// This line's mark where the sheet marks it differently from the rest of its list (see
    /// `marks`); `""` for none, as Kawasaki's month rows under a ○ line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    #[serde(default)]
    pub date: Option<Dated>,
    /// Weekday and time as the source writes them after the date (（木）１４:００～).
    #[serde(default)]
    pub time: Option<Text>,
    /// The line's wording: a training's title, a meeting, an activity. A training the source
    /// does not name (川崎市: 研修会の開催 Ｈ３０年２月１日…) has none.
    #[serde(default)]
    pub title: Option<Text>,
    /// What the source says about it after the title (「地域移行関係職員研修：」 …).
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub venue: Option<Text>,
    /// Regions the source ties the line to (where it was held, whose stakeholders met):
    /// region ids. Their region pages list the record.
    #[serde(default)]
    pub places: Vec<RegionId>,
    /// Numbered sessions of one training, as the source lists them
    /// (「…研修①７/20参加者94名、②２/21予定」).
    #[serde(default)]
    pub parts: Vec<Part>,
    /// How many times it was held (６回, 計５回).
    #[serde(default)]
    pub sessions: Option<u32>,
    /// How many people took part.
    #[serde(default)]
    pub attendees: Option<u32>,
    /// How the Japanese sheet words the attendance: `参加者N名` (default), `N名参加`, `N人の参加`.
    #[serde(default)]
    pub wording: Wording,
    /// True when attendees are counted per session and summed (延べ: 参加者延42名).
    #[serde(default)]
    pub cumulative: Spanned<bool>,
    /// True when the source states the counts as totals (計: 計５回, 計2回、参加者延42名).
    #[serde(default)]
    pub total: Spanned<bool>,
    /// True when the source lists it as planned (予定), not yet held.
    #[serde(default)]
    pub planned: bool,
    #[serde(default)]
    pub note: Option<Text>,
}

/// One numbered session of a training (① 7/20 参加者94名).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The number the source gives the session (①).
    pub label: String,
    #[serde(default)]
    pub date: Option<Dated>,
    #[serde(default)]
    pub attendees: Option<u32>,
    /// True when the session is planned (予定), not yet held.
    #[serde(default)]
    pub planned: bool,
}

/// How a Japanese sheet writes a day: the same date, in the sheet's notation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DateNotation {
    /// Era letter, year, month and day with dots: H29.8.4.
    Dotted,
    /// Era letter with 年月日: H30年2月1日.
    LetterEra,
    /// Month and day with a slash, no year: 7/20.
    Slash,
}

/// How a Japanese sheet words an attendance count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Wording {
    /// 参加者94名, 参加者延42名.
    #[default]
    #[serde(rename = "参加者N名")]
    Participants,
    /// 51名参加.
    #[serde(rename = "N名参加")]
    Attended,
    /// ５１人の参加.
    #[serde(rename = "N人の参加")]
    Attendance,
}

#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelArea {
    pub region: RegionId,
    /// 協議の場の開催状況.
    #[serde(default)]
    pub forums: Vec<Spanned<Entry>>,
    /// その他、具体的な取組内容.
    #[serde(default)]
    pub activities: Vec<Spanned<Entry>>,
    /// A further list the sheet labels （その他）.
    #[serde(default)]
    pub other: Vec<Spanned<Entry>>,
    /// The marks the Japanese sheet prints before the items of this area's lists.
    #[serde(default)]
    pub marks: AreaMarks,
}

/// The marks before the items of a model area's lists (see [`OutcomeMarks`]).
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaMarks {
    #[serde(default)]
    pub forums: Option<String>,
    #[serde(default)]
    pub activities: Option<String>,
    #[serde(default)]
    pub other: Option<String>,
}

/// People given discharge support and, of them, discharged (退院支援を実施した者の人数 /
/// そのうち、退院した者の人数): `discharged` counts people among the `supported`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Discharge {
    /// The sub-area counted, when the source counts per area.
    #[serde(default)]
    pub region: Option<RegionId>,
    #[serde(default)]
    pub supported: Option<u32>,
    /// What the `supported` figure counts, when the source names it
    /// (「地域移行支援の個別給付申請６名」).
    #[serde(default)]
    pub supported_label: Option<Text>,
    /// The source's note on the `supported` figure (※上記の…合計, （Ｈ２９年１２月より支援開始）).
    #[serde(default)]
    pub supported_note: Option<Text>,
    /// People the source counts beside `supported` at an earlier stage, not included in it
    /// (「申請検討中４名」).
    #[serde(default)]
    pub pending: Option<Pending>,
    #[serde(default)]
    pub discharged: Option<Spanned<u32>>,
    /// The source's note on the `discharged` figure (※（同上）).
    #[serde(default)]
    pub discharged_note: Option<Text>,
    /// When the figures were counted (２月１日現在).
    #[serde(default)]
    pub as_of: Option<Dated>,
    /// The counter the Japanese sheet uses after the figures: `人` (default) or `名`.
    #[serde(default)]
    pub counter: Counter,
    /// An editorial note on the whole entry.
    #[serde(default)]
    pub note: Option<Text>,
}

/// A figure at an earlier stage than the counted one, with the source's label for it.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pending {
    pub value: u32,
    /// 申請検討中 (considering applying).
    pub label: Text,
}

/// The counter word after a number of people in the Japanese source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Counter {
    #[default]
    #[serde(rename = "人")]
    Nin,
    #[serde(rename = "名")]
    Mei,
}

impl Outcome {
    /// Every entry of the record, in order of appearance: the support project's lists, then
    /// each model area's.
    pub fn entries(&self) -> impl Iterator<Item = &Spanned<Entry>> {
        let lists = [&self.trainings, &self.advisor_support, &self.activities];
        let areas = self
            .areas
            .iter()
            .flat_map(|a| [&a.forums, &a.activities, &a.other]);
        lists.into_iter().chain(areas).flatten()
    }
}
