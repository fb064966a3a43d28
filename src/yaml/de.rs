//! serde deserialization from the spanned [`Node`] tree.
//!
//! Hand-written because no YAML deserializer does what `check` needs: every error carries
//! the span of the value it is about; unknown fields are *collected* (each with a
//! did-you-mean) and skipped, so one run reports all of them instead of stopping at the
//! first; dates are linted where they are read, so era warnings point at the date; and
//! ids, dates and [`Spanned`](crate::model::spanned::Spanned) values are handed the span of
//! their node, so the semantic checks of `validate` point at the value they are about.
//!
//! **Every error of a file in one run** (issue #20). A value that cannot be read (a wrong
//! type, an impossible date, a word not in the list, a mapping missing a field) is recorded
//! where it is caught, at the nearest mapping value or list item, and a stand-in ([`Poison`])
//! takes its place so the rest of the record is still read: a file with three bad dates and
//! a bad number gets four diagnostics. The record then fails to load as a whole
//! ([`from_node`] returns `None`); no stand-in ever reaches a page. The stand-in is handed to
//! the record's own `Deserialize` as a value, not left out, so its field is present and no
//! false `missing-field` follows. This works through the typed `next_value` / `next_element`
//! that serde's derived visitors call (a seed cannot be tried twice).
//!
//! Mappings also refuse a key written twice (at the second, naming the line of the first), and
//! a number that a flow mapping's comma cut in two (`{value: 4,396}`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;

use serde::de::value::{SeqDeserializer, StrDeserializer};
use serde::de::{
    self, Deserialize, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use super::{Node, Value};
use crate::diag::suggest;
use crate::diag::{Code, Span};
use crate::model::{date, spanned};

/// Problems a file's deserialization records one by one; the rest are counted in one more.
pub const MAX_PROBLEMS: usize = 500;

/// A problem found while deserializing.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub code: Code,
    pub span: Option<Span>,
    pub message: String,
    pub help: Option<String>,
    /// Already recorded: a failure passed on only to make the enclosing value fail too.
    pub(super) reported: bool,
}

impl Problem {
    fn at(code: Code, span: Span, message: String, help: Option<String>) -> Problem {
        Problem {
            code,
            span: Some(span),
            message,
            help,
            reported: false,
        }
    }

    fn reported() -> Problem {
        Problem {
            reported: true,
            ..<Problem as de::Error>::custom("(already reported)")
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
            reported: false,
        }
    }

    fn missing_field(field: &'static str) -> Problem {
        Problem {
            code: Code::MissingField,
            span: None,
            message: format!("missing field `{field}`"),
            help: Some(format!("add `{field}:` to this mapping")),
            reported: false,
        }
    }
}

/// Deserialize `T` from a tree. Every problem is appended to `found`: values that could not
/// be read (each one, see the module doc), unknown fields, date warnings. `None` when a value
/// could not be read.
pub fn from_node<T: de::DeserializeOwned>(node: &Node, found: &mut Vec<Problem>) -> Option<T> {
    let sink = Sink::default();
    let result = T::deserialize(De { node, sink: &sink });
    if let Err(p) = &result {
        sink.fail(p.clone().or_span(node.span));
    }
    let mut problems = sink.problems.into_inner();
    let (left_out, first_left_out) = sink.left_out.get();
    if left_out > 0 {
        problems.push(Problem::at(
            Code::InvalidValue,
            first_left_out,
            format!("{left_out} more problems in this file from here on are not listed"),
            Some("fix the ones listed and check again".into()),
        ));
    }
    found.append(&mut problems);
    result.ok().filter(|_| !sink.failed.get())
}

/// What a file's deserialization found.
#[derive(Default)]
struct Sink {
    problems: RefCell<Vec<Problem>>,
    /// Problems past [`MAX_PROBLEMS`]: how many, and where the first is.
    left_out: Cell<(usize, Span)>,
    /// A value could not be read: the record does not load.
    failed: Cell<bool>,
}

impl Sink {
    fn push(&self, p: Problem) {
        let mut problems = self.problems.borrow_mut();
        if problems.len() < MAX_PROBLEMS {
            problems.push(p);
        } else {
            let (count, first) = self.left_out.get();
            let first = if count == 0 {
                p.span.unwrap_or(first)
            } else {
                first
            };
            self.left_out.set((count + 1, first));
        }
    }

    /// A value that could not be read: recorded (unless it already was), and the record fails.
    fn fail(&self, p: Problem) {
        self.failed.set(true);
        if !p.reported {
            self.push(p);
        }
    }
}

#[derive(Clone, Copy)]
struct De<'a> {
    node: &'a Node,
    sink: &'a Sink,
}

impl<'a> De<'a> {
    fn at(self, node: &'a Node) -> De<'a> {
        De {
            node,
            sink: self.sink,
        }
    }

    /// `V` from this node; if it cannot be read, the problem is recorded and a stand-in
    /// returned, so the enclosing mapping or list reads on.
    fn recover<'de, V: Deserialize<'de>>(self) -> Result<V, Problem> {
        V::deserialize(self).or_else(|p| {
            self.sink.fail(p.or_span(self.node.span));
            V::deserialize(Poison).map_err(|_| Problem::reported())
        })
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
            let help = match ungrouped::<N>(text) {
                Some(valid) => format!("write it without grouping commas: `{valid}`"),
                None => format!("write {expected}, like `42`"),
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
        let Some(name) = key.as_str() else {
            // An explicit key (`? [a, b]`) that is a list or a mapping.
            self.sink.push(Problem::at(
                Code::UnknownField,
                Span { len: 1, ..key.span },
                format!("{} cannot be a field name", describe(&key.value)),
                Some(format!("the fields here are: {}", field_list(fields))),
            ));
            return;
        };
        let help = match suggest::closest(name, fields.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the fields here are: {}", field_list(fields)),
        };
        let span = Span {
            len: name.chars().count(),
            ..key.span
        };
        self.sink.push(Problem::at(
            Code::UnknownField,
            span,
            format!("unknown field `{name}`"),
            Some(help),
        ));
    }

    /// A key written a second time: an error there, naming the line of the first.
    fn duplicate_key(&self, key: &Node, name: &str, first: Span) {
        let span = Span {
            len: name.chars().count(),
            ..key.span
        };
        self.sink.fail(Problem::at(
            Code::DuplicateKey,
            span,
            format!("duplicate key `{name}` (first at line {})", first.line),
            Some(format!(
                "write `{name}:` once: keep one of the two and delete the other"
            )),
        ));
    }
}

/// `text` written with grouping commas (`4,396`, `１，２３４`) as the number it means, if the
/// commas group thousands and it then reads as an `N`.
fn ungrouped<N: std::str::FromStr>(text: &str) -> Option<String> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '，' => ',',
            '．' => '.',
            '－' | '−' => '-',
            c => c,
        })
        .collect();
    let whole = ascii.split_once('.').map_or(ascii.as_str(), |(w, _)| w);
    let mut groups = whole.trim_start_matches('-').split(',');
    let first = groups.next().map_or(0, str::len);
    let grouped = (1..=3).contains(&first) && whole.contains(',') && groups.all(|g| g.len() == 3);
    let valid = ascii.replace(',', "");
    (grouped && valid.parse::<N>().is_ok()).then_some(valid)
}

/// Field names as a help lists them: `` `a`, `b` ``.
fn field_list(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ")
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
            Value::Map(entries) => v.visit_map(Map::new(self, entries, None)),
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

    /// Text is never null: `~`, `null` and an empty value mean "nothing" in YAML, not the
    /// characters written (an optional field may be null, see `deserialize_option`).
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        if self.node.is_null() {
            return Err(Problem::at(
                Code::InvalidValue,
                self.node.span,
                "expected text, found nothing: an empty value, `~` and `null` are null in YAML"
                    .into(),
                Some("write the text; to write `~` or `null` itself, quote it: `\"~\"`".into()),
            ));
        }
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
    /// Era warnings are collected; a date that cannot be read is an error of the value.
    fn lint_date(&self) -> Result<(), Problem> {
        let text = self.scalar("a date")?;
        match date::parse(text) {
            Ok(parsed) => {
                for w in parsed.warnings {
                    self.sink.push(Problem::at(
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
                .visit_map(Map::new(self, entries, fields))
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
/// then the value (from the node, or a stand-in).
struct Spanning<D> {
    span: Option<Span>,
    de: Option<D>,
}

impl<'de, D: de::Deserializer<'de, Error = Problem>> SeqAccess<'de> for Spanning<D> {
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

    /// An item that cannot be read is recorded, and a stand-in read on (see the module doc).
    fn next_element<T: Deserialize<'de>>(&mut self) -> Result<Option<T>, Problem> {
        self.items
            .next()
            .map(|node| self.de.at(node).recover())
            .transpose()
    }
}

struct Map<'a> {
    de: De<'a>,
    entries: std::slice::Iter<'a, (Node, Node)>,
    value: Option<&'a Node>,
    fields: Option<&'static [&'static str]>,
    /// Keys read so far, where they were first written.
    seen: Keys<'a>,
    /// The value about to be read is a number a flow mapping's comma cut in two.
    split: Option<Problem>,
}

impl<'a> Map<'a> {
    fn new(
        de: De<'a>,
        entries: &'a [(Node, Node)],
        fields: Option<&'static [&'static str]>,
    ) -> Map<'a> {
        Map {
            de,
            entries: entries.iter(),
            value: None,
            fields,
            seen: Keys::default(),
            split: None,
        }
    }

    /// Whether the entry is one to read: not a key written twice, nor a field the struct lacks
    /// (both are recorded).
    fn wanted(&mut self, key: &'a Node) -> bool {
        if let Some(name) = key.as_str() {
            if let Some(first) = self.seen.first(name, key.span) {
                self.de.duplicate_key(key, name, first);
                return false;
            }
        }
        match self.fields {
            Some(fields) if !key.as_str().is_some_and(|k| fields.contains(&k)) => {
                self.de.unknown_field(key, fields);
                false
            }
            _ => true,
        }
    }

    /// In a flow mapping a comma ends the entry: `{value: 4,396}` is `value: 4` and a key `396`
    /// with no value. Such keys after a whole number on its line are taken back into it, and
    /// the number is refused with the form that reads.
    fn split_number(&mut self, value: &Node) -> Option<Problem> {
        let Value::Scalar { text, plain: true } = &value.value else {
            return None;
        };
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let groups: Vec<&Node> = self
            .entries
            .as_slice()
            .iter()
            .take_while(|(k, v)| v.is_null() && k.span.line == value.span.line && is_group(k))
            .map(|(k, _)| k)
            .collect();
        let last = groups.last()?;
        for _ in &groups {
            self.entries.next();
        }
        let written = groups.iter().fold(text.clone(), |mut w, g| {
            w.push(',');
            w.push_str(g.as_str().unwrap_or_default());
            w
        });
        let len = (last.span.column + last.span.len).saturating_sub(value.span.column);
        Some(Problem::at(
            Code::InvalidValue,
            Span { len, ..value.span },
            format!("`{written}` is read as separate entries: in `{{…}}` a comma ends an entry"),
            Some(format!(
                "for a number, write it without grouping commas: `{}`; for text, quote it: `\"{written}\"`",
                written.replace(',', "")
            )),
        ))
    }

    /// The stand-in for a split number, once it is recorded.
    fn split_value<'de, V: Deserialize<'de>>(&mut self) -> Option<Result<V, Problem>> {
        let problem = self.split.take()?;
        self.de.sink.fail(problem);
        Some(V::deserialize(Poison).map_err(|_| Problem::reported()))
    }
}

/// The keys of a mapping read so far: a list while it is short (most are), indexed once it
/// is long, so a hostile mapping of 100,000 keys is not checked in quadratic time.
#[derive(Default)]
struct Keys<'a> {
    list: Vec<(&'a str, Span)>,
    index: HashMap<&'a str, Span>,
}

impl<'a> Keys<'a> {
    const SHORT: usize = 32;

    /// Where `name` was first written, or `None` when this is its first time (now noted).
    fn first(&mut self, name: &'a str, at: Span) -> Option<Span> {
        if self.list.len() < Self::SHORT {
            if let Some((_, first)) = self.list.iter().find(|(k, _)| *k == name) {
                return Some(*first);
            }
            self.list.push((name, at));
            if self.list.len() == Self::SHORT {
                self.index.extend(self.list.iter().copied());
            }
            return None;
        }
        match self.index.entry(name) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(at);
                None
            }
        }
    }
}

/// A key that is the rest of a number with grouping commas: three digits, the last one
/// perhaps with decimals.
fn is_group(key: &Node) -> bool {
    let Value::Scalar { text, plain: true } = &key.value else {
        return false;
    };
    let whole = text.split_once('.').map_or(text.as_str(), |(w, _)| w);
    whole.len() == 3
        && text
            .bytes()
            .filter(|b| *b != b'.')
            .all(|b| b.is_ascii_digit())
}

impl<'de, 'a> MapAccess<'de> for Map<'a> {
    type Error = Problem;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Problem> {
        while let Some((key, value)) = self.entries.next() {
            if !self.wanted(key) {
                continue;
            }
            self.split = self.split_number(value);
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
        if let Some(problem) = self.split.take() {
            self.de.sink.fail(problem);
            return seed.deserialize(Poison).map_err(|_| Problem::reported());
        }
        seed.deserialize(self.de.at(node))
            .map_err(|e: Problem| e.or_span(node.span))
    }

    /// A value that cannot be read is recorded, and a stand-in read on (see the module doc).
    fn next_value<V: Deserialize<'de>>(&mut self) -> Result<V, Problem> {
        let node = self
            .value
            .take()
            .ok_or_else(|| <Problem as de::Error>::custom("value without a key"))?;
        match self.split_value() {
            Some(stand_in) => stand_in,
            None => self.de.at(node).recover(),
        }
    }

    fn next_entry<K: Deserialize<'de>, V: Deserialize<'de>>(
        &mut self,
    ) -> Result<Option<(K, V)>, Problem> {
        match self.next_key()? {
            Some(key) => Ok(Some((key, self.next_value()?))),
            None => Ok(None),
        }
    }
}

/// The stand-in for a value that could not be read: the plainest value of whatever type is
/// asked for (`0`, `""`, an empty list, a struct of stand-ins, the first word of a list, the
/// date `not-stated`), so the record around it reads on. It never reaches output: a record
/// with a stand-in does not load.
#[derive(Clone, Copy)]
struct Poison;

macro_rules! poison_numbers {
    ($($method:ident => $visit:ident($zero:expr);)*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
            v.$visit($zero)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Poison {
    type Error = Problem;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        v.visit_unit()
    }

    poison_numbers! {
        deserialize_bool => visit_bool(false);
        deserialize_i8 => visit_i64(0);
        deserialize_i16 => visit_i64(0);
        deserialize_i32 => visit_i64(0);
        deserialize_i64 => visit_i64(0);
        deserialize_u8 => visit_u64(0);
        deserialize_u16 => visit_u64(0);
        deserialize_u32 => visit_u64(0);
        deserialize_u64 => visit_u64(0);
        deserialize_f32 => visit_f64(0.0);
        deserialize_f64 => visit_f64(0.0);
        deserialize_char => visit_char(' ');
        deserialize_str => visit_str("");
        deserialize_string => visit_str("");
        deserialize_identifier => visit_str("");
        deserialize_bytes => visit_bytes(&[]);
        deserialize_byte_buf => visit_bytes(&[]);
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        v.visit_none()
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        v.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Problem> {
        v.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, Problem> {
        let span = Some(Span::default());
        if name == date::SERDE_NAME {
            let text: StrDeserializer<'static, Problem> = "not-stated".into_deserializer();
            v.visit_seq(Spanning {
                span,
                de: Some(text),
            })
        } else if name == spanned::SERDE_NAME {
            v.visit_seq(Spanning {
                span,
                de: Some(self),
            })
        } else {
            v.visit_newtype_struct(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        v.visit_seq(Poisons(0))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, Problem> {
        v.visit_seq(Poisons(len))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value, Problem> {
        v.visit_seq(Poisons(len))
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        v.visit_map(PoisonFields([].iter()))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Problem> {
        v.visit_map(PoisonFields(fields.iter()))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Problem> {
        let first = variants.first().ok_or_else(Problem::reported)?;
        let variant: StrDeserializer<'static, Problem> = first.into_deserializer();
        v.visit_enum(variant)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Problem> {
        v.visit_unit()
    }
}

/// A list of `n` stand-ins.
struct Poisons(usize);

impl<'de> SeqAccess<'de> for Poisons {
    type Error = Problem;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Problem> {
        if self.0 == 0 {
            return Ok(None);
        }
        self.0 -= 1;
        seed.deserialize(Poison).map(Some)
    }
}

/// A struct's every field, each a stand-in.
struct PoisonFields(std::slice::Iter<'static, &'static str>);

impl<'de> MapAccess<'de> for PoisonFields {
    type Error = Problem;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Problem> {
        self.0
            .next()
            .map(|field| {
                let name: StrDeserializer<'static, Problem> = field.into_deserializer();
                seed.deserialize(name)
            })
            .transpose()
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Problem> {
        seed.deserialize(Poison)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Region;
    use crate::yaml::parse;

    fn tree(text: &str) -> Node {
        let parsed = parse(text);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        parsed.root.expect("a document")
    }

    fn load<T: de::DeserializeOwned>(text: &str) -> (Option<T>, Vec<Problem>) {
        let mut found = Vec::new();
        let r = from_node::<T>(&tree(text), &mut found);
        (r, found)
    }

    fn load_region(text: &str) -> (Option<Region>, Vec<Problem>) {
        load(text)
    }

    fn spots(found: &[Problem]) -> Vec<(Code, usize, usize)> {
        found
            .iter()
            .map(|p| {
                let s = p.span.expect("a span");
                (p.code, s.line, s.column)
            })
            .collect()
    }

    #[test]
    fn every_unknown_field_is_collected_with_a_suggestion() {
        let (r, found) = load_region(
            "name: {ja: 熊本県, en: Kumamoto}\nkind: prefecture\nparnet: x\nslogn: {ja: a}\n",
        );
        assert!(r.is_some());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].code, Code::UnknownField);
        assert_eq!(found[0].span.map(|s| (s.line, s.column)), Some((3, 1)));
        assert_eq!(found[0].help.as_deref(), Some("did you mean `parent`?"));
        assert_eq!(found[1].help.as_deref(), Some("did you mean `slogan`?"));
    }

    #[test]
    fn a_wrong_type_points_at_the_value() {
        let (r, found) = load_region("name: {ja: 熊本県}\nkind: prefecture\nhospitals: many\n");
        assert!(r.is_none());
        assert_eq!(spots(&found), [(Code::InvalidValue, 3, 12)]);
    }

    /// Text is never null; an optional field may be.
    #[test]
    fn null_is_not_text() {
        let (region, found) = load_region(
            "name: {ja: ~, en: North}\nkind:\nparent: null\nslogan: {ja: \"~\", en: ''}\n",
        );
        assert!(region.is_none());
        assert_eq!(
            spots(&found),
            [(Code::InvalidValue, 1, 12), (Code::InvalidValue, 2, 5)]
        );
        assert!(found[0].message.starts_with("expected text, found nothing"));
        let (region, found) = load_region("name: {ja: \"~\", en: ''}\nkind: area\nparent: ~\n");
        assert!(found.is_empty(), "{found:?}");
        let region = region.unwrap();
        assert_eq!((region.name.ja.as_str(), region.parent), ("~", None));
    }

    /// A key that is a list or a mapping names no field, and is said to be one.
    #[test]
    fn a_key_that_is_not_a_word_is_named_for_what_it_is() {
        let (_, found) = load_region(
            "name: {ja: 北部, en: North}\nkind: area\n? [hospitals, clinics]\n: 3\n? {a: b}\n: c\n",
        );
        let said: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|p| {
                (
                    p.span.unwrap().line,
                    p.span.unwrap().column,
                    p.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            said,
            [
                (3, 3, "a list cannot be a field name"),
                (5, 3, "a mapping cannot be a field name")
            ]
        );
        assert!(found[0].help.as_deref().unwrap().contains("`hospitals`"));
    }

    #[test]
    fn a_missing_field_points_at_its_mapping() {
        let (r, found) = load_region("name: {ja: 熊本県}\n");
        assert!(r.is_none());
        assert_eq!(spots(&found), [(Code::MissingField, 1, 1)]);
        assert_eq!(found[0].message, "missing field `kind`");
    }

    #[test]
    fn numbers_with_grouping_commas_get_the_form_that_reads() {
        // In flow style `4,396` is two entries, `value: 4` and a key `396`: the number is
        // refused as written, and `396` is not reported as a field.
        let (r, found) = load_region("name: {ja: x}\nkind: area\npopulation: {value: 4,396}\n");
        assert!(r.is_none());
        assert_eq!(spots(&found), [(Code::InvalidValue, 3, 21)]);
        assert_eq!(found[0].span.map(|s| s.len), Some(5));
        assert_eq!(
            found[0].message,
            "`4,396` is read as separate entries: in `{…}` a comma ends an entry"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("for a number, write it without grouping commas: `4396`; for text, quote it: `\"4,396\"`")
        );
        let (_, found) =
            load_region("name: {ja: x}\nkind: area\npopulation: {value: 1,234,567, as_of: R2}\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "`1,234,567` is read as separate entries: in `{…}` a comma ends an entry"
        );
        // In block style it is one scalar; every numeric field gets the same help.
        let (r, found) = load_region(
            "name: {ja: x}\nkind: area\nhospitals: 1,204\npopulation:\n  value: ４，３９６\n",
        );
        assert!(r.is_none());
        let helps: Vec<_> = found.iter().map(|p| p.help.as_deref().unwrap()).collect();
        assert_eq!(
            helps,
            [
                "write it without grouping commas: `1204`",
                "write it without grouping commas: `4396`"
            ]
        );
        // A comma that is not grouping gets the plain help.
        let (_, found) = load_region("name: {ja: x}\nkind: area\nhospitals: 12,5\n");
        assert_eq!(
            found[0].help.as_deref(),
            Some("write a whole number, 0 or more, like `42`")
        );
    }

    #[test]
    fn a_duplicate_key_is_reported_at_its_second_occurrence() {
        let (r, found) = load_region(
            "name: {ja: 熊本県}\nkind: prefecture\nhospitals: 3\nname: {ja: 熊本}\nslogan: {ja: a, ja: b}\n",
        );
        assert!(r.is_none());
        let dup: Vec<_> = found
            .iter()
            .filter(|p| p.code == Code::DuplicateKey)
            .collect();
        assert_eq!(
            spots(&found[..2]),
            [(Code::DuplicateKey, 4, 1), (Code::DuplicateKey, 5, 17)]
        );
        assert_eq!(dup[0].message, "duplicate key `name` (first at line 1)");
        assert_eq!(dup[1].message, "duplicate key `ja` (first at line 5)");
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
        let (s, found) = load::<Spans>(text);
        assert_eq!(found, []);
        s.expect("the record reads")
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
        let (r, found) =
            load::<Spans>("label: {ja: x}\nregion: [a]\nvalue: many\nas_of: R2\nareas: []\n");
        assert!(r.is_none());
        assert_eq!(
            spots(&found),
            [(Code::InvalidValue, 2, 9), (Code::InvalidValue, 3, 8)]
        );
        assert_eq!(found[0].message, "expected text, found a list");
        assert_eq!(found[1].message, "`many` is not a number");
    }

    /// Issue #20: three bad dates and a bad number in one file are four diagnostics, and the
    /// record does not load.
    #[test]
    fn every_type_and_date_error_of_a_file_is_reported() {
        let (r, found) = load::<Vec<Spans>>(
            "- {label: {ja: a}, region: a, value: 1, as_of: R1.13月, areas: []}\n\
             - {label: {ja: b}, region: b, value: x1, as_of: 令和2年2月30日, areas: []}\n\
             - {label: {ja: c}, region: c, value: 3, as_of: H31.4.31, areas: [d]}\n",
        );
        assert!(r.is_none());
        assert_eq!(
            spots(&found),
            [
                (Code::ImpossibleDate, 1, 48),
                (Code::InvalidValue, 2, 38),
                (Code::ImpossibleDate, 2, 49),
                (Code::ImpossibleDate, 3, 48),
            ]
        );
    }

    /// A value that cannot be read is present for the record's own `Deserialize`: no
    /// `missing-field` for it, while a field that is missing is still reported.
    #[test]
    fn missing_field_stays_right_around_bad_values() {
        let (r, found) =
            load::<Spans>("label: {ja: [x]}\nvalue: many\nas_of: R99.99\nareas: [[a]]\n");
        assert!(r.is_none());
        assert_eq!(
            spots(&found),
            [
                (Code::InvalidValue, 1, 13),
                (Code::InvalidValue, 2, 8),
                (Code::ImpossibleDate, 3, 8),
                (Code::InvalidValue, 4, 9),
                (Code::MissingField, 1, 1),
            ]
        );
        assert_eq!(found[4].message, "missing field `region`");
    }

    /// The stand-in reads as every record kind and vocabulary entry, so a bad value anywhere
    /// in them never stops the reading of the rest.
    #[test]
    fn a_stand_in_reads_as_every_kind_of_record() {
        use crate::model::vocab::{GlossaryEntry, IndicatorDef, Term};
        use crate::model::*;
        fn reads<T: de::DeserializeOwned>() {
            assert!(
                T::deserialize(Poison).is_ok(),
                "{}",
                std::any::type_name::<T>()
            );
        }
        reads::<Region>();
        reads::<StatusSheet>();
        reads::<Outcome>();
        reads::<Case>();
        reads::<Practice>();
        reads::<Analysis>();
        reads::<Page>();
        reads::<Term>();
        reads::<IndicatorDef>();
        reads::<GlossaryEntry>();
        reads::<Dated>();
        reads::<Option<Spanned<u32>>>();
    }

    /// A file of bad values is reported in bounded space: the first 500, then a count at
    /// the first left out.
    #[test]
    fn a_flood_of_problems_is_counted_not_listed() {
        let text: String = (0..2000).map(|_| "- x\n").collect();
        let (r, found) = load::<Vec<u32>>(&text);
        assert!(r.is_none());
        assert_eq!(found.len(), MAX_PROBLEMS + 1);
        let last = found.last().unwrap();
        assert_eq!(
            last.message,
            "1500 more problems in this file from here on are not listed"
        );
        assert_eq!(last.span.map(line_col), Some((MAX_PROBLEMS + 1, 3)));
    }

    #[test]
    fn bad_items_of_a_list_are_each_reported() {
        let (r, found) = load::<Vec<u32>>("[1, x, 3, -4, 5]\n");
        assert!(r.is_none());
        assert_eq!(
            spots(&found),
            [(Code::InvalidValue, 1, 5), (Code::InvalidValue, 1, 11)]
        );
    }
}
