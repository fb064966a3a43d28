//! Ids records use to name each other: regions, vocabulary entries, chart levels and nodes.
//!
//! An [`Id<K>`] is the id as written and where it was written (see [`super::spanned`]); `K`,
//! a marker of [`of`], says what the id names, so a check knows where to look it up without
//! being told. An id serialises as the plain string and has a string's JSON Schema; it
//! compares, orders and hashes by its text alone, and reads like a `&str` (`Deref`, `Borrow`,
//! `Display`, `==` with strings).

use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::ops::Deref;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::spanned::Spanned;
use crate::diag::Span;

/// What an id names.
pub mod of {
    /// A region record, `content/regions/<id>.yaml`.
    pub enum Region {}
    /// An entry of `vocabularies/categories.yaml`.
    pub enum Category {}
    /// An entry of `vocabularies/themes.yaml`.
    pub enum Theme {}
    /// An entry of `vocabularies/region-kinds.yaml`.
    pub enum RegionKind {}
    /// An entry of `vocabularies/actors.yaml`.
    pub enum Actor {}
    /// An entry of `vocabularies/indicators.yaml`.
    pub enum Indicator {}
    /// An entry of a list of plain terms (categories, themes, region kinds, actors): the
    /// entry's own id.
    pub enum Term {}
    /// A level (row) of a practice's stage chart.
    pub enum ChartLevel {}
    /// A node (box) of a practice's stage chart.
    pub enum ChartNode {}
}

pub type RegionId = Id<of::Region>;
pub type CategoryId = Id<of::Category>;
pub type ThemeId = Id<of::Theme>;
pub type RegionKindId = Id<of::RegionKind>;
pub type ActorId = Id<of::Actor>;
pub type IndicatorId = Id<of::Indicator>;
pub type TermId = Id<of::Term>;
pub type ChartLevelId = Id<of::ChartLevel>;
pub type ChartNodeId = Id<of::ChartNode>;

/// An id naming a `K`, and where it was written.
pub struct Id<K> {
    text: String,
    span: Span,
    of: PhantomData<fn() -> K>,
}

impl<K> Id<K> {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Where the id was written (a default span when it was not read from YAML).
    pub fn span(&self) -> Span {
        self.span
    }
}

impl<K> Clone for Id<K> {
    fn clone(&self) -> Id<K> {
        Id {
            text: self.text.clone(),
            span: self.span,
            of: PhantomData,
        }
    }
}

impl<K> From<&str> for Id<K> {
    fn from(text: &str) -> Id<K> {
        Id::from(text.to_owned())
    }
}

impl<K> From<String> for Id<K> {
    fn from(text: String) -> Id<K> {
        Id {
            text,
            span: Span::default(),
            of: PhantomData,
        }
    }
}

impl<K> Deref for Id<K> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl<K> AsRef<str> for Id<K> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl<K> Borrow<str> for Id<K> {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl<K> fmt::Display for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<K> fmt::Debug for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

/// Ids of different kinds compare by their text too: a theme a case is tagged with equals
/// the entry of `themes.yaml` it names, whose own id is a [`TermId`].
impl<K, L> PartialEq<Id<L>> for Id<K> {
    fn eq(&self, other: &Id<L>) -> bool {
        self.text == other.text
    }
}

impl<K> Eq for Id<K> {}

impl<K> PartialEq<str> for Id<K> {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl<K> PartialEq<&str> for Id<K> {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl<K> PartialEq<String> for Id<K> {
    fn eq(&self, other: &String) -> bool {
        &self.text == other
    }
}

impl<K> PartialEq<Id<K>> for str {
    fn eq(&self, other: &Id<K>) -> bool {
        self == other.text
    }
}

impl<K> PartialEq<Id<K>> for &str {
    fn eq(&self, other: &Id<K>) -> bool {
        *self == other.text
    }
}

impl<K> PartialEq<Id<K>> for String {
    fn eq(&self, other: &Id<K>) -> bool {
        *self == other.text
    }
}

impl<K> PartialOrd for Id<K> {
    fn partial_cmp(&self, other: &Id<K>) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<K> Ord for Id<K> {
    fn cmp(&self, other: &Id<K>) -> Ordering {
        self.text.cmp(&other.text)
    }
}

/// Hashes as the `str` it borrows as, so maps keyed by ids can be looked up by `&str`.
impl<K> Hash for Id<K> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.as_str().hash(state);
    }
}

impl<K> Serialize for Id<K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de, K> Deserialize<'de> for Id<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id<K>, D::Error> {
        let text = Spanned::<String>::deserialize(deserializer)?;
        Ok(Id {
            span: text.span(),
            text: text.into_inner(),
            of: PhantomData,
        })
    }
}

/// An id is written as a string, and documented as one.
impl<K> JsonSchema for Id<K> {
    fn inline_schema() -> bool {
        String::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::IntoDeserializer;

    fn from_str_de(text: &str) -> RegionId {
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            text.into_deserializer();
        RegionId::deserialize(de).expect("an id")
    }

    #[test]
    fn an_id_is_written_and_read_as_the_plain_string() {
        let id: RegionId = serde_json::from_str(r#""kumamoto-pref""#).expect("an id");
        assert_eq!(id, "kumamoto-pref");
        assert_eq!(id.span(), Span::default());
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""kumamoto-pref""#);
        assert_eq!(from_str_de("kumamoto-pref"), id);
    }

    #[test]
    fn the_span_takes_no_part_in_equality_order_or_hashing() {
        use std::collections::{BTreeSet, HashSet};
        let a = RegionId {
            span: Span::new(3, 9, 13),
            ..RegionId::from("kumamoto-pref")
        };
        let b = RegionId::from("kumamoto-pref");
        assert_eq!(a, b);
        assert_eq!(a.cmp(&b), Ordering::Equal);
        assert_eq!(a, "kumamoto-pref");
        assert_eq!("kumamoto-pref", a);
        assert_eq!(a, "kumamoto-pref".to_owned());
        let set: HashSet<RegionId> = [a.clone()].into();
        assert!(set.contains("kumamoto-pref") && set.contains(&b));
        let set: BTreeSet<RegionId> = [a].into();
        assert!(set.contains("kumamoto-pref"));
    }

    #[test]
    fn an_id_has_the_schema_of_a_string() {
        let id = schemars::schema_for!(Vec<ThemeId>);
        let string = schemars::schema_for!(Vec<String>);
        assert_eq!(id, string);
    }
}
