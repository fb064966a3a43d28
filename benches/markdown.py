#!/usr/bin/env python3
"""Build pathological Markdown and report the time and peak memory of each build.

Each case is one page (`content/pages/hostile.yaml`) laid over a copy of
`tests/fixtures/minimal/`; `casebook check` and `casebook build` run on it on one core
(`taskset -c 0`) under `/usr/bin/time -v`. The issue's bound (#20) is 1 s and 256 MiB per
content file; a row past it is marked. This is a benchmark, not a test: numbers vary with the
machine and its load.

    cargo build --release
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


def page(body):
    lines = "".join(("    " + l if l else "") + "\n" for l in body.split("\n"))
    return "title: {ja: 攻撃, en: Hostile}\nbody:\n  ja: |\n" + lines + "  en: x\n"


def measure(cmd, timeout):
    """(exit code or 'timeout', wall seconds, peak RSS MiB) of `cmd` on one core."""
    full = ["/usr/bin/time", "-v", "taskset", "-c", "0"] + cmd
    try:
        p = subprocess.run(full, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", float(timeout), float("nan")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", p.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    h, m, s = wall.groups() if wall else (None, "0", "nan")
    secs = int(h or 0) * 3600 + int(m) * 60 + float(s)
    return p.returncode, secs, int(rss.group(1)) / 1024 if rss else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/casebook"))
    ap.add_argument("--case", action="append", help="run only these cases")
    ap.add_argument("--timeout", type=int, default=120, help="seconds before a run is stopped")
    args = ap.parse_args()
    names = args.case or list(CASES)
    print(f"{'case':<22} {'file KiB':>8}  {'check s':>7} {'MiB':>6}  {'build s':>7} {'MiB':>6}  exit")
    over = 0
    with tempfile.TemporaryDirectory(prefix="casebook-md-bench.") as tmp:
        site = os.path.join(tmp, "site")
        shutil.copytree(os.path.join(ROOT, "tests/fixtures/minimal"), site)
        shutil.copytree(os.path.join(ROOT, "themes"), os.path.join(site, "themes"))
        for name in names:
            text = page(CASES[name]())
            path = os.path.join(site, "content/pages/hostile.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            out = os.path.join(tmp, "out")
            shutil.rmtree(out, ignore_errors=True)
            c_rc, c_s, c_m = measure([args.bin, "check", "--root", site], args.timeout)
            b_rc, b_s, b_m = measure([args.bin, "build", "--root", site, "--out", out], args.timeout)
            bad = any(s > 1.0 for s in (c_s, b_s)) or any(m > 256 for m in (c_m, b_m))
            over += bad
            kib = len(text.encode()) / 1024
            flag = "  OVER" if bad else ""
            print(
                f"{name:<22} {kib:8.0f}  {c_s:7.2f} {c_m:6.0f}  {b_s:7.2f} {b_m:6.0f}  "
                f"{c_rc}/{b_rc}{flag}",
                flush=True,
            )
    print(f"{over} of {len(names)} cases over 1 s or 256 MiB")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
