//! The search page: where the browser finds the index and the script that reads it (the
//! form, the labels and the links around it come from the base view and the UI strings).

use serde::Serialize;

use crate::model::Lang;
use crate::site::Site;

#[derive(Serialize)]
pub struct SearchView {
    /// The directory of this language's search index.
    pub index: String,
    pub script: String,
}

pub fn view(site: &Site, lang: Lang) -> SearchView {
    SearchView {
        index: site.routes.search_index(lang),
        script: site.routes.static_file("search/search.js"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::view::tests::site;

    #[test]
    fn the_page_finds_its_language_index() {
        let v = view(&site(), Lang::En);
        assert_eq!(v.index, "/search/en/");
        assert_eq!(v.script, "/static/search/search.js");
    }
}
