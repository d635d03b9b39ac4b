// Times loading a 2,000 × 512 dictionary (4 MB) with full validation (checksum, NaN, unit norms,
// model match) against reading its bytes alone, best of 7 each, in the same run.
// Usage: npx tsx scripts/bench/dictionaryLoad.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDictionaryFile, writeDictionaryFile } from '../../src/core/dictionary/dictionaryFile';
import { bundledModelDir } from '../../src/core/model/bundledModel';
import { readModelInfo } from '../../src/core/model/modelInfo';
import { metadataFor, tempDir, unitDictionary } from '../../test/core/dictionary/testDictionaries';

const bestOf = (runs: number, f: () => void): number => {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    f();
    best = Math.min(best, performance.now() - started);
  }
  return best;
};

const model = readModelInfo(bundledModelDir());
const dictionary = unitDictionary(2000, 512, 11);
const path = join(tempDir('bench'), 'big.tfdict');
writeDictionaryFile(path, dictionary, metadataFor(dictionary, model));
const load = bestOf(7, () => readDictionaryFile(path, { model }));
const read = bestOf(7, () => readFileSync(path));
console.log(`load + validate ${load.toFixed(2)} ms; read bytes alone ${read.toFixed(2)} ms; overhead ${(load - read).toFixed(2)} ms (×${(load / read).toFixed(2)})`);
