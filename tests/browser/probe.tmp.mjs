// scratch: print the results of queries (not committed)
import { serve, launch } from "./harness.mjs";
const site = process.env.CASEBOOK_SITE;
const server = await serve(site);
const browser = await launch();
const page = await browser.newPage();
const lines = process.argv.slice(2);
for (const line of lines) {
  const [lang, q] = [line.slice(0, 2), line.slice(3)];
  await page.goto(`${server.url}/${lang}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction((q) => document.querySelector("#search-form")?.dataset.done === q, q, { timeout: 15000 });
  const res = await page.$$eval("[data-search-result]", (els) => els.map((e) => `${e.dataset.region ?? "-"} ${e.querySelector("a").getAttribute("href").split("/").slice(2, 4).join("/")}`));
  const count = await page.getAttribute("#search-form", "data-count");
  console.log(`${lang} ${q} [${count}]: ${res.slice(0, 8).join(" | ")}`);
}
await browser.close();
await server.close();
