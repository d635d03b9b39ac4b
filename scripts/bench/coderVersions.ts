// The sparse coder of an earlier commit against this checkout's, in one process on the same data:
// the hidden states of a held-out Brown document at every depth (bundled model and dictionary),
// with the same Gram matrix and correlations XΦᵀ given to both, so that only the coder differs.
// Runs alternate; rates are per CPU-second of this single-threaded process (machine load hits
// both alike). Also checks both reach the same objective.
// Usage: npx tsx scripts/bench/coderVersions.ts --baseline <commit> [--tokens 1000] [--runs 7]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readDictionaryFile } from '../../src/core/dictionary/dictionaryFile';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../../src/core/model/bundledModel';
import { batchObjectives } from '../../src/core/sparse/objective';
import { onnxGramMatrix } from '../../src/core/sparse/onnxGram';
import { OnnxMatMul } from '../../src/core/sparse/onnxMatMul';
import { SparseCoder } from '../../src/core/sparse/sparseCoder';
import type { SparseCodes } from '../../src/core/sparse/sparseCodes';
import { heldOutStates } from './support/heldOutStates';
import { alternatingCpuSeconds, median } from './support/timing';

const args = process.argv.slice(2);
const option = (name: string, fallback?: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const baseline = option('--baseline');
const tokens = Number(option('--tokens', '1000'));
const runs = Number(option('--runs', '7'));
if (!baseline) throw new Error('usage: npx tsx scripts/bench/coderVersions.ts --baseline <commit> [--tokens 1000] [--runs 7]');

interface Coder { codeBatch(X: Float32Array, n: number, lambda: number, options: { correlations: Float32Array }): SparseCodes }
type CoderClass = new (dictionary: unknown, options: { gram: Float32Array }) => Coder;

(async () => {
  const root = join(__dirname, '..', '..');
  // The baseline's src/ inside out/ (ignored by git), where its imports resolve to this node_modules.
  const dir = join(root, 'out', 'coder-baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${root}" archive "${baseline}" src | tar -x -C "${dir}"`]);
  const { SparseCoder: Baseline } = (await import(join(dir, 'src', 'core', 'sparse', 'sparseCoder.ts'))) as { SparseCoder: CoderClass };

  const { dictionary, metadata } = readDictionaryFile(join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE));
  const { atoms, atomCount: K, hiddenSize: d } = dictionary;
  const lambda = metadata.lambda;
  // The batches the engine codes: per model run, one [tokens × hidden] matrix per depth.
  const batches = (await heldOutStates(tokens)).flat();
  const matMul = await OnnxMatMul.create();
  const gram = await onnxGramMatrix(matMul, dictionary);
  const correlations = await Promise.all(batches.map((X) => matMul.multiplyTransposed(X, X.length / d, atoms, K, d)));
  await matMul.dispose();
  const rows = batches.reduce((n, X) => n + X.length / d, 0);

  const coders: Array<[string, Coder]> = [[`baseline ${baseline}`, new Baseline(dictionary, { gram })], ['this checkout', new SparseCoder(dictionary, { gram })]];
  const codeAll = (coder: Coder) => batches.map((X, b) => coder.codeBatch(X, X.length / d, lambda, { correlations: correlations[b] }));
  const objectiveOf = (codes: SparseCodes[]) => codes.reduce((sum, c, b) => sum + batchObjectives(batches[b], batches[b].length / d, dictionary, c, lambda).reduce((s, f) => s + f, 0), 0);
  const objectives = coders.map(([, coder]) => objectiveOf(codeAll(coder))); // also the warm-up
  const seconds = alternatingCpuSeconds(coders.length, runs, (i) => codeAll(coders[i][1]));
  console.log(`${rows} hidden states (${tokens}-token held-out document, every depth), K = ${K}, λ = ${lambda}; ${runs} alternating runs, CPU seconds`);
  coders.forEach(([name], i) => console.log(`${name.padEnd(24)} ${(rows / median(seconds[i])).toFixed(0)} vectors/s (median ${median(seconds[i]).toFixed(3)} s), summed objective ${objectives[i].toFixed(3)}`));
  console.log(`this checkout ÷ baseline: ×${(median(seconds[0]) / median(seconds[1])).toFixed(2)}; objective difference ${((objectives[1] - objectives[0]) / objectives[0]).toExponential(2)} relative`);
  rmSync(dir, { recursive: true, force: true });
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
