import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogBuilder, DEFAULT_CATALOG_SETTINGS } from '../../../src/core/catalog/catalogBuilder';
import type { SparseCodes } from '../../../src/core/sparse/sparseCodes';
import { readCatalog, writeCatalog } from '../../../src/core/catalog/catalogFile';
import { labelFactor } from '../../../src/core/catalog/factorLabel';
import { BoundedTopK } from '../../../src/core/catalog/boundedTopK';
import { SeededRandom } from '../../../src/core/learn/random';

const K = 6;
const LAYERS = ['a', 'b'];

/** Random sparse codes for `n` tokens, returned both as CSR rows and as a dense [n × K] copy. */
function randomCodes(n: number, random: SeededRandom): { rows: SparseCodes; dense: number[][] } {
  const dense = Array.from({ length: n }, () => Array.from({ length: K }, () => (random.next() < 0.4 ? random.next() * 5 : 0)));
  const offsets = new Uint32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  dense.forEach((row, i) => {
    row.forEach((v, k) => { if (v) { indices.push(k); values.push(v); } });
    offsets[i + 1] = indices.length;
  });
  return { rows: { offsets, indices: Uint32Array.from(indices), values: Float32Array.from(values) }, dense: dense.map((r) => r.map((v) => Math.fround(v))) };
}

test('importance, frequency, top examples, histogram and co-occurrence agree with brute force', () => {
  const random = new SeededRandom(3);
  const settings = { ...DEFAULT_CATALOG_SETTINGS, atomCount: K, layers: LAYERS, importanceTopN: 10, shownTop: 5, reservoirSize: 1000 };
  const builder = new CatalogBuilder(settings);
  const n = 200;
  const text = builder.addText('x '.repeat(n));
  const ids = Array.from({ length: n }, (_, i) => builder.addToken(text, 2 * i, 2 * i + 1, i % 3 ? 'cat' : 'dog', 'nn'));
  const perLayer = LAYERS.map(() => randomCodes(n, random));
  perLayer.forEach(({ rows }, layer) => builder.addCodes(layer, ids, rows));
  const catalog = builder.build({ dictionary: { name: 't', sha256: 'x' }, model: 'm', lambda: 1, corpus: { name: 'c', texts: 1, tokens: n } });

  for (let factor = 0; factor < K; factor++) {
    LAYERS.forEach((_, layer) => {
      const column = perLayer[layer].dense.map((row) => row[factor]);
      const active = column.filter((v) => v > 0).sort((a, b) => b - a);
      const got = catalog.factors[factor].layers[layer];
      assert.equal(got.activeFraction, active.length / n);
      assert.ok(Math.abs(got.importance - active.slice(0, 10).reduce((s, v) => s + v, 0) / 10) < 1e-5);
      assert.equal(got.maxCoefficient, active[0]);
      assert.deepEqual(got.top.map((e) => e.coefficient), active.slice(0, 5));
      assert.equal(got.histogram.reduce((s, c) => s + c, 0), active.length);
      for (const e of got.top) assert.equal(catalog.texts[e.text].slice(e.start, e.end), 'x');
      for (const band of got.intervals) for (const e of band.examples) {
        assert.ok(e.coefficient > band.from * got.maxCoefficient - 1e-6 && e.coefficient <= band.to * got.maxCoefficient + 1e-6);
      }
    });
    // P(j active | factor active), pooled over layers, on the same token.
    let both = 0;
    let self = 0;
    const j = catalog.factors[factor].cooccurring[0]?.id;
    perLayer.forEach(({ dense }) => dense.forEach((row) => { if (row[factor]) { self++; if (j !== undefined && row[j]) both++; } }));
    if (j !== undefined) assert.ok(Math.abs(catalog.factors[factor].cooccurring[0].share - both / self) < 1e-12);
  }
});

test('labels name the majority word when it holds half the top activations, else the part of speech', () => {
  const word = labelFactor([...Array(6).fill({ word: 'Bank', tag: 'nn' }), ...Array(4).fill({ word: 'river', tag: 'nn' })]);
  assert.deepEqual([word.label, word.labelKind, word.purity], ['“bank”', 'word', 0.6]);
  const tag = labelFactor([{ word: 'ran', tag: 'vbd' }, { word: 'saw', tag: 'vbd' }, { word: 'ate', tag: 'vbd' }, { word: 'big', tag: 'jj' }]);
  assert.equal(tag.labelKind, 'tag');
  assert.equal(tag.purity, 0.75);
  assert.match(tag.label, /^past-tense verb: /);
  assert.equal(labelFactor([{ word: 'The', tag: 'at-tl' }, { word: 'a', tag: 'at' }, { word: 'an', tag: 'at' }]).label.startsWith('article'), true);
});

test('BoundedTopK keeps exactly the k largest per slot', () => {
  const random = new SeededRandom(9);
  const heap = new BoundedTopK(3, 7);
  const seen: number[][] = [[], [], []];
  for (let i = 0; i < 500; i++) {
    const slot = random.integer(3);
    const value = Math.fround(random.normal());
    heap.offer(slot, value, i);
    seen[slot].push(value);
  }
  seen.forEach((values, slot) => assert.deepEqual(heap.entries(slot).map((e) => e.value), values.sort((a, b) => b - a).slice(0, 7)));
});

test('a catalog survives a write/read round trip and is tied to its dictionary', () => {
  const builder = new CatalogBuilder({ ...DEFAULT_CATALOG_SETTINGS, atomCount: K, layers: LAYERS });
  const t = builder.addText('hello');
  builder.addCodes(0, [builder.addToken(t, 0, 5, 'hello', 'uh')], { offsets: Uint32Array.of(0, 1), indices: Uint32Array.of(2), values: Float32Array.of(1.5) });
  const catalog = builder.build({ dictionary: { name: 'd', sha256: 'abc' }, model: 'm', lambda: 1, corpus: { name: 'c', texts: 1, tokens: 1 } });
  const path = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'd.catalog.json.gz');
  writeCatalog(path, catalog);
  assert.deepEqual(readCatalog(path, { atomCount: K, dictionarySha256: 'abc' }), catalog);
  assert.throws(() => readCatalog(path, { atomCount: K + 1 }), /describes 6 factors but its dictionary has 7/);
  assert.throws(() => readCatalog(path, { atomCount: K, dictionarySha256: 'other' }), /another version of dictionary "d"/);
});
