// The catalog worker thread: reads (gunzips, parses, checks) factor catalogs, keeps the full
// catalogs of the most recently used dictionaries, and answers with a summary or one factor's
// details, which are small enough to pass to the editor's thread cheaply.
import { parentPort, workerData } from 'node:worker_threads';
import type { FactorCatalog } from '../../core/catalog/catalog';
import { readCatalog } from '../../core/catalog/catalogFile';
import { catalogSummary } from '../../core/catalog/catalogSummary';
import { factorDetails } from '../../core/catalog/factorDetails';
import { LruMap } from '../analysis/lruMap';
import type { CatalogExpectation, CatalogReply, CatalogRequest } from './catalogProtocol';

const port = parentPort;
if (!port) throw new Error('catalogWorker.js runs as a worker thread of the extension');

const capacity = Math.max(1, Number((workerData as { capacity?: number } | null)?.capacity) || 2);
/** Full catalogs by path and expectation, the most recently used kept. */
const kept = new LruMap<string, FactorCatalog>(capacity);

port.on('message', (request: CatalogRequest) => {
  try {
    const catalog = catalogFor(request.path, request.expected);
    reply(request.type === 'summary'
      ? { type: 'summary', id: request.id, summary: catalogSummary(catalog) }
      : { type: 'details', id: request.id, details: factorDetails(catalog, request.factor) });
  } catch (error) {
    reply({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
});

function catalogFor(path: string, expected: CatalogExpectation): FactorCatalog {
  // The expectation is part of the key: a dictionary replaced by another version is checked anew.
  const key = `${path}\n${expected.atomCount}\n${expected.dictionarySha256 ?? ''}`;
  let catalog = kept.get(key);
  if (!catalog) {
    // A catalog that read and checked well makes room; a failed read drops nothing.
    catalog = readCatalog(path, expected);
    kept.set(key, catalog);
  }
  return catalog;
}

function reply(message: CatalogReply): void {
  port!.postMessage(message);
}
