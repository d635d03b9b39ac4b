import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CatalogExample, FactorCatalog } from '../../../src/core/catalog/catalog';
import { catalogPathFor, readCatalog } from '../../../src/core/catalog/catalogFile';
import { catalogSummary, type CatalogSummary } from '../../../src/core/catalog/catalogSummary';
import { factorDetails } from '../../../src/core/catalog/factorDetails';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../../../src/core/model/bundledModel';

// The real catalog that ships with the extension.
const catalog = readCatalog(catalogPathFor(join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE)));
const examplesOf = (layers: FactorCatalog['factors'][number]['layers']): CatalogExample[] =>
  layers.flatMap((l) => [...l.top, ...l.intervals.flatMap((i) => i.examples)]);

test('a summary keeps every label and statistic, drops the examples and texts, and is a fraction of the size', () => {
  const before = JSON.stringify(catalog);
  const summary = catalogSummary(catalog);
  assert.equal(JSON.stringify(catalog), before, 'the catalog itself is left as it was');
  assert.ok(!('texts' in summary));
  assert.equal(summary.factors.length, catalog.factors.length);
  for (const key of ['formatVersion', 'dictionary', 'model', 'layers', 'atomCount', 'lambda', 'corpus', 'importanceTopN'] as const) {
    assert.deepEqual(summary[key], catalog[key], key);
  }
  summary.factors.forEach((factor, id) => {
    const full = catalog.factors[id];
    for (const key of ['id', 'label', 'labelKind', 'purity', 'topWords', 'topTags', 'cooccurring'] as const) assert.deepEqual(factor[key], full[key], `${key} of ${id}`);
    assert.equal(factor.layers.length, full.layers.length);
    factor.layers.forEach((layer, l) => {
      assert.deepEqual(Object.keys(layer).sort(), ['activeFraction', 'histogram', 'importance', 'maxCoefficient']);
      const { activeFraction, importance, maxCoefficient, histogram } = full.layers[l];
      assert.deepEqual(layer, { activeFraction, importance, maxCoefficient, histogram });
    });
  });
  const size = JSON.stringify(summary).length;
  assert.ok(size < before.length / 4, `summary ${size} characters of ${before.length}`);
});

test('a summary cannot be taken for the full catalog', () => {
  const summary: CatalogSummary = catalogSummary(catalog);
  const needsExamples = (full: FactorCatalog) => full.texts.length;
  // @ts-expect-error a summary has no texts or examples
  assert.throws(() => needsExamples(summary), TypeError);
  // @ts-expect-error nor do its layers
  assert.equal(summary.factors[0].layers[0].top, undefined);
});

test('a factor’s details carry its examples, each pointing at the same words in the few texts they use', () => {
  const rich = catalog.factors.filter((f) => examplesOf(f.layers).length > 0);
  assert.ok(rich.length > catalog.factors.length / 2, 'most factors have examples');
  const catalogSize = JSON.stringify(catalog).length;
  const firstBefore = JSON.stringify(rich[0]);
  for (const full of [rich[0], rich[Math.floor(rich.length / 2)], rich[rich.length - 1]]) {
    const details = factorDetails(catalog, full.id)!;
    assert.equal(details.factor.id, full.id);
    assert.equal(details.factor.label, full.label);
    const originals = examplesOf(full.layers);
    const copies = examplesOf(details.factor.layers);
    assert.equal(copies.length, originals.length);
    copies.forEach((copy, i) => {
      const original = originals[i];
      assert.equal(copy.coefficient, original.coefficient);
      assert.equal(details.texts[copy.text], catalog.texts[original.text], 'the same text, re-indexed');
      assert.equal(details.texts[copy.text].slice(copy.start, copy.end), catalog.texts[original.text].slice(original.start, original.end));
    });
    const used = new Set(originals.map((e) => e.text));
    assert.equal(details.texts.length, used.size, 'only the texts its examples use, each once');
    assert.deepEqual(new Set(copies.map((e) => e.text)), new Set(details.texts.keys()));
    details.factor.layers.forEach((layer, l) => {
      assert.deepEqual(layer.histogram, full.layers[l].histogram);
      assert.deepEqual(layer.intervals.map((i) => [i.from, i.to]), full.layers[l].intervals.map((i) => [i.from, i.to]));
    });
    assert.ok(JSON.stringify(details).length < catalogSize / 100);
  }
  assert.equal(JSON.stringify(rich[0]), firstBefore, 'the catalog is left as it was');
});

test('details of a factor the catalog lacks are undefined', () => {
  assert.equal(factorDetails(catalog, catalog.factors.length), undefined);
  assert.equal(factorDetails(catalog, -1), undefined);
});
