// Casebook comparison pages, progressive enhancement: without JavaScript the pages show
// every comparison; with it, readers pick regions and indicators (kept in the URL as
// ?regions=a,b&indicators=x,y so a comparison can be shared) and narrow the Point1–6 matrix
// (kept in the URL as ?regions=a,b too).
// Reads /data/compare.json (the regions and indicators, and where each region's comparisons
// are) and then only the chosen regions' /data/compare/<id>.json, each once, from this site:
// the URLs come from the index, never from the page's address.

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function checked(form, name) {
  return $$(`input[name="${name}"]`, form).filter((i) => i.checked).map((i) => i.value);
}

function valueCell(v, lang) {
  const td = el("td");
  if (!v) return td;
  td.append(el("span", { class: "value" }, v.text[lang]));
  if (v.share) td.append(el("br"), el("small", { class: "share" }, v.share[lang]));
  if (v.date[lang]) td.append(el("br"), el("small", {}, v.date[lang]));
  // Every note and footnote the static table shows; Japanese where it is not yet translated.
  for (const n of v.notes ?? []) {
    const own = n[lang];
    td.append(el("br"), el("small", own ? { class: "note" } : { class: "note", lang: "ja" }, own ?? n.ja));
  }
  return td;
}

// The verdict as the static table prints it (compare::format::VerdictText): a badge, then
// the gap so far with its date and deadline, or why the values are not comparable.
function verdictCell(v, lang) {
  const td = el("td", { class: "verdict-cell" });
  if (!v) return td;
  td.append(el("span", { class: `verdict ${v.status}` }, v.label[lang] ?? v.label.ja));
  for (const d of v.details[lang] ?? v.details.ja ?? []) td.append(el("br"), el("small", { class: "verdict-detail" }, d));
  return td;
}

// Where the values come from, linked to the row of the record (compare::format::source_text).
function sourceCell(r, lang) {
  const td = el("td");
  const s = r.source;
  if (s) td.append(el("small", {}, el("a", { class: "source", href: s.url[lang] }, s.text[lang] ?? s.text.ja)));
  return td;
}

// The chosen regions that have one of the chosen indicators, as the index lists them.
function wanted(data, form) {
  const regions = new Set(checked(form, "regions"));
  const indicators = checked(form, "indicators");
  return data.regions.filter((r) => regions.has(r.id) && r.indicators.some((i) => indicators.includes(i)));
}

// Each region's comparisons, fetched once (a promise per region id).
const shards = new Map();
function rowsOf(region) {
  if (!shards.has(region.id)) shards.set(region.id, fetch(region.rows).then((r) => r.json()).then((d) => d.rows));
  return shards.get(region.id);
}

async function render(data, form, out, labels) {
  const lang = form.dataset.lang;
  const regions = checked(form, "regions");
  const indicators = checked(form, "indicators");
  const loaded = (await Promise.all(wanted(data, form).map(rowsOf))).flat();
  out.replaceChildren();
  if (regions.length === 0) {
    out.append(el("p", {}, labels.nothing));
    return;
  }
  const names = Object.fromEntries(data.regions.map((r) => [r.id, r.name[lang] ?? r.name.ja]));
  for (const ind of data.indicators.filter((i) => indicators.includes(i.id))) {
    const rows = loaded.filter((r) => r.indicator === ind.id && regions.includes(r.region));
    if (rows.length === 0) continue;
    const table = el("table", { class: "comparison", "data-indicator": ind.id });
    table.append(el("caption", {}, ind.name[lang] ?? ind.name.ja));
    const head = el("tr", {}, el("th", { scope: "col" }, labels.area));
    const cols = ["baseline", "target", "actual", "gap"];
    for (const c of cols) head.append(el("th", { scope: "col" }, labels[c]));
    head.append(el("th", { scope: "col" }, labels.verdict), el("th", { scope: "col" }, labels.source));
    table.append(el("thead", {}, head));
    const body = el("tbody");
    for (const r of rows) {
      const link = el("a", { href: r.url[lang] }, names[r.region] ?? r.region);
      const tr = el("tr", { "data-region": r.region }, el("th", { scope: "row" }, link));
      tr.append(valueCell(r.baseline, lang), valueCell(r.target, lang), valueCell(r.actual, lang), el("td", { class: "num" }, r.gap[lang] ?? ""));
      tr.append(verdictCell(r.verdict, lang), sourceCell(r, lang));
      body.append(tr);
    }
    table.append(body);
    out.append(el("div", { class: "table-wrap sticky-wrap" }, table));
  }
}

function syncUrl(form) {
  const params = new URLSearchParams();
  const regions = checked(form, "regions");
  const indicators = checked(form, "indicators");
  if (regions.length) params.set("regions", regions.join(","));
  const all = $$('input[name="indicators"]', form).length;
  if (indicators.length !== all) params.set("indicators", indicators.join(","));
  const query = params.toString().replaceAll("%2C", ",");
  const url = location.pathname + (query ? `?${query}` : "");
  history.replaceState(null, "", url);
  $("#share-link").href = url;
}

async function compare(form) {
  const out = $("#compare-result");
  const params = new URLSearchParams(location.search);
  for (const name of ["regions", "indicators"]) {
    const wanted = params.get(name);
    if (wanted === null) continue;
    const set = new Set(wanted.split(",").filter(Boolean));
    for (const input of $$(`input[name="${name}"]`, form)) input.checked = set.has(input.value);
  }
  const data = await (await fetch(form.dataset.json)).json();
  form.hidden = false;
  out.hidden = false;
  // A later choice's rendering wins over an earlier one still waiting for its data.
  let latest = 0;
  const update = async () => {
    syncUrl(form);
    const mine = ++latest;
    const shadow = el("div");
    await render(data, form, shadow, out.dataset);
    if (mine === latest) out.replaceChildren(...shadow.childNodes);
  };
  form.addEventListener("change", update);
  form.addEventListener("submit", (e) => e.preventDefault());
  update();
}

// The Point1–6 matrix narrowed to chosen regions, kept in the URL as ?regions=a,b (absent
// when every column is shown) so that the narrowed view can be shared; columns of one region
// are shown or hidden together.
function narrow(details) {
  details.hidden = false;
  const boxes = $$("input[data-column]", details);
  const apply = () => {
    for (const box of boxes) {
      for (const cell of $$(`[data-column="${box.dataset.column}"]`).filter((c) => c !== box)) cell.hidden = !box.checked;
    }
  };
  const wanted = new URLSearchParams(location.search).get("regions");
  if (wanted !== null) {
    const set = new Set(wanted.split(",").filter(Boolean));
    for (const box of boxes) box.checked = set.has(box.value);
    details.open = true;
  }
  apply();
  details.addEventListener("change", (e) => {
    for (const box of boxes.filter((b) => b.value === e.target.value)) box.checked = e.target.checked;
    apply();
    const shown = [...new Set(boxes.filter((b) => b.checked).map((b) => b.value))];
    const all = boxes.every((b) => b.checked);
    const query = all ? "" : `?regions=${shown.map(encodeURIComponent).join(",")}`;
    history.replaceState(null, "", location.pathname + query);
  });
}

const form = $("#compare-form");
if (form) compare(form);
const details = $("#narrow");
if (details) narrow(details);
