//! Test helpers shared by unit tests: the bundled handbook and its theme's strings, loaded once
//! per test binary, and a well-formedness check for the SVG we emit.

use std::path::Path;
use std::sync::OnceLock;

use crate::load::Corpus;

pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::Config::load(root)
            .expect("casebook.yaml is readable")
            .expect("casebook.yaml is valid");
        let (corpus, mut diags) = crate::load::load(config).expect("content loads");
        crate::validate::validate(&corpus, &mut diags);
        assert!(
            !diags.fails(false),
            "the bundled content has errors: {:?}",
            diags.into_sorted()
        );
        corpus
    })
}

/// The bundled theme's UI strings (themes/default/strings.yaml), loaded once per test binary.
pub fn theme_strings() -> &'static crate::site::Strings {
    static STRINGS: OnceLock<crate::site::Strings> = OnceLock::new();
    STRINGS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        crate::site::Strings::load(&dir).expect("the bundled theme's strings load")
    })
}

/// A tiny XML well-formedness check for the SVG we emit: tags balance and nest, attribute
/// values are quoted, text holds no raw `<` or unescaped `&`.
pub fn assert_well_formed(xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        assert_text_ok(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('>').expect("every tag closes");
        let tag = &after[..close];
        assert!(!tag.contains('<'), "a `<` inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            let top = stack.pop().expect("a closing tag has an opening tag");
            assert_eq!(top, name.trim(), "tags nest");
        } else {
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name = body.split_whitespace().next().expect("a tag has a name");
            assert_eq!(
                body.matches('"').count() % 2,
                0,
                "attribute values are quoted: {tag}"
            );
            if !self_closing {
                stack.push(name.to_owned());
            }
        }
        rest = &after[close + 1..];
    }
    assert_text_ok(rest);
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
}

fn assert_text_ok(text: &str) {
    assert!(!text.contains('>'), "a raw `>` in text: {text}");
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        let entity = &rest[amp..];
        let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .any(|e| entity.starts_with(e));
        assert!(ok, "an unescaped `&` in text: {text}");
        rest = &rest[amp + 1..];
    }
}
