#!/usr/bin/env python3
"""How long one content file of the largest structure `check` accepts takes to build.

Issue #20 asks that every content file build in at most 1 s and 256 MiB on one core, whatever
it holds. Markdown is bounded by its own limits (benches/markdown.py); the structure of a file
(how many rows, items, indicators or glossary terms it lists) is bounded by `yaml::MAX_NODES`.
This script takes real files (of tests/fixtures/minimal, and of the bundled handbook for the
vocabularies every record is matched against), grows the longest list of each to just under
the limit by repeating its items (ids made unique), lays the file over its site in a
temporary directory, and times `check` and `build` on one core (`taskset -c 0`) under
`/usr/bin/time`. It also checks that a file one list item past the limit is refused.

    cargo build --release --bins
    python3 benches/structure.py [--runs 2] [--limit 8000]

Needs PyYAML (Debian: python3-yaml). Prints the base sites' own build, then a Markdown table:
CPU seconds (user + system), median (and maximum) of the runs, and the largest peak RSS in
MiB. Builds write to tmpfs (`--out-dir`, default /dev/shm), so the disk's cost is left out.
"""

import argparse
import copy
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(REPO, "target", "release", "casebook")
MINIMAL = os.path.join(REPO, "tests", "fixtures", "minimal")

# (name, base site, file): the base is "minimal" or "handbook" (the repository root).
FILES = [
    ("status sheet: indicator rows", "minimal", "content/status-sheets/sample-pref-sheet.yaml", "results.indicators"),
    ("status sheet: items of a group", "minimal", "content/status-sheets/sample-pref-sheet.yaml", "basic.groups.0.items"),
    ("status sheet (handbook's largest)", "handbook", "content/status-sheets/kagoshima-pref-sheet.yaml", None),
    ("indicators.yaml", "minimal", "content/vocabularies/indicators.yaml", ""),
    ("categories.yaml", "minimal", "content/vocabularies/categories.yaml", ""),
    ("themes.yaml", "minimal", "content/vocabularies/themes.yaml", ""),
    ("actors.yaml", "minimal", "content/vocabularies/actors.yaml", ""),
    ("glossary.yaml (over the handbook)", "handbook", "content/vocabularies/glossary.yaml", ""),
    ("variants.yaml (over the handbook)", "handbook", "content/vocabularies/variants.yaml", ""),
]


def nodes(tree):
    """Nodes as the loader counts them: keys, values and collections."""
    if isinstance(tree, dict):
        return 1 + sum(1 + nodes(v) for v in tree.values())
    if isinstance(tree, list):
        return 1 + sum(nodes(v) for v in tree)
    return 1


def lists(tree, path=""):
    """Every list in the tree, with its dotted path."""
    if isinstance(tree, list):
        yield path, tree
        for i, item in enumerate(tree):
            yield from lists(item, f"{path}.{i}".lstrip("."))
    elif isinstance(tree, dict):
        for k, v in tree.items():
            yield from lists(v, f"{path}.{k}".lstrip("."))


def at(tree, path):
    for part in filter(None, path.split(".")):
        tree = tree[int(part)] if isinstance(tree, list) else tree[part]
    return tree


def unique(item, n):
    """A copy of `item` whose ids (and glossary/variant spellings) differ from the original."""
    item = copy.deepcopy(item)
    if isinstance(item, dict):
        for key in ("id",):
            if isinstance(item.get(key), str):
                item[key] = f"{item[key]}-x{n}"
        if "ja" in item and isinstance(item["ja"], str) and "id" not in item and len(item) <= 3:
            item["ja"] = f"{item['ja']}{n}"
    elif isinstance(item, list) and all(isinstance(s, str) for s in item):
        item = [f"{s}{n}" for s in item]
    return item


def grow(tree, path, limit):
    """Repeat the items of the list at `path` (the longest list when None) while the tree
    stays within `limit` nodes; returns the number of items."""
    if path is None:
        path, _ = max(lists(tree), key=lambda pl: len(pl[1]))
    target = at(tree, path)
    originals = list(target)
    n = 0
    while True:
        item = unique(originals[n % len(originals)], n)
        cost = nodes(item)
        if nodes(tree) + cost > limit:
            return len(target), item
        target.append(item)
        n += 1


def site(base, rel, tree, work):
    root = os.path.join(work, "site")
    shutil.rmtree(root, ignore_errors=True)
    if base == "minimal":
        shutil.copytree(MINIMAL, root)
    else:
        os.makedirs(root)
        shutil.copy(os.path.join(REPO, "casebook.yaml"), root)
        shutil.copytree(os.path.join(REPO, "content"), os.path.join(root, "content"))
    shutil.copytree(os.path.join(REPO, "themes"), os.path.join(root, "themes"))
    with open(os.path.join(root, rel), "w", encoding="utf-8") as f:
        yaml.safe_dump(tree, f, allow_unicode=True, sort_keys=False, width=1000)
    return root


def measure(args, runs):
    """Median CPU seconds and peak MiB over `runs` runs, with the exit code."""
    cpus, mibs, code = [], [], None
    for _ in range(runs):
        out = subprocess.run(
            ["taskset", "-c", "0", "/usr/bin/time", "-f", "%U %S %M", BIN, *args],
            capture_output=True, text=True, timeout=120,
        )
        user, system, rss = out.stderr.strip().splitlines()[-1].split()
        cpus.append(float(user) + float(system))
        mibs.append(int(rss) / 1024)
        code = out.returncode if code in (None, 0) else code
    return sorted(cpus)[len(cpus) // 2], max(cpus), max(mibs), code


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=8_000, help="yaml::MAX_NODES")
    parser.add_argument("--out-dir", default="/dev/shm", help="where builds write (tmpfs by default, so the disk's cost is left out)")
    opts = parser.parse_args()
    if not os.path.exists(BIN):
        sys.exit(f"no {BIN}: run `cargo build --release --bins` first")
    base = {}
    for name, root in (("minimal", MINIMAL), ("handbook", REPO)):
        with tempfile.TemporaryDirectory(prefix="casebook-structure-", dir=opts.out_dir) as out:
            base[name] = measure(["build", "--root", root, "--out", os.path.join(out, "o")], opts.runs)
        print(f"base site {name}: build {base[name][0]:.2f} s ({base[name][1]:.2f}), {base[name][2]:.0f} MiB")
    out_dir = tempfile.mkdtemp(prefix="casebook-structure-out-", dir=opts.out_dir)
    print("| file | items | nodes | KiB | `check` s | MiB | `build` s | MiB | one item more |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory(prefix="casebook-structure-") as work:
        for name, base, rel, path in FILES:
            source = os.path.join(MINIMAL if base == "minimal" else REPO, rel)
            with open(source, encoding="utf-8") as f:
                tree = yaml.safe_load(f)
            items, extra = grow(tree, path, opts.limit)
            root = site(base, rel, tree, work)
            kib = os.path.getsize(os.path.join(root, rel)) / 1024
            check = measure(["check", "--root", root], opts.runs)
            build = measure(["build", "--root", root, "--out", os.path.join(out_dir, "out"), "--force"], opts.runs)
            if check[3] != 0 or build[3] != 0:
                print(f"{name}: check exit {check[3]}, build exit {build[3]}", file=sys.stderr)
            target = at(tree, path) if path is not None else max((l for _, l in lists(tree)), key=len)
            target.append(extra)
            root = site(base, rel, tree, work)
            past = subprocess.run([BIN, "check", "--root", root, "--format", "json"], capture_output=True, text=True)
            refused = past.returncode == 1 and '"code":"file-too-large"' in past.stdout
            print(
                f"| {name} | {items:,} | {nodes(at(tree, '')) - nodes(extra):,} | {kib:,.0f} "
                f"| {check[0]:.2f} ({check[1]:.2f}) | {check[2]:.0f} "
                f"| {build[0]:.2f} ({build[1]:.2f}) | {build[2]:.0f} | {'refused' if refused else 'NOT REFUSED'} |",
                flush=True,
            )
    shutil.rmtree(out_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
