#!/usr/bin/env python3
"""Build pathological Markdown and report the time and peak memory of each build.

Three tables, each run on one core (`taskset -c 0`) under `/usr/bin/time -v`:

1. hostile: each case is one page (`content/pages/hostile.yaml`, up to the 4 MiB file limit)
   laid over a copy of `tests/fixtures/minimal/`; `casebook check` and `casebook build` run
   on it. `check` must refuse it (exit 1), quickly.
2. render: the same texts cut to 64 KiB (the largest text the renderer parses) rendered by
   `examples/render_markdown.rs`, as a build would if `check` were skipped: the renderer must
   degrade (print the text escaped) rather than hang.
3. at the limits: files that pass `check` while spending every per-text and per-file budget
   (elements, highlighted code, table cells, nesting, paragraph length), with no English so
   each text is rendered on both language pages. `casebook build` must take under 1 s.

The issue's bound (#20) is 1 s and 256 MiB per content file; a row past it is marked. This is
a benchmark, not a test: numbers vary with the machine and its load.

    cargo build --release --bins --examples
    python3 benches/markdown.py [--bin target/release/casebook] [--case NAME ...] [--timeout 120]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIB = 1024 * 1024
# A page's body sits in a block scalar; the file (4 MiB at most) also holds the title.
BUDGET = 4 * MIB - 4096


def fill(unit, budget=BUDGET, indent=4):
    """`unit` repeated to fill the budget, counting the block scalar's indentation per line."""
    per = len(unit.encode()) + indent * unit.count("\n")
    return unit * max(1, budget // per)


def nested_lines(prefix, budget=500_000):
    """Lines `prefix` * i + `x`, each one level deeper, up to about `budget` bytes."""
    out, size, i = [], 0, 0
    while size < budget:
        line = prefix * i + "x"
        out.append(line)
        size += len(line) + 5
        i += 1
    return "\n".join(out) + "\n"


CASES = {
    # Nesting, the first finding: 120–500 KB took 20–47 s.
    "list-one-line": lambda: "- " * 250_000 + "x\n",
    "list-indented": lambda: nested_lines("  ", 500_000).replace("x", "- x"),
    "quote-one-line": lambda: "> " * 250_000 + "x\n",
    "quote-list-mix": lambda: "> - " * 125_000 + "x\n",
    "div-nested": lambda: "<div>" * 100_000 + "x" + "</div>" * 100_000 + "\n",
    "div-lines": lambda: fill("<div>\n", 500_000),
    "span-nested": lambda: "a " + "<span>" * 80_000 + "x\n",
    "b-nested": lambda: "a " + "".join(f"<b id=b{i}>" for i in range(60_000)) + "x\n",
    "table-in-divs": lambda: "<div>" * 5_000 + "<table><tr><td>" * 5_000 + "x\n",
    # Code, the second finding: a one-line block under 4 MiB took 10.9 s and 2.0 GB.
    "code-one-line": lambda: "```rust\n" + "let a = 1; " * (BUDGET // 12) + "\n```\n",
    "code-one-line-yaml": lambda: "```yaml\n" + "{a: [b, " * (BUDGET // 10) + "\n```\n",
    "code-many-lines": lambda: "```rust\n" + fill("let a = \"x\"; // c\n", BUDGET - 64) + "```\n",
    "code-indented": lambda: fill("    let a = 1; /* x */\n", BUDGET - 64),
    "code-no-lang": lambda: "```\n" + "x" * (BUDGET - 64) + "\n```\n",
    # Tables and long lines.
    "table-wide": lambda: "|" + "a|" * 200_000 + "\n|" + "-|" * 200_000 + "\n",
    "table-tall": lambda: "|a|b|\n|-|-|\n" + fill("|1|2|\n", BUDGET - 64),
    "table-square": lambda: (
        "|" + "a|" * 1000 + "\n|" + "-|" * 1000 + "\n" + ("|" + "1|" * 1000 + "\n") * 1000
    ),
    "long-line-text": lambda: "あ" * (BUDGET // 3) + "\n",
    "long-line-emphasis": lambda: "*a " * (BUDGET // 3) + "\n",
    "long-line-strong": lambda: "**a " * (BUDGET // 4) + "\n",
    "long-line-backticks": lambda: "`a " * (BUDGET // 3) + "\n",
    "long-line-links": lambda: "[a](b) " * (BUDGET // 7) + "\n",
    "long-line-html": lambda: "<i>a</i> " * (BUDGET // 9) + "\n",
    "footnotes-many": lambda: fill("x[^a]\n\n[^a]: y\n", BUDGET - 64),
    "entities": lambda: "&amp;" * (BUDGET // 5) + "\n",
    "raw-html-attributes": lambda: "<span " + "a=b " * (BUDGET // 4 - 4) + ">x\n",
    "images-many": lambda: fill("![a](img/x.png) ", BUDGET - 64) + "\n",
    "scripts-many": lambda: fill("<script>x</script>\n", BUDGET - 64),
}


TEXT = 64 * 1024 - 64  # just under rules::MAX_TEXT_BYTES


def units(unit, size=TEXT):
    return unit * (size // len(unit.encode()))


def nested_list(levels):
    return "".join("  " * i + f"- 項目{i}\n" for i in range(levels))


# Files that pass check: (bodies of a case's sections, one Prose each), spending the budgets.
AT_LIMITS = {
    # 2 × ~9,300 links: just under 20,000 elements per file.
    "max-elements-links": lambda: [units("[a](b) "), units("[a](b) ")],
    # footnote references: 2 elements each.
    "max-elements-footnotes": lambda: [units("x[^1] ", 26_000) + "\n\n[^1]: 注\n"] * 2,
    # three tables of 4,900 cells (70 × 70).
    "max-table": lambda: [("|" + "a|" * 70 + "\n|" + "-|" * 70 + "\n" + ("|" + "1|" * 70 + "\n") * 69)] * 3,
    # 16 KiB of Rust in two blocks of 8 KiB with short lines: the per-file highlight budget.
    "max-highlight": lambda: ["```rust\n" + units("let a = \"x\"; // c\n", 8 * 1024 - 32) + "```\n"] * 2,
    # paragraphs of 9,900 `&` (html5ever's serializer is quadratic in a run's `&`s).
    "max-paragraph-amp": lambda: ["\n\n".join(["&" * 9_900] * 6)] * 4,
    # 15 levels of nested lists (30 elements deep) over and over.
    "max-nesting": lambda: [units(nested_list(15) + "\n", TEXT)] * 2,
    # 64 KiB of plain Japanese text in paragraphs, 60 texts: a 4 MiB file of prose.
    "max-text-plain": lambda: [units("あいうえおかきくけこ" * 100 + "\n\n", TEXT)] * 60,
}


def case_file(bodies):
    out = ["region: north-area", "category: peer-support", "title: {ja: 限度, en: Limits}", "sections:"]
    for i, body in enumerate(bodies):
        out.append(f"  - heading: {{ja: 節{i}, en: Section {i}}}")
        out.append("    body:")
        out.append("      ja: |")
        out.extend(("        " + l) if l else "" for l in body.split("\n"))
    return "\n".join(out) + "\n"


def page(body):
    lines = "".join(("    " + l if l else "") + "\n" for l in body.split("\n"))
    return "title: {ja: 攻撃, en: Hostile}\nbody:\n  ja: |\n" + lines + "  en: x\n"


def measure(cmd, timeout):
    """(exit code or 'timeout', CPU seconds (user + system), peak RSS MiB) of `cmd` on one
    core. CPU time, not wall time: the machine is shared, and wall time says more about the
    other jobs than about this one (a timeout is counted as its wall time)."""
    full = ["/usr/bin/time", "-v", "taskset", "-c", "0"] + cmd
    try:
        p = subprocess.run(full, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", float(timeout), float("nan")
    user = re.search(r"User time \(seconds\): ([\d.]+)", p.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", p.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    secs = float(user.group(1)) + float(system.group(1)) if user and system else float("nan")
    return p.returncode, secs, int(rss.group(1)) / 1024 if rss else float("nan")


def row(name, kib, runs, expect):
    """Print one row; whether it is over the bound or exits otherwise than expected."""
    bad = any(t > 1.0 or m > 256 for _, t, m in runs) or any(rc not in expect for rc, _, _ in runs)
    cells = "  ".join(f"{t:7.2f} {m:6.0f}" for _, t, m in runs)
    codes = "/".join(str(rc) for rc, _, _ in runs)
    print(f"{name:<24} {kib:8.0f}  {cells}  {codes}{'  OVER' if bad else ''}", flush=True)
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/casebook"))
    ap.add_argument("--case", action="append", help="run only these cases")
    ap.add_argument("--timeout", type=int, default=120, help="seconds before a run is stopped")
    args = ap.parse_args()
    render_bin = os.path.join(os.path.dirname(args.bin), "examples/render_markdown")
    wanted = lambda table: [n for n in table if not args.case or n in args.case]
    over = total = 0
    with tempfile.TemporaryDirectory(prefix="casebook-md-bench.") as tmp:
        site = os.path.join(tmp, "site")
        shutil.copytree(os.path.join(ROOT, "tests/fixtures/minimal"), site)
        shutil.copytree(os.path.join(ROOT, "themes"), os.path.join(site, "themes"))
        out = os.path.join(tmp, "out")

        def check_and_build(path, text, expect):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            shutil.rmtree(out, ignore_errors=True)
            runs = [measure([args.bin, "check", "--root", site], args.timeout)]
            runs.append(measure([args.bin, "build", "--root", site, "--out", out], args.timeout))
            os.remove(path)
            return len(text.encode()) / 1024, runs

        print(f"1. hostile files        {'file KiB':>8}  {'check s':>7} {'MiB':>6}  {'build s':>7} {'MiB':>6}  exit")
        for name in wanted(CASES):
            kib, runs = check_and_build(os.path.join(site, "content/pages/hostile.yaml"), page(CASES[name]()), {1})
            over += row(name, kib, runs, {1})
            total += 1
        print(f"\n2. render, no check     {'text KiB':>8}  {'render s':>7} {'MiB':>6}  exit")
        for name in wanted(CASES):
            text = CASES[name]().encode()[: 64 * 1024].decode("utf-8", "ignore")
            md = os.path.join(tmp, "text.md")
            with open(md, "w", encoding="utf-8") as f:
                f.write(text)
            over += row(name, len(text.encode()) / 1024, [measure([render_bin, md], args.timeout)], {0})
            total += 1
        print(f"\n3. at the limits         {'file KiB':>8}  {'check s':>7} {'MiB':>6}  {'build s':>7} {'MiB':>6}  exit")
        for name in wanted(AT_LIMITS):
            kib, runs = check_and_build(os.path.join(site, "content/cases/limits.yaml"), case_file(AT_LIMITS[name]()), {0})
            over += row(name, kib, runs, {0})
            total += 1
    print(f"\n{over} of {total} rows over 1 s or 256 MiB, or not exiting as expected")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
