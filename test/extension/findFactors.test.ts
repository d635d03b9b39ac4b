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

test('factors with the word itself among their top words come first, most often on it first, then by importance', () => {
  const found = findFactorsByWord(catalog, commonWord);
  const firstInexact = found.findIndex((m) => !m.exact);
  if (firstInexact >= 0) assert.ok(found.slice(firstInexact).every((m) => !m.exact));
  const exact = found.filter((m) => m.exact);
  assert.ok(exact.length >= 2);
  for (const m of exact) assert.equal(m.count, byId.get(m.factor)!.topWords.find((w) => w.word === commonWord)!.count);
  for (let i = 1; i < exact.length; i++) {
    const [a, b] = [exact[i - 1], exact[i]];
    assert.ok(a.count > b.count || (a.count === b.count && importanceOf(byId.get(a.factor)!) >= importanceOf(byId.get(b.factor)!)), `exact match ${i} out of order`);
  }
  const inexact = found.filter((m) => !m.exact).map((m) => importanceOf(byId.get(m.factor)!));
  assert.deepEqual(inexact, [...inexact].sort((a, b) => b - a));
  assert.ok(exact[0].where.some((w) => w.startsWith(`top word "${commonWord}" (${exact[0].count}×)`)));
});

test('the user’s labels and notes are searched too; a blank word finds nothing', () => {
  const factor = catalog.factors[catalog.factors.length - 1];
  const found = findFactorsByWord(catalog, 'zyzzyva', (id) => (id === factor.id ? { label: 'Zyzzyva detector', note: 'also zyzzyvas' } : undefined));
  assert.deepEqual(found, [{ factor: factor.id, where: ['your label', 'your note'], exact: false, count: 0 }]);
  assert.deepEqual(findFactorsByWord(catalog, '   '), []);
});
