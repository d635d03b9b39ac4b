import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DictionaryLearner, PAPER_SETTINGS, type BatchCoder } from '../../../src/core/learn/dictionaryLearner';
import { gaussianDictionary } from '../../../src/core/learn/initialDictionary';
import { SeededRandom } from '../../../src/core/learn/random';
import { fistaNonNegative } from '../../../src/core/sparse/fista';
import { SparseCoder } from '../../../src/core/sparse/sparseCoder';
import { sparseCodesToDense } from '../../../src/core/sparse/sparseCodes';
import type { Dictionary } from '../../../src/core/dictionary/dictionary';

const fista: BatchCoder = (dictionary, X, n, lambda) => fistaNonNegative(dictionary, X, n, lambda, { iterations: 200 }).alpha;
/** What training uses: the exact active-set coder, rebuilt for each Φ. */
const activeSet: BatchCoder = (dictionary, X, n, lambda) => new SparseCoder(dictionary).codeBatch(X, n, lambda);

/** x = Φ*α* + noise with α* non-negative and `active`-sparse: a planted ground truth. */
function plantedData(planted: Dictionary, n: number, active: number, random: SeededRandom): Float32Array {
  const { atoms, atomCount: K, hiddenSize: d } = planted;
  const X = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const chosen = new Set<number>();
    while (chosen.size < active) chosen.add(random.integer(K));
    for (const k of chosen) {
      const a = 1 + 2 * random.next();
      for (let h = 0; h < d; h++) X[i * d + h] += a * atoms[k * d + h];
    }
    for (let h = 0; h < d; h++) X[i * d + h] += 0.01 * random.normal();
  }
  return X;
}

function bestCosines(planted: Dictionary, learned: Dictionary): number[] {
  const d = planted.hiddenSize;
  return Array.from({ length: planted.atomCount }, (_, p) => {
    let best = -1;
    for (let k = 0; k < learned.atomCount; k++) {
      let dot = 0;
      for (let h = 0; h < d; h++) dot += planted.atoms[p * d + h] * learned.atoms[k * d + h];
      best = Math.max(best, dot);
    }
    return best;
  });
}

test('the paper’s learning rule recovers ≥ 95% of a planted non-negative sparse dictionary (cosine > 0.95)', async () => {
  const random = new SeededRandom(11);
  const planted = gaussianDictionary(16, 24, random);
  const X = plantedData(planted, 40_000, 3, random);
  const learned = gaussianDictionary(24, 24, new SeededRandom(5));
  const learner = new DictionaryLearner(learned, { lambda: 0.1, ...PAPER_SETTINGS }, activeSet);
  const d = 24;
  const batch = 100;
  const counts = new Float32Array(batch).fill(1);
  const before = bestCosines(planted, learned);
  for (let epoch = 0; epoch < 6; epoch++) {
    for (let i = 0; i + batch <= 40_000; i += batch) await learner.step(X.subarray(i * d, (i + batch) * d), batch, counts);
  }
  const after = bestCosines(planted, learned);
  const recovered = after.filter((c) => c > 0.95).length / planted.atomCount;
  assert.ok(before.filter((c) => c > 0.95).length === 0, 'a random start should not already match');
  assert.ok(recovered >= 0.95, `recovered ${recovered * 100}% of planted atoms; cosines ${after.map((c) => c.toFixed(3)).join(' ')}`);
  for (let k = 0; k < learned.atomCount; k++) {
    let norm = 0;
    for (let h = 0; h < d; h++) norm += learned.atoms[k * d + h] ** 2;
    assert.ok(Math.abs(norm - 1) < 1e-5, 'atoms stay unit-norm');
  }
});

test('the running statistics follow the paper’s window and the residual weighting changes the update', async () => {
  const random = new SeededRandom(2);
  const start = gaussianDictionary(8, 6, random);
  const X = plantedData(start, 100, 2, random);
  const copy = (): Dictionary => ({ ...start, atoms: Float32Array.from(start.atoms) });
  const plain = new DictionaryLearner(copy(), { lambda: 0.05, ...PAPER_SETTINGS }, fista);
  await plain.step(X, 100, new Float32Array(100).fill(1));
  const alpha = fistaNonNegative(start, X, 100, 0.05, { iterations: 200 }).alpha;
  for (let k = 0; k < 8; k++) {
    let meanSquare = 0;
    for (let i = 0; i < 100; i++) meanSquare += alpha[i * 8 + k] ** 2 / 100;
    assert.ok(Math.abs(plain.state.hessianDiagonal[k] - meanSquare / 300) < 1e-6 * Math.max(1, meanSquare));
  }
  const weighted = new DictionaryLearner(copy(), { lambda: 0.05, ...PAPER_SETTINGS }, fista);
  await weighted.step(X, 100, new Float32Array(100).fill(100));
  let difference = 0;
  for (let i = 0; i < start.atoms.length; i++) difference = Math.max(difference, Math.abs(weighted.dictionary.atoms[i] - plain.dictionary.atoms[i]));
  assert.ok(difference > 1e-3, 'dividing residuals by √count must change the step');
});

test('one step equals the paper’s update computed densely: dΦ = η (R/√count) αᵀ / n ÷ (H + 0.001), then unit columns', async () => {
  const random = new SeededRandom(3);
  const [K, d, n] = [12, 7, 50];
  const start = gaussianDictionary(K, d, random);
  const X = plantedData(start, n, 3, random);
  const counts = Float32Array.from({ length: n }, (_, i) => 1 + (i % 5) * 3);
  const learner = new DictionaryLearner({ ...start, atoms: Float32Array.from(start.atoms) }, { lambda: 0.05, ...PAPER_SETTINGS }, activeSet);
  const coded = sparseCodesToDense(new SparseCoder(start).codeBatch(X, n, 0.05), K);
  await learner.step(X, n, counts);
  // Dense reference, written from the formula, using the same codes the learner used.
  const expected = Float64Array.from(start.atoms);
  for (let k = 0; k < K; k++) {
    let h2 = 0;
    for (let i = 0; i < n; i++) h2 += coded[i * K + k] ** 2 / n;
    const hessian = h2 / 300;
    for (let h = 0; h < d; h++) {
      let grad = 0;
      for (let i = 0; i < n; i++) {
        let r = X[i * d + h];
        for (let j = 0; j < K; j++) r -= start.atoms[j * d + h] * coded[i * K + j];
        grad += (r / Math.sqrt(counts[i])) * coded[i * K + k];
      }
      expected[k * d + h] += (0.005 * grad) / n / (hessian + 0.001);
    }
    const norm = Math.hypot(...expected.subarray(k * d, (k + 1) * d));
    for (let h = 0; h < d; h++) expected[k * d + h] /= norm;
  }
  let largest = 0;
  for (let i = 0; i < expected.length; i++) largest = Math.max(largest, Math.abs(expected[i] - learner.dictionary.atoms[i]));
  assert.ok(largest < 1e-5, `atoms differ from the dense formula by ${largest}`);
  // The same codes given dense (as FISTA returns them) give the same step.
  const dense = new DictionaryLearner({ ...start, atoms: Float32Array.from(start.atoms) }, { lambda: 0.05, ...PAPER_SETTINGS }, () => coded);
  await dense.step(X, n, counts);
  assert.deepEqual(dense.dictionary.atoms, learner.dictionary.atoms);
});
