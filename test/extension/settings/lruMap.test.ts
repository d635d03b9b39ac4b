import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LruMap } from '../../../src/extension/analysis/lruMap';

test('the least recently used entry goes first, and its owner is told', () => {
  const evicted: string[] = [];
  const map = new LruMap<string, number>(2, (key) => evicted.push(key));
  map.set('a', 1);
  map.set('b', 2);
  map.get('a');
  map.set('c', 3);
  assert.deepEqual(evicted, ['b']);
  assert.equal(map.peek('a'), 1);
  map.set('d', 4);
  assert.deepEqual(evicted, ['b', 'a'], 'peek does not count as use');
  assert.deepEqual([...map.values()], [3, 4]);
  assert.ok(map.delete('c'));
  assert.equal(map.size, 1);
});
