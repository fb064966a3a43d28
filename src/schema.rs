//! `casebook schema`: JSON Schema of every record kind and vocabulary, for editors'
//! completion and inline errors through yaml-language-server.

use std::path::Path;

use anyhow::Context as _;
use schemars::{schema_for, Schema};
use serde_json::{json, Map, Value};

use crate::model::vocab::{GlossaryEntry, IndicatorDef, Term};
use crate::model::{Analysis, Case, Outcome, Page, Practice, Region, StatusSheet};

/// `(file stem, schema)` for every record kind and vocabulary, in a fixed order.
pub fn schemas() -> Vec<(&'static str, Schema)> {
    vec![
        ("regions", schema_for!(Region)),
        ("status-sheets", schema_for!(StatusSheet)),
        ("outcomes", schema_for!(Outcome)),
        ("cases", schema_for!(Case)),
        ("practices", schema_for!(Practice)),
        ("analyses", schema_for!(Analysis)),
        ("pages", schema_for!(Page)),
        ("vocabulary", schema_for!(Vec<Term>)),
        ("indicators", schema_for!(Vec<IndicatorDef>)),
        ("glossary", schema_for!(Vec<GlossaryEntry>)),
        ("variants", schema_for!(Vec<Vec<String>>)),
    ]
}

/// One document covering every kind: each kind's schema under `$defs`, definitions merged.
pub fn combined() -> Value {
    let mut defs = Map::new();
    let mut kinds = Vec::new();
    for (name, schema) in schemas() {
        let mut value = schema.to_value();
        if let Some(Value::Object(inner)) = value.as_object_mut().and_then(|o| o.remove("$defs")) {
            defs.extend(inner);
        }
        if let Some(o) = value.as_object_mut() {
            o.remove("$schema");
        }
        kinds.push(json!({"$ref": format!("#/$defs/{name}")}));
        defs.insert(name.to_owned(), value);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Casebook records",
        "description": "Every record kind (content/<kind>/<id>.yaml) and vocabulary (content/vocabularies/*.yaml).",
        "anyOf": kinds,
        "$defs": defs,
    })
}

pub fn to_pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

pub fn run(out: Option<&Path>) -> anyhow::Result<()> {
    match out {
        None => print!("{}", to_pretty(&combined())),
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            for (name, schema) in schemas() {
                let path = dir.join(format!("{name}.json"));
                std::fs::write(&path, to_pretty(&schema.to_value()))
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
    }
    Ok(())
}
