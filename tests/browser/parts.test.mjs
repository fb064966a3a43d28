// Long pages in parts (issue #15 item 8, render::view::parts) on a generated corpus large enough
// for them to split (scripts/test.sh builds 120 regions into CASEBOOK_GEN_SITE): the national
// summary and a part of each split page pass axe (WCAG 2.x A and AA), every part the summary
// links to answers and marks itself as the current part, the other parts are reached from the
// keyboard, and nothing is requested from other hosts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, recordRequests, axeProblems } from "./harness.mjs";

const dir = process.env.CASEBOOK_GEN_SITE;

let server, browser;
before(async () => {
  server = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The pages that may be split, below `/{lang}/`. */
const WHOLES = ["compare/", "compare/points/", "compare/issues/", "compare/timeline/", "compare/categories/", "indicators/discharged/", "cases/", "analyses/", "editors/translation/"];

/** The part URLs a summary page links to (its table's rows). */
function partsOf(html) {
  return [...html.matchAll(/<tr data-part><th scope="row"><a href="([^"]+)"/g)].map((m) => m[1]);
}

function read(url) {
  return fs.readFileSync(path.join(dir, url, "index.html"), "utf8");
}

const split = dir ? WHOLES.filter((w) => read(`/ja/${w}`).includes("<tr data-part>")) : [];

test("the generated corpus has split pages to check", { skip: !dir && "CASEBOOK_GEN_SITE is not set" }, () => {
  assert.ok(split.includes("compare/"), `split: ${split}`);
  assert.ok(split.length >= 4, `split: ${split}`);
});

for (const whole of split) {
  for (const lang of ["ja", "en"]) {
    const summary = `/${lang}/${whole}`;
    const parts = partsOf(read(summary));
    for (const url of [summary, parts[0], parts.at(-1)]) {
      test(`axe finds no WCAG A/AA violation on ${url}`, async () => {
        const page = await browser.newPage();
        const requests = recordRequests(page);
        const response = await page.goto(server.url + url);
        assert.equal(response.status(), 200);
        const problems = await axeProblems(page);
        assert.deepEqual(problems, [], `${url}:\n${problems.join("\n")}`);
        const foreign = requests.filter((r) => !r.startsWith(server.url) && !r.startsWith("data:"));
        assert.deepEqual(foreign, [], `${url} requested other hosts`);
        await page.close();
      });
    }
    test(`every part of ${summary} answers and marks itself`, () => {
      assert.ok(parts.length >= 2, `${summary}: ${parts}`);
      for (const url of parts) {
        const html = read(url);
        assert.ok(html.includes(`<a href="${url}" aria-current="page">`), `${url} does not mark itself`);
        assert.ok(html.includes(`<a href="${summary}">`), `${url} does not link back to ${summary}`);
      }
    });
  }
}

test("the other parts open from the keyboard", { skip: !dir && "CASEBOOK_GEN_SITE is not set" }, async () => {
  const summary = "/en/compare/";
  const [first, second] = partsOf(read(summary));
  const page = await browser.newPage();
  await page.goto(server.url + first);
  const toggle = page.locator("nav.parts summary");
  await toggle.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("nav.parts details").getAttribute("open"), "");
  await page.locator(`nav.parts a[href="${second}"]`).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(server.url + second);
  assert.equal(await page.locator(`nav.parts a[href="${second}"][aria-current="page"]`).count(), 1);
  await page.close();
});
