//! Indicator values as status sheets report them: baseline, target and actual, each with
//! its date point, so that comparisons never mix values from different points silently.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Dated;
use super::id::{IndicatorId, RegionId};
use super::spanned::Spanned;
use super::text::Text;

/// One indicator in a sheet's table: `indicator` names an entry of `vocabularies/indicators.yaml`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRow {
    pub indicator: IndicatorId,
    /// The row's label as the source writes it, when it differs from the vocabulary's name.
    #[serde(default)]
    pub label: Option<Text>,
    /// The value at the start (現状値); needs `as_of`.
    #[serde(default)]
    pub baseline: Option<Spanned<Value>>,
    /// The target (目標値); needs `deadline` or `set_at`.
    #[serde(default)]
    pub target: Option<Spanned<Target>>,
    /// The value reached (実績値); needs `as_of`.
    #[serde(default)]
    pub actual: Option<Spanned<Value>>,
    /// Effects written beside this row (具体的な成果・効果 / 見込んでいる成果・効果).
    #[serde(default)]
    pub effects: Vec<Text>,
}

/// A measured value at a point in time. "39 of 43 municipalities" is `{value: 39, of: 43}`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Value {
    pub value: Spanned<f64>,
    /// The whole the value is a part of, when the source gives "N of M".
    #[serde(default)]
    pub of: Option<Spanned<f64>>,
    /// When the value was measured (時点).
    #[serde(default)]
    pub as_of: Option<Dated>,
    /// A remark on the value, such as a column heading that disagrees with its date point.
    #[serde(default)]
    pub note: Option<Text>,
}

/// A target value: by when it is to be reached, or when it was set.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub value: Spanned<f64>,
    #[serde(default)]
    pub of: Option<Spanned<f64>>,
    /// The point the target is to be reached by (目標値（令和3年度末）).
    #[serde(default)]
    pub deadline: Option<Dated>,
    /// The point the target was set at (目標値（令和2年度当初）).
    #[serde(default)]
    pub set_at: Option<Dated>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// The column headings of an indicator table as the source prints them
/// (「実績値（令和２年度末）」, 「現状値（今年度当初）」), where they say more than the standard
/// headings. A column without one shows the standard heading with the values' common date.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// 現状値 …
    #[serde(default)]
    pub baseline: Option<Text>,
    /// 目標値 …
    #[serde(default)]
    pub target: Option<Text>,
    /// 実績値 …
    #[serde(default)]
    pub actual: Option<Text>,
    /// The date point the baseline heading names, when it names one: a baseline dated
    /// otherwise contradicts its heading, and comparisons call it not comparable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_as_of: Option<Dated>,
    /// The date point the actual heading names (`実績値（令和２年度末）`: `令和２年度末`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_as_of: Option<Dated>,
}

/// A yearly count: peer supporters trained in FY H29 in the Aira-Isa area, and so on.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub indicator: IndicatorId,
    /// The period counted (usually a fiscal year).
    pub period: Dated,
    /// Region ids of the areas the count covers; empty for the whole region.
    #[serde(default)]
    pub areas: Vec<RegionId>,
    /// The areas as the source names them together ("南薩・北薩・大隅圏域"), shown instead of
    /// the areas' own names.
    #[serde(default)]
    pub areas_label: Option<Text>,
    pub value: Spanned<f64>,
    /// How the source words the count, with `{}` where the number goes
    /// (`{ja: "地域移行支援利用者数 {}名", en: "{} users of community transition support"}`);
    /// without it the number is shown with the indicator's unit.
    #[serde(default)]
    pub wording: Option<Spanned<Text>>,
    /// Parts of the count the source gives after it: 「56名（うち，7名を相談支援事業所で活用）」.
    #[serde(default)]
    pub of_which: Vec<Part>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A part of a count ("of which 7 …"); its value cannot be larger than the count's.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// An `indicators` vocabulary id, when the part is one (`peer-supporters-employed`).
    #[serde(default)]
    pub indicator: Option<IndicatorId>,
    pub value: Spanned<f64>,
    /// How the source words the part, with `{}` where the number goes
    /// (`{ja: "うち，{}名を相談支援事業所で活用", en: "of whom {} were deployed at consultation support offices"}`).
    pub wording: Spanned<Text>,
}
