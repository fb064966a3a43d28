//! JSON Schema for dates, kept apart from the date logic.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use super::dated::Dated;
use super::When;

impl JsonSchema for When {
    fn schema_name() -> Cow<'static, str> {
        "When".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A date as the sources write it: ISO (2020-04-01, 2019-06, FY2020), era (H29.8.4, R1.6月, 令和2年度, 令和2年度末, 平成31年3月), a range (H29～R1年度, 8月～) or open text (通年, 未定, not-stated).",
            "examples": ["令和2年度末", "R1.6月時点", "H29.8.4", "2020-04", "H29～R1年度", "通年"]
        })
    }
}

/// A [`Dated`] is written exactly like a [`When`], so it has the same schema (and the same
/// name, so that schema documents do not change).
impl JsonSchema for Dated {
    fn schema_name() -> Cow<'static, str> {
        When::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        When::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        When::json_schema(generator)
    }
}
