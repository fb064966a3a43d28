// Casebook search: reads the index the build wrote under /search/{lang}/ and answers the
// query in /{lang}/search/?q=… . Queries are tokenized by tokenize.js, the twin of the
// indexer's tokenizer, so the two always agree. Only the term shards of the query, the
// document entries of the results shown and their excerpts are downloaded.
import { Variants, query_terms, normalize, stem, is_cjk, UNIGRAM_PREFIX } from "./tokenize.js";

const PAGE = 20;
const K1 = 1.2;
const FACETS = ["kinds", "prefectures", "region_kinds", "themes", "categories", "points"];
const cache = new Map();

function getJSON(url) {
  if (!cache.has(url)) cache.set(url, fetch(url).then((r) => (r.ok ? r.json() : null)));
  return cache.get(url);
}

function getText(url) {
  if (!cache.has(url)) cache.set(url, fetch(url).then((r) => (r.ok ? r.text() : "")));
  return cache.get(url);
}

/** FNV-1a over UTF-8 bytes, as src/search/index.rs computes it. */
function fnv1a(term) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(term)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const isPhraseTerm = (t) => !t.startsWith(UNIGRAM_PREFIX) && is_cjk(t[0]);

/** The query as chunks (split at spaces), each a list of terms with adjacency links. */
function parse(q, variants) {
  return q
    .split(/\s+/u)
    .filter(Boolean)
    .map((chunk) => {
      const tokens = query_terms(chunk, variants);
      return tokens.map((t, i) => ({
        term: t.term,
        // Adjacent CJK bigrams of one run must stand together in the document.
        next: i + 1 < tokens.length && tokens[i + 1].pos === t.pos + 1 && isPhraseTerm(t.term) && isPhraseTerm(tokens[i + 1].term),
      }));
    })
    .filter((c) => c.length > 0);
}

/** postings[term] = Map(doc → {fields: Map(field → positions), code}) */
async function load(root, meta, terms) {
  const out = new Map();
  await Promise.all(
    [...new Set(terms)].map(async (term) => {
      const shard = await getJSON(`${root}t/${fnv1a(term) % meta.shards}.json`);
      const docs = new Map();
      for (const [doc, field, code, themes, cats, ...pos] of shard?.[term] ?? []) {
        if (!docs.has(doc)) docs.set(doc, { fields: new Map(), code: [code, themes, cats] });
        docs.get(doc).fields.set(field, pos);
      }
      out.set(term, docs);
    }),
  );
  return out;
}

/** Whether a run of adjacent terms stands together in one field of the document. */
function phraseIn(run, postings, doc) {
  const first = postings.get(run[0]).get(doc);
  for (const [field, starts] of first.fields) {
    for (const p of starts) {
      if (run.every((t, i) => postings.get(t).get(doc)?.fields.get(field)?.includes(p + i))) return true;
    }
  }
  return false;
}

function matches(chunks, postings, doc) {
  for (const chunk of chunks) {
    if (!chunk.every((t) => postings.get(t.term).has(doc))) return false;
    let run = [];
    for (const t of chunk) {
      run.push(t.term);
      if (!t.next) {
        if (run.length > 1 && !phraseIn(run, postings, doc)) return false;
        run = [];
      }
    }
  }
  return true;
}

function score(terms, postings, doc, meta) {
  let s = 0;
  for (const term of new Set(terms)) {
    const docs = postings.get(term);
    const idf = Math.log(1 + (meta.docs - docs.size + 0.5) / (docs.size + 0.5));
    for (const [field, pos] of docs.get(doc).fields) {
      const tf = pos.length;
      s += meta.fields[field][1] * idf * ((tf * (K1 + 1)) / (tf + K1));
    }
  }
  return s;
}

/** The facet values of a document: [kind, prefecture, region kind, themes[], categories[], points[]]. */
function facetValues(entry, fields) {
  const [code, themes, cats] = entry.code;
  const bits = (m) => [...Array(31).keys()].filter((i) => m & (1 << i));
  const points = [...fields].filter((f) => f >= 4).map((f) => f - 4);
  return {
    kinds: [code & 15],
    prefectures: ((code >> 4) & 255) > 0 ? [((code >> 4) & 255) - 1] : [],
    region_kinds: ((code >> 12) & 255) > 0 ? [((code >> 12) & 255) - 1] : [],
    themes: bits(themes),
    categories: bits(cats),
    points,
  };
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

async function renderResult(root, meta, q, hit) {
  const shard = await getJSON(`${root}d/${Math.floor(hit.doc / meta.docs_per_shard)}.json`);
  const [url, title, kind, region, regionName] = shard[hit.doc % meta.docs_per_shard];
  const li = el("li", { "data-search-result": "", "data-kind": kind });
  if (region) li.setAttribute("data-region", region);
  const kindName = meta.facets.kinds.find((k) => k[0] === kind)?.[1] ?? kind;
  li.append(el("a", { class: "result-title", href: url }, title));
  li.append(el("div", { class: "result-meta" }, [kindName, regionName].filter(Boolean).join(" · ")));
  li.append(excerptNode(await getText(`${root}x/${hit.doc}.txt`), q, meta));
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
  const variants = new Variants(meta.variants);
  const chunks = parse(q, variants);
  const terms = chunks.flat().map((t) => t.term);
  const postings = await load(root, meta, terms);
  const candidates = chunks.length ? [...(postings.get(terms[0]) ?? new Map()).keys()] : [];
  const hits = [];
  for (const doc of candidates) {
    if (!matches(chunks, postings, doc)) continue;
    const entry = postings.get(terms[0]).get(doc);
    const fields = new Set(terms.flatMap((t) => [...postings.get(t).get(doc).fields.keys()]));
    hits.push({ doc, score: score(terms, postings, doc, meta), facets: facetValues(entry, fields) });
  }
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);

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
