//! The canonical text of a date, which [`parse`](fn@super::parse) reads back to the same
//! value, and serde through that text.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::{Dated, Open, Point, When};

fn iso_year(year: Option<i32>) -> String {
    year.map_or_else(|| "-".to_string(), |y| format!("{y:04}"))
}

impl Point {
    /// The canonical string: `2017-08-04`, `--08`, `2020-06-end`, `2021`, `FY2020-start` …
    pub fn canonical(&self) -> String {
        match *self {
            Point::Day { year, month, day } => format!("{}-{month:02}-{day:02}", iso_year(year)),
            Point::Month { year, month } => format!("{}-{month:02}", iso_year(year)),
            Point::MonthEnd { year, month } => format!("{}-{month:02}-end", iso_year(year)),
            Point::Year(year) => format!("{year:04}"),
            Point::FiscalYear(year) => format!("FY{year:04}"),
            Point::FiscalYearStart(year) => format!("FY{year:04}-start"),
            Point::FiscalYearEnd(year) => format!("FY{year:04}-end"),
        }
    }
}

impl Open {
    /// `all-year`, `undecided`, `not-stated`.
    pub fn canonical(self) -> &'static str {
        match self {
            Open::AllYear => "all-year",
            Open::Undecided => "undecided",
            Open::NotStated => "not-stated",
        }
    }
}

impl When {
    /// The canonical string, which [`parse`](fn@super::parse) reads back to the same value:
    /// `2017-08-04`, `--08`, `2020-06-end`, `2021`, `FY2020`, `FY2020-start`, `FY2020-end`,
    /// ranges `A/B`, `A/`, `/B`, and `all-year`, `undecided`, `not-stated`.
    pub fn canonical(&self) -> String {
        match self {
            When::At(point) => point.canonical(),
            When::Range { from, to } => {
                let side = |p: &Option<Point>| p.as_ref().map(Point::canonical).unwrap_or_default();
                format!("{}/{}", side(from), side(to))
            }
            When::Open(open) => open.canonical().to_string(),
        }
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.canonical())
    }
}

impl<'de> Deserialize<'de> for When {
    /// Read as a [`Dated`], keeping only the value.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<When, D::Error> {
        Dated::deserialize(deserializer).map(Dated::into_when)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::testing::when;
    use crate::model::date::SERDE_NAME;
    use serde::de::{self, IntoDeserializer, Visitor};

    #[test]
    fn serializes_as_canonical_text() {
        let value = when("H29～R1年度");
        assert_eq!(
            serde_json::to_string(&value).ok().as_deref(),
            Some("\"FY2017/FY2019\"")
        );
        let back: Result<When, _> = serde_json::from_str("\"FY2017/FY2019\"");
        assert_eq!(back.ok(), Some(value));
        let err = serde_json::from_str::<When>("\"2月30日\"")
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("February has no day 30")));
    }

    /// A deserializer that insists on being asked for the date newtype.
    struct Named(&'static str);

    impl<'de> Deserializer<'de> for Named {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("expected deserialize_newtype_struct"))
        }

        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            if name != SERDE_NAME {
                return Err(de::Error::custom(format!("asked for {name}")));
            }
            visitor.visit_newtype_struct(self.0.into_deserializer())
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
        }
    }

    #[test]
    fn deserialize_asks_for_the_date_newtype() {
        assert_eq!(
            When::deserialize(Named("令和2年度末")),
            Ok(When::At(Point::FiscalYearEnd(2020)))
        );
        let err = When::deserialize(Named("R2年13月"))
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("no month 13")));
    }

    #[test]
    fn deserialize_accepts_plain_strings_and_numbers() {
        let from_str: Result<When, de::value::Error> =
            When::deserialize("R3年".into_deserializer());
        assert_eq!(from_str, Ok(When::At(Point::Year(2021))));
        let from_number: Result<When, de::value::Error> =
            When::deserialize(2021u64.into_deserializer());
        assert_eq!(from_number, Ok(When::At(Point::Year(2021))));
    }
}
