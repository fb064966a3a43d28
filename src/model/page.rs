//! Handbook pages: explanatory prose that is not about one region.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::{Prose, Text};

/// `content/pages/<id>.yaml`, published at `/{lang}/pages/<id>/`.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub title: Text,
    /// One line shown in lists of pages.
    #[serde(default)]
    pub summary: Option<Text>,
    /// Position in the list of pages; lower first.
    #[serde(default)]
    pub order: i32,
    #[serde(default)]
    pub source: Option<Text>,
    pub body: Prose,
}
