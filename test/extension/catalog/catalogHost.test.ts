import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { catalogPathFor } from '../../../src/core/catalog/catalogFile';
import { catalogSummary } from '../../../src/core/catalog/catalogSummary';
import { factorDetails } from '../../../src/core/catalog/factorDetails';
import { CatalogHost } from '../../../src/extension/catalog/catalogHost';
import { tempDir } from '../../core/dictionary/testDictionaries';
import { bundledDictionary } from '../bundledCatalog';

const workerPath = join(__dirname, 'catalogWorkerFromSource.mjs');
const { entry, catalog } = bundledDictionary();
const path = catalogPathFor(entry.path);
const expected = { atomCount: entry.atomCount, dictionarySha256: entry.dataSha256 };

describe('the catalog worker', () => {
  const host = new CatalogHost({ workerPath });
  after(() => host.dispose());

  it('answers with the summary and a factor’s details of the catalog read on this thread', async () => {
    assert.deepEqual(await host.summary(path, expected), catalogSummary(catalog));
    const withExamples = catalog.factors.find((f) => f.layers.some((l) => l.top.length > 0))!.id;
    for (const id of [0, withExamples, catalog.factors.length - 1]) {
      assert.deepEqual(await host.details(path, expected, id), factorDetails(catalog, id), `factor ${id}`);
    }
    assert.equal(await host.details(path, expected, catalog.factors.length), undefined);
  });

  it('reports a catalog of another dictionary version, another size, or a damaged or missing file, then carries on', async () => {
    await assert.rejects(host.summary(path, { ...expected, dictionarySha256: '0'.repeat(64) }), /was built for another version of dictionary .*: rebuild the catalog/);
    await assert.rejects(host.details(path, { atomCount: 7 }, 0), new RegExp(`describes ${entry.atomCount} factors but its dictionary has 7: rebuild the catalog`));
    const dir = tempDir('catalog-host');
    const corrupt = join(dir, 'corrupt.catalog.json.gz');
    writeFileSync(corrupt, gzipSync('{"formatVersion": 1, "factors": ['));
    await assert.rejects(host.summary(corrupt, expected), /corrupt\.catalog\.json\.gz is not a readable factor catalog \(gzip-compressed JSON\)/);
    const notGzip = join(dir, 'plain.catalog.json.gz');
    writeFileSync(notGzip, '{}');
    await assert.rejects(host.summary(notGzip, expected), /not a readable factor catalog/);
    await assert.rejects(host.summary(join(dir, 'missing.catalog.json.gz'), expected), /missing\.catalog\.json\.gz is not a readable factor catalog.*ENOENT/);
    const otherFormat = join(dir, 'v2.catalog.json.gz');
    writeFileSync(otherFormat, gzipSync(JSON.stringify({ formatVersion: 2 })));
    await assert.rejects(host.summary(otherFormat, expected), /has catalog format 2; this version reads format 1/);
    assert.equal((await host.summary(path, expected)).factors.length, entry.atomCount);
  });

  it('rejects what is pending when closed, and starts again on the next request', async () => {
    const pending = host.summary(path, expected);
    host.dispose();
    await assert.rejects(pending, /the catalog reader was closed/);
    assert.deepEqual(await host.details(path, expected, 1), factorDetails(catalog, 1));
  });

  it('ends an idle worker, then reads the catalog again when asked', async () => {
    const idle = new CatalogHost({ workerPath, idleMs: 10 });
    try {
      assert.equal((await idle.details(path, expected, 3))?.factor.id, 3);
      const worker = (idle as unknown as { worker?: unknown }).worker;
      assert.ok(worker, 'the worker runs');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal((idle as unknown as { worker?: unknown }).worker, undefined, 'the idle worker was ended');
      assert.deepEqual(await idle.details(path, expected, 3), factorDetails(catalog, 3));
    } finally {
      idle.dispose();
    }
  });
});
