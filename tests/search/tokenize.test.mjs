// The browser tokenizer against the shared vectors: `node --test tests/search/`.
// src/search/tokenize.rs runs the same files (`cargo test --lib search`), so passing both
// proves that queries and the index are tokenized alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import {
  Variants,
  normalize,
  index_keys,
  index_keys_whole,
  query_keys,
  stem,
} from "../../themes/default/static/search/tokenize.js";

const load = (name) => JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8"));
const vectors = load("./vectors.json");
const stems = load("./stems.json");
const variants = new Variants(vectors.variants);

test("there are enough vectors and stems", () => {
  assert.ok(vectors.cases.length >= 60, `${vectors.cases.length} cases`);
  assert.ok(stems.pairs.length >= 2000, `${stems.pairs.length} stems`);
});

for (const c of vectors.cases) {
  test(`vector ${JSON.stringify(c.input)}: ${c.why}`, () => {
    assert.deepEqual(index_keys(c.input, variants), c.index_keys, "index keys");
    assert.deepEqual(query_keys(c.input, variants), c.query_keys, "query keys");
    const whole = index_keys_whole(c.input, variants).filter(([, w]) => w).map(([k]) => k);
    assert.deepEqual(whole, c.whole_keys, "whole keys");
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

test("keys are strings and variants are optional", () => {
  assert.deepEqual(index_keys("障がい"), ["1:障", "障が", "障がい", "1:が", "がい", "1:い"]);
  assert.deepEqual(query_keys("障"), ["1:障"]);
});

test("a spelling shared by two groups joins the first group", () => {
  const v = new Variants([["x", "y"], ["z", "y", "w"]]);
  assert.equal(v.fold("y z w"), "x x x");
  assert.equal(new Variants([[], ["", "Ｇ Ｈ"], ["ＧＨ", "グループホーム"]]).fold("グループホーム"), "gh");
});
