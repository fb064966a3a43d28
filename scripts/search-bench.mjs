#!/usr/bin/env node
// Search benchmark: Casebook's own search against Pagefind on the same built site
// (issue "Search that works in Japanese"; docs/SEARCH.md has the method and the results).
//
//   node scripts/search-bench.mjs --site /tmp/bench-site [options]
//
// For every query it opens a FRESH browser context (empty HTTP cache) in Debian's headless
// Chromium, launched exactly as tests/browser/harness.mjs launches it, against the harness's
// serve() on 127.0.0.1, and records:
//   - Casebook: /{lang}/search/?q=… until #search-form[data-done] equals the query; the
//     result regions (data-region of [data-search-result]), data-count, the hrefs;
//   - Pagefind (npm `pagefind`, run as `npx pagefind --site COPY --output-subdir pagefind` on
//     a copy of the site; not a dependency of the project: `npm install --no-save
//     pagefind@1.6.0` first, its binary comes as an npm package): its JS API from a blank page under /{lang}/ (Pagefind picks the
//     index by <html lang>), first 20 results' data(); URLs mapped to regions through
//     /data/records.json's parts;
//   - bytes per cold query: every response the page (and its workers) received except the
//     HTML page itself and CSS files (and /favicon.ico, which the browser asks for on its
//     own). Body bytes are Playwright's request.sizes().responseBodySize, which Chromium
//     derives from CDP Network.loadingFinished.encodedDataLength minus the response headers;
//     the server does not compress, so this is the file size (checked against the disk).
//     Header bytes and a gzip estimate are recorded too.
// False hits, precision and recall are judged from the built HTML files (text of <main>),
// not by either engine. See docs/SEARCH.md for the definitions.
//
// Options:
//   --site DIR            the built site (required)
//   --set relevance|scale relevance (default): every query of tests/search/relevance.json
//                         and their same_as twins. scale: the relevance queries whose text
//                         occurs in at least one page of this site, plus the generic ones
//                         (地域移行 障害 ピアサポーター 措置入院 協議の場, community transition,
//                         peer supporter); expected regions are not used (other ids).
//                         none: only the --query ones.
//   --query LANG:Q        an extra query (repeatable), e.g. --query "ja:退院後支援"
//   --engines LIST        casebook,pagefind,pagefind-main (default casebook,pagefind);
//                         pagefind-main is Pagefind with --root-selector main (page chrome out)
//   --root DIR --bin BIN  also time `BIN build --root DIR --out SITE` (--build-runs N, default 1)
//   --perf                with --root/--bin: one more build under `perf record` to estimate
//                         the CPU time spent building the search index (--perf-freq HZ)
//   --pagefind-dir DIR    where to copy the site for Pagefind (default SITE + "-pagefind";
//                         pagefind-main uses DIR + "-main")
//   --pagefind-runs N     index the copy N times, report the median (default 1)
//   --pagefind-cwd DIR    run `npx pagefind` in DIR (a scratch directory where
//                         `npm install pagefind@1.6.0` was run; default: the repository)
//   --judge-all N         after each measurement, list up to N results (Casebook: "more";
//                         Pagefind: data() of each) and judge them all: false hits beyond the
//                         first 20. Not counted in the bytes.
//   --shards-only         no browser: only where Casebook's term-shard bytes come from
//                         (the shards each Japanese query fetches, and the whole index)
//   --json FILE           write every measurement as JSON
//   --label TEXT          a name for this run in the printed tables
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serve, launch } from "../tests/browser/harness.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOP = 20; // results judged per query (Casebook shows 20 per page)
const GENERIC = [
  ["ja", "地域移行"], ["ja", "障害"], ["ja", "ピアサポーター"], ["ja", "措置入院"], ["ja", "協議の場"],
  ["en", "community transition"], ["en", "peer supporter"],
];

// ---- arguments ---------------------------------------------------------------------------

function parseArgs(argv) {
  const a = { set: "relevance", queries: [], engines: ["casebook", "pagefind"], buildRuns: 1, pagefindRuns: 1, judgeAll: 0 };
  for (let i = 0; i < argv.length; i++) {
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    switch (argv[i]) {
      case "--site": a.site = path.resolve(v()); break;
      case "--set": a.set = v(); break;
      case "--query": {
        const s = v();
        const at = s.indexOf(":");
        a.queries.push({ lang: s.slice(0, at), q: s.slice(at + 1), expect: [], extra: true });
        break;
      }
      case "--engines": a.engines = v().split(","); break;
      case "--root": a.root = path.resolve(v()); break;
      case "--bin": a.bin = path.resolve(v()); break;
      case "--build-runs": a.buildRuns = Number(v()); break;
      case "--pagefind-dir": a.pagefindDir = path.resolve(v()); break;
      case "--pagefind-runs": a.pagefindRuns = Number(v()); break;
      case "--perf": a.perf = true; break;
      case "--perf-freq": a.perfFreq = Number(v()); break;
      case "--shards-only": a.shardsOnly = true; break;
      case "--judge-all": a.judgeAll = Number(v()); break;
      case "--pagefind-cwd": a.pagefindCwd = path.resolve(v()); break;
      case "--json": a.json = path.resolve(v()); break;
      case "--label": a.label = v(); break;
      case "-h": case "--help":
        console.log(fs.readFileSync(fileURLToPath(import.meta.url), "utf8").split("\nimport ")[0]);
        process.exit(0);
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!a.site || !fs.existsSync(path.join(a.site, "ja", "index.html"))) throw new Error("--site DIR: a built site is required");
  if (!["relevance", "scale", "none"].includes(a.set)) throw new Error("--set is relevance, scale or none");
  a.pagefindDir ??= a.site.replace(/\/$/, "") + "-pagefind";
  a.label ??= path.basename(a.site);
  return a;
}

// ---- page text, the judge ----------------------------------------------------------------

const INLINE = new Set(["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"]);
const BOUNDARY = "\u241e"; // stands for a block boundary; never in a query
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/** The visible text of <main> (else <body>) of an HTML file: scripts, styles, templates out,
 * inline tags dropped, other tags a boundary, entities decoded. */
export function pageText(html) {
  let m = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html) ?? /<body\b[^>]*>([\s\S]*?)<\/body>/i.exec(html);
  let s = m ? m[1] : html;
  s = s.replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1>/gi, BOUNDARY);
  s = s.replace(/<!--[\s\S]*?-->/g, "");
  s = s.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g, (_, tag) => (INLINE.has(tag.toLowerCase()) ? "" : BOUNDARY));
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z0-9]+);/gi, (all, e) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** NFKC, lowercase, 障がい/障碍 folded to 障害, every space removed; and the written forms
 * issue #17 makes one: thousands separators out (5,454 = 5454), era letters as era names
 * (R3 = 令和3, H30 = 平成30), 元 after an era name as 1, the counter ヶ/カ/ヵ/箇 before 月 or 所
 * as か. Written independently of tokenize.js. */
export function judgeNorm(text) {
  const eras = { r: "令和", h: "平成", s: "昭和" };
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/障がい|障碍/g, "障害")
    .replace(/\s+/gu, "")
    .replace(/(?<=[0-9]),(?=[0-9]{3}(?![0-9]))/g, "")
    .replace(/(?<![a-z0-9])([rhs])0*([0-9]{1,2})(?![a-z0-9])/g, (_, e, n) => eras[e] + n)
    .replace(/(令和|平成|昭和)元/g, "$11")
    .replace(/(?<=[0-9])[ヶカヵ箇](?=[月所])/g, "か");
}

/** The query as the judge reads it: the whole text (spaces removed), and its words. */
function judgeQuery(q) {
  return { phrase: judgeNorm(q), words: q.split(/\s+/u).filter(Boolean).map(judgeNorm) };
}

class Judge {
  constructor(site) {
    this.site = site;
    this.cache = new Map();
    // /data/records.json is the index of the records' parts (casebook-records-index/1).
    const read = (p) => JSON.parse(fs.readFileSync(path.join(site, ...p.split("/").filter(Boolean)), "utf8"));
    const index = read("data/records.json");
    this.regionOf = new Map(); // "kind/id" → region id
    for (const part of index.parts) {
      for (const r of read(new URL(part.url, "http://x").pathname).records) this.regionOf.set(`${r.kind}/${r.id}`, r.kind === "regions" ? r.id : r.record?.region ?? null);
    }
  }
  file(url) {
    let p = decodeURIComponent(new URL(url, "http://x").pathname);
    if (p.endsWith("/")) p += "index.html";
    return path.join(this.site, p);
  }
  text(url) {
    if (!this.cache.has(url)) {
      const f = this.file(url);
      this.cache.set(url, fs.existsSync(f) ? judgeNorm(pageText(fs.readFileSync(f, "utf8"))) : null);
      if (this.cache.size > 4000) this.cache.delete(this.cache.keys().next().value);
    }
    return this.cache.get(url);
  }
  /** The region of a page URL: /{lang}/{kind}/{id}/ looked up in records.json. */
  region(url) {
    const m = /^\/(?:ja|en)\/([^/]+)\/([^/]+)\/$/.exec(new URL(url, "http://x").pathname);
    return m ? this.regionOf.get(`${m[1]}/${m[2]}`) ?? null : null;
  }
  /** Whether the URL is a record page (/{lang}/{kind}/{id}/ of records.json). */
  isRecord(url) {
    const m = /^\/(?:ja|en)\/([^/]+)\/([^/]+)\/$/.exec(new URL(url, "http://x").pathname);
    return m !== null && this.regionOf.has(`${m[1]}/${m[2]}`);
  }
  /** Whether the page holds the query: `words` every word, `phrase` the query with spaces removed. */
  contains(url, jq) {
    const t = this.text(url);
    if (t === null) return { words: false, phrase: false };
    return { words: jq.words.every((w) => t.includes(w)), phrase: t.includes(jq.phrase) };
  }
}

/** The record pages of one language (/{lang}/{kind}/{id}/, every record of records.json),
 * for the ground-truth count of pages holding a query. */
function recordPages(judge, lang) {
  const out = [];
  for (const key of judge.regionOf.keys()) {
    const f = path.join(judge.site, lang, key, "index.html");
    if (fs.existsSync(f)) out.push(f);
  }
  return out;
}

// ---- queries -----------------------------------------------------------------------------

function loadQueries(args, judge) {
  const rel = JSON.parse(fs.readFileSync(path.join(REPO, "tests/search/relevance.json"), "utf8")).queries;
  let list = [];
  if (args.set === "relevance") {
    list = rel.map((r) => ({ ...r, twin: false }));
    for (const r of rel) {
      if (r.same_as && !rel.some((o) => o.lang === r.lang && o.q === r.same_as) && !list.some((o) => o.q === r.same_as)) {
        list.push({ lang: r.lang, q: r.same_as, expect: r.expect, twin: true });
      }
    }
  } else if (args.set === "scale") {
    const seen = new Set();
    for (const [lang, q] of GENERIC) {
      list.push({ lang, q, expect: [], twin: false, generic: true });
      seen.add(`${lang}:${q}`);
    }
    for (const r of rel) if (!seen.has(`${r.lang}:${r.q}`)) list.push({ lang: r.lang, q: r.q, expect: [], twin: false, candidate: true });
  }
  for (const q of args.queries) list.push(q);
  // Ground truth from the HTML: how many record pages of the language hold each query.
  for (const lang of ["ja", "en"]) {
    const qs = list.filter((q) => q.lang === lang).map((q) => ({ q, jq: judgeQuery(q.q) }));
    for (const x of qs) x.q.pagesWith = 0;
    for (const file of recordPages(judge, lang)) {
      const t = judgeNorm(pageText(fs.readFileSync(file, "utf8")));
      for (const { q, jq } of qs) if (jq.words.every((w) => t.includes(w))) q.pagesWith += 1;
    }
  }
  if (args.set === "scale") list = list.filter((q) => !q.candidate || q.pagesWith > 0);
  return list;
}

// ---- bytes -------------------------------------------------------------------------------

const gzipCache = new Map();
function gzipSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file)).length : null);
  return gzipCache.get(file);
}

/** Collects every response of a context's pages and workers: url, body, headers. */
function recorder(context, serverUrl, site) {
  const rows = [];
  const pending = new Set();
  context.on("request", (r) => pending.add(r));
  const done = async (r, failed) => {
    try {
      const resp = failed ? null : await r.response();
      const sizes = failed ? null : await r.sizes().catch(() => null);
      let body = null;
      if (resp) body = await resp.body().then((b) => b.length, () => null);
      const u = new URL(r.url());
      let p = decodeURIComponent(u.pathname);
      if (p.endsWith("/")) p += "index.html";
      const file = path.join(site, p);
      rows.push({
        url: r.url().startsWith(serverUrl) ? u.pathname + u.search : r.url(),
        type: r.resourceType(),
        status: resp?.status() ?? null,
        // The response body as the browser received it (Playwright's response.body()); the
        // file size when Chromium keeps no body to give (a worker's own script).
        body: body ?? (resp?.status() === 200 && fs.existsSync(file) ? fs.statSync(file).size : 0),
        bodyFrom: body !== null ? "response" : "disk",
        // On the wire: Chromium's encodedDataLength (Network.loadingFinished) less headers;
        // it includes the chunked-encoding framing of the test server.
        wire: sizes?.responseBodySize ?? null,
        headers: sizes?.responseHeadersSize ?? 0,
        disk: fs.existsSync(file) && fs.statSync(file).isFile() ? fs.statSync(file).size : null,
        gzip: resp?.status() === 200 ? gzipSize(file) : null,
        failed,
      });
    } finally {
      pending.delete(r);
    }
  };
  context.on("requestfinished", (r) => done(r, false));
  context.on("requestfailed", (r) => done(r, true));
  return {
    rows,
    async settle() {
      for (let i = 0; i < 200 && pending.size > 0; i++) await new Promise((res) => setTimeout(res, 25));
    },
  };
}

const counted = (row) => !(row.type === "document" || /\.css(\?|$)/.test(row.url) || row.url.startsWith("/favicon.ico"));

function category(url) {
  if (/\/search\/[a-z]+\/t\//.test(url)) return "term shards t/";
  if (/\/search\/[a-z]+\/d\//.test(url)) return "doc shards d/";
  if (/\/search\/[a-z]+\/x\//.test(url)) return "excerpts x/";
  if (/\/search\/[a-z]+\/meta\.json/.test(url)) return "meta.json";
  if (/\/pagefind\/index\//.test(url)) return "pf index chunks";
  if (/\/pagefind\/fragment\//.test(url)) return "pf fragments";
  if (/\/pagefind\/wasm\./.test(url)) return "pf wasm";
  if (/\.pf_meta/.test(url)) return "pf meta";
  if (/\/pagefind\/pagefind-entry\.json/.test(url)) return "pf entry";
  if (/\.m?js(\?|$)/.test(url)) return "scripts";
  return "other";
}

function bytesOf(rows) {
  const c = rows.filter(counted);
  const by = {};
  for (const r of c) {
    const k = category(r.url);
    by[k] ??= { files: 0, body: 0 };
    by[k].files += 1;
    by[k].body += r.body;
  }
  const largest = [...c].sort((a, b) => b.body - a.body).slice(0, 5).map((r) => ({ url: r.url, body: r.body }));
  return {
    requests: c.length,
    body: c.reduce((s, r) => s + r.body, 0),
    headers: c.reduce((s, r) => s + r.headers, 0),
    wire: c.reduce((s, r) => s + (r.wire ?? 0), 0),
    bodyFromDisk: c.filter((r) => r.bodyFrom === "disk").map((r) => r.url),
    gzip: c.reduce((s, r) => s + (r.gzip ?? r.body), 0),
    diskMismatch: c.filter((r) => r.status === 200 && r.disk !== null && r.disk !== r.body).map((r) => r.url),
    notOk: c.filter((r) => r.status !== 200).map((r) => `${r.status ?? "failed"} ${r.url}`),
    byCategory: by,
    largest,
    files: rows.map((r) => ({ url: r.url, type: r.type, status: r.status, counted: counted(r), body: r.body, bodyFrom: r.bodyFrom, wire: r.wire, headers: r.headers, disk: r.disk })),
  };
}

// ---- the engines -------------------------------------------------------------------------

async function casebookQuery(browser, server, site, { lang, q }, all) {
  const context = await browser.newContext();
  const rec = recorder(context, server.url, site);
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(`${server.url}/${lang}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction((q) => document.querySelector("#search-form")?.dataset.done === q, q, { timeout: 120000 });
  const ms = performance.now() - t0;
  const results = await page.$$eval("[data-search-result]", (els) => els.map((e) => ({ region: e.dataset.region ?? null, url: e.querySelector("a")?.getAttribute("href") ?? null })));
  const count = Number(await page.getAttribute("#search-form", "data-count"));
  await rec.settle();
  const bytes = bytesOf(rec.rows);
  // After the measurement: page on with "more" to list up to `all` results for the judge.
  let tail = null;
  if (all > TOP) {
    const n = () => page.$$eval("[data-search-result]", (els) => els.length);
    while ((await n()) < Math.min(all, count) && (await page.isVisible("#search-more"))) {
      const before = await n();
      await page.click("#search-more");
      await page.waitForFunction((b) => document.querySelectorAll("[data-search-result]").length > b, before, { timeout: 120000 });
    }
    tail = (await page.$$eval("[data-search-result]", (els) => els.map((e) => ({ region: e.dataset.region ?? null, url: e.querySelector("a")?.getAttribute("href") ?? null })))).slice(0, all);
  }
  await context.close();
  return { count, results: results.slice(0, TOP), all: tail, ms, bytes };
}

async function pagefindQuery(browser, server, site, judge, { lang, q }, all) {
  const context = await browser.newContext();
  const rec = recorder(context, server.url, site);
  const page = await context.newPage();
  await page.goto(`${server.url}/${lang}/pagefind-bench/`);
  const t0 = performance.now();
  const got = await page.evaluate(async ([q, top]) => {
    const pf = await import("/pagefind/pagefind.js");
    await pf.init();
    const r = await pf.search(q);
    window.__results = r.results;
    const data = await Promise.all(r.results.slice(0, top).map((x) => x.data()));
    return { count: r.results.length, urls: data.map((d) => d.url) };
  }, [q, TOP]);
  const ms = performance.now() - t0;
  await rec.settle();
  const bytes = bytesOf(rec.rows);
  let tail = null;
  if (all > TOP) {
    const urls = await page.evaluate(async (all) => (await Promise.all(window.__results.slice(0, all).map((x) => x.data()))).map((d) => d.url), all);
    tail = urls.map((url) => ({ url, region: judge.region(url) }));
  }
  await context.close();
  const results = got.urls.map((url) => ({ url, region: judge.region(url) }));
  return { count: got.count, results, all: tail, ms, bytes };
}

// ---- indexing ----------------------------------------------------------------------------

function dirSize(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        bytes += fs.statSync(p).size;
        files += 1;
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { bytes, files };
}

const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeCasebookBuild(args) {
  const runs = [];
  for (let i = 0; i < args.buildRuns; i++) {
    const t0 = performance.now();
    // Warnings (a generated corpus has thousands) go to stderr: keep them all, show the end.
    const r = spawnSync(args.bin, ["build", "--root", args.root, "--out", args.site], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`casebook build failed (${r.status ?? r.signal ?? r.error}):\n${(r.stderr ?? "").slice(-3000)}`);
    runs.push(performance.now() - t0);
  }
  const out = { runsMs: runs, medianMs: median(runs), command: `${args.bin} build --root ${args.root} --out ${args.site}` };
  if (args.perf) out.perf = perfIndexShare(args);
  return out;
}

/** The CPU time of the build spent in casebook::search::index::index (callees included),
 * sampled with `perf record --call-graph dwarf` on one more build. The index is built on one
 * thread after the pages, so its CPU time is close to its wall time. An estimate: sampling,
 * and perf's own overhead slows that build. */
function perfIndexShare(args) {
  const data = path.join(os.tmpdir(), `search-bench-${process.pid}.perf`);
  const freq = args.perfFreq ?? 1000;
  const rec = spawnSync("perf", ["record", "-q", "-F", String(freq), "--call-graph", "dwarf,65528", "-o", data, "--", args.bin, "build", "--root", args.root, "--out", args.site], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
  if (rec.status !== 0) return { error: `perf record failed: ${rec.stderr.slice(0, 500)}` };
  const rep = spawnSync("perf", ["report", "-i", data, "--children", "--sort", "symbol", "--stdio", "-g", "none"], { encoding: "utf8", maxBuffer: 1 << 28 });
  fs.rmSync(data, { force: true });
  const total = /# Event count \(approx\.\): ([0-9]+)/.exec(rep.stdout);
  const pctOf = (sym) => {
    const m = new RegExp(`^\\s*([0-9.]+)%\\s+[0-9.]+%\\s+\\[\\.\\] ${sym.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s`, "m").exec(rep.stdout);
    return m ? Number(m[1]) : null;
  };
  const cpuS = total ? Number(total[1]) / 1e9 : null; // cpu-clock counts nanoseconds
  const index = pctOf("casebook::search::index::index");
  const render = pctOf("casebook::render::render");
  return {
    command: `perf record -F ${freq} --call-graph dwarf,65528 -- ${args.bin} build --root ${args.root} --out ${args.site}`,
    cpuSeconds: cpuS,
    indexPercent: index,
    indexCpuSeconds: cpuS !== null && index !== null ? (cpuS * index) / 100 : null,
    renderPercent: render,
  };
}

function copyDir(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

/** Pagefind variants: `pagefind` as it comes (the command of the issue), `pagefind-main` with
 * `--root-selector main`, so that it indexes what Casebook indexes and the judge reads. */
const PAGEFIND_ARGS = { pagefind: [], "pagefind-main": ["--root-selector", "main"] };

function pagefindDir(args, engine) {
  return engine === "pagefind" ? args.pagefindDir : `${args.pagefindDir}-${engine.slice("pagefind-".length)}`;
}

function runPagefind(args, engine) {
  if (!fs.existsSync(path.join(args.pagefindCwd ?? REPO, "node_modules", "pagefind"))) {
    throw new Error("Pagefind is not installed: npm install --no-save pagefind@1.6.0, or in a scratch directory given as --pagefind-cwd (or --engines casebook)");
  }
  const dir = pagefindDir(args, engine);
  const extra = PAGEFIND_ARGS[engine];
  const runs = [];
  let out = "";
  for (let i = 0; i < args.pagefindRuns; i++) {
    copyDir(args.site, dir);
    const t0 = performance.now();
    const r = spawnSync("npx", ["--no-install", "pagefind", "--site", dir, "--output-subdir", "pagefind", ...extra], { cwd: args.pagefindCwd ?? REPO, encoding: "utf8", maxBuffer: 1 << 28 });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`pagefind failed:\n${r.stdout}\n${r.stderr}`);
    out = r.stdout;
    const own = /Finished in ([0-9.]+) seconds/.exec(r.stdout);
    runs.push({ wallMs: wall, ownMs: own ? Number(own[1]) * 1000 : null });
  }
  // Blank pages to run the JS API from, written after indexing so they are not indexed.
  for (const lang of ["ja", "en"]) {
    const bench = path.join(dir, lang, "pagefind-bench");
    fs.mkdirSync(bench, { recursive: true });
    fs.writeFileSync(path.join(bench, "index.html"), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>\n`);
  }
  const version = spawnSync("npx", ["--no-install", "pagefind", "--version"], { cwd: args.pagefindCwd ?? REPO, encoding: "utf8" }).stdout.trim();
  return {
    dir,
    version,
    runs,
    medianWallMs: median(runs.map((r) => r.wallMs)),
    medianOwnMs: median(runs.map((r) => r.ownMs).filter((x) => x !== null)),
    summary: out.split("\n").filter((l) => /Indexed|Discovered|Finished|data-pagefind-body|Indexing all|root selector/i.test(l)).map((l) => l.trim()),
    command: ["npx pagefind --site", dir, "--output-subdir pagefind", ...extra].join(" "),
  };
}

// ---- scoring -----------------------------------------------------------------------------

/** Whether result `r` is the one `name` names: a record `kind/id`, or any record of a region
 * (tests/search/relevance.json). */
function isResult(r, name) {
  if (!name.includes("/")) return r.region === name;
  const m = /^\/(?:ja|en)\/([^/]+)\/([^/]+)\/$/.exec(new URL(r.url ?? "/", "http://x").pathname);
  return m !== null && `${m[1]}/${m[2]}` === name;
}

/** Issue #17's judgments: precision@5 (a result of the first five is relevant when the
 * query names it in `expect` or `first`, or its page holds every word of the query, and
 * it is not named in `not_top5`), recall@20 of every result `expect` and `first` name, and
 * whether the first results are those `first` names and none of `not_top5` is in the top 5. */
function judge17(judge, query, run) {
  const jq = judgeQuery(query.q);
  const wanted = [...new Set([...(query.expect ?? []), ...(query.first ?? [])])];
  const not5 = query.not_top5 ?? [];
  const top5 = run.results.slice(0, 5);
  const relevant5 = top5.filter((r) => !not5.some((n) => isResult(r, n)) && (wanted.some((w) => isResult(r, w)) || (r.url && judge.contains(r.url, jq).words))).length;
  const first = query.first ?? [];
  const head = run.results.slice(0, first.length);
  return {
    shown5: top5.length,
    relevant5,
    wanted: wanted.length,
    wantedFound: wanted.filter((w) => run.results.some((r) => isResult(r, w))).length,
    firstOk: first.length === 0 ? null : head.length === first.length && first.every((w) => head.some((r) => isResult(r, w))),
    notTop5Ok: not5.length === 0 ? null : !top5.some((r) => not5.some((n) => isResult(r, n))),
  };
}

function judgeRun(judge, query, run) {
  const jq = judgeQuery(query.q);
  const expect = new Set((query.expect ?? []).filter((e) => !e.includes("/")));
  let relevant = 0;
  let relevantPhrase = 0;
  let falseHits = 0;
  let falsePhrase = 0;
  const falseUrls = [];
  for (const r of run.results) {
    const has = r.url ? judge.contains(r.url, jq) : { words: false, phrase: false };
    r.contains = has.words;
    if (!has.words) {
      falseHits += 1;
      falseUrls.push(r.url);
    }
    if (!has.phrase) falsePhrase += 1;
    if (expect.has(r.region) || has.words) relevant += 1;
    if (expect.has(r.region) || has.phrase) relevantPhrase += 1;
  }
  const found = new Set(run.results.map((r) => r.region));
  const expectedFound = [...expect].filter((e) => found.has(e));
  return {
    shown: run.results.length,
    relevant,
    relevantPhrase,
    falseHits,
    falsePhrase,
    falseUrls,
    expected: expect.size,
    expectedFound: expectedFound.length,
    missing: [...expect].filter((e) => !found.has(e)),
    ...judge17(judge, query, run),
  };
}

function aggregate(rows) {
  const main = rows.filter((r) => !r.query.twin);
  const sum = (f) => main.reduce((s, r) => s + f(r), 0);
  const bodies = main.map((r) => r.bytes.body);
  const ja = main.filter((r) => r.query.lang === "ja").map((r) => r.bytes.body);
  const jaGz = main.filter((r) => r.query.lang === "ja").map((r) => r.bytes.gzip);
  const prec = main.filter((r) => r.judged.shown > 0).map((r) => r.judged.relevant / r.judged.shown);
  const rec = main.filter((r) => r.judged.expected > 0).map((r) => r.judged.expectedFound / r.judged.expected);
  return {
    queries: main.length,
    withResults: main.filter((r) => r.count > 0).length,
    resultsTotal: sum((r) => r.count),
    shown: sum((r) => r.judged.shown),
    falseHits: sum((r) => r.judged.falseHits),
    falsePhrase: sum((r) => r.judged.falsePhrase),
    queriesWithFalseHits: main.filter((r) => r.judged.falseHits > 0).length,
    precisionMicro: sum((r) => r.judged.relevant) / Math.max(1, sum((r) => r.judged.shown)),
    precisionPhraseMicro: sum((r) => r.judged.relevantPhrase) / Math.max(1, sum((r) => r.judged.shown)),
    precisionMacro: prec.length ? prec.reduce((a, b) => a + b, 0) / prec.length : null,
    recallMicro: sum((r) => r.judged.expected) ? sum((r) => r.judged.expectedFound) / sum((r) => r.judged.expected) : null,
    recallMacro: rec.length ? rec.reduce((a, b) => a + b, 0) / rec.length : null,
    expected: sum((r) => r.judged.expected),
    expectedFound: sum((r) => r.judged.expectedFound),
    bytesMedian: median(bodies),
    bytesMax: Math.max(...bodies),
    jaBytesMedian: median(ja),
    jaBytesMax: ja.length ? Math.max(...ja) : null,
    jaGzipMedian: median(jaGz),
    jaGzipMax: jaGz.length ? Math.max(...jaGz) : null,
    listedAll: main.some((r) => r.judgedAll) ? sum((r) => r.judgedAll?.listed ?? 0) : null,
    falseAll: main.some((r) => r.judgedAll) ? sum((r) => r.judgedAll?.falseHits ?? 0) : null,
    queriesFalseAll: main.filter((r) => r.judgedAll?.falseHits > 0).length,
    allComplete: main.every((r) => r.judgedAll?.complete),
    recordPagesWith: sum((r) => r.query.pagesWith ?? 0),
    recordPagesFound: sum((r) => r.judgedAll?.recordPagesFound ?? 0),
    precision5Micro: sum((r) => r.judged.relevant5) / Math.max(1, sum((r) => r.judged.shown5)),
    precision5Macro: (() => {
      const p = main.filter((r) => r.judged.shown5 > 0).map((r) => r.judged.relevant5 / r.judged.shown5);
      return p.length ? p.reduce((a, b) => a + b, 0) / p.length : null;
    })(),
    wanted: sum((r) => r.judged.wanted),
    wantedFound: sum((r) => r.judged.wantedFound),
    firstOk: main.filter((r) => r.judged.firstOk === true).length,
    firstAsked: main.filter((r) => r.judged.firstOk !== null).length,
    notTop5Ok: main.filter((r) => r.judged.notTop5Ok === true).length,
    notTop5Asked: main.filter((r) => r.judged.notTop5Ok !== null).length,
    msMedian: median(main.map((r) => r.ms)),
    msMax: Math.max(...main.map((r) => r.ms)),
  };
}

// ---- where Casebook's term-shard bytes come from ---------------------------------------

/** For each Casebook query of `lang`: the keys it looks up (query_keys of the site's own
 * tokenize.js), the shard of each (FNV-1a, as search.js computes it) and the postings file of
 * a common key, with their sizes; and the shape of the whole index. Read from the built
 * files (format casebook-search/3, see src/search/index.rs). */
async function shardAnalysis(site, queries, lang) {
  const dir = path.join(site, "search", lang);
  const { Variants, query_keys } = await import(path.join(site, "static/search/tokenize.js"));
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8"));
  const variants = new Variants(meta.variants);
  const fnv1a = (term) => {
    let h = 0x811c9dc5;
    for (const b of new TextEncoder().encode(term)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h >>> 0;
  };
  const varint = (b, at) => {
    let n = 0;
    for (let shift = 1; ; shift *= 128) {
      const x = b[at.i++];
      n += (x & 127) * shift;
      if (x < 128) return n;
    }
  };
  const shards = new Map();
  const shard = (n) => {
    if (!shards.has(n)) {
      const raw = fs.readFileSync(path.join(dir, "t", `${n}.bin`));
      const keys = new Map();
      const at = { i: 0 };
      while (at.i < raw.length) {
        const len = varint(raw, at);
        const key = raw.subarray(at.i, at.i + len).toString("utf8");
        at.i += len;
        if (raw[at.i++] === 0) {
          const size = varint(raw, at);
          at.i += size;
          keys.set(key, { inline: size });
        } else keys.set(key, { file: `${n}-${varint(raw, at)}.bin` });
      }
      shards.set(n, { size: raw.length, keys });
    }
    return shards.get(n);
  };
  const rows = [];
  for (const q of queries.filter((x) => x.lang === lang && !x.twin)) {
    const keys = [...new Set(q.q.split(/\s+/u).filter(Boolean).flatMap((c) => query_keys(c, variants)))];
    const seen = new Set();
    let bytes = 0;
    const keyRows = [];
    for (const k of keys) {
      const n = fnv1a(k) % meta.shards;
      const s = shard(n);
      if (!seen.has(n)) bytes += s.size;
      seen.add(n);
      const e = s.keys.get(k);
      const file = e?.file ? fs.statSync(path.join(dir, "t", e.file)).size : 0;
      bytes += file;
      keyRows.push({ key: k, bytes: file || e?.inline || 0, own_file: Boolean(file) });
    }
    rows.push({ q: q.q, shards: seen.size, bytes, keys: keyRows });
  }
  const files = fs.readdirSync(path.join(dir, "t"));
  const sizes = files.map((f) => fs.statSync(path.join(dir, "t", f)).size);
  const postingFiles = files.filter((f) => f.includes("-")).length;
  const index = { files: files.length, shards: meta.shards, postingFiles, bytes: sizes.reduce((a, b) => a + b, 0), largest: Math.max(0, ...sizes) };
  return { lang, docs: meta.docs, rows, index };
}

function printShardAnalysis(a) {
  const x = a.index;
  console.log(`\ncasebook key shards of the ${a.lang} queries (${a.docs} documents): whole ${a.lang} index ${kib(x.bytes)} ` +
    `in ${x.files} files (${x.shards} shards, ${x.postingFiles} postings files of common keys), largest file ${kib(x.largest)}`);
  for (const r of a.rows) {
    console.log(`  ${r.q}: ${r.shards} shards + postings, ${kib(r.bytes)}: ${r.keys.map((k) => `${k.key} ${kib(k.bytes)}${k.own_file ? " (file)" : ""}`).join(" · ")}`);
  }
}

// ---- printing ----------------------------------------------------------------------------

const kib = (b) => (b === null || b === undefined ? "–" : `${(b / 1024).toFixed(1)} KiB`);
const pct = (x) => (x === null || x === undefined ? "–" : `${(100 * x).toFixed(1)} %`);

function printTables(report) {
  const { label, engines } = report;
  const names = Object.keys(engines);
  const line = (cells) => console.log(`| ${cells.join(" | ")} |`);
  console.log(`\n### ${label}\n`);
  line(["", ...names]);
  line(["---", ...names.map(() => "---")]);
  const A = (f) => names.map((n) => f(engines[n].summary, engines[n]));
  line(["queries (with ≥1 result)", ...A((s) => `${s.queries} (${s.withResults})`)]);
  line(["results found (sum of counts)", ...A((s) => String(s.resultsTotal))]);
  line([`results judged (first ${TOP})`, ...A((s) => String(s.shown))]);
  line(["false hits (queries with any)", ...A((s) => `${s.falseHits} (${s.queriesWithFalseHits})`)]);
  if (names.some((n) => engines[n].summary.listedAll !== null)) line(["false hits among all results listed (queries with any)", ...A((s) => (s.listedAll === null ? "–" : `${s.falseAll} of ${s.listedAll} (${s.queriesFalseAll})`))]);
  if (names.some((n) => engines[n].summary.listedAll !== null)) line(["record pages holding the query that are found" + (names.every((n) => engines[n].summary.allComplete) ? "" : " (in the results listed)"), ...A((s) => (s.listedAll === null ? "–" : `${s.recordPagesFound} of ${s.recordPagesWith} = ${pct(s.recordPagesFound / Math.max(1, s.recordPagesWith))}`))]);
  line([`precision@${TOP} micro / macro`, ...A((s) => `${pct(s.precisionMicro)} / ${pct(s.precisionMacro)}`)]);
  line([`recall@${TOP} of expected regions`, ...A((s) => (s.expected ? `${s.expectedFound}/${s.expected} = ${pct(s.recallMicro)}` : "n/a"))]);
  line(["precision@5 micro / macro", ...A((s) => `${pct(s.precision5Micro)} / ${pct(s.precision5Macro)}`)]);
  line([`recall@${TOP} of the results named (expect, first)`, ...A((s) => (s.wanted ? `${s.wantedFound}/${s.wanted} = ${pct(s.wantedFound / s.wanted)}` : "n/a"))]);
  line(["queries whose first results are the ones named", ...A((s) => `${s.firstOk} of ${s.firstAsked}`)]);
  line(["queries with none of not_top5 in the top 5", ...A((s) => `${s.notTop5Ok} of ${s.notTop5Asked}`)]);
  line(["bytes per cold query, median / max", ...A((s) => `${kib(s.bytesMedian)} / ${kib(s.bytesMax)}`)]);
  line(["… Japanese queries, median / max", ...A((s) => `${kib(s.jaBytesMedian)} / ${kib(s.jaBytesMax)}`)]);
  line(["… Japanese, gzip estimate, median / max", ...A((s) => `${kib(s.jaGzipMedian)} / ${kib(s.jaGzipMax)}`)]);
  line(["time to results, median / max", ...A((s) => `${Math.round(s.msMedian)} ms / ${Math.round(s.msMax)} ms`)]);
  line(["index on disk", ...A((_, e) => `${kib(e.index.bytes)} in ${e.index.files} files`)]);
  line(["index time", ...A((_, e) => e.time ?? "not measured")]);
  if (report.variants.length) {
    console.log("\nspelling twins (same count expected):");
    for (const v of report.variants) console.log(`  ${v.lang} ${v.a} / ${v.b}: ${names.map((n) => `${n} ${v[n]?.join(" vs ") ?? "–"}`).join("; ")}`);
  }
  console.log(`\nper query (count, false hits/shown, expected found, relevant in the top 5, first / not_top5 held, bytes):`);
  line(["lang", "query", "record pages with it", ...names.flatMap((n) => [`${n} count`, "false/shown", "expected", "p@5", "first/not5", "bytes"])]);
  line(["---", "---", "---", ...names.flatMap(() => ["---", "---", "---", "---", "---", "---"])]);
  const qs = engines[names[0]].rows.map((r) => r.query);
  qs.forEach((q, i) => {
    line([q.lang, q.q + (q.twin ? " (twin)" : ""), String(q.pagesWith ?? "–"), ...names.flatMap((n) => {
      const r = engines[n].rows[i];
      const flag = (b) => (b === null ? "–" : b ? "yes" : "no");
      return [String(r.count), `${r.judged.falseHits}/${r.judged.shown}` + (r.judgedAll ? ` (all: ${r.judgedAll.falseHits}/${r.judgedAll.listed})` : ""), r.judged.expected ? `${r.judged.expectedFound}/${r.judged.expected}` : "–", `${r.judged.relevant5}/${r.judged.shown5}`, `${flag(r.judged.firstOk)}/${flag(r.judged.notTop5Ok)}`, kib(r.bytes.body)];
    })]);
  });
  for (const n of names) {
    const rows = engines[n].rows.filter((r) => r.query.lang === "ja" && !r.query.twin);
    const cats = {};
    for (const r of rows) for (const [k, v] of Object.entries(r.bytes.byCategory)) (cats[k] ??= []).push(v.body);
    console.log(`\n${n}: bytes per Japanese cold query by file kind (median / max over ${rows.length} queries):`);
    for (const [k, v] of Object.entries(cats).sort((a, b) => median(b[1]) - median(a[1]))) console.log(`  ${k.padEnd(18)} ${kib(median(v)).padStart(11)} / ${kib(Math.max(...v))}`);
    const top = rows.flatMap((r) => r.bytes.largest).sort((a, b) => b.body - a.body);
    const seen = new Set();
    console.log(`  largest files fetched:`);
    for (const f of top) {
      if (seen.has(f.url) || seen.size >= 8) continue;
      seen.add(f.url);
      console.log(`    ${kib(f.body).padStart(11)}  ${f.url}`);
    }
  }
}

// ---- main --------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const report = { label: args.label, site: args.site, date: new Date().toISOString(), machine: machine(), engines: {}, variants: [] };
  let build = null;
  if (args.root && args.bin) {
    console.error(`timing the Casebook build (${args.buildRuns}×)…`);
    build = timeCasebookBuild(args);
  }
  const judge = new Judge(args.site);
  const queries = loadQueries(args, judge);
  console.error(`${queries.length} queries`);
  if (args.shardsOnly) {
    printShardAnalysis(await shardAnalysis(args.site, queries, "ja"));
    return;
  }
  const pagefind = {};
  for (const engine of args.engines.filter((e) => e.startsWith("pagefind"))) {
    if (!PAGEFIND_ARGS[engine]) throw new Error(`unknown engine ${engine}`);
    console.error(`indexing a copy with ${engine} (${args.pagefindRuns}×)…`);
    pagefind[engine] = runPagefind(args, engine);
  }
  const browser = await launch();
  try {
    for (const engine of args.engines) {
      const pf = pagefind[engine];
      const dir = engine === "casebook" ? args.site : pf.dir;
      const server = await serve(dir);
      const rows = [];
      try {
        for (const query of queries) {
          const run = engine === "casebook" ? await casebookQuery(browser, server, dir, query, args.judgeAll) : await pagefindQuery(browser, server, dir, judge, query, args.judgeAll);
          run.query = query;
          run.judged = judgeRun(judge, query, run);
          if (run.all) {
            const jq = judgeQuery(query.q);
            const bad = run.all.filter((r) => !(r.url && judge.contains(r.url, jq).words));
            const records = new Set(run.all.filter((r) => r.url && judge.isRecord(r.url) && judge.contains(r.url, jq).words).map((r) => r.url));
            run.judgedAll = { listed: run.all.length, complete: run.all.length >= run.count, falseHits: bad.length, falseUrls: bad.map((r) => r.url), recordPagesFound: records.size };
            delete run.all;
          }
          rows.push(run);
          console.error(`${engine} ${query.lang} ${query.q}: ${run.count} results, ${run.judged.falseHits} false of ${run.judged.shown}, ${kib(run.bytes.body)} in ${run.bytes.requests} requests, ${Math.round(run.ms)} ms`);
          if (run.bytes.diskMismatch.length) console.error(`  body ≠ file size: ${run.bytes.diskMismatch.join(", ")}`);
          if (run.bytes.notOk.length) console.error(`  not 200: ${run.bytes.notOk.join(", ")}`);
        }
      } finally {
        await server.close();
      }
      const index = engine === "casebook" ? dirSize(path.join(args.site, "search")) : dirSize(path.join(pf.dir, "pagefind"));
      const perLang = engine === "casebook" ? Object.fromEntries(["ja", "en"].map((l) => [l, dirSize(path.join(args.site, "search", l))])) : null;
      const time = engine === "casebook"
        ? build
          ? `${(build.medianMs / 1000).toFixed(2)} s whole build (median of ${build.runsMs.length})` +
            (build.perf?.indexCpuSeconds != null ? `; index ≈ ${build.perf.indexCpuSeconds.toFixed(2)} s CPU (${build.perf.indexPercent} % of the build's samples, perf)` : "")
          : null
        : `${(pf.medianOwnMs / 1000).toFixed(2)} s (Pagefind's own; ${(pf.medianWallMs / 1000).toFixed(2)} s with npx, median of ${pf.runs.length})`;
      report.engines[engine] = { rows, summary: aggregate(rows), index, perLang, time, build: engine === "casebook" ? build : pf };
    }
  } finally {
    await browser.close();
  }
  for (const q of queries) {
    if (!q.same_as) continue;
    const v = { lang: q.lang, a: q.q, b: q.same_as };
    for (const [n, e] of Object.entries(report.engines)) {
      const a = e.rows.find((r) => r.query.lang === q.lang && r.query.q === q.q);
      const b = e.rows.find((r) => r.query.lang === q.lang && r.query.q === q.same_as);
      if (a && b) v[n] = [a.count, b.count];
    }
    report.variants.push(v);
  }
  printTables(report);
  if (report.engines.casebook) {
    report.shards = await shardAnalysis(args.site, queries, "ja");
    printShardAnalysis(report.shards);
  }
  if (args.json) fs.writeFileSync(args.json, JSON.stringify(report, null, 1));
}

function machine() {
  const cpu = fs.existsSync("/proc/cpuinfo") ? /model name\s*:\s*(.*)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1] : null;
  const chromium = spawnSync(process.env.CHROMIUM ?? "/usr/bin/chromium", ["--version"], { encoding: "utf8" }).stdout?.trim();
  return { cpu, cores: os.availableParallelism(), memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
