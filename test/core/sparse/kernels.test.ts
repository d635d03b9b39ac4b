import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { gramMatrix } from '../../../src/core/sparse/gram';
import { multiplyTransposed, subtractProduct, transpose } from '../../../src/core/sparse/kernels';
import { largestEigenvalue } from '../../../src/core/sparse/largestEigenvalue';
import { largestAbove, selectSmallest } from '../../../src/core/sparse/selectSmallest';
import { seededRandom } from './realHiddenStates';
import { randomDictionary, randomVectors } from './tinyProblems';

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

test('multiplyTransposed equals the naive A·Bᵀ for every edge shape, with scale and accumulation', () => {
  for (const [m, q, p] of [[1, 1, 1], [4, 4, 3], [5, 7, 9], [13, 6, 2], [9, 130, 17]]) {
    const A = randomVectors(m, p, m * 100 + q);
    const B = randomVectors(q, p, p * 7 + 1);
    const C = randomVectors(m, q, 5);
    const before = C.slice();
    multiplyTransposed(A, B, C, m, q, p, 0.5, true);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < q; j++) {
        let s = 0;
        for (let h = 0; h < p; h++) s += A[i * p + h] * B[j * p + h];
        assert.ok(close(C[i * q + j], before[i * q + j] + 0.5 * s, 1e-5), `${m}×${q}×${p} at ${i},${j}`);
      }
    }
    const D = new Float64Array(m * q);
    multiplyTransposed(A, B, D, m, q, p);
    assert.ok(close(D[m * q - 1], Array.from({ length: p }, (_, h) => A[(m - 1) * p + h] * B[(q - 1) * p + h]).reduce((a, b) => a + b), 1e-12));
  }
});

test('subtractProduct equals X − Y·B with a sparse Y, in place too', () => {
  const random = seededRandom(3);
  const [m, k, p] = [6, 11, 5];
  const X = randomVectors(m, p, 1);
  const B = randomVectors(k, p, 2);
  const Y = new Float32Array(m * k).map(() => (random() < 0.4 ? random() - 0.3 : 0));
  const R = new Float32Array(m * p);
  subtractProduct(X, Y, B, R, m, k, p);
  for (let i = 0; i < m; i++) {
    for (let h = 0; h < p; h++) {
      let s = X[i * p + h];
      for (let c = 0; c < k; c++) s -= Y[i * k + c] * B[c * p + h];
      assert.ok(close(R[i * p + h], s, 1e-5));
    }
  }
  const inPlace = X.slice();
  subtractProduct(inPlace, Y, B, inPlace, m, k, p);
  assert.deepEqual(inPlace, R);
});

test('transpose and gramMatrix agree with the definitions', () => {
  const dictionary = randomDictionary(70, 9, 4, 1);
  const T = transpose(dictionary.atoms, 70, 9);
  assert.equal(T[3 * 70 + 65], dictionary.atoms[65 * 9 + 3]);
  const G = gramMatrix(dictionary);
  for (const [j, k] of [[0, 0], [3, 69], [69, 3], [64, 63], [10, 66]]) {
    let s = 0;
    for (let h = 0; h < 9; h++) s += dictionary.atoms[j * 9 + h] * dictionary.atoms[k * 9 + h];
    assert.ok(close(G[j * 70 + k], s, 1e-6), `G[${j},${k}]`);
  }
});

test('largestEigenvalue matches a full eigendecomposition of ΦᵀΦ, whichever side is smaller', () => {
  for (const [K, d, shared] of [[30, 20, 0], [20, 30, 0], [40, 12, 3], [7, 7, 1]]) {
    const dictionary = randomDictionary(K, d, K + d, shared);
    const phi = new Matrix(d, K);
    for (let k = 0; k < K; k++) for (let h = 0; h < d; h++) phi.set(h, k, dictionary.atoms[k * d + h]);
    const exact = Math.max(...new EigenvalueDecomposition(phi.transpose().mmul(phi), { assumeSymmetric: true }).realEigenvalues);
    const L = largestEigenvalue(dictionary);
    assert.ok(close(L, exact, 1e-7), `K=${K} d=${d}: ${L} vs ${exact}`);
  }
});

test('selectSmallest puts the `want` smallest keys first, ties and all', () => {
  const random = seededRandom(5);
  for (let trial = 0; trial < 200; trial++) {
    const count = 1 + Math.floor(random() * 40);
    const want = 1 + Math.floor(random() * count);
    const key = Float64Array.from({ length: 50 }, () => Math.floor(random() * 10) - 5);
    const items = Int32Array.from({ length: count }, () => Math.floor(random() * 50));
    const sorted = Array.from(items, (i) => key[i]).sort((a, b) => a - b);
    selectSmallest(items, count, want, key);
    const chosen = Array.from(items.subarray(0, want), (i) => key[i]).sort((a, b) => a - b);
    assert.deepEqual(chosen, sorted.slice(0, want), `count ${count} want ${want}`);
  }
});

test('largestAbove keeps the `want` largest values above the floor, skipping what is skipped, ties and all', () => {
  const random = seededRandom(11);
  for (let trial = 0; trial < 300; trial++) {
    const n = 1 + Math.floor(random() * 300);
    const want = Math.floor(random() * 40);
    const values = Float32Array.from({ length: n }, () => Math.floor(random() * 20) - 10);
    const skip = Uint8Array.from({ length: n }, () => (random() < 0.2 ? 1 : 0));
    const floor = Math.floor(random() * 10) - 8;
    const out = new Int32Array(n);
    const count = largestAbove(values, n, floor, skip, want, out);
    const eligible = Array.from(values).filter((v, k) => v > floor && !skip[k]).sort((a, b) => b - a);
    assert.equal(count, Math.min(want, eligible.length), `n ${n} want ${want}`);
    const chosen = Array.from(out.subarray(0, count));
    assert.equal(new Set(chosen).size, count, 'no index twice');
    for (const k of chosen) assert.ok(values[k] > floor && !skip[k], `index ${k} qualifies`);
    assert.deepEqual(chosen.map((k) => values[k]).sort((a, b) => b - a), eligible.slice(0, count));
  }
});
