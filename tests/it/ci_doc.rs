//! docs/CI.md (issue #16 item 6): its GitHub Actions workflow is read with Casebook's own YAML
//! reader, and the commands it runs are run, with the test's binary, on the bundled handbook
//! and on a site with a problem. `act` is not available where this was written, so the
//! workflow is not run end to end.

use serde_json::Value;

use crate::support::{bin, repo, TestSite};

/// The workflow: the first `yaml` block of docs/CI.md.
fn workflow() -> Value {
    let doc = std::fs::read_to_string(repo().join("docs/CI.md")).unwrap();
    let block = doc
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a yaml block");
    let node = casebook::yaml::parse(block)
        .root
        .expect("the workflow parses");
    let mut diags = Vec::new();
    casebook::yaml::typed::<Value>(&node, "docs/CI.md", &mut diags).expect("a mapping")
}

/// The `run:` commands of a job, in order.
fn runs(w: &Value, job: &str) -> Vec<String> {
    w["jobs"][job]["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("job {job}"))
        .iter()
        .filter_map(|s| s["run"].as_str().map(str::to_owned))
        .collect()
}

/// A workflow command as the test runs it: `target/release/casebook ARGS` with the test's
/// binary; only Casebook's own commands are run.
fn casebook_args(command: &str) -> Option<Vec<String>> {
    let rest = command.strip_prefix("target/release/casebook ")?;
    Some(rest.split_whitespace().map(str::to_owned).collect())
}

#[test]
fn pull_requests_are_checked_and_merges_published() {
    let w = workflow();
    assert!(w["on"].get("pull_request").is_some(), "{}", w["on"]);
    assert_eq!(w["on"]["push"]["branches"][0], "main");
    let check = runs(&w, "check");
    assert_eq!(
        check.last().map(String::as_str),
        Some("target/release/casebook check --format github --strict")
    );
    let publish = runs(&w, "publish");
    assert!(publish.contains(&"target/release/casebook build --out public --strict".to_owned()));
    assert_eq!(w["jobs"]["publish"]["needs"], "check");
    assert_eq!(w["jobs"]["publish"]["if"], "github.event_name == 'push'");
    let steps = w["jobs"]["publish"]["steps"].as_array().unwrap();
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))
        })
        .expect("the site is uploaded");
    assert_eq!(upload["with"]["path"], "public");
    for job in ["check", "publish"] {
        let uses: Vec<&str> = w["jobs"][job]["steps"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["uses"].as_str())
            .collect();
        assert!(
            uses.iter().any(|u| u.starts_with("Swatinem/rust-cache")),
            "{job}: {uses:?}"
        );
    }
}

#[test]
fn its_commands_pass_on_the_handbook() {
    let w = workflow();
    let out = tempfile::tempdir().unwrap();
    for command in runs(&w, "check").iter().chain(&runs(&w, "publish")) {
        let Some(mut args) = casebook_args(command) else {
            continue;
        };
        // `--out public` writes into the checkout on the runner; here, into a temporary
        // directory.
        if let Some(i) = args.iter().position(|a| a == "public") {
            args[i] = out.path().join("public").to_string_lossy().into_owned();
        }
        let run = bin().current_dir(repo()).args(&args).output().unwrap();
        assert_eq!(
            run.status.code(),
            Some(0),
            "{command}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&run.stdout), "", "{command}");
    }
    assert!(out.path().join("public/ja/index.html").is_file());
}

#[test]
fn a_problem_is_an_annotation_at_its_place() {
    let w = workflow();
    let check = runs(&w, "check");
    let args = casebook_args(check.last().unwrap()).unwrap();
    let site = TestSite::fixture("minimal");
    site.write(
        "content/regions/south-area.yaml",
        "name: {ja: 南部圏域}\nkind: area\nparent: sample-pref\n",
    );
    let run = site.run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(run.status.code(), Some(1));
    let stdout = String::from_utf8(run.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    assert!(
        lines[0].starts_with(
            "::error file=content/regions/south-area.yaml,line=1,col=7,title=missing-translation::"
        ),
        "{stdout}"
    );
}
