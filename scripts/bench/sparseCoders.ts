// The sparse coder's settings, one at a time against the production setting, on the same real data:
// the hidden states of a held-out Brown document at every depth, the bundled dictionary and λ,
// the Gram matrix and correlations XΦᵀ from ONNX Runtime as the engine computes them. Variants
// alternate run by run; rates are per CPU-second of this single-threaded process, so that other
// load on the machine hits them alike. Each line says what a variant changes, its rate against
// production, its work per vector and whether it reaches the same objective.
// Usage: npx tsx scripts/bench/sparseCoders.ts [--tokens 1000] [--runs 5] [--json]
import { join } from 'node:path';
import { relativeResiduals } from '../../src/core/decompose/decomposeDocument';
import { readDictionaryFile } from '../../src/core/dictionary/dictionaryFile';
import { BUNDLED_DICTIONARY_FILE, bundledDictionaryDir } from '../../src/core/model/bundledModel';
import { emptyStats, type ActiveSetStats } from '../../src/core/sparse/activeSet';
import { batchObjectives } from '../../src/core/sparse/objective';
import { onnxGramMatrix } from '../../src/core/sparse/onnxGram';
import { OnnxMatMul } from '../../src/core/sparse/onnxMatMul';
import { SparseCoder } from '../../src/core/sparse/sparseCoder';
import { codeRow, stackSparseVectors, type SparseCodes, type SparseVector } from '../../src/core/sparse/sparseCodes';
import { concatFloats, heldOutStates } from './support/heldOutStates';
import { alternatingCpuSeconds, median } from './support/timing';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const tokens = Number(option('--tokens', '1000'));
const runs = Number(option('--runs', '5'));
const json = args.includes('--json');

/** One depth's states of the whole document [n × hidden] with their correlations [n × K]. */
interface Depth { X: Float32Array; correlations: Float32Array; n: number }

(async () => {
  const { dictionary, metadata } = readDictionaryFile(join(bundledDictionaryDir(), BUNDLED_DICTIONARY_FILE));
  const { atoms, atomCount: K, hiddenSize: d } = dictionary;
  const lambda = metadata.lambda;
  const runsOfModel = await heldOutStates(tokens);
  const matMul = await OnnxMatMul.create();
  const gram = await onnxGramMatrix(matMul, dictionary);
  const depths: Depth[] = [];
  for (let depth = 0; depth < runsOfModel[0].length; depth++) {
    const X = concatFloats(runsOfModel.map((states) => states[depth]));
    depths.push({ X, n: X.length / d, correlations: await matMul.multiplyTransposed(X, X.length / d, atoms, K, d) });
  }
  await matMul.dispose();
  const vectors = depths.reduce((s, depth) => s + depth.n, 0);

  const production = new SparseCoder(dictionary, { gram });
  const withCandidates = (candidatesPerRound: number) => new SparseCoder(dictionary, { gram, candidatesPerRound });
  type Variant = { name: string; code: (stats: ActiveSetStats) => SparseCodes[] };
  const variants: Variant[] = [
    { name: 'production: cold start, 16 candidates a round, correlations given, residuals from G', code: (stats) => depths.map(({ X, n, correlations }) => production.codeBatch(X, n, lambda, { correlations, stats })) },
    { name: 'warm start from the same token at the depth below', code: (stats) => {
      let below: SparseCodes | undefined;
      return depths.map(({ X, n, correlations }) => (below = production.codeBatch(X, n, lambda, { correlations, stats, warmStarts: below })));
    } },
    { name: 'warm start from the previous token at the same depth (row by row)', code: (stats) => depths.map(({ X, n, correlations }) => {
      const rows: SparseVector[] = [];
      for (let i = 0; i < n; i++) {
        const warmStarts = i > 0 ? stackSparseVectors([rows[i - 1]]) : undefined;
        const one = production.codeBatch(X.subarray(i * d, (i + 1) * d), 1, lambda, { correlations: correlations.subarray(i * K, (i + 1) * K), stats, warmStarts });
        rows.push(codeRow(one, 0));
      }
      return stackSparseVectors(rows);
    }) },
    ...[8, 32, 64].map((c) => ({ name: `${c} candidates a round`, code: (stats: ActiveSetStats) => {
      const coder = withCandidates(c);
      return depths.map(({ X, n, correlations }) => coder.codeBatch(X, n, lambda, { correlations, stats }));
    } })),
    { name: 'correlations XΦᵀ by the JavaScript kernel instead of given', code: (stats) => depths.map(({ X, n }) => production.codeBatch(X, n, lambda, { stats })) },
    { name: 'residuals reconstructed from the atoms as well (relativeResiduals)', code: (stats) => depths.map(({ X, n, correlations }) => {
      const codes = production.codeBatch(X, n, lambda, { correlations, stats });
      relativeResiduals(dictionary, X, codes);
      return codes;
    }) },
  ];
  // Warm-up, and each variant's objective and work per vector.
  const objectiveOf = (codes: SparseCodes[]) => codes.reduce((sum, c, l) => sum + batchObjectives(depths[l].X, depths[l].n, dictionary, c, lambda).reduce((s, f) => s + f, 0), 0);
  const outcomes = variants.map((v) => {
    const stats = emptyStats();
    const objective = objectiveOf(v.code(stats));
    return { objective, stats };
  });
  const seconds = alternatingCpuSeconds(variants.length, runs, (i) => variants[i].code(emptyStats()));
  const base = median(seconds[0]);
  const results = variants.map((v, i) => {
    const { objective, stats } = outcomes[i];
    return {
      variant: v.name,
      vectorsPerSecond: vectors / median(seconds[i]),
      productionRatio: base / median(seconds[i]),
      roundsPerVector: stats.rounds / stats.vectors,
      additionsPerVector: stats.additions / stats.vectors,
      removalsPerVector: stats.removals / stats.vectors,
      relativeObjectiveDifference: (objective - outcomes[0].objective) / outcomes[0].objective,
    };
  });
  if (json) {
    console.log(JSON.stringify({ vectors, tokens, atomCount: K, lambda, runs, results }, null, 2));
    return;
  }
  console.log(`${vectors} hidden states (${tokens}-token held-out document, every depth), K = ${K}, λ = ${lambda}; ${runs} alternating runs, CPU seconds`);
  for (const r of results) {
    console.log(`${r.variant}: ${r.vectorsPerSecond.toFixed(0)} vectors/s (×${r.productionRatio.toFixed(2)} production); per vector ${r.roundsPerVector.toFixed(2)} rounds, ` +
      `${r.additionsPerVector.toFixed(1)} additions, ${r.removalsPerVector.toFixed(1)} removals; objective ${r.relativeObjectiveDifference.toExponential(1)} relative to production`);
  }
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
