import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnnxMatMul } from '../../../src/core/sparse/onnxMatMul';
import { SeededRandom } from '../../../src/core/learn/random';
import { SparseCoder } from '../../../src/core/sparse/sparseCoder';
import { sparseCodesToDense } from '../../../src/core/sparse/sparseCodes';

test('ONNX Runtime’s A·Bᵀ equals a naive double-precision product', async () => {
  const random = new SeededRandom(8);
  const [m, q, p] = [37, 53, 29];
  const A = Float32Array.from({ length: m * p }, () => random.normal());
  const B = Float32Array.from({ length: q * p }, () => random.normal());
  const matMul = await OnnxMatMul.create();
  const C = await matMul.multiplyTransposed(A, m, B, q, p);
  assert.equal(C.length, m * q);
  for (let i = 0; i < m; i++) for (let j = 0; j < q; j++) {
    let sum = 0;
    for (let k = 0; k < p; k++) sum += A[i * p + k] * B[j * p + k];
    assert.ok(Math.abs(C[i * q + j] - sum) < 1e-4, `C[${i},${j}]`);
  }
  await matMul.dispose();
});

test('codes from correlations computed on ONNX Runtime match codes from the coder’s own XΦᵀ', async () => {
  const random = new SeededRandom(9);
  const [n, K, d] = [40, 96, 32];
  const atoms = Float32Array.from({ length: K * d }, () => random.normal());
  for (let k = 0; k < K; k++) {
    const atom = atoms.subarray(k * d, (k + 1) * d);
    const norm = Math.hypot(...atom);
    atom.forEach((v, h) => (atom[h] = v / norm));
  }
  const X = Float32Array.from({ length: n * d }, () => random.normal() * 3);
  const dictionary = { atoms, atomCount: K, hiddenSize: d };
  const coder = new SparseCoder(dictionary);
  const matMul = await OnnxMatMul.create();
  const correlations = await matMul.multiplyTransposed(X, n, atoms, K, d);
  const own = sparseCodesToDense(coder.codeBatch(X, n, 0.5), K);
  const given = sparseCodesToDense(coder.codeBatch(X, n, 0.5, { correlations }), K);
  let largest = 0;
  for (let i = 0; i < own.length; i++) largest = Math.max(largest, Math.abs(own[i] - given[i]));
  assert.ok(largest < 1e-4, `codes differ by ${largest}`);
  assert.ok(own.some((v) => v > 0), 'some factor is active');
  assert.throws(() => coder.codeBatch(X, n, 0.5, { correlations: correlations.subarray(1) }), /correlations hold/);
  await matMul.dispose();
});
