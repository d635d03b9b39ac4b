import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fistaNonNegative } from '../../../src/core/sparse/fista';
import { objective } from '../../../src/core/sparse/objective';
import { SparseCoder } from '../../../src/core/sparse/sparseCoder';
import { codeRow } from '../../../src/core/sparse/sparseCodes';
import { bruteForceLasso } from './bruteForceLasso';
import { randomDictionary, randomVectors } from './tinyProblems';

const LAMBDAS = [0.001, 0.05, 0.2, 0.5, 1, 3];
const VECTORS = 6;

/** Tiny problems: hidden 6–8, K 4–10, incoherent and coherent (shared-direction) atoms. */
function* tinyProblems() {
  let seed = 1;
  for (const hiddenSize of [6, 8]) {
    for (const atomCount of [4, 7, 10]) {
      for (const shared of [0, 2]) {
        seed++;
        yield { dictionary: randomDictionary(atomCount, hiddenSize, seed, shared), X: randomVectors(VECTORS, hiddenSize, 1000 + seed, shared / 2) };
      }
    }
  }
}

const relativeGap = (value: number, optimum: number) => (value - optimum) / Math.abs(optimum);

test('the fast coder reaches the brute-force optimum (objective within 1e-5 relative) with the same support', () => {
  let problems = 0;
  let nonTrivial = 0;
  for (const { dictionary, X } of tinyProblems()) {
    const coder = new SparseCoder(dictionary);
    const d = dictionary.hiddenSize;
    for (const lambda of LAMBDAS) {
      const codes = coder.codeBatch(X, VECTORS, lambda);
      for (let i = 0; i < VECTORS; i++) {
        const x = X.subarray(i * d, (i + 1) * d);
        const exact = bruteForceLasso(x, dictionary, lambda);
        const row = codeRow(codes, i);
        const value = objective(x, dictionary, row, lambda);
        assert.ok(Math.abs(relativeGap(value, exact.objective)) <= 1e-5, `K=${dictionary.atomCount} d=${d} λ=${lambda} row ${i}: ${value} vs optimum ${exact.objective}`);
        const exactSupport = [...exact.alpha.keys()].filter((k) => exact.alpha[k] > 0);
        assert.deepEqual(Array.from(row.indices), exactSupport, `support, K=${dictionary.atomCount} λ=${lambda} row ${i}`);
        for (let j = 0; j < row.indices.length; j++) {
          const k = row.indices[j];
          assert.ok(Math.abs(row.values[j] - exact.alpha[k]) <= 1e-4 * (1 + exact.alpha[k]), `α_${k}: ${row.values[j]} vs ${exact.alpha[k]}`);
        }
        problems++;
        if (exactSupport.length > 1) nonTrivial++;
      }
    }
  }
  assert.ok(nonTrivial > problems / 3, `only ${nonTrivial} of ${problems} problems have a support of 2 or more`);
});

test('FISTA with 20,000 iterations reaches the brute-force optimum (objective within 1e-5 relative)', () => {
  for (const { dictionary, X } of tinyProblems()) {
    const d = dictionary.hiddenSize;
    for (const lambda of LAMBDAS) {
      const { alpha, residual } = fistaNonNegative(dictionary, X, VECTORS, lambda, { iterations: 20000 });
      const K = dictionary.atomCount;
      for (let i = 0; i < VECTORS; i++) {
        const x = X.subarray(i * d, (i + 1) * d);
        const a = alpha.subarray(i * K, (i + 1) * K);
        assert.ok(a.every((v) => v >= 0));
        const exact = bruteForceLasso(x, dictionary, lambda);
        const value = objective(x, dictionary, a, lambda);
        assert.ok(Math.abs(relativeGap(value, exact.objective)) <= 1e-5, `K=${K} d=${d} λ=${lambda} row ${i}: FISTA ${value} vs optimum ${exact.objective}`);
        // The residual returned is X − Φα for the returned α.
        let rr = 0;
        for (let h = 0; h < d; h++) rr += residual[i * d + h] ** 2;
        let l1 = 0;
        for (const v of a) l1 += v;
        assert.ok(Math.abs(0.5 * rr + lambda * l1 - value) <= 1e-5 * value);
      }
    }
  }
});
