//! The module graph (issue #13): imports point one way, from the pipeline's early stages to its
//! late ones, with no cycle; and docs/ARCHITECTURE.md shows the graph the code has.
//!
//! The graph is read from the source: every `crate::…` and `super::…` path outside test code
//! (the `#[cfg(test)]` module at the end of a file, and test-only files) is an edge from the
//! file's module to the deepest module the path names. Two graphs are checked:
//! - the top-level modules (`load`, `render` …): no cycle, and no edge from a layer to a later
//!   one ([`LAYERS`]);
//! - the children of each directory module (`render::svg`, `model::date` …): no cycle among
//!   siblings. A parent's own file (`mod.rs`) declares and re-exports its children, so edges
//!   between it and them are not counted.
//!
//! `CASEBOOK_BLESS=1 cargo test architecture` rewrites the graph in docs/ARCHITECTURE.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::repo;

/// The top-level modules, earliest stage first. A module may import from its own layer and
/// earlier ones, never from a later one.
const LAYERS: &[&[&str]] = &[
    &["diag", "timing", "walk", "write"],
    &["model"],
    &["yaml"],
    &["config"],
    &["load"],
    &["validate"],
    &["site"],
    &["compare"],
    &["render", "data", "search", "schema"],
    &["build"],
    &["serve"],
    &["cli", "crate"],
];

/// Files that only tests compile.
const TEST_ONLY: &[&str] = &["testutil"];

type Module = Vec<String>;

struct Source {
    module: Module,
    /// Whether the file is the module's own `mod.rs` (or `lib.rs`).
    is_dir_root: bool,
    code: String,
}

fn sources() -> Vec<Source> {
    let src = repo().join("src");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap().with_extension("");
        let mut module: Module = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if module == ["main"] {
            continue; // The binary: a separate crate that calls the library.
        }
        let is_dir_root = module.last().is_some_and(|m| m == "mod") || module == ["lib"];
        if is_dir_root {
            module.pop();
        }
        if TEST_ONLY.iter().any(|t| module == [*t]) {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        out.push(Source {
            module,
            is_dir_root,
            code: without_tests(&text),
        });
    }
    out
}

/// The text before the file's inline `#[cfg(test)] mod … {` block (by convention, its last
/// item), without comment lines.
fn without_tests(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let cut = lines.windows(2).position(|w| {
        w[0].trim() == "#[cfg(test)]" && {
            let next = w[1].trim();
            (next.starts_with("mod ") || next.starts_with("pub(crate) mod ")) && next.ends_with('{')
        }
    });
    let keep = cut.map_or(&lines[..], |i| &lines[..i]);
    keep.iter()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Every module path named after `crate::` / `super::` in `code` (before any `::{` group,
/// whose members are expanded), resolved against the file's module.
fn paths(code: &str, module: &[String]) -> Vec<Module> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &code[i..];
        let starts_word = i == 0 || !is_ident(bytes[i - 1] as char) && bytes[i - 1] != b':';
        let head = ["$crate::", "crate::", "super::"]
            .into_iter()
            .find(|h| rest.starts_with(h));
        let (Some(head), true) = (head, starts_word || rest.starts_with("$crate::")) else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // The module the path starts from: the crate root, or the parent of this file's module.
        let mut base: Module = if head.ends_with("crate::") {
            Vec::new()
        } else {
            // `super` is the parent of the file's module, whether the file is the module's
            // `mod.rs` or a file of its own.
            module[..module.len().saturating_sub(1)].to_vec()
        };
        let mut j = i + head.len();
        while code[j..].starts_with("super::") {
            base.pop();
            j += "super::".len();
        }
        let (segs, end) = segments(code, j);
        for group in segs {
            let mut path = base.clone();
            path.extend(group);
            out.push(path);
        }
        i = end.max(i + 1);
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The path segments starting at `at`, expanding one `{a, b::c}` group: one list per path.
fn segments(code: &str, at: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    let mut j = at;
    loop {
        let word: String = code[j..].chars().take_while(|c| is_ident(*c)).collect();
        if word.is_empty() {
            break;
        }
        j += word.len();
        prefix.push(word);
        if code[j..].starts_with("::") {
            j += 2;
        } else {
            return (vec![prefix], j);
        }
    }
    if !code[j..].starts_with('{') {
        return (vec![prefix], j);
    }
    let close = code[j..].find('}').map_or(code.len(), |c| j + c);
    let groups = code[j + 1..close]
        .split(',')
        .map(|member| {
            let mut path = prefix.clone();
            path.extend(
                member
                    .split("::")
                    .map(|s| s.trim().chars().take_while(|c| is_ident(*c)).collect())
                    .take_while(|s: &String| !s.is_empty()),
            );
            path
        })
        .collect();
    (groups, close + 1)
}

/// Paths that start with a child module's bare name (`use cli::Cli`, `build::check(…)`): in
/// a module's own file, children are in scope without `self::`.
fn child_paths(code: &str, module: &[String], modules: &BTreeSet<Module>) -> Vec<Module> {
    let children = modules
        .iter()
        .filter(|m| m.len() == module.len() + 1 && m.starts_with(module));
    let mut out = Vec::new();
    for child in children {
        let word = format!("{}::", child[module.len()]);
        let named = code.match_indices(&word).any(|(at, _)| {
            let before = code[..at].chars().next_back();
            before.is_none_or(|c| !is_ident(c) && c != ':')
        });
        if named {
            out.push(child.clone());
        }
    }
    out
}

/// The deepest known module that `path` names (its leading segments), if any.
fn module_of(path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|m| modules.contains(m))
}

/// Module → the modules it imports, over the whole crate, at full depth.
fn edges() -> BTreeMap<Module, BTreeSet<Module>> {
    let sources = sources();
    let modules: BTreeSet<Module> = sources.iter().map(|s| s.module.clone()).collect();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for s in &sources {
        let entry = edges.entry(s.module.clone()).or_default();
        let mut found = paths(&s.code, &s.module);
        if s.is_dir_root {
            found.extend(child_paths(&s.code, &s.module, &modules));
        }
        for path in found {
            let target = module_of(&path, &modules).unwrap_or_default();
            if target != s.module {
                entry.insert(target);
            }
        }
    }
    edges
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// The graph between the children of `parent` (all top-level modules for `[]`), by name.
fn level(edges: &BTreeMap<Module, BTreeSet<Module>>, parent: &[String]) -> Graph {
    let child = |m: &Module| -> Option<String> {
        (m.len() > parent.len() && m.starts_with(parent)).then(|| m[parent.len()].clone())
    };
    let mut graph = Graph::new();
    for (from, tos) in edges {
        // At the top level, the crate root is a node of its own.
        let a = match child(from) {
            Some(a) => a,
            None if parent.is_empty() => "crate".into(),
            None => continue,
        };
        graph.entry(a.clone()).or_default();
        for to in tos {
            let b = match child(to) {
                Some(b) => b,
                None if parent.is_empty() => "crate".into(),
                None => continue,
            };
            if a != b {
                graph.entry(a.clone()).or_default().insert(b);
            }
        }
    }
    graph
}

type Graph = BTreeMap<String, BTreeSet<String>>;

/// One cycle of `graph`, if it has any.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        graph: &Graph,
        node: &str,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_owned(), 1);
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let at = stack.iter().position(|s| s == next).unwrap_or(0);
                    let mut c = stack[at..].to_vec();
                    c.push(next.clone());
                    return Some(c);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(graph, next, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if !state.contains_key(node) {
            if let Some(c) = visit(graph, node, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level graph as docs/ARCHITECTURE.md prints it: one line per module, in layer order.
fn graph_text(top: &Graph) -> String {
    let mut out = String::new();
    for l in LAYERS {
        for m in *l {
            let deps: Vec<&str> = top
                .get(*m)
                .map(|d| d.iter().map(String::as_str).collect())
                .unwrap_or_default();
            if deps.is_empty() {
                out.push_str(&format!("{m}\n"));
            } else {
                out.push_str(&format!("{m:<9} → {}\n", deps.join(", ")));
            }
        }
    }
    out
}

#[test]
fn the_top_level_modules_import_one_way() {
    let top = level(&edges(), &[]);
    for module in top.keys() {
        assert!(
            layer(module).is_some(),
            "the module `{module}` has no layer: add it to LAYERS in tests/it/architecture.rs \
             where it belongs in the pipeline"
        );
    }
    let mut upward = Vec::new();
    for (from, tos) in &top {
        for to in tos {
            if layer(to) > layer(from) {
                upward.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports reach up the pipeline (a stage may use earlier stages only): {upward:?}"
    );
    assert_eq!(cycle(&top), None, "the top-level modules have a cycle");
}

#[test]
fn no_module_has_a_cycle_among_its_children() {
    let edges = edges();
    let parents: BTreeSet<Module> = edges
        .keys()
        .filter(|m| !m.is_empty())
        .map(|m| m[..m.len() - 1].to_vec())
        .collect();
    for parent in parents {
        let graph = level(&edges, &parent);
        if let Some(c) = cycle(&graph) {
            panic!(
                "the children of `{}` import each other in a cycle: {}",
                name(&parent),
                c.join(" → ")
            );
        }
    }
}

#[test]
fn architecture_md_shows_the_module_graph_of_the_code() {
    const OPEN: &str = "<!-- module-graph: kept current by tests/it/architecture.rs -->\n```text\n";
    const CLOSE: &str = "```\n<!-- /module-graph -->";
    let path = repo().join("docs/ARCHITECTURE.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let start = doc
        .find(OPEN)
        .expect("docs/ARCHITECTURE.md has the module-graph block")
        + OPEN.len();
    let end = start
        + doc[start..]
            .find(CLOSE)
            .expect("the module-graph block is closed");
    let want = graph_text(&level(&edges(), &[]));
    if doc[start..end] != want && std::env::var_os("CASEBOOK_BLESS").is_some() {
        std::fs::write(&path, format!("{}{want}{}", &doc[..start], &doc[end..])).unwrap();
        return;
    }
    assert_eq!(
        doc[start..end],
        want,
        "docs/ARCHITECTURE.md's module graph is not the code's: run \
         `CASEBOOK_BLESS=1 cargo test architecture` and review the change"
    );
}

#[test]
fn the_reader_resolves_paths_as_rustc_does() {
    let module = |s: &str| -> Module { s.split("::").map(str::to_owned).collect() };
    let code = "use super::{coord, xml_escape};\nuse crate::model::{number, Lang};\nlet x = crate::site::Route::Home;\n";
    let got = paths(code, &module("render::svg::timeline"));
    let want: Vec<Module> = [
        "render::svg::coord",
        "render::svg::xml_escape",
        "model::number",
        "model::Lang",
        "site::Route::Home",
    ]
    .iter()
    .map(|s| module(s))
    .collect();
    assert_eq!(got, want);
    // In a directory module's own file, `super` is the parent of the directory.
    let got = paths("use super::Kind;", &module("model::date"));
    assert_eq!(got, vec![module("model::Kind")]);
    // A cycle is found, and a graph without one passes.
    let mut g = Graph::new();
    g.entry("a".into()).or_default().insert("b".into());
    g.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle(&g), None);
    g.entry("c".into()).or_default().insert("a".into());
    assert_eq!(cycle(&g).map(|c| c.len()), Some(4));
    assert!(Path::new(&repo().join("src/lib.rs")).is_file());
}
