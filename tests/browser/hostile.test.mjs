// XSS sentinel: the hostile fixture (tests/fixtures/hostile/, built by scripts/test.sh into
// CASEBOOK_HOSTILE_SITE) holds a numbered attack in every text field, title, Markdown body,
// link, vocabulary name and spelling variant. Every page of both languages is loaded in
// Chromium, and the search and the interactive comparison are run on the payloads. A payload
// that runs calls __xss(N) or opens a dialog; one that loads something asks another host.
// The tests prove that none runs, that no request leaves the loopback server, and that the
// payloads are shown as text; each finding names the page and the payload's number (search
// the fixture for `xssN` to find the field).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch } from "./harness.mjs";

/** The built hostile site. */
function hostileDir() {
  const dir = process.env.CASEBOOK_HOSTILE_SITE;
  if (!dir || !fs.existsSync(path.join(dir, "ja", "index.html"))) {
    throw new Error("set CASEBOOK_HOSTILE_SITE to the built tests/fixtures/hostile (scripts/test.sh does this)");
  }
  return dir;
}

/** Every page of the site, as URL paths (`/ja/cases/x/`). */
function pages(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".html")) out.push("/" + child.replace(/(^|\/)index\.html$/, "$1"));
    }
  };
  walk("");
  return out.sort();
}

let server, browser, context;
const runs = []; // { page, n } for every __xss(n) call and dialog
const leaks = []; // { page, url, type } for every request to another host

before(async () => {
  server = await serve(hostileDir());
  browser = await launch();
  context = await browser.newContext();
  await context.exposeBinding("__xss", ({ page }, n) => runs.push({ page: page.url(), n }));
  // Nothing may leave: record the request, then refuse it, so no test waits on the network.
  await context.route("**/*", (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith(server.url + "/")) return route.continue();
    leaks.push({ page: request.frame()?.url() ?? "", url, type: request.resourceType() });
    return route.abort();
  });
  context.on("page", (page) => page.on("dialog", (d) => { runs.push({ page: page.url(), n: `${d.type()}(${d.message()})` }); d.dismiss(); }));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What is wrong with the live DOM of the page: handlers, frames, script URLs, scripts and
 *  styles of content's making, `<base>`, refreshes. Runs after the page's own scripts. */
function domProblems() {
  const bad = [];
  const root = location.pathname === "/";
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (["iframe", "frame", "object", "embed", "applet", "base", "portal"].includes(tag)) bad.push(`<${tag}>`);
    if (tag === "meta" && el.hasAttribute("http-equiv") && !root) bad.push("<meta http-equiv>");
    if (tag === "style" && !root) bad.push("<style>");
    if (tag === "script" && (el.src ? !el.src.startsWith(location.origin + "/") : !root)) bad.push(`<script src="${el.src}">`);
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\t\n\r]/g, "").trim().toLowerCase();
      if (name.startsWith("on")) bad.push(`<${tag} ${name}="${a.value}">`);
      if (["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"].includes(name) && /^(javascript|vbscript|data):/.test(value)) {
        bad.push(`<${tag} ${name}="${a.value}">`);
      }
    }
  }
  return bad;
}

/** What ran and what left since `from` (a mark taken at a test's start). */
const mark = () => ({ runs: runs.length, leaks: leaks.length });
function assertNothingRanOrLeft(from) {
  assert.deepEqual(runs.slice(from.runs), [], "payloads ran");
  assert.deepEqual(leaks.slice(from.leaks), [], "requests left the site");
}

test("no payload runs and nothing leaves the site on any page, in both languages", async () => {
  const from = mark();
  const all = pages(hostileDir());
  assert.ok(all.length > 100, `only ${all.length} pages`);
  assert.ok(all.some((p) => p.startsWith("/ja/")) && all.some((p) => p.startsWith("/en/")));
  const problems = [];
  // Four tabs at a time: each loads its share of the pages.
  const visit = async (share) => {
    const page = await context.newPage();
    for (const p of share) {
      try {
        await page.goto(server.url + p, { waitUntil: "load" });
        for (const bad of await page.evaluate(domProblems)) problems.push(`${p}: ${bad}`);
        // Fire the events a slipped-in handler would wait for, on every element.
        await page.evaluate(() => {
          for (const el of document.querySelectorAll("body *")) {
            for (const type of ["mouseover", "focus", "toggle", "error", "load"]) el.dispatchEvent(new Event(type));
          }
        });
      } catch (e) {
        if (p !== "/") problems.push(`${p}: ${e.message.split("\n")[0]}`);
      }
      // Only the language choice at / moves on, to /ja/ or /en/.
      const now = page.url();
      const stays = now === server.url + p || (p === "/" && /\/(ja|en)\/$/.test(now) && now.startsWith(server.url));
      if (!stays) problems.push(`${p}: the page went to ${now}`);
    }
    await page.close();
  };
  await Promise.all([0, 1, 2, 3].map((i) => visit(all.filter((_, j) => j % 4 === i))));
  assertNothingRanOrLeft(from);
  assert.deepEqual(problems, []);
});

for (const lang of ["ja", "en"]) {
  test(`/${lang}/search/ finds the payloads and shows them as text`, async () => {
    const from = mark();
    const page = await context.newPage();
    const word = lang === "ja" ? "悪意" : "hostile";
    for (const q of [word, "script xss", "onerror", "javascript", "evil example", '"><script>__xss(7001)</script>', "<img src=x onerror=__xss(7002)>", "{{ __xss(7003) }}"]) {
      await page.goto(`${server.url}/${lang}/search/?q=${encodeURIComponent(q)}`);
      await page.waitForFunction((q) => document.querySelector("#search-form")?.dataset.done === q, q, { timeout: 15000 });
      // Scroll through the results so that their excerpts load.
      for (const r of await page.$$("[data-search-result]")) await r.scrollIntoViewIfNeeded();
      await page.waitForLoadState("networkidle");
      assert.deepEqual(await page.evaluate(domProblems), [], `search for ${q}`);
      assert.equal(await page.inputValue("#search-q"), q, "the query stays text in its box");
      if (q === word) {
        const results = await page.$$eval("[data-search-result]", (els) => els.map((e) => e.textContent));
        assert.ok(results.length > 10, `${results.length} results for ${q}`);
        const shown = results.join("\n");
        assert.ok(/<script>__xss\(\d+\)<\/script>|<img src=x onerror=__xss\(\d+\)>/.test(shown), `no payload shown as text:\n${shown.slice(0, 2000)}`);
      }
    }
    await page.close();
    assertNothingRanOrLeft(from);
  });

  test(`/${lang}/compare/ renders compare.json's payloads as text`, async () => {
    const from = mark();
    const page = await context.newPage();
    const regions = await page.goto(`${server.url}/data/compare.json`).then((r) => r.json()).then((d) => d.regions.map((r) => r.id));
    assert.ok(regions.length >= 2, regions.join());
    for (const query of [`regions=${regions.join(",")}`, `regions=${encodeURIComponent('"><img src=x onerror=__xss(7010)>')},${regions[0]}&indicators=${encodeURIComponent("<svg onload=__xss(7011)>")}`, `regions=../../x,javascript:__xss(7012),%3Cscript%3E`]) {
      await page.goto(`${server.url}/${lang}/compare/?${query}`);
      await page.waitForSelector("#compare-result:not([hidden])", { state: "attached" });
      await page.waitForLoadState("networkidle");
      assert.deepEqual(await page.evaluate(domProblems), [], query);
      const share = await page.getAttribute("#share-link", "href");
      assert.ok(share.startsWith(`/${lang}/compare/`), `the share link leaves the page: ${share}`);
    }
    await page.goto(`${server.url}/${lang}/compare/?regions=${regions.join(",")}`);
    await page.waitForSelector("#compare-result table");
    const text = await page.textContent("#compare-result");
    assert.ok(/__xss\(\d+\)/.test(text), `the region and indicator names lost their payloads:\n${text.slice(0, 1000)}`);
    await page.close();
    assertNothingRanOrLeft(from);
  });
}
