//! Values that remember where they were written.
//!
//! Semantic checks run after deserialization (an unknown reference, a percentage over 100)
//! and must point at the value they are about. A [`Spanned<T>`] (and an id, see
//! [`super::id`], and a date, see [`super::Dated`]) records its own span when our YAML
//! deserializer reads it: `yaml::de` recognises [`SERDE_NAME`], as it recognises dates, and
//! hands the visitor a sequence of two elements, the span and then the value. Every other
//! deserializer (serde_json, `IntoDeserializer`) hands the value alone, which gets a default
//! span.
//!
//! A spanned value serialises, compares, hashes and has the JSON Schema of the value alone:
//! `records.json`, the search index and `schemas/` do not know spans exist.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, IntoDeserializer, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::diag::Span;

/// The newtype name `yaml::de` answers with the span before the value.
pub const SERDE_NAME: &str = "$casebook::spanned";

/// A value and the place it was written (a default span when it was not read from YAML).
#[derive(Clone, Copy, Default)]
pub struct Spanned<T> {
    value: T,
    span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }

    /// Where the value was written.
    pub fn span(&self) -> Span {
        self.span
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> From<T> for Spanned<T> {
    fn from(value: T) -> Spanned<T> {
        Spanned {
            value,
            span: Span::default(),
        }
    }
}

impl<T> Deref for Spanned<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Spanned<T>) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: PartialOrd> PartialOrd for Spanned<T> {
    fn partial_cmp(&self, other: &Spanned<T>) -> Option<std::cmp::Ordering> {
        self.value.partial_cmp(&other.value)
    }
}

impl<T: Ord> Ord for Spanned<T> {
    fn cmp(&self, other: &Spanned<T>) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl<T: std::hash::Hash> std::hash::Hash for Spanned<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T: fmt::Debug> fmt::Debug for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Spanned<T>, D::Error> {
        deserializer.deserialize_newtype_struct(SERDE_NAME, SpannedVisitor(PhantomData))
    }
}

/// Reads what `yaml::de` hands the visitor of a spanned value: the span as
/// `(line, column, len)`, then the value.
pub fn from_seq<'de, A, T>(mut seq: A) -> Result<Spanned<T>, A::Error>
where
    A: SeqAccess<'de>,
    T: Deserialize<'de>,
{
    let expected = &"a span and a value";
    let (line, column, len): (usize, usize, usize) = seq
        .next_element()?
        .ok_or_else(|| de::Error::invalid_length(0, expected))?;
    let value = seq
        .next_element()?
        .ok_or_else(|| de::Error::invalid_length(1, expected))?;
    Ok(Spanned::new(value, Span::new(line, column, len)))
}

struct SpannedVisitor<T>(PhantomData<T>);

/// Other deserializers hand the value itself: it is read by `T` with a default span.
macro_rules! unspanned {
    ($($method:ident($ty:ty);)*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Spanned<T>, E> {
            T::deserialize(v.into_deserializer()).map(Spanned::from)
        }
    )*};
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
    type Value = Spanned<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    /// Ours: the span, then the value. (A spanned value is never a list, so no other
    /// deserializer calls this for one.)
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Spanned<T>, A::Error> {
        from_seq(seq)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Spanned<T>, D::Error> {
        T::deserialize(d).map(Spanned::from)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Spanned<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Spanned::from)
    }

    unspanned! {
        visit_bool(bool);
        visit_i64(i64);
        visit_u64(u64);
        visit_f64(f64);
        visit_str(&str);
        visit_string(String);
    }
}

/// A spanned value has the schema of the value, under the same name.
impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    #[test]
    fn a_spanned_value_is_written_and_read_as_the_value() {
        let n: Spanned<f64> = serde_json::from_str("54.8").expect("a number");
        assert_eq!((*n, n.span()), (54.8, Span::default()));
        assert_eq!(serde_json::to_string(&n).unwrap(), "54.8");
        let t: Spanned<Text> =
            serde_json::from_str(r#"{"ja": "研修", "en": "Training"}"#).expect("a text");
        assert_eq!(*t, Text::new("研修", "Training"));
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            serde_json::to_string(&*t).unwrap()
        );
        let de: de::value::BoolDeserializer<de::value::Error> = true.into_deserializer();
        assert!(*Spanned::<bool>::deserialize(de).expect("a flag"));
    }

    #[test]
    fn the_span_takes_no_part_in_equality() {
        assert_eq!(Spanned::new(3, Span::new(1, 2, 1)), Spanned::from(3));
    }

    #[test]
    fn a_spanned_value_has_the_schema_of_the_value() {
        assert_eq!(
            schemars::schema_for!(Spanned<Text>),
            schemars::schema_for!(Text)
        );
        assert_eq!(
            schemars::schema_for!(Option<Spanned<f64>>),
            schemars::schema_for!(Option<f64>)
        );
    }
}
