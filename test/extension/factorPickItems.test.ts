import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factorIdInQuery, factorPickItems } from '../../src/extension/dictionaries/factorPickItems';
import { bundledDictionary } from './bundledCatalog';

const { catalog } = bundledDictionary();
const byId = new Map(catalog.factors.map((f) => [f.id, f]));

test('every factor of the bundled catalog is offered once, most important over all layers first', () => {
  const items = factorPickItems(catalog);
  assert.equal(items.length, catalog.atomCount);
  assert.equal(new Set(items.map((i) => i.factor)).size, catalog.atomCount);
  const importances = items.map((i) => Math.max(...byId.get(i.factor)!.layers.map((l) => l.importance)));
  for (let i = 1; i < importances.length; i++) assert.ok(importances[i - 1] >= importances[i], `item ${i} is out of order`);
  const first = byId.get(items[0].factor)!;
  const strongest = catalog.layers[first.layers.findIndex((l) => l.importance === importances[0])];
  assert.ok(items[0].description.includes(`max at ${strongest}`), items[0].description);
});

test('at a given layer, items are ranked and described by importance at that layer', () => {
  const layerIndex = catalog.layers.length - 1;
  const layer = catalog.layers[layerIndex];
  const items = factorPickItems(catalog, { layer });
  const importances = items.map((i) => byId.get(i.factor)!.layers[layerIndex].importance);
  for (let i = 1; i < importances.length; i++) assert.ok(importances[i - 1] >= importances[i]);
  assert.ok(items[0].description.includes(`at ${layer}`));
  const inactive = items.find((i) => byId.get(i.factor)!.layers[layerIndex].importance === 0);
  if (inactive) assert.match(inactive.description, /never active at/);
  assert.throws(() => factorPickItems(catalog, { layer: 'no-such-layer' }), /no layer no-such-layer/);
});

test('labels carry the factor number and label, details the top words, so all three are searchable', () => {
  for (const item of factorPickItems(catalog)) {
    const factor = byId.get(item.factor)!;
    assert.ok(item.label.startsWith(`#${factor.id} · ${factor.label}`), item.label);
    for (const { word } of factor.topWords.slice(0, 3)) assert.ok(item.detail.includes(word), `${word} missing from ${item.detail}`);
  }
});

test('the user’s label replaces the catalog’s in the title, which moves to the description; the note joins the detail', () => {
  const factor = catalog.factors[Math.floor(catalog.factors.length / 2)];
  const item = factorPickItems(catalog, { notes: (id) => (id === factor.id ? { label: 'my label', note: 'my note' } : undefined) })
    .find((i) => i.factor === factor.id)!;
  assert.equal(item.label, `#${factor.id} · my label`);
  assert.ok(item.description.endsWith(` · ${factor.label}`));
  assert.ok(item.detail.endsWith('note: my note'));
});

test('only lists the given factors in the given order, with the reason first in the detail', () => {
  const only = catalog.factors.slice(0, 5).map((f) => f.id).reverse();
  const items = factorPickItems(catalog, { only, why: (id) => (id === only[0] ? 'found in: label' : undefined) });
  assert.deepEqual(items.map((i) => i.factor), only);
  assert.ok(items[0].detail.startsWith('found in: label · '));
  assert.ok(!items[1].detail.includes('found in'));
  assert.throws(() => factorPickItems(catalog, { only: [catalog.atomCount] }), /no factor/);
});

test('a typed factor number is recognised with or without #', () => {
  assert.equal(factorIdInQuery('12'), 12);
  assert.equal(factorIdInQuery(' #7 '), 7);
  assert.equal(factorIdInQuery('#'), undefined);
  assert.equal(factorIdInQuery('12a'), undefined);
  assert.equal(factorIdInQuery('the'), undefined);
});
