import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { Matrix } from 'ml-matrix';
import { loadModel, type LoadedModel } from '../../../../src/core/model/loadedModel';
import { writeTinyBert } from './support/tinyBert';
import { writeTinyGpt2 } from './support/tinyGpt2';
import { bertHiddenStates, gpt2HiddenStates } from './support/referenceForward';

const root = mkdtempSync(join(tmpdir(), 'hf-parity-'));
const cacheDir = join(root, 'cache');
const TOLERANCE = 1e-4;
const TEXTS = ['The river bank was steep.', 'Then the BANK raised its rates; unbelievable! Café crème, naïve coffee?'];

function maxAbsDiff(ours: Float32Array, reference: Matrix, firstRow: number): number {
  let max = 0;
  for (let r = 0; r < ours.length / reference.columns; r++) {
    for (let c = 0; c < reference.columns; c++) max = Math.max(max, Math.abs(ours[r * reference.columns + c] - reference.get(firstRow + r, c)));
  }
  return max;
}

async function lastHiddenState(modelPath: string, feeds: Record<string, number[]>): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(modelPath);
  const length = feeds.input_ids.length;
  const tensors = Object.fromEntries(Object.entries(feeds).map(([name, values]) => [name, new ort.Tensor('int64', BigInt64Array.from(values.map(BigInt)), [1, length])]));
  const out = (await session.run(tensors)).last_hidden_state.data as Float32Array;
  await session.release();
  return out;
}

async function checkLayers(t: { diagnostic: (m: string) => void }, model: LoadedModel, reference: (ids: number[]) => Matrix[], frame: { prefix: number; suffix: number }): Promise<number> {
  const sequences = TEXTS.map((text) => model.tokenizer.tokenize(text).map((token) => token.id));
  assert.notEqual(sequences[0].length, sequences[1].length, 'the batch needs padding');
  // One padded batch of both texts: padding must not change any real token's states.
  const batch = await model.encoder.run(sequences);
  let worst = 0;
  batch.forEach((layers, s) => {
    assert.equal(layers.length, model.info.layers.length);
    const framed = reference(sequences[s]);
    layers.forEach((states, l) => {
      assert.equal(states.length, sequences[s].length * model.info.hiddenSize);
      const diff = maxAbsDiff(states, framed[l], frame.prefix);
      t.diagnostic(`${model.info.id} text ${s} ${model.info.layers[l]}: max |Δ| = ${diff.toExponential(2)}`);
      assert.ok(diff <= TOLERANCE, `${model.info.layers[l]} differs by ${diff}`);
      worst = Math.max(worst, diff);
    });
  });
  return worst;
}

test('a tiny random BERT in the Hugging Face layout: every layer matches an independent forward pass', async (t) => {
  const dir = join(root, 'tiny-bert');
  const { weights, vocab } = writeTinyBert(dir);
  const model = await loadModel(dir, { cacheDir });
  assert.equal(model.info.id, 'tiny-bert');
  assert.deepEqual(model.info.layers, ['embeddings', 'layer1', 'layer2']);
  assert.equal(model.info.hiddenSize, 32);
  assert.equal(model.info.maxLength, 64 - 2, 'the window leaves room for [CLS] and [SEP]');
  const cls = vocab.get('[CLS]')!;
  const sep = vocab.get('[SEP]')!;
  const framedIds = (ids: number[]) => [cls, ...ids, sep];

  // The generated graph itself computes BERT: its own output equals the reference's last layer.
  const ids = framedIds(model.tokenizer.tokenize(TEXTS[0]).map((token) => token.id));
  const original = await lastHiddenState(join(dir, 'onnx', 'model.onnx'), { input_ids: ids, attention_mask: ids.map(() => 1), token_type_ids: ids.map(() => 0) });
  assert.ok(maxAbsDiff(original, bertHiddenStates(weights, ids)[2], 0) <= TOLERANCE);

  const worst = await checkLayers(t, model, (sequence) => bertHiddenStates(weights, framedIds(sequence)), { prefix: 1, suffix: 1 });
  t.diagnostic(`tiny BERT, all layers: max |Δ| = ${worst.toExponential(2)}`);
  await model.encoder.dispose();
});

test('a tiny random GPT-2 in the Hugging Face layout: the embeddings and every block’s residual stream match', async (t) => {
  const dir = join(root, 'tiny-gpt2');
  const { weights } = writeTinyGpt2(dir);
  const model = await loadModel(dir, { cacheDir });
  assert.deepEqual(model.info.layers, ['embeddings', 'layer1', 'layer2']);
  assert.equal(model.info.maxLength, 128, 'GPT-2 adds no special tokens');

  const ids = model.tokenizer.tokenize(TEXTS[1]).map((token) => token.id);
  const original = await lastHiddenState(join(dir, 'onnx', 'model.onnx'), { input_ids: ids, attention_mask: ids.map(() => 1), position_ids: ids.map((_, i) => i) });
  assert.ok(maxAbsDiff(original, gpt2HiddenStates(weights, ids).final, 0) <= TOLERANCE, 'the generated graph computes GPT-2');

  const worst = await checkLayers(t, model, (sequence) => gpt2HiddenStates(weights, sequence).states, { prefix: 0, suffix: 0 });
  t.diagnostic(`tiny GPT-2, all layers: max |Δ| = ${worst.toExponential(2)}`);
  await model.encoder.dispose();
});

test('the rewritten graph is cached by the source’s hash and reused', async () => {
  const dir = join(root, 'tiny-bert-again');
  writeTinyBert(dir);
  const before = readdirSync(join(cacheDir, 'graphs')).filter((f) => f.endsWith('.onnx'));
  const model = await loadModel(dir, { cacheDir });
  const after = readdirSync(join(cacheDir, 'graphs')).filter((f) => f.endsWith('.onnx'));
  // The same seed gives the same bytes, so the first BERT test's rewrite serves this folder too.
  assert.deepEqual(after, before);
  assert.ok(after.some((f) => f.startsWith(model.info.onnxSha256)));
  await model.encoder.dispose();
});
