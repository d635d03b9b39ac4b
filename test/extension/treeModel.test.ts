import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dictionaryNode, layerChildren, layerNode, OPEN_FACTOR_COMMAND, sourceLabel, unusableDictionaryNode, type FactorNode,
} from '../../src/extension/sidebar/treeModel';
import { bundledDictionary } from './bundledCatalog';

const { entry, catalog } = bundledDictionary();
const editorModelId = entry.modelId;

test('a dictionary row shows its name, origin, size and λ, and marks the active one', () => {
  const active = dictionaryNode(entry, { active: true, editorModelId });
  assert.equal(active.row.id, entry.id);
  assert.equal(active.row.label, entry.name);
  assert.equal(active.row.description, `active · bundled · ${entry.atomCount} factors · λ ${entry.lambda}`);
  assert.equal(active.row.contextValue, 'tfDictionary.bundled.active');
  assert.equal(active.row.icon?.id, 'pass-filled');
  assert.ok(active.row.tooltip!.includes(entry.dataSha256.slice(0, 16)));
  for (const layer of entry.layers) assert.ok(active.row.tooltip!.includes(layer.replace('.', '\\.')));

  const inactive = dictionaryNode(entry, { active: false, editorModelId });
  assert.ok(!inactive.row.description!.includes('active'));
  assert.equal(inactive.row.contextValue, 'tfDictionary.bundled');
  assert.equal(inactive.row.icon?.id, 'book');
});

test('a dictionary for another model is flagged; imported and trained ones are told apart', () => {
  const imported = { ...entry, id: 'imported:bert', source: 'imported' as const, modelId: 'bert-base-uncased', importedFrom: 'bert.npy (TransformerVis .npy)' };
  const node = dictionaryNode(imported, { active: false, editorModelId });
  assert.match(node.row.description!, /^imported · .* · for bert-base-uncased$/);
  assert.equal(node.row.icon?.id, 'warning');
  assert.equal(node.row.contextValue, 'tfDictionary.imported');
  assert.match(node.row.tooltip!, /can be browsed but not used/);
  assert.equal(sourceLabel({ source: 'imported' }), 'trained');
});

test('an unusable dictionary shows its problem with a warning and stays removable when imported', () => {
  const node = unusableDictionaryNode({ id: 'imported:broken', path: '/s/broken.tfdict', source: 'imported', problem: 'checksum', message: 'the data does not match its *checksum*' });
  assert.equal(node.row.label, 'broken');
  assert.equal(node.row.description, 'cannot be used: checksum');
  assert.equal(node.row.icon?.id, 'warning');
  assert.equal(node.row.contextValue, 'tfDictionary.unusable.imported');
  assert.equal(node.row.collapsible, 'none');
  assert.ok(node.row.tooltip!.includes('the data does not match its \\*checksum\\*'));
});

test('a layer row counts the factors active there', () => {
  const layerIndex = 1;
  const layer = catalog.layers[layerIndex];
  const expected = catalog.factors.filter((f) => f.layers[layerIndex].importance > 0).length;
  const node = layerNode(entry, layer, catalog);
  assert.equal(node.row.id, `${entry.id}/${layer}`);
  assert.equal(node.row.description, `${expected} of ${entry.atomCount} factors active`);
  assert.equal(layerNode(entry, layer).row.description, `${entry.atomCount} factors`);
});

test('a layer lists all its factors by importance there, each opening the factor on click', () => {
  for (const [layerIndex, layer] of catalog.layers.entries()) {
    const children = layerChildren(entry, layer, { active: true, catalog }) as FactorNode[];
    assert.equal(children.length, entry.atomCount);
    const importances = children.map((c) => catalog.factors[c.factor].layers[layerIndex].importance);
    for (let i = 1; i < importances.length; i++) assert.ok(importances[i - 1] >= importances[i], `${layer}: row ${i} out of order`);
    const [top] = children;
    assert.deepEqual(top.row.command, { command: OPEN_FACTOR_COMMAND, title: 'Open Factor', arguments: [{ factor: top.factor, layer, dictionaryId: entry.id }] });
    assert.equal(top.layer, layer);
    assert.equal(top.row.contextValue, 'tfFactor.active');
    const factor = catalog.factors[top.factor];
    assert.equal(top.row.label, `#${factor.id} · ${factor.label}`);
    assert.ok(top.row.description!.includes(factor.topWords[0].word));
  }
});

test('a factor’s tooltip gives its label, purity, importance at every layer and top words', () => {
  const layer = catalog.layers[catalog.layers.length - 1];
  const [top] = layerChildren(entry, layer, { active: false, catalog }) as FactorNode[];
  const factor = catalog.factors[top.factor];
  const tooltip = top.row.tooltip!;
  assert.ok(tooltip.startsWith(`**#${factor.id} · `));
  assert.ok(tooltip.includes(`Purity ${Math.round(factor.purity * 100)}%`));
  assert.ok(!tooltip.includes('Catalog label'), 'the catalog label is the title when the user has none');
  assert.equal(tooltip.split('\n').filter((line) => /^\| \S+ \| [\d.]+ \| [\d.]+% \|$/.test(line)).length, catalog.layers.length);
  assert.match(tooltip, /Top words: /);
  assert.equal(top.row.contextValue, 'tfFactor');
});

test('the user’s label and note show in the row and tooltip, escaped', () => {
  const layer = catalog.layers[0];
  const target = catalog.factors[0].id;
  const children = layerChildren(entry, layer, { active: true, catalog, notes: (id) => (id === target ? { label: 'mine', note: '[x](command:evil)' } : undefined) }) as FactorNode[];
  const noted = children.find((c) => c.factor === target)!;
  assert.equal(noted.row.label, `#${target} · mine`);
  assert.equal(noted.row.icon?.id, 'note');
  assert.ok(noted.row.tooltip!.startsWith(`**#${target} · mine** (your label)`));
  assert.ok(noted.row.tooltip!.includes('Catalog label: '));
  assert.ok(noted.row.tooltip!.includes('Your note: \\[x\\]\\(command:evil\\)'));
});

test('without a catalog, factors are listed by number after a note saying why', () => {
  const [message, ...factors] = layerChildren(entry, entry.layers[0], { active: true, catalogProblem: 'catalog is stale' });
  assert.equal(message.kind, 'message');
  assert.equal(message.row.tooltip, 'catalog is stale');
  assert.deepEqual(factors.map((f) => (f as FactorNode).factor), Array.from({ length: entry.atomCount }, (_, i) => i));
  assert.equal(factors[3].row.label, '#3');
});
