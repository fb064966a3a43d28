// Search in real headless Chromium against the built handbook: the relevance set
// (tests/search/relevance.json) — every query returns the regions it must, spelling
// variants and full-width forms return the same as their twins — and the results page
// contract (data-search-result, data-region, a link), deep links, keyboard use.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { siteDir, serve, launch, recordRequests } from "./harness.mjs";

const RELEVANCE = JSON.parse(fs.readFileSync(new URL("../search/relevance.json", import.meta.url), "utf8")).queries;

let server, browser, page;
before(async () => {
  server = await serve(siteDir());
  browser = await launch();
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function search(lang, q) {
  await page.goto(`${server.url}/${lang}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction((q) => document.querySelector("#search-form")?.dataset.done === q, q, { timeout: 15000 });
  const results = await page.$$eval("[data-search-result]", (els) => els.map((e) => ({ region: e.dataset.region ?? null, href: e.querySelector("a")?.getAttribute("href") })));
  const status = await page.textContent("#search-status");
  const count = Number(await page.getAttribute("#search-form", "data-count"));
  return { results, count, status };
}

/** The record a result links to, as `kind/id` (/{lang}/{kind}/{id}/). */
const recordOf = (x) => x.href?.split("/").slice(2, 4).join("/") ?? null;
/** Whether result `x` is the one `name` names: a record `kind/id`, or any record of a region. */
const is = (x, name) => (name.includes("/") ? recordOf(x) === name : x.region === name);
const show = (results) => results.map((x) => recordOf(x)).join(", ");

test("the relevance set has at least 80 queries in both languages, each stating what comes first and what may not be in the top 5", () => {
  assert.ok(RELEVANCE.length >= 80, `${RELEVANCE.length} queries`);
  assert.ok(RELEVANCE.some((r) => r.lang === "ja") && RELEVANCE.some((r) => r.lang === "en"));
  for (const r of RELEVANCE) {
    assert.ok(r.first?.length > 0 && r.not_top5?.length > 0, `${r.lang} ${r.q}: first and not_top5 are required`);
  }
});

for (const r of RELEVANCE) {
  test(`/${r.lang}/search/?q=${r.q}: ${r.first.join(", ")} first; not ${r.not_top5.join(", ")} in the top 5`, async () => {
    const got = await search(r.lang, r.q);
    const regions = new Set(got.results.map((x) => x.region));
    for (const want of r.expect) assert.ok(got.results.some((x) => is(x, want)), `${r.q}: ${want} missing; got ${[...regions].join(", ")} (${got.status})`);
    const head = got.results.slice(0, r.first.length);
    for (const want of r.first) assert.ok(head.some((x) => is(x, want)), `${r.q}: ${want} is not among the first ${r.first.length}: ${show(got.results.slice(0, 8))}`);
    for (const x of head) assert.ok(r.first.some((want) => is(x, want)), `${r.q}: ${recordOf(x)} comes before ${r.first.join(", ")}`);
    for (const x of got.results.slice(0, 5)) {
      for (const not of r.not_top5) assert.ok(!is(x, not), `${r.q}: ${recordOf(x)} (${not}) is in the top 5: ${show(got.results.slice(0, 5))}`);
    }
    for (const x of got.results) assert.ok(x.href?.startsWith(`/${r.lang}/`), `result without a link to a page: ${JSON.stringify(x)}`);
    if (r.same_as) {
      const twin = await search(r.lang, r.same_as);
      assert.equal(got.count, twin.count, `${r.q} and ${r.same_as} must find the same pages`);
    }
  });
}

test("a compound is matched only where its characters stand together", async () => {
  // 新幹線 is not in the handbook: its bigrams must not match pages with 新 and 線 apart.
  const got = await search("ja", "新幹線");
  assert.equal(got.results.length, 0, got.status);
  assert.ok(await page.isVisible("#search-suggest"), "no results shows suggestions");
});

test("a fiscal-year query does not match a calendar month of another fiscal year", async () => {
  // Kumamoto's sheet prints Ｒ4年3月 (March 2022, in FY2021) and no 令和4年度; Chiba City's
  // pages print 令和2年1月 (January 2020, in FY2019) and no 令和2年度.
  for (const [lang, q, absent] of [["ja", "令和4年度", "kumamoto-pref"], ["en", "FY2022", "kumamoto-pref"], ["ja", "令和2年度", "chiba-city"], ["ja", "R2年度", "kaiso-area"]]) {
    const got = await search(lang, q);
    assert.ok(got.count > 0, `${q}: ${got.status}`);
    assert.ok(!got.results.some((x) => x.region === absent), `${q} matches ${absent}: ${show(got.results)}`);
  }
  const month = await search("ja", "令和2年1月");
  assert.ok(month.results.some((x) => x.region === "chiba-city"), "令和2年1月 itself finds Chiba City");
});

test("the header search box leads to the results page, by keyboard", async () => {
  await page.goto(`${server.url}/en/`);
  const requests = recordRequests(page);
  await page.focus("#site-search");
  await page.keyboard.type("peer supporters");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#search-form")?.dataset.done === "peer supporters", null, { timeout: 15000 });
  assert.match(page.url(), /\/en\/search\/\?q=peer\+supporters/);
  assert.ok((await page.$$("[data-search-result]")).length > 0);
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), []);
});

test("facets narrow the results and keep counts", async () => {
  await search("ja", "ピアサポーター");
  const before = (await page.$$("[data-search-result]")).length;
  const box = await page.$('#search-facets input[name="kinds"]');
  assert.ok(box, "a record-type facet is offered");
  await box.focus();
  await page.keyboard.press("Space");
  await page.waitForFunction(() => location.search.includes("kinds="));
  await page.waitForFunction(() => document.querySelector("#search-form").dataset.done === "ピアサポーター");
  const after = (await page.$$("[data-search-result]")).length;
  assert.ok(after > 0 && after <= before, `${after} of ${before}`);
});
