// Casebook search: reads the index the build wrote under /search/{lang}/ and answers the
// query in /{lang}/search/?q=… . Queries are cut into keys by tokenize.js, the twin of the
// indexer's tokenizer, so the two always agree. A query downloads meta.json, the facet sets,
// one small shard per key (and the postings file of a common key), the entries of the
// results shown, and the excerpts of the results that scroll into view. The binary formats
// are described in src/search/index.rs.
import { Variants, query_keys, normalize, stem, is_cjk, MAX_GRAM } from "./tokenize.js";

const FORMAT = "casebook-search/3";
const PAGE = 20;
const TITLED = 6;
const FACETS = ["kinds", "prefectures", "region_kinds", "themes", "categories", "points"];
const cache = new Map();

function cached(url, read) {
  if (!cache.has(url)) cache.set(url, fetch(url).then((r) => (r.ok ? read(r) : null)));
  return cache.get(url);
}
const getJSON = (url) => cached(url, (r) => r.json());
const getText = (url) => cached(url, (r) => r.text());
const getBytes = (url) => cached(url, async (r) => new Uint8Array(await r.arrayBuffer()));

/** FNV-1a over UTF-8 bytes, as src/search/index.rs computes it. */
function fnv1a(term) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(term)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Reads unsigned LEB128 numbers, bytes and document sets (write_set in index.rs). */
class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.at = 0;
  }
  get done() {
    return this.at >= this.b.length;
  }
  byte() {
    return this.b[this.at++];
  }
  varint() {
    let n = 0;
    for (let shift = 1; ; shift *= 128) {
      const b = this.b[this.at++];
      n += (b & 127) * shift;
      if (b < 128) return n;
    }
  }
  bytes(n) {
    this.at += n;
    return this.b.subarray(this.at - n, this.at);
  }
  set() {
    const out = [];
    const tag = this.byte();
    if (tag === 0) {
      const n = this.varint();
      let d = 0;
      for (let i = 0; i < n; i++) out.push((d = i === 0 ? this.varint() : d + this.varint()));
    } else if (tag === 1) {
      const first = this.varint();
      const bits = this.bytes(this.varint());
      bits.forEach((byte, j) => {
        for (let k = 0; k < 8; k++) if (byte & (1 << k)) out.push(first + 8 * j + k);
      });
    } else {
      let end = 0;
      for (let n = this.varint(); n > 0; n--) {
        const start = end + this.varint();
        end = start + this.varint() + 1;
        for (let d = start; d < end; d++) out.push(d);
      }
    }
    return out;
  }
}

/** A key shard: Map(key → postings bytes, or the number of the postings file); null when
 * it cannot be fetched. */
const shard = (root, n) =>
  cached(`${root}t/${n}.bin`, async (response) => {
    const keys = new Map();
    const r = new Reader(new Uint8Array(await response.arrayBuffer()));
    const utf8 = new TextDecoder();
    while (!r.done) {
      const key = utf8.decode(r.bytes(r.varint()));
      keys.set(key, r.byte() === 0 ? r.bytes(r.varint()) : r.varint());
    }
    return keys;
  });

/** The postings of a key: Map(doc → {tier, points (bit n: found in Point n+1)}). */
async function postings(root, meta, key) {
  const n = fnv1a(key) % meta.shards;
  const entry = (await shard(root, n))?.get(key);
  const docs = new Map();
  if (entry === undefined) return docs;
  const r = new Reader(typeof entry === "number" ? await getBytes(`${root}t/${n}-${entry}.bin`) : entry);
  for (let tiers = r.varint(); tiers > 0; tiers--) {
    const tier = r.byte();
    for (const d of r.set()) docs.set(d, { tier, points: 0 });
  }
  for (let points = r.varint(); points > 0; points--) {
    const p = r.byte();
    for (const d of r.set()) docs.get(d).points |= 1 << p;
  }
  return docs;
}

/** The facet sets: for each facet but points, for each value, its documents. */
async function facetSets(root) {
  const r = new Reader((await getBytes(`${root}facets.bin`)) ?? new Uint8Array());
  const out = {};
  for (const name of FACETS.slice(0, 5)) {
    out[name] = [];
    for (let n = r.done ? 0 : r.varint(); n > 0; n--) out[name].push(r.set());
  }
  return out;
}

/** The query's keys: every one must be on a page (words, and CJK n-grams or windows). */
function keysOf(q, variants) {
  return [...new Set(q.split(/\s+/u).filter(Boolean).flatMap((chunk) => query_keys(chunk, variants)))];
}

/** BM25-like: the sum over keys of idf · the key's impact in the document. */
function score(lists, doc, meta) {
  let s = 0;
  for (const docs of lists) {
    const idf = Math.log(1 + (meta.docs - docs.size + 0.5) / (docs.size + 0.5));
    s += idf * meta.tier_base ** docs.get(doc).tier;
  }
  return s;
}

function facetLabel(meta, name, i) {
  if (name === "points") return `Point${i + 1}`;
  return meta.facets[name][i]?.[1] ?? String(i);
}

// ---- excerpts -------------------------------------------------------------------------

/** Normalized text with a map back to raw offsets, for finding matches to highlight. */
function normalizedWithMap(raw) {
  let text = "";
  const map = [];
  for (let i = 0; i < raw.length; ) {
    const cp = raw.codePointAt(i);
    const ch = String.fromCodePoint(cp);
    for (const n of normalize(ch)) {
      text += n;
      map.push(i);
    }
    i += ch.length;
  }
  map.push(raw.length);
  return { text, map };
}

function spellings(chunk, meta) {
  const n = normalize(chunk);
  const out = new Set([n]);
  for (const group of meta.variants) {
    const forms = group.map((g) => normalize(g));
    for (const f of forms) {
      if (!n.includes(f)) continue;
      for (const g of forms) out.add(n.split(f).join(g));
    }
  }
  return [...out];
}

function findMatch(raw, q, meta) {
  const { text, map } = normalizedWithMap(raw);
  let best = null;
  for (const chunk of q.split(/\s+/u).filter(Boolean)) {
    const words = /^[\p{L}\p{N}]+$/u.test(chunk) && !is_cjk(chunk[0]) ? [stem(normalize(chunk))] : spellings(chunk, meta);
    for (const w of words) {
      const at = text.indexOf(w);
      if (at >= 0 && (!best || at < best.at)) best = { at, len: w.length };
    }
  }
  if (!best) return null;
  return { start: map[best.at], end: map[Math.min(best.at + best.len, map.length - 1)] };
}

function excerptNode(raw, q, meta) {
  const p = document.createElement("p");
  p.className = "excerpt";
  const m = findMatch(raw, q, meta);
  if (!m) {
    p.textContent = raw.slice(0, 160) + (raw.length > 160 ? "…" : "");
    return p;
  }
  const from = Math.max(0, m.start - 60);
  const to = Math.min(raw.length, m.end + 100);
  const mark = document.createElement("mark");
  mark.textContent = raw.slice(m.start, m.end);
  p.append((from > 0 ? "…" : "") + raw.slice(from, m.start), mark, raw.slice(m.end, to) + (to < raw.length ? "…" : ""));
  return p;
}

// ---- page -----------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function selectedFilters(params) {
  const f = {};
  for (const name of FACETS) {
    const v = params.get(name);
    f[name] = v ? v.split(",").map(Number) : [];
  }
  return f;
}

function renderFacets(aside, meta, counts, filters, onChange) {
  aside.replaceChildren();
  for (const name of FACETS) {
    const entries = [...counts[name].entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (entries.length === 0) continue;
    const list = el("ul");
    for (const [value, count] of entries) {
      const input = el("input", { type: "checkbox", name, value: String(value) });
      input.checked = filters[name].includes(value);
      input.addEventListener("change", onChange);
      list.append(el("li", {}, el("label", {}, input, ` ${facetLabel(meta, name, value)}`, el("span", { class: "count" }, String(count)))));
    }
    aside.append(el("fieldset", {}, el("legend", {}, aside.dataset[name]), list));
  }
  aside.hidden = aside.childElementCount === 0;
}

/** Excerpts load as their results come into view: a query downloads only those read. */
const excerpts =
  "IntersectionObserver" in globalThis
    ? new IntersectionObserver((entries) => {
        for (const e of entries.filter((x) => x.isIntersecting)) {
          excerpts.unobserve(e.target);
          e.target.load();
        }
      })
    : null;

async function renderResult(root, meta, q, hit) {
  const [url, title, kind, region, regionName] = await getJSON(`${root}d/${hit.doc}.json`);
  const li = el("li", { "data-search-result": "", "data-kind": kind });
  if (region) li.setAttribute("data-region", region);
  const kindName = meta.facets.kinds.find((k) => k[0] === kind)?.[1] ?? kind;
  li.append(el("a", { class: "result-title", href: url }, title));
  li.append(el("div", { class: "result-meta" }, [kindName, regionName].filter(Boolean).join(" · ")));
  const slot = el("p", { class: "excerpt" });
  li.append(slot);
  li.load = async () => slot.replaceWith(excerptNode(await getText(`${root}x/${hit.doc}.txt`), q, meta));
  if (excerpts) excerpts.observe(li);
  else li.load();
  return li;
}

async function run(form) {
  const params = new URLSearchParams(location.search);
  const q = (params.get("q") ?? "").trim();
  const input = form.querySelector("#search-q");
  input.value = q;
  const status = document.querySelector("#search-status");
  const list = document.querySelector("#search-results");
  const aside = document.querySelector("#search-facets");
  const more = document.querySelector("#search-more");
  const suggest = document.querySelector("#search-suggest");
  if (!q) {
    input.focus();
    return;
  }
  status.textContent = form.dataset.loading;
  const root = form.dataset.index;
  const meta = await getJSON(`${root}meta.json`);
  if (meta?.format !== FORMAT || meta.max_gram !== MAX_GRAM) {
    // An index this script cannot read (a stale cached script, or a failed download).
    status.textContent = form.dataset.none.replace("{q}", q);
    form.dataset.count = "0";
    form.dataset.done = q;
    return;
  }
  const variants = new Variants(meta.variants);
  const keys = keysOf(q, variants);
  const [sets, ...lists] = await Promise.all([facetSets(root), ...keys.map((k) => postings(root, meta, k))]);
  // Candidates from the rarest key; a page must have every key.
  const byRarity = [...lists].sort((a, b) => a.size - b.size);
  const hits = [];
  const found = new Map();
  for (const doc of byRarity[0]?.keys() ?? []) {
    if (!byRarity.every((docs) => docs.has(doc))) continue;
    let points = 0;
    for (const docs of lists) points |= docs.get(doc).points;
    const facets = { kinds: [], prefectures: [], region_kinds: [], themes: [], categories: [], points: [0, 1, 2, 3, 4, 5].filter((p) => points & (1 << p)) };
    // Bit 6 (after the six Points): the key is in the title or a heading.
    const titled = lists.every((docs) => docs.get(doc).points & (1 << TITLED));
    const hit = { doc, titled, score: score(lists, doc, meta), facets };
    hits.push(hit);
    found.set(doc, hit);
  }
  for (const name of FACETS.slice(0, 5)) {
    sets[name].forEach((docs, value) => {
      for (const d of docs) found.get(d)?.facets[name].push(value);
    });
  }
  // Every key in the title or a heading first, then by score; ties by document number
  // (the index's facet order: record type, prefecture, region kind, region, URL).
  hits.sort((a, b) => b.titled - a.titled || b.score - a.score || a.doc - b.doc);

  const filters = selectedFilters(params);
  const keep = (h, except) => FACETS.every((n) => n === except || filters[n].length === 0 || filters[n].some((v) => h.facets[n].includes(v)));
  const counts = Object.fromEntries(FACETS.map((n) => [n, new Map()]));
  for (const h of hits) for (const n of FACETS) if (keep(h, n)) for (const v of new Set(h.facets[n])) counts[n].set(v, (counts[n].get(v) ?? 0) + 1);
  const shown = hits.filter((h) => keep(h));
  renderFacets(aside, meta, counts, filters, () => {
    const next = new URLSearchParams({ q });
    for (const n of FACETS) {
      const v = [...aside.querySelectorAll(`input[name="${n}"]:checked`)].map((i) => i.value);
      if (v.length) next.set(n, v.join(","));
    }
    history.replaceState(null, "", `?${next.toString().replaceAll("%2C", ",")}`);
    run(form);
  });

  list.replaceChildren();
  suggest.hidden = shown.length > 0;
  if (!shown.length) {
    const tryList = document.querySelector("#search-try");
    tryList.replaceChildren();
    const words = q.split(/\s+/u).filter(Boolean);
    if (words.length > 1) {
      tryList.append(form.dataset.try, " ");
      for (const w of words) tryList.append(el("a", { href: `?q=${encodeURIComponent(w)}` }, w), " ");
    }
  }
  let page = 0;
  const showPage = async () => {
    const slice = shown.slice(page * PAGE, (page + 1) * PAGE);
    list.append(...(await Promise.all(slice.map((h) => renderResult(root, meta, q, h)))));
    page += 1;
    more.hidden = page * PAGE >= shown.length;
  };
  more.onclick = showPage;
  await showPage();
  // The status is set last, once the first results are on the page (tests wait for it).
  status.textContent = (shown.length ? form.dataset.results : form.dataset.none).replace("{q}", q).replace("{n}", String(shown.length));
  form.dataset.count = String(shown.length);
  form.dataset.done = q;
}

const form = document.querySelector("#search-form");
if (form) run(form);
