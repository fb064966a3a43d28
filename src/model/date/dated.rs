//! A record's date field: its value, and the text the editor wrote.
//!
//! Data — `records.json`, the CSV, comparisons, search — uses the value ([`When`]): a
//! `Dated` always serialises in canonical form. A status sheet's page should read as the sheet
//! prints it (`R1.6月時点`, `R２年度6月末`, `4月～R4年3月`), so [`Dated`] keeps the written text
//! too; the page views ask for it ([`Dated::written`], `render::view::date_as_written`).

use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use super::{When, SERDE_NAME};
use crate::diag::Span;
use crate::model::spanned::{self, Spanned};

/// A date as a record writes it, and where. Two `Dated` are equal when their values are:
/// `令和2年度` and `R2年度` are the same fiscal year.
#[derive(Clone, Debug)]
pub struct Dated {
    when: When,
    /// The text as written, when it is not already the canonical form.
    written: Option<Box<str>>,
    /// Where it is written (see [`crate::model::spanned`]); default when not read from YAML.
    span: Span,
}

impl Dated {
    /// The value, without the text.
    pub fn into_when(self) -> When {
        self.when
    }

    /// The text as the record writes it, when that is not the canonical form.
    pub fn written(&self) -> Option<&str> {
        self.written.as_deref()
    }

    /// Where the date is written.
    pub fn span(&self) -> Span {
        self.span
    }

    fn read(text: &str) -> Result<Dated, super::DateError> {
        let when: When = text.parse()?;
        let text = text.trim();
        let written = (text != when.canonical()).then(|| text.into());
        Ok(Dated {
            when,
            written,
            span: Span::default(),
        })
    }
}

impl From<When> for Dated {
    fn from(when: When) -> Dated {
        Dated {
            when,
            written: None,
            span: Span::default(),
        }
    }
}

impl Deref for Dated {
    type Target = When;

    fn deref(&self) -> &When {
        &self.when
    }
}

impl PartialEq for Dated {
    fn eq(&self, other: &Dated) -> bool {
        self.when == other.when
    }
}

impl Eq for Dated {}

impl Serialize for Dated {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.when.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Dated {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Dated, D::Error> {
        deserializer.deserialize_newtype_struct(SERDE_NAME, DatedVisitor)
    }
}

struct DatedVisitor;

impl DatedVisitor {
    fn read<E: de::Error>(text: &str) -> Result<Dated, E> {
        Dated::read(text).map_err(|e| E::custom(e.message))
    }
}

impl<'de> Visitor<'de> for DatedVisitor {
    type Value = Dated;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date such as 2020-04-01, R2.4.1, 令和2年度 or 通年")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Dated, E> {
        Self::read(v)
    }

    /// A bare year in a format that types it as a number (`period: 2021` in YAML).
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Dated, E> {
        Self::read(&v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Dated, E> {
        Self::read(&v.to_string())
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Dated, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::read(&text)
    }

    /// Our YAML deserializer: the span, then the text.
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Dated, A::Error> {
        let text: Spanned<String> = spanned::from_seq(seq)?;
        let read: Dated = Self::read(&text)?;
        Ok(Dated {
            span: text.span(),
            ..read
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::IntoDeserializer;

    fn dated(text: &str) -> Dated {
        let de: de::value::StrDeserializer<'_, de::value::Error> = text.into_deserializer();
        Dated::deserialize(de).expect("a date")
    }

    fn json(d: &Dated) -> String {
        serde_json::to_string(d).expect("serialises")
    }

    #[test]
    fn data_is_canonical_and_the_written_text_is_kept_beside_it() {
        let d = dated("R1.6月時点");
        assert_eq!(d.written(), Some("R1.6月時点"));
        assert_eq!(json(&d), r#""2019-06""#);
    }

    #[test]
    fn canonical_text_keeps_nothing_extra() {
        for text in ["2019-06", "FY2020-end", "not-stated", " FY2020 "] {
            let d = dated(text);
            assert_eq!(d.written(), None, "{text}");
            assert_eq!(json(&d), format!("\"{}\"", text.trim()), "{text}");
        }
    }

    #[test]
    fn equal_values_are_equal_whatever_the_spelling() {
        assert_eq!(dated("令和2年度"), dated("R２年度"));
        assert_eq!(
            *dated("令和2年度"),
            "FY2020".parse::<When>().expect("a date")
        );
        assert_ne!(dated("令和2年度"), dated("令和2年度末"));
    }

    #[test]
    fn unreadable_text_is_refused() {
        let de: de::value::StrDeserializer<'_, de::value::Error> = "R2年13月".into_deserializer();
        assert!(Dated::deserialize(de).is_err());
    }
}
