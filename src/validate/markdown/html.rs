//! Raw HTML in Markdown, read as the sanitiser will read it: html5ever's tokenizer (the one
//! ammonia parses with) is fed each raw HTML fragment in turn, so tags split over lines,
//! character references in attribute values (`jav&#x61;script:`) and the insides of
//! `<script>` are understood as a browser would. Each tag is checked against
//! [`rules`](super::rules); what the sanitiser would remove is returned as a [`Removal`], and
//! the elements left open are counted for the nesting limit.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::rules::{self, Target};

/// Something the sanitiser removes from raw HTML, at a byte offset of the fragment fed.
#[derive(Debug, PartialEq)]
pub struct Removal {
    pub at: usize,
    pub what: Removed,
}

#[derive(Debug, PartialEq)]
pub enum Removed {
    /// An element not on the list (its text is kept, unless `with_content`).
    Element { tag: String, with_content: bool },
    /// An element that would load something from wherever it points.
    Loading { tag: String },
    /// An attribute not on the list for its element.
    Attribute { tag: String, attr: String },
    /// A kept attribute whose value is refused.
    Value {
        tag: String,
        attr: String,
        value: String,
        target: Target,
    },
}

/// What one fragment did: removals, elements opened, and characters of text in it.
#[derive(Debug, Default)]
pub struct Fed {
    pub removals: Vec<Removal>,
    /// Elements started (for the element budget).
    pub started: usize,
    /// Runs of text, split where a tag stands, as character counts; the first continues the
    /// text before the fragment, the last goes on after it.
    pub runs: Vec<usize>,
}

/// The raw HTML of one Markdown text, fed fragment by fragment.
pub struct Html {
    tokenizer: Tokenizer<Sink>,
    /// Names of the elements still open, innermost last.
    open: Vec<String>,
}

#[derive(Default)]
struct Sink {
    tokens: RefCell<Vec<Token>>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        // The tree builder switches the tokenizer for these; with no tree builder, we do.
        let raw = match &token {
            Token::TagToken(t) if t.kind == TagKind::StartTag => match &*t.name {
                "script" => Some(RawKind::ScriptData),
                "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                "textarea" | "title" => Some(RawKind::Rcdata),
                _ => None,
            },
            _ => None,
        };
        let plaintext = matches!(&token, Token::TagToken(t) if t.kind == TagKind::StartTag && &*t.name == "plaintext");
        self.tokens.borrow_mut().push(token);
        match (raw, plaintext) {
            (Some(kind), _) => TokenSinkResult::RawData(kind),
            (None, true) => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

/// Elements with no end tag: they never stay open.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

impl Default for Html {
    fn default() -> Html {
        Html {
            tokenizer: Tokenizer::new(Sink::default(), TokenizerOpts::default()),
            open: Vec::new(),
        }
    }
}

impl Html {
    /// Elements open after the fragments fed so far.
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    /// Read one fragment of raw HTML.
    pub fn feed(&mut self, fragment: &str) -> Fed {
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(fragment));
        let _ = self.tokenizer.feed(&queue);
        let tokens = std::mem::take(&mut *self.tokenizer.sink.tokens.borrow_mut());
        let mut fed = Fed {
            runs: vec![0],
            ..Fed::default()
        };
        let mut cursor = 0;
        for token in tokens {
            match token {
                Token::TagToken(tag) => {
                    let at = find_tag(fragment, &tag.name, cursor);
                    cursor = at.map_or(cursor, |a| a + 1);
                    let at = at.unwrap_or(0);
                    fed.runs.push(0);
                    if tag.kind == TagKind::EndTag {
                        self.close(&tag.name);
                        continue;
                    }
                    fed.started += 1;
                    if !VOID.contains(&&*tag.name) {
                        self.open.push(tag.name.to_string());
                    }
                    check_tag(&tag, fragment, at, &mut fed.removals);
                }
                Token::CharacterTokens(t) => {
                    if let Some(run) = fed.runs.last_mut() {
                        *run += t.chars().count();
                    }
                }
                _ => {}
            }
        }
        fed
    }

    /// An end tag closes its element and those opened inside it; a stray one is ignored.
    fn close(&mut self, name: &str) {
        if let Some(i) = self.open.iter().rposition(|n| n == name) {
            self.open.truncate(i);
        }
    }
}

/// The byte offset of `<name` (any case) in `fragment` at or after `from`.
fn find_tag(fragment: &str, name: &str, from: usize) -> Option<usize> {
    let bytes = fragment.as_bytes();
    let name = name.as_bytes();
    (from..bytes.len()).find(|&i| {
        bytes[i] == b'<' && {
            let start = i + 1 + usize::from(bytes.get(i + 1) == Some(&b'/'));
            bytes
                .get(start..start + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        }
    })
}

/// The byte offset of attribute `name` after the tag at `tag_at`, or the tag's own.
fn find_attribute(fragment: &str, name: &str, tag_at: usize) -> usize {
    let lower = fragment.get(tag_at..).unwrap_or("").to_ascii_lowercase();
    lower
        .match_indices(name)
        .map(|(i, _)| i)
        .find(|&i| i > 0 && lower.as_bytes()[i - 1].is_ascii_whitespace())
        .map_or(tag_at, |i| tag_at + i)
}

fn check_tag(tag: &html5ever::tokenizer::Tag, fragment: &str, at: usize, out: &mut Vec<Removal>) {
    let name = tag.name.to_string();
    if !rules::tag_allowed(&name) {
        let what = if rules::LOADING_TAGS.contains(&name.as_str()) {
            Removed::Loading { tag: name }
        } else {
            Removed::Element {
                with_content: rules::CLEAN_CONTENT_TAGS.contains(&name.as_str()),
                tag: name,
            }
        };
        out.push(Removal { at, what });
        return;
    }
    for attr in &tag.attrs {
        let attr_name = attr.name.local.to_string();
        let at = find_attribute(fragment, &attr_name, at);
        let what = if attr_name == "style" && rules::style_loads(&attr.value) {
            // Removed on any element; reported as what it is, a load from elsewhere.
            Removed::Value {
                tag: name.clone(),
                attr: attr_name,
                value: attr.value.to_string(),
                target: Target::Remote,
            }
        } else if !rules::attribute_allowed(&name, &attr_name) {
            Removed::Attribute {
                tag: name.clone(),
                attr: attr_name,
            }
        } else {
            match rules::attribute_value(&name, &attr_name, &attr.value) {
                Ok(()) => continue,
                Err(target) => Removed::Value {
                    tag: name.clone(),
                    attr: attr_name,
                    value: attr.value.to_string(),
                    target,
                },
            }
        };
        out.push(Removal { at, what });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removals(fragments: &[&str]) -> Vec<(usize, usize, String)> {
        let mut html = Html::default();
        let mut out = Vec::new();
        for (i, f) in fragments.iter().enumerate() {
            for r in html.feed(f).removals {
                out.push((i, r.at, format!("{:?}", r.what)));
            }
        }
        out
    }

    #[test]
    fn scripts_handlers_and_schemes_are_found_where_they_stand() {
        let got = removals(&[
            "<p>x <script>if (a<b) alert(1)</script>",
            "<img src=ok.png onerror=alert(1)> <a href=\"jav&#x61;script:x\">y</a>",
        ]);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (0, 5));
        assert!(got[0].2.contains("script") && got[0].2.contains("with_content: true"));
        assert_eq!((got[1].0, got[1].1), (1, 16));
        assert!(got[1].2.contains("onerror"));
        assert_eq!((got[2].0, got[2].1), (1, 37));
        assert!(got[2].2.contains("javascript:"), "{got:?}");
    }

    #[test]
    fn remote_resources_are_told_apart() {
        let got = removals(&[
            "<img src=\"https://evil.example/p.png\"><iframe src=//x></iframe>",
            "<img src=a.png srcset=\"https://x/a.png 2x\"><td style=\"background:url(//x)\">",
            "<span style=\"background: URL('//x/c.png')\"><div style=\"color: red\">",
        ]);
        assert_eq!(got.len(), 6, "{got:?}");
        assert!(got[0].2.contains("Remote"));
        assert!(got[1].2.starts_with("Loading") && got[1].2.contains("iframe"));
        assert!(got[2].2.contains("srcset"));
        assert!(got[3].2.contains("Remote"));
        // A style that loads is a remote resource on any element; another is a plain removal.
        assert!(
            got[4].2.contains("span") && got[4].2.contains("Remote"),
            "{got:?}"
        );
        assert!(
            got[5].2.starts_with("Attribute") && got[5].2.contains("style"),
            "{got:?}"
        );
    }

    #[test]
    fn a_tag_split_over_fragments_is_read_whole_and_depth_follows_the_tags() {
        let mut html = Html::default();
        assert!(html.feed("<div><span>").removals.is_empty());
        assert_eq!(html.depth(), 2);
        let fed = html.feed("<img\n");
        assert!(fed.removals.is_empty());
        let fed = html.feed(" onload=x>text</span>");
        assert_eq!(fed.removals.len(), 1);
        assert_eq!(html.depth(), 1);
        assert_eq!(fed.runs, [0, 4, 0]);
        html.feed("</p></div><br><hr>");
        assert_eq!(html.depth(), 0);
    }
}
