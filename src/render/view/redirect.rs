//! The language choice at the site's root (`/index.html`): it sends the browser to the
//! language it prefers, and lists both for readers without scripts.

use serde::Serialize;

use crate::model::Lang;
use crate::site::{Site, Strings};

#[derive(Serialize)]
pub struct RedirectView {
    /// The site's title in each language.
    pub title_ja: String,
    pub title_en: String,
    /// The home page of each language; Japanese, the source language, is the default.
    pub ja: String,
    pub en: String,
    pub languages: Vec<Language>,
}

/// A language's home page, named in its own language.
#[derive(Serialize)]
pub struct Language {
    pub code: &'static str,
    pub url: String,
    pub name: String,
}

pub fn view(site: &Site, strings: &Strings) -> RedirectView {
    let title = &site.corpus.config.title;
    RedirectView {
        title_ja: title.ja.clone(),
        title_en: title.en.clone().unwrap_or_default(),
        ja: site.routes.lang_root(Lang::Ja),
        en: site.routes.lang_root(Lang::En),
        languages: Lang::ALL
            .iter()
            .map(|&lang| Language {
                code: lang.code(),
                url: site.routes.lang_root(lang),
                name: strings
                    .ui(lang)
                    .all()
                    .get("language_name")
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::view::tests::{site, strings};

    #[test]
    fn both_languages_are_offered_in_their_own_names() {
        let v = view(&site(), strings());
        let names: Vec<(&str, &str, &str)> = v
            .languages
            .iter()
            .map(|l| (l.code, l.url.as_str(), l.name.as_str()))
            .collect();
        assert_eq!(names, [("ja", "/ja/", "日本語"), ("en", "/en/", "English")]);
        assert_eq!((v.ja.as_str(), v.en.as_str()), ("/ja/", "/en/"));
        assert!(!v.title_ja.is_empty() && !v.title_en.is_empty());
    }
}
