import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFactorsByWord } from '../../src/extension/dictionaries/findFactors';
import { importanceOf } from '../../src/extension/dictionaries/factorFacts';
import { bundledDictionary } from './bundledCatalog';

const { catalog } = bundledDictionary();
const byId = new Map(catalog.factors.map((f) => [f.id, f]));
// The most frequent top word in the catalog, so the search has several factors to find.
const counts = new Map<string, number>();
for (const f of catalog.factors) for (const { word } of f.topWords) counts.set(word, (counts.get(word) ?? 0) + 1);
const [commonWord] = [...counts].sort((a, b) => b[1] - a[1])[0];

test('a word finds exactly the factors whose top words or label contain it, whatever its case', () => {
  const expected = catalog.factors
    .filter((f) => f.topWords.some((w) => w.word.toLowerCase().includes(commonWord.toLowerCase())) || f.label.toLowerCase().includes(commonWord.toLowerCase()))
    .map((f) => f.id);
  const found = findFactorsByWord(catalog, ` ${commonWord.toUpperCase()} `);
  assert.ok(found.length >= 2);
  assert.deepEqual(new Set(found.map((m) => m.factor)), new Set(expected));
  for (const match of found) assert.ok(match.where.length > 0);
});

test('factors with the word itself among their top words come first, each group by importance', () => {
  const found = findFactorsByWord(catalog, commonWord);
  const firstInexact = found.findIndex((m) => !m.exact);
  if (firstInexact >= 0) assert.ok(found.slice(firstInexact).every((m) => !m.exact));
  for (const group of [found.filter((m) => m.exact), found.filter((m) => !m.exact)]) {
    const importances = group.map((m) => importanceOf(byId.get(m.factor)!));
    assert.deepEqual(importances, [...importances].sort((a, b) => b - a));
  }
  const exact = found.find((m) => m.exact)!;
  assert.ok(byId.get(exact.factor)!.topWords.some((w) => w.word === commonWord));
  assert.ok(exact.where.some((w) => w.startsWith(`top word "${commonWord}"`)));
});

test('the user’s labels and notes are searched too; a blank word finds nothing', () => {
  const factor = catalog.factors[catalog.factors.length - 1];
  const found = findFactorsByWord(catalog, 'zyzzyva', (id) => (id === factor.id ? { label: 'Zyzzyva detector', note: 'also zyzzyvas' } : undefined));
  assert.deepEqual(found, [{ factor: factor.id, where: ['your label', 'your note'], exact: false }]);
  assert.deepEqual(findFactorsByWord(catalog, '   '), []);
});
