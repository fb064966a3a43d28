//! The status sheets' issues grouped by theme (an editorial classification), each with its
//! policies and the roles taken in it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{nav, NavLink, Section, Ui};
use crate::model::sheet::IssueRow;
use crate::model::{Body, TermList, Text};
use crate::render::view::parts::Scope;
use crate::site::{RecordRef, RegionRef, Route, Site};

#[derive(Serialize)]
pub struct IssuesView {
    pub nav: Vec<NavLink>,
    /// In the themes' vocabulary order; issues without a theme last.
    pub themes: Vec<ThemeIssues>,
}

/// A theme and its issues.
#[derive(Serialize)]
pub struct ThemeIssues {
    /// The section's heading id: `theme-{id}`, `theme-none` for issues without a theme.
    pub anchor: String,
    pub name: Text,
    /// The theme's page; none for issues without a theme.
    pub url: Option<String>,
    pub issues: Vec<IssueView>,
}

/// An issue of a status sheet, with its region's policies and roles.
#[derive(Serialize)]
pub struct IssueView {
    pub region: RegionRef,
    pub record: RecordRef,
    pub issue: Text,
    pub policies: Vec<Text>,
    pub roles: Vec<RoleView>,
}

/// What one actor does: named as the sheet's column heading, or as the actor.
#[derive(Serialize)]
pub struct RoleView {
    pub actor: Text,
    pub text: Text,
}

pub fn view(site: &Site, ui: Ui, scope: Scope) -> IssuesView {
    let lang = ui.lang;
    let mut by_theme: BTreeMap<&str, Vec<IssueView>> = BTreeMap::new();
    for r in &site.corpus.records {
        let Body::StatusSheet(s) = &r.body else {
            continue;
        };
        if !scope.lists(site, &s.region) {
            continue;
        }
        for issue in &s.strengths.issues {
            // An issue without a theme is listed once, under no theme (the key "").
            let keys: Vec<&str> = if issue.themes.is_empty() {
                vec![""]
            } else {
                issue.themes.iter().map(|t| t.as_str()).collect()
            };
            for theme in keys {
                let view = IssueView {
                    region: site.region_ref(&s.region, lang),
                    record: site.record_ref(r, lang),
                    issue: issue.issue.clone(),
                    policies: issue.policies.clone(),
                    roles: roles(site, issue),
                };
                by_theme.entry(theme).or_default().push(view);
            }
        }
    }
    let order: Vec<&str> = site
        .terms(TermList::Themes)
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let mut themes: Vec<(usize, ThemeIssues)> = by_theme
        .into_iter()
        .map(|(id, issues)| {
            let at = order.iter().position(|o| *o == id).unwrap_or(usize::MAX);
            (at, theme_issues(site, ui, id, issues))
        })
        .collect();
    themes.sort_by_key(|(at, _)| *at);
    IssuesView {
        nav: nav(site, ui, Section::Issues),
        themes: themes.into_iter().map(|(_, t)| t).collect(),
    }
}

fn theme_issues(site: &Site, ui: Ui, id: &str, issues: Vec<IssueView>) -> ThemeIssues {
    if id.is_empty() {
        let unclassified = ui.get("unclassified");
        return ThemeIssues {
            anchor: "theme-none".to_owned(),
            name: Text::new(unclassified, unclassified),
            url: None,
            issues,
        };
    }
    ThemeIssues {
        anchor: format!("theme-{id}"),
        name: site.term_name(TermList::Themes, id),
        url: Some(site.routes.url(ui.lang, Route::Term(TermList::Themes, id))),
        issues,
    }
}

/// The roles of an issue, each named by the sheet's column heading or else by its actor.
fn roles(site: &Site, issue: &IssueRow) -> Vec<RoleView> {
    issue
        .roles
        .iter()
        .map(|r| RoleView {
            actor: r
                .label
                .clone()
                .unwrap_or_else(|| site.term_name(TermList::Actors, &r.actor)),
            text: r.text.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::testutil::{corpus, theme_strings};

    #[test]
    fn issues_are_grouped_by_theme_in_vocabulary_order_with_named_roles() {
        let site = Site::new(corpus());
        let v = view(&site, theme_strings().ui(Lang::Ja), Scope::All);
        let order: Vec<&str> = site
            .terms(TermList::Themes)
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        let anchors: Vec<&str> = v.themes.iter().map(|t| t.anchor.as_str()).collect();
        let mut sorted = anchors.clone();
        sorted.sort_by_key(|a| {
            order
                .iter()
                .position(|o| Some(*o) == a.strip_prefix("theme-"))
        });
        assert_eq!(anchors, sorted);
        let transition = v
            .themes
            .iter()
            .find(|t| t.anchor == "theme-community-transition")
            .expect("community transition has issues");
        assert_eq!(
            transition.url.as_deref(),
            Some("/ja/themes/community-transition/")
        );
        let issue = transition
            .issues
            .iter()
            .find(|i| {
                i.issue
                    .ja
                    .contains("地域移行支援に積極的に取り組む相談支援事業所が少ない")
            })
            .expect("Kumamoto's issue");
        assert!(!issue.roles.is_empty());
        // Roles without a heading of their own are named by their actor.
        assert!(v
            .themes
            .iter()
            .flat_map(|t| &t.issues)
            .flat_map(|i| &i.roles)
            .any(|r| r.actor.ja == "行政"));
    }

    #[test]
    fn issues_without_a_theme_are_unclassified() {
        let site = Site::new(corpus());
        let ui = theme_strings().ui(Lang::En);
        let t = theme_issues(&site, ui, "", Vec::new());
        assert_eq!(t.anchor, "theme-none");
        assert_eq!(t.name.get(Lang::En).text, "Not classified");
        assert!(t.url.is_none());
    }
}
