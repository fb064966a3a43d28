// Accessibility: axe-core (WCAG 2.x A and AA rules) in real headless Chromium finds no
// violation on the built handbook's main page kinds, in both languages; pages load nothing
// from other hosts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { siteDir, serve, launch, recordRequests, axeProblems } from "./harness.mjs";


let server, browser;
before(async () => {
  server = await serve(siteDir());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The pages to check: one of each kind, plus every comparison page the build wrote. */
function pages() {
  const dir = siteDir();
  const list = ["", "regions/", "regions/kumamoto-pref/", "regions/tsugaru-area/", "cases/", "status-sheets/kumamoto-pref-sheet/", "outcomes/tochigi-pref-outcome/", "cases/chiba-city-awareness/", "practices/a-pref-h-city-housing/", "analyses/toyama-pref-analysis/", "themes/community-transition/", "glossary/", "pages/points/", "editors/translation/", "search/?q=%E5%9C%B0%E5%9F%9F%E7%A7%BB%E8%A1%8C"];
  for (const sub of ["compare", "indicators"]) {
    const root = path.join(dir, "ja", sub);
    if (!fs.existsSync(root)) continue;
    for (const entry of fs.readdirSync(root, { recursive: true })) {
      if (String(entry).endsWith("index.html")) list.push(`${sub}/${String(entry).replace(/index\.html$/, "")}`);
    }
  }
  return list.flatMap((p) => ["ja", "en"].map((lang) => `/${lang}/${p}`));
}

for (const url of pages()) {
  test(`axe finds no WCAG A/AA violation on ${url}`, async () => {
    const page = await browser.newPage();
    const requests = recordRequests(page);
    const response = await page.goto(server.url + url);
    assert.equal(response.status(), 200, `${url} answered ${response.status()}`);
    if (url.includes("/search/")) await page.waitForFunction(() => document.querySelector("#search-form")?.dataset.done, null, { timeout: 15000 });
    const problems = await axeProblems(page);
    assert.deepEqual(problems, [], `${url}:\n${problems.join("\n")}`);
    const foreign = requests.filter((r) => !r.startsWith(server.url) && !r.startsWith("data:"));
    assert.deepEqual(foreign, [], `${url} requested other hosts`);
    await page.close();
  });
}
