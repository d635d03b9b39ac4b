import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gramMatrix } from '../../../../src/core/sparse/gram';
import { GradientKernel } from '../../../../src/core/sparse/wasm/gradientKernel';
import { seededRandom } from '../realHiddenStates';
import { randomDictionary } from '../tinyProblems';

/** g = Gα − b in double precision, straight from the definition. */
function referenceGradient(G: Float32Array, K: number, support: Int32Array, alpha: Float64Array, size: number, b: Float32Array): Float64Array {
  return Float64Array.from({ length: K }, (_, k) => {
    let s = -b[k];
    for (let i = 0; i < size; i++) s += alpha[i] * G[support[i] * K + k];
    return s;
  });
}

test('the SIMD gradient equals Gα − b in double precision, for any K (padding included) and support size', () => {
  const random = seededRandom(3);
  for (const K of [1, 7, 16, 17, 33, 100, 257]) {
    const G = gramMatrix(randomDictionary(K, 12, K, 0.5));
    const cap = Math.min(K, 24);
    const kernel = new GradientKernel(G, K, cap);
    assert.equal(kernel.stride % 16, 0);
    for (let trial = 0; trial < 20; trial++) {
      const size = Math.floor(random() * (cap + 1));
      const atoms = Array.from({ length: K }, (_, k) => k).sort(() => random() - 0.5).slice(0, size);
      const support = Int32Array.from(atoms);
      const alpha = Float64Array.from({ length: size }, () => 3 * random());
      const b = Float32Array.from({ length: K }, () => 4 * random() - 1);
      kernel.setB(trial % 2 ? b : Float64Array.from(b));
      const blocked = new Set<number>(atoms);
      kernel.blocked.fill(0, 0, K);
      for (const k of atoms) kernel.blocked[k] = 1;
      const threshold = -1.5;
      const count = kernel.gradient(support, alpha, size, threshold);
      const expected = referenceGradient(G, K, support, alpha, size, b);
      for (let k = 0; k < K; k++) assert.ok(Math.abs(kernel.g[k] - expected[k]) <= 1e-5 * (1 + Math.abs(expected[k])), `K ${K}, |P| ${size}, g_${k}: ${kernel.g[k]} vs ${expected[k]}`);
      const listed = Array.from(kernel.candidates.subarray(0, count));
      const wanted = expected.reduce<number[]>((list, g, k) => (g < threshold && !blocked.has(k) ? [...list, k] : list), []);
      // The list is the float32 gradient's verdict; it may differ from the exact one only at the threshold itself.
      const disputed = (k: number) => Math.abs(expected[k] - threshold) <= 1e-5 * (1 + Math.abs(threshold));
      assert.deepEqual(listed.filter((k) => !disputed(k)), wanted.filter((k) => !disputed(k)), `K ${K}, |P| ${size}: candidates`);
      assert.deepEqual(listed, [...listed].sort((p, q) => p - q), 'candidates in atom order');
    }
  }
});

test('padding atoms never become candidates and blocked atoms are skipped', () => {
  const K = 5;
  const G = gramMatrix(randomDictionary(K, 4, 1));
  const kernel = new GradientKernel(G, K, K);
  kernel.setB(new Float32Array([10, 10, 10, 10, 10]));
  kernel.blocked.fill(0, 0, K);
  kernel.blocked[2] = 1;
  // With α = 0, g = −b = −10 everywhere: every unblocked real atom is below any threshold above −10.
  const count = kernel.gradient(new Int32Array(0), new Float64Array(0), 0, 1e30);
  assert.deepEqual(Array.from(kernel.candidates.subarray(0, count)), [0, 1, 3, 4]);
});

test('a Gram matrix of the wrong size is refused', () => {
  assert.throws(() => new GradientKernel(new Float32Array(6), 3, 3), /6 values, not 3 × 3/);
});
