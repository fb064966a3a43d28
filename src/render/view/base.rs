//! What every page prints around its own content (`base.html`): the language links, the main
//! navigation with the page's section marked, the breadcrumbs and the footer links. Every
//! link comes from the site's routes.

use serde::Serialize;

use super::Ui;
use crate::load::Record;
use crate::model::{Body, Kind, Lang, TermList};
use crate::site::{Route, Site};

/// The navigation section a page belongs to, marked `aria-current` in the main navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// The home page and the not-found page belong to none.
    None,
    /// A kind's index and its records' pages.
    Kind(Kind),
    /// A tag vocabulary's index and its tags' pages.
    Tags(TermList),
    Glossary,
    Search,
    /// The comparison pages and the indicators.
    Compare,
}

/// A step of the breadcrumbs above a page.
#[derive(Clone, Debug, Serialize)]
pub struct Crumb {
    pub name: String,
    pub url: String,
}

/// An entry of the main navigation.
#[derive(Clone, Debug, Serialize)]
pub struct NavLink {
    pub url: String,
    pub label: String,
    /// The page is in this entry's section.
    pub current: bool,
}

/// The pages and files every page may link to.
#[derive(Clone, Debug, Serialize)]
pub struct Links {
    pub home: String,
    pub search: String,
    pub compare: String,
    pub glossary: String,
    pub themes: String,
    pub regions: String,
    /// All records as JSON.
    pub open_data: String,
    pub stylesheet: String,
    pub highlight: String,
}

/// What every page's template gets besides its own data, as `base`.
#[derive(Serialize)]
pub struct BaseView {
    pub lang: &'static str,
    pub other_lang: &'static str,
    /// `{base_path}{lang}/`: the home page of this language.
    pub root: String,
    /// Where the site is served: the language choice.
    pub base_path: String,
    /// This page in the other language (the language switcher keeps the reader here).
    pub alternate: String,
    /// This page's own URL.
    pub url: String,
    /// Below the language root; the home page is empty.
    pub path: String,
    pub title: String,
    pub site_title: String,
    pub site_description: String,
    /// The way here from the home page (empty on the home page).
    pub crumbs: Vec<Crumb>,
    pub nav: Vec<NavLink>,
    pub links: Links,
}

/// The main navigation: its sections, their pages and labels, in order.
const NAV: [(Section, &str); 9] = [
    (Section::Kind(Kind::Regions), "regions"),
    (Section::Kind(Kind::StatusSheets), "nav_status_sheets"),
    (Section::Kind(Kind::Outcomes), "nav_outcomes"),
    (Section::Kind(Kind::Cases), "nav_cases"),
    (Section::Kind(Kind::Practices), "nav_practices"),
    (Section::Kind(Kind::Analyses), "nav_analyses"),
    (Section::Compare, "compare"),
    (Section::Tags(TermList::Themes), "themes"),
    (Section::Glossary, "glossary"),
];

impl Section {
    /// The page a navigation entry for this section leads to.
    fn route(self) -> Route<'static> {
        match self {
            Section::Kind(k) => Route::KindIndex(k),
            Section::Tags(list) => Route::TermIndex(list),
            Section::Glossary => Route::Glossary,
            Section::Search => Route::Search,
            Section::Compare => Route::Compare,
            Section::None => Route::Home,
        }
    }
}

/// The frame of the page at `route`. `crumbs` lead from the home page to the page's parent;
/// the home page's own crumb is added here.
pub fn view(
    site: &Site,
    ui: Ui,
    route: Route,
    section: Section,
    title: String,
    mut crumbs: Vec<Crumb>,
) -> BaseView {
    let (lang, routes, config) = (ui.lang, &site.routes, &site.corpus.config);
    if route != Route::Home {
        crumbs.insert(
            0,
            Crumb {
                name: ui.get("home").to_owned(),
                url: routes.url(lang, Route::Home),
            },
        );
    }
    BaseView {
        lang: lang.code(),
        other_lang: lang.other().code(),
        root: routes.lang_root(lang),
        base_path: routes.base().to_owned(),
        alternate: routes.url(lang.other(), route),
        url: routes.url(lang, route),
        path: route.path(),
        title,
        site_title: config.title.get(lang).text.to_owned(),
        site_description: config
            .description
            .as_ref()
            .map(|d| d.get(lang).text.to_owned())
            .unwrap_or_default(),
        crumbs,
        nav: NAV
            .iter()
            .map(|&(s, label)| NavLink {
                url: routes.url(lang, s.route()),
                label: ui.get(label).to_owned(),
                current: s == section,
            })
            .collect(),
        links: links(site, lang),
    }
}

fn links(site: &Site, lang: Lang) -> Links {
    let routes = &site.routes;
    Links {
        home: routes.url(lang, Route::Home),
        search: routes.url(lang, Route::Search),
        compare: routes.url(lang, Route::Compare),
        glossary: routes.url(lang, Route::Glossary),
        themes: routes.url(lang, Route::TermIndex(TermList::Themes)),
        regions: routes.url(lang, Route::KindIndex(Kind::Regions)),
        open_data: routes.data("records.json"),
        stylesheet: routes.static_file("style.css"),
        highlight: routes.static_file("highlight.css"),
    }
}

/// The way to a record's page: its region's prefecture and the regions between (a region's
/// page: its parents), or the kind's index for a record about no region.
pub fn record_crumbs(site: &Site, ui: Ui, r: &Record) -> Vec<Crumb> {
    let lang = ui.lang;
    let region = match &r.body {
        Body::Region(reg) => reg.parent.as_deref(),
        body => body.region(),
    };
    let Some(region) = region else {
        return if r.kind == Kind::Regions {
            Vec::new()
        } else {
            vec![Crumb {
                name: ui.kinds_name(r.kind),
                url: site.routes.url(lang, Route::KindIndex(r.kind)),
            }]
        };
    };
    let mut chain = vec![region];
    let mut cur = region;
    // Parents are validated, but a cycle must not hang the build: stop at a repeat or at a
    // depth no real hierarchy reaches.
    while let Some(p) = site.regions.get(cur).and_then(|r| r.parent.as_deref()) {
        if chain.contains(&p) || chain.len() > 6 {
            break;
        }
        chain.push(p);
        cur = p;
    }
    chain
        .into_iter()
        .rev()
        .map(|id| {
            let rr = site.region_ref(id, lang);
            Crumb {
                name: rr.name.get(lang).text.to_owned(),
                url: rr.url,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::view::tests::{record, site, strings};

    #[test]
    fn the_navigation_marks_the_page_section_and_links_come_from_the_routes() {
        let (site, strings) = (site(), strings());
        let ui = strings.ui(Lang::En);
        let route = Route::KindIndex(Kind::Cases);
        let v = view(
            &site,
            ui,
            route,
            Section::Kind(Kind::Cases),
            "T".into(),
            vec![],
        );
        let current: Vec<&str> = v
            .nav
            .iter()
            .filter(|n| n.current)
            .map(|n| n.url.as_str())
            .collect();
        assert_eq!(current, ["/en/cases/"]);
        assert_eq!(v.nav[0].url, "/en/regions/");
        assert_eq!(v.nav[0].label, "Regions");
        assert_eq!(v.nav[8].url, "/en/glossary/");
        assert_eq!(v.alternate, "/ja/cases/");
        assert_eq!(v.links.open_data, "/data/records.json");
        assert_eq!(v.links.stylesheet, "/static/style.css");
        assert_eq!(v.crumbs.len(), 1, "the home page's crumb");
        assert_eq!(v.crumbs[0].name, "Home");
        let home = view(&site, ui, Route::Home, Section::None, "T".into(), vec![]);
        assert!(home.crumbs.is_empty() && home.nav.iter().all(|n| !n.current));
    }

    #[test]
    fn a_record_crumbs_lead_through_its_prefecture() {
        let (site, strings) = (site(), strings());
        let ui = strings.ui(Lang::Ja);
        let sheet = record("kagoshima-pref-sheet");
        let names: Vec<String> = record_crumbs(&site, ui, sheet)
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["鹿児島県"]);
        let page = site
            .corpus
            .records
            .iter()
            .find(|r| r.kind == Kind::Pages)
            .expect("a handbook page");
        let crumbs = record_crumbs(&site, ui, page);
        assert_eq!(crumbs[0].name, "解説");
        assert_eq!(crumbs[0].url, "/ja/pages/");
    }
}
