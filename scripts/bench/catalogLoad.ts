// How long the extension host's thread is held up the first time a factor catalog is used:
// reading the bundled catalog on this thread (readCatalog, as the extension did before) against
// asking the catalog worker for its summary (CatalogCache, as it does now), then one factor's
// examples. Blocking is the event loop's largest delay while loading (monitorEventLoopDelay).
// Runs alternate, each with a fresh worker; medians of --runs (default 3); the ratio compares
// figures of this same run. Fails only if something crashes, never on a timing.
// Usage: npm run build, then npx tsx scripts/bench/catalogLoad.ts [--runs N] [--json]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { catalogPathFor, readCatalog } from '../../src/core/catalog/catalogFile';
import { listDictionaries } from '../../src/core/dictionary/dictionaryStore';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../../src/core/model/bundledModel';
import { CatalogHost } from '../../src/extension/catalog/catalogHost';
import { CatalogCache } from '../../src/extension/dictionaries/catalogCache';
import { median } from './support/timing';

interface Blocking {
  seconds: number;
  maxMs: number;
  p99Ms: number;
}

const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3);
const json = args.includes('--json');
const workerPath = resolve(__dirname, '../../out/catalogWorker.js');
if (!existsSync(workerPath)) throw new Error(`${workerPath} is missing: run npm run build first`);

const path = join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE);
const entry = listDictionaries({ bundled: bundledDictionaryDir() }).entries.find((e) => e.path === path);
if (!entry?.hasCatalog) throw new Error(`the bundled dictionary ${path} or its catalog is missing`);
const expected = { atomCount: entry.atomCount, dictionarySha256: entry.dataSha256 };

async function blocking(run: () => Promise<unknown>): Promise<Blocking> {
  const histogram = monitorEventLoopDelay({ resolution: 2 });
  histogram.enable();
  // The histogram records the gaps between its timer's ticks (none before its second tick, nor
  // after a reset): let it tick before and after.
  await pause(20);
  const start = performance.now();
  await run();
  const seconds = (performance.now() - start) / 1000;
  await pause(20);
  histogram.disable();
  return { seconds, maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 };
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

(async () => {
  const before: Blocking[] = [];
  const summary: Blocking[] = [];
  const details: Blocking[] = [];
  for (let run = 0; run < runs; run++) {
    // As the extension did: on this thread, once the caller's current work was done.
    before.push(await blocking(() => new Promise((done) => setImmediate(() => done(readCatalog(catalogPathFor(path), expected))))));
    const cache = new CatalogCache(new CatalogHost({ workerPath }));
    summary.push(await blocking(() => cache.get(entry)));
    details.push(await blocking(() => cache.details(entry, run + 1)));
    cache.dispose();
  }
  const figure = (list: Blocking[]): Blocking => ({ seconds: median(list.map((b) => b.seconds)), maxMs: median(list.map((b) => b.maxMs)), p99Ms: median(list.map((b) => b.p99Ms)) });
  const result = { runs, before: figure(before), after: { summary: figure(summary), details: figure(details) }, ratio: median(before.map((b) => b.maxMs)) / median(summary.map((b) => b.maxMs)) };
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const line = (what: string, b: Blocking) => `${what}: ${b.seconds.toFixed(2)} s wall, editor thread blocked at most ${b.maxMs.toFixed(0)} ms (p99 ${b.p99Ms.toFixed(0)} ms)`;
  console.log(`bundled catalog ${catalogPathFor(path)} (K = ${entry.atomCount}); ${runs} runs, medians`);
  console.log(line('before, readCatalog on this thread', result.before));
  console.log(line('after, summary from the catalog worker', result.after.summary));
  console.log(line('after, one factor\'s details', result.after.details));
  console.log(`longest block: ×${result.ratio.toFixed(1)} shorter`);
})();
