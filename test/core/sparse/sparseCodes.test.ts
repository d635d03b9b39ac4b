import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchObjectives, objective, reconstruct, relativeResidual } from '../../../src/core/sparse/objective';
import { codeRow, countNonzeros, denseToSparseCodes, rowCount, sparseCodesToDense, stackSparseVectors } from '../../../src/core/sparse/sparseCodes';
import { randomDictionary, randomVectors } from './tinyProblems';

const dense = new Float32Array([0, 1.5, 0, 0, /**/ 0, 0, 0, 0, /**/ 2, 0, 0, 0.25]);

test('CSR codes: dense round trip, rows as views, counts, stacking', () => {
  const codes = denseToSparseCodes(dense, 3, 4);
  assert.deepEqual(Array.from(codes.offsets), [0, 1, 1, 3]);
  assert.deepEqual(Array.from(codes.indices), [1, 0, 3]);
  assert.deepEqual(Array.from(codes.values), [1.5, 2, 0.25]);
  assert.equal(rowCount(codes), 3);
  assert.equal(countNonzeros(codes), 3);
  assert.deepEqual(sparseCodesToDense(codes, 4), dense);
  assert.equal(codeRow(codes, 1).indices.length, 0);
  assert.deepEqual(Array.from(codeRow(codes, 2).indices), [0, 3]);
  const stacked = stackSparseVectors([0, 1, 2].map((i) => codeRow(codes, i)));
  assert.deepEqual(stacked, codes);
  assert.deepEqual(stackSparseVectors([]).offsets, new Uint32Array([0]));
});

test('objective, reconstruction and relative residual agree for dense and sparse codes', () => {
  const dictionary = randomDictionary(4, 5, 3);
  const X = randomVectors(3, 5, 4);
  const codes = denseToSparseCodes(dense, 3, 4);
  for (let i = 0; i < 3; i++) {
    const x = X.subarray(i * 5, (i + 1) * 5);
    const a = dense.subarray(i * 4, (i + 1) * 4);
    const sparse = codeRow(codes, i);
    const r = reconstruct(dictionary, a);
    for (let h = 0; h < 5; h++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[k] * dictionary.atoms[k * 5 + h];
      assert.ok(Math.abs(r[h] - s) < 1e-6);
    }
    let rr = 0;
    let xx = 0;
    for (let h = 0; h < 5; h++) {
      rr += (x[h] - r[h]) ** 2;
      xx += x[h] ** 2;
    }
    const l1 = a.reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(objective(x, dictionary, a, 0.7) - (0.5 * rr + 0.7 * l1)) < 1e-9);
    assert.equal(objective(x, dictionary, sparse, 0.7), objective(x, dictionary, a, 0.7));
    assert.ok(Math.abs(relativeResidual(x, dictionary, sparse) - Math.sqrt(rr / xx)) < 1e-12);
  }
  assert.deepEqual(batchObjectives(X, 3, dictionary, codes, 0.7), batchObjectives(X, 3, dictionary, dense, 0.7));
  assert.equal(relativeResidual(new Float32Array(5), dictionary, new Float32Array(4)), 0);
});
