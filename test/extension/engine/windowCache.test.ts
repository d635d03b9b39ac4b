import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WindowCache } from '../../../src/extension/engine/windowCache';

const codes = (tag: number) => ({ codes: [{ offsets: Uint32Array.of(0, 1), indices: Uint32Array.of(tag), values: Float32Array.of(1) }], relativeResiduals: [Float32Array.of(0.5)] });
const tokens = (ids: number[]) => ids.map((id, i) => ({ id, text: 'x', start: i, end: i + 1 }));

test('a window is known by its token ids and which of them are its own', () => {
  const a = tokens([5, 6, 7, 8]);
  const b = tokens([1, 5, 6, 7, 8]);
  const window = { start: 0, end: 4, ownStart: 1, ownEnd: 3 };
  assert.equal(WindowCache.keyOf(window, a), WindowCache.keyOf({ start: 1, end: 5, ownStart: 2, ownEnd: 4 }, b), 'the same tokens elsewhere in the document');
  assert.notEqual(WindowCache.keyOf(window, a), WindowCache.keyOf({ ...window, ownEnd: 4 }, a));
  assert.notEqual(WindowCache.keyOf(window, a), WindowCache.keyOf(window, tokens([5, 6, 7, 9])));
});

test('the cache keeps the most recently used windows within its token budget', () => {
  const cache = new WindowCache(10);
  cache.set('a', codes(1), 4);
  cache.set('b', codes(2), 4);
  assert.equal(cache.get('a')?.codes[0].indices[0], 1);
  cache.set('c', codes(3), 4);
  assert.equal(cache.get('b'), undefined, 'b was least recently used');
  assert.ok(cache.get('a') && cache.get('c'));
  cache.set('a', codes(4), 4);
  assert.equal(cache.size, 2, 'replacing a window does not count it twice');
  assert.equal(cache.get('a')?.codes[0].indices[0], 4);
  cache.clear();
  assert.equal(cache.size, 0);
});
