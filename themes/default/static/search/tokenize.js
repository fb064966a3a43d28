// Casebook's search tokenizer, for queries in the browser (and tests in Node).
//
// This file MUST behave exactly like src/search/tokenize.rs, which tokenizes the pages when
// the site is built: a query finds a page only when both produce the same keys. Keep the
// two in step, change by change; tests/search/vectors.json and tests/search/stems.json are
// run against both (`cargo test --lib search`, `node --test tests/search/`) and prove it.
// Names follow the Rust ones. No dependencies and no build step: an ES module as it is.
//
// Steps: normalize (NFKC, lowercase Latin) → fold spelling variants → fold era years and
// counters (R3 → 令和3, 3ヶ月 → 3か月) → split into runs of units (CJK characters, words and
// numbers standing together) → n-gram keys of units / stemmed words (Snowball English).

/** Marks one-character CJK keys: `1:障` is the character anywhere in a page. */
export const UNIGRAM_PREFIX = "1:";

// Inclusive code-point ranges, the same table as CJK in tokenize.rs (not \p{Han}, whose
// meaning moves with the engine's Unicode version).
const CJK = [
  [0x3005, 0x3007], // 々 〆 〇
  [0x303b, 0x303b], // 〻
  [0x3041, 0x309f], // hiragana, voicing marks, ゝ ゞ ゟ
  [0x30a1, 0x30fa], // katakana (not ゠ U+30A0)
  [0x30fc, 0x30ff], // ー ヽ ヾ ヿ (not the middle dot ・ U+30FB, which separates)
  [0x31f0, 0x31ff], // small katakana for Ainu
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xf900, 0xfaff], // CJK Compatibility Ideographs left by NFKC
  [0x20000, 0x3ffff], // the ideographic planes (Extensions B and later)
];

// Letters and digits that make words: Latin only, all in the BMP (see WORD in tokenize.rs).
const WORD = [
  [0x30, 0x39], // 0-9
  [0x41, 0x5a], // A-Z
  [0x61, 0x7a], // a-z
  [0xc0, 0xd6], // Latin-1 letters, not ×
  [0xd8, 0xf6], // not ÷
  [0xf8, 0x24f], // Latin-1, Latin Extended-A and -B
  [0x1e00, 0x1eff], // Latin Extended Additional
];

const inRanges = (ch, ranges) => {
  const c = ch.codePointAt(0);
  return ranges.some(([lo, hi]) => lo <= c && c <= hi);
};

/** Whether the character `ch` belongs to a CJK run. */
export const is_cjk = (ch) => inRanges(ch, CJK);

/** Whether the character `ch` belongs to a word (Latin letter or ASCII digit). */
export const is_word = (ch) => inRanges(ch, WORD);

const isDigit = (ch) => ch !== undefined && ch.length === 1 && ch >= "0" && ch <= "9";

/** NFKC, then lowercase word characters only (their mappings agree with Rust's). */
export function normalize(text) {
  let out = "";
  for (const ch of text.normalize("NFKC")) out += is_word(ch) ? ch.toLowerCase() : ch;
  return out;
}

/** Spelling variants: each group one term, its first spelling the canonical one. */
export class Variants {
  /** `groups`: arrays of spellings, as in content/vocabularies/variants.yaml. */
  constructor(groups = []) {
    // A spelling keeps its first group; a group repeating a known spelling joins that group.
    const canonical = new Map();
    const order = [];
    for (const group of groups) {
      const spellings = group.map(normalize).filter((s) => s !== "");
      if (spellings.length === 0) continue;
      const known = spellings.find((s) => canonical.has(s));
      const target = known === undefined ? spellings[0] : canonical.get(known);
      for (const s of spellings) {
        if (!canonical.has(s)) {
          canonical.set(s, target);
          order.push(s);
        }
      }
    }
    this.rules = new Map(); // first character → rules, longest first
    for (const s of order) {
      const to = canonical.get(s);
      if (s === to) continue;
      const from = Array.from(s);
      if (!this.rules.has(from[0])) this.rules.set(from[0], []);
      this.rules.get(from[0]).push({ from, to });
    }
    // Array.prototype.sort is stable, like Rust's sort_by_key.
    for (const list of this.rules.values()) list.sort((a, b) => b.from.length - a.from.length);
  }

  /** Replace each variant in normalized `text` by its canonical spelling, longest first. */
  fold(text) {
    if (this.rules.size === 0) return text;
    const chars = Array.from(text);
    let out = "";
    for (let i = 0; i < chars.length; ) {
      const rule = (this.rules.get(chars[i]) || []).find((r) => matchesAt(chars, i, r.from));
      if (rule) {
        out += rule.to;
        i += rule.from.length;
      } else {
        out += chars[i++];
      }
    }
    return out;
  }
}

// A spelling that starts (ends) with a word character must start (end) a word.
function matchesAt(chars, i, from) {
  const end = i + from.length;
  if (end > chars.length) return false;
  for (let k = 0; k < from.length; k++) if (chars[i + k] !== from[k]) return false;
  const openBefore = !is_word(from[0]) || i === 0 || !is_word(chars[i - 1]);
  const openAfter =
    !is_word(from[from.length - 1]) || end === chars.length || !is_word(chars[end]);
  return openBefore && openAfter;
}

// Snowball's English stop words (english/stop.txt), as STOP_WORDS in tokenize.rs.
const STOP_WORDS = new Set(
  ("a about above after again against all am an and any are aren't as at be because been " +
    "before being below between both but by can't cannot could couldn't did didn't do does " +
    "doesn't doing don't down during each few for from further had hadn't has hasn't have " +
    "haven't having he he'd he'll he's her here here's hers herself him himself his how how's " +
    "i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my " +
    "myself no nor not of off on once only or other ought our ours ourselves out over own same " +
    "shan't she she'd she'll she's should shouldn't so some such than that that's the their " +
    "theirs them themselves then there there's these they they'd they'll they're they've this " +
    "those through to too under until up very was wasn't we we'd we'll we're we've were " +
    "weren't what what's when when's where where's which while who who's whom why why's with " +
    "won't would wouldn't you you'd you'll you're you've your yours yourself yourselves"
  ).split(" "),
);

/** Whether `word` (normalized) is an English stop word. */
export const is_stop_word = (word) => STOP_WORDS.has(word);

// ---- Snowball English (Porter2), ported from the rust-stemmers crate's english.rs ----------
// Words reach it lowercased and in the BMP, so string indices are characters as in Rust.

const EXCEPTIONS = new Map([
  ["skis", "ski"], ["skies", "sky"], ["dying", "die"], ["lying", "lie"], ["tying", "tie"],
  ["idly", "idl"], ["gently", "gentl"], ["ugly", "ugli"], ["early", "earli"],
  ["only", "onli"], ["singly", "singl"], ["sky", "sky"], ["news", "news"], ["howe", "howe"],
  ["atlas", "atlas"], ["cosmos", "cosmos"], ["bias", "bias"], ["andes", "andes"],
]);
const AFTER_STEP_1A = new Set(
  ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"],
);
const STEP_2 = new Map([
  ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["entli", "ent"],
  ["izer", "ize"], ["ization", "ize"], ["ational", "ate"], ["ation", "ate"], ["ator", "ate"],
  ["alism", "al"], ["aliti", "al"], ["alli", "al"], ["fulness", "ful"], ["ousli", "ous"],
  ["ousness", "ous"], ["iveness", "ive"], ["iviti", "ive"], ["biliti", "ble"], ["bli", "ble"],
  ["ogi", "og"], ["fulli", "ful"], ["lessli", "less"], ["li", ""],
]);
const STEP_3 = new Map([
  ["tional", "tion"], ["ational", "ate"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
  ["ical", "ic"], ["ful", ""], ["ness", ""], ["ative", ""],
]);
const STEP_4 = ("al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize ion")
  .split(" ");

const isV = (c) => c !== undefined && "aeiouy".includes(c);
const isVWXY = (c) => c !== undefined && "aeiouywxY".includes(c);

// The longest of `suffixes` that `w` ends with, as Snowball's `among` picks it.
function longest(w, suffixes) {
  let best = null;
  for (const s of suffixes) if (w.endsWith(s) && (best === null || s.length > best.length)) best = s;
  return best;
}

// Index after the first non-vowel that follows a vowel, from `from`; -1 when there is none.
function region(w, from) {
  let i = from;
  while (i < w.length && !isV(w[i])) i++;
  i++;
  while (i < w.length && isV(w[i])) i++;
  return i < w.length ? i + 1 : -1;
}

// A short syllable ends at `end`: non-vowel, vowel, non-vowel other than w, x, Y; or, at the
// start of the word, vowel then non-vowel.
function shortV(w, end) {
  const [a, b, c] = [w[end - 3], w[end - 2], w[end - 1]];
  if (c === undefined || isVWXY(c) || !isV(b)) return end === 2 && c !== undefined && !isV(c) && isV(b);
  return (a !== undefined && !isV(a)) || end === 2;
}

/** The Snowball English (Porter2) stem of a lowercase word, as rust-stemmers gives it. */
export function stem(word) {
  const exception = EXCEPTIONS.get(word);
  if (exception !== undefined) return exception;
  if (word.length < 3) return word;
  const [w0, yFound] = prelude(word);
  const [p1, p2] = regions(w0);
  let w = step1a(w0);
  if (!AFTER_STEP_1A.has(w)) {
    w = step1b(w, p1);
    w = step1c(w);
    w = step2(w, p1);
    w = step3(w, p1, p2);
    w = step4(w, p2);
    w = step5(w, p1, p2);
  }
  return yFound ? w.replace(/Y/g, "y") : w;
}

// Drop a leading apostrophe; an initial y, and a y after a vowel, become consonant Y.
function prelude(word) {
  let w = word[0] === "'" ? word.slice(1) : word;
  let yFound = false;
  if (w[0] === "y") {
    w = "Y" + w.slice(1);
    yFound = true;
  }
  for (let i = 0; i + 1 < w.length; i++) {
    if (isV(w[i]) && w[i + 1] === "y") {
      w = w.slice(0, i + 1) + "Y" + w.slice(i + 2);
      yFound = true;
    }
  }
  return [w, yFound];
}

// R1 and R2 as start indices; gener-, commun-, arsen- end R1's prefix early.
function regions(w) {
  const prefix = /^(gener|commun|arsen)/.exec(w);
  const p1 = prefix ? prefix[0].length : region(w, 0);
  if (p1 < 0) return [w.length, w.length];
  const p2 = region(w, p1);
  return [p1, p2 < 0 ? w.length : p2];
}

// Step 0 (apostrophe suffixes) and 1a (plurals).
function step1a(word) {
  const apostrophe = longest(word, ["'s'", "'s", "'"]);
  const w = apostrophe ? word.slice(0, -apostrophe.length) : word;
  const suffix = longest(w, ["sses", "ied", "ies", "ss", "us", "s"]);
  const stemLength = suffix ? w.length - suffix.length : 0;
  if (suffix === "sses") return w.slice(0, -2);
  if (suffix === "ied" || suffix === "ies") return w.slice(0, stemLength) + (stemLength >= 2 ? "i" : "ie");
  if (suffix === "s" && [...w.slice(0, -2)].some(isV)) return w.slice(0, -1);
  return w;
}

function step1b(w, p1) {
  const suffix = longest(w, ["eed", "eedly", "ed", "edly", "ing", "ingly"]);
  if (suffix === null) return w;
  const start = w.length - suffix.length;
  if (suffix === "eed" || suffix === "eedly") return start >= p1 ? w.slice(0, start) + "ee" : w;
  if (![...w.slice(0, start)].some(isV)) return w;
  const s = w.slice(0, start);
  if (/(at|bl|iz)$/.test(s)) return s + "e";
  if (/(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/.test(s)) return s.slice(0, -1);
  return p1 === s.length && shortV(s, s.length) ? s + "e" : s;
}

function step1c(w) {
  const n = w.length;
  const last = w[n - 1];
  return (last === "y" || last === "Y") && n > 2 && !isV(w[n - 2]) ? w.slice(0, -1) + "i" : w;
}

function step2(w, p1) {
  const suffix = longest(w, STEP_2.keys());
  if (suffix === null) return w;
  const start = w.length - suffix.length;
  if (start < p1) return w;
  if (suffix === "ogi" && w[start - 1] !== "l") return w;
  if (suffix === "li" && !(w[start - 1] !== undefined && "cdeghkmnrt".includes(w[start - 1]))) return w;
  return w.slice(0, start) + STEP_2.get(suffix);
}

function step3(w, p1, p2) {
  const suffix = longest(w, STEP_3.keys());
  if (suffix === null) return w;
  const start = w.length - suffix.length;
  if (start < p1 || (suffix === "ative" && start < p2)) return w;
  return w.slice(0, start) + STEP_3.get(suffix);
}

function step4(w, p2) {
  const suffix = longest(w, STEP_4);
  if (suffix === null) return w;
  const start = w.length - suffix.length;
  if (start < p2) return w;
  if (suffix === "ion" && w[start - 1] !== "s" && w[start - 1] !== "t") return w;
  return w.slice(0, start);
}

function step5(w, p1, p2) {
  const start = w.length - 1;
  if (w[start] === "e" && (start >= p2 || (start >= p1 && !shortV(w, start)))) return w.slice(0, start);
  if (w[start] === "l" && start >= p2 && w[start - 1] === "l") return w.slice(0, start);
  return w;
}

// ---- tokens ------------------------------------------------------------------------------

const NO_VARIANTS = new Variants();

/** The longest n-gram, in units (CJK characters, words, numbers), the index stores as a key
 * of its own (MAX_GRAM in tokenize.rs). */
export const MAX_GRAM = 4;

/** The keys the index stores for `text` (index_keys in tokenize.rs): words, `1:c` for every
 * CJK character, every n-gram of 2 to MAX_GRAM units of each run (CJK characters, words and
 * numbers standing together), and the other form of each fiscal year. */
export const index_keys = (text, variants = NO_VARIANTS) => scan(text, variants, false).map(([k]) => k);

/** index_keys with, for each key, whether it is a whole term where it stands
 * (index_keys_whole in tokenize.rs): [[key, whole], …]. */
export const index_keys_whole = (text, variants = NO_VARIANTS) => scan(text, variants, false);

/** The keys a query looks up, all of which a page must have: a run of one unit as its key
 * (`1:c`, or the word); a run of 2 to MAX_GRAM units as itself; a longer one as MAX_GRAM-unit
 * windows that tile it (windowStarts). */
export const query_keys = (text, variants = NO_VARIANTS) => scan(text, variants, true).map(([k]) => k);

// A unit is a CJK character (a one-character string) or a word ({ word }): script() in
// tokenize.rs — 0 a word (a segment of its own), 1 hiragana, 2 katakana, 3 Han and the rest.
const isWordUnit = (u) => typeof u !== "string";
const unitText = (u) => (isWordUnit(u) ? u.word : u);
function script(u) {
  if (isWordUnit(u)) return 0;
  const c = u.codePointAt(0);
  if (c >= 0x3041 && c <= 0x309f) return 1;
  if ((c >= 0x30a1 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return 2;
  return 3;
}

// The key of one unit: `1:c`, or the word (numbers as they are, stop words dropped, the rest
// stemmed).
function unitKey(u, whole, push) {
  if (!isWordUnit(u)) push(UNIGRAM_PREFIX + u, whole);
  else if (/^[0-9.]+$/.test(u.word)) push(u.word, true);
  else if (!is_stop_word(u.word)) push(stem(u.word), true);
}

const joinUnits = (units) => units.map(unitText).join("");

// Where the windows of a query run longer than MAX_GRAM units start: every MAX_GRAM units,
// tiling the run, and the last one ending with the run (window_starts).
function windowStarts(len) {
  const last = len - MAX_GRAM;
  const starts = [];
  for (let i = 0; i < last; i += MAX_GRAM) starts.push(i);
  starts.push(last);
  return starts;
}

function runKeys(run, query, push) {
  if (query) {
    if (run.length === 1) unitKey(run[0], true, push);
    else if (run.length <= MAX_GRAM) push(joinUnits(run), true);
    else for (const i of windowStarts(run.length)) push(joinUnits(run.slice(i, i + MAX_GRAM)), false);
    return;
  }
  grams(run, push);
  fiscalYears(run, push);
}

// Every unit's key and every n-gram of 2 to MAX_GRAM units, with whether it is whole.
function grams(run, push) {
  const edge = (i) => i === 0 || i === run.length || script(run[i - 1]) !== script(run[i]) || script(run[i]) === 0;
  for (let i = 0; i < run.length; i++) {
    unitKey(run[i], edge(i) && edge(i + 1), push);
    for (let n = 2; n <= Math.min(MAX_GRAM, run.length - i); n++) push(joinUnits(run.slice(i, i + n)), edge(i) && edge(i + n));
  }
}

// The era names folded, their letters, and the Gregorian year before year 1 (ERAS).
const ERAS = [["令和", "r", 2018], ["平成", "h", 1988], ["昭和", "s", 1925]];

// A fiscal year's other form: 令和3年度 (or 2021年度) gives `fy2021`, and the word fy2021
// the keys of the run 令和3年度.
function fiscalYears(run, push) {
  for (let i = 0; i < run.length; i++) {
    const year = fiscalYearAt(run, i);
    if (year !== null) push(`fy${year}`, true);
    const u = run[i];
    if (!isWordUnit(u) || !u.word.startsWith("fy")) continue;
    const era = eraFiscalYear(u.word.slice(2));
    if (era !== null) grams(unitsOf(Array.from(era)), push);
  }
}

function fiscalYearAt(run, i) {
  const cjk = (j, c) => run[j] === c;
  const number = (j) => {
    const u = run[j];
    return u !== undefined && isWordUnit(u) && u.word.length <= 4 && /^[0-9]+$/.test(u.word) ? Number(u.word) : null;
  };
  for (const [name, , offset] of ERAS) {
    const [a, b] = Array.from(name);
    if (cjk(i, a) && cjk(i + 1, b) && cjk(i + 3, "年") && cjk(i + 4, "度")) {
      const n = number(i + 2);
      return n !== null && n >= 1 && n < 100 ? n + offset : null;
    }
  }
  const year = number(i);
  return year !== null && year >= 1900 && year <= 2199 && cjk(i + 1, "年") && cjk(i + 2, "度") ? year : null;
}

// 令和3年度 for the digits of FY2021: the era in force at the end of that year.
function eraFiscalYear(digits) {
  if (!/^[0-9]{4}$/.test(digits)) return null;
  const year = Number(digits);
  const era = ERAS.find(([, , offset]) => year > offset);
  return era !== undefined && year - era[2] < 100 ? `${era[0]}${year - era[2]}年度` : null;
}

// The units of a run of CJK characters and words (units_of in tokenize.rs).
function unitsOf(chars) {
  const units = [];
  for (let i = 0; i < chars.length && (is_cjk(chars[i]) || is_word(chars[i])); ) {
    if (is_cjk(chars[i])) units.push(chars[i++]);
    else {
      const [word, end] = readWord(chars, i);
      units.push({ word });
      i = end;
    }
  }
  return units;
}

// The spellings of the counter か between a number and 月 or 所 (is_counter_ka).
const COUNTER_KA = new Set(["ヶ", "ケ", "カ", "ヵ", "箇"]);

/** Era years and counters in one form (fold_eras in tokenize.rs): 3ヶ月, 3カ月, 2箇所 become
 * 3か月, 2か所; an era letter and its year (r3, h29)
 * becomes the era name (令和3), and 元 after an era name becomes 1. */
export function fold_eras(chars) {
  if (!chars.some((c) => c === "r" || c === "h" || c === "s" || c === "元" || COUNTER_KA.has(c))) return chars;
  const out = [];
  for (let i = 0; i < chars.length; ) {
    const c = chars[i];
    if (COUNTER_KA.has(c) && isDigit(out[out.length - 1]) && (chars[i + 1] === "月" || chars[i + 1] === "所")) {
      out.push("か");
      i += 1;
      continue;
    }
    if (c === "元" && ERAS.some(([name]) => out.length >= 2 && out.slice(-2).join("") === name)) {
      out.push("1");
      i += 1;
      continue;
    }
    let digits = 0;
    while (isDigit(chars[i + 1 + digits])) digits++;
    const era = ERAS.find(([, letter]) => letter === c);
    const next = chars[i + 1 + digits];
    const alone = (i === 0 || !is_word(chars[i - 1])) && digits >= 1 && digits <= 2 && (next === undefined || !is_word(next));
    if (era !== undefined && alone) {
      out.push(...Array.from(era[0]));
      out.push(...Array.from(chars.slice(i + 1, i + 1 + digits).join("").replace(/^0+/, "")));
      i += 1 + digits;
    } else {
      out.push(c);
      i += 1;
    }
  }
  return out;
}

/** The text as the tokenizer reads it (fold in tokenize.rs): normalized, spelling variants
 * and era years folded, as an array of characters. */
export const fold = (text, variants = NO_VARIANTS) => fold_eras(Array.from(variants.fold(normalize(text))));

function scan(text, variants, query) {
  const chars = fold(text, variants);
  const keys = [];
  const push = (key, whole) => keys.push([key, whole]);
  let run = [];
  const flush = () => {
    if (run.length) runKeys(run, query, push);
    run = [];
  };
  for (let i = 0; i < chars.length; ) {
    if (is_cjk(chars[i])) {
      run.push(chars[i]);
      i++;
    } else if (is_word(chars[i])) {
      const [word, end] = readWord(chars, i);
      run.push({ word });
      i = end;
    } else if (unitSpace(run, chars, i)) {
      i++;
    } else {
      flush();
      i++;
    }
  }
  flush();
  return keys;
}

// The space some pages print between a number and its unit (980,219 人) does not end the
// run (unit_space in tokenize.rs).
function unitSpace(run, chars, i) {
  const last = run[run.length - 1];
  return chars[i] === " " && chars[i + 1] !== undefined && is_cjk(chars[i + 1]) && last !== undefined && isWordUnit(last) && /^[0-9][0-9.]*$/.test(last.word);
}

// The word starting at chars[start] and the index after it (read_word in tokenize.rs).
function readWord(chars, start) {
  let word = "";
  let numeric = true;
  let i = start;
  for (; i < chars.length; i++) {
    const c = chars[i];
    if (is_word(c)) {
      word += c;
      numeric = numeric && isDigit(c);
      continue;
    }
    const join = joiner(chars, i, numeric);
    if (join === null) break;
    word += join;
    numeric = numeric && join !== "'";
  }
  return [word, i];
}

// `54.8` keeps its point, `4,396` drops its thousands separator, `don’t` keeps an
// apostrophe (as '); null ends the word. chars[i - 1] is a word character.
function joiner(chars, i, numeric) {
  const afterDigit = numeric && isDigit(chars[i - 1]);
  const c = chars[i];
  if (c === "." && afterDigit && isDigit(chars[i + 1])) return ".";
  if (c === "," && afterDigit && [1, 2, 3].every((k) => isDigit(chars[i + k])) && !isDigit(chars[i + 4])) return "";
  if ((c === "'" || c === "\u2019") && chars[i + 1] !== undefined && is_word(chars[i + 1])) return "'";
  return null;
}
