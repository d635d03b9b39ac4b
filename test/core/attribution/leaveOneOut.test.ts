import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coefficientOf, leaveOneOut, type SequenceRunner } from '../../../src/core/attribution/leaveOneOut';
import type { LayerCoder } from '../../../src/core/decompose/decomposeDocument';
import { stackSparseVectors } from '../../../src/core/sparse/sparseCodes';

// A model whose hidden state at every position is, in component k, the summed weight of the
// sequence's tokens of kind k, and a coder that keeps the vector as it is: leaving out a token
// lowers the target's coefficient by exactly that token's weight.
const hiddenSize = 3;
const weight = (id: number) => id / 10;
const kind = (id: number) => id % hiddenSize;
let runs = 0;
const run: SequenceRunner = async (sequences) => {
  runs++;
  return sequences.map((ids) => {
    const state = new Float32Array(hiddenSize);
    for (const id of ids) state[kind(id)] += weight(id);
    const layer = new Float32Array(ids.length * hiddenSize);
    for (let p = 0; p < ids.length; p++) layer.set(state, p * hiddenSize);
    return [new Float32Array(ids.length * hiddenSize), layer];
  });
};
const identity: LayerCoder = (X, n) => stackSparseVectors(Array.from({ length: n }, (_, r) => {
  const x = X.subarray(r * hiddenSize, (r + 1) * hiddenSize);
  const indices = [...x.keys()].filter((i) => x[i] > 0);
  return { indices: Uint32Array.from(indices), values: Float32Array.from(indices, (i) => x[i]) };
}));

describe('leave-one-out attribution', () => {
  it('scores each context token by the drop of the target’s coefficient without it', async () => {
    const ids = [3, 4, 6, 9, 7, 12];
    const progress: Array<[number, number]> = [];
    runs = 0;
    const result = await leaveOneOut(run, identity, { ids, target: 2, layer: 1, factor: 0, hiddenSize }, { batchSize: 2, onProgress: (d, t) => progress.push([d, t]) });
    // Factor 0 sums the weights of ids ≡ 0 (mod 3): 3, 6, 9, 12.
    assert.ok(Math.abs(result.baseline - 3) < 1e-6);
    const expected = ids.map((id, i) => (i === 2 || kind(id) !== 0 ? 0 : weight(id)));
    result.scores.forEach((s, i) => assert.ok(Math.abs(s - expected[i]) < 1e-6, `token ${i}: ${s} vs ${expected[i]}`));
    assert.equal(runs, 3, 'the whole window and five occlusions, two per run');
    assert.deepEqual(progress, [[2, 6], [4, 6], [6, 6]]);
  });

  it('reads the target’s row after the tokens before it are left out', async () => {
    // Layer 0 is zero everywhere except where the target sits: a wrong row would read zeros.
    const shifted: SequenceRunner = async (sequences) => sequences.map((ids) => {
      const layer = new Float32Array(ids.length * hiddenSize);
      const at = ids.indexOf(99);
      layer[at * hiddenSize] = 1 + ids.length;
      return [layer];
    });
    const result = await leaveOneOut(shifted, identity, { ids: [1, 2, 99, 4], target: 2, layer: 0, factor: 0, hiddenSize });
    assert.equal(result.baseline, 5);
    assert.deepEqual([...result.scores], [1, 1, 0, 1]);
  });

  it('stops when cancelled and refuses a target outside the window', async () => {
    const controller = new AbortController();
    const slow: SequenceRunner = async (sequences) => {
      controller.abort();
      return run(sequences);
    };
    await assert.rejects(leaveOneOut(slow, identity, { ids: [3, 6, 9], target: 0, layer: 1, factor: 0, hiddenSize }, { signal: controller.signal, batchSize: 1 }), { name: 'AbortError' });
    await assert.rejects(leaveOneOut(run, identity, { ids: [3], target: 1, layer: 1, factor: 0, hiddenSize }), RangeError);
  });

  it('finds a coefficient in a sparse code by binary search', () => {
    const code = { indices: Uint32Array.from([2, 5, 9, 40]), values: Float32Array.from([0.5, 1, 2, 3]) };
    assert.deepEqual([2, 5, 9, 40, 0, 6, 41].map((a) => coefficientOf(code, a)), [0.5, 1, 2, 3, 0, 0, 0]);
  });
});
