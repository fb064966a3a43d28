// The browser tokenizer against the shared vectors: `node --test tests/search/`.
// src/search/tokenize.rs runs the same files (`cargo test --lib search`), so passing both
// proves that queries and the index are tokenized alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import {
  Variants,
  index_terms,
  normalize,
  query_terms,
  index_keys,
  query_keys,
  stem,
  tokenize,
} from "../../themes/default/static/search/tokenize.js";

const load = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));
const vectors = load("./vectors.json");
const stems = load("./stems.json");
const variants = new Variants(vectors.variants);
const pairs = (tokens) => tokens.map(({ term, pos }) => [term, pos]);

test("there are enough vectors and stems", () => {
  assert.ok(vectors.cases.length >= 60, `${vectors.cases.length} cases`);
  assert.ok(stems.pairs.length >= 2000, `${stems.pairs.length} stems`);
});

for (const c of vectors.cases) {
  test(`vector ${JSON.stringify(c.input)}: ${c.why}`, () => {
    assert.deepEqual(pairs(tokenize(c.input, variants)), c.tokens, "tokens");
    assert.deepEqual(pairs(index_terms(c.input, variants)), c.index, "index");
    assert.deepEqual(pairs(query_terms(c.input, variants)), c.query, "query");
    assert.deepEqual(index_keys(c.input, variants), c.index_keys, "index keys");
    assert.deepEqual(query_keys(c.input, variants), c.query_keys, "query keys");
  });
}

test("every shared normalization holds", () => {
  for (const [input, expected] of vectors.normalize) {
    assert.equal(normalize(input), expected, `normalize(${JSON.stringify(input)})`);
  }
});

test("every shared stem holds", () => {
  const wrong = stems.pairs.filter(([word, expected]) => stem(word) !== expected);
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${stems.pairs.length} stems differ`);
});

test("tokens are {term, pos} objects and variants are optional", () => {
  assert.deepEqual(tokenize("障がい"), [{ term: "障が", pos: 0 }, { term: "がい", pos: 1 }]);
  assert.deepEqual(query_terms("障"), [{ term: "1:障", pos: 0 }]);
});

test("a spelling shared by two groups joins the first group", () => {
  const v = new Variants([["x", "y"], ["z", "y", "w"]]);
  assert.equal(v.fold("y z w"), "x x x");
  assert.equal(new Variants([[], ["", "Ｇ Ｈ"], ["ＧＨ", "グループホーム"]]).fold("グループホーム"), "gh");
});
