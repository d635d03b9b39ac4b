import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { catalogSummary } from '../../src/core/catalog/catalogSummary';
import { factorDetails } from '../../src/core/catalog/factorDetails';
import { CatalogHost } from '../../src/extension/catalog/catalogHost';
import { CatalogCache } from '../../src/extension/dictionaries/catalogCache';
import { bundledDictionary } from './bundledCatalog';

const { entry, catalog } = bundledDictionary();
const host = new CatalogHost({ workerPath: join(__dirname, 'catalog', 'catalogWorkerFromSource.mjs') });
after(() => host.dispose());

test('a catalog summary is read once, checked against its dictionary, and reused; a factor’s details on demand', async () => {
  const cache = new CatalogCache(host, 2);
  const first = cache.get(entry);
  assert.equal(cache.get(entry), first);
  const summary = await first;
  assert.equal(summary.dictionary.sha256, entry.dataSha256);
  assert.deepEqual(summary, catalogSummary(catalog));
  assert.deepEqual(await cache.details(entry, 7), factorDetails(catalog, 7));
});

test('only the most recently used catalogs are kept', async () => {
  const cache = new CatalogCache(host, 1);
  const first = cache.get(entry);
  await first;
  const other = { ...entry, id: 'imported:other', path: entry.path.replace(/[^/\\]+$/, 'other.tfdict'), hasCatalog: false };
  await assert.rejects(cache.get(other));
  // The failed read is not kept, so the bundled catalog is still there.
  assert.equal(cache.get(entry), first);
  const stale = { ...entry, dataSha256: '0'.repeat(64) };
  await assert.rejects(cache.get(stale), /another version/);
  await assert.rejects(cache.details(stale, 0), /another version/);
  assert.equal(cache.get(entry), first, 'a failed read does not evict');
  // A second catalog that loads pushes the least recently used one out.
  const copy = { ...entry, id: 'bundled:copy', path: entry.path.replace(/([^/\\]+)$/, './$1') };
  await cache.get(copy);
  assert.notEqual(cache.get(entry), first);
  cache.clear();
  assert.notEqual(cache.get(entry), first);
});

test('a dictionary without a catalog is reported in words the user can act on', async () => {
  const cache = new CatalogCache(host);
  await assert.rejects(cache.get({ ...entry, name: 'plain', hasCatalog: false }), /dictionary "plain" has no factor catalog .* no labels/);
  await assert.rejects(cache.details({ ...entry, name: 'plain', hasCatalog: false }, 0), /dictionary "plain" has no factor catalog/);
});
