//! serde deserialization from the spanned [`Node`] tree.
//!
//! Hand-written because no YAML deserializer does what `check` needs: every error carries
//! the span of the value it is about; unknown fields are *collected* (each with a
//! did-you-mean) and skipped, so one run reports all of them instead of stopping at the
//! first; dates are linted where they are read, so era warnings point at the date; and
//! ids, dates and [`Spanned`](crate::model::spanned::Spanned) values are handed the span of
//! their node, so the semantic checks of `validate` point at the value they are about.

use std::cell::RefCell;
use std::fmt;

use serde::de::value::SeqDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::{Node, Value};
use crate::diag::suggest;
use crate::diag::{Code, Span};
use crate::model::{date, spanned};

/// A problem found while deserializing: the first hard error of a record, or a collected one.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub code: Code,
    pub span: Option<Span>,
    pub message: String,
    pub help: Option<String>,
}

impl Problem {
    fn at(code: Code, span: Span, message: String, help: Option<String>) -> Problem {
        Problem {
            code,
            span: Some(span),
            message,
            help,
        }
    }

    fn or_span(mut self, span: Span) -> Problem {
        self.span.get_or_insert(span);
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Problem {}

impl de::Error for Problem {
    fn custom<T: fmt::Display>(msg: T) -> Problem {
        Problem {
            code: Code::InvalidValue,
            span: None,
            message: msg.to_string(),
            help: None,
        }
    }

    fn missing_field(field: &'static str) -> Problem {
        Problem {
            code: Code::MissingField,
            span: None,
            message: format!("missing field `{field}`"),
            help: Some(format!("add `{field}:` to this mapping")),
        }
    }
}

/// Deserialize `T` from a tree; the first hard error is returned, collected problems
/// (unknown fields, date warnings) are appended to `found` either way.
pub fn from_node<T: de::DeserializeOwned>(
    node: &Node,
    found: &mut Vec<Problem>,
) -> Result<T, Problem> {
    let sink = RefCell::new(Vec::new());
    let result =
        T::deserialize(De { node, sink: &sink }).map_err(|e: Problem| e.or_span(node.span));
    found.append(&mut sink.into_inner());
    result
}

#[derive(Clone, Copy)]
struct De<'a> {
    node: &'a Node,
    sink: &'a RefCell<Vec<Problem>>,
}

impl<'a> De<'a> {
    fn at(self, node: &'a Node) -> De<'a> {
        De {
            node,
            sink: self.sink,
        }
    }

    fn scalar(&self, expected: &str) -> Result<&'a str, Problem> {
        match &self.node.value {
            Value::Scalar { text, .. } => Ok(text),
            other => Err(Problem::at(
                Code::InvalidValue,
                self.node.span,
                format!("expected {expected}, found {}", describe(other)),
                None,
            )),
        }
    }

    fn number<N: std::str::FromStr>(&self, expected: &str) -> Result<N, Problem> {
        let text = self.scalar(expected)?;
        let cleaned = text.trim().replace('_', "");
        cleaned.parse().map_err(|_| {
            let help = if text.contains(',') {
                format!(
                    "write the number without separators: `{}`",
                    text.replace(',', "")
                )
            } else {
                format!("write {expected}, like `42`")
            };
            Problem::at(
                Code::InvalidValue,
                self.node.span,
                format!("`{text}` is not {expected}"),
                Some(help),
            )
        })
    }

    fn unknown_field(&self, key: &Node, fields: &'static [&'static str]) {
        let name = key.as_str().unwrap_or("?");
        let help = match suggest::closest(name, fields.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!(
                "the fields here are: {}",
                fields
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let span = Span {
            len: name.chars().count(),
            ..key.span
        };
        self.sink.borrow_mut().push(Problem::at(
            Code::UnknownField,
            span,
            format!("unknown field `{name}`"),
            Some(help),
        ));
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Scalar { .. } => "a single value",
        Value::Seq(_) => "a list",
        Value::Map(_) => "a mapping",
    }
}

macro_rules! number_methods {
    ($($method:ident => $ty:ty, $visit:ident, $what:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
            let n: $ty = self.number($what)?;
            v.$visit(n).map_err(|e: Problem| e.or_span(self.node.span))
        }
    )*};
}

impl<'de, 'a> de::Deserializer<'de> for De<'a> {
    type Error = Problem;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        let result = match &self.node.value {
            Value::Scalar { text, plain: true } => {
                if self.node.is_null() {
                    v.visit_unit()
                } else if let Ok(b) = text.parse::<bool>() {
                    v.visit_bool(b)
                } else if let Ok(i) = text.parse::<i64>() {
                    v.visit_i64(i)
                } else if let Ok(f) = text.parse::<f64>() {
                    v.visit_f64(f)
                } else {
                    v.visit_str(text)
                }
            }
            Value::Scalar { text, plain: false } => v.visit_str(text),
            Value::Seq(items) => v.visit_seq(Seq {
                de: self,
                items: items.iter(),
            }),
            Value::Map(entries) => v.visit_map(Map {
                de: self,
                entries: entries.iter(),
                value: None,
                fields: None,
            }),
        };
        result.map_err(|e: Problem| e.or_span(self.node.span))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        match self.scalar("`true` or `false`")? {
            "true" => v.visit_bool(true),
            "false" => v.visit_bool(false),
            other => Err(Problem::at(
                Code::InvalidValue,
                self.node.span,
                format!("`{other}` is not `true` or `false`"),
                Some("write `true` or `false`".into()),
            )),
        }
    }

    number_methods! {
        deserialize_i8 => i8, visit_i8, "a whole number";
        deserialize_i16 => i16, visit_i16, "a whole number";
        deserialize_i32 => i32, visit_i32, "a whole number";
        deserialize_i64 => i64, visit_i64, "a whole number";
        deserialize_u8 => u8, visit_u8, "a whole number, 0 or more";
        deserialize_u16 => u16, visit_u16, "a whole number, 0 or more";
        deserialize_u32 => u32, visit_u32, "a whole number, 0 or more";
        deserialize_u64 => u64, visit_u64, "a whole number, 0 or more";
        deserialize_f32 => f32, visit_f32, "a number";
        deserialize_f64 => f64, visit_f64, "a number";
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        let text = self.scalar("text")?;
        v.visit_str(text)
            .map_err(|e: Problem| e.or_span(self.node.span))
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        if self.node.is_null() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    /// Dates are linted where they are read; they and [`spanned`] values are handed their
    /// node's span before the value.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, Problem> {
        if name == date::SERDE_NAME {
            self.lint_date()?;
        } else if name != spanned::SERDE_NAME {
            return v.visit_newtype_struct(self);
        }
        v.visit_seq(Spanning {
            span: Some(self.node.span),
            de: Some(self),
        })
        .map_err(|e: Problem| e.or_span(self.node.span))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        match &self.node.value {
            Value::Seq(items) => v
                .visit_seq(Seq {
                    de: self,
                    items: items.iter(),
                })
                .map_err(|e: Problem| e.or_span(self.node.span)),
            other => Err(Problem::at(
                Code::InvalidValue,
                self.node.span,
                format!("expected a list, found {}", describe(other)),
                Some("write a list: `- item` on each line, or `[a, b]`".into()),
            )),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        self.mapping(v, None)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Problem> {
        self.mapping(v, Some(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Problem> {
        let text = self.scalar("one of the listed words")?;
        let result: Result<V::Value, Problem> = v.visit_enum(text.into_deserializer());
        result.map_err(|mut e| {
            if let Some(best) = suggest::closest(text, variants.iter().copied()) {
                e.help = Some(format!("did you mean `{best}`?"));
            } else {
                e.help = Some(format!(
                    "write one of: {}",
                    variants
                        .iter()
                        .map(|f| format!("`{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            e.or_span(self.node.span)
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        char bytes byte_buf unit unit_struct tuple tuple_struct identifier
    }
}

impl<'a> De<'a> {
    /// Era warnings are collected; a date that cannot be read is the record's error.
    fn lint_date(&self) -> Result<(), Problem> {
        let text = self.scalar("a date")?;
        match date::parse(text) {
            Ok(parsed) => {
                let mut sink = self.sink.borrow_mut();
                for w in parsed.warnings {
                    sink.push(Problem::at(
                        Code::EraOverflow,
                        self.node.span,
                        w.message,
                        w.help,
                    ));
                }
                Ok(())
            }
            Err(e) => Err(Problem::at(
                Code::ImpossibleDate,
                self.node.span,
                e.message,
                e.help,
            )),
        }
    }

    fn mapping<'de, V: Visitor<'de>>(
        self,
        v: V,
        fields: Option<&'static [&'static str]>,
    ) -> Result<V::Value, Problem> {
        match &self.node.value {
            Value::Map(entries) => v
                .visit_map(Map {
                    de: self,
                    entries: entries.iter(),
                    value: None,
                    fields,
                })
                .map_err(|e: Problem| e.or_span(self.node.span)),
            other => Err(Problem::at(
                Code::InvalidValue,
                self.node.span,
                format!("expected a mapping, found {}", describe(other)),
                Some(match fields {
                    Some(f) if f.contains(&"ja") => {
                        "write the text per language: `{ja: …, en: …}`".to_owned()
                    }
                    _ => "write `key: value` pairs".to_owned(),
                }),
            )),
        }
    }
}

/// What the visitor of a spanned value is handed: the node's span as `(line, column, len)`,
/// then the node itself.
struct Spanning<'a> {
    span: Option<Span>,
    de: Option<De<'a>>,
}

impl<'de, 'a> SeqAccess<'de> for Spanning<'a> {
    type Error = Problem;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Problem> {
        if let Some(s) = self.span.take() {
            let parts = SeqDeserializer::new([s.line, s.column, s.len].into_iter());
            return seed.deserialize(parts).map(Some);
        }
        self.de.take().map(|de| seed.deserialize(de)).transpose()
    }
}

struct Seq<'a, I> {
    de: De<'a>,
    items: I,
}

impl<'de, 'a, I: Iterator<Item = &'a Node>> SeqAccess<'de> for Seq<'a, I> {
    type Error = Problem;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Problem> {
        match self.items.next() {
            Some(node) => seed
                .deserialize(self.de.at(node))
                .map(Some)
                .map_err(|e: Problem| e.or_span(node.span)),
            None => Ok(None),
        }
    }
}

struct Map<'a, I> {
    de: De<'a>,
    entries: I,
    value: Option<&'a Node>,
    fields: Option<&'static [&'static str]>,
}

impl<'de, 'a, I: Iterator<Item = &'a (Node, Node)>> MapAccess<'de> for Map<'a, I> {
    type Error = Problem;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Problem> {
        for (key, value) in self.entries.by_ref() {
            if let Some(fields) = self.fields {
                if !key.as_str().is_some_and(|k| fields.contains(&k)) {
                    self.de.unknown_field(key, fields);
                    continue;
                }
            }
            self.value = Some(value);
            return seed
                .deserialize(self.de.at(key))
                .map(Some)
                .map_err(|e: Problem| e.or_span(key.span));
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Problem> {
        let node = self
            .value
            .take()
            .ok_or_else(|| <Problem as de::Error>::custom("value without a key"))?;
        seed.deserialize(self.de.at(node))
            .map_err(|e: Problem| e.or_span(node.span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Region;
    use crate::yaml::parse;

    fn load_region(text: &str) -> (Result<Region, Problem>, Vec<Problem>) {
        let node = parse(text).unwrap().unwrap();
        let mut found = Vec::new();
        let r = from_node::<Region>(&node, &mut found);
        (r, found)
    }

    #[test]
    fn every_unknown_field_is_collected_with_a_suggestion() {
        let (r, found) = load_region(
            "name: {ja: 熊本県, en: Kumamoto}\nkind: prefecture\nparnet: x\nslogn: {ja: a}\n",
        );
        assert!(r.is_ok());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].code, Code::UnknownField);
        assert_eq!(found[0].span.map(|s| (s.line, s.column)), Some((3, 1)));
        assert_eq!(found[0].help.as_deref(), Some("did you mean `parent`?"));
        assert_eq!(found[1].help.as_deref(), Some("did you mean `slogan`?"));
    }

    #[test]
    fn a_wrong_type_points_at_the_value() {
        let (r, _) = load_region("name: {ja: 熊本県}\nkind: prefecture\nhospitals: many\n");
        let e = r.unwrap_err();
        assert_eq!(e.code, Code::InvalidValue);
        assert_eq!(e.span.map(|s| (s.line, s.column)), Some((3, 12)));
    }

    #[test]
    fn a_missing_field_points_at_its_mapping() {
        let (r, _) = load_region("name: {ja: 熊本県}\n");
        let e = r.unwrap_err();
        assert_eq!(e.code, Code::MissingField);
        assert_eq!(e.message, "missing field `kind`");
        assert_eq!(e.span.map(|s| s.line), Some(1));
    }

    #[test]
    fn numbers_with_separators_get_help() {
        // In flow style `4,396` is two entries: the stray `396` is reported as a field.
        let (r, found) = load_region("name: {ja: x}\nkind: area\npopulation: {value: 4,396}\n");
        assert!(r.is_ok());
        assert_eq!(found[0].message, "unknown field `396`");
        let (r, _) = load_region("name: {ja: x}\nkind: area\npopulation:\n  value: 4,396\n");
        let e = r.unwrap_err();
        assert_eq!(
            e.help.as_deref(),
            Some("write the number without separators: `4396`")
        );
    }

    /// A record-like struct with an id, a spanned number, a spanned text and a date.
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Spans {
        label: crate::model::Text,
        region: crate::model::id::RegionId,
        value: crate::model::Spanned<f64>,
        #[serde(default)]
        note: Option<crate::model::Spanned<crate::model::Text>>,
        as_of: crate::model::Dated,
        areas: Vec<crate::model::id::RegionId>,
    }

    fn spans(text: &str) -> Spans {
        let node = parse(text).unwrap().unwrap();
        let mut found = Vec::new();
        let s = from_node::<Spans>(&node, &mut found).unwrap();
        assert_eq!(found, []);
        s
    }

    fn line_col(span: Span) -> (usize, usize) {
        (span.line, span.column)
    }

    #[test]
    fn ids_values_and_dates_record_their_own_span() {
        let s = spans(
            "label: {ja: 熊本県, en: Kumamoto}\n\
             region: kumamoto-pref\n\
             value: 42.5\n\
             note:\n  ja: 注記\n  en: Note\n\
             as_of: R1.6月時点\n\
             areas: [a, b]\n",
        );
        assert_eq!(s.label.ja, "熊本県");
        assert_eq!(s.region, "kumamoto-pref");
        assert_eq!(line_col(s.region.span()), (2, 9));
        assert_eq!(*s.value, 42.5);
        assert_eq!(line_col(s.value.span()), (3, 8));
        let note = s.note.expect("a note");
        assert_eq!(note.ja, "注記");
        assert_eq!(line_col(note.span()), (5, 3));
        assert_eq!(line_col(s.as_of.span()), (7, 8));
        assert_eq!(s.as_of.written(), Some("R1.6月時点"));
        let areas: Vec<_> = s.areas.iter().map(|a| line_col(a.span())).collect();
        assert_eq!(areas, [(8, 9), (8, 12)]);
    }

    /// Columns count characters: the id after 熊本県 starts at column 42, not at byte 48.
    #[test]
    fn spans_after_japanese_text_count_characters() {
        let s = spans(
            "{label: {ja: 熊本県, en: Kumamoto}, region: kumamoto-pref, value: 7, as_of: 令和2年度, areas: [熊本-x]}\n",
        );
        assert_eq!(line_col(s.region.span()), (1, 42));
        assert_eq!(s.region.span().len, "kumamoto-pref".len());
        assert_eq!(line_col(s.value.span()), (1, 64));
        assert_eq!(line_col(s.as_of.span()), (1, 74));
        assert_eq!(line_col(s.areas[0].span()), (1, 89));
    }

    #[test]
    fn spanned_values_report_errors_at_the_value() {
        let node = parse("label: {ja: x}\nregion: [a]\nvalue: 4,396\nas_of: R2\nareas: []\n")
            .unwrap()
            .unwrap();
        let e = from_node::<Spans>(&node, &mut Vec::new()).err().unwrap();
        assert_eq!(e.code, Code::InvalidValue);
        assert_eq!(e.message, "expected text, found a list");
        assert_eq!(e.span.map(line_col), Some((2, 9)));
        let node = parse("label: {ja: x}\nregion: a\nvalue: 4,396\nas_of: R2\nareas: []\n")
            .unwrap()
            .unwrap();
        let e = from_node::<Spans>(&node, &mut Vec::new()).err().unwrap();
        assert_eq!(e.message, "`4,396` is not a number");
        assert_eq!(e.span.map(line_col), Some((3, 8)));
    }
}
