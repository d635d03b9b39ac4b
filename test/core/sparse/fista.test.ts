import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dictionary } from '../../../src/core/dictionary/dictionary';
import { fistaNonNegative } from '../../../src/core/sparse/fista';
import { largestEigenvalue } from '../../../src/core/sparse/largestEigenvalue';
import { randomDictionary, randomVectors } from './tinyProblems';

/** The paper's iteration written out literally for one vector, in double precision. */
function literalFista(x: Float32Array, { atoms, atomCount: K, hiddenSize: d }: Dictionary, lambda: number, iterations: number, L: number): Float64Array {
  const eta = 1 / L;
  let alpha = new Float64Array(K);
  let y = new Float64Array(K);
  let t = 1;
  for (let it = 0; it < iterations; it++) {
    const R = Array.from({ length: d }, (_, h) => x[h] - y.reduce((s, v, k) => s + atoms[k * d + h] * v, 0));
    y = y.map((v, k) => v + eta * R.reduce((s, r, h) => s + atoms[k * d + h] * r, 0));
    const alphaNew = y.map((v) => Math.max(v - eta * lambda, 0));
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    y = alphaNew.map((a, k) => a + ((t - 1) / tNext) * (a - alpha[k]));
    alpha = alphaNew;
    t = tNext;
  }
  return alpha;
}

test('fistaNonNegative follows the paper\'s iteration step by step (batched, blocked, float32)', () => {
  const dictionary = randomDictionary(9, 7, 5, 1);
  const X = randomVectors(70, 7, 6, 1);
  const L = largestEigenvalue(dictionary);
  for (const iterations of [1, 2, 3, 12]) {
    const { alpha, lipschitz } = fistaNonNegative(dictionary, X, 70, 0.1, { iterations, blockRows: 16 });
    assert.equal(lipschitz, L);
    for (const i of [0, 15, 16, 69]) {
      const expected = literalFista(X.subarray(i * 7, (i + 1) * 7), dictionary, 0.1, iterations, L);
      expected.forEach((v, k) => assert.ok(Math.abs(alpha[i * 9 + k] - v) <= 1e-5 * (1 + Math.abs(v)), `${iterations} iterations, row ${i}, α_${k}: ${alpha[i * 9 + k]} vs ${v}`));
    }
  }
});

test('fistaNonNegative starts from α = 0: with λ above every ⟨φ_k, x⟩ the code stays 0 and R = X', () => {
  const dictionary = randomDictionary(6, 5, 1);
  const X = randomVectors(3, 5, 2);
  const { alpha, residual } = fistaNonNegative(dictionary, X, 3, 100, { iterations: 50 });
  assert.ok(alpha.every((v) => v === 0));
  assert.deepEqual(residual, X);
  assert.throws(() => fistaNonNegative(dictionary, X, 4, 1), /not 4 × 5/);
});
