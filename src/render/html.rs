//! Text as HTML: escaping, and human text printed inline or as Markdown in the page's language,
//! Japanese shown on an English page with a visible "not yet translated" mark. The theme's
//! `t` and `md` filters and the views that build small fragments (a wording split around its
//! number) print text through here, so a text looks the same wherever it is printed.

use crate::model::text::Shown;

/// The mark beside Japanese text shown on an English page.
pub const UNTRANSLATED: &str = "not yet translated";

/// `s` with `& < > " '` escaped, for element text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A text inside a line: escaped, or, when it is Japanese standing in for a missing English
/// text, in a `lang="ja"` span followed by the mark.
pub fn inline(shown: Shown) -> String {
    if shown.translated {
        escape(shown.text)
    } else {
        format!(
            "<span lang=\"ja\">{}</span> <small class=\"untranslated\">{UNTRANSLATED}</small>",
            escape(shown.text)
        )
    }
}

/// A long text already rendered to HTML (from Markdown), or, when it is Japanese standing in
/// for a missing English text, the same in a `lang="ja"` block headed by the mark.
pub fn block(html: String, translated: bool) -> String {
    if translated {
        html
    } else {
        format!(
            "<div lang=\"ja\" class=\"untranslated-block\"><p><small class=\"untranslated\">{UNTRANSLATED}</small></p>{html}</div>"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_english_is_marked_and_everything_is_escaped() {
        let ja = Shown {
            text: "<熊本>",
            translated: false,
        };
        assert_eq!(
            inline(ja),
            "<span lang=\"ja\">&lt;熊本&gt;</span> <small class=\"untranslated\">not yet translated</small>"
        );
        let en = Shown {
            text: "a & b",
            translated: true,
        };
        assert_eq!(inline(en), "a &amp; b");
        assert!(block("<p>x</p>".into(), false)
            .starts_with("<div lang=\"ja\" class=\"untranslated-block\">"));
        assert_eq!(block("<p>x</p>".into(), true), "<p>x</p>");
        assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
    }
}
