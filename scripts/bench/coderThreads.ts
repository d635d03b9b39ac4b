// Sparse coding through the engine on one thread versus on two worker threads: the hidden states
// of a ~1,000-token held-out Brown document at every depth, coded batch by batch as decompose()
// codes them, the two engines alternating run by run. Prints the medians and their ratio; on a
// shared machine the ratio (same run, same load) means more than either time.
// Usage: npx tsx scripts/bench/coderThreads.ts [runs]
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { encodeDocument } from '../../src/core/encode/documentEncoder';
import { FactorEngine } from '../../src/core/engine/factorEngine';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir, bundledModelDir } from '../../src/core/model/bundledModel';
import type { SparseCodes } from '../../src/core/sparse/sparseCodes';
import { heldOutText } from './support/heldOutText';
import { median, secondsSince } from './support/timing';

const RUNS = Number(process.argv[2] ?? 7);
const sources = { modelDir: bundledModelDir(), dictionaryPath: join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE) };

async function main(): Promise<void> {
  const engines = [await FactorEngine.open({ ...sources, coderThreads: 1 }), await FactorEngine.open({ ...sources, coderThreads: 2 })];
  const [single, pooled] = engines;
  const text = heldOutText(single.model.tokenizer, 1_000);
  const tokens = single.model.tokenizer.tokenize(text);
  // The batches decompose() codes: per model run, one [tokens × hidden] matrix per depth.
  const batches: Float32Array[] = [];
  for await (const chunk of encodeDocument(single.model.encoder, tokens, text)) batches.push(...chunk.states);
  const d = single.model.info.hiddenSize;
  const rows = batches.reduce((n, X) => n + X.length / d, 0);

  const codeAll = async (engine: FactorEngine): Promise<SparseCodes[]> => {
    const out: SparseCodes[] = [];
    for (const X of batches) out.push(await engine.code(X, X.length / d));
    return out;
  };
  // Warm-up (JIT, ONNX Runtime sessions, worker start-up), and the check that both code alike.
  const [a, b] = [await codeAll(single), await codeAll(pooled)];
  const bits = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  const same = a.every((codes, i) => bits(codes.values).equals(bits(b[i].values)) && Buffer.from(codes.indices.buffer).equals(Buffer.from(b[i].indices.buffer)));
  if (!same) throw new Error('the two engines coded differently');

  const seconds: number[][] = [[], []];
  const ratios: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternate which goes first, so that neither always follows the other.
    const order = run % 2 ? [1, 0] : [0, 1];
    for (const which of order) {
      const start = performance.now();
      await codeAll(engines[which]);
      seconds[which].push(secondsSince(start));
    }
    ratios.push(seconds[0][run] / seconds[1][run]);
  }
  const [one, two] = seconds.map(median);
  console.log(`${tokens.length} tokens, ${batches.length} batches, ${rows} rows coded (every depth), ${RUNS} alternating runs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`1 thread   median ${one.toFixed(3)} s  (${seconds[0].map((s) => s.toFixed(3)).join(' ')})`);
  console.log(`2 threads  median ${two.toFixed(3)} s  (${seconds[1].map((s) => s.toFixed(3)).join(' ')})`);
  console.log(`1-thread / 2-thread: ratio of medians ${(one / two).toFixed(2)}, median of same-run ratios ${median(ratios).toFixed(2)}`);
  for (const engine of engines) await engine.dispose();
}

void main();
