import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OnnxMatMul } from '../../../src/core/sparse/onnxMatMul';
import { SeededRandom } from '../../../src/core/learn/random';

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
