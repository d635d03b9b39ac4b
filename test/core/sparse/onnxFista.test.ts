import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fistaNonNegative } from '../../../src/core/sparse/fista';
import { largestEigenvalue } from '../../../src/core/sparse/largestEigenvalue';
import { batchObjectives, objective } from '../../../src/core/sparse/objective';
import { onnxFista } from '../../../src/core/sparse/onnxFista';
import { bruteForceLasso } from './bruteForceLasso';
import { randomDictionary, randomVectors } from './tinyProblems';

test('ONNX FISTA equals the JavaScript fistaNonNegative (codes, residuals, objectives) for 1 to 500 iterations', async () => {
  const [K, d, n, lambda] = [96, 32, 50, 0.2];
  for (const shared of [0, 1]) {
    const dictionary = randomDictionary(K, d, 11 + shared, shared);
    const X = randomVectors(n, d, 12 + shared, shared);
    const L = largestEigenvalue(dictionary);
    for (const iterations of [1, 2, 7, 50, 500]) {
      const where = `shared ${shared}, ${iterations} iterations`;
      // 16-row blocks: 50 rows are three full blocks and a partial one.
      const onnx = await onnxFista(dictionary, X, n, lambda, { iterations, blockRows: 16 });
      const js = fistaNonNegative(dictionary, X, n, lambda, { iterations, lipschitz: L });
      assert.equal(onnx.lipschitz, L);
      assert.equal(onnx.alpha.length, n * K);
      // float32 GEMM against double accumulation: rounding differences grow slowly with the iterations.
      const tolerance = iterations <= 10 ? 1e-6 : 1e-4;
      js.alpha.forEach((v, i) => assert.ok(Math.abs(onnx.alpha[i] - v) <= tolerance * (1 + Math.abs(v)), `${where}, α[${i}]: ${onnx.alpha[i]} vs ${v}`));
      js.residual.forEach((v, i) => assert.ok(Math.abs(onnx.residual[i] - v) <= tolerance * (1 + Math.abs(v)), `${where}, R[${i}]: ${onnx.residual[i]} vs ${v}`));
      const ours = batchObjectives(X, n, dictionary, onnx.alpha, lambda);
      const theirs = batchObjectives(X, n, dictionary, js.alpha, lambda);
      theirs.forEach((f, i) => assert.ok(Math.abs(ours[i] - f) <= 1e-5 * f, `${where}, objective of row ${i}: ${ours[i]} vs ${f}`));
      assert.ok(js.alpha.some((v) => v > 0), `${where}: some factor is active`);
    }
  }
});

test('ONNX FISTA-500 reaches the brute-force optimum on tiny problems', async () => {
  let nonTrivial = 0;
  for (const [K, d] of [[4, 6], [7, 6], [10, 8]]) {
    for (const shared of [0, 1]) {
      const dictionary = randomDictionary(K, d, 3 + K + shared, shared);
      const X = randomVectors(6, d, 100 + K + shared, shared / 2);
      for (const lambda of [0.05, 0.2, 0.5, 1]) {
        const { alpha } = await onnxFista(dictionary, X, 6, lambda);
        for (let i = 0; i < 6; i++) {
          const x = X.subarray(i * d, (i + 1) * d);
          const exact = bruteForceLasso(x, dictionary, lambda);
          const value = objective(x, dictionary, alpha.subarray(i * K, (i + 1) * K), lambda);
          assert.ok(Math.abs(value - exact.objective) <= 1e-6 * exact.objective, `K=${K} d=${d} λ=${lambda} row ${i}: ${value} vs optimum ${exact.objective}`);
          if (exact.alpha.filter((a) => a > 0).length > 1) nonTrivial++;
        }
      }
    }
  }
  assert.ok(nonTrivial > 20, `only ${nonTrivial} problems have a support of 2 or more`);
});

test('ONNX FISTA starts from α = 0: with λ above every ⟨φ_k, x⟩ the code stays 0 and R = X', async () => {
  const dictionary = randomDictionary(6, 5, 1);
  const X = randomVectors(3, 5, 2);
  const { alpha, residual } = await onnxFista(dictionary, X, 3, 100, { iterations: 50 });
  assert.equal(alpha.length, 18);
  assert.ok(alpha.every((v) => v === 0));
  assert.deepEqual(residual, X);
});

test('ONNX FISTA rejects X whose size is not n × hidden', async () => {
  const dictionary = randomDictionary(6, 5, 1);
  await assert.rejects(onnxFista(dictionary, randomVectors(3, 5, 2), 4, 1), /X holds 15 values, not 4 × 5/);
});
