import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CatalogCache } from '../../src/extension/dictionaries/catalogCache';
import { bundledDictionary } from './bundledCatalog';

const { entry } = bundledDictionary();

test('a catalog is read once, checked against its dictionary, and reused', async () => {
  const cache = new CatalogCache(2);
  const first = cache.get(entry);
  assert.equal(cache.get(entry), first);
  const catalog = await first;
  assert.equal(catalog.dictionary.sha256, entry.dataSha256);
  assert.equal(catalog.factors.length, entry.atomCount);
});

test('only the most recently used catalogs are kept', async () => {
  const cache = new CatalogCache(1);
  const first = cache.get(entry);
  await first;
  const other = { ...entry, id: 'imported:other', path: entry.path.replace(/[^/\\]+$/, 'other.tfdict'), hasCatalog: false };
  await assert.rejects(cache.get(other));
  // The failed read is not kept, so the bundled catalog is still there.
  assert.equal(cache.get(entry), first);
  const stale = { ...entry, dataSha256: '0'.repeat(64) };
  await assert.rejects(cache.get(stale), /another version/);
  assert.equal(cache.get(entry), first, 'a failed read does not evict');
  // A second catalog that loads pushes the least recently used one out.
  const copy = { ...entry, id: 'bundled:copy', path: entry.path.replace(/([^/\\]+)$/, './$1') };
  await cache.get(copy);
  assert.notEqual(cache.get(entry), first);
  cache.clear();
  assert.notEqual(cache.get(entry), first);
});

test('a dictionary without a catalog is reported in words the user can act on', async () => {
  await assert.rejects(new CatalogCache().get({ ...entry, name: 'plain', hasCatalog: false }), /dictionary "plain" has no factor catalog .* no labels/);
});
