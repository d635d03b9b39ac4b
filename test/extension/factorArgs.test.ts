import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dictionaryIdArg, factorArgs } from '../../src/extension/dictionaries/factorArgs';

test('factor command arguments are checked and reduced to the expected fields', () => {
  assert.deepEqual(factorArgs({ factor: 12, layer: 'L0.ffn', dictionaryId: 'bundled:x', row: { id: 'tree row' } }), { factor: 12, layer: 'L0.ffn', dictionaryId: 'bundled:x' });
  assert.deepEqual(factorArgs({ factor: 0 }), { factor: 0 });
  assert.deepEqual(factorArgs({ factor: 3, layer: 7 }), { factor: 3 });
  for (const bad of [undefined, null, 12, 'x', {}, { factor: '12' }, { factor: -1 }, { factor: 1.5 }, { factor: Number.NaN }]) {
    assert.equal(factorArgs(bad), undefined, JSON.stringify(bad));
  }
});

test('dictionary commands take the id from a view node or {dictionaryId}, and nothing else', () => {
  assert.equal(dictionaryIdArg({ kind: 'dictionary', dictionaryId: 'imported:x', row: {} }), 'imported:x');
  for (const bad of [undefined, 'imported:x', { dictionaryId: '' }, { dictionaryId: 3 }, { id: 'imported:x' }]) assert.equal(dictionaryIdArg(bad), undefined);
});
