#!/usr/bin/env python3
"""Text coverage of the source documents in the built Japanese pages.

For each seed (../shared/seeds/*.txt by default), the share of its text — NFKC-normalised,
whitespace removed, cut into overlapping 8-character shingles — that occurs in the text of
the built /ja/ pages (tags removed, same normalisation).

A second figure, `chars`, is the share of the seed's characters that lie in at least one
found shingle. The two differ where the PDF's text order is not the page's: a shingle that
runs across the end of one block into the next (a table read column by column, a running
page header between two sections, a diagram label beside an unrelated one) is missing even
though both sides are on the page. `--show N` lists the N longest runs of characters that no
found shingle covers, so an editor can see what is missing.

A third figure, `layout`, is the coverage once two artefacts of the PDF's text layer are
taken out of the comparison, so that what is left measures wording rather than layout:

- **Running page headers.** A short line (8 characters or fewer) that starts three or more of
  the PDF's pages, and at least 40 % of them (the text layer marks a page's first line with a
  leading space), is page furniture, like 熊本県 at the top of every page of a prefecture's sheet. Those lines are
  dropped from the seed; the same text elsewhere on a page is kept.
- **Tables read down their columns.** The PDF often gives a table's cells column by column
  (all the targets, then all the actuals); the pages give them row by row. Each built table
  is read both ways, so a seed shingle may match either order.

`coverage` stays the figure as first defined (every seed line, page text in document order).

A tool for editors and reviewers, not part of the build or the tests: a user's clone has no
seeds. Usage:

    cargo run --release -- build --out public
    python3 scripts/coverage.py --site public [--seeds ../shared/seeds] [--show 5]
"""

import argparse
import html
import pathlib
import re
import sys
import unicodedata

K = 8

# List bullets and bracket decorations: typography, not wording. Pages show lists as lists
# and headings as headings, so `--ignore-markers` measures wording without them.
MARKERS = "・●○〇◯■□◆◇※【】<>"
IGNORE_MARKERS = False


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    if IGNORE_MARKERS:
        text = text.translate({ord(c): None for c in MARKERS})
    return text


def page_text(path: pathlib.Path) -> str:
    raw = path.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    raw = re.sub(r"<[^>]+>", " ", raw)
    return html.unescape(raw)


def furniture(lines: list) -> set:
    """Running headers: short lines that start three or more of the PDF's pages, and at least
    40 % of them. (A form's field label that starts some pages of a long document is not.)"""
    firsts = [line.strip() for line in lines if line.startswith(" ")]
    starts = {}
    for text in firsts:
        if 0 < len(text) <= 8:
            starts[text] = starts.get(text, 0) + 1
    return {text for text, n in starts.items() if n >= 3 and n >= 0.4 * len(firsts)}


def without_furniture(raw: str) -> str:
    lines = raw.split("\n")
    drop = furniture(lines)
    return "\n".join(l for l in lines if not (l.startswith(" ") and l.strip() in drop))


def cell_text(cell: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", cell))


def tables_by_column(path: pathlib.Path) -> list:
    """Each table of a page read down its columns, one text per table."""
    raw = path.read_text(encoding="utf-8")
    texts = []
    for table in re.findall(r"<table\b.*?</table>", raw, flags=re.S):
        rows = [
            re.findall(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", tr, flags=re.S)
            for tr in re.findall(r"<tr\b.*?</tr>", table, flags=re.S)
        ]
        width = max((len(r) for r in rows), default=0)
        texts.append(" ".join(cell_text(r[c]) for c in range(width) for r in rows if c < len(r)))
    return texts


def shingles(text: str) -> set:
    return {text[i : i + K] for i in range(len(text) - K + 1)}


def covered_chars(seed: str, site: set) -> list:
    """Whether each character of `seed` lies in a shingle found on the site."""
    covered = [False] * len(seed)
    for i in range(len(seed) - K + 1):
        if seed[i : i + K] in site:
            for j in range(i, i + K):
                covered[j] = True
    return covered


def uncovered_runs(seed: str, covered: list, top: int):
    runs, start = [], None
    for i, c in enumerate(covered + [True]):
        if not c and start is None:
            start = i
        elif c and start is not None:
            runs.append(seed[start:i])
            start = None
    runs.sort(key=len, reverse=True)
    return runs[:top]


def main() -> int:
    here = pathlib.Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", default=str(here / "public"), help="the built site (default: public/)")
    ap.add_argument("--seeds", default=str(here.parent / "shared" / "seeds"), help="directory of seed .txt files")
    ap.add_argument("--show", type=int, default=0, help="print the N longest uncovered runs per seed")
    ap.add_argument("--ignore-markers", action="store_true", help=f"drop list bullets and bracket decorations ({MARKERS}) before comparing")
    args = ap.parse_args()
    global IGNORE_MARKERS
    IGNORE_MARKERS = args.ignore_markers

    site_dir = pathlib.Path(args.site) / "ja"
    pages = sorted(site_dir.rglob("*.html"))
    if not pages:
        print(f"no pages under {site_dir}: build the site first", file=sys.stderr)
        return 2
    site, by_column = set(), set()
    for p in pages:
        site |= shingles(normalise(page_text(p)))
        for t in tables_by_column(p):
            by_column |= shingles(normalise(t))
    by_column |= site
    seeds = sorted(pathlib.Path(args.seeds).glob("*.txt"))
    if not seeds:
        print(f"no seeds under {args.seeds}", file=sys.stderr)
        return 2
    print(f"{'seed':<28} {'shingles':>9} {'found':>9} {'coverage':>9} {'chars':>7} {'layout':>7}")
    for s in seeds:
        raw = s.read_text(encoding="utf-8")
        text = normalise(raw)
        sh = shingles(text)
        found = sum(1 for x in sh if x in site)
        share = found / len(sh) if sh else 1.0
        covered = covered_chars(text, site)
        chars = sum(covered) / len(text) if text else 1.0
        laid = shingles(normalise(without_furniture(raw)))
        layout = sum(1 for x in laid if x in by_column) / len(laid) if laid else 1.0
        print(f"{s.name:<28} {len(sh):>9} {found:>9} {share:>8.1%} {chars:>6.1%} {layout:>6.1%}")
        for run in uncovered_runs(text, covered, args.show):
            print(f"    missing ({len(run)} chars): {run[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
