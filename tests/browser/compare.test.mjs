// The interactive comparison: a shareable URL (?regions=a,b) selects regions on load, the
// choice is kept in the URL as it changes, and it works from the keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { siteDir, serve, launch, recordRequests } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await serve(siteDir());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function regionsShown(page) {
  return page.$$eval("#compare-result tr[data-region]", (rows) => [...new Set(rows.map((r) => r.dataset.region))].sort());
}

for (const lang of ["ja", "en"]) {
  test(`/${lang}/compare/?regions=… shows exactly those regions`, async () => {
    const page = await browser.newPage();
    const requests = recordRequests(page);
    await page.goto(`${server.url}/${lang}/compare/?regions=kumamoto-pref,kagoshima-pref`);
    await page.waitForSelector("#compare-result table");
    assert.deepEqual(await regionsShown(page), ["kagoshima-pref", "kumamoto-pref"]);
    const text = await page.textContent("#compare-result");
    assert.ok(text.includes("4,830") && text.includes("4,396") && text.includes("+434"), text.slice(0, 400));
    assert.ok(text.includes("39 / 43"), "Kagoshima's forums keep both numbers");
    // Issue #15: the interactive view gives the static table's verdicts, dates allowing.
    const soFar = lang === "ja" ? "令和元年6月時点で目標を434人上回る" : "434 above the target as of June 2019; not yet due (deadline: end of FY2021)";
    assert.ok(text.includes(soFar), text.slice(0, 1200));
    assert.ok(text.includes(lang === "ja" ? "比較できない" : "not comparable"), text.slice(0, 1200));
    assert.ok(text.includes(lang === "ja" ? "−14.2ポイント" : "−14.2 pt"), "a difference of rates is in points");
    assert.equal(await page.locator("#compare-result .verdict.not-met").count(), 0, "no final verdict before the deadline");
    // Issue #15 item 4: each row names and links the record's section and row it comes from.
    const sources = await page.$$eval('#compare-result table[data-indicator="long-term-inpatients"] tr[data-region="kumamoto-pref"] a.source', (a) => a.map((l) => [l.textContent, l.getAttribute("href")]));
    const [s4, s5] = lang === "ja" ? ["自治体情報シート・４ 成果・効果・1行目", "自治体情報シート・５ 強みと課題・1行目"] : ["Status sheet, 4. Results and effects, row 1", "Status sheet, 5. Strengths and issues, row 1"];
    assert.deepEqual(sources, [
      [s4, `/${lang}/status-sheets/kumamoto-pref-sheet/#s4-row-1`],
      [s5, `/${lang}/status-sheets/kumamoto-pref-sheet/#s5-row-1`],
    ]);
    // Issue #15: names, never ids, in the interactive view.
    assert.ok(!/kumamoto-pref|kagoshima-pref|long-term-inpatients|discharge-rate-|municipal-forums/.test(text), text.slice(0, 400));
    assert.deepEqual(requests.filter((r) => !r.startsWith(server.url)), []);
    // Issue #15 item 8c: the index, then only the two chosen regions' comparisons.
    const data = requests.filter((r) => r.includes("/data/")).map((r) => new URL(r).pathname).sort();
    assert.deepEqual(data, ["/data/compare.json", "/data/compare/kagoshima-pref.json", "/data/compare/kumamoto-pref.json"]);
    await page.close();
  });
}

test("choosing a region with the keyboard updates the view and the shareable URL", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/en/compare/?regions=kumamoto-pref`);
  await page.waitForSelector("#compare-result table");
  await page.focus('input[name="regions"][value="kagoshima-pref"]');
  await page.keyboard.press("Space");
  await page.waitForFunction(() => location.search.includes("kagoshima-pref"));
  // The region's comparisons are fetched when it is chosen (issue #15 item 8c).
  await page.waitForSelector('#compare-result tr[data-region="kagoshima-pref"]');
  assert.match(new URL(page.url()).search, /regions=kagoshima-pref,kumamoto-pref|regions=kumamoto-pref,kagoshima-pref/);
  assert.deepEqual(await regionsShown(page), ["kagoshima-pref", "kumamoto-pref"]);
  const share = await page.getAttribute("#share-link", "href");
  assert.ok(share.includes("kagoshima-pref"), share);
  await page.close();
});

test("without JavaScript every comparison is still listed", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/en/compare/`);
  assert.equal(await page.isVisible("#compare-form"), false);
  const rows = await page.$$eval("#all-comparisons tr[data-region]", (r) => r.length);
  assert.ok(rows >= 10, `only ${rows} rows`);
  await context.close();
});

test("the Point1–6 matrix can be narrowed to chosen regions", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/en/compare/points/`);
  await page.click("#narrow summary");
  const first = await page.$('#narrow input[data-column="1"]');
  await first.focus();
  await page.keyboard.press("Space");
  assert.equal(await page.isVisible('th[data-column="1"]'), false);
  assert.equal(await page.isVisible('th[data-column="2"]'), true);
  await page.close();
});

// Issue #15 item 8d: the narrowed matrix is in the URL, and a shared URL narrows it.
test("the Point1–6 matrix's narrowing is kept in the URL", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/en/compare/points/`);
  const regions = await page.$$eval("#narrow input[data-column]", (b) => b.map((x) => x.value));
  const first = regions[0];
  const others = [...new Set(regions.filter((r) => r !== first))];
  assert.ok(others.length >= 1, regions.join());
  await page.click("#narrow summary");
  await page.check(`#narrow input[data-column="1"]`).then(() => page.uncheck(`#narrow input[data-column="1"]`));
  const url = new URL(page.url());
  assert.deepEqual(url.searchParams.get("regions").split(",").sort(), others.sort());
  // Every column of that region is hidden, every other shown.
  const hidden = await page.$$eval("thead th[data-region]", (t) => t.filter((x) => x.hidden).map((x) => x.dataset.region));
  assert.deepEqual([...new Set(hidden)], [first]);
  // The URL, opened again, narrows the matrix the same way.
  await page.goto(url.href);
  assert.equal(await page.isVisible('th[data-column="1"]'), false);
  assert.equal(await page.isChecked('#narrow input[data-column="1"]'), false);
  const shown = await page.$$eval("thead th[data-region]", (t) => t.filter((x) => !x.hidden).map((x) => x.dataset.region));
  assert.deepEqual([...new Set(shown)].sort(), others.sort());
  await page.close();
});

// Issue #15 item 8d: a large table keeps its header row and first column in view.
test("the Point1–6 matrix keeps its header row and Point column in view when scrolled", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 700 } });
  await page.goto(`${server.url}/en/compare/points/`);
  const wrap = page.locator(".matrix-wrap");
  await wrap.evaluate((w) => { w.scrollTop = 600; w.scrollLeft = 900; });
  const [box, head, point] = await Promise.all([
    wrap.boundingBox(),
    page.locator(".points-matrix thead th").nth(1).boundingBox(),
    page.locator(".points-matrix tbody th").nth(3).boundingBox(),
  ]);
  assert.ok(await wrap.evaluate((w) => w.scrollTop > 0 && w.scrollLeft > 0), "the matrix scrolls inside its box");
  assert.ok(Math.abs(head.y - box.y) < 2, `the header row stays at the top: ${head.y} vs ${box.y}`);
  assert.ok(Math.abs(point.x - box.x) < 2, `the Point column stays at the left: ${point.x} vs ${box.x}`);
  await page.close();
});

test("the interactive view shows a part's share, computed, and every note of a value", async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/en/compare/?regions=chiba-city&indicators=discharged,discharge-support-given`);
  await page.waitForSelector("#compare-result table");
  const text = await page.textContent("#compare-result");
  assert.ok(text.includes("13 / 31") && text.includes("41.9% (computed)"), text);
  assert.ok(text.includes("Total of the participants in each of the above community transition support programmes"), text);
  await page.close();
});
